package dev.hybridgateway.bench.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Something the load generator sends requests to: the Rust core over gRPC, the gateway over gRPC
 * or REST, or an in-process {@code CoreClient}. One small class per transport implements it.
 *
 * <p>Contract: {@link #send} starts request number {@code index} (the target picks the payload,
 * usually {@code workload.request(index)}) with the given deadline and returns at once; it must
 * not wait for the answer, or the generator falls behind its schedule (which it measures and
 * reports as send lag, never hides). The future completes with a {@link Reply} for every answer,
 * including errors the target can name ({@link ErrorCodes#http}); an exceptional completion is
 * classified by {@link ErrorCodes#of(Throwable)} (gRPC status codes are read from
 * {@code StatusRuntimeException}).
 *
 * <pre>{@code
 * LoadTarget target = new GrpcCoreTarget("grpc-core", List.of(channel), workload);
 * RunResult result = new OpenLoopRunner(target, config, monitor).run("search-small", "500/s");
 * }</pre>
 */
public interface LoadTarget extends AutoCloseable {

  /** The label of this target in reports, e.g. {@code grpc-core} or {@code gateway-rest}. */
  String name();

  /** Starts request {@code index} with {@code deadline}; never blocks on the answer. */
  CompletableFuture<Reply> send(long index, Duration deadline);

  /** Releases what the target itself created; resources passed in stay open. */
  @Override
  default void close() {}
}
