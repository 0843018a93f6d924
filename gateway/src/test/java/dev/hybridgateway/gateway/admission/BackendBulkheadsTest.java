package dev.hybridgateway.gateway.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import dev.hybridgateway.gateway.testing.StatusDetails;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackendBulkheadsTest {
  @Test
  void run_full_unavailableWithRetryInfo_thenFreedOnCompletion() {
    BackendBulkheads bulkheads = BackendBulkheads.of(Map.of("rust", 1), Duration.ofMillis(50));
    CompletableFuture<String> inFlight = new CompletableFuture<>();
    bulkheads.run("rust", () -> inFlight);
    assertThat(bulkheads.saturation().get()).containsEntry("rust", 1.0);

    assertThatThrownBy(() -> bulkheads.run("rust", () -> CompletableFuture.completedFuture("x")))
        .satisfies(
            e -> {
              assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.UNAVAILABLE_VALUE);
              assertThat(StatusDetails.detail(e, RetryInfo.class).orElseThrow().getRetryDelay().getNanos())
                  .isEqualTo(50_000_000);
            });

    inFlight.complete("done");
    assertThat(bulkheads.saturation().get()).containsEntry("rust", 0.0);
    assertThat(bulkheads.run("rust", () -> CompletableFuture.completedFuture("x")).join()).isEqualTo("x");
  }

  @Test
  void run_supplierThrows_slotReleased() {
    BackendBulkheads bulkheads = BackendBulkheads.of(Map.of("rust", 1), Duration.ofMillis(50));
    assertThatThrownBy(() -> bulkheads.run("rust", () -> { throw new IllegalStateException("boom"); }));
    assertThat(bulkheads.saturation().get()).containsEntry("rust", 0.0);
  }
}
