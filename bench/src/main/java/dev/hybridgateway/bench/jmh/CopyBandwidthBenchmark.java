package dev.hybridgateway.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * P1's yardstick: the machine's memory bandwidth for one thread, measured as a copy between two
 * native buffers far larger than cache (256 MB each by default). {@code bytes} counts read plus
 * written bytes (the STREAM "Copy" convention: 2 × the buffer per op), so it is the traffic a
 * read-only scan could at best reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class CopyBandwidthBenchmark {
  @Param("268435456")
  public long bufferBytes;

  private Arena arena;
  private MemorySegment source;
  private MemorySegment target;

  @Setup(Level.Trial)
  public void allocate() {
    arena = Arena.ofShared();
    source = arena.allocate(bufferBytes, 64);
    target = arena.allocate(bufferBytes, 64);
    source.fill((byte) 1);
    target.fill((byte) 2);
  }

  @TearDown(Level.Trial)
  public void free() {
    arena.close();
  }

  @Benchmark
  public MemorySegment copy(ByteCounter counter) {
    MemorySegment.copy(source, 0, target, 0, bufferBytes);
    counter.bytes += 2 * bufferBytes;
    return target;
  }
}
