package dev.hybridgateway.gateway.core.ffi;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.hybridgateway.core.v1.RerankRequest;
import dev.hybridgateway.core.v1.SearchRequest;
import dev.hybridgateway.gateway.core.CallScope;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Rust core in-process: a {@link CoreClient} over the C ABI of hotpath-ffi, through Panama
 * FFM. It owns one native engine and the FFI bulkhead (a bounded pool of platform threads that
 * make the downcalls); see the package documentation for memory ownership and threading.
 *
 * <pre>{@code
 * try (FfiCoreClient core = FfiCoreClient.open(FfiConfig.builder().fastPath(true).build())) {
 *   SearchResponse hits = core.search(request).join().response();
 * }
 * }</pre>
 *
 * <p>Every call captures the caller's {@link io.grpc.Context}: it fails fast when that is already
 * over, passes the remaining budget to Rust, and raises the call's native cancel flag when the
 * Context is cancelled, its deadline fires or the returned future is cancelled. A full bulkhead
 * answers UNAVAILABLE (reason OVERLOADED, with RetryInfo) at once; the caller never blocks.
 */
public final class FfiCoreClient implements CoreClient {
  /** Method id of the panic test hook of hotpath_call (engines created with test hooks only). */
  public static final int TEST_PANIC_METHOD = 1000;

  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final NativeLibrary library;
  private final NativeEngine engine;
  private final FfiBulkhead bulkhead;
  private final FfiConfig config;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FfiCoreClient(NativeLibrary library, NativeEngine engine, FfiConfig config) {
    this.library = library;
    this.engine = engine;
    this.config = config;
    this.bulkhead = new FfiBulkhead(config.poolSize(), config.queueCapacity());
  }

  /** A client with the default configuration. */
  public static FfiCoreClient open() {
    return open(FfiConfig.defaults());
  }

  /** Loads the library (NativeLibraryException naming the fix), creates an engine and a pool. */
  public static FfiCoreClient open(FfiConfig config) {
    requireNonNull(config, "config");
    NativeLibrary library =
        config.library() == null ? NativeLibrary.load() : NativeLibrary.load(config.library());
    return new FfiCoreClient(library, NativeEngine.open(library, config.engine()), config);
  }

  @Override
  public Transport transport() {
    return Transport.FFI;
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    requireNonNull(method, "method");
    requireNonNull(request, "request");
    long dispatched = System.nanoTime();
    return submit(
        context -> {
          R response = invoke(context, method, request);
          return new CoreReply<>(
              response, method.timingOf(response), System.nanoTime() - dispatched);
        });
  }

  /**
   * Calls {@code hotpath_call} method {@code methodId} with raw request bytes, bypassing the
   * typed API: for conformance tests (malformed bytes) and the panic hook. Same deadline,
   * cancellation, bulkhead and error model as {@link #call}.
   */
  public CompletableFuture<byte[]> callRaw(int methodId, byte[] request) {
    byte[] bytes = requireNonNull(request, "request").clone();
    return submit(context -> GenericPath.callRaw(context, methodId, bytes));
  }

  /**
   * Makes the core panic on purpose (method {@value #TEST_PANIC_METHOD}); the future fails with
   * INTERNAL when the engine has test hooks ({@link FfiConfigBuilder#testHooks}), UNIMPLEMENTED
   * otherwise. Proves that a Rust panic never crosses the boundary.
   */
  public CompletableFuture<byte[]> triggerTestPanic() {
    return callRaw(TEST_PANIC_METHOD, new byte[0]);
  }

  /** The loaded library. */
  public NativeLibrary library() {
    return library;
  }

  /** The configuration this client was opened with. */
  public FfiConfig config() {
    return config;
  }

  /** Rust-owned buffers not freed yet, process-wide (0 when no call leaks; for leak tests). */
  public long liveBuffers() {
    return library.liveBuffers();
  }

  /** Panics caught at the C boundary, process-wide (for metrics). */
  public long panicsCaught() {
    return library.panicsCaught();
  }

  /** Pool threads running a call now (approximate; for metrics and tests). */
  public int activeCalls() {
    return bulkhead.active();
  }

  /** Calls waiting for a pool thread. */
  public int queuedCalls() {
    return bulkhead.queued();
  }

  /**
   * Refuses new calls (UNAVAILABLE, reason CLIENT_CLOSED), fails the queued ones likewise,
   * cancels the running ones (Rust stops within ~1 ms), waits for the pool threads, then frees
   * the engine. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (FfiCall<?> queued : bulkhead.shutdown()) {
      queued.abandon();
    }
    bulkhead.cancelRunning(StopReason.CLOSED);
    bulkhead.awaitIdle(CLOSE_TIMEOUT);
    // Freed now, or by the last call still in flight if the wait above timed out.
    engine.close();
  }

  @SuppressWarnings("unchecked") // R is the response type of the method compared against.
  private <Q extends Message, R extends Message> R invoke(
      NativeCallContext context, CoreMethod<Q, R> method, Q request) {
    if (config.fastPath()) {
      if (method == CoreMethod.SEARCH && FastPath.fits((SearchRequest) request)) {
        return (R) FastPath.search(context, (SearchRequest) request);
      }
      if (method == CoreMethod.RERANK && FastPath.fits((RerankRequest) request)) {
        return (R) FastPath.rerank(context, (RerankRequest) request);
      }
    }
    return GenericPath.call(context, method.ffiId(), request, method.parser());
  }

  private <T> CompletableFuture<T> submit(NativeTask<T> task) {
    CallScope scope = CallScope.capture();
    try {
      scope.failIfDone();
    } catch (StatusRuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    FfiCall<T> call = new FfiCall<>(bulkhead, engine, scope, task, config.retryAfter());
    call.dispatch();
    return call.future();
  }

  @Override
  public String toString() {
    return "FfiCoreClient[" + library.path() + ", " + config + "]";
  }
}
