package dev.hybridgateway.bench.support;

import dev.hybridgateway.core.v1.CollectionInfo;
import dev.hybridgateway.core.v1.CoreTiming;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.core.v1.GetCollectionRequest;
import dev.hybridgateway.core.v1.GetStatsRequest;
import dev.hybridgateway.core.v1.HotPathGrpc;
import dev.hybridgateway.core.v1.Metric;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.core.v1.SearchResponse;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/**
 * A HotPath server that answers Search at once, except during one stall: from the
 * {@code stallAt}-th request on, every Search is held (no thread blocked: its observer waits in a
 * list) until the test calls {@link #release()}. It reports a core time of 10 µs per answer.
 * GetStats and GetCollection answer so the CLI's preflight works against it.
 */
public final class StallingHotPathService extends HotPathGrpc.HotPathImplBase {
  static final long CORE_NANOS = 10_000;

  private final List<StreamObserver<SearchResponse>> held = new ArrayList<>();
  private long requests;
  private long stallAt = Long.MAX_VALUE;
  private long stallStarted;
  private long stallEnded;
  private long heldAtRelease;

  /** Holds every Search from the {@code requestNumber}-th (1-based) until {@link #release()}. */
  public synchronized void stallAt(long requestNumber) {
    this.stallAt = requestNumber;
  }

  public synchronized boolean stalled() {
    return stallStarted != 0 && stallEnded == 0;
  }

  /** Nanoseconds since the stall began (0 before it). */
  public synchronized long stalledFor() {
    return stallStarted == 0 ? 0 : System.nanoTime() - stallStarted;
  }

  /** How many requests the stall held when {@link #release()} ended it. */
  public synchronized long heldAtRelease() {
    return heldAtRelease;
  }

  /** Ends the stall, answers every held request, and returns the stall's length in ns. */
  public long release() {
    List<StreamObserver<SearchResponse>> toAnswer;
    synchronized (this) {
      stallEnded = System.nanoTime();
      heldAtRelease = held.size();
      toAnswer = new ArrayList<>(held);
      held.clear();
    }
    toAnswer.forEach(StallingHotPathService::answer);
    return stallEnded - stallStarted;
  }

  @Override
  public void search(SearchRequest request, StreamObserver<SearchResponse> observer) {
    synchronized (this) {
      requests++;
      if (requests == stallAt) {
        stallStarted = System.nanoTime();
      }
      if (stalled()) {
        held.add(observer);
        return;
      }
    }
    answer(observer);
  }

  @Override
  public void getStats(GetStatsRequest request, StreamObserver<EngineStats> observer) {
    observer.onNext(EngineStats.getDefaultInstance());
    observer.onCompleted();
  }

  @Override
  public void getCollection(GetCollectionRequest request, StreamObserver<CollectionInfo> observer) {
    observer.onNext(
        CollectionInfo.newBuilder().setName(request.getName()).setDim(384)
            .setMetric(Metric.METRIC_COSINE).setCount(1000).build());
    observer.onCompleted();
  }

  private static void answer(StreamObserver<SearchResponse> observer) {
    try {
      observer.onNext(
          SearchResponse.newBuilder()
              .setTiming(CoreTiming.newBuilder().setComputeNs(CORE_NANOS))
              .build());
      observer.onCompleted();
    } catch (StatusRuntimeException e) {
      // The client gave up on this call (its deadline passed while it was held): nothing to send.
    }
  }
}
