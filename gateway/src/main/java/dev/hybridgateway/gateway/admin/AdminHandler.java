package dev.hybridgateway.gateway.admin;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.http.HttpConnections;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The HTTP rules of every admin request, before and after {@link AdminRoutes}: malformed or
 * oversized requests (400, 413, 414, 431, then close), methods other than GET and HEAD (405 with
 * {@code Allow}), endpoint failures (500), HEAD without a body, keep-alive, and idle timeout.
 * Endpoints may block (a JWKS fetch on the first authenticated request, a readiness check), so
 * they run on the handler executor, never on the event loop; the requests of one connection run
 * one after the other, so pipelined responses keep their order.
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final System.Logger LOG = System.getLogger(AdminHandler.class.getName());

  private final AdminRoutes routes;
  private final HttpConnections connections;
  private final Executor executor;
  /** The last request of this connection in progress; touched on the event loop only. */
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  AdminHandler(AdminRoutes routes, HttpConnections connections, Executor executor) {
    this.routes = requireNonNull(routes, "routes");
    this.connections = requireNonNull(connections, "connections");
    this.executor = requireNonNull(executor, "executor");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    connections.started(ctx.channel());
    request.retain();
    tail = tail.thenRunAsync(() -> answer(ctx, request), executor)
        .exceptionally(failure -> {
          // answer() failed, or never ran because the server is closing.
          if (request.refCnt() > 0) {
            request.release();
          }
          LOG.log(System.Logger.Level.DEBUG, "admin request failed; closing the connection",
              failure);
          ctx.close();
          return null;
        });
  }

  private void answer(ChannelHandlerContext ctx, FullHttpRequest request) {
    try {
      boolean wellFormed = request.decoderResult().isSuccess();
      AdminResponse response =
          wellFormed ? respond(request) : malformed(request.decoderResult().cause());
      boolean keepAlive = wellFormed && HttpUtil.isKeepAlive(request) && !connections.draining();
      boolean head = HttpMethod.HEAD.equals(request.method());
      ChannelFuture written = ctx.writeAndFlush(toNetty(response, head, keepAlive));
      written.addListener(done -> connections.finished(ctx.channel()));
      if (!keepAlive) {
        written.addListener(ChannelFutureListener.CLOSE);
      }
    } finally {
      request.release();
    }
  }

  private AdminResponse respond(FullHttpRequest request) {
    HttpMethod method = request.method();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      return StatusJson.response(
              405,
              StatusJson.status(
                  Code.UNIMPLEMENTED,
                  "METHOD_NOT_ALLOWED",
                  method + " is not supported by the admin server: use GET or HEAD"))
          .withHeader("Allow", "GET, HEAD");
    }
    String path;
    try {
      path = new QueryStringDecoder(request.uri()).path();
    } catch (IllegalArgumentException e) {
      return malformed(e);
    }
    try {
      return routes.handle(new AdminRequest(path, request.headers()));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "admin endpoint " + path + " failed", e);
      return StatusJson.response(CoreErrors.internal("the admin endpoint failed: " + e));
    }
  }

  private static AdminResponse malformed(Throwable cause) {
    int status =
        cause instanceof TooLongHttpLineException ? 414
            : cause instanceof TooLongHttpHeaderException ? 431
            : cause instanceof TooLongFrameException ? 413
            : 400;
    return StatusJson.response(
        status,
        StatusJson.status(
            Code.INVALID_ARGUMENT,
            "MALFORMED_REQUEST",
            "the admin server could not read the request: " + cause.getMessage()));
  }

  private static FullHttpResponse toNetty(AdminResponse response, boolean head, boolean keepAlive) {
    FullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(response.status()),
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(response.body()));
    out.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, response.contentType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    response.headers().forEach(out.headers()::set);
    if (!keepAlive) {
      out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return out;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof IdleStateEvent) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "admin connection failed; closing it", cause);
    ctx.close();
  }
}
