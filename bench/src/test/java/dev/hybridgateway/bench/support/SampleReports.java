package dev.hybridgateway.bench.support;

import dev.hybridgateway.bench.load.OpenLoopRunner;
import dev.hybridgateway.bench.load.RampPlan;
import dev.hybridgateway.bench.load.RampResult;
import dev.hybridgateway.bench.load.RunConfig;
import dev.hybridgateway.bench.load.RunResult;
import dev.hybridgateway.bench.load.RunTag;
import dev.hybridgateway.bench.report.BenchReport;
import dev.hybridgateway.bench.sample.MachineInfo;
import dev.hybridgateway.bench.targets.GrpcCoreTarget;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A real report from short runs of two transports against a loopback server: {@code grpc-core}
 * (async, reports core time) at two rates and {@code closed-loop} (blocking, no core time), plus
 * a ramp entry naming them.
 */
public final class SampleReports {
  private SampleReports() {}

  public static BenchReport twoTransports() throws IOException {
    try (LoopbackServer server = LoopbackServer.start(new StallingHotPathService())) {
      var grpc = new GrpcCoreTarget("grpc-core", List.of(server.channel()), Fixtures.tinyWorkload());
      var closed = new BlockingHotPathTarget(server.channel(), Fixtures.tinyWorkload());
      RunConfig config = RunConfig.builder().rate(200).warmup(Duration.ofMillis(100))
          .duration(Duration.ofMillis(400)).build();
      RunResult slow = new OpenLoopRunner(grpc, config, Fixtures.monitor())
          .run(RunTag.rampStep("tiny", 200));
      RunResult fast = new OpenLoopRunner(grpc, config.withRate(400), Fixtures.monitor())
          .run(RunTag.level("tiny", 0.5, 400));
      RunResult blocking = new OpenLoopRunner(closed, config, Fixtures.monitor())
          .run(RunTag.fixed("tiny", 200));
      RampPlan plan = new RampPlan(200, 2, 400, Duration.ofMillis(100), Duration.ofMillis(400),
          Duration.ofMillis(50), 0.95, 0.01, List.of(0.5), Duration.ofMillis(100),
          Duration.ofMillis(400));
      RampResult ramp = new RampResult("grpc-core", "tiny", plan,
          List.of(new RampResult.Step(200, true, null, slow.id())), 200, List.of(fast.id()));
      return BenchReport.of(List.of("--scenario", "tiny"), MachineInfo.collect(),
          List.of(slow, fast, blocking), List.of(ramp));
    }
  }
}
