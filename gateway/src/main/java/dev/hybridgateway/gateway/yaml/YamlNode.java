package dev.hybridgateway.gateway.yaml;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One value of a strictly read YAML document with its path from the root ({@code
 * routes[0].backends}), so every type or key error names the file and where in it. Used by every
 * configuration file of the gateway (routing, auth); each reader chooses the exception its
 * errors become.
 *
 * <pre>{@code
 * YamlNode root = YamlNode.parse(text, "routing.yaml", "", RoutingConfigException::new);
 * root.asMap(YamlNode.ordered("backends", "routes"));   // unknown keys fail, naming the path
 * }</pre>
 */
public record YamlNode(
    String source, String path, Object value, Function<String, ? extends RuntimeException> errors) {

  public YamlNode {
    requireNonNull(source, "source");
    requireNonNull(path, "path");
    requireNonNull(errors, "errors");
  }

  /**
   * Parses {@code yaml} with the safe constructor and duplicate keys refused; the root node has
   * path {@code rootPath}. Malformed YAML fails with "{source}: not valid YAML: ...".
   */
  public static YamlNode parse(
      String yaml, String source, String rootPath,
      Function<String, ? extends RuntimeException> errors) {
    requireNonNull(yaml, "yaml");
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      Object document = new Yaml(new SafeConstructor(options)).load(yaml);
      return new YamlNode(source, rootPath, document, errors);
    } catch (YAMLException e) {
      throw errors.apply(source + ": not valid YAML: " + e.getMessage());
    }
  }

  /** The allowed keys of a mapping, listed in this order in error messages. */
  public static Set<String> ordered(String... keys) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(keys)));
  }

  /** An error at this node: "{source}: {path}: {message}". */
  public RuntimeException error(String message) {
    String where = path.isEmpty() ? "" : path + ": ";
    return errors.apply(source + ": " + where + message);
  }

  /** The child at {@code key} (its value null when absent). */
  public YamlNode child(String key) {
    return at(path.isEmpty() ? key : path + "." + key, asMap().get(key));
  }

  public boolean isPresent() {
    return value != null;
  }

  /** This node as a mapping of string keys; fails on other keys than {@code allowed}. */
  public Map<String, Object> asMap(Set<String> allowed) {
    Map<String, Object> map = asMap();
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        String prefix = path.isEmpty() ? "" : path + ".";
        throw at(prefix + key, null)
            .error("unknown key (expected one of " + String.join(", ", allowed) + ")");
      }
    }
    return map;
  }

  /** This node as a mapping of string keys (absent is empty). */
  public Map<String, Object> asMap() {
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

  /** The entries of a mapping as nodes, in file order. */
  public List<Map.Entry<String, YamlNode>> entries() {
    List<Map.Entry<String, YamlNode>> entries = new ArrayList<>();
    for (String key : asMap().keySet()) {
      entries.add(Map.entry(key, child(key)));
    }
    return entries;
  }

  /** The elements of a sequence as nodes ({@code path[i]}); absent is empty. */
  public List<YamlNode> elements() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error("expected a list, found " + describe());
    }
    List<YamlNode> nodes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      nodes.add(at(path + "[" + i + "]", list.get(i)));
    }
    return nodes;
  }

  public String asString() {
    if (!(value instanceof String s) || s.isBlank()) {
      throw error("expected a non-empty string, found " + describe());
    }
    return s;
  }

  public int asInt() {
    if (!(value instanceof Integer i)) {
      throw error("expected an integer, found " + describe());
    }
    return i;
  }

  public int asInt(int min, int max) {
    int i = asInt();
    if (i < min || i > max) {
      throw error("must be between " + min + " and " + max + ", is " + i);
    }
    return i;
  }

  /** The value for error messages: "nothing", a quoted string, or its type and value. */
  public String describe() {
    if (value == null) {
      return "nothing";
    }
    return value instanceof String s
        ? "\"" + s + "\""
        : value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
  }

  private YamlNode at(String childPath, Object childValue) {
    return new YamlNode(source, childPath, childValue, errors);
  }
}
