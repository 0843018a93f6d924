//! Allocator measurement: serves Rerank requests of 1,000 candidates × 384 dims (≈1.5 MB each,
//! allocation-heavy: tonic buffers, prost `Vec<f32>`s, the core's normalized copies) through an
//! in-process server and a tonic client, and reports throughput and latency percentiles.
//!
//! Compare allocators by running it twice (the figures and the decision are in README.md):
//!
//! ```text
//! cargo run --release -p hotpath-server --example alloc_bench --no-default-features   # system
//! cargo run --release -p hotpath-server --example alloc_bench                         # mimalloc
//! ```
//!
//! Optional arguments: `REQUESTS` (default 1000), `CONCURRENCY` (default 4) and `CANDIDATES`
//! (default 1000; 8 gives a ~13 KB request for a small-payload round trip).
#![forbid(unsafe_code)]

use std::time::{Duration, Instant};

use clap::Parser;
use hotpath_server::proto::core_v1::hot_path_client::HotPathClient;
use hotpath_server::proto::core_v1::{Metric, RerankRequest, Vector};
use hotpath_server::{Cli, Server};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ALLOCATOR: &str = if cfg!(feature = "mimalloc") {
    "mimalloc"
} else {
    "system"
};
const DIM: usize = 384;
const QUERIES: usize = 4;

fn vectors(n: usize, seed: u64) -> Vec<Vector> {
    let mut state = seed | 1;
    (0..n)
        .map(|_| Vector {
            values: (0..DIM)
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

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let requests: usize = args.next().map_or(Ok(1000), |a| a.parse())?;
    let concurrency: usize = args.next().map_or(Ok(4), |a| a.parse())?;
    let candidates: usize = args.next().map_or(Ok(1000), |a| a.parse())?;

    let cli = Cli::try_parse_from(["hotpath-server", "--listen", "127.0.0.1:0"])?;
    let server = Server::start(&cli).await?;
    let client = HotPathClient::connect(format!("http://{}", server.local_addr()))
        .await?
        .max_decoding_message_size(64 << 20)
        .max_encoding_message_size(64 << 20);
    let request = RerankRequest {
        queries: vectors(QUERIES, 1),
        candidates: vectors(candidates, 2),
        candidate_ids: Vec::new(),
        k: 10,
        metric: Metric::Cosine as i32,
    };

    // Warm-up: connection, allocator arenas, page faults.
    for _ in 0..200 {
        client.clone().rerank(request.clone()).await?;
    }

    let started = Instant::now();
    let per_task = requests.div_ceil(concurrency);
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let mut client = client.clone();
        let request = request.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(per_task);
            let mut core_ns = 0u64;
            for _ in 0..per_task {
                let t = Instant::now();
                let response = client
                    .rerank(request.clone())
                    .await
                    .expect("rerank succeeds")
                    .into_inner();
                latencies.push(t.elapsed());
                let timing = response.timing.unwrap_or_default();
                core_ns += timing.queue_ns + timing.compute_ns;
            }
            (latencies, core_ns)
        }));
    }
    let mut latencies = Vec::new();
    let mut core_ns = 0u64;
    for task in tasks {
        let (task_latencies, task_core_ns) = task.await?;
        latencies.extend(task_latencies);
        core_ns += task_core_ns;
    }
    let wall = started.elapsed();
    latencies.sort();
    let n = latencies.len();
    println!(
        "allocator={ALLOCATOR} requests={n} concurrency={concurrency} candidates={candidates}x{DIM} \
         wall={:.3}s throughput={:.0} req/s p50={:.2}ms p99={:.2}ms max={:.2}ms core(queue+compute)={:.2}ms",
        wall.as_secs_f64(),
        n as f64 / wall.as_secs_f64(),
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies[n - 1].as_secs_f64() * 1e3,
        core_ns as f64 / n as f64 / 1e6,
    );
    server.shutdown().await;
    Ok(())
}
