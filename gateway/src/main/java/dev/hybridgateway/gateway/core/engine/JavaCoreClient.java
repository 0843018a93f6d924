package dev.hybridgateway.gateway.core.engine;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import dev.hybridgateway.core.v1.EngineStats;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The {@link CoreClient} of the pure-Java reference engine (transport {@link Transport#JAVA}): the
 * same semantics, bits and errors as the Rust core, computed in the gateway's own heap. It is the
 * oracle the interop tests compare the Rust transports with, the baseline the benchmarks measure
 * the boundary against, and a fallback backend.
 *
 * <pre>{@code
 * try (JavaCoreClient core = JavaCoreClient.builder().threads(4).build()) {
 *   core.createCollection(createRequest).join();
 *   SearchResponse hits = core.search(searchRequest).join().response();
 * }
 * }</pre>
 *
 * <p>Calls run on a bounded pool of platform threads (a full queue answers UNAVAILABLE with
 * RetryInfo, like the Rust server). GetStats is answered at once without the pool, like the Rust
 * server, so it keeps answering while the pool is saturated. Timing: {@code queue_ns} is the time
 * in the pool's queue, {@code compute_ns} the engine's validation and work (including copying
 * vectors out of the request messages); {@code decode_ns} and {@code encode_ns} are always 0, as no
 * bytes are decoded or encoded: requests and responses stay Java objects.
 */
public final class JavaCoreClient implements CoreClient {
  /** The RetryInfo delay of an UNAVAILABLE for a full queue (hotpath-server's value). */
  public static final Duration DEFAULT_OVERLOAD_RETRY_AFTER = Duration.ofMillis(50);

  private final JavaEngine engine;
  private final ComputePool pool;
  private final ScheduledThreadPoolExecutor timers;
  private final Duration overloadRetryAfter;
  private final Set<PendingCall<?>> active = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  JavaCoreClient(EngineConfig config, int threads, int queueCapacity, Duration overloadRetryAfter) {
    this.engine = new JavaEngine(config);
    this.overloadRetryAfter = requireNonNull(overloadRetryAfter, "overloadRetryAfter");
    this.pool = new ComputePool(threads, queueCapacity, "java-core-compute");
    this.timers =
        new ScheduledThreadPoolExecutor(
            1,
            task -> Thread.ofPlatform().name("java-core-deadlines").daemon(true).unstarted(task));
    this.timers.setRemoveOnCancelPolicy(true);
  }

  /** A builder with the defaults of {@link JavaCoreClientBuilder}. */
  public static JavaCoreClientBuilder builder() {
    return new JavaCoreClientBuilder();
  }

  @Override
  public Transport transport() {
    return Transport.JAVA;
  }

  /** The scoring kernel this client's engine uses. */
  public JavaKernel kernel() {
    return engine.config.kernel();
  }

  /** Compute threads of the pool. */
  public int threads() {
    return pool.threads();
  }

  /** Jobs the pool queues before it refuses work. */
  public int queueCapacity() {
    return pool.queueCapacity();
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    requireNonNull(method, "method");
    requireNonNull(request, "request");
    long accepted = System.nanoTime();
    if (closed) {
      return CompletableFuture.failedFuture(CoreErrors.toException(closedStatus()));
    }
    if (method == CoreMethod.GET_STATS) {
      @SuppressWarnings("unchecked") // GET_STATS answers EngineStats
      R stats = (R) engine.stats();
      return CompletableFuture.completedFuture(
          new CoreReply<>(stats, method.timingOf(stats), System.nanoTime() - accepted));
    }
    CallScope scope = CallScope.capture();
    long budget = scope.remainingNanos();
    if (budget <= 0) {
      // Spent before it got here: no work at all (hotpath-ffi refuses a zero budget the same way).
      CoreError expired = new CoreError.DeadlineExceeded();
      engine.counters.recordStop(expired);
      return CompletableFuture.failedFuture(ErrorStatus.toException(expired, false));
    }
    return new PendingCall<>(this, method, request, scope, accepted, accepted + budget).start();
  }

  /** Fails the calls in flight (UNAVAILABLE) and stops the pool's threads; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (PendingCall<?> call : active) {
      call.abort(closedStatus());
    }
    pool.close();
    timers.shutdownNow();
  }

  /** The UNAVAILABLE status of a call made on (or cut short by) a closed client. */
  static Status closedStatus() {
    return CoreErrors.status(
        Code.UNAVAILABLE,
        "the Java core client is closed",
        ErrorInfo.newBuilder()
            .setDomain(CoreErrors.EDGE_DOMAIN)
            .setReason("CORE_CLIENT_CLOSED")
            .build());
  }

  /** The engine's counters right now (tests and metrics; the same as GetStats). */
  EngineStats stats() {
    return engine.stats();
  }

  JavaEngine engine() {
    return engine;
  }

  ComputePool pool() {
    return pool;
  }

  ScheduledThreadPoolExecutor timers() {
    return timers;
  }

  Set<PendingCall<?>> active() {
    return active;
  }

  Duration overloadRetryAfter() {
    return overloadRetryAfter;
  }

  boolean isClosed() {
    return closed;
  }
}
