package dev.hybridgateway.gateway.telemetry;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the access log's lines through a java.util.logging handler (the default backend of
 * {@code System.Logger}). Lines are written after the response is sent, so tests wait for them.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger(AccessLog.LOGGER_NAME);
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  LogCapture() {
    logger.addHandler(this);
  }

  /** The next line, waiting up to 5 s. */
  String next() throws InterruptedException {
    String line = lines.poll(5, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no access log line within 5 s");
    }
    return line;
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
