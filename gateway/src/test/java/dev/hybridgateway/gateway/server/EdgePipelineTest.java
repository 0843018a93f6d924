package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;
import dev.hybridgateway.gateway.auth.Scopes;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestVectors;
import dev.hybridgateway.gateway.v1.SearchRequest;
import dev.hybridgateway.gateway.v1.SearchResponse;
import dev.hybridgateway.gateway.v1.SearchServiceGrpc;
import dev.hybridgateway.gateway.v1.Transport;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request path end to end over gRPC: dev-token auth, validation, admission, routing with the
 * override header, fan-out over two Java shards. Each test uses its own tenant, since the rate
 * limit (3 per tenant, never refilled) is shared.
 */
class EdgePipelineTest {
  @TempDir static Path devDir;
  private static EdgeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new EdgeFixture(devDir);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static SearchRequest search(String collection) {
    return SearchRequest.newBuilder()
        .setCollection(collection)
        .addAllQueries(TestVectors.of(3, 16, 11))
        .setK(10)
        .build();
  }

  private static SearchServiceGrpc.SearchServiceBlockingStub stub(String tenant, String... scopes) {
    return SearchServiceGrpc.newBlockingStub(fixture.channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .withCallCredentials(fixture.bearer(tenant, scopes));
  }

  private static SearchServiceGrpc.SearchServiceBlockingStub pinnedTo(
      String transport, String tenant, String... scopes) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("x-hybrid-transport", Metadata.ASCII_STRING_MARSHALLER), transport);
    return stub(tenant, scopes)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static Status.Code codeOf(Throwable e) {
    return ((StatusRuntimeException) e).getStatus().getCode();
  }

  @Test
  void search_twoJavaShards_equalsTheUnshardedSearchBitForBit() {
    var direct =
        fixture
            .whole
            .search(
                dev.hybridgateway.core.v1.SearchRequest.newBuilder()
                    .setCollection("vec")
                    .addAllQueries(search("vec").getQueriesList())
                    .setK(10)
                    .build())
            .join()
            .response();

    SearchResponse response = stub("bits", Scopes.SEARCH).search(search("vec"));

    assertThat(response.getResultsList()).isEqualTo(direct.getResultsList());
    assertThat(response.getPartial()).isFalse();
    assertThat(response.getShardsList()).hasSize(2);
    assertThat(response.getShardsList())
        .allSatisfy(shard -> assertThat(shard.getCall().getBackend()).isEqualTo("sharded"));
    assertThat(response.getVectorsScanned()).isEqualTo(3 * 2_000);
  }

  @Test
  void search_noToken_isUnauthenticated() {
    var anonymous =
        SearchServiceGrpc.newBlockingStub(fixture.channel).withDeadlineAfter(10, TimeUnit.SECONDS);

    assertThatThrownBy(() -> anonymous.search(search("vec")))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.UNAUTHENTICATED));
  }

  @Test
  void search_tokenWithoutSearchScope_isPermissionDenied() {
    assertThatThrownBy(() -> stub("reader", Scopes.COLLECTIONS_READ).search(search("vec")))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.PERMISSION_DENIED));
  }

  @Test
  void search_overTheTenantsRateLimit_isResourceExhaustedWithRetryInfo() {
    var stub = stub("busy", Scopes.SEARCH);
    for (int i = 0; i < EdgeFixture.BURST; i++) {
      stub.search(search("vec"));
    }

    assertThatThrownBy(() -> stub.search(search("vec")))
        .satisfies(
            e -> {
              assertThat(codeOf(e)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
              assertThat(StatusDetails.detail(e, RetryInfo.class))
                  .hasValueSatisfying(r -> assertThat(r.getRetryDelay().getNanos()
                      + r.getRetryDelay().getSeconds()).isPositive());
            });
  }

  @Test
  void search_oneShardFailingWithoutAllowPartial_failsWithThatShardsError() {
    assertThatThrownBy(() -> stub("strict", Scopes.SEARCH).search(search("half")))
        .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void search_oneShardFailingWithAllowPartial_answersPartialWithTheShardStatuses() {
    SearchResponse response =
        stub("lenient", Scopes.SEARCH)
            .search(search("half").toBuilder().setAllowPartial(true).build());

    assertThat(response.getPartial()).isTrue();
    assertThat(response.getResultsList()).hasSize(3);
    assertThat(response.getResults(0).getHitsList()).hasSize(10);
    assertThat(response.getShards(0).getStatus().getCode()).isZero();
    assertThat(response.getShards(1).getStatus().getCode())
        .isEqualTo(com.google.rpc.Code.NOT_FOUND_VALUE);
  }

  @Test
  void search_overrideHeaderWithAdminScope_pinsTheTransport() {
    SearchResponse sharded = stub("admin-ref", Scopes.SEARCH).search(search("vec"));

    SearchResponse pinned =
        pinnedTo("ffi", "admin", Scopes.SEARCH, Scopes.ADMIN).search(search("vec"));

    assertThat(pinned.getShardsList()).hasSize(1);
    assertThat(pinned.getShards(0).getCall().getTransport()).isEqualTo(Transport.TRANSPORT_FFI);
    assertThat(pinned.getShards(0).getCall().getBackend()).isEqualTo("rust");
    // The Rust core and the two Java shards agree to the bit.
    assertThat(pinned.getResultsList()).isEqualTo(sharded.getResultsList());
  }

  @Test
  void search_overrideHeaderWithoutAdminScope_isIgnored() {
    SearchResponse response = pinnedTo("ffi", "user", Scopes.SEARCH).search(search("vec"));

    assertThat(response.getShardsList()).hasSize(2);
    assertThat(response.getShardsList())
        .allSatisfy(
            shard ->
                assertThat(shard.getCall().getTransport()).isEqualTo(Transport.TRANSPORT_JAVA));
  }

  @Test
  void search_badOverrideHeaderAsAdmin_isInvalidArgument() {
    assertThatThrownBy(
            () -> pinnedTo("carrier-pigeon", "admin-bad", Scopes.SEARCH, Scopes.ADMIN)
                .search(search("vec")))
        .satisfies(
            e -> {
              assertThat(codeOf(e)).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(StatusDetails.detail(e, ErrorInfo.class))
                  .hasValueSatisfying(
                      info -> assertThat(info.getReason()).isEqualTo("BAD_TRANSPORT_OVERRIDE"));
            });
  }
}
