package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the gateway changes in the standard OpenTelemetry configuration ({@code OTEL_*} environment
 * variables or {@code otel.*} system properties): only settings the operator left unset, so
 * anything set explicitly wins.
 *
 * <ul>
 *   <li>{@code otel.traces.exporter}: {@code otlp} when an OTLP endpoint is set ({@code
 *       OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}), else {@code
 *       none}. The SDK's own default is {@code otlp} to localhost, which would make every laptop
 *       run retry a collector that is not there; the Rust core follows the same rule.
 *   <li>{@code otel.metrics.exporter} and {@code otel.logs.exporter}: {@code none}. Metrics are
 *       always served in the Prometheus format on the admin port ({@code /metrics}); pushing them
 *       over OTLP as well would count every series twice.
 *   <li>{@code otel.service.name}: {@code hybrid-gateway}, unless {@code OTEL_RESOURCE_ATTRIBUTES}
 *       names a {@code service.name}.
 * </ul>
 *
 * Propagation keeps the SDK default ({@code tracecontext,baggage}): the W3C {@code traceparent}
 * that the core continues.
 */
public final class TelemetryDefaults {
  /** The service name of the gateway's spans and metrics unless configured otherwise. */
  public static final String DEFAULT_SERVICE_NAME = "hybrid-gateway";

  static final String TRACES_EXPORTER = "otel.traces.exporter";
  static final String METRICS_EXPORTER = "otel.metrics.exporter";
  static final String LOGS_EXPORTER = "otel.logs.exporter";
  static final String OTLP_ENDPOINT = "otel.exporter.otlp.endpoint";
  static final String OTLP_TRACES_ENDPOINT = "otel.exporter.otlp.traces.endpoint";
  static final String SERVICE_NAME = "otel.service.name";
  static final String RESOURCE_ATTRIBUTES = "otel.resource.attributes";

  private TelemetryDefaults() {}

  /**
   * The properties to add on top of {@code config} (a lookup of the {@code otel.*} name of each
   * setting, null when unset): one entry per setting above that {@code config} leaves unset.
   */
  public static Map<String, String> defaults(Function<String, String> config) {
    requireNonNull(config, "config");
    Map<String, String> out = new LinkedHashMap<>();
    if (isUnset(config, TRACES_EXPORTER)) {
      out.put(TRACES_EXPORTER, tracesExporter(config));
    }
    if (isUnset(config, METRICS_EXPORTER)) {
      out.put(METRICS_EXPORTER, "none");
    }
    if (isUnset(config, LOGS_EXPORTER)) {
      out.put(LOGS_EXPORTER, "none");
    }
    if (isUnset(config, SERVICE_NAME) && !namesService(config.apply(RESOURCE_ATTRIBUTES))) {
      out.put(SERVICE_NAME, DEFAULT_SERVICE_NAME);
    }
    return out;
  }

  /**
   * The span exporter(s) the gateway runs under {@code config}: the explicit {@code
   * otel.traces.exporter}, else {@code otlp} when an OTLP endpoint is set, else {@code none}.
   */
  public static String tracesExporter(Function<String, String> config) {
    requireNonNull(config, "config");
    if (!isUnset(config, TRACES_EXPORTER)) {
      return config.apply(TRACES_EXPORTER).strip();
    }
    boolean endpoint = !isUnset(config, OTLP_ENDPOINT) || !isUnset(config, OTLP_TRACES_ENDPOINT);
    return endpoint ? "otlp" : "none";
  }

  private static boolean isUnset(Function<String, String> config, String key) {
    String value = config.apply(key);
    return value == null || value.isBlank();
  }

  private static boolean namesService(String resourceAttributes) {
    if (resourceAttributes == null) {
      return false;
    }
    for (String pair : resourceAttributes.split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).strip().equals("service.name")) {
        return true;
      }
    }
    return false;
  }
}
