package dev.hybridgateway.interop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * A test-only HTTP proxy in front of the REST adapter that answers every response with a
 * rewritten HTTP status, body and other headers unchanged: what a wrong Status-to-HTTP mapping at
 * the edge would send. {@code DeliberateBreaksTest} shows that the REST error cases catch it.
 */
final class MisMappingRestProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "transfer-encoding", "host", "expect", "upgrade");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Listens on a free loopback port and forwards to {@code upstream} (HOST:PORT). */
  MisMappingRestProxy(String upstream, IntUnaryOperator status) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    URI target = URI.create("http://" + upstream);
    server.createContext("/", exchange -> forward(exchange, target, status));
    server.start();
  }

  /** HOST:PORT of the proxy. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(HttpExchange exchange, URI upstream, IntUnaryOperator status)
      throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      HttpRequest.Builder request = HttpRequest.newBuilder(
              upstream.resolve(exchange.getRequestURI().getRawPath()))
          .method(exchange.getRequestMethod(), body.length == 0
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      response.headers().map().forEach((name, values) -> {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!HOP_BY_HOP.contains(lower) && !lower.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      exchange.sendResponseHeaders(status.applyAsInt(response.statusCode()),
          response.body().length == 0 ? -1 : response.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    client.close();
  }
}
