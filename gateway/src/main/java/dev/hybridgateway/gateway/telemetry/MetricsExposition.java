package dev.hybridgateway.gateway.telemetry;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Renders the gateway's metrics for a Prometheus scrape: a snapshot of the SDK's {@link
 * PrometheusMetricReader}, written in the Prometheus text format (0.0.4), or in OpenMetrics when
 * the scraper's {@code Accept} header asks for it. The admin server serves it on {@code
 * /metrics}; the library's own HTTP server is not used, so metrics share the admin port.
 *
 * <pre>{@code
 * MetricsExposition.Page page = telemetry.metricsExposition().render(acceptHeader);
 * respond(200, page.contentType(), page.body());
 * }</pre>
 */
public final class MetricsExposition {
  private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();
  private static final OpenMetricsTextFormatWriter OPEN_METRICS =
      OpenMetricsTextFormatWriter.create();

  private final Supplier<MetricSnapshots> snapshots;

  private MetricsExposition(Supplier<MetricSnapshots> snapshots) {
    this.snapshots = requireNonNull(snapshots, "snapshots");
  }

  /** The exposition of {@code reader}'s metrics (registered with the SDK's meter provider). */
  public static MetricsExposition of(PrometheusMetricReader reader) {
    requireNonNull(reader, "reader");
    return new MetricsExposition(reader::collect);
  }

  /** An exposition without metrics (a valid, empty scrape), for {@link Telemetry#noop()}. */
  public static MetricsExposition empty() {
    return new MetricsExposition(MetricSnapshots::of);
  }

  /** The current metrics in the format {@code accept} (may be null) asks for. */
  public Page render(String accept) {
    ExpositionFormatWriter writer = writer(accept);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      writer.write(out, snapshots.get());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the metrics", e);
    }
    return new Page(writer.getContentType(), out.toByteArray());
  }

  private static ExpositionFormatWriter writer(String accept) {
    return accept != null && OPEN_METRICS.accepts(accept) ? OPEN_METRICS : TEXT;
  }

  /**
   * One rendered scrape.
   *
   * @param contentType the HTTP {@code Content-Type} of {@code body}
   * @param body the exposition text, UTF-8
   */
  public record Page(String contentType, byte[] body) {
    public Page {
      requireNonNull(contentType, "contentType");
      requireNonNull(body, "body");
    }
  }
}
