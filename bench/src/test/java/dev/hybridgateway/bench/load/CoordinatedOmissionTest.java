package dev.hybridgateway.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hybridgateway.bench.support.BlockingHotPathTarget;
import dev.hybridgateway.bench.support.Fixtures;
import dev.hybridgateway.bench.support.LoopbackServer;
import dev.hybridgateway.bench.support.StallingHotPathService;
import dev.hybridgateway.bench.targets.GrpcCoreTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The proof that the generator is free of coordinated omission. A real loopback gRPC server
 * holds every request for half a second, once, in the middle of a 3 s run at 200 requests/s (so
 * about 100 of the 600 measured requests fall into the stall). The test releases the server
 * itself once the stall has lasted 500 ms, and compares the recorded figures with that measured
 * stall length.
 */
class CoordinatedOmissionTest {
  private static final Duration STALL = Duration.ofMillis(500);
  private static final double RATE = 200;
  /** 40 warm-up requests, then the stall begins 1 s (200 requests) into the measured part. */
  private static final long STALL_AT_REQUEST = 40 + 200;

  private static RunConfig config() {
    return RunConfig.builder()
        .rate(RATE)
        .warmup(Duration.ofMillis(200))
        .duration(Duration.ofSeconds(3))
        .deadline(Duration.ofSeconds(10))
        .maxInFlight(10_000)
        .build();
  }

  /** Waits until the server has been stalled for {@link #STALL}, releases it, returns ms. */
  private static double stallAndRelease(StallingHotPathService service) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(2))
        .until(() -> service.stalledFor() >= STALL.toNanos());
    return service.release() / 1e6;
  }

  @Test
  void openLoop_serverStallsMidRun_tailShowsTheStall() throws Exception {
    StallingHotPathService service = new StallingHotPathService();
    service.stallAt(STALL_AT_REQUEST);
    try (LoopbackServer server = LoopbackServer.start(service)) {
      var target = new GrpcCoreTarget("grpc-core", List.of(server.channel()), Fixtures.tinyWorkload());
      CompletableFuture<RunResult> run = Fixtures.runAsync(target, config());
      double stallMs = stallAndRelease(service);
      RunResult result = run.get(60, TimeUnit.SECONDS);

      assertThat(result.counts().ok()).isEqualTo(600);
      // The request that met the stall first waited all of it; the ~100 due during it waited
      // from their intended time to the release, so the top 1 % is within 30 ms of the stall.
      assertThat(result.latency().maxMs()).isGreaterThanOrEqualTo(stallMs * 0.999);
      assertThat(result.latency().p99Ms()).isGreaterThanOrEqualTo(stallMs * 0.8);
      // Open loop: the schedule went on during the stall instead of waiting for the server
      // (about rate × stall = 100 requests reached it; half of that leaves room for a noisy
      // machine delaying the sender).
      assertThat(service.heldAtRelease()).isGreaterThanOrEqualTo((long) (RATE * stallMs / 1000 / 2));
    }
  }

  @Test
  void closedLoop_sameStall_actualSendTimeHidesWhatIntendedTimeShows() throws Exception {
    StallingHotPathService service = new StallingHotPathService();
    service.stallAt(STALL_AT_REQUEST);
    try (LoopbackServer server = LoopbackServer.start(service)) {
      // One request at a time, waiting for each answer: a closed-loop client such as wrk or ab.
      var target = new BlockingHotPathTarget(server.channel(), Fixtures.tinyWorkload());
      CompletableFuture<RunResult> run = Fixtures.runAsync(target, config());
      double stallMs = stallAndRelease(service);
      RunResult result = run.get(60, TimeUnit.SECONDS);

      assertThat(result.counts().ok()).isEqualTo(600);
      // Only the one request in flight reached the server during the stall.
      assertThat(service.heldAtRelease()).isEqualTo(1);
      // Measured from the actual send, only that request saw the stall: p99 hides it.
      assertThat(result.serviceTime().maxMs()).isGreaterThanOrEqualTo(stallMs * 0.999);
      assertThat(result.serviceTime().p99Ms()).isLessThan(stallMs / 2);
      // Measured from the intended send time, the ~100 requests the client could not send
      // during the stall carry their wait: the stall is in the p99.
      assertThat(result.latency().p99Ms()).isGreaterThanOrEqualTo(stallMs * 0.8);
      assertThat(result.latency().maxMs()).isGreaterThanOrEqualTo(stallMs * 0.999);
      assertThat(result.sendLag().maxMs()).isGreaterThanOrEqualTo(stallMs * 0.9);
    }
  }
}
