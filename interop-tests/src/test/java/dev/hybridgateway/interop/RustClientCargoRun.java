package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a cargo command in the Rust workspace, as a child process with a bounded wait: its
 * exit status, everything it printed (stdout and stderr interleaved) and how long it took. The
 * test harness's summary lines ({@code test result: ok. 9 passed; 0 failed; ...}) are parsed
 * so a caller can check how many tests ran, not just the exit status.
 */
record RustClientCargoRun(int exitCode, String output, Duration elapsed) {
  private static final Pattern RESULT = Pattern.compile(
      "test result: (\\w+)\\. (\\d+) passed; (\\d+) failed; (\\d+) ignored");

  /** One {@code test result:} line of the libtest harness. */
  record TestResult(String outcome, int passed, int failed, int ignored) {}

  /**
   * Runs {@code command} in {@code workspace} with {@code environment} added to this process's
   * own; kills it (and its children) when it runs longer than {@code timeout}.
   */
  static RustClientCargoRun run(
      Path workspace, List<String> command, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    requireNonNull(workspace, "workspace");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread reader = Thread.ofPlatform().daemon().name("cargo-output")
        .start(() -> pump(process, output));
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      reader.join(TimeUnit.SECONDS.toMillis(10));
      throw new AssertionError("`" + String.join(" ", command) + "` did not finish within "
          + timeout + "; its output:\n" + tail(output));
    }
    reader.join(TimeUnit.SECONDS.toMillis(10));
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    synchronized (output) {
      return new RustClientCargoRun(process.exitValue(), output.toString(), elapsed);
    }
  }

  /** Every {@code test result:} line, in order. */
  List<TestResult> testResults() {
    List<TestResult> results = new ArrayList<>();
    Matcher m = RESULT.matcher(output);
    while (m.find()) {
      results.add(new TestResult(m.group(1), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    }
    return results;
  }

  /** What the test harness printed: the output from cargo's first {@code Running} line on. */
  String harnessOutput() {
    int running = output.indexOf("     Running ");
    return running < 0 ? "" : output.substring(running);
  }

  /** The end of the output, where cargo and the harness say what failed. */
  String outputTail() {
    return tail(output);
  }

  private static void pump(Process process, StringBuilder output) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (output) {
          output.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      synchronized (output) {
        output.append("[reading cargo's output failed: ").append(e).append("]\n");
      }
    }
  }

  private static String tail(CharSequence text) {
    synchronized (text) {
      int max = 20_000;
      return text.length() <= max
          ? text.toString()
          : "[... " + (text.length() - max) + " characters cut ...]\n"
              + text.subSequence(text.length() - max, text.length());
    }
  }
}
