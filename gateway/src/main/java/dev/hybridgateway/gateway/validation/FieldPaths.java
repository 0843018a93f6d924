package dev.hybridgateway.gateway.validation;

import build.buf.validate.FieldPath;
import build.buf.validate.FieldPathElement;

/**
 * Renders protovalidate's structured {@link FieldPath} the way BadRequest field paths are written
 * everywhere in this project: {@code queries[0].values}, {@code labels["key"]}.
 */
final class FieldPaths {
  private FieldPaths() {}

  static String of(FieldPath path) {
    StringBuilder out = new StringBuilder();
    for (FieldPathElement element : path.getElementsList()) {
      if (!out.isEmpty()) {
        out.append('.');
      }
      out.append(element.getFieldName());
      switch (element.getSubscriptCase()) {
        case INDEX -> out.append('[').append(element.getIndex()).append(']');
        case BOOL_KEY -> out.append('[').append(element.getBoolKey()).append(']');
        case INT_KEY -> out.append('[').append(element.getIntKey()).append(']');
        case UINT_KEY -> out.append('[').append(Long.toUnsignedString(element.getUintKey())).append(']');
        case STRING_KEY -> out.append("[\"").append(element.getStringKey()).append("\"]");
        case SUBSCRIPT_NOT_SET -> {}
      }
    }
    return out.toString();
  }
}
