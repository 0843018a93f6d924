package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.http.HttpConnections;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Serves the requests of one HTTP/1.1 connection, one at a time and in order (pipelined requests
 * wait in a queue): protocol errors and the route lookup here on the event loop, the rest
 * (JSON, the gRPC call) handed to {@link RestDispatch}, so nothing blocks the event loop; the
 * next request starts when the previous response has been written.
 */
final class RestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final System.Logger LOG = System.getLogger(RestHandler.class.getName());

  private record Pending(FullHttpRequest request, long startNanos) {}

  private final RestRoutes routes;
  private final RestDispatch dispatch;
  private final HttpConnections connections;
  /** Requests waiting for the one in progress; touched on the event loop only. */
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private boolean inProgress;

  RestHandler(RestRoutes routes, RestDispatch dispatch, HttpConnections connections) {
    this.routes = requireNonNull(routes, "routes");
    this.dispatch = requireNonNull(dispatch, "dispatch");
    this.connections = requireNonNull(connections, "connections");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    connections.started(ctx.channel());
    waiting.add(new Pending(request.retain(), System.nanoTime()));
    if (!inProgress) {
      next(ctx);
    }
  }

  private void next(ChannelHandlerContext ctx) {
    Pending pending = waiting.poll();
    if (pending == null) {
      return;
    }
    inProgress = true;
    FullHttpRequest request = pending.request();
    boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
    RestWriter writer = new RestWriter(ctx, pending.startNanos(), keepAlive, connections, () -> {
      inProgress = false;
      next(ctx);
    });
    try {
      serve(ctx, request, writer);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "REST request failed", e);
      writer.write(RestErrors.response(CoreErrors.internal("the REST adapter failed: " + e)), null);
    } finally {
      request.release();
    }
  }

  private void serve(ChannelHandlerContext ctx, FullHttpRequest request, RestWriter writer) {
    if (!request.decoderResult().isSuccess()) {
      writer.write(RestErrors.malformed(request.decoderResult().cause()), null);
      return;
    }
    String path;
    try {
      path = new QueryStringDecoder(request.uri()).path();
    } catch (IllegalArgumentException e) {
      writer.write(RestErrors.malformed(e), null);
      return;
    }
    switch (routes.lookup(request.method().name(), path)) {
      case RestRoutes.NotFound notFound ->
          writer.write(
              RestErrors.response(
                  RestErrors.status(Code.NOT_FOUND, "ROUTE_NOT_FOUND", "no REST route " + path)),
              null);
      case RestRoutes.MethodNotAllowed notAllowed ->
          writer.write(
              RestErrors.response(
                      405,
                      RestErrors.status(
                          Code.UNIMPLEMENTED,
                          "METHOD_NOT_ALLOWED",
                          request.method() + " is not allowed on " + path + ": use "
                              + notAllowed.allowed()))
                  .withHeader("Allow", notAllowed.allowed()),
              null);
      case RestRoutes.Found found ->
          dispatch.dispatch(
              found,
              request.content().toString(StandardCharsets.UTF_8),
              request.headers(),
              ctx.channel(),
              writer);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      if (!inProgress) {
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Pending pending;
    while ((pending = waiting.poll()) != null) {
      pending.request().release();
      connections.finished(ctx.channel());
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "REST connection failed; closing it", cause);
    ctx.close();
  }
}
