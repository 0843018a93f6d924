package dev.hybridgateway.gateway.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded pool of pool.rs: FIFO jobs, load shedding when full, survives failing jobs. */
class ComputePoolTest {

  @Test
  void close_queuedJobs_runsThemAllBeforeJoining() {
    AtomicInteger done = new AtomicInteger();
    try (ComputePool pool = new ComputePool(2, 100, "test-pool")) {
      for (int i = 0; i < 50; i++) {
        assertThat(pool.tryExecute(done::incrementAndGet)).isTrue();
      }
    }
    assertThat(done).hasValue(50);
  }

  @Test
  void tryExecute_queueFull_refusesTheJob() throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (ComputePool pool = new ComputePool(1, 1, "test-pool")) {
      assertThat(
              pool.tryExecute(
                  () -> {
                    running.countDown();
                    awaitQuietly(release);
                  }))
          .isTrue();
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(pool.tryExecute(() -> {})).isTrue();
      assertThat(pool.queueDepth()).isEqualTo(1);
      assertThat(pool.tryExecute(() -> {})).isFalse();
      release.countDown();
    }
  }

  @Test
  void tryExecute_capacityZero_refusesEveryJob() {
    try (ComputePool pool = new ComputePool(1, 0, "test-pool")) {
      assertThat(pool.tryExecute(() -> {})).isFalse();
    }
  }

  @Test
  void worker_jobThrows_survivesAndRunsTheNext() throws InterruptedException {
    CountDownLatch ran = new CountDownLatch(1);
    try (ComputePool pool = new ComputePool(1, 4, "test-pool")) {
      pool.tryExecute(
          () -> {
            throw new IllegalStateException("job failure (expected in this test)");
          });
      pool.tryExecute(ran::countDown);
      assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(pool.threads()).isEqualTo(1);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
