package dev.hybridgateway.bench.report;

import static java.util.Objects.requireNonNull;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads and writes {@link BenchReport} as JSON with gson. gson, not Jackson, because it is
 * already on the classpath of every grpc-java application (and pinned in the root pom), maps
 * records directly, and the report needs nothing more. Durations are ISO-8601 strings
 * ({@code "PT0.005S"}); percentiles are plain numbers in milliseconds.
 */
public final class JsonReports {
  private static final Gson GSON =
      new GsonBuilder()
          .setPrettyPrinting()
          .disableHtmlEscaping()
          .serializeNulls()
          .registerTypeAdapter(Duration.class, new DurationAdapter().nullSafe())
          .create();

  private JsonReports() {}

  public static String toJson(BenchReport report) {
    // The derived P4 and P6 figures are written beside the data for readers of the JSON, and
    // recomputed (not read back) when a report is read.
    JsonObject tree = GSON.toJsonTree(requireNonNull(report, "report")).getAsJsonObject();
    tree.add("p4", GSON.toJsonTree(report.edge()));
    tree.add("p6", GSON.toJsonTree(report.memoryFigures()));
    return GSON.toJson(tree);
  }

  public static BenchReport fromJson(String json) {
    BenchReport report = GSON.fromJson(requireNonNull(json, "json"), BenchReport.class);
    if (report == null || !BenchReport.SCHEMA.equals(report.schema())) {
      throw new IllegalArgumentException(
          "not a " + BenchReport.SCHEMA + " report: schema " + (report == null ? null : report.schema()));
    }
    return report;
  }

  public static void write(BenchReport report, Path file) throws IOException {
    Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
  }

  public static BenchReport read(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Durations as ISO-8601 strings. */
  private static final class DurationAdapter extends TypeAdapter<Duration> {
    @Override
    public void write(JsonWriter out, Duration value) throws IOException {
      out.value(value.toString());
    }

    @Override
    public Duration read(JsonReader in) throws IOException {
      return Duration.parse(in.nextString());
    }
  }
}
