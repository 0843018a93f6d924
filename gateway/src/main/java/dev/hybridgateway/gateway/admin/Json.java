package dev.hybridgateway.gateway.admin;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import java.util.Collection;
import java.util.Map;

/**
 * Small JSON bodies through protobuf's JsonFormat (already the REST API's JSON), so nothing here
 * escapes strings by hand: maps become a {@link Struct}, messages print as themselves.
 */
final class Json {
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();

  private Json() {}

  /** {@code fields} as a JSON object; values: String, Boolean, Number, Collection, Map, null. */
  static String object(Map<String, ?> fields) {
    return print(struct(fields));
  }

  /** {@code message} in the proto3 JSON mapping. */
  static String print(MessageOrBuilder message) {
    return print(PRINTER, message);
  }

  static String print(JsonFormat.Printer printer, MessageOrBuilder message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot print " + message.getClass().getName(), e);
    }
  }

  private static Struct struct(Map<String, ?> fields) {
    Struct.Builder out = Struct.newBuilder();
    fields.forEach((key, value) -> out.putFields(key, value(value)));
    return out.build();
  }

  private static Value value(Object value) {
    return switch (value) {
      case null -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
      case String s -> Value.newBuilder().setStringValue(s).build();
      case Boolean b -> Value.newBuilder().setBoolValue(b).build();
      case Number n -> Value.newBuilder().setNumberValue(n.doubleValue()).build();
      case Map<?, ?> m -> {
        Struct.Builder nested = Struct.newBuilder();
        m.forEach((k, v) -> nested.putFields(String.valueOf(k), value(v)));
        yield Value.newBuilder().setStructValue(nested).build();
      }
      case Collection<?> c -> {
        ListValue.Builder list = ListValue.newBuilder();
        c.forEach(item -> list.addValues(value(item)));
        yield Value.newBuilder().setListValue(list).build();
      }
      default -> Value.newBuilder().setStringValue(value.toString()).build();
    };
  }
}
