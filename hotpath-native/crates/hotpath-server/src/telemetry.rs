//! Logging and tracing: plain `fmt` logs on stderr, plus OpenTelemetry export over OTLP/gRPC
//! when `OTEL_EXPORTER_OTLP_ENDPOINT` is set; and [`TraceLayer`], which continues the caller's
//! W3C `traceparent` in a server span per call.
//!
//! Stdout is reserved for the one `hotpath-server listening on ...` line that harnesses read.

use std::io::IsTerminal;
use std::task::{Context, Poll};

use opentelemetry::propagation::{Extractor, TextMapPropagator};
use opentelemetry::trace::{TraceContextExt, TracerProvider};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tower::Layer;
use tower_service::Service;
use tracing::Instrument;
use tracing::instrument::Instrumented;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// The environment variable that switches OTLP export on.
pub const OTLP_ENDPOINT_ENV: &str = "OTEL_EXPORTER_OTLP_ENDPOINT";

/// Keeps the OpenTelemetry pipeline alive; [`Telemetry::shutdown`] flushes pending spans.
#[derive(Debug, Default)]
#[must_use = "dropping Telemetry without shutdown() may lose the last spans"]
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

impl Telemetry {
    /// Whether spans are exported over OTLP.
    pub fn exporting(&self) -> bool {
        self.provider.is_some()
    }

    /// Flushes and stops the exporter (no-op without one).
    pub fn shutdown(self) {
        if let Some(provider) = self.provider
            && let Err(error) = provider.shutdown()
        {
            eprintln!("hotpath-server: OpenTelemetry shutdown failed: {error}");
        }
    }
}

/// Installs the global subscriber: `RUST_LOG`, else `default_filter`, for fmt logs on stderr,
/// plus the OpenTelemetry layer when [`OTLP_ENDPOINT_ENV`] is set. Must run inside a Tokio
/// runtime (the OTLP exporter is a tonic client). Installing twice is a no-op.
pub fn init(default_filter: &str) -> Telemetry {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(default_filter))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let fmt = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());

    let provider = std::env::var_os(OTLP_ENDPOINT_ENV)
        .filter(|v| !v.is_empty())
        .and_then(|_| match otlp_provider() {
            Ok(provider) => Some(provider),
            Err(error) => {
                eprintln!("hotpath-server: OTLP exporter disabled: {error}");
                None
            }
        });
    let otel = provider.as_ref().map(|provider| {
        tracing_opentelemetry::layer().with_tracer(provider.tracer("hotpath-server"))
    });

    let installed = tracing_subscriber::registry()
        .with(filter)
        .with(fmt)
        .with(otel)
        .try_init()
        .is_ok();
    if installed && let Some(provider) = &provider {
        opentelemetry::global::set_tracer_provider(provider.clone());
    }
    Telemetry { provider }
}

fn otlp_provider() -> Result<SdkTracerProvider, opentelemetry_otlp::ExporterBuildError> {
    // Endpoint, headers and timeout come from the standard OTEL_EXPORTER_OTLP_* variables.
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_tonic()
        .build()?;
    let mut resource = Resource::builder();
    if std::env::var_os("OTEL_SERVICE_NAME").is_none() {
        resource = resource.with_service_name("hotpath-server");
    }
    Ok(SdkTracerProvider::builder()
        .with_resource(resource.build())
        .with_batch_exporter(exporter)
        .build())
}

/// Reads propagation fields from HTTP/2 request headers (gRPC metadata).
struct HeaderExtractor<'a>(&'a http::HeaderMap);

impl Extractor for HeaderExtractor<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|v| v.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(http::HeaderName::as_str).collect()
    }
}

/// The span of one call: named after the gRPC method, child of the caller's `traceparent`.
/// The `trace_id` field carries the caller's trace id into the plain logs too.
pub fn server_span(request: &http::Request<()>) -> tracing::Span {
    let path = request.uri().path();
    let (service, method) = path
        .trim_start_matches('/')
        .split_once('/')
        .unwrap_or((path, ""));
    let span = tracing::info_span!(
        "grpc.server",
        otel.name = %path.trim_start_matches('/'),
        otel.kind = "server",
        rpc.system = "grpc",
        rpc.service = %service,
        rpc.method = %method,
        trace_id = tracing::field::Empty,
    );
    let parent = TraceContextPropagator::new().extract(&HeaderExtractor(request.headers()));
    let remote = parent.span().span_context().clone();
    if remote.is_valid() {
        span.record("trace_id", tracing::field::display(remote.trace_id()));
        // Fails only when no OpenTelemetry layer is installed: then there is nothing to link.
        let _ = span.set_parent(parent);
    }
    span
}

/// Tower layer that runs every call inside [`server_span`].
#[derive(Debug, Clone, Copy, Default)]
pub struct TraceLayer;

impl<S> Layer<S> for TraceLayer {
    type Service = TraceService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        TraceService { inner }
    }
}

/// The service produced by [`TraceLayer`].
#[derive(Debug, Clone)]
pub struct TraceService<S> {
    inner: S,
}

impl<S, B> Service<http::Request<B>> for TraceService<S>
where
    S: Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Instrumented<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let (parts, body) = request.into_parts();
        let head = http::Request::from_parts(parts, ());
        let span = server_span(&head);
        let (parts, ()) = head.into_parts();
        let request = http::Request::from_parts(parts, body);
        let _entered = span.enter();
        self.inner.call(request).in_current_span()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traceparent_becomes_the_span_trace_id() {
        let request = http::Request::builder()
            .uri("/hybrid.core.v1.HotPath/Search")
            .header(
                "traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            )
            .body(())
            .unwrap();
        let parent = TraceContextPropagator::new().extract(&HeaderExtractor(request.headers()));
        assert_eq!(
            parent.span().span_context().trace_id().to_string(),
            "4bf92f3577b34da6a3ce929d0e0e4736"
        );
        // No subscriber in unit tests: building the span must still work.
        let _span = server_span(&request);
    }
}
