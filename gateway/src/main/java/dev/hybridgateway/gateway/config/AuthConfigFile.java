package dev.hybridgateway.gateway.config;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.auth.ApiKeyEntry;
import dev.hybridgateway.gateway.auth.AuthConfig;
import dev.hybridgateway.gateway.auth.AuthConfigBuilder;
import dev.hybridgateway.gateway.auth.AuthProfile;
import dev.hybridgateway.gateway.auth.JwksCacheSettings;
import dev.hybridgateway.gateway.yaml.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
  // Listed alphabetically: error messages name the allowed keys in this order.
  private static final Set<String> TOP =
      YamlNode.ordered(
          "algorithms", "api_keys", "audience", "clock_skew", "issuer", "jwks_cache", "jwks_file",
          "jwks_url", "tenant_claim");
  private static final Set<String> CACHE =
      YamlNode.ordered(
          "connect_timeout", "outage_tolerance", "rate_limit", "read_timeout", "refresh_ahead",
          "refresh_timeout", "size_limit", "ttl");
  private static final Set<String> API_KEY = YamlNode.ordered("id", "scopes", "sha256", "tenant");

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
    YamlNode root = YamlNode.parse(yaml, source, "auth", IllegalArgumentException::new);
    if (!root.isPresent()) {
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
        for (YamlNode alg : root.child("algorithms").elements()) {
          algorithms.add(alg.asString());
        }
        builder.allowedAlgorithms(algorithms);
      }
      if (top.containsKey("clock_skew")) {
        builder.clockSkew(duration(root.child("clock_skew")));
      }
      if (top.containsKey("jwks_file")) {
        builder.jwksFile(baseDir.resolve(root.child("jwks_file").asString()));
      }
      if (top.containsKey("jwks_url")) {
        YamlNode url = root.child("jwks_url");
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
      for (YamlNode key : root.child("api_keys").elements()) {
        key.asMap(API_KEY);
        Set<String> scopes = new LinkedHashSet<>();
        for (YamlNode scope : key.child("scopes").elements()) {
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

  private static JwksCacheSettings cache(YamlNode node) {
    Map<String, Object> map = node.asMap(CACHE);
    JwksCacheSettings d = JwksCacheSettings.defaults();
    return new JwksCacheSettings(
        duration(node, "ttl", d.ttl()),
        duration(node, "refresh_ahead", d.refreshAhead()),
        duration(node, "refresh_timeout", d.refreshTimeout()),
        duration(node, "rate_limit", d.rateLimit()),
        duration(node, "outage_tolerance", d.outageTolerance()),
        duration(node, "connect_timeout", d.connectTimeout()),
        duration(node, "read_timeout", d.readTimeout()),
        map.containsKey("size_limit") ? node.child("size_limit").asInt() : d.sizeLimitBytes());
  }

  /** {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, or a bare integer of seconds. */
  private static Duration duration(YamlNode node) {
    if (node.value() instanceof Integer i && i >= 0) {
      return Duration.ofSeconds(i);
    }
    if (!(node.value() instanceof String s)) {
      throw node.error("expected a duration like 500ms, 30s or 5m, found " + node.describe());
    }
    try {
      return Converters.duration(s);
    } catch (IllegalArgumentException e) {
      throw node.error(e.getMessage());
    }
  }

  /** The duration at {@code key} of {@code node}, or {@code fallback} when the key is absent. */
  private static Duration duration(YamlNode node, String key, Duration fallback) {
    return node.asMap().containsKey(key) ? duration(node.child(key)) : fallback;
  }
}
