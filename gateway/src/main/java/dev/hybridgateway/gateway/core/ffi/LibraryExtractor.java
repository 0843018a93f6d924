package dev.hybridgateway.gateway.core.ffi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Copies the cdylib out of the hotpath-native jar into a directory the dynamic loader can open:
 * {@code <root>/<version>-<content hash>/<library file>}, by default under
 * {@code ${java.io.tmpdir}/hybrid-gateway-native}.
 *
 * <p>The directory name carries the SHA-256 of the library, so builds never share a file and an
 * existing file is reused only when its bytes hash to its directory name. The bytes are written
 * to a temporary file in the same directory and renamed into place atomically: concurrent JVMs
 * may extract at the same time, and none ever opens a half-written library.
 */
final class LibraryExtractor {
  /** The pom.properties Maven writes into the hotpath-native jar (absent in IDE class folders). */
  private static final String POM_PROPERTIES =
      "META-INF/maven/dev.hybridgateway/hotpath-native/pom.properties";

  private LibraryExtractor() {}

  /** The default extraction root. */
  static Path defaultRoot() {
    return Path.of(System.getProperty("java.io.tmpdir"), "hybrid-gateway-native");
  }

  /**
   * Extracts the library of {@code platform} found through {@code loader} under {@code root}
   * (or reuses an identical earlier extraction) and returns its path.
   */
  static Path extract(ClassLoader loader, NativePlatform platform, Path root) {
    requireNonNull(loader, "loader");
    requireNonNull(platform, "platform");
    requireNonNull(root, "root");
    byte[] library = read(loader, platform);
    String hash = sha256(library);
    Path dir = root.resolve(version(loader) + "-" + hash.substring(0, 16));
    Path target = dir.resolve(platform.libraryName());
    try {
      if (holds(target, hash)) {
        return target;
      }
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, platform.libraryName(), ".part");
      try {
        Files.write(part, library);
        // rename(2): atomic, and replaces a file another JVM renamed there meanwhile (same bytes).
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(part);
      }
      return target;
    } catch (IOException e) {
      throw new NativeLibraryException(
          "cannot extract the hotpath native library to "
              + target
              + ": "
              + e
              + ". Fix: make java.io.tmpdir writable (or set -Djava.io.tmpdir), or set -D"
              + NativeLibrary.LIBRARY_PROPERTY
              + "=/path/to/"
              + platform.libraryName(),
          e);
    }
  }

  private static byte[] read(ClassLoader loader, NativePlatform platform) {
    try (InputStream in = loader.getResourceAsStream(platform.resource())) {
      if (in == null) {
        throw new NativeLibraryException(missingMessage(loader, platform));
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + platform.resource(), e);
    }
  }

  private static String missingMessage(ClassLoader loader, NativePlatform platform) {
    String available =
        NativePlatform.KNOWN.stream()
            .filter(p -> loader.getResource(p.resource()) != null)
            .map(NativePlatform::id)
            .collect(Collectors.joining(", "));
    return "no hotpath native library for this platform ("
        + platform.id()
        + ") on the class path: resource "
        + platform.resource()
        + " not found"
        + (available.isEmpty()
            ? " (is the hotpath-native jar on the class path?)"
            : " (the hotpath-native jar holds builds for: " + available + ")")
        + ". "
        + NativeLibrary.fix(platform);
  }

  /** Whether {@code file} exists with exactly the bytes of SHA-256 {@code hash}. */
  private static boolean holds(Path file, String hash) throws IOException {
    return Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(hash);
  }

  private static String version(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return "dev";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "dev").replaceAll("[^A-Za-z0-9._-]", "_");
    } catch (IOException e) {
      return "dev";
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
