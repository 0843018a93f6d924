package dev.hybridgateway.interop;

import static java.util.Objects.requireNonNull;

import dev.hybridgateway.gateway.testing.RustCoreServer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.util.List;

/**
 * The in-build {@link TraceProbe}: the gateway's spans from an in-memory exporter, and the core's
 * log lines from the {@code hotpath-server} child process (started with {@code hotpath_server} at
 * debug level, so a failed call is logged inside its span, whose {@code trace_id} field is the
 * trace the call continued; hotpath-server/src/telemetry.rs).
 */
final class InBuildTraceProbe implements TraceProbe {
  private final InMemorySpanExporter spans;
  private final RustCoreServer core;

  InBuildTraceProbe(InMemorySpanExporter spans, RustCoreServer core) {
    this.spans = requireNonNull(spans, "spans");
    this.core = requireNonNull(core, "core");
  }

  @Override
  public List<EdgeSpan> edgeSpans(String traceId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .map(s -> new EdgeSpan(s.getName(), s.getKind().name(), s.getTraceId(), s.getSpanId(),
            s.getParentSpanId()))
        .toList();
  }

  @Override
  public List<String> coreReports(String traceId) {
    return core.output().lines().filter(line -> line.contains("trace_id=" + traceId)).toList();
  }
}
