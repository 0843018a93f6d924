package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

/**
 * The one place where a finished request is accounted for, whatever server took it: one access
 * log line and the request metrics ({@link GatewayMetrics#recordRequest}). The line is logfmt,
 * on the {@code System.Logger} named {@link #LOGGER_NAME} at INFO (java.util.logging unless the
 * application installs another backend; turn it off there by level):
 *
 * <pre>
 * protocol=grpc route=hybrid.gateway.v1.SearchService/Search code=OK duration_ms=0.412
 *     tenant=acme transport=ffi trace_id=4bf92f3577b34da6a3ce929d0e0e4736
 * </pre>
 *
 * Absent values are {@code -}; values with spaces, quotes or control characters are quoted and
 * escaped, so a tenant name cannot forge a second line.
 */
public final class AccessLog {
  /** The logger the lines go to. */
  public static final String LOGGER_NAME = "dev.hybridgateway.gateway.access";

  private static final System.Logger LOG = System.getLogger(LOGGER_NAME);

  private final GatewayMetrics metrics;

  /** An access log that also counts each request in {@code metrics}. */
  public AccessLog(GatewayMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /** Counts {@code entry} and writes its line. */
  public void record(AccessLogEntry entry) {
    requireNonNull(entry, "entry");
    String transport = entry.transport() == null ? GatewayMetrics.NO_TRANSPORT : entry.transport();
    metrics.recordRequest(entry.route(), transport, entry.code(), entry.durationNanos());
    if (LOG.isLoggable(System.Logger.Level.INFO)) {
      LOG.log(System.Logger.Level.INFO, format(entry));
    }
  }

  /** The line of {@code entry}. */
  public static String format(AccessLogEntry entry) {
    StringBuilder line = new StringBuilder(192);
    field(line, "protocol", entry.protocol());
    field(line, "route", entry.route());
    field(line, "code", entry.code());
    if (entry.httpStatus() > 0) {
      field(line, "http_status", Integer.toString(entry.httpStatus()));
    }
    field(line, "duration_ms", millis(entry.durationNanos()));
    field(line, "tenant", entry.tenant());
    field(line, "transport", entry.transport());
    field(line, "trace_id", entry.traceId());
    return line.toString();
  }

  private static void field(StringBuilder line, String key, String value) {
    if (!line.isEmpty()) {
      line.append(' ');
    }
    line.append(key).append('=');
    if (value == null || value.isEmpty()) {
      line.append('-');
    } else if (needsQuotes(value)) {
      quote(line, value);
    } else {
      line.append(value);
    }
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c >= 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static void quote(StringBuilder line, String value) {
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        default -> {
          if (c < ' ' || c == 0x7f) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }

  /** Nanoseconds as milliseconds with three decimals (microsecond resolution). */
  private static String millis(long nanos) {
    long micros = Math.max(0, nanos) / 1_000;
    long fraction = micros % 1_000;
    return (micros / 1_000) + "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + fraction;
  }
}
