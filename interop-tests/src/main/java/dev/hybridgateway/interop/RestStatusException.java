package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * A REST error answer as the catalogue sees it: the {@code google.rpc.Status} of its JSON body
 * as a {@link StatusRuntimeException} (so {@link Outcomes} reads code and details exactly as for
 * gRPC), plus what only HTTP has, for {@link HttpErrorChecks}.
 *
 * @see RestCoreClient
 */
public final class RestStatusException extends StatusRuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the HTTP response said besides the Status. */
  public record HttpAnswer(
      int status, String contentType, String retryAfter, String wwwAuthenticate, String body) {}

  private final transient Status status;
  private final transient HttpAnswer http;

  RestStatusException(Status status, HttpAnswer http) {
    this(StatusProto.toStatusRuntimeException(status), status, http);
  }

  private RestStatusException(StatusRuntimeException base, Status status, HttpAnswer http) {
    super(base.getStatus(), base.getTrailers());
    this.status = requireNonNull(status, "status");
    this.http = requireNonNull(http, "http");
  }

  /** The Status parsed from the body. */
  public Status rpcStatus() {
    return status;
  }

  /** The HTTP status, headers of interest and raw body. */
  public HttpAnswer http() {
    return http;
  }

  @Override
  public String getMessage() {
    return "HTTP " + http.status() + " " + super.getMessage();
  }
}
