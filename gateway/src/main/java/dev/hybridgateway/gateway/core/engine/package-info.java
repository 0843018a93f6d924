/**
 * The pure-Java reference engine and its {@link dev.hybridgateway.gateway.core.CoreClient} ({@link
 * dev.hybridgateway.gateway.core.engine.JavaCoreClient}, transport {@code java}): exact top-k
 * vector search with exactly the semantics of the Rust core (hotpath-native/crates/ hotpath-core),
 * so it can serve as the oracle of the interop tests, the baseline of the benchmarks and a fallback
 * backend.
 *
 * <p>It is a transcription, one class per Rust file, and the Rust source is its specification:
 *
 * <table>
 *   <caption>hotpath-core file → Java class</caption>
 *   <tr><td>kernels/scalar.rs, kernels/avx2.rs, kernels/mod.rs</td>
 *       <td>ScalarKernel, VectorKernel (Vector API), Kernel, JavaKernel</td></tr>
 *   <tr><td>prng.rs, synthetic.rs</td><td>SplitMix64, SyntheticGenerator</td></tr>
 *   <tr><td>topk.rs, scan.rs</td><td>TopK, Scan, Rows</td></tr>
 *   <tr><td>collection.rs</td><td>ResidentCollection, CollectionData, RowStore</td></tr>
 *   <tr><td>create.rs, fvecs.rs, upsert.rs</td>
 *       <td>CreateCollection, ScopedChunks, FvecsFile, Upsert</td></tr>
 *   <tr><td>search.rs, rerank.rs</td><td>Search, Rerank</td></tr>
 *   <tr><td>validate.rs</td><td>Violations</td></tr>
 *   <tr><td>error.rs, status.rs</td><td>CoreError, CoreException, ErrorStatus, RustText</td></tr>
 *   <tr><td>budget.rs, counters.rs, stop.rs</td>
 *       <td>MemoryBudget, WorkCounters, StopSignal</td></tr>
 *   <tr><td>engine.rs, method.rs / call.rs</td><td>JavaEngine, EngineConfig, Dispatch</td></tr>
 *   <tr><td>pool.rs (+ hotpath-server's service.rs)</td><td>ComputePool, PendingCall</td></tr>
 * </table>
 *
 * <p>What "the same" means: the same score bits (canonical arithmetic, never fused multiply-add,
 * with either kernel), the same synthetic vectors, the same top-k order (ties by smaller id, NaN
 * last as {@code 0x7FC00000}), the same validation order, the same {@code google.rpc.Status} —
 * code, message text and details — for every error, the same memory accounting (a collection's
 * {@code memory_bytes} is what the Rust core charges, including its Vec growth and hashbrown index
 * formulas), the same stop checks (every {@code 262144 / dim} scored vectors) and the same work
 * counters. Where Java cannot match Rust exactly, the class that deals with it says so ({@code
 * RustText} for message quoting of unusual characters, {@code FvecsFile} for I/O error texts).
 */
package dev.hybridgateway.gateway.core.engine;
