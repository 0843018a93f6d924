package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.client;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.closeWithoutLeaks;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.detail;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.Neighbors;
import dev.hybridgateway.core.v1.RerankResponse;
import dev.hybridgateway.core.v1.SearchResponse;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.testing.SharedVectorCases;
import dev.hybridgateway.gateway.testing.SharedVectorCases.Hit;
import dev.hybridgateway.gateway.testing.SharedVectorCases.RerankCase;
import dev.hybridgateway.gateway.testing.SharedVectorCases.SearchCase;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared vectors of interop-tests/vectors through both FFI paths: the generic protobuf call
 * and the zero-copy fast path must return the expected ids with bit-identical scores, and the
 * same errors.
 */
class SharedVectorsTest {
  private static FfiCoreClient generic;
  private static FfiCoreClient fast;

  @BeforeAll
  static void createCollections() {
    generic = client(config -> config.fastPath(false).poolSize(1));
    fast = client(config -> config.fastPath(true).poolSize(1));
    for (SearchCase c : SharedVectorCases.searchCases()) {
      generic.createCollection(c.collection()).join();
      fast.createCollection(c.collection()).join();
    }
  }

  @AfterAll
  static void close() {
    closeWithoutLeaks(generic);
    closeWithoutLeaks(fast);
  }

  static Stream<Arguments> searchCases() {
    return Stream.of(false, true)
        .flatMap(fast -> SharedVectorCases.searchCases().stream().map(c -> Arguments.of(path(fast), c)));
  }

  static Stream<Arguments> rerankCases() {
    return Stream.of(false, true)
        .flatMap(fast -> SharedVectorCases.rerankCases().stream().map(c -> Arguments.of(path(fast), c)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("searchCases")
  void search_sharedVector_returnsExpectedHitsBitForBit(String path, SearchCase c) {
    CoreReply<SearchResponse> reply = clientFor(path).search(c.request()).join();

    assertThat(hits(reply.response().getResultsList())).isEqualTo(c.expected());
    boolean fastPathTaken = path.equals("fast") && !c.request().hasFilter();
    assertTiming(reply.coreTiming(), fastPathTaken);
    if (!fastPathTaken) {
      assertThat(reply.response().getVectorsScanned()).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("rerankCases")
  void rerank_sharedVector_returnsExpectedHitsOrError(String path, RerankCase c) {
    if (c.error() == null) {
      CoreReply<RerankResponse> reply = clientFor(path).rerank(c.request()).join();

      assertThat(hits(reply.response().getResultsList())).isEqualTo(c.expected());
      assertTiming(reply.coreTiming(), path.equals("fast") && FastPath.fits(c.request()));
    } else {
      Status status = failure(clientFor(path).rerank(c.request()));

      assertThat(status.getCode()).isEqualTo(c.error().code());
      assertThat(detail(status, ErrorInfo.class).getReason()).isEqualTo(c.error().reason());
      assertThat(detail(status, BadRequest.class).getFieldViolationsList())
          .extracting(BadRequest.FieldViolation::getField)
          .containsExactlyElementsOf(c.error().fields());
    }
  }

  /** The fast paths report no decode/encode time; the generic path always has an encode time. */
  private static void assertTiming(CoreTiming timing, boolean fastPathTaken) {
    assertThat(timing.getComputeNs()).isPositive();
    assertThat(timing.getQueueNs()).isZero();
    if (fastPathTaken) {
      assertThat(timing.getDecodeNs()).isZero();
      assertThat(timing.getEncodeNs()).isZero();
    } else {
      assertThat(timing.getEncodeNs()).isPositive();
    }
  }

  private static List<List<Hit>> hits(List<Neighbors> results) {
    return results.stream()
        .map(n -> n.getHitsList().stream()
            .map(h -> new Hit(h.getId(), Float.floatToRawIntBits(h.getScore())))
            .toList())
        .toList();
  }

  private static String path(boolean fastPath) {
    return fastPath ? "fast" : "generic";
  }

  private static FfiCoreClient clientFor(String path) {
    return path.equals("fast") ? fast : generic;
  }
}
