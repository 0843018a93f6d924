package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds a {@link Telemetry} with the OpenTelemetry SDK's autoconfiguration: the environment's
 * {@code OTEL_*} variables and {@code otel.*} system properties, then the {@link #property}
 * values set here (which win), then {@link TelemetryDefaults} for whatever is still unset. The
 * Prometheus reader is always registered; extra span processors (e.g. an in-memory exporter in
 * tests) run beside the configured exporters.
 *
 * <pre>{@code
 * Telemetry telemetry = Telemetry.builder()
 *     .property("otel.exporter.otlp.endpoint", "http://collector:4317")
 *     .build();
 * }</pre>
 */
public final class TelemetryBuilder {
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<SpanProcessor> spanProcessors = new ArrayList<>();

  TelemetryBuilder() {}

  /** Sets configuration property {@code key} (its {@code otel.*} name), over the environment. */
  public TelemetryBuilder property(String key, String value) {
    properties.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return this;
  }

  /** Adds a span processor beside the configured exporters; the SDK closes it on shutdown. */
  public TelemetryBuilder addSpanProcessor(SpanProcessor processor) {
    spanProcessors.add(requireNonNull(processor, "processor"));
    return this;
  }

  /** Configures the SDK (not as the global OpenTelemetry) and its metric reader. */
  public Telemetry build() {
    PrometheusMetricReader reader = new PrometheusMetricReader(null);
    Map<String, String> explicit = Map.copyOf(properties);
    List<SpanProcessor> processors = List.copyOf(spanProcessors);
    List<String> exporters = new CopyOnWriteArrayList<>();
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesCustomizer(config -> explicit)
            .addPropertiesCustomizer(config -> TelemetryDefaults.defaults(config::getString))
            .addMeterProviderCustomizer((meters, config) -> meters.registerMetricReader(reader))
            .addTracerProviderCustomizer(
                (tracers, config) -> {
                  processors.forEach(tracers::addSpanProcessor);
                  return tracers;
                })
            .addSpanExporterCustomizer(
                (exporter, config) -> {
                  exporters.add(exporter.getClass().getSimpleName());
                  return exporter;
                })
            // Telemetry.close() flushes after the servers have drained; a JVM hook of the SDK's
            // own could shut it down while the last calls still end their spans.
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    return new Telemetry(sdk, sdk, MetricsExposition.of(reader), exporters);
  }
}
