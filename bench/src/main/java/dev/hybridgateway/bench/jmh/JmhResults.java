package dev.hybridgateway.bench.jmh;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result format (an array of rows with {@code benchmark}, {@code params}, {@code
 * primaryMetric} and {@code secondaryMetrics}). JMH writes non-finite scores as the string {@code
 * "NaN"}; they are read as {@link Double#NaN}.
 */
public final class JmhResults {
  private JmhResults() {}

  /** The rows of the file at {@code path}. */
  public static List<JmhResult> read(Path path) throws IOException {
    return parse(Files.readString(path));
  }

  /** The rows of a JMH JSON document. */
  public static List<JmhResult> parse(String json) {
    List<JmhResult> rows = new ArrayList<>();
    for (JsonElement element : JsonParser.parseString(json).getAsJsonArray()) {
      JsonObject row = element.getAsJsonObject();
      String benchmark = row.get("benchmark").getAsString();
      int method = benchmark.lastIndexOf('.');
      int type = benchmark.lastIndexOf('.', method - 1);
      Map<String, String> params = new LinkedHashMap<>();
      if (row.has("params")) {
        row.getAsJsonObject("params").entrySet()
            .forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
      }
      JsonObject primary = row.getAsJsonObject("primaryMetric");
      double bytes = Double.NaN;
      JsonObject secondary = row.getAsJsonObject("secondaryMetrics");
      if (secondary != null && secondary.has("bytes")) {
        bytes = number(secondary.getAsJsonObject("bytes").get("score"));
      }
      rows.add(
          new JmhResult(
              benchmark.substring(type + 1),
              params,
              number(primary.get("score")),
              primary.get("scoreUnit").getAsString(),
              bytes));
    }
    return rows;
  }

  private static double number(JsonElement value) {
    String text = value.getAsString();
    return text.equals("NaN") ? Double.NaN : Double.parseDouble(text);
  }
}
