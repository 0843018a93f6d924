package dev.hybridgateway.gateway.core.ffi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding, extracting and checking the native library, and the one message naming the fix. */
class NativeLibraryTest {
  private static final ClassLoader LOADER = NativeLibraryTest.class.getClassLoader();

  @TempDir Path temp;

  @Test
  void load_bundledLibrary_abiVersionMatches() {
    NativeLibrary library = NativeLibrary.load();

    assertThat(library.abiVersion()).isEqualTo(NativeLibrary.ABI_VERSION);
    assertThat(library.bindings().noop()).isZero();
  }

  @Test
  void load_missingFile_messageNamesTheFix() {
    Path nowhere = temp.resolve("nowhere/libhotpath_ffi.so");

    assertThatThrownBy(() -> NativeLibrary.load(nowhere))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessageContaining("not found")
        .hasMessageContaining(nowhere.toString())
        .hasMessageContaining("./mvnw")
        .hasMessageContaining("-Dhotpath.library=");
  }

  @Test
  void locate_propertyPointingNowhere_messageNamesThePropertyAndTheFix() {
    String nowhere = temp.resolve("missing.so").toString();

    assertThatThrownBy(() -> NativeLibrary.locate(nowhere))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessageContaining("hotpath native library not found: " + nowhere)
        .hasMessageContaining("(from -Dhotpath.library)")
        .hasMessageContaining("Fix: build it with `./mvnw");
  }

  @Test
  void locate_propertyUnset_takesTheBundledLibrary() {
    assertThat(NativeLibrary.locate("").abiVersion()).isEqualTo(NativeLibrary.ABI_VERSION);
  }

  @Test
  void load_fileThatIsNoSharedLibrary_messageNamesPlatformAndFix() throws IOException {
    Path text = Files.writeString(temp.resolve("libhotpath_ffi.so"), "not an ELF file");

    assertThatThrownBy(() -> NativeLibrary.load(text))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessageContaining("cannot load")
        .hasMessageContaining(NativePlatform.current().id())
        .hasMessageContaining("./mvnw");
  }

  @Test
  void load_sharedLibraryWithoutHotpathAbi_messageSaysSo() {
    NativePlatform platform = NativePlatform.current();
    String name = platform.libraryName().endsWith(".dylib") ? "libjava.dylib" : "libjava.so";
    Path other = Path.of(System.getProperty("java.home"), "lib", name);

    assertThatThrownBy(() -> NativeLibrary.load(other))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessageContaining("not a hotpath native library")
        .hasMessageContaining("-Dhotpath.library=");
  }

  @Test
  void open_libraryOfAnotherAbiVersion_messageNamesBothVersions() {
    Path bundled = NativeLibrary.load().path();

    assertThatThrownBy(() -> NativeLibrary.open(bundled, "a test", NativeLibrary.ABI_VERSION + 1))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessageContaining("implements C ABI version " + NativeLibrary.ABI_VERSION)
        .hasMessageContaining("needs version " + (NativeLibrary.ABI_VERSION + 1))
        .hasMessageContaining("./mvnw");
  }

  @Test
  void extract_platformWithoutBuild_messageNamesPlatformsAndFix() {
    NativePlatform plan9 = new NativePlatform("plan9-mips", "libhotpath_ffi.so");

    assertThatThrownBy(() -> LibraryExtractor.extract(LOADER, plan9, temp))
        .isInstanceOf(NativeLibraryException.class)
        .hasMessageContaining("plan9-mips")
        .hasMessageContaining(NativePlatform.current().id())
        .hasMessageContaining("-Dhotpath.library=");
  }

  @Test
  void extract_twice_reusesTheVersionedFile() throws IOException {
    Path first = LibraryExtractor.extract(LOADER, NativePlatform.current(), temp);
    Object fileKey = Files.readAttributes(first, "unix:ino").get("ino");

    Path second = LibraryExtractor.extract(LOADER, NativePlatform.current(), temp);

    assertThat(second).isEqualTo(first);
    assertThat(Files.readAttributes(second, "unix:ino").get("ino")).isEqualTo(fileKey);
    assertThat(first.getParent().getFileName().toString()).matches("[A-Za-z0-9._-]+-[0-9a-f]{16}");
  }

  @Test
  void extract_corruptedFile_isReplaced() throws IOException {
    Path extracted = LibraryExtractor.extract(LOADER, NativePlatform.current(), temp);
    byte[] good = Files.readAllBytes(extracted);
    Files.writeString(extracted, "truncated");

    Path again = LibraryExtractor.extract(LOADER, NativePlatform.current(), temp);

    assertThat(again).isEqualTo(extracted);
    assertThat(Files.readAllBytes(again)).isEqualTo(good);
  }

  @Test
  void extract_concurrently_everyThreadGetsTheSameCompleteFile() throws Exception {
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    Callable<Path> extract = () -> {
      start.await();
      return LibraryExtractor.extract(LOADER, NativePlatform.current(), temp);
    };
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Path>> results =
          pool.invokeAll(IntStream.range(0, threads).mapToObj(i -> extract).toList());

      List<Path> paths = results.stream().map(NativeLibraryTest::get).distinct().toList();
      assertThat(paths).hasSize(1);
      try (var files = Files.list(paths.get(0).getParent())) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("no half-written file is left behind")
            .containsExactly(NativePlatform.current().libraryName());
      }
      assertThat(NativeLibrary.load(paths.get(0)).abiVersion())
          .isEqualTo(NativeLibrary.ABI_VERSION);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Path get(Future<Path> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
