package dev.hybridgateway.gateway.testing;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A Rust core ({@code hotpath-server}) started as a child process on a free loopback port, for
 * tests. It learns the port from the server's {@code listening on} line and returns only once the
 * gRPC health service answers SERVING.
 *
 * <pre>{@code
 * try (RustCoreServer core = RustCoreServer.start()) {
 *   ManagedChannel channel = ...forAddress("127.0.0.1", core.port())...;
 * }
 * }</pre>
 */
public final class RustCoreServer implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("hotpath-server listening on (?:\\[?[0-9a-fA-F:.]+\\]?):(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final List<String> output;

  private RustCoreServer(Process process, int port, List<String> output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** Starts the server binary named by the {@code hotpath.server.binary} system property. */
  public static RustCoreServer start(String... extraArgs) throws IOException {
    return startOn(0, extraArgs);
  }

  /**
   * Starts the server on loopback {@code port} (0 = a free one); a restart on the port a killed
   * server held lets clients reconnect to the same target.
   */
  public static RustCoreServer startOn(int port, String... extraArgs) throws IOException {
    String binary =
        requireNonNull(
            System.getProperty("hotpath.server.binary"),
            "system property hotpath.server.binary (set by the Maven build)");
    Path path = Path.of(binary);
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException(
          "Rust core binary not found at " + path + ": build it with ./mvnw -pl hotpath-native compile");
    }
    List<String> command =
        new ArrayList<>(List.of(path.toString(), "--listen", "127.0.0.1:" + port));
    command.addAll(List.of(extraArgs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Integer> reported = new CompletableFuture<>();
    Thread reader =
        Thread.ofPlatform()
            .daemon()
            .name("hotpath-server-output")
            .start(() -> pump(process, output, reported));
    requireNonNull(reader, "reader");
    RustCoreServer server;
    try {
      server = new RustCoreServer(process, reported.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS), output);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "hotpath-server did not report its port: " + String.join("\n", output), e);
    }
    server.awaitServing();
    return server;
  }

  private static void pump(Process process, List<String> output, CompletableFuture<Integer> port) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port.complete(Integer.parseInt(m.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IllegalStateException("hotpath-server exited"));
  }

  private void awaitServing() {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
      Awaitility.await("hotpath-server health SERVING")
          .atMost(START_TIMEOUT)
          .ignoreExceptions()
          .until(
              () ->
                  health
                          .withDeadlineAfter(2, TimeUnit.SECONDS)
                          .check(HealthCheckRequest.getDefaultInstance())
                          .getStatus()
                      == ServingStatus.SERVING);
    } finally {
      channel.shutdownNow();
    }
  }

  /** The loopback port the server listens on. */
  public int port() {
    return port;
  }

  /** Whether the process is still running (tests check that bad input did not kill it). */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Everything the server printed so far, for failure messages. */
  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /** Kills the server with SIGKILL (no drain: a crash) and waits until it is gone. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the server with SIGTERM (it drains and exits), or kills it after 20 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
