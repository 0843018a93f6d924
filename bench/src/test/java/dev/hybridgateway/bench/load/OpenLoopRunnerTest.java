package dev.hybridgateway.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hybridgateway.bench.support.Fixtures;
import dev.hybridgateway.bench.support.LoopbackServer;
import dev.hybridgateway.bench.support.StallingHotPathService;
import dev.hybridgateway.bench.targets.GrpcCoreTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Scheduling accuracy, the two bounds of a run, saturation and deadline overruns. */
class OpenLoopRunnerTest {

  private static RunResult run(LoadTarget target, RunConfig config) {
    return new OpenLoopRunner(target, config, Fixtures.monitor()).run(RunTag.fixed("tiny", config.rate()));
  }

  @Test
  void run_boundedByDuration_sendsRateTimesDurationOnSchedule() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(new StallingHotPathService())) {
      var target = new GrpcCoreTarget("grpc-core", List.of(server.channel()), Fixtures.tinyWorkload());
      RunConfig config = RunConfig.builder().rate(400).warmup(Duration.ofMillis(250))
          .duration(Duration.ofSeconds(1)).maxRequests(1_000_000).build();
      long start = System.nanoTime();
      RunResult result = run(target, config);
      double wallSeconds = (System.nanoTime() - start) / 1e9;

      assertThat(result.counts().warmupSent()).isEqualTo(100);
      assertThat(result.counts().scheduled()).isEqualTo(400);
      assertThat(result.counts().ok()).isEqualTo(400);
      assertThat(result.errors()).isEmpty();
      assertThat(result.throughput().sendRate()).isCloseTo(400, within(20.0));
      // Achieved counts until the last answer, so a slow last answer on a busy machine lowers it.
      assertThat(result.throughput().achievedRate()).isBetween(300.0, 420.0);
      assertThat(result.latency().count()).isEqualTo(400);
      assertThat(result.boundary().count()).isEqualTo(400);
      assertThat(wallSeconds).isBetween(1.2, 3.0);
    }
  }

  @Test
  void run_boundedByCount_stopsAfterMaxRequests() throws Exception {
    try (LoopbackServer server = LoopbackServer.start(new StallingHotPathService())) {
      var target = new GrpcCoreTarget("grpc-core", List.of(server.channel()), Fixtures.tinyWorkload());
      RunConfig config = RunConfig.builder().rate(1000).warmup(Duration.ZERO)
          .duration(Duration.ofMinutes(1)).maxRequests(150).build();
      long start = System.nanoTime();
      RunResult result = run(target, config);

      assertThat(result.counts().scheduled()).isEqualTo(150);
      assertThat(result.counts().ok()).isEqualTo(150);
      assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    }
  }

  @Test
  void run_targetSaturated_overflowCountedAsErrorsNotDelayed() throws Exception {
    StallingHotPathService service = new StallingHotPathService();
    service.stallAt(1);
    try (LoopbackServer server = LoopbackServer.start(service)) {
      var target = new GrpcCoreTarget("grpc-core", List.of(server.channel()), Fixtures.tinyWorkload());
      RunConfig config = RunConfig.builder().rate(200).warmup(Duration.ZERO)
          .duration(Duration.ofMillis(500)).maxInFlight(5).deadline(Duration.ofSeconds(1))
          .build();
      RunResult result = run(target, config);
      service.release();

      assertThat(result.counts().scheduled()).isEqualTo(100);
      assertThat(result.counts().ok()).isZero();
      // The first 5 fill the gate and wait out their 1 s deadline; the 95 due meanwhile are
      // refused at once, on schedule.
      assertThat(result.errors()).containsExactlyInAnyOrderEntriesOf(Map.of(
          ErrorCodes.CLIENT_SATURATED, 95L, "grpc/DEADLINE_EXCEEDED", 5L));
      assertThat(result.counts().failed()).isEqualTo(100);
      assertThat(result.counts().sent()).isEqualTo(5);
    }
  }

  @Test
  void run_answersPastTheirDeadline_countedAsOverruns() {
    LoadTarget late = new LoadTarget() {
      @Override
      public String name() {
        return "late";
      }

      @Override
      public CompletableFuture<Reply> send(long index, Duration deadline) {
        return CompletableFuture.supplyAsync(
            Reply::ok, CompletableFuture.delayedExecutor(60, TimeUnit.MILLISECONDS));
      }
    };
    RunConfig config = RunConfig.builder().rate(100).warmup(Duration.ZERO)
        .duration(Duration.ofMillis(300)).deadline(Duration.ofMillis(20))
        .overrunTolerance(Duration.ofMillis(5)).build();
    RunResult result = run(late, config);

    assertThat(result.counts().ok()).isEqualTo(30);
    assertThat(result.deadlineOverruns().count()).isEqualTo(30);
    assertThat(result.deadlineOverruns().maxOverrunMs()).isGreaterThanOrEqualTo(39);
    assertThat(result.boundary()).isNull();
  }

  @Test
  void run_targetThrowsOnSend_countedByExceptionClass() {
    LoadTarget broken = new LoadTarget() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public CompletableFuture<Reply> send(long index, Duration deadline) {
        throw new IllegalStateException("not connected");
      }
    };
    RunConfig config = RunConfig.builder().rate(100).warmup(Duration.ZERO)
        .duration(Duration.ofMillis(100)).build();
    RunResult result = run(broken, config);

    assertThat(result.errors()).containsExactlyEntriesOf(Map.of("client/IllegalStateException", 10L));
  }
}
