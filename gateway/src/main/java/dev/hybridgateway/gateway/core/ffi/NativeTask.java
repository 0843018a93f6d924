package dev.hybridgateway.gateway.core.ffi;

/**
 * The work of one call on a pool thread: downcalls with the given context, and the conversion
 * of their outcome into a value or a {@link io.grpc.StatusRuntimeException}.
 *
 * @param <T> the value the call's future completes with
 */
@FunctionalInterface
interface NativeTask<T> {
  T run(NativeCallContext context);
}
