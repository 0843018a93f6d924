package dev.hybridgateway.gateway.telemetry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Prometheus text exposition (format 0.0.4), enough for tests to check names, labels and
 * values of what {@code /metrics} serves.
 */
public final class MetricsText {
  private static final Pattern SAMPLE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final Map<String, String> types = new LinkedHashMap<>();
  private final List<Sample> samples = new ArrayList<>();

  private MetricsText(String text) {
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        types.put(parts[2], parts[3]);
      } else if (!line.isBlank() && !line.startsWith("#")) {
        Matcher m = SAMPLE.matcher(line);
        if (!m.matches()) {
          throw new AssertionError("not a sample line: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (m.group(3) != null) {
          Matcher label = LABEL.matcher(m.group(3));
          while (label.find()) {
            labels.put(label.group(1), label.group(2));
          }
        }
        samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
      }
    }
  }

  /** Parses {@code body}. */
  public static MetricsText parse(byte[] body) {
    return new MetricsText(new String(body, StandardCharsets.UTF_8));
  }

  /** Parses {@code text}. */
  public static MetricsText parse(String text) {
    return new MetricsText(text);
  }

  /** Metric family name → type, from the {@code # TYPE} lines. */
  public Map<String, String> types() {
    return types;
  }

  /** Every sample. */
  public List<Sample> samples() {
    return samples;
  }

  /** The label names of the samples of {@code name}, without the exporter's own. */
  public Set<String> labelNames(String name) {
    Set<String> out = new LinkedHashSet<>();
    samples.stream()
        .filter(s -> s.name().equals(name))
        .forEach(s -> s.labels().keySet().stream()
            .filter(label -> !label.startsWith("otel_scope_") && !label.equals("le"))
            .forEach(out::add));
    return out;
  }

  /** The value of the one sample of {@code name} whose labels include {@code labels}. */
  public double value(String name, Map<String, String> labels) {
    List<Sample> matching =
        samples.stream()
            .filter(s -> s.name().equals(name))
            .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
            .toList();
    if (matching.size() != 1) {
      throw new AssertionError(
          matching.size() + " samples of " + name + " with " + labels + " in " + samples);
    }
    return matching.getFirst().value();
  }

  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}
}
