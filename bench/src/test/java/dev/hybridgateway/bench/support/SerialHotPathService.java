package dev.hybridgateway.bench.support;

import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A HotPath server with a known capacity: it serves one Search at a time, each taking
 * {@code serviceTime}, so it sustains {@code 1 / serviceTime} requests per second and queues
 * beyond. The service time is simulated by scheduling each answer at
 * {@code max(now, previous answer) + serviceTime}, which costs no CPU.
 */
public final class SerialHotPathService extends HotPathGrpc.HotPathImplBase implements AutoCloseable {
  private final long serviceNanos;
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private long busyUntil;

  public SerialHotPathService(Duration serviceTime) {
    this.serviceNanos = serviceTime.toNanos();
  }

  @Override
  public void search(SearchRequest request, StreamObserver<SearchResponse> observer) {
    long now = System.nanoTime();
    long doneAt;
    synchronized (this) {
      busyUntil = Math.max(now, busyUntil) + serviceNanos;
      doneAt = busyUntil;
    }
    clock.schedule(
        () -> {
          observer.onNext(SearchResponse.getDefaultInstance());
          observer.onCompleted();
        },
        doneAt - now,
        TimeUnit.NANOSECONDS);
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
