package dev.hybridgateway.interop;

import java.util.List;

/**
 * What a target exposes to observe one trace on both sides of the boundary: the spans the edge
 * finished, and what the Rust core reported (its log lines, which carry the {@code trace_id} of
 * the call's span). Only the in-build run has one: a deployment's spans go to its own tracing
 * backend and the core's log to its own sink.
 */
public interface TraceProbe {
  /** A span the edge finished. */
  record EdgeSpan(String name, String kind, String traceId, String spanId, String parentSpanId) {}

  /** The spans the edge finished in trace {@code traceId} so far. */
  List<EdgeSpan> edgeSpans(String traceId);

  /** The core's reports (log lines) that name trace {@code traceId} so far. */
  List<String> coreReports(String traceId);
}
