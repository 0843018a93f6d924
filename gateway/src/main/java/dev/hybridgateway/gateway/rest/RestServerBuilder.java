package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.http.HttpConnections;
import dev.hybridgateway.gateway.http.HttpListener;
import io.grpc.Channel;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Assembles and starts a {@link RestServer}. Only the gateway channel is required; the rest
 * defaults to: 127.0.0.1:8081, the routes of the gateway's public API ({@link
 * RestRoutes#gateway()}), 8 KiB request line, 16 KiB headers, 8 MiB body, 60 s idle timeout, 30 s
 * drain, 2 I/O threads.
 *
 * <p>The channel should reach the gateway's services with their full interceptor chain: an
 * in-process channel to a server built with the same service definitions, or a channel to the
 * gateway's own gRPC port. Give it the gateway's message limit ({@code
 * maxInboundMessageSize(GatewayServerBuilder.MAX_MESSAGE_BYTES)}), or large replies fail with
 * grpc-java's 4 MiB default. The caller owns (and closes) it, after closing the REST server.
 *
 * <pre>{@code
 * ManagedChannel self = NettyChannelBuilder.forAddress("127.0.0.1", gateway.port())
 *     .usePlaintext()
 *     .maxInboundMessageSize(GatewayServerBuilder.MAX_MESSAGE_BYTES)
 *     .build();
 * RestServer rest = RestServer.builder()
 *     .listen(new InetSocketAddress("0.0.0.0", 8081))
 *     .gateway(self)
 *     .start();
 * }</pre>
 */
public final class RestServerBuilder {
  /** The default listen address. */
  public static final InetSocketAddress DEFAULT_LISTEN = new InetSocketAddress("127.0.0.1", 8081);

  private InetSocketAddress listen = DEFAULT_LISTEN;
  private Channel gateway;
  private RestRoutes routes = RestRoutes.gateway();
  private int maxRequestLineBytes = RestLimits.DEFAULT_MAX_REQUEST_LINE_BYTES;
  private int maxHeaderBytes = RestLimits.DEFAULT_MAX_HEADER_BYTES;
  private int maxBodyBytes = RestLimits.DEFAULT_MAX_BODY_BYTES;
  private Duration idleTimeout = RestLimits.DEFAULT_IDLE_TIMEOUT;
  private Duration drainTimeout = RestLimits.DEFAULT_DRAIN_TIMEOUT;
  private int ioThreads = 2;

  RestServerBuilder() {}

  /** The address to bind; port 0 picks a free one. */
  public RestServerBuilder listen(InetSocketAddress listen) {
    this.listen = requireNonNull(listen, "listen");
    return this;
  }

  /** The channel to the gateway's gRPC services. Required. */
  public RestServerBuilder gateway(Channel gateway) {
    this.gateway = requireNonNull(gateway, "gateway");
    return this;
  }

  /** The route table (default {@link RestRoutes#gateway()}). */
  public RestServerBuilder routes(RestRoutes routes) {
    this.routes = requireNonNull(routes, "routes");
    return this;
  }

  /** Longest request line (longer: 414) and largest header block (larger: 431), in bytes. */
  public RestServerBuilder maxHeaderSizes(int maxRequestLineBytes, int maxHeaderBytes) {
    this.maxRequestLineBytes = maxRequestLineBytes;
    this.maxHeaderBytes = maxHeaderBytes;
    return this;
  }

  /**
   * Largest request body in bytes (larger: 413). JSON is about three times the size of the
   * protobuf it carries: raise this for large Rerank requests.
   */
  public RestServerBuilder maxBodyBytes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
    return this;
  }

  /** Idle connection timeout and graceful close budget. */
  public RestServerBuilder timeouts(Duration idleTimeout, Duration drainTimeout) {
    this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout");
    this.drainTimeout = requireNonNull(drainTimeout, "drainTimeout");
    return this;
  }

  /** Netty event-loop threads (at least 1). */
  public RestServerBuilder ioThreads(int ioThreads) {
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads must be >= 1, is " + ioThreads);
    }
    this.ioThreads = ioThreads;
    return this;
  }

  /** Binds and starts the server. */
  public RestServer start() throws IOException {
    if (gateway == null) {
      throw new IllegalStateException("set the gateway channel of the REST server");
    }
    RestLimits limits =
        new RestLimits(maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, idleTimeout, drainTimeout);
    HttpConnections connections = new HttpConnections("rest");
    EventLoopGroup io =
        new MultiThreadIoEventLoopGroup(
            ioThreads,
            Thread.ofPlatform().daemon().name("rest-io-", 0).factory(),
            NioIoHandler.newFactory());
    ExecutorService json =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rest-json-", 0).factory());
    RestDispatch dispatch = new RestDispatch(new RestCalls(gateway), json);
    ChannelFuture bound =
        new ServerBootstrap()
            .group(io)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new RestPipeline(limits, routes, dispatch, connections))
            .bind(listen)
            .awaitUninterruptibly();
    if (!bound.isSuccess()) {
      json.shutdownNow();
      io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IOException(
          "cannot start the REST server on " + listen + ": " + bound.cause().getMessage(),
          bound.cause());
    }
    return new RestServer(new HttpListener(bound.channel(), io, json, connections, drainTimeout));
  }
}
