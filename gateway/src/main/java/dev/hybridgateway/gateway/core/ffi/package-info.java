/**
 * The Rust core in-process: a {@link dev.hybridgateway.gateway.core.CoreClient} over the C ABI
 * of {@code hotpath-ffi} ({@code hotpath-native/crates/hotpath-ffi/include/hotpath.h}), through
 * Panama FFM.
 *
 * <h2>The binding</h2>
 *
 * A small hand-written binding in the style of Lucene: {@link
 * dev.hybridgateway.gateway.core.ffi.HotpathBindings} holds one downcall handle per C function,
 * looked up once; {@link dev.hybridgateway.gateway.core.ffi.HotpathLayouts} describes the two
 * structs. {@link dev.hybridgateway.gateway.core.ffi.NativeLibrary} finds the library ({@code
 * -Dhotpath.library=PATH}, else the build inside the hotpath-native jar, extracted once to
 * {@code ${java.io.tmpdir}/hybrid-gateway-native/<version>-<sha256>/}), checks {@code
 * hotpath_abi_version()} and binds it; every failure is one {@link
 * dev.hybridgateway.gateway.core.ffi.NativeLibraryException} naming the fix. {@link
 * dev.hybridgateway.gateway.core.ffi.NativeEngine} owns an engine pointer.
 *
 * <h2>Memory ownership</h2>
 *
 * <ul>
 *   <li><b>Arguments</b> (request bytes, float rows, output arrays, the {@code HotpathBuffer} and
 *       {@code HotpathTiming} structs) live in the calling pool thread's {@code Scratch}: a
 *       confined arena reused from call to call. Rust borrows them for one downcall only.
 *   <li><b>Rust-owned buffers</b> (a response, or an encoded {@code google.rpc.Status}) are read
 *       in place and given back with {@code hotpath_buffer_free} in a {@code finally} block,
 *       exactly once, on every path. The struct is zeroed before the call, so the free is a no-op
 *       when Rust never filled it. {@link
 *       dev.hybridgateway.gateway.core.ffi.NativeLibrary#liveBuffers()} proves it in tests.
 *   <li><b>The cancel flag</b> (4 bytes) belongs to a pool thread (shared arena, freed when the
 *       thread ends). It is bound to one call while that call's downcalls run; other threads
 *       raise it only under the call's lock and only while bound, with a release store that
 *       pairs with Rust's Acquire load.
 *   <li><b>The engine</b> is freed exactly once, after {@code close()} and the last call using
 *       it; a closed engine refuses new calls.
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * FFM downcalls pin virtual threads, so no caller thread ever makes one: calls are queued to the
 * FFI bulkhead, a fixed pool of platform threads (default: one per core) with a bounded queue
 * (default: 64 per thread). When both are full the call fails at once with UNAVAILABLE (reason
 * {@code OVERLOADED}, with RetryInfo); callers never block. Futures complete on pool threads.
 *
 * <h2>Deadlines and cancellation</h2>
 *
 * A call captures {@link io.grpc.Context#current()}: it fails fast when the Context is already
 * cancelled or past its deadline, passes the remaining budget (ns, measured at the downcall) to
 * Rust, and raises the cancel flag when the Context is cancelled, its deadline fires, the
 * returned future is cancelled or the client closes. Rust stops within ~1 ms and the caller sees
 * CANCELLED, or DEADLINE_EXCEEDED with {@code ErrorInfo.metadata["stage"] = "core"}, exactly as
 * from a gRPC core.
 *
 * <h2>Two paths</h2>
 *
 * The generic path sends the protobuf bytes of any method through {@code hotpath_call}. With
 * {@link dev.hybridgateway.gateway.core.ffi.FfiConfig#fastPath()}, Search and Rerank requests
 * that form a row-major matrix go through {@code hotpath_search_f32} / {@code
 * hotpath_rerank_f32}: floats written once into native memory, results into Java-allocated
 * arrays, the same response messages (bit-identical scores).
 */
package dev.hybridgateway.gateway.core.ffi;
