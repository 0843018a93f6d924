package dev.hybridgateway.gateway.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.server.DeadlinePolicy;
import dev.hybridgateway.gateway.server.EdgePipeline;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.server.GatewayServerBuilder;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The whole chain for REST tests: a pure-Java core ({@link JavaCoreClient}), the real {@link
 * GatewayServer} over it on a free loopback port (with or without authentication), a gRPC
 * channel to it, and a {@link RestServer} on another free port calling the gateway through that
 * channel (optionally wrapped, e.g. by a test interceptor).
 */
final class RestFixture implements AutoCloseable {
  /**
   * A 20 s route default instead of 2 s: the first calls of a JVM on a busy two-core machine can
   * take seconds. Deadline tests send {@link RestHeaders#TIMEOUT_MS} explicitly.
   */
  private static final DeadlinePolicy RELAXED =
      DeadlinePolicy.builder().defaultTimeout(Duration.ofSeconds(20)).build();

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  final JavaCoreClient core;
  final GatewayServer gateway;
  final ManagedChannel channel;
  final RestServer rest;

  private RestFixture(
      JavaCoreClient core, GatewayServer gateway, ManagedChannel channel, RestServer rest) {
    this.core = core;
    this.gateway = gateway;
    this.channel = channel;
    this.rest = rest;
  }

  /** Starts the chain over {@code core} without authentication; see the five-argument form. */
  static RestFixture start(
      JavaCoreClient core,
      Function<Channel, Channel> restChannel,
      UnaryOperator<RestServerBuilder> options)
      throws IOException {
    return start(core, null, restChannel, options);
  }

  /**
   * Starts the chain over {@code core}; the gateway authenticates with {@code auth} (null:
   * unauthenticated) and the REST server calls {@code restChannel(gatewayChannel)}.
   */
  static RestFixture start(
      JavaCoreClient core,
      Authenticator auth,
      Function<Channel, Channel> restChannel,
      UnaryOperator<RestServerBuilder> options)
      throws IOException {
    GatewayServerBuilder builder =
        GatewayServer.builder().listen(new InetSocketAddress("127.0.0.1", 0)).core(core);
    return start(core, builder, auth, restChannel, options);
  }

  /**
   * Starts the chain with the gateway serving {@code pipeline} (routing, rate limit, ...) without
   * authentication (every caller is the tenant {@code anonymous}); {@code core} is the pipeline's
   * client and is closed with the fixture.
   */
  static RestFixture start(JavaCoreClient core, EdgePipeline pipeline) throws IOException {
    GatewayServerBuilder builder =
        GatewayServer.builder().listen(new InetSocketAddress("127.0.0.1", 0)).pipeline(pipeline);
    return start(core, builder, null, c -> c, b -> b);
  }

  private static RestFixture start(
      JavaCoreClient core,
      GatewayServerBuilder builder,
      Authenticator auth,
      Function<Channel, Channel> restChannel,
      UnaryOperator<RestServerBuilder> options)
      throws IOException {
    builder.deadlinePolicy(RELAXED);
    GatewayServer gateway = (auth == null ? builder.unauthenticated() : builder.auth(auth)).start();
    gateway.markServing();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", gateway.port())
            .usePlaintext()
            .maxInboundMessageSize(GatewayServerBuilder.MAX_MESSAGE_BYTES)
            .build();
    RestServer rest =
        options
            .apply(
                RestServer.builder()
                    .listen(new InetSocketAddress("127.0.0.1", 0))
                    .gateway(restChannel.apply(channel)))
            .start();
    return new RestFixture(core, gateway, channel, rest);
  }

  /** The chain with default options over a small Java core. */
  static RestFixture start() throws IOException {
    return start(JavaCoreClient.builder().threads(1).build(), c -> c, b -> b);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + rest.port() + path);
  }

  HttpResponse<String> post(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("content-type", "application/json");
    return send(headers.length == 0 ? request : request.headers(headers));
  }

  HttpResponse<String> send(String method, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody());
    return send(headers.length == 0 ? request : request.headers(headers));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code json} parsed into a message of {@code prototype}'s type. */
  @SuppressWarnings("unchecked")
  static <M extends Message> M parse(String json, M prototype) {
    Message.Builder builder = prototype.newBuilderForType();
    try {
      JsonFormat.parser().usingTypeRegistry(RestErrors.DETAILS).merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not a " + prototype.getDescriptorForType().getName() + ": " + json, e);
    }
    return (M) builder.build();
  }

  @Override
  public void close() {
    rest.close();
    channel.shutdownNow();
    gateway.close();
    core.close();
  }
}
