package dev.hybridgateway.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import dev.hybridgateway.gateway.testing.StatusDetails;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link DeadlinePolicy} on a clock that only moves when told to. */
class DeadlinePolicyTest {
  private final FakeTicker ticker = new FakeTicker();
  private final DeadlinePolicy policy =
      DeadlinePolicy.builder()
          .defaultTimeout(Duration.ofSeconds(2))
          .maxTimeout(Duration.ofSeconds(30))
          .reserve(Duration.ofMillis(2))
          .minBudget(Duration.ofMillis(5))
          .ticker(ticker)
          .build();

  private Deadline clientDeadline(Duration fromNow) {
    return Deadline.after(fromNow.toNanos(), TimeUnit.NANOSECONDS, ticker);
  }

  private long millisLeft(Deadline deadline) {
    return deadline.timeRemaining(TimeUnit.MILLISECONDS);
  }

  @Test
  void coreDeadline_noClientDeadline_isDefaultMinusReserve() {
    assertThat(millisLeft(policy.coreDeadline(null))).isEqualTo(2_000 - 2);
  }

  @Test
  void coreDeadline_clientDeadlineWithinMax_isClientMinusReserve() {
    assertThat(millisLeft(policy.coreDeadline(clientDeadline(Duration.ofMillis(100)))))
        .isEqualTo(98);
  }

  @Test
  void coreDeadline_clientDeadlineAboveMax_isCappedToMaxMinusReserve() {
    assertThat(millisLeft(policy.coreDeadline(clientDeadline(Duration.ofMinutes(10)))))
        .isEqualTo(30_000 - 2);
  }

  @Test
  void coreDeadline_exactlyMinimumBudgetLeft_isAccepted() {
    assertThat(millisLeft(policy.coreDeadline(clientDeadline(Duration.ofMillis(7))))).isEqualTo(5);
  }

  @Test
  void coreDeadline_lessThanMinimumBudgetLeft_failsDeadlineExceededAtEdge() {
    Deadline client = clientDeadline(Duration.ofMillis(6));

    assertThatThrownBy(() -> policy.coreDeadline(client))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
              assertThat(StatusDetails.detail(e, ErrorInfo.class))
                  .hasValueSatisfying(
                      info -> assertThat(info.getMetadataMap()).containsEntry("stage", "edge"));
            });
  }

  @Test
  void coreDeadline_clientDeadlineAlreadyPassed_failsDeadlineExceededAtEdge() {
    Deadline client = clientDeadline(Duration.ofMillis(50));
    ticker.advance(Duration.ofMillis(80));

    assertThatThrownBy(() -> policy.coreDeadline(client))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
  }

  @Test
  void build_defaultShorterThanReservePlusBudget_isRejected() {
    assertThatThrownBy(
            () ->
                DeadlinePolicy.builder()
                    .defaultTimeout(Duration.ofMillis(5))
                    .reserve(Duration.ofMillis(2))
                    .minBudget(Duration.ofMillis(5))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_maxShorterThanDefault_isRejected() {
    assertThatThrownBy(
            () ->
                DeadlinePolicy.builder()
                    .defaultTimeout(Duration.ofSeconds(5))
                    .maxTimeout(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A ticker that moves only when the test advances it. */
  private static final class FakeTicker extends Deadline.Ticker {
    private long nanos;

    @Override
    public long nanoTime() {
      return nanos;
    }

    void advance(Duration duration) {
      nanos += duration.toNanos();
    }
  }
}
