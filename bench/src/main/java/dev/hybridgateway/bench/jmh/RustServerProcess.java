package dev.hybridgateway.bench.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Rust core as a child process on {@code 127.0.0.1:0}: started from the release binary
 * ({@code -Dhotpath.server=PATH}, else {@code hotpath-native/target/release/hotpath-server}
 * under the working directory), ready once it prints {@code hotpath-server listening on
 * 127.0.0.1:PORT} on stdout — no sleeps. The server writes nothing else there (its logs go to
 * stderr, discarded), so nothing needs draining. {@link #close()} stops it.
 */
public final class RustServerProcess implements AutoCloseable {
  /** The system property that overrides the binary's path. */
  public static final String BINARY_PROPERTY = "hotpath.server";

  private static final Pattern LISTENING =
      Pattern.compile("hotpath-server listening on (127\\.0\\.0\\.1:\\d+)");

  private final Process process;
  private final String address;

  private RustServerProcess(Process process, String address) {
    this.process = process;
    this.address = address;
  }

  /** Starts the server and waits for its listening line. */
  public static RustServerProcess start() throws IOException {
    Path binary =
        Path.of(System.getProperty(BINARY_PROPERTY, "hotpath-native/target/release/hotpath-server"));
    if (!Files.isExecutable(binary)) {
      throw new IOException(
          "no hotpath-server at " + binary.toAbsolutePath()
              + ": build it (./hybrid build) or pass -D" + BINARY_PROPERTY + "=PATH");
    }
    Process process =
        new ProcessBuilder(binary.toString(), "--listen", "127.0.0.1:0")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        return new RustServerProcess(process, matcher.group(1));
      }
    }
    process.destroyForcibly();
    throw new IOException("hotpath-server exited before listening (exit " + process.exitValue() + ")");
  }

  /** HOST:PORT the server listens on. */
  public String address() {
    return address;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
