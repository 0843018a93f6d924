//! Assembly of the server: engine and compute pool, the services, the HTTP/2 listener with its
//! hardening limits, the preloads, health transitions and graceful shutdown.
//!
//! HTTP/2 is served by hyper directly, with tonic's `Routes` as the service. tonic's
//! `transport::Server` is not used because it wraps every service in its own `grpc-timeout`
//! layer, which races the handler and answers `CANCELLED` ("Timeout expired") when the
//! deadline passes; the contract requires `DEADLINE_EXCEEDED` with `ErrorInfo`, produced by
//! the handler (`service.rs`). Serving with hyper also makes every limit below explicit.

use std::convert::Infallible;
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::AtomicU32;
use std::time::Duration;

use hotpath_core::{ComputePool, CoreError, Engine, EngineConfig, StopSignal};
use hyper::body::Incoming;
use hyper::server::conn::http2;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tonic::service::Routes;
use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;
use tower::Layer;
use tower_service::Service;

use crate::cli::Cli;
use crate::deadline::DeadlineLayer;
use crate::interop;
use crate::proto::{HOTPATH_DESCRIPTOR_SET, INTEROP_DESCRIPTOR_SET};
use crate::service::HotPathService;
use crate::telemetry::{self, TraceLayer};

/// Concurrent streams per HTTP/2 connection. The edge multiplexes many calls over few
/// connections; admission control is the compute queue, not this limit, which only bounds
/// per-connection bookkeeping.
pub const MAX_CONCURRENT_STREAMS: u32 = 1024;
/// Streams the client may reset before the server has accepted them, then GOAWAY
/// ("rapid reset", CVE-2023-44487). h2's default is 20; gRPC clients cancel a lot
/// legitimately (hedging, deadlines), hence a little more headroom.
pub const MAX_PENDING_ACCEPT_RESET_STREAMS: usize = 50;
/// Streams the server may reset because of client protocol errors before it sends GOAWAY
/// (RUSTSEC-2024-0003).
pub const MAX_LOCAL_ERROR_RESET_STREAMS: usize = 256;
/// Interval of HTTP/2 PINGs that detect dead peers on idle connections.
pub const KEEPALIVE_INTERVAL: Duration = Duration::from_secs(30);
/// A PING unanswered for this long closes the connection.
pub const KEEPALIVE_TIMEOUT: Duration = Duration::from_secs(10);
/// Per-stream flow-control window: 1 MiB (as grpc-java) so a multi-MiB Rerank is not
/// throttled by 64 KiB round trips.
pub const STREAM_WINDOW: u32 = 1 << 20;
/// Per-connection flow-control window: bounds the request bytes buffered per connection.
pub const CONNECTION_WINDOW: u32 = 8 << 20;
/// Largest header block accepted (gRPC metadata); grpc-java's default is 8 KiB.
pub const MAX_HEADER_LIST_SIZE: u32 = 16 << 10;
/// Pause after a failed `accept` (e.g. out of file descriptors) before trying again.
const ACCEPT_ERROR_BACKOFF: Duration = Duration::from_millis(50);

/// The name under which `HotPath` reports health.
pub const HOTPATH_SERVICE_NAME: &str = "hybrid.core.v1.HotPath";

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The listen address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address from `--listen`.
        addr: SocketAddr,
        /// The OS error.
        source: std::io::Error,
    },
    /// The Tokio runtime could not be built.
    #[error("cannot start the Tokio runtime: {0}")]
    Runtime(std::io::Error),
    /// The reflection service could not load the descriptor sets.
    #[error("cannot build the reflection service: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    /// A `--preload` collection could not be created.
    #[error("preload of collection {name:?} failed: {source}")]
    Preload {
        /// The collection name.
        name: String,
        /// What the core said.
        source: CoreError,
    },
}

/// A running server: bound, preloaded and SERVING.
pub struct Server {
    local_addr: SocketAddr,
    engine: Arc<Engine>,
    pool: Arc<ComputePool>,
    health: HealthReporter,
    stop: watch::Sender<bool>,
    accept_loop: JoinHandle<()>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("local_addr", &self.local_addr)
            .field("pool", &self.pool)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Binds `cli.listen`, starts serving (health NOT_SERVING), creates the preloaded
    /// collections, then reports SERVING and returns.
    pub async fn start(cli: &Cli) -> Result<Self, StartError> {
        let mut config = EngineConfig {
            data_dir: cli.data_dir.clone(),
            debug: cli.debug,
            enable_test_hooks: cli.enable_test_hooks,
            ..EngineConfig::default()
        };
        if let Some(budget) = cli.memory_budget {
            config.memory_budget_bytes = budget;
        }
        let engine = Arc::new(Engine::new(config));
        let pool = Arc::new(ComputePool::new(
            cli.compute_threads(),
            cli.queue_capacity(),
        ));

        let (health, health_service) = tonic_health::server::health_reporter();
        health
            .set_service_status("", ServingStatus::NotServing)
            .await;
        health
            .set_service_status(HOTPATH_SERVICE_NAME, ServingStatus::NotServing)
            .await;

        let reflection_v1 = reflection().build_v1()?;
        let reflection_v1alpha = reflection().build_v1alpha()?;

        let hotpath =
            HotPathService::new(Arc::clone(&engine), Arc::clone(&pool), cli.max_deadline())
                .into_server(cli.max_message_size());
        let mut routes = Routes::builder();
        routes
            .add_service(hotpath)
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha);
        if !cli.disable_interop {
            routes
                .add_service(interop::test_service())
                .add_service(interop::unimplemented_service());
        }
        let service = TraceLayer.layer(DeadlineLayer.layer(routes.routes().prepare()));

        let listener = TcpListener::bind(cli.listen)
            .await
            .map_err(|source| StartError::Bind {
                addr: cli.listen,
                source,
            })?;
        let local_addr = listener.local_addr().map_err(|source| StartError::Bind {
            addr: cli.listen,
            source,
        })?;
        let (stop, stopped) = watch::channel(false);
        let accept_loop = tokio::spawn(accept_loop(
            listener,
            service,
            http2_builder(),
            stopped,
            cli.drain_timeout,
        ));
        tracing::info!(%local_addr, compute_threads = pool.threads(), queue_capacity = pool.queue_capacity(), "listening; preloading");

        let server = Self {
            local_addr,
            engine,
            pool,
            health,
            stop,
            accept_loop,
        };
        for spec in &cli.preload {
            if let Err(source) = server.preload(spec.to_request(cli.shard)).await {
                server.shutdown().await;
                return Err(StartError::Preload {
                    name: spec.name.clone(),
                    source,
                });
            }
        }
        server
            .health
            .set_service_status("", ServingStatus::Serving)
            .await;
        server
            .health
            .set_service_status(HOTPATH_SERVICE_NAME, ServingStatus::Serving)
            .await;
        tracing::info!(%local_addr, "serving");
        Ok(server)
    }

    async fn preload(
        &self,
        request: hotpath_core::proto::core_v1::CreateCollectionRequest,
    ) -> Result<(), CoreError> {
        let engine = Arc::clone(&self.engine);
        let name = request.name.clone();
        let started = std::time::Instant::now();
        let info = tokio::task::spawn_blocking(move || {
            let never = AtomicU32::new(0);
            engine.create_collection(&request, &StopSignal::new(None, &never))
        })
        .await
        .map_err(|join| CoreError::Internal {
            message: "preload task failed".to_owned(),
            debug_detail: Some(join.to_string()),
        })??;
        tracing::info!(
            collection = %name,
            count = info.collection.as_ref().map_or(0, |c| c.count),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "preloaded"
        );
        Ok(())
    }

    /// The bound address (the real port when `--listen` asked for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The engine behind the server (tests compare against it and read its counters).
    pub fn engine(&self) -> &Arc<Engine> {
        &self.engine
    }

    /// The compute pool.
    pub fn pool(&self) -> &Arc<ComputePool> {
        &self.pool
    }

    /// Graceful shutdown: health goes NOT_SERVING, the listener closes, open connections get
    /// GOAWAY and in-flight calls may finish (up to `--drain-timeout`), then the rest is closed.
    pub async fn shutdown(self) {
        self.health
            .set_service_status("", ServingStatus::NotServing)
            .await;
        self.health
            .set_service_status(HOTPATH_SERVICE_NAME, ServingStatus::NotServing)
            .await;
        let _ = self.stop.send(true);
        if let Err(error) = self.accept_loop.await {
            tracing::error!(%error, "accept loop failed");
        }
        tracing::info!("server stopped");
    }
}

/// Reflection over our protos, the interop protos and health (reflection adds its own).
fn reflection() -> tonic_reflection::server::Builder<'static> {
    tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(HOTPATH_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(INTEROP_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
}

fn http2_builder() -> http2::Builder<TokioExecutor> {
    let mut builder = http2::Builder::new(TokioExecutor::new());
    builder
        .timer(TokioTimer::new())
        .max_concurrent_streams(MAX_CONCURRENT_STREAMS)
        .max_pending_accept_reset_streams(MAX_PENDING_ACCEPT_RESET_STREAMS)
        .max_local_error_reset_streams(MAX_LOCAL_ERROR_RESET_STREAMS)
        .keep_alive_interval(KEEPALIVE_INTERVAL)
        .keep_alive_timeout(KEEPALIVE_TIMEOUT)
        .initial_stream_window_size(STREAM_WINDOW)
        .initial_connection_window_size(CONNECTION_WINDOW)
        .max_header_list_size(MAX_HEADER_LIST_SIZE);
    builder
}

async fn accept_loop<S>(
    listener: TcpListener,
    service: S,
    builder: http2::Builder<TokioExecutor>,
    mut stopped: watch::Receiver<bool>,
    drain_timeout: Duration,
) where
    S: Service<
            http::Request<Incoming>,
            Response = http::Response<tonic::body::Body>,
            Error = Infallible,
        > + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    let graceful = GracefulShutdown::new();
    let mut connections = tokio::task::JoinSet::new();
    loop {
        tokio::select! {
            // A value sent, or the Server handle dropped: stop either way.
            _ = stopped.changed() => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    // Small unary messages must not wait for Nagle's algorithm.
                    if let Err(error) = stream.set_nodelay(true) {
                        tracing::debug!(%peer, %error, "cannot set TCP_NODELAY");
                    }
                    let connection = builder.serve_connection(
                        TokioIo::new(stream),
                        TowerToHyperService::new(service.clone()),
                    );
                    let connection = graceful.watch(connection);
                    connections.spawn(async move {
                        if let Err(error) = connection.await {
                            tracing::debug!(%peer, %error, "connection ended with an error");
                        }
                    });
                }
                Err(error) => {
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(ACCEPT_ERROR_BACKOFF).await;
                }
            },
        }
    }
    // Stop accepting at once: the port closes and new clients are refused, not left hanging.
    drop(listener);
    tracing::info!(connections = connections.len(), "draining");
    if tokio::time::timeout(drain_timeout, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            connections = connections.len(),
            "drain timeout passed; closing the remaining connections"
        );
    }
    connections.shutdown().await;
}

/// Completes on SIGINT (Ctrl-C) or, on Unix, SIGTERM.
pub async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => tracing::info!("SIGINT received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}

/// The whole binary: runtime with `--io-threads` workers, telemetry, start, print the
/// `hotpath-server listening on ADDR` line, serve until SIGINT/SIGTERM, drain, exit.
pub fn run(cli: Cli) -> Result<(), StartError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cli.io_threads.get())
        .thread_name("hotpath-io")
        .enable_all()
        .build()
        .map_err(StartError::Runtime)?;
    runtime.block_on(async move {
        let telemetry = telemetry::init(&cli.log_level);
        let result = async {
            let server = Server::start(&cli).await?;
            announce(server.local_addr());
            shutdown_signal().await;
            server.shutdown().await;
            Ok(())
        }
        .await;
        telemetry.shutdown();
        result
    })
}

/// The one line harnesses wait for; flushed at once because stdout may be a pipe.
fn announce(addr: SocketAddr) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "hotpath-server listening on {addr}");
    let _ = stdout.flush();
}
