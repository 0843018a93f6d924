package dev.hybridgateway.gateway.core.ffi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The loaded {@code libhotpath_ffi}: found, checked and bound once per JVM.
 *
 * <p>{@link #load()} takes the file named by {@code -Dhotpath.library=PATH} when that property is
 * set, otherwise the build inside the hotpath-native jar, extracted once to a versioned directory
 * (see {@link LibraryExtractor}). Loading checks {@code hotpath_abi_version()} against the
 * version this code was written for before binding anything else. Every failure is one {@link
 * NativeLibraryException} whose message names the file, the problem and the fix.
 *
 * <pre>{@code
 * NativeLibrary library = NativeLibrary.load();   // or load(Path.of("/opt/libhotpath_ffi.so"))
 * long leaked = library.liveBuffers();                    // process-wide counters of the ABI
 * }</pre>
 *
 * <p>A library stays loaded until the JVM exits (its symbols live in the global arena).
 */
public final class NativeLibrary {
  /** System property naming the library file to load instead of the bundled one. */
  public static final String LIBRARY_PROPERTY = "hotpath.library";

  /** The C ABI version ({@code HOTPATH_ABI_VERSION}) this binding implements. */
  public static final int ABI_VERSION = 1;

  private static final ConcurrentMap<Path, NativeLibrary> LOADED = new ConcurrentHashMap<>();
  private static final Object DEFAULT_LOCK = new Object();
  private static volatile NativeLibrary defaultLibrary;

  private final Path path;
  private final HotpathBindings bindings;

  private NativeLibrary(Path path, HotpathBindings bindings) {
    this.path = path;
    this.bindings = bindings;
  }

  /** The library of {@code -Dhotpath.library}, or the one bundled in the hotpath-native jar. */
  public static NativeLibrary load() {
    NativeLibrary library = defaultLibrary;
    if (library != null) {
      return library;
    }
    synchronized (DEFAULT_LOCK) {
      if (defaultLibrary == null) {
        defaultLibrary = locate(System.getProperty(LIBRARY_PROPERTY, ""));
      }
      return defaultLibrary;
    }
  }

  /** The library {@link #load()} takes for the value {@code configured} of the property. */
  static NativeLibrary locate(String configured) {
    return configured.isBlank()
        ? open(bundled(), "the hotpath-native jar", ABI_VERSION)
        : open(Path.of(configured), "-D" + LIBRARY_PROPERTY, ABI_VERSION);
  }

  /** The library at {@code library} (an explicit path; ignores {@code -Dhotpath.library}). */
  public static NativeLibrary load(Path library) {
    return open(requireNonNull(library, "library"), "the configured path", ABI_VERSION);
  }

  /** Loads {@code library}, expecting C ABI {@code expectedAbi} (tests pass another version). */
  static NativeLibrary open(Path library, String origin, int expectedAbi) {
    NativePlatform platform = NativePlatform.current();
    Path file = library.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new NativeLibraryException(
          "hotpath native library not found: " + file + " (from " + origin + ") is not a file. "
              + fix(platform));
    }
    file = realPath(file);
    NativeLibrary cached = LOADED.get(file);
    SymbolLookup lookup = cached == null ? lookup(file, origin, platform) : null;
    int version = cached == null ? abiVersion(lookup, file, origin, platform) : cached.abiVersion();
    if (version != expectedAbi) {
      throw new NativeLibraryException(
          "hotpath native library " + file + " (from " + origin + ") implements C ABI version "
              + version + ", but this gateway needs version " + expectedAbi
              + ": the library and the gateway come from different builds. " + fix(platform));
    }
    if (cached != null) {
      return cached;
    }
    try {
      HotpathBindings bindings = new HotpathBindings(lookup);
      return LOADED.computeIfAbsent(file, p -> new NativeLibrary(p, bindings));
    } catch (IllegalArgumentException e) {
      throw new NativeLibraryException(
          "hotpath native library " + file + " (from " + origin + ") is incomplete: "
              + e.getMessage() + ". " + fix(platform), e);
    }
  }

  /** The one sentence every loading error ends with. */
  static String fix(NativePlatform platform) {
    return "Fix: build it with `./mvnw -q -DskipTests -pl proto,hotpath-native install` from the "
        + "repository root (needs cargo), or set -D" + LIBRARY_PROPERTY + "=/path/to/"
        + platform.libraryName() + " (e.g. hotpath-native/target/release/"
        + platform.libraryName() + " after `cargo build -p hotpath-ffi --release`).";
  }

  private static Path bundled() {
    ClassLoader loader = NativeLibrary.class.getClassLoader();
    return LibraryExtractor.extract(
        loader, NativePlatform.current(), LibraryExtractor.defaultRoot());
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file;
    }
  }

  @SuppressWarnings("restricted") // libraryLookup: native access is enabled for the gateway
  private static SymbolLookup lookup(Path file, String origin, NativePlatform platform) {
    try {
      // dlopen; the global arena keeps the library loaded for the life of the JVM.
      return SymbolLookup.libraryLookup(file, Arena.global());
    } catch (IllegalArgumentException e) {
      throw new NativeLibraryException(
          "cannot load hotpath native library " + file + " (from " + origin + "): "
              + e.getMessage() + ". It must be a shared library built for " + platform.id()
              + " (a directory mounted noexec also prevents loading: set -Djava.io.tmpdir). "
              + fix(platform), e);
    }
  }

  private static int abiVersion(
      SymbolLookup lookup, Path file, String origin, NativePlatform platform) {
    try {
      return HotpathBindings.abiVersion(lookup);
    } catch (IllegalArgumentException e) {
      throw new NativeLibraryException(
          file + " (from " + origin + ") is not a hotpath native library: it does not export "
              + "hotpath_abi_version. " + fix(platform), e);
    } catch (Throwable t) {
      throw new NativeLibraryException("hotpath_abi_version failed in " + file, t);
    }
  }

  /** The file that was loaded. */
  public Path path() {
    return path;
  }

  /** {@code hotpath_abi_version()} of the loaded library. */
  public int abiVersion() {
    return bindings.abiVersion();
  }

  /** Rust-owned buffers handed out and not freed yet, process-wide (0 when nothing leaks). */
  public long liveBuffers() {
    return bindings.liveBuffers();
  }

  /** Panics caught at the C boundary since the library was loaded, process-wide. */
  public long panicsCaught() {
    return bindings.panicsCaught();
  }

  HotpathBindings bindings() {
    return bindings;
  }

  @Override
  public String toString() {
    return "NativeLibrary[" + path + "]";
  }
}
