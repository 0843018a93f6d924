package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.ScoredId;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.core.v1.Vector;
import dev.hybridgateway.gateway.auth.Authenticator;
import dev.hybridgateway.gateway.auth.DevTokens;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.core.ffi.FfiCoreClient;
import dev.hybridgateway.gateway.core.grpc.CoreChannelBuilder;
import dev.hybridgateway.gateway.core.grpc.GrpcCoreClient;
import dev.hybridgateway.gateway.resilience.BackendResilience;
import dev.hybridgateway.gateway.rest.RestHeaders;
import dev.hybridgateway.gateway.rest.RestServer;
import dev.hybridgateway.gateway.routing.RoutingConfig;
import dev.hybridgateway.gateway.testing.Bearer;
import dev.hybridgateway.gateway.testing.RustCoreServer;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The promise of the quick start, end to end: one gateway process with all three transports as
 * backends (the Java engine, the Rust core in-process over FFI, a real {@code hotpath-server}
 * over gRPC), real dev-JWT auth, and its REST adapter. The same query pinned to each transport
 * with {@code x-hybrid-transport} (admin scope) returns the same ids and bit-identical scores,
 * over gRPC and over REST, equal to the Java engine called directly; and each answer says it was
 * served by the transport it was pinned to.
 */
class SameAnswerOnEveryTransportTest {
  private static final int DIM = 384;
  private static final String ROUTING =
      """
      backends:
        java:
          type: java
        ffi:
          type: ffi
        grpc:
          type: grpc
          targets: [%s]
      collections:
        demo:
          shards: 1
      routes: []
      default_route:
        name: default
        backends:
          - backend: java
            weight: 100
      """;

  @TempDir static Path devDir;
  private static final List<AutoCloseable> OPEN = new ArrayList<>();
  private static JavaCoreClient reference;
  private static ManagedChannel gatewayChannel;
  private static RestServer rest;
  private static String token;

  @BeforeAll
  static void start() throws Exception {
    RustCoreServer server = own(RustCoreServer.start());
    ManagedChannel coreChannel =
        CoreChannelBuilder.forTarget("127.0.0.1:" + server.port()).build();
    OPEN.add(coreChannel::shutdownNow);
    CoreClient grpc = own(GrpcCoreClient.of(coreChannel));
    CoreClient ffi = own(FfiCoreClient.open());
    CoreClient java = own(JavaCoreClient.builder().build());
    reference = own(JavaCoreClient.builder().build());
    for (CoreClient client : List.of(grpc, ffi, java, reference)) {
      client.createCollection(demoCollection()).join();
    }

    DevTokens tokens = DevTokens.open(devDir);
    Authenticator auth = own(Authenticator.create(tokens.authConfig().build()));
    token = tokens.mint("tenant-a", List.of(Scopes.SEARCH, Scopes.ADMIN), Duration.ofMinutes(10));
    BackendResilience resilience = own(BackendResilience.builder().build());
    EdgePipeline pipeline =
        EdgePipeline.builder()
            .routing(RoutingConfig.parse(ROUTING.formatted("127.0.0.1:" + server.port()), "test"))
            .clients(Map.of("java", List.of(java), "ffi", List.of(ffi), "grpc", List.of(grpc)))
            .resilience(resilience)
            .build();
    GatewayServer gateway =
        own(GatewayServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .pipeline(pipeline)
            .auth(auth)
            .start());
    gateway.markServing();
    gatewayChannel =
        NettyChannelBuilder.forAddress("127.0.0.1", gateway.port()).usePlaintext().build();
    OPEN.add(gatewayChannel::shutdownNow);
    rest =
        own(RestServer.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0))
            .gateway(gatewayChannel)
            .start());
  }

  @AfterAll
  static void stop() throws Exception {
    for (int i = OPEN.size() - 1; i >= 0; i--) {
      OPEN.get(i).close();
    }
  }

  private static <T extends AutoCloseable> T own(T resource) {
    OPEN.add(resource);
    return resource;
  }

  private static CreateCollectionRequest demoCollection() {
    return CreateCollectionRequest.newBuilder()
        .setName("demo")
        .setDim(DIM)
        .setMetric(Metric.METRIC_COSINE)
        .setSynthetic(SyntheticSource.newBuilder().setSeed(42).setCount(20_000).setClusters(16))
        .build();
  }

  /** Three random queries and one whose components include -0.0, subnormals and tiny values. */
  private static SearchRequest request() {
    List<Vector> queries = new ArrayList<>(TestVectors.of(3, DIM, 5));
    Vector.Builder edgy = queries.get(0).toBuilder();
    edgy.setValues(0, -0.0f).setValues(1, Float.MIN_VALUE).setValues(2, Float.MIN_NORMAL / 2);
    queries.add(edgy.build());
    return SearchRequest.newBuilder().setCollection("demo").addAllQueries(queries).setK(10).build();
  }

  @ParameterizedTest(name = "pinned to {0}")
  @ValueSource(strings = {"java", "ffi", "grpc"})
  void search_pinnedOverGrpc_equalsTheJavaEngineDirectly(String transport) {
    Metadata pin = new Metadata();
    pin.put(Metadata.Key.of(RestHeaders.TRANSPORT, Metadata.ASCII_STRING_MARSHALLER), transport);

    SearchResponse response =
        SearchServiceGrpc.newBlockingStub(gatewayChannel)
            .withCallCredentials(Bearer.of(token))
            .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(pin))
            .search(request());

    assertServedBy(response, transport);
    assertSameHitsAsReference(response);
  }

  @ParameterizedTest(name = "pinned to {0}")
  @ValueSource(strings = {"java", "ffi", "grpc"})
  void search_pinnedOverRest_equalsTheJavaEngineDirectly(String transport) throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest.port()
                + "/v1/collections/demo:search"))
            .header("content-type", "application/json")
            .header("authorization", "Bearer " + token)
            .header(RestHeaders.TRANSPORT, transport)
            .POST(HttpRequest.BodyPublishers.ofString(JsonFormat.printer().print(request())))
            .build();

    HttpResponse<String> http;
    try (HttpClient client = HttpClient.newHttpClient()) {
      http = client.send(post, HttpResponse.BodyHandlers.ofString());
    }

    assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
    SearchResponse.Builder parsed = SearchResponse.newBuilder();
    JsonFormat.parser().merge(http.body(), parsed);
    assertServedBy(parsed.build(), transport);
    assertSameHitsAsReference(parsed.build());
  }

  private static void assertServedBy(SearchResponse response, String transport) {
    assertThat(response.getShardsList()).hasSize(1);
    assertThat(response.getShards(0).getCall().getBackend()).isEqualTo(transport);
    assertThat(response.getShards(0).getCall().getTransport())
        .isEqualTo(dev.hybridgateway.gateway.v1.Transport.valueOf(
            "TRANSPORT_" + Transport.of(transport).name()));
  }

  /** Ids in order and scores compared as raw bits: -0.0 != 0.0 and NaN payloads would differ. */
  private static void assertSameHitsAsReference(SearchResponse response) {
    SearchRequest request = request();
    var expected =
        reference
            .search(dev.hybridgateway.core.v1.SearchRequest.newBuilder()
                .setCollection("demo")
                .addAllQueries(request.getQueriesList())
                .setK(request.getK())
                .build())
            .join()
            .response();
    assertThat(response.getResultsCount()).isEqualTo(request.getQueriesCount());
    for (int q = 0; q < request.getQueriesCount(); q++) {
      List<ScoredId> hits = response.getResults(q).getHitsList();
      List<ScoredId> want = expected.getResults(q).getHitsList();
      assertThat(hits).as("query %d", q).hasSize(10);
      assertThat(hits).extracting(ScoredId::getId)
          .as("ids of query %d", q)
          .containsExactlyElementsOf(want.stream().map(ScoredId::getId).toList());
      assertThat(hits).extracting(hit -> Float.floatToRawIntBits(hit.getScore()))
          .as("score bits of query %d", q)
          .containsExactlyElementsOf(
              want.stream().map(hit -> Float.floatToRawIntBits(hit.getScore())).toList());
    }
  }
}
