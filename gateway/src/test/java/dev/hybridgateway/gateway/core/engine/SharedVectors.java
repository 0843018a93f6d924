package dev.hybridgateway.gateway.core.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hybridgateway.core.v1.Vector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shared test vectors of interop-tests/vectors (format in its README.md): floats as
 * IEEE-754 bit patterns in hex, seeds and u64 outputs as 16 hex digits. Surefire passes the folder
 * as the system property {@code hotpath.vectors.dir}.
 */
final class SharedVectors {
  private SharedVectors() {}

  /** The {@code data} object of {@code name}.json. */
  static JsonObject data(String name) {
    String dir = System.getProperty("hotpath.vectors.dir", "../interop-tests/vectors");
    try {
      String text = Files.readString(Path.of(dir, name + ".json"));
      return JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("data");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the shared vectors " + name + ".json in " + dir, e);
    }
  }

  static long u64(JsonElement hex) {
    return Long.parseUnsignedLong(hex.getAsString(), 16);
  }

  static int bits(String hex) {
    return Integer.parseUnsignedInt(hex, 16);
  }

  /** A space-separated list of float bit patterns. */
  static float[] floats(JsonElement hexList) {
    String text = hexList.getAsString().trim();
    if (text.isEmpty()) {
      return new float[0];
    }
    String[] parts = text.split(" ");
    float[] out = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Float.intBitsToFloat(bits(parts[i]));
    }
    return out;
  }

  static List<Vector> vectors(JsonArray hexLists) {
    List<Vector> out = new ArrayList<>();
    for (JsonElement v : hexLists) {
      out.add(TestCalls.vector(floats(v)));
    }
    return out;
  }

  static int[] bitsOf(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }

  /** Expected hit lists as "id:scorebits" strings, one list per query. */
  static List<List<String>> hits(JsonArray expected) {
    List<List<String>> out = new ArrayList<>();
    for (JsonElement query : expected) {
      List<String> hits = new ArrayList<>();
      for (JsonElement hit : query.getAsJsonArray()) {
        JsonObject h = hit.getAsJsonObject();
        hits.add(h.get("id").getAsLong() + ":" + h.get("score").getAsString());
      }
      out.add(hits);
    }
    return out;
  }

  /** Actual hit lists in the same "id:scorebits" form. */
  static List<List<String>> hits(List<dev.hybridgateway.core.v1.Neighbors> results) {
    List<List<String>> out = new ArrayList<>();
    for (dev.hybridgateway.core.v1.Neighbors n : results) {
      out.add(
          n.getHitsList().stream()
              .map(
                  h ->
                      Long.toUnsignedString(h.getId())
                          + ":"
                          + String.format("%08x", Float.floatToRawIntBits(h.getScore())))
              .toList());
    }
    return out;
  }
}
