//! Shared helpers of the integration tests: an in-process server on 127.0.0.1:0, clients,
//! deterministic vectors, and condition waits (no fixed sleeps).
#![allow(dead_code, unreachable_pub)]

use std::time::{Duration, Instant};

use clap::Parser;
use hotpath_server::proto::core_v1::hot_path_client::HotPathClient;
use hotpath_server::proto::core_v1::{EngineStats, Vector};
use hotpath_server::{Cli, Server};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

/// An in-process server and a channel to it.
pub struct TestServer {
    pub server: Server,
    pub channel: Channel,
}

/// Starts a server with `--listen 127.0.0.1:0` plus `args`, connects, and waits until health
/// reports SERVING for HotPath.
pub async fn start(args: &[&str]) -> TestServer {
    let mut argv = vec!["hotpath-server", "--listen", "127.0.0.1:0"];
    argv.extend_from_slice(args);
    let cli = Cli::try_parse_from(argv).expect("test arguments parse");
    let server = Server::start(&cli).await.expect("server starts");
    let channel = Endpoint::from_shared(format!("http://{}", server.local_addr()))
        .expect("endpoint")
        .connect()
        .await
        .expect("connect");
    let status = health_status(&channel, "hybrid.core.v1.HotPath").await;
    assert_eq!(status, ServingStatus::Serving);
    TestServer { server, channel }
}

impl TestServer {
    /// A HotPath client that accepts the server's 64 MiB messages.
    pub fn hotpath(&self) -> HotPathClient<Channel> {
        HotPathClient::new(self.channel.clone())
            .max_decoding_message_size(64 << 20)
            .max_encoding_message_size(64 << 20)
    }

    /// The engine's counters, read directly.
    pub fn stats(&self) -> EngineStats {
        self.server.engine().stats()
    }
}

/// A HotPath client over a bare hyper HTTP/2 client. Unlike tonic's `Channel`, it does not
/// enforce `grpc-timeout` itself, so the answer to a call that runs out of time is the
/// server's, not a local timer's. Set the deadline with [`with_grpc_timeout`].
pub fn raw_hotpath(server: &Server) -> HotPathClient<RawClient> {
    let client = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
        .http2_only(true)
        .build_http();
    let origin = format!("http://{}", server.local_addr())
        .parse()
        .expect("origin");
    HotPathClient::with_origin(client, origin)
        .max_decoding_message_size(64 << 20)
        .max_encoding_message_size(64 << 20)
}

/// The bare HTTP/2 client behind [`raw_hotpath`].
pub type RawClient = hyper_util::client::legacy::Client<HttpConnector, tonic::body::Body>;

/// `message` with a `grpc-timeout` header written by hand (milliseconds).
pub fn with_grpc_timeout<T>(message: T, millis: u64) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request
        .metadata_mut()
        .insert("grpc-timeout", format!("{millis}m").parse().expect("ascii"));
    request
}

/// The health status of `service` as the server reports it.
pub async fn health_status(channel: &Channel, service: &str) -> ServingStatus {
    let response = HealthClient::new(channel.clone())
        .check(HealthCheckRequest {
            service: service.to_owned(),
        })
        .await
        .expect("health check");
    response.into_inner().status()
}

/// Polls `condition` every millisecond until it holds; panics after `timeout`.
pub async fn wait_until(
    what: &str,
    timeout: Duration,
    mut condition: impl FnMut() -> bool,
) -> Duration {
    let start = Instant::now();
    loop {
        if condition() {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < timeout,
            "timed out after {timeout:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// `n` deterministic vectors of `dim` values in [-1, 1) (a small LCG; any values will do).
pub fn vectors(n: usize, dim: usize, seed: u64) -> Vec<Vector> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| Vector {
            values: (0..dim)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    ((state >> 40) as f32) / 8_388_608.0 - 1.0
                })
                .collect(),
        })
        .collect()
}
