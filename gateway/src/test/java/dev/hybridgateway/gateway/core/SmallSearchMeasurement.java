package dev.hybridgateway.gateway.core;

import dev.hybridgateway.core.v1.CreateCollectionRequest;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SyntheticSource;
import dev.hybridgateway.gateway.testing.TestVectors;
import io.grpc.Context;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A one-off side-by-side measurement (not a test; the load-tested figures belong to the bench
 * module): the median latency of one small Search (1 query, k = 10, over 100,000 × 384 cosine
 * vectors) on each core client, with the core's own time and the boundary cost, rounds
 * interleaved across the clients so machine noise hits all three alike.
 *
 * <pre>
 * ./mvnw -q -pl gateway test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
 *     -Dhotpath.server.binary=hotpath-native/target/release/hotpath-server \
 *     -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/test.classpath) \
 *     dev.hybridgateway.gateway.core.SmallSearchMeasurement
 * </pre>
 */
public final class SmallSearchMeasurement {
  private static final int WARMUP = 300;
  private static final int ROUNDS = 1_000;

  private SmallSearchMeasurement() {}

  public static void main(String[] args) throws Exception {
    System.out.printf("JDK %s, %d cores%n", Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (ThreeClients clients = ThreeClients.start(4L << 30)) {
      CreateCollectionRequest demo = CreateCollectionRequest.newBuilder()
          .setName("demo").setDim(384).setMetric(Metric.METRIC_COSINE)
          .setSynthetic(SyntheticSource.newBuilder().setSeed(42).setCount(100_000))
          .build();
      clients.all().values().forEach(core -> core.createCollection(demo).join());
      SearchRequest search = SearchRequest.newBuilder()
          .setCollection("demo").addQueries(TestVectors.of(1, 384, 3).get(0)).setK(10).build();
      Transport[] order = Transport.values();
      long[][] client = new long[order.length][ROUNDS];
      long[][] coreTime = new long[order.length][ROUNDS];
      for (int round = -WARMUP; round < ROUNDS; round++) {
        for (int t = 0; t < order.length; t++) {
          CoreClient core = clients.get(order[t]);
          Context.CancellableContext context =
              Context.current().withDeadlineAfter(1, TimeUnit.SECONDS, timer);
          Context previous = context.attach();
          long start = System.nanoTime();
          CoreReply<?> reply;
          try {
            reply = core.search(search).join();
          } finally {
            context.detach(previous);
            context.cancel(null);
          }
          if (round >= 0) {
            client[t][round] = System.nanoTime() - start;
            coreTime[t][round] = reply.coreNanos();
          }
        }
      }
      System.out.println("transport  p50 client µs  p50 core µs  p50 boundary µs");
      for (int t = 0; t < order.length; t++) {
        long[] boundary = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
          boundary[i] = client[t][i] - coreTime[t][i];
        }
        System.out.printf("%-9s  %13.1f  %11.1f  %15.1f%n", order[t].id(),
            median(client[t]) / 1e3, median(coreTime[t]) / 1e3, median(boundary) / 1e3);
      }
    } finally {
      timer.shutdownNow();
    }
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
