package dev.hybridgateway.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hybridgateway.bench.load.LatencySummary;
import dev.hybridgateway.bench.load.RampPlan;
import dev.hybridgateway.bench.load.RampResult;
import dev.hybridgateway.bench.load.RunConfig;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.load.RunTag;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** P4 pairs the right runs: same transport, scenario and rate; ramps against bare-grpc's. */
class EdgeFiguresTest {

  private static RunResult run(String target, RunTag tag, double rate, long p50Micros) {
    Histogram histogram = new Histogram(3);
    histogram.recordValueWithCount(p50Micros * 1000, 100);
    return new RunResult(target + ":" + tag.label(), target, tag,
        RunConfig.builder().rate(rate).build(), "2026-01-01T00:00:00Z",
        new RunResult.Counts(100, 100, 100, 100, 0, 0, 0, 0), Map.of(),
        new RunResult.Overruns(0, 5, 0), new RunResult.Throughput(rate, rate, rate, 1),
        LatencySummary.of(histogram), null, null, null, null);
  }

  private static RampResult ramp(String target, double max) {
    RampPlan plan = new RampPlan(100, 2, 1000, Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofMillis(50), 0.95, 0.01, List.of(0.7), Duration.ofSeconds(1),
        Duration.ofSeconds(5));
    return new RampResult(target, "tiny", plan, List.of(), max, List.of());
  }

  private static RampResult rampWithSteps(String target, double max, RampResult.Step... steps) {
    RampResult base = ramp(target, 0);
    return new RampResult(target, "tiny", base.plan(), List.of(steps), max, List.of());
  }

  @Test
  void of_gatewayAndCoreAtSameRates_pairsHighestStepAtHalfTheGatewayMaximum() {
    RunResult core100 = run("grpc-core", RunTag.rampStep("tiny", 100), 100, 2000);
    RunResult core200 = run("grpc-core", RunTag.rampStep("tiny", 200), 200, 400);
    RunResult core400 = run("grpc-core", RunTag.rampStep("tiny", 400), 400, 300);
    RunResult gw100 = run("gateway-grpc/grpc", RunTag.rampStep("tiny", 100), 100, 3000);
    RunResult gw200 = run("gateway-grpc/grpc", RunTag.rampStep("tiny", 200), 200, 600);
    RunResult gw400 = run("gateway-grpc/grpc", RunTag.rampStep("tiny", 400), 400, 5000);
    RunResult gw800 = run("gateway-grpc/grpc", RunTag.rampStep("tiny", 800), 800, 9000);
    RunResult core800 = run("grpc-core", RunTag.rampStep("tiny", 800), 800, 300);
    List<RunResult> runs = List.of(core100, core200, core400, core800, gw100, gw200, gw400, gw800,
        run("gateway-rest/grpc", RunTag.rampStep("tiny", 100), 100, 2100),
        run("gateway-grpc/ffi", RunTag.rampStep("tiny", 100), 100, 500), // no ffi-core run
        run("gateway-grpc", RunTag.rampStep("tiny", 100), 100, 500));    // unpinned
    List<RampResult> ramps = List.of(rampWithSteps("gateway-grpc/grpc", 400,
        new RampResult.Step(100, true, null, gw100.id()),
        new RampResult.Step(200, true, null, gw200.id()),
        new RampResult.Step(400, true, null, gw400.id()),
        new RampResult.Step(800, false, "p99", gw800.id())));

    EdgeFigures edge = EdgeFigures.of(runs, ramps);

    assertThat(edge.overheads()).extracting(EdgeFigures.Overhead::gateway)
        .containsExactly("gateway-grpc/grpc", "gateway-rest/grpc");
    EdgeFigures.Overhead grpc = edge.overheads().getFirst();
    assertThat(grpc.rate()).isEqualTo(200); // half of the gateway's 400/s maximum
    assertThat(grpc.direct()).isEqualTo("grpc-core");
    assertThat(grpc.addedP50Ms()).isCloseTo(0.2, within(0.002));
    assertThat(grpc.meetsTarget()).isFalse();
    assertThat(edge.overheads().get(1).rate()).isEqualTo(100);
    assertThat(edge.overheads().get(1).meetsTarget()).isTrue();
  }

  @Test
  void of_plainRunsOfBoth_preferredOverRampSteps() {
    List<RunResult> runs = List.of(
        run("ffi-core", RunTag.fixed("tiny", 500), 500, 100),
        run("ffi-core", RunTag.rampStep("tiny", 800), 800, 90),
        run("gateway-rest/ffi", RunTag.rampStep("tiny", 800), 800, 1000),
        run("gateway-rest/ffi", RunTag.fixed("tiny", 500), 500, 200));

    EdgeFigures.Overhead pair = EdgeFigures.of(runs, List.of()).overheads().getFirst();

    assertThat(pair.kind()).isEqualTo(RunTag.FIXED);
    assertThat(pair.addedP50Ms()).isCloseTo(0.1, within(0.002));
    assertThat(pair.meetsTarget()).isTrue();
  }

  @Test
  void of_gatewayRampsAndBareRamp_ratioPerGateway() {
    EdgeFigures edge = EdgeFigures.of(List.of(), List.of(
        ramp("bare-grpc", 3200), ramp("gateway-grpc/ffi", 1600), ramp("gateway-rest/ffi", 800),
        ramp("grpc-core", 400)));

    assertThat(edge.throughputs()).extracting(EdgeFigures.Throughput::target)
        .containsExactly("gateway-grpc/ffi", "gateway-rest/ffi");
    assertThat(edge.throughputs().get(0).ratio()).isEqualTo(0.5);
    assertThat(edge.throughputs().get(0).meetsTarget()).isTrue();
    assertThat(edge.throughputs().get(1).ratio()).isEqualTo(0.25);
    assertThat(edge.throughputs().get(1).meetsTarget()).isFalse();
  }

  @Test
  void of_noBareRamp_noRatio() {
    assertThat(EdgeFigures.of(List.of(), List.of(ramp("gateway-grpc/ffi", 1600))).throughputs())
        .isEmpty();
  }
}
