package dev.hybridgateway.gateway.core.ffi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * The hand-written binding of hotpath.h (Lucene style): one downcall handle per C function,
 * looked up once when the library is loaded, and one Java method per handle with the C
 * signature ({@code uint32_t}/{@code int32_t} as {@code int}, {@code size_t}/{@code uint64_t} as
 * {@code long}, pointers as {@link MemorySegment}). Ownership rules are those of hotpath.h; the
 * callers ({@link GenericPath}, {@link FastPath}, {@link NativeEngine}) follow them.
 *
 * <p>Linker options: {@link Linker.Option#critical critical} downcalls skip the thread-state
 * transition (a few ns), but the JVM cannot reach a safepoint while one runs, so a long or
 * blocking critical call would stall every GC. Only functions that are constant-time and never
 * block get it: {@code hotpath_abi_version}, {@code hotpath_noop}, {@code hotpath_live_buffers}
 * and {@code hotpath_panics_caught} (one atomic load), and {@code hotpath_buffer_free} (one
 * {@code free()} of one allocation and an atomic decrement: bounded, no I/O, no lock of the
 * library). Everything that decodes, allocates or scans (engine_new/free, call, the fast paths)
 * is a normal downcall.
 */
final class HotpathBindings {
  private final MethodHandle abiVersion;
  private final MethodHandle engineNew;
  private final MethodHandle engineFree;
  private final MethodHandle call;
  private final MethodHandle searchF32;
  private final MethodHandle rerankF32;
  private final MethodHandle bufferFree;
  private final MethodHandle liveBuffers;
  private final MethodHandle panicsCaught;
  private final MethodHandle noop;

  /** Binds every function; throws IllegalArgumentException naming a missing symbol. */
  HotpathBindings(SymbolLookup library) {
    Linker linker = Linker.nativeLinker();
    if (linker.canonicalLayouts().get("size_t").byteSize() != JAVA_LONG.byteSize()) {
      throw new IllegalArgumentException("hotpath-ffi supports 64-bit platforms only");
    }
    Linker.Option quick = Linker.Option.critical(false);
    abiVersion =
        bind(linker, library, "hotpath_abi_version", FunctionDescriptor.of(JAVA_INT), quick);
    engineNew =
        bind(linker, library, "hotpath_engine_new",
            FunctionDescriptor.of(ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT));
    engineFree = bind(linker, library, "hotpath_engine_free", FunctionDescriptor.ofVoid(ADDRESS));
    call =
        bind(linker, library, "hotpath_call",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    searchF32 =
        bind(linker, library, "hotpath_search_f32",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG,
                JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    rerankF32 =
        bind(linker, library, "hotpath_rerank_f32",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS,
                JAVA_LONG, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS));
    bufferFree =
        bind(linker, library, "hotpath_buffer_free", FunctionDescriptor.ofVoid(ADDRESS), quick);
    liveBuffers =
        bind(linker, library, "hotpath_live_buffers", FunctionDescriptor.of(JAVA_LONG), quick);
    panicsCaught =
        bind(linker, library, "hotpath_panics_caught", FunctionDescriptor.of(JAVA_LONG), quick);
    noop = bind(linker, library, "hotpath_noop", FunctionDescriptor.of(JAVA_INT), quick);
  }

  /** {@code hotpath_abi_version} alone, before binding the rest (see {@link NativeLibrary}). */
  static int abiVersion(SymbolLookup library) throws Throwable {
    FunctionDescriptor descriptor = FunctionDescriptor.of(JAVA_INT);
    MethodHandle handle = bind(Linker.nativeLinker(), library, "hotpath_abi_version", descriptor);
    return (int) handle.invokeExact();
  }

  @SuppressWarnings("restricted") // downcallHandle: native access is enabled for the gateway
  private static MethodHandle bind(
      Linker linker, SymbolLookup library, String name, FunctionDescriptor descriptor,
      Linker.Option... options) {
    MemorySegment symbol = library.find(name)
        .orElseThrow(() -> new IllegalArgumentException("missing symbol " + name));
    return linker.downcallHandle(symbol, descriptor, options);
  }

  int abiVersion() {
    try {
      return (int) abiVersion.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  MemorySegment engineNew(long memoryBudget, MemorySegment dataDir, long dataDirLen, int flags) {
    try {
      return (MemorySegment) engineNew.invokeExact(memoryBudget, dataDir, dataDirLen, flags);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  void engineFree(MemorySegment engine) {
    try {
      engineFree.invokeExact(engine);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int call(MemorySegment engine, int method, MemorySegment request, long requestLen,
      long budgetNs, MemorySegment cancelFlag, MemorySegment traceparent, long traceparentLen,
      MemorySegment out) {
    try {
      return (int) call.invokeExact(engine, method, request, requestLen, budgetNs, cancelFlag,
          traceparent, traceparentLen, out);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int searchF32(MemorySegment engine, MemorySegment collection, long collectionLen,
      MemorySegment queries, long nQueries, long dim, int k, long budgetNs,
      MemorySegment cancelFlag, MemorySegment outIds, MemorySegment outScores,
      MemorySegment outTiming, MemorySegment outStatus) {
    try {
      return (int) searchF32.invokeExact(engine, collection, collectionLen, queries, nQueries, dim,
          k, budgetNs, cancelFlag, outIds, outScores, outTiming, outStatus);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int rerankF32(MemorySegment engine, int metric, MemorySegment queries, long nQueries,
      MemorySegment candidates, long nCandidates, MemorySegment candidateIds, long dim, int k,
      long budgetNs, MemorySegment cancelFlag, MemorySegment outIds, MemorySegment outScores,
      MemorySegment outTiming, MemorySegment outStatus) {
    try {
      return (int) rerankF32.invokeExact(engine, metric, queries, nQueries, candidates,
          nCandidates, candidateIds, dim, k, budgetNs, cancelFlag, outIds, outScores, outTiming,
          outStatus);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  void bufferFree(MemorySegment buffer) {
    try {
      bufferFree.invokeExact(buffer);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  long liveBuffers() {
    try {
      return (long) liveBuffers.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  long panicsCaught() {
    try {
      return (long) panicsCaught.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  int noop() {
    try {
      return (int) noop.invokeExact();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** Downcalls throw only unchecked exceptions (closed or foreign-thread segments). */
  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException e) {
      return e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
