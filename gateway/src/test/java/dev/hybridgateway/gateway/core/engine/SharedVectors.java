package dev.hybridgateway.gateway.core.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the synthetic-data part of the shared test vectors (interop-tests/vectors/synthetic.json;
 * the search and rerank cases come from {@link dev.hybridgateway.gateway.testing.SharedVectorCases}):
 * floats as IEEE-754 bit patterns in hex, seeds and u64 outputs as 16 hex digits. Surefire passes the folder
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

  static int[] bitsOf(float[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Float.floatToRawIntBits(values[i]);
    }
    return out;
  }
}
