package dev.hybridgateway.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

  @Test
  void of_statusRuntimeException_grpcCode() {
    assertThat(ErrorCodes.of(Status.UNAVAILABLE.asRuntimeException())).isEqualTo("grpc/UNAVAILABLE");
  }

  @Test
  void of_wrappedInCompletionException_unwrapped() {
    assertThat(ErrorCodes.of(new CompletionException(Status.DEADLINE_EXCEEDED.asException())))
        .isEqualTo("grpc/DEADLINE_EXCEEDED");
  }

  @Test
  void of_serverSentUnknown_grpcUnknown() {
    assertThat(ErrorCodes.of(Status.UNKNOWN.withDescription("boom").asRuntimeException()))
        .isEqualTo("grpc/UNKNOWN");
  }

  @Test
  void of_plainException_clientNamespaceWithClassName() {
    assertThat(ErrorCodes.of(new java.io.IOException("reset"))).isEqualTo("client/IOException");
  }

  @Test
  void http_status_httpNamespace() {
    assertThat(ErrorCodes.http(503)).isEqualTo("http/503");
  }
}
