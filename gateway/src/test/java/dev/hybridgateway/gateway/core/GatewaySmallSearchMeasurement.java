package dev.hybridgateway.gateway.core;

import com.google.protobuf.util.JsonFormat;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.admission.TenantRateLimiter;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.rest.RestServer;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.server.EdgePipeline;
import dev.hybridgateway.gateway.server.GatewayServer;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.Context;
import dev.hybridgateway.gateway.v1.SearchResponse;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-off side-by-side measurement like {@link SmallSearchMeasurement}: the median latency of
 * one small Search (1 query, k = 10, over 100,000 × 384 cosine vectors, or the count given as
 * the first argument) made directly on each core client, through a gateway over gRPC and through
 * the REST adapter in front of that gateway, beside the same request to a bare grpc-java server
 * that answers at once (the loopback hop alone).
 * One unauthenticated gateway per transport (each with its single core client as its only
 * backend, so no override header is needed, and a rate limit that does not throttle); the nine paths are interleaved in every round so machine noise hits all
 * alike.
 *
 * <pre>
 * ./mvnw -q -pl gateway test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
 *     -Dhotpath.server.binary=hotpath-native/target/release/hotpath-server \
 *     -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/test.classpath) \
 *     dev.hybridgateway.gateway.core.GatewaySmallSearchMeasurement [vectors, default 100000]
 * </pre>
 */
public final class GatewaySmallSearchMeasurement {
  private static final int WARMUP = 200;
  private static final int ROUNDS = 500;
  private static final String[] PATHS = {"direct", "gateway gRPC", "gateway REST", "bare echo"};

  private GatewaySmallSearchMeasurement() {}

  public static void main(String[] args) throws Exception {
    System.out.printf("JDK %s, %d cores%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Transport[] order = Transport.values();
    List<GatewayServer> gateways = new ArrayList<>();
    List<ManagedChannel> channels = new ArrayList<>();
    List<RestServer> rests = new ArrayList<>();
    List<BackendResilience> resiliences = new ArrayList<>();
    long count = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    Server bare = bareEcho();
    ManagedChannel bareChannel =
        NettyChannelBuilder.forAddress("127.0.0.1", bare.getPort()).usePlaintext().build();
    try (ThreeClients clients = ThreeClients.start(4L << 30)) {
      CreateCollectionRequest demo = CreateCollectionRequest.newBuilder()
          .setName("demo").setDim(384).setMetric(Metric.METRIC_COSINE)
          .setSynthetic(SyntheticSource.newBuilder().setSeed(42).setCount(count))
          .build();
      clients.all().values().forEach(core -> core.createCollection(demo).join());
      for (Transport transport : order) {
        String id = transport.id();
        BackendResilience resilience = BackendResilience.builder().build();
        resiliences.add(resilience);
        EdgePipeline pipeline = EdgePipeline.builder()
            .routing(RoutingConfig.parse(
                "backends:\n  " + id + ": {type: " + id
                    + (id.equals("grpc") ? ", targets: [in-process]" : "") + "}\n"
                    + "default_route:\n  backends: [{backend: " + id + "}]\n",
                "measurement-" + id))
            .clients(Map.of(id, List.of(clients.get(transport))))
            .resilience(resilience)
            // The default 100 calls/s per tenant would throttle the measurement itself.
            .rateLimiter(TenantRateLimiter.builder().permitsPerSecond(1e6).burst(1_000_000).build())
            .build();
        GatewayServer gateway = GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .pipeline(pipeline)
            .unauthenticated()
            .start();
        gateway.markServing();
        gateways.add(gateway);
        ManagedChannel channel =
            NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
        channels.add(channel);
        rests.add(RestServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0)).gateway(channel).start());
      }
      var query = TestVectors.of(1, 384, 3).get(0);
      dev.hybridgateway.core.v1.SearchRequest direct = dev.hybridgateway.core.v1.SearchRequest
          .newBuilder().setCollection("demo").addQueries(query).setK(10).build();
      SearchRequest edge =
          SearchRequest.newBuilder().setCollection("demo").addQueries(query).setK(10).build();
      String json = JsonFormat.printer().print(edge);
      long[][][] nanos = new long[order.length][PATHS.length][ROUNDS];
      for (int round = -WARMUP; round < ROUNDS; round++) {
        for (int p = 0; p < PATHS.length; p++) {
          for (int t = 0; t < order.length; t++) {
            long start = System.nanoTime();
            switch (p) {
              case 0 -> directSearch(clients.get(order[t]), direct, timer);
              case 1 -> SearchServiceGrpc.newBlockingStub(channels.get(t))
                  .withDeadlineAfter(5, TimeUnit.SECONDS).search(edge);
              case 2 -> restSearch(http, rests.get(t).port(), json);
              default -> SearchServiceGrpc.newBlockingStub(bareChannel)
                  .withDeadlineAfter(5, TimeUnit.SECONDS).search(edge);
            }
            if (round >= 0) {
              nanos[t][p][round] = System.nanoTime() - start;
            }
          }
        }
      }
      System.out.printf("p50 µs of one Search (1 query, k=10, %,d × 384 cosine), %d rounds%n",
          count, ROUNDS);
      System.out.printf("%-9s  %10s  %14s  %14s  %10s  %16s%n", "transport", PATHS[0], PATHS[1],
          PATHS[2], PATHS[3], "gRPC - direct - bare echo");
      for (int t = 0; t < order.length; t++) {
        double alone = median(nanos[t][0]) / 1e3;
        double grpc = median(nanos[t][1]) / 1e3;
        double echo = median(nanos[t][3]) / 1e3;
        System.out.printf("%-9s  %10.1f  %14.1f  %14.1f  %10.1f  %16.1f%n", order[t].id(),
            alone, grpc, median(nanos[t][2]) / 1e3, echo, grpc - alone - echo);
      }
    } finally {
      rests.forEach(RestServer::close);
      channels.forEach(ManagedChannel::shutdownNow);
      gateways.forEach(GatewayServer::close);
      bareChannel.shutdownNow();
      bare.shutdownNow();
      resiliences.forEach(BackendResilience::close);
      timer.shutdownNow();
    }
  }

  private static void directSearch(
      CoreClient core, dev.hybridgateway.core.v1.SearchRequest search,
      ScheduledExecutorService timer) {
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(1, TimeUnit.SECONDS, timer);
    Context previous = context.attach();
    try {
      core.search(search).join();
    } finally {
      context.detach(previous);
      context.cancel(null);
    }
  }

  private static void restSearch(HttpClient http, int port, String json) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v1/collections/demo:search"))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .header("content-type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("REST search: " + response.statusCode() + " "
          + response.body());
    }
  }

  /**
   * A grpc-java server answering the gateway's Search with a fixed reply: the loopback gRPC hop
   * alone, so the gateway's own cost is its gRPC column minus direct minus this one.
   */
  private static Server bareEcho() throws java.io.IOException {
    SearchResponse reply = SearchResponse.getDefaultInstance();
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new SearchServiceGrpc.SearchServiceImplBase() {
          @Override
          public void search(SearchRequest request, StreamObserver<SearchResponse> observer) {
            observer.onNext(reply);
            observer.onCompleted();
          }
        })
        .build()
        .start();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
