package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.auth.ApiKeyEntry;
import dev.hybridgateway.gateway.auth.AuthConfig;
import dev.hybridgateway.gateway.auth.AuthConfigBuilder;
import dev.hybridgateway.gateway.auth.AuthProfile;
import dev.hybridgateway.gateway.auth.JwksCacheSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The production auth file ({@code --auth prod --auth-config FILE}, gateway/CONFIG.md
 * "Authentication"): a small YAML mapping whose keys are the {@code auth.*} settings of {@link
 * AuthConfig}. Strict: unknown keys, wrong types and duplicate keys fail with the file name and
 * the key path ({@code auth-prod.yaml: auth.api_keys[0].scope: unknown key ...}); the checks of
 * {@link AuthConfig} itself name the {@code auth.*} setting. A relative {@code jwks_file} is
 * resolved against the file's directory. Only plain YAML types are constructed.
 *
 * <pre>{@code
 * AuthConfig config = AuthConfigFile.load(Path.of("gateway/config/auth-prod.example.yaml"));
 * }</pre>
 */
public final class AuthConfigFile {
  private static final Set<String> TOP =
      Set.of(
          "issuer", "audience", "algorithms", "clock_skew", "jwks_file", "jwks_url", "jwks_cache",
          "tenant_claim", "api_keys");
  private static final Set<String> CACHE =
      Set.of(
          "ttl", "refresh_ahead", "refresh_timeout", "rate_limit", "outage_tolerance",
          "connect_timeout", "read_timeout", "size_limit");
  private static final Set<String> API_KEY = Set.of("id", "sha256", "tenant", "scopes");

  private AuthConfigFile() {}

  /** Reads and validates {@code file} as a prod-profile config. */
  public static AuthConfig load(Path file) {
    requireNonNull(file, "file");
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the auth config " + file, e);
    }
    Path base = file.toAbsolutePath().getParent();
    return parse(text, file.getFileName().toString(), base);
  }

  /**
   * Parses {@code yaml} (named {@code source} in errors); a relative {@code jwks_file} is resolved
   * against {@code baseDir}.
   */
  public static AuthConfig parse(String yaml, String source, Path baseDir) {
    requireNonNull(yaml, "yaml");
    requireNonNull(source, "source");
    requireNonNull(baseDir, "baseDir");
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object document;
    try {
      document = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    Node root = new Node(source, "auth", document);
    if (document == null) {
      throw root.error("the file is empty");
    }
    Map<String, Object> top = root.asMap(TOP);
    AuthConfigBuilder builder = AuthConfig.builder().profile(AuthProfile.PROD);
    try {
      if (top.containsKey("issuer")) {
        builder.issuer(root.child("issuer").asString());
      }
      if (top.containsKey("audience")) {
        builder.audience(root.child("audience").asString());
      }
      if (top.containsKey("algorithms")) {
        List<String> algorithms = new ArrayList<>();
        for (Node alg : root.child("algorithms").elements()) {
          algorithms.add(alg.asString());
        }
        builder.allowedAlgorithms(algorithms);
      }
      if (top.containsKey("clock_skew")) {
        builder.clockSkew(root.child("clock_skew").asDuration());
      }
      if (top.containsKey("jwks_file")) {
        builder.jwksFile(baseDir.resolve(root.child("jwks_file").asString()));
      }
      if (top.containsKey("jwks_url")) {
        Node url = root.child("jwks_url");
        try {
          builder.jwksUrl(new URI(url.asString()));
        } catch (URISyntaxException e) {
          throw url.error("not a URL: " + e.getMessage());
        }
      }
      if (top.containsKey("jwks_cache")) {
        builder.jwksCache(cache(root.child("jwks_cache")));
      }
      if (top.containsKey("tenant_claim")) {
        builder.tenantClaim(root.child("tenant_claim").asString());
      }
      for (Node key : root.child("api_keys").elements()) {
        key.asMap(API_KEY);
        Set<String> scopes = new LinkedHashSet<>();
        for (Node scope : key.child("scopes").elements()) {
          scopes.add(scope.asString());
        }
        builder.addApiKey(
            new ApiKeyEntry(
                key.child("id").asString(),
                key.child("sha256").asString(),
                key.child("tenant").asString(),
                scopes));
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(source + ": ")) {
        throw e;
      }
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static JwksCacheSettings cache(Node node) {
    Map<String, Object> map = node.asMap(CACHE);
    JwksCacheSettings d = JwksCacheSettings.defaults();
    return new JwksCacheSettings(
        map.containsKey("ttl") ? node.child("ttl").asDuration() : d.ttl(),
        map.containsKey("refresh_ahead") ? node.child("refresh_ahead").asDuration() : d.refreshAhead(),
        map.containsKey("refresh_timeout")
            ? node.child("refresh_timeout").asDuration()
            : d.refreshTimeout(),
        map.containsKey("rate_limit") ? node.child("rate_limit").asDuration() : d.rateLimit(),
        map.containsKey("outage_tolerance")
            ? node.child("outage_tolerance").asDuration()
            : d.outageTolerance(),
        map.containsKey("connect_timeout")
            ? node.child("connect_timeout").asDuration()
            : d.connectTimeout(),
        map.containsKey("read_timeout") ? node.child("read_timeout").asDuration() : d.readTimeout(),
        map.containsKey("size_limit") ? node.child("size_limit").asInt() : d.sizeLimitBytes());
  }

  /** One value with its {@code auth.*} path, so every error names where it is. */
  private record Node(String source, String path, Object value) {
    IllegalArgumentException error(String message) {
      return new IllegalArgumentException(source + ": " + path + ": " + message);
    }

    Node child(String key) {
      return new Node(source, path + "." + key, asMap().get(key));
    }

    Map<String, Object> asMap(Set<String> allowed) {
      Map<String, Object> map = asMap();
      for (String key : map.keySet()) {
        if (!allowed.contains(key)) {
          throw new Node(source, path + "." + key, null)
              .error("unknown key (expected one of " + String.join(", ", sorted(allowed)) + ")");
        }
      }
      return map;
    }

    Map<String, Object> asMap() {
      if (value == null) {
        return Map.of();
      }
      if (!(value instanceof Map<?, ?> raw)) {
        throw error("expected a mapping, found " + describe());
      }
      Map<String, Object> map = new LinkedHashMap<>();
      raw.forEach(
          (k, v) -> {
            if (!(k instanceof String key)) {
              throw error("expected string keys, found " + k);
            }
            map.put(key, v);
          });
      return map;
    }

    List<Node> elements() {
      if (value == null) {
        return List.of();
      }
      if (!(value instanceof List<?> list)) {
        throw error("expected a list, found " + describe());
      }
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        nodes.add(new Node(source, path + "[" + i + "]", list.get(i)));
      }
      return nodes;
    }

    String asString() {
      if (!(value instanceof String s) || s.isBlank()) {
        throw error("expected a non-empty string, found " + describe());
      }
      return s;
    }

    int asInt() {
      if (!(value instanceof Integer i)) {
        throw error("expected an integer, found " + describe());
      }
      return i;
    }

    /** {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, or a bare integer of seconds. */
    Duration asDuration() {
      if (value instanceof Integer i && i >= 0) {
        return Duration.ofSeconds(i);
      }
      if (!(value instanceof String s)) {
        throw error("expected a duration like 500ms, 30s or 5m, found " + describe());
      }
      try {
        return Converters.duration(s);
      } catch (IllegalArgumentException e) {
        throw error(e.getMessage());
      }
    }

    String describe() {
      if (value == null) {
        return "nothing";
      }
      return value instanceof String s
          ? "\"" + s + "\""
          : value.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }

    private static List<String> sorted(Set<String> keys) {
      return keys.stream().sorted().toList();
    }
  }
}
