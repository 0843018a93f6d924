package dev.hybridgateway.gateway.core.engine;

import dev.hybridgateway.core.v1.ErrorReason;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.core.engine.CoreError.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects field violations, a transcription of hotpath-core's {@code validate.rs}: the
 * protovalidate rules of the {@code .proto} files, enforced again with the same field paths, the
 * same descriptions and in the same order. The error's reason is the first violation's; only the
 * first {@value ErrorStatus#MAX_VIOLATIONS} violations are kept.
 */
final class Violations {
  /** Most values a vector may have. */
  static final int MAX_DIM = 4096;

  /** Longest collection name, in characters. */
  static final int MAX_NAME_CHARS = 128;

  private ErrorReason reason;
  private final List<FieldViolation> list = new ArrayList<>();

  void add(ErrorReason why, String field, String description) {
    if (reason == null) {
      reason = why;
    }
    if (list.size() < ErrorStatus.MAX_VIOLATIONS) {
      list.add(new FieldViolation(field, description));
    }
  }

  /** True once no more violations would be kept (callers may stop looking). */
  boolean isFull() {
    return list.size() >= ErrorStatus.MAX_VIOLATIONS;
  }

  /** Throws the INVALID_ARGUMENT error when anything was found. */
  void throwIfAny() {
    if (reason != null) {
      throw new CoreException(new CoreError.InvalidArgument(reason, list));
    }
  }

  /** A string length in characters (Unicode scalar values), as protovalidate counts. */
  boolean stringLen(String field, String value, int min, int max) {
    int chars = value.codePointCount(0, value.length());
    if (chars < min || chars > max) {
      add(
          ErrorReason.INVALID_FIELD,
          field,
          "must have " + min + "..=" + max + " characters, has " + chars);
      return false;
    }
    return true;
  }

  /** A collection name: 1..=128 characters of {@code [A-Za-z0-9_.-]}. */
  void collectionName(String field, String name) {
    if (stringLen(field, name, 1, MAX_NAME_CHARS) && !name.chars().allMatch(Violations::nameChar)) {
      add(ErrorReason.INVALID_FIELD, field, "must match ^[A-Za-z0-9_.-]+$");
    }
  }

  private static boolean nameChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.'
        || c == '-';
  }

  /** A repeated-field item count in {@code min..=max}. */
  boolean count(String field, int len, int min, int max) {
    if (len < min || len > max) {
      add(
          ErrorReason.INVALID_FIELD,
          field,
          "must have " + min + "..=" + max + " items, has " + len);
      return false;
    }
    return true;
  }

  /** An unsigned integer in {@code min..=max}. */
  boolean range(String field, long value, long min, long max) {
    if (Long.compareUnsigned(value, min) < 0 || Long.compareUnsigned(value, max) > 0) {
      add(
          ErrorReason.INVALID_FIELD,
          field,
          "must be in " + min + "..=" + max + ", is " + Long.toUnsignedString(value));
      return false;
    }
    return true;
  }

  /** A Metric value: defined, and not METRIC_UNSPECIFIED when required; null when refused. */
  Metric metric(String field, int value, boolean required) {
    Metric metric = Metric.forNumber(value);
    if (metric == null) {
      add(ErrorReason.INVALID_FIELD, field, value + " is not a defined Metric");
      return null;
    }
    if (metric == Metric.METRIC_UNSPECIFIED && required) {
      add(ErrorReason.INVALID_FIELD, field, "is required (METRIC_UNSPECIFIED is not allowed)");
      return null;
    }
    return metric;
  }

  /**
   * A vector's value count (1..=4096) and finiteness; {@code field} is e.g. {@code
   * queries[2].values}.
   */
  void vectorValues(String field, Vector vector) {
    if (count(field, vector.getValuesCount(), 1, MAX_DIM)) {
      finite(field, vector);
    }
  }

  /** Every value finite; the first bad one is reported as {@code field[j]}. */
  void finite(String field, Vector vector) {
    for (int j = 0; j < vector.getValuesCount(); j++) {
      float x = vector.getValues(j);
      if (!Float.isFinite(x)) {
        add(
            ErrorReason.NON_FINITE_VALUE,
            field + "[" + j + "]",
            "must be finite, is " + RustText.nonFinite(x));
        return;
      }
    }
  }

  /** Each vector of a repeated Vector field ({@code prefix[i].values}). */
  void vectors(String prefix, List<Vector> vectors) {
    for (int i = 0; i < vectors.size(); i++) {
      if (isFull()) {
        return;
      }
      vectorValues(prefix + "[" + i + "].values", vectors.get(i));
    }
  }

  /** Every vector has {@code dim} values (DIMENSION_MISMATCH); {@code what} names the reference. */
  void dims(String prefix, List<Vector> vectors, int dim, String what) {
    for (int i = 0; i < vectors.size(); i++) {
      if (isFull()) {
        return;
      }
      int len = vectors.get(i).getValuesCount();
      if (len != dim) {
        add(
            ErrorReason.DIMENSION_MISMATCH,
            prefix + "[" + i + "].values",
            "has " + len + " values, " + what + " is " + dim);
      }
    }
  }

  /** A path relative to the data directory: not absolute, no {@code ..} component (Unix rules). */
  void relativePath(String field, String path) {
    boolean escapes = path.startsWith("/");
    for (String component : path.split("/", -1)) {
      escapes |= component.equals("..");
    }
    if (escapes) {
      add(
          ErrorReason.INVALID_FIELD,
          field,
          "must be relative to the data directory (no absolute path, no \"..\")");
    }
  }
}
