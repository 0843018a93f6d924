package dev.hybridgateway.gateway.core.ffi;

import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.client;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.closeWithoutLeaks;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.detail;
import static dev.hybridgateway.gateway.core.ffi.FfiTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad bytes and bad requests become INVALID_ARGUMENT / NOT_FOUND, never a crash. */
class MalformedRequestTest {
  private static FfiCoreClient generic;
  private static FfiCoreClient fast;

  @BeforeAll
  static void open() {
    generic = client(config -> config.poolSize(1));
    fast = client(config -> config.poolSize(1).fastPath(true));
  }

  @AfterAll
  static void close() {
    closeWithoutLeaks(generic);
    closeWithoutLeaks(fast);
  }

  @Test
  void callRaw_garbageBytes_invalidArgumentMalformedRequest() {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f, 0x0a, (byte) 0xff};

    Status status = failure(generic.callRaw(CoreMethod.SEARCH.ffiId(), garbage));

    assertMalformed(status);
  }

  @Test
  void callRaw_truncatedSearchRequest_invalidArgumentMalformedRequest() {
    byte[] valid = FfiTestSupport.randomSearch("c", 2, 8).toByteArray();
    byte[] truncated = Arrays.copyOf(valid, valid.length / 2);

    Status status = failure(generic.callRaw(CoreMethod.SEARCH.ffiId(), truncated));

    assertMalformed(status);
  }

  @Test
  void callRaw_unknownMethod_unimplemented() {
    Status status = failure(generic.callRaw(99, new byte[0]));

    assertThat(status.getCode()).isEqualTo(Code.UNIMPLEMENTED_VALUE);
  }

  @Test
  void callRaw_emptyGetStatsRequest_returnsStatsBytes() throws Exception {
    byte[] response = generic.callRaw(CoreMethod.GET_STATS.ffiId(), new byte[0]).join();

    assertThat(EngineStats.parseFrom(response).getMemoryBudgetBytes())
        .isPositive();
  }

  @ParameterizedTest(name = "fastPath={0}")
  @ValueSource(booleans = {false, true})
  void search_unknownCollection_notFoundWithResourceInfo(boolean fastPath) {
    SearchRequest request = FfiTestSupport.randomSearch("no-such-collection", 1, 4);

    Status status = failure((fastPath ? fast : generic).search(request));

    assertThat(status.getCode()).isEqualTo(Code.NOT_FOUND_VALUE);
    assertThat(detail(status, ResourceInfo.class).getResourceName())
        .isEqualTo("no-such-collection");
  }

  private static void assertMalformed(Status status) {
    assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT_VALUE);
    ErrorInfo info = detail(status, ErrorInfo.class);
    assertThat(info.getReason()).isEqualTo("MALFORMED_REQUEST");
    assertThat(info.getDomain()).isEqualTo(CoreErrors.CORE_DOMAIN);
  }
}
