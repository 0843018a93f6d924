package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.QuotaFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.CreateCollectionResponse;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.v1.Collection;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's REST/JSON API seen as a {@link CoreClient}, so the catalogue's cases run over
 * HTTP too: {@code POST /v1/collections/{collection}:search}, {@code POST /v1/rerank}, {@code POST
 * /v1/collections} and {@code GET /v1/collections/{name}} with proto3 JSON bodies (JsonFormat,
 * floats printed in their shortest round-tripping form). A non-200 answer becomes a {@link
 * RestStatusException} carrying the {@code google.rpc.Status} of the body and the HTTP status.
 *
 * <p>The io.grpc Context is honoured like a gRPC client would: its deadline is sent as {@code
 * x-request-timeout-ms} (the gateway answers 504 when it passes; this client does not pre-empt the
 * server, so the server's own answer is what the deadline cases time), a cancellation of the
 * Context aborts the HTTP exchange (the connection closes, and the gateway cancels the call), and
 * {@link CallTrace} is sent as {@code traceparent}.
 */
public final class RestCoreClient implements EdgeClient {
  /** The REST adapter's deadline header: whole milliseconds from the request's arrival. */
  static final String TIMEOUT_HEADER = "x-request-timeout-ms";
  /** How long past its deadline (or, without one, at all) a call may wait for the server. */
  private static final Duration SAFETY_TIMEOUT = Duration.ofSeconds(60);
  /** Bodies above this ask for {@code 100-continue}, so an over-limit body is refused unsent. */
  private static final int EXPECT_CONTINUE_BYTES = 1 << 20;

  static final JsonFormat.TypeRegistry DETAILS = JsonFormat.TypeRegistry.newBuilder()
      .add(ErrorInfo.getDescriptor()).add(BadRequest.getDescriptor())
      .add(ResourceInfo.getDescriptor()).add(QuotaFailure.getDescriptor())
      .add(RetryInfo.getDescriptor()).add(DebugInfo.getDescriptor())
      .build();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(DETAILS);

  private final URI base;
  private final String token;
  private final HttpClient http;
  private final boolean ownsHttp;

  private RestCoreClient(URI base, String token, HttpClient http, boolean ownsHttp) {
    this.base = base;
    this.token = token;
    this.http = http;
    this.ownsHttp = ownsHttp;
  }

  /** A client of the REST API at {@code hostPort}, sending {@code token} (may be null) as Bearer. */
  public static RestCoreClient of(String hostPort, String token) {
    return new RestCoreClient(URI.create("http://" + requireNonNull(hostPort, "hostPort")), token,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build(),
        true);
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public RestCoreClient withToken(String token) {
    return new RestCoreClient(base, token, http, false);
  }

  @Override
  public Transport transport() {
    return Transport.GRPC;
  }

  @Override
  public CompletableFuture<? extends Message> dispatch(CoreMethod<?, ?> method, Message request) {
    if (method == CoreMethod.SEARCH) {
      var search = GatewayMessages.search((SearchRequest) request);
      return exchange("POST", "/v1/collections/" + segment(search.getCollection()) + ":search",
          json(search.toBuilder().clearCollection().build()),
          dev.hybridgateway.gateway.v1.SearchResponse.getDefaultInstance())
          .thenApply(GatewayMessages::searchResponse);
    } else if (method == CoreMethod.RERANK) {
      return exchange("POST", "/v1/rerank", json(GatewayMessages.rerank((RerankRequest) request)),
          dev.hybridgateway.gateway.v1.RerankResponse.getDefaultInstance())
          .thenApply(GatewayMessages::rerankResponse);
    } else if (method == CoreMethod.CREATE_COLLECTION) {
      return exchange("POST", "/v1/collections",
          json(GatewayMessages.create((CreateCollectionRequest) request)),
          Collection.getDefaultInstance())
          .thenApply(c -> CreateCollectionResponse.getDefaultInstance());
    } else if (method == CoreMethod.GET_COLLECTION) {
      return exchange("GET", "/v1/collections/" + segment(((GetCollectionRequest) request).getName()),
          "", Collection.getDefaultInstance())
          .thenApply(GatewayMessages::collection);
    }
    return CompletableFuture.failedFuture(Status.UNIMPLEMENTED
        .withDescription("the REST API does not expose " + method.name()).asRuntimeException());
  }

  /**
   * Sends {@code body} (any bytes, e.g. truncated JSON) as a Search of {@code collection}; the
   * raw answer body on 200, else the failure as for any call.
   */
  public CompletableFuture<byte[]> rawSearch(String collection, byte[] body) {
    return send("POST", "/v1/collections/" + segment(collection) + ":search", body)
        .thenApply(response -> response.body());
  }

  private <M extends Message> CompletableFuture<M> exchange(
      String verb, String path, String body, M prototype) {
    return send(verb, path, body.getBytes(StandardCharsets.UTF_8))
        .thenApply(response -> parse(new String(response.body(), StandardCharsets.UTF_8), prototype));
  }

  private CompletableFuture<HttpResponse<byte[]>> send(String verb, String path, byte[] body) {
    Context context = Context.current();
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .method(verb, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body))
        .header("accept", "application/json")
        .expectContinue(body.length > EXPECT_CONTINUE_BYTES);
    if (body.length > 0) {
      request.header("content-type", "application/json");
    }
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    String traceparent = CallTrace.current();
    if (traceparent != null) {
      request.header(CallTrace.HEADER, traceparent);
    }
    Deadline deadline = context.getDeadline();
    Duration timeout = SAFETY_TIMEOUT;
    if (deadline != null) {
      long remainingNanos = deadline.timeRemaining(TimeUnit.NANOSECONDS);
      // The header takes whole milliseconds >= 1: round up, and send 1 ms for a deadline that
      // has already passed (the edge then fails fast: less than its minimum budget is left).
      long millis = Math.max(1, (Math.max(0, remainingNanos) + 999_999) / 1_000_000);
      request.header(TIMEOUT_HEADER, Long.toString(millis));
      timeout = timeout.plusMillis(millis);
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    Context.CancellationListener abort = cancelled -> {
      // A passed deadline is the server's to answer (504); only a real cancel aborts the call.
      if (!(cancelled.cancellationCause() instanceof TimeoutException)) {
        exchange.cancel(true);
      }
    };
    context.addListener(abort, Runnable::run);
    exchange.whenComplete((response, failure) -> context.removeListener(abort));
    return exchange.handle((response, failure) -> {
      if (failure != null) {
        throw new CompletionException(transportFailure(failure));
      }
      if (response.statusCode() != 200) {
        throw new CompletionException(error(response));
      }
      return response;
    });
  }

  private static Throwable transportFailure(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof CancellationException) {
      return Status.CANCELLED.withDescription("the caller cancelled the HTTP exchange")
          .asRuntimeException();
    }
    return Status.UNAVAILABLE.withDescription("HTTP exchange failed: " + cause).withCause(cause)
        .asRuntimeException();
  }

  private static RestStatusException error(HttpResponse<byte[]> response) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    RestStatusException.HttpAnswer answer = new RestStatusException.HttpAnswer(
        response.statusCode(),
        response.headers().firstValue("content-type").orElse(""),
        response.headers().firstValue("retry-after").orElse(null),
        response.headers().firstValue("www-authenticate").orElse(null),
        body);
    com.google.rpc.Status status = parse(body, com.google.rpc.Status.getDefaultInstance());
    if (status.getCode() == 0) {
      throw new AssertionError("HTTP " + response.statusCode() + " with a Status of code 0 (OK): "
          + body);
    }
    return new RestStatusException(status, answer);
  }

  @SuppressWarnings("unchecked")
  private static <M extends Message> M parse(String json, M prototype) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      PARSER.merge(json, builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new AssertionError("the REST answer is not a "
          + prototype.getDescriptorForType().getFullName() + " in proto3 JSON (" + e.getMessage()
          + "): " + abbreviate(json), e);
    }
    return (M) builder.build();
  }

  private static String json(Message message) {
    try {
      return PRINTER.print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  @Override
  public void close() {
    if (ownsHttp) {
      http.close();
    }
  }
}
