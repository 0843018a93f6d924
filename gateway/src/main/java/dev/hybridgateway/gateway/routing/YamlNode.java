package dev.hybridgateway.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One value of a parsed YAML document with its path from the root ({@code routes[0].backends}),
 * so every type or key error names where it is. Read-only; used by {@link RoutingConfigParser}.
 */
record YamlNode(String source, String path, Object value) {

  RoutingConfigException error(String message) {
    String where = path.isEmpty() ? "" : path + ": ";
    return new RoutingConfigException(source + ": " + where + message);
  }

  /** The child at {@code key} (its value null when absent). */
  YamlNode child(String key) {
    return new YamlNode(source, path.isEmpty() ? key : path + "." + key, asMap().get(key));
  }

  boolean isPresent() {
    return value != null;
  }

  /** This node as a mapping of string keys; fails on other keys than {@code allowed}. */
  Map<String, Object> asMap(Set<String> allowed) {
    Map<String, Object> map = asMap();
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        String prefix = path.isEmpty() ? "" : path + ".";
        throw new YamlNode(source, prefix + key, null)
            .error("unknown key (expected one of " + String.join(", ", allowed) + ")");
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

  /** The entries of a mapping as nodes, in file order. */
  List<Map.Entry<String, YamlNode>> entries() {
    List<Map.Entry<String, YamlNode>> entries = new ArrayList<>();
    for (String key : asMap().keySet()) {
      entries.add(Map.entry(key, child(key)));
    }
    return entries;
  }

  /** The elements of a sequence as nodes ({@code path[i]}); absent is empty. */
  List<YamlNode> elements() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw error("expected a list, found " + describe());
    }
    List<YamlNode> nodes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      nodes.add(new YamlNode(source, path + "[" + i + "]", list.get(i)));
    }
    return nodes;
  }

  String asString() {
    if (!(value instanceof String s) || s.isBlank()) {
      throw error("expected a non-empty string, found " + describe());
    }
    return s;
  }

  int asInt(int min, int max) {
    if (!(value instanceof Integer i)) {
      throw error("expected an integer, found " + describe());
    }
    if (i < min || i > max) {
      throw error("must be between " + min + " and " + max + ", is " + i);
    }
    return i;
  }

  String describe() {
    if (value == null) {
      return "nothing";
    }
    return value instanceof String s ? "\"" + s + "\"" : value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
  }
}
