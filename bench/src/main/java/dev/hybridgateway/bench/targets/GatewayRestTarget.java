package dev.hybridgateway.bench.targets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.hybridgateway.bench.load.ErrorCodes;
import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.load.Reply;
import dev.hybridgateway.bench.scenario.Payloads;
import dev.hybridgateway.bench.scenario.Workload;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's REST/JSON API as a load target: {@code POST /v1/collections/{collection}:search}
 * or {@code POST /v1/rerank} with the protobuf JSON of the workload's requests (the bytes {@code
 * payload --json} writes for wrk), through the JDK's {@link HttpClient} over HTTP/1.1 with
 * keep-alive (it opens a connection per request in flight and reuses them). The JDK client was
 * chosen over Netty because it is asynchronous, needs no dependency, and costs a few tens of µs
 * per request, far below the gateway's own work. Bodies are serialized once before the run.
 * The deadline travels as {@code x-request-timeout-ms}; the core's time is read from the
 * {@code Server-Timing} header ({@code core;dur=ms}), so the boundary cost covers edge, JSON and
 * transport.
 */
public final class GatewayRestTarget implements LoadTarget {
  private final String name;
  private final HttpClient client;
  private final URI uri;
  private final List<byte[]> bodies;
  private final String[] headers;

  /**
   * Posts to the REST adapter at {@code base} (e.g. {@code http://127.0.0.1:8081}) with {@code
   * client}, which the caller owns.
   */
  public GatewayRestTarget(
      String name, HttpClient client, URI base, Workload workload, GatewayHeaders headers) {
    this.name = requireNonNull(name, "name");
    this.client = requireNonNull(client, "client");
    this.uri = base.resolve(path(requireNonNull(workload, "workload")));
    List<byte[]> encoded = new ArrayList<>();
    int pool = switch (workload) {
      case Workload.Search search -> search.requests().size();
      case Workload.Rerank rerank -> rerank.requests().size();
    };
    for (int i = 0; i < pool; i++) {
      encoded.add(Payloads.json(Payloads.request(workload, i)).getBytes(UTF_8));
    }
    this.bodies = List.copyOf(encoded);
    List<String> pairs = new ArrayList<>(List.of("content-type", "application/json"));
    headers.asMap().forEach((key, value) -> pairs.addAll(List.of(key, value)));
    this.headers = pairs.toArray(String[]::new);
  }

  /** The path of the workload's method. */
  public static String path(Workload workload) {
    return switch (workload) {
      case Workload.Search search -> "/v1/collections/" + search.request(0).getCollection() + ":search";
      case Workload.Rerank rerank -> "/v1/rerank";
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletableFuture<Reply> send(long index, Duration deadline) {
    long timeoutMs = Math.max(1, (deadline.toNanos() + 999_999) / 1_000_000);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .headers(headers)
            .header("x-request-timeout-ms", Long.toString(timeoutMs))
            // A lost answer ends as client/HttpTimeoutException instead of hanging the drain.
            .timeout(deadline.plusSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofByteArray(
                bodies.get((int) Math.floorMod(index, (long) bodies.size()))))
            .build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .thenApply(GatewayRestTarget::reply);
  }

  private static Reply reply(HttpResponse<?> response) {
    if (response.statusCode() / 100 != 2) {
      return Reply.failed(ErrorCodes.http(response.statusCode()));
    }
    return Reply.ok(response.headers().firstValue("server-timing")
        .map(GatewayRestTarget::coreNanos).orElse(-1L));
  }

  /** The {@code core;dur=} entry of a Server-Timing value in ns, or -1 when absent. */
  static long coreNanos(String serverTiming) {
    for (String entry : serverTiming.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.startsWith("core;dur=")) {
        try {
          return Math.round(Double.parseDouble(trimmed.substring(9)) * 1e6);
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }
}
