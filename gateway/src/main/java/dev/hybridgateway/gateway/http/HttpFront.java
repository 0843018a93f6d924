package dev.hybridgateway.gateway.http;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The first handlers of every HTTP/1.1 server here (the REST adapter, the admin port): the idle
 * timer and the codec with the request-line and header limits. Each server adds its own body
 * handling and handler after them.
 *
 * <pre>{@code
 * HttpFront.install(channel.pipeline(), 4096, 16384, Duration.ofSeconds(60)).addLast(handler);
 * }</pre>
 */
public final class HttpFront {
  private HttpFront() {}

  /**
   * Adds the idle timer ({@code idleTimeout} without reads or writes fires an idle event, which
   * the server's handler turns into a close) and the HTTP codec; returns {@code pipeline}.
   */
  public static ChannelPipeline install(
      ChannelPipeline pipeline, int maxRequestLineBytes, int maxHeaderBytes, Duration idleTimeout) {
    HttpDecoderConfig decoder =
        new HttpDecoderConfig()
            .setMaxInitialLineLength(maxRequestLineBytes)
            .setMaxHeaderSize(maxHeaderBytes);
    return pipeline
        .addLast(new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
        .addLast(new HttpServerCodec(decoder));
  }
}
