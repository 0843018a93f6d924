package dev.hybridgateway.gateway.core.ffi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;

/**
 * A platform the hotpath-native jar may carry a build for, named as in hotpath-native/pom.xml:
 * the library of platform {@code id} travels as the class-path resource
 * {@code native/<id>/<libraryName>}.
 *
 * @param id e.g. {@code linux-x86_64}, {@code linux-aarch64}, {@code macos-aarch64}
 * @param libraryName the file name of the cdylib on that platform
 */
record NativePlatform(String id, String libraryName) {
  /** Every platform hotpath-native/pom.xml knows how to build. */
  static final List<NativePlatform> KNOWN =
      List.of(
          new NativePlatform("linux-x86_64", "libhotpath_ffi.so"),
          new NativePlatform("linux-aarch64", "libhotpath_ffi.so"),
          new NativePlatform("macos-x86_64", "libhotpath_ffi.dylib"),
          new NativePlatform("macos-aarch64", "libhotpath_ffi.dylib"));

  NativePlatform {
    requireNonNull(id, "id");
    requireNonNull(libraryName, "libraryName");
  }

  /** The platform of this JVM (also when no build exists for it). */
  static NativePlatform current() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String cpu =
        switch (arch) {
          case "amd64", "x86_64", "x86-64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          default -> arch;
        };
    if (os.startsWith("linux")) {
      return new NativePlatform("linux-" + cpu, "libhotpath_ffi.so");
    }
    if (os.startsWith("mac")) {
      return new NativePlatform("macos-" + cpu, "libhotpath_ffi.dylib");
    }
    if (os.startsWith("windows")) {
      return new NativePlatform("windows-" + cpu, "hotpath_ffi.dll");
    }
    return new NativePlatform(os.replace(' ', '_') + "-" + cpu, "libhotpath_ffi.so");
  }

  /** The class-path resource holding this platform's library. */
  String resource() {
    return "native/" + id + "/" + libraryName;
  }
}
