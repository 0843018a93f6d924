package dev.hybridgateway.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hybridgateway.bench.support.Fixtures;
import dev.hybridgateway.bench.support.LoopbackServer;
import dev.hybridgateway.bench.support.SerialHotPathService;
import dev.hybridgateway.bench.targets.GrpcCoreTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ramp against a server of known capacity: one request at a time, 2 ms each, so 500/s.
 * Steps 100, 200, 400 fit; at 800 the server completes at most 500/s and the queue grows, so that
 * step fails on throughput (at most ~65 % of offered) whatever the noise. The criteria are loose
 * (p99 400 ms, 80 % of offered) so that a noisy shared machine does not fail a step below the
 * capacity; if it still does, the maximum is lower, never above the capacity.
 */
class StepRampTest {

  @Test
  void run_serverOfKnownCapacity_findsMaximumBelowItAndRunsTheLevels() throws Exception {
    try (SerialHotPathService service = new SerialHotPathService(Duration.ofMillis(2));
        LoopbackServer server = LoopbackServer.start(service)) {
      var target = new GrpcCoreTarget("grpc-core", List.of(server.channel()), Fixtures.tinyWorkload());
      RampPlan plan = new RampPlan(100, 2, 3200, Duration.ofMillis(200), Duration.ofSeconds(1),
          Duration.ofMillis(400), 0.8, 0.01, RampPlan.DEFAULT_LEVELS,
          Duration.ofMillis(100), Duration.ofMillis(500));
      List<RunResult> runs = new ArrayList<>();
      RampResult ramp = new StepRamp(plan, RunConfig.builder().build(), Fixtures.monitor())
          .run(target, "tiny", runs::add);

      assertThat(ramp.maxSustainableRate()).isBetween(100.0, 400.0);
      RampResult.Step last = ramp.steps().getLast();
      assertThat(last.sustainable()).isFalse();
      assertThat(last.rate()).isEqualTo(ramp.maxSustainableRate() * 2);
      assertThat(last.reason()).isNotBlank();
      assertThat(ramp.steps().subList(0, ramp.steps().size() - 1))
          .allMatch(RampResult.Step::sustainable);
      assertThat(ramp.levelRunIds()).hasSize(3);
      List<RunResult> levels = runs.stream().filter(r -> r.tag().kind().equals(RunTag.LEVEL)).toList();
      double max = ramp.maxSustainableRate();
      assertThat(levels).extracting(r -> r.config().rate()).containsExactly(
          StepRamp.round(max * 0.5), StepRamp.round(max * 0.7), StepRamp.round(max * 0.9));
      assertThat(runs).hasSize(ramp.steps().size() + 3);
    }
  }
}
