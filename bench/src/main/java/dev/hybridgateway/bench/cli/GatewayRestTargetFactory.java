package dev.hybridgateway.bench.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hybridgateway.bench.load.LoadTarget;
import dev.hybridgateway.bench.scenario.Payloads;
import dev.hybridgateway.bench.scenario.Scenario;
import dev.hybridgateway.bench.scenario.Workload;
import dev.hybridgateway.bench.targets.GatewayHeaders;
import dev.hybridgateway.bench.targets.GatewayRestTarget;
import dev.hybridgateway.bench.targets.TransportPin;
import dev.hybridgateway.gateway.v1.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens {@code gateway-rest[/java|ffi|grpc]}: a JDK {@link HttpClient} (HTTP/1.1; its answers
 * complete on one daemon thread, which only records figures) to the gateway's REST API ({@code
 * --gateway-rest}), the scenario's collection on the pinned backend and the routing table's
 * choice ({@code GET}, else {@code POST /v1/collections}), and one preflight call whose JSON
 * answer must name the pinned transport in {@code shards[].call.transport}.
 */
final class GatewayRestTargetFactory implements TargetFactory {
  private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(120);

  @Override
  public LoadTarget open(
      String name, TargetOptions options, Scenario scenario, Workload workload, Closer closer) {
    TransportPin pin = Targets.pin(name);
    GatewayHeaders headers = new GatewayHeaders(options.token(), pin);
    ExecutorService executor = Executors.newSingleThreadExecutor(
        runnable -> Thread.ofPlatform().daemon().name(name + "-http").unstarted(runnable));
    closer.register(executor::shutdownNow);
    HttpClient client = closer.register(
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
            .connectTimeout(Duration.ofSeconds(10)).build());
    URI base = URI.create("http://" + options.rest());
    try {
      if (scenario.kind() == Scenario.Kind.SEARCH && options.createCollection()) {
        retryWhile503(() -> {
          ensureCollection(client, base, headers, scenario, options.collection());
          return null;
        });
        if (pin != null) {
          retryWhile503(() -> {
            ensureCollection(client, base, new GatewayHeaders(options.token(), null), scenario,
                options.collection());
            return null;
          });
        }
      }
      String answer = retryWhile503(() -> call(client,
          base.resolve(GatewayRestTarget.path(workload)), headers,
          Payloads.json(Payloads.request(workload, 0))));
      PinCheck.verify(name, pin, transports(answer));
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the gateway's REST API at " + base + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    return new GatewayRestTarget(name, client, base, workload, headers);
  }

  private static void ensureCollection(
      HttpClient client, URI base, GatewayHeaders headers, Scenario scenario, String collection)
      throws IOException, InterruptedException {
    HttpResponse<String> found = client.send(
        request(base.resolve("/v1/collections/" + collection), headers).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (found.statusCode() == 200) {
      int dim = JsonParser.parseString(found.body()).getAsJsonObject().get("dim").getAsInt();
      if (dim != scenario.dim()) {
        throw new IllegalStateException("collection '" + collection + "' has dim " + dim
            + ", scenario " + scenario.id() + " needs " + scenario.dim());
      }
      return;
    }
    if (found.statusCode() != 404) {
      throw failure("GET /v1/collections/" + collection, found);
    }
    JsonObject synthetic = new JsonObject();
    synthetic.addProperty("seed", Scenario.COLLECTION_SEED);
    synthetic.addProperty("count", scenario.vectors());
    JsonObject create = new JsonObject();
    create.addProperty("name", collection);
    create.addProperty("dim", scenario.dim());
    create.addProperty("metric", "METRIC_COSINE");
    create.add("synthetic", synthetic);
    call(client, base.resolve("/v1/collections"), headers, create.toString());
  }

  /** A setup call over HTTP. */
  private interface HttpCall<T> {
    T run() throws IOException, InterruptedException;
  }

  /** {@code call}, retried while the gateway answers 503 (see {@link Preflight}). */
  private static <T> T retryWhile503(HttpCall<T> call) throws IOException, InterruptedException {
    long end = System.nanoTime() + Preflight.PATIENCE.toNanos();
    while (true) {
      try {
        return call.run();
      } catch (HttpStatusException e) {
        if (e.status != 503 || System.nanoTime() > end) {
          throw e;
        }
      }
      Thread.sleep(250);
    }
  }

  /** POSTs {@code json}; the body of a 2xx answer, else an exception naming the status. */
  private static String call(HttpClient client, URI uri, GatewayHeaders headers, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(
        request(uri, headers).header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw failure("POST " + uri.getPath(), response);
    }
    return response.body();
  }

  private static HttpRequest.Builder request(URI uri, GatewayHeaders headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(SETUP_TIMEOUT)
        .header("x-request-timeout-ms", Long.toString(SETUP_TIMEOUT.toMillis()));
    headers.asMap().forEach(builder::header);
    return builder;
  }

  private static HttpStatusException failure(String what, HttpResponse<String> response) {
    String body = response.body();
    return new HttpStatusException(response.statusCode(),
        what + " at the gateway answered HTTP " + response.statusCode() + ": "
            + (body.length() > 300 ? body.substring(0, 300) + "..." : body)
            + (response.statusCode() == 401 ? " (pass a token of its dev key with --token-file)" : ""));
  }

  /** A non-2xx answer of a setup call. */
  private static final class HttpStatusException extends IllegalStateException {
    private final int status;

    HttpStatusException(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** {@code shards[].call.transport} of a Search answer, or {@code call.transport} of a Rerank. */
  private static Set<Transport> transports(String answer) {
    JsonObject json = JsonParser.parseString(answer).getAsJsonObject();
    Set<Transport> served = new HashSet<>();
    if (json.has("shards")) {
      for (JsonElement shard : json.getAsJsonArray("shards")) {
        addTransport(shard.getAsJsonObject().getAsJsonObject("call"), served);
      }
    }
    addTransport(json.getAsJsonObject("call"), served);
    return served;
  }

  private static void addTransport(JsonObject call, Set<Transport> served) {
    if (call != null && call.has("transport")) {
      served.add(Transport.valueOf(call.get("transport").getAsString()));
    }
  }
}
