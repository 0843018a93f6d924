package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code google.api.http} path template of the simple form the gateway's protos use: literal
 * text with single-segment variables, e.g. {@code /v1/collections/{collection}:search}. A
 * variable matches one path segment without {@code /} (and without the {@code :verb} suffix),
 * percent-decoded by the caller before matching.
 */
final class PathTemplate {
  private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_][a-z0-9_]*)}");

  private final String template;
  private final Pattern pattern;
  private final List<String> variables;

  private PathTemplate(String template, Pattern pattern, List<String> variables) {
    this.template = template;
    this.pattern = pattern;
    this.variables = List.copyOf(variables);
  }

  /** Parses {@code template}; throws IllegalArgumentException for forms it does not support. */
  static PathTemplate of(String template) {
    requireNonNull(template, "template");
    if (!template.startsWith("/") || template.contains("*") || template.contains("=")) {
      throw new IllegalArgumentException("unsupported path template: " + template);
    }
    StringBuilder regex = new StringBuilder("^");
    List<String> variables = new ArrayList<>();
    Matcher m = VARIABLE.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      regex.append("([^/:]+)");
      variables.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last))).append('$');
    return new PathTemplate(template, Pattern.compile(regex.toString()), variables);
  }

  /** The variable values bound by {@code path}, in template order, or empty when it differs. */
  Optional<Map<String, String>> match(String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> bound = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      bound.put(variables.get(i), m.group(i + 1));
    }
    return Optional.of(bound);
  }

  /** The variable names, in template order. */
  List<String> variables() {
    return variables;
  }

  @Override
  public String toString() {
    return template;
  }
}
