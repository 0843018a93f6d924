package dev.hybridgateway.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.Code;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.gateway.core.Transport;
import dev.hybridgateway.gateway.core.engine.JavaCoreClient;
import dev.hybridgateway.gateway.resilience.FlakyCoreClient;
import dev.hybridgateway.gateway.resilience.Shards;
import dev.hybridgateway.gateway.routing.RoutePlan;
import dev.hybridgateway.gateway.routing.ShardTarget;
import dev.hybridgateway.gateway.testing.StatusDetails;
import dev.hybridgateway.gateway.testing.TestContexts;
import io.grpc.Context;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancellationTest {
  @Test
  void callerCancels_everyShardCallCancelled() throws InterruptedException {
    CountDownLatch cancelled = new CountDownLatch(2);
    HangingCoreClient core = new HangingCoreClient(cancelled);
    RoutePlan plan = new RoutePlan("r", "b", Transport.JAVA,
        List.of(new ShardTarget(0, 2, "b", core), new ShardTarget(1, 2, "b", core)), null);
    Context.CancellableContext caller = Context.current().withCancellation();

    var result = TestContexts.in(caller,
        () -> ScatterGather.search(plan, Shards.search("c", 1, 1), Metric.METRIC_DOT, true));
    caller.cancel(null);

    assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
        .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.CANCELLED_VALUE));
  }

  @Test
  void oneShardFailsWithoutAllowPartial_siblingCancelled() throws InterruptedException {
    CountDownLatch cancelled = new CountDownLatch(1);
    try (JavaCoreClient engine = Shards.engine()) {
      FlakyCoreClient failing = FlakyCoreClient.of(engine);
      failing.failWith(FlakyCoreClient.status(Code.INTERNAL));
      RoutePlan plan = new RoutePlan("r", "b", Transport.JAVA,
          List.of(new ShardTarget(0, 2, "b", new HangingCoreClient(cancelled)),
              new ShardTarget(1, 2, "b", failing)), null);

      var result = ScatterGather.search(plan, Shards.search("c", 1, 1), Metric.METRIC_DOT, false);

      assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
          .satisfies(e -> assertThat(StatusDetails.of(e).getCode()).isEqualTo(Code.INTERNAL_VALUE));
    }
  }
}
