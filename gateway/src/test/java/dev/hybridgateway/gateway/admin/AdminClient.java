package dev.hybridgateway.gateway.admin;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real HTTP/1.1 client (java.net.http) for the admin server under test. */
final class AdminClient implements AutoCloseable {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  AdminClient(AdminServer server) {
    this.base = "http://127.0.0.1:" + server.port();
  }

  HttpResponse<String> get(String path) {
    return send(request(path, Map.of()).GET());
  }

  HttpResponse<String> get(String path, Map<String, String> headers) {
    return send(request(path, headers).GET());
  }

  HttpResponse<String> send(String method, String path) {
    return send(request(path, Map.of()).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private HttpRequest.Builder request(String path, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
