package dev.hybridgateway.bench.jmh;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.hybridgateway.gateway.core.ffi.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P2's floor: one {@code hotpath_noop()} downcall, bound as the gateway binds it (a critical
 * downcall: no thread-state transition). The library is the one {@link NativeLibrary#load()}
 * finds and checks; the handle is looked up here because the gateway's binding class is
 * package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NoopBenchmark {
  private MethodHandle noop;

  @Setup
  public void bind() {
    Linker linker = Linker.nativeLinker();
    SymbolLookup library = SymbolLookup.libraryLookup(NativeLibrary.load().path(), Arena.global());
    noop =
        linker.downcallHandle(
            library.find("hotpath_noop").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT),
            Linker.Option.critical(false));
  }

  @Benchmark
  public int noop() throws Throwable {
    return (int) noop.invokeExact();
  }
}
