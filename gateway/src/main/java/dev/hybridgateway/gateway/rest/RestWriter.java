package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.gateway.http.HttpConnections;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes the one response of one request, from any thread (the write itself runs on the
 * connection's event loop): JSON headers, {@code Server-Timing} measured from the request's
 * arrival, and {@code Connection: close} when the client asked for it or the server is
 * draining. When the write completes it tells the handler to serve the next request.
 */
final class RestWriter {
  private final ChannelHandlerContext ctx;
  private final long startNanos;
  private final boolean keepAlive;
  private final HttpConnections connections;
  private final Runnable next;
  private final AtomicBoolean written = new AtomicBoolean();

  RestWriter(
      ChannelHandlerContext ctx,
      long startNanos,
      boolean keepAlive,
      HttpConnections connections,
      Runnable next) {
    this.ctx = requireNonNull(ctx, "ctx");
    this.startNanos = startNanos;
    this.keepAlive = keepAlive;
    this.connections = requireNonNull(connections, "connections");
    this.next = requireNonNull(next, "next");
  }

  /** {@link System#nanoTime()} when the request was read. */
  long startNanos() {
    return startNanos;
  }

  /**
   * Writes {@code response}; {@code reply} (may be null) supplies the core timing of {@code
   * Server-Timing}. Only the first call writes.
   */
  void write(RestResponse response, Message reply) {
    if (!written.compareAndSet(false, true)) {
      return;
    }
    FullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(response.status()),
            Unpooled.wrappedBuffer(response.body()));
    out.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, RestResponse.JSON)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length)
        .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    response.headers().forEach(out.headers()::set);
    if (ctx.executor().inEventLoop()) {
      send(out, reply);
    } else {
      ctx.executor().execute(() -> send(out, reply));
    }
  }

  private void send(FullHttpResponse out, Message reply) {
    boolean close = !keepAlive || connections.draining();
    if (close) {
      out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    out.headers().set("Server-Timing", ServerTiming.of(System.nanoTime() - startNanos, reply));
    ctx.writeAndFlush(out)
        .addListener(
            done -> {
              connections.finished(ctx.channel());
              if (close || !done.isSuccess()) {
                ctx.close();
              } else {
                next.run();
              }
            });
  }
}
