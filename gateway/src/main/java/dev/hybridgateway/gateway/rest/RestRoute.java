package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.MethodDescriptor;
import java.util.Map;

/**
 * One REST route: an HTTP method and path template bound to a unary gRPC method. Path variables
 * are set on the request field of the same name; with body {@code "*"} the JSON body is merged
 * into the request first (path variables win over body fields of the same name).
 *
 * @param httpMethod {@code GET}, {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}
 * @param path the path template of the {@code google.api.http} rule
 * @param body {@code "*"} when the whole request comes from the JSON body, {@code ""} for none
 * @param method the gRPC method the route calls
 * @param requestPrototype the default instance of the method's request message
 */
record RestRoute(
    String httpMethod,
    PathTemplate path,
    String body,
    MethodDescriptor<Message, Message> method,
    Message requestPrototype) {
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  RestRoute {
    requireNonNull(httpMethod, "httpMethod");
    requireNonNull(path, "path");
    requireNonNull(body, "body");
    requireNonNull(method, "method");
    requireNonNull(requestPrototype, "requestPrototype");
    if (!body.isEmpty() && !body.equals("*")) {
      throw new IllegalArgumentException(
          method.getFullMethodName() + ": only body \"*\" or none is supported, not " + body);
    }
    for (String variable : path.variables()) {
      FieldDescriptor field = requestPrototype.getDescriptorForType().findFieldByName(variable);
      if (field == null
          || field.isRepeated()
          || field.getJavaType() != FieldDescriptor.JavaType.STRING) {
        throw new IllegalArgumentException(
            method.getFullMethodName() + ": path variable {" + variable
                + "} must name a singular string field of the request");
      }
    }
  }

  /**
   * The request of this route: {@code json} (may be empty) merged, then {@code variables} set.
   *
   * @throws InvalidProtocolBufferException when the body is not the request message in JSON, or
   *     a body was sent to a route that takes none
   */
  Message request(String json, Map<String, String> variables)
      throws InvalidProtocolBufferException {
    Message.Builder request = requestPrototype.newBuilderForType();
    if (!json.isBlank()) {
      if (body.isEmpty()) {
        throw new InvalidProtocolBufferException(
            httpMethod + " " + path + " takes no request body");
      }
      PARSER.merge(json, request);
    }
    for (Map.Entry<String, String> variable : variables.entrySet()) {
      FieldDescriptor field = request.getDescriptorForType().findFieldByName(variable.getKey());
      request.setField(field, variable.getValue());
    }
    return request.build();
  }
}
