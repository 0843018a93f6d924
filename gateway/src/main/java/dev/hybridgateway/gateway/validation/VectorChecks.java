package dev.hybridgateway.gateway.validation;

import dev.hybridgateway.core.v1.Vector;
import java.util.List;

/**
 * The checks on vectors no protovalidate rule expresses: every value finite, every vector of the
 * expected dim. Paths name the list and position: {@code queries[2].values[7]}.
 */
final class VectorChecks {
  private VectorChecks() {}

  /** Reports each NaN or ±Inf component of {@code vectors} (field {@code list}). */
  static void finite(String list, List<Vector> vectors, FieldViolations out) {
    for (int i = 0; i < vectors.size(); i++) {
      Vector vector = vectors.get(i);
      for (int j = 0; j < vector.getValuesCount(); j++) {
        float value = vector.getValues(j);
        if (!Float.isFinite(value)) {
          out.add(
              list + "[" + i + "].values[" + j + "]",
              "must be finite, is " + value,
              "NON_FINITE_VALUE");
        }
      }
    }
  }

  /** Reports each vector of {@code vectors} whose length is not {@code dim}. */
  static void dims(String list, List<Vector> vectors, int dim, String expected, FieldViolations out) {
    for (int i = 0; i < vectors.size(); i++) {
      int count = vectors.get(i).getValuesCount();
      if (count != dim && count > 0) {
        out.add(
            list + "[" + i + "].values",
            "has " + count + " values, expected " + dim + " (" + expected + ")",
            "DIMENSION_MISMATCH");
      }
    }
  }
}
