/**
 * JMH benchmarks of the boundary, figures P1–P3 of the project's performance targets.
 *
 * <ul>
 *   <li>{@link dev.hybridgateway.bench.jmh.ScanBenchmark} and {@link
 *       dev.hybridgateway.bench.jmh.CopyBandwidthBenchmark} (P1): GB/s of vectors scanned by one
 *       thread — Rust through the FFI fast path, the Java engine (scalar, Vector API) — beside
 *       a memory-copy loop, reported through a {@code bytes} {@link
 *       org.openjdk.jmh.annotations.AuxCounters AuxCounter} (bytes per second).
 *   <li>{@link dev.hybridgateway.bench.jmh.NoopBenchmark} and {@link
 *       dev.hybridgateway.bench.jmh.BoundaryBenchmark} (P2): the critical no-op downcall; a Rerank
 *       through the generic protobuf path, the zero-copy fast path and the in-JVM engine vs
 *       payload size.
 *   <li>{@link dev.hybridgateway.bench.jmh.GrpcLoopbackBenchmark} (P3): the same Rerank over
 *       gRPC on loopback to the Rust server, beside a bare grpc-java server.
 * </ul>
 *
 * Run: {@code java -cp 'bench/target/bench.jar:bench/target/lib/*' org.openjdk.jmh.Main -rf json
 * -rff jmh.json}, then {@code java -jar bench/target/bench.jar jmh-summary --in jmh.json}.
 */
package dev.hybridgateway.bench.jmh;
