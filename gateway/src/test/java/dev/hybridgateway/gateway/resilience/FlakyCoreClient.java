package dev.hybridgateway.gateway.resilience;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.Status;
import dev.hybridgateway.gateway.core.CoreClient;
import dev.hybridgateway.gateway.core.CoreErrors;
import dev.hybridgateway.gateway.core.CoreMethod;
import dev.hybridgateway.gateway.core.CoreReply;
import dev.hybridgateway.gateway.core.Transport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real core client (a decorator of a real one) that fails on demand: "a backend that fails"
 * for tests, without mocks. It counts the calls that reached it.
 */
public final class FlakyCoreClient implements CoreClient {
  private final CoreClient delegate;
  private final AtomicReference<Status> failure = new AtomicReference<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();

  private FlakyCoreClient(CoreClient delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  public static FlakyCoreClient of(CoreClient delegate) {
    return new FlakyCoreClient(delegate);
  }

  /** A status of {@code code} with an ErrorInfo from the "core". */
  public static Status status(Code code) {
    return CoreErrors.status(
        code,
        "injected " + code,
        com.google.rpc.ErrorInfo.newBuilder()
            .setDomain(CoreErrors.CORE_DOMAIN)
            .setReason("INJECTED")
            .build());
  }

  /** Every call fails with {@code status} until {@link #heal()}. */
  public void failWith(Status status) {
    failNext(Integer.MAX_VALUE, status);
  }

  /** The next {@code count} calls fail with {@code status}, later ones pass. */
  public void failNext(int count, Status status) {
    failure.set(requireNonNull(status, "status"));
    failuresLeft.set(count);
  }

  public void heal() {
    failuresLeft.set(0);
  }

  /** Calls that reached this client, failed or not. */
  public int calls() {
    return calls.get();
  }

  @Override
  public Transport transport() {
    return delegate.transport();
  }

  @Override
  public <Q extends Message, R extends Message> CompletableFuture<CoreReply<R>> call(
      CoreMethod<Q, R> method, Q request) {
    calls.incrementAndGet();
    if (failuresLeft.getAndUpdate(n -> n > 0 && n != Integer.MAX_VALUE ? n - 1 : n) > 0) {
      return CompletableFuture.failedFuture(CoreErrors.toException(failure.get()));
    }
    return delegate.call(method, request);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
