package dev.hybridgateway.gateway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Rust text conventions of the core's messages: {:?} quoting, float Display, truncation. */
class RustTextTest {

  @Test
  void debugQuote_specialCharacters_escapedLikeRust() {
    assertThat(RustText.debugQuote("demo")).isEqualTo("\"demo\"");
    assertThat(RustText.debugQuote("a\"b\\c\n\t\r\0")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\r\\0\"");
    assertThat(RustText.debugQuote("x\u001by\u200bz")).isEqualTo("\"x\\u{1b}y\\u{200b}z\"");
    assertThat(RustText.debugQuote("it's é")).isEqualTo("\"it's é\"");
  }

  @Test
  void nonFinite_values_displayLikeRust() {
    assertThat(RustText.nonFinite(Float.NaN)).isEqualTo("NaN");
    assertThat(RustText.nonFinite(Float.POSITIVE_INFINITY)).isEqualTo("inf");
    assertThat(RustText.nonFinite(Float.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void truncate_multibyteText_cutsOnCharBoundaryWithEllipsis() {
    assertThat(RustText.truncate("abc", 3)).isEqualTo("abc");
    String cut = RustText.truncate("ééééé", 6);
    assertThat(cut).isEqualTo("é…");
    assertThat(cut.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(6);
    assertThat(RustText.truncate("x".repeat(200), 64)).hasSize(62).endsWith("…");
  }
}
