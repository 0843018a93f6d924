package dev.hybridgateway.gateway.core;

import static java.util.Objects.requireNonNull;

import io.grpc.Context;
import io.grpc.Deadline;
import java.util.concurrent.TimeUnit;

/**
 * The deadline and cancellation of one core call, captured from {@link Context#current()} when
 * the call is made (the calling thread's Context does not follow the work onto pool threads).
 * Every client uses it the same way:
 *
 * <pre>{@code
 * CallScope scope = CallScope.capture();
 * scope.failIfDone();                       // expired or cancelled before dispatch
 * try (var listener = scope.onCancel(flag::set)) { ... remainingNanos() ... }
 * }</pre>
 */
public final class CallScope {
  /** The budget passed to the core when the caller set no deadline (the core caps it anyway). */
  public static final long NO_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final Context context;
  private final Deadline deadline;

  private CallScope(Context context) {
    this.context = requireNonNull(context, "context");
    this.deadline = context.getDeadline();
  }

  /** The scope of the current Context. */
  public static CallScope capture() {
    return new CallScope(Context.current());
  }

  /** The Context the call was made in (for clients that propagate it, e.g. gRPC). */
  public Context context() {
    return context;
  }

  /** The caller's deadline, or null when it set none. */
  public Deadline deadline() {
    return deadline;
  }

  /** Nanoseconds left before the deadline (≤ 0 once passed), or {@link #NO_DEADLINE_NANOS}. */
  public long remainingNanos() {
    return deadline == null ? NO_DEADLINE_NANOS : deadline.timeRemaining(TimeUnit.NANOSECONDS);
  }

  /** Whether the caller cancelled (or its Context's deadline fired). */
  public boolean isCancelled() {
    return context.isCancelled();
  }

  /**
   * Throws the status the core would answer if the call is already over: CANCELLED when the
   * caller cancelled, DEADLINE_EXCEEDED (stage core) when no time is left.
   */
  public void failIfDone() {
    if (deadline != null && deadline.isExpired()) {
      throw CoreErrors.toException(
          CoreErrors.deadlineExceeded("core", "deadline exceeded before the core started"));
    }
    if (context.isCancelled()) {
      throw CoreErrors.toException(cancelled());
    }
  }

  /**
   * Runs {@code action} once when the caller's Context is cancelled or its deadline fires (at
   * once if that already happened). Close the returned registration when the call completes.
   */
  public Registration onCancel(Runnable action) {
    requireNonNull(action, "action");
    Context.CancellationListener listener = ignored -> action.run();
    context.addListener(listener, Runnable::run);
    return () -> context.removeListener(listener);
  }

  /** The CANCELLED status of a call its caller abandoned. */
  public static com.google.rpc.Status cancelled() {
    return com.google.rpc.Status.newBuilder()
        .setCode(com.google.rpc.Code.CANCELLED_VALUE)
        .setMessage("the caller cancelled the call")
        .build();
  }

  /** A listener registration; closing it never throws. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
