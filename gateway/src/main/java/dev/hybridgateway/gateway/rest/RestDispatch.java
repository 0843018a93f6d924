package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.CallOptions;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Turns one routed REST request into its gRPC call and the call's outcome into the response,
 * off the event loop: JSON parsing (up to the body limit) runs on the JSON executor, printing
 * on the gRPC callback thread, and only the write goes back to the connection's event loop.
 */
final class RestDispatch {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().usingTypeRegistry(RestErrors.DETAILS).alwaysPrintFieldsWithNoPresence();

  private final RestCalls calls;
  private final Executor json;

  RestDispatch(RestCalls calls, Executor json) {
    this.calls = requireNonNull(calls, "calls");
    this.json = requireNonNull(json, "json");
  }

  /** Parses {@code body} into {@code found}'s request, calls it, writes the outcome. */
  void dispatch(
      RestRoutes.Found found, String body, HttpHeaders headers, Channel connection, RestWriter writer) {
    try {
      json.execute(() -> call(found, body, headers, connection, writer));
    } catch (RejectedExecutionException closing) {
      writer.write(
          RestErrors.response(
              RestErrors.status(Code.UNAVAILABLE, "SHUTTING_DOWN", "the REST server is closing")),
          null);
    }
  }

  private void call(
      RestRoutes.Found found, String body, HttpHeaders headers, Channel connection, RestWriter writer) {
    Message request;
    CallOptions options;
    try {
      request = found.route().request(body, found.variables());
      options = RestHeaders.withDeadline(CallOptions.DEFAULT, headers, writer.startNanos());
    } catch (InvalidProtocolBufferException e) {
      String type = found.route().requestPrototype().getDescriptorForType().getFullName();
      writer.write(
          RestErrors.response(
              RestErrors.status(
                  Code.INVALID_ARGUMENT,
                  "MALFORMED_JSON",
                  "the request body is not a valid " + type + " in JSON: " + e.getMessage())),
          null);
      return;
    } catch (StatusRuntimeException e) {
      writer.write(RestErrors.response(StatusProto.fromThrowable(e)), null);
      return;
    } catch (RuntimeException e) {
      writer.write(RestErrors.response(CoreErrors.internal("the REST adapter failed: " + e)), null);
      return;
    }
    calls.start(
        found.route(),
        request,
        RestHeaders.metadata(headers),
        options,
        connection,
        (reply, failure) -> {
          if (failure != null) {
            writer.write(RestErrors.response(RestErrors.fromFailure(failure)), null);
            return;
          }
          try {
            writer.write(RestResponse.json(200, PRINTER.print(reply)), reply);
          } catch (InvalidProtocolBufferException | RuntimeException e) {
            writer.write(
                RestErrors.response(CoreErrors.internal("cannot print the reply: " + e)), null);
          }
        });
  }
}
