package dev.hybridgateway.gateway.rest;

import static java.util.Objects.requireNonNull;

import com.google.rpc.Code;
import dev.hybridgateway.gateway.http.HttpConnections;
import dev.hybridgateway.gateway.http.HttpFront;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The handlers of one REST connection, with the protocol limits in one place: idle timeout,
 * request line and header size (HTTP/1.1 codec: 414 and 431 are answered by {@link
 * RestHandler}), body size (an oversized body is answered 413 in JSON here and the connection
 * closed, since the rest of the body is not read), then {@link RestHandler}.
 */
final class RestPipeline extends ChannelInitializer<SocketChannel> {
  private final RestLimits limits;
  private final RestRoutes routes;
  private final RestDispatch dispatch;
  private final HttpConnections connections;

  RestPipeline(
      RestLimits limits, RestRoutes routes, RestDispatch dispatch, HttpConnections connections) {
    this.limits = requireNonNull(limits, "limits");
    this.routes = requireNonNull(routes, "routes");
    this.dispatch = requireNonNull(dispatch, "dispatch");
    this.connections = requireNonNull(connections, "connections");
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    connections.add(channel);
    HttpFront.install(channel.pipeline(), limits.maxRequestLineBytes(), limits.maxHeaderBytes(),
            limits.idleTimeout())
        .addLast(new JsonTooLarge(limits.maxBodyBytes()))
        .addLast(new RestHandler(routes, dispatch, connections));
  }

  /** The aggregator, answering an oversized body with the JSON error instead of a bare 413. */
  private static final class JsonTooLarge extends HttpObjectAggregator {
    private final int maxBodyBytes;

    JsonTooLarge(int maxBodyBytes) {
      super(maxBodyBytes);
      this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      ctx.writeAndFlush(tooLarge()).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    protected Object newContinueResponse(
        HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
      // "Expect: 100-continue" with a Content-Length over the limit: the JSON 413, not Netty's.
      Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
      if (answer instanceof FullHttpResponse response
          && response.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
        response.release();
        return tooLarge();
      }
      return answer;
    }

    private FullHttpResponse tooLarge() {
      RestResponse error =
          RestErrors.response(
              413,
              RestErrors.status(
                  Code.INVALID_ARGUMENT,
                  "BODY_TOO_LARGE",
                  "the request body exceeds the limit of " + maxBodyBytes + " bytes"));
      FullHttpResponse out =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1,
              HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
              Unpooled.wrappedBuffer(error.body()));
      out.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, RestResponse.JSON)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, error.body().length)
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
          .set("Server-Timing", ServerTiming.of(0, null));
      return out;
    }
  }
}
