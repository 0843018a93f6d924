package dev.hybridgateway.gateway.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.hybridgateway.core.v1.Vector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Floats survive the adapter's JSON bit for bit: JsonFormat prints a float with {@code
 * Float.toString} (the shortest decimal that identifies it) and parses it back to the same bits.
 */
class RestFloatsTest {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence();

  private static void assertRoundTrips(float... values) throws Exception {
    Vector.Builder vector = Vector.newBuilder();
    for (float value : values) {
      vector.addValues(value);
    }
    String json = PRINTER.print(vector);
    Vector back = RestFixture.parse(json, Vector.getDefaultInstance());

    assertThat(back.getValuesCount()).isEqualTo(values.length);
    for (int i = 0; i < values.length; i++) {
      assertThat(Float.floatToRawIntBits(back.getValues(i)))
          .as("value %s printed as %s", values[i], json)
          .isEqualTo(Float.floatToRawIntBits(values[i]));
    }
  }

  @Test
  void print_edgeValues_parseBackBitExact() throws Exception {
    assertRoundTrips(
        -0.0f,
        0.0f,
        Float.MIN_VALUE,
        -Float.MIN_VALUE,
        Float.MIN_NORMAL,
        Math.nextDown(Float.MIN_NORMAL),
        Float.MAX_VALUE,
        -Float.MAX_VALUE,
        Math.nextDown(Float.MAX_VALUE),
        1f / 3f,
        0.1f,
        16777217f);
  }

  @Test
  void print_randomFiniteBitPatterns_parseBackBitExact() throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    float[] values = new float[100_000];
    for (int i = 0; i < values.length; i++) {
      float value;
      do {
        value = Float.intBitsToFloat(random.nextInt());
      } while (!Float.isFinite(value));
      values[i] = value;
    }
    assertRoundTrips(values);
  }
}
