package dev.hybridgateway.gateway.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The few Rust text conventions that appear in the core's error messages, reproduced so the Java
 * engine's {@code google.rpc.Status} reads exactly like the Rust core's: {@code {:?}} quoting of
 * strings, {@code Display} of non-finite floats, and {@code status.rs}'s byte-length truncation.
 */
final class RustText {
  private RustText() {}

  /**
   * {@code format!("{:?}", s)}: double quotes; {@code \t \r \n \\ \" \0} escaped; other control,
   * format, unassigned, private-use, separator (except ' ') and combining characters as Rust's
   * {@code u{hex}} escape (after a backslash). Rust decides "printable" from its own Unicode
   * tables; this mirrors them by general category, which agrees for ASCII and for all common text.
   */
  static String debugQuote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case 0 -> out.append("\\0");
                default -> {
                  if (printable(c)) {
                    out.appendCodePoint(c);
                  } else {
                    out.append("\\u{").append(Integer.toHexString(c).toLowerCase(Locale.ROOT));
                    out.append('}');
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  private static boolean printable(int c) {
    if (c >= 0x20 && c < 0x7F) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.UNASSIGNED,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK ->
          false;
      default -> true;
    };
  }

  /** Rust's {@code Display} of a non-finite f32: {@code NaN}, {@code inf}, {@code -inf}. */
  static String nonFinite(float x) {
    if (Float.isNaN(x)) {
      return "NaN";
    }
    if (Float.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    throw new IllegalArgumentException("finite value " + x + " is never formatted by the core");
  }

  /** {@code text} cut to at most {@code max} UTF-8 bytes on a character boundary, "…" when cut. */
  static String truncate(String text, int max) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= max) {
      return text;
    }
    int end = Math.max(0, max - 3);
    while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(utf8, 0, end, StandardCharsets.UTF_8) + "…";
  }
}
