package dev.hybridgateway.gateway.rest;

import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreErrors;
import io.grpc.CallOptions;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP request headers the adapter turns into gRPC call metadata and options.
 *
 * <ul>
 *   <li>{@value #AUTHORIZATION}, {@value #API_KEY}: credentials, forwarded as metadata of the
 *       same name, so the gRPC auth interceptor sees them unchanged;
 *   <li>{@value #TRACEPARENT}, {@value #TRACESTATE}: W3C trace context, forwarded;
 *   <li>{@value #TRANSPORT}: the transport override (honoured by routing for the admin scope
 *       only), forwarded;
 *   <li>{@value #TIMEOUT_MS}: the client's deadline as a positive integer of milliseconds from
 * the request's arrival; it becomes the gRPC call's deadline, which the gateway's deadline
 *       policy then caps. Absent: the policy's route default applies.
 * </ul>
 */
public final class RestHeaders {
  /** Bearer token ({@code Authorization: Bearer <jwt>}). */
  public static final String AUTHORIZATION = "authorization";
  /** API key. */
  public static final String API_KEY = "x-api-key";
  /** W3C trace context. */
  public static final String TRACEPARENT = "traceparent";
  /** W3C trace state. */
  public static final String TRACESTATE = "tracestate";
  /** Transport override ({@code java}, {@code ffi} or {@code grpc}). */
  public static final String TRANSPORT = "x-hybrid-transport";
  /** The client's timeout in milliseconds. */
  public static final String TIMEOUT_MS = "x-request-timeout-ms";

  /** Longest timeout accepted: a day; the deadline policy caps it far lower anyway. */
  static final long MAX_TIMEOUT_MS = TimeUnit.DAYS.toMillis(1);

  private static final List<String> FORWARDED =
      List.of(AUTHORIZATION, API_KEY, TRACEPARENT, TRACESTATE, TRANSPORT);

  private RestHeaders() {}

  /** The gRPC metadata carrying the forwarded headers of {@code headers}. */
  static Metadata metadata(HttpHeaders headers) {
    Metadata metadata = new Metadata();
    for (String name : FORWARDED) {
      for (String value : headers.getAll(name)) {
        metadata.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
      }
    }
    return metadata;
  }

  /**
   * {@code options} with the deadline of the {@value #TIMEOUT_MS} header, if present, counted
   * from {@code arrivalNanos} ({@link System#nanoTime()} when the request was read).
   *
   * @throws StatusRuntimeException INVALID_ARGUMENT (BadRequest on the header) for a value that
   *     is not an integer in 1..{@value #MAX_TIMEOUT_MS}
   */
  static CallOptions withDeadline(CallOptions options, HttpHeaders headers, long arrivalNanos) {
    String value = headers.get(TIMEOUT_MS);
    if (value == null) {
      return options;
    }
    long millis;
    try {
      millis = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      millis = -1;
    }
    if (millis < 1 || millis > MAX_TIMEOUT_MS) {
      throw StatusProto.toStatusRuntimeException(invalidTimeout(value));
    }
    long elapsed = System.nanoTime() - arrivalNanos;
    return options.withDeadlineAfter(
        TimeUnit.MILLISECONDS.toNanos(millis) - elapsed, TimeUnit.NANOSECONDS);
  }

  private static Status invalidTimeout(String value) {
    String message =
        TIMEOUT_MS + " must be an integer number of milliseconds in 1.." + MAX_TIMEOUT_MS
            + ", is \"" + value + "\"";
    Status base =
        CoreErrors.status(
            Code.INVALID_ARGUMENT,
            message,
            ErrorInfo.newBuilder()
                .setDomain(CoreErrors.EDGE_DOMAIN)
                .setReason("INVALID_HEADER")
                .build());
    BadRequest bad =
        BadRequest.newBuilder()
            .addFieldViolations(
                BadRequest.FieldViolation.newBuilder().setField(TIMEOUT_MS).setDescription(message))
            .build();
    return base.toBuilder().addDetails(com.google.protobuf.Any.pack(bad)).build();
  }
}
