//! P1 building block: how close one thread's exact scan comes to the machine's memory bandwidth.
//!
//! ```text
//! cargo run --release -p hotpath-core --example scan_bandwidth
//! HOTPATH_KERNEL=scalar cargo run --release -p hotpath-core --example scan_bandwidth   # scalar kernel
//! cargo run --release -p hotpath-core --example scan_bandwidth -- 200   # collection size in MB
//! ```
//!
//! In one run, on one thread, it measures (median of several repetitions each):
//! 1. **scan**: `Engine::search_raw` of one dot query (dim 384, k 10) over a synthetic collection
//!    of ~400 MB (far larger than any cache). GB/s = vector bytes scanned / time (the 8-byte ids,
//!    0.5 % more, are not counted).
//! 2. **read**: a read-only loop summing a buffer of the same size as u64s (eight accumulators):
//!    the bandwidth a scan could reach at best. GB/s = bytes read / time.
//! 3. **copy**: `copy_from_slice` (memcpy) between two buffers of that size. GB/s counts bytes read
//!    plus bytes written (2 × size / time), the STREAM convention. With ordinary stores the CPU also
//!    reads each destination line before writing it (write-allocate), so DRAM may move 3 × size;
//!    large memcpys usually use non-temporal stores that avoid this.
//!
//! Figures on shared machines are noisy: compare the ratios of one run, not absolute numbers.

use std::sync::atomic::AtomicU32;
use std::time::{Duration, Instant};

use hotpath_core::proto::core_v1::create_collection_request::Source;
use hotpath_core::proto::core_v1::{CreateCollectionRequest, Metric, SyntheticSource};
use hotpath_core::{Engine, EngineConfig, StopSignal};

const DIM: usize = 384;
const REPS: usize = 7;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn gbps(bytes: u64, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64() / 1e9
}

fn main() {
    let megabytes: u64 = std::env::args()
        .nth(1)
        .map_or(400, |a| a.parse().expect("size in MB"));
    let count = megabytes * 1_000_000 / (DIM as u64 * 4);
    let vector_bytes = count * DIM as u64 * 4;

    let engine = Engine::new(EngineConfig::default());
    let never = AtomicU32::new(0);
    let stop = StopSignal::new(None, &never);
    let started = Instant::now();
    engine
        .create_collection(
            &CreateCollectionRequest {
                name: "bench".into(),
                dim: DIM as u32,
                metric: Metric::Dot as i32,
                shard: None,
                source: Some(Source::Synthetic(SyntheticSource {
                    seed: 1,
                    count,
                    clusters: 0,
                })),
            },
            &stop,
        )
        .expect("create collection");
    println!(
        "collection: {count} vectors x dim {DIM} = {:.0} MB, generated in {:.1} s; kernel {}; threads used: 1",
        vector_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        engine.kernel().name()
    );

    // 1. Scan.
    let query: Vec<f32> = (0..DIM)
        .map(|i| ((i * 7 % 13) as f32 - 6.0) / 6.0)
        .collect();
    let (mut ids, mut scores) = (vec![0u64; 10], vec![0f32; 10]);
    let mut scan_times = Vec::new();
    for rep in 0..=REPS {
        let t = Instant::now();
        engine
            .search_raw("bench", &query, DIM, 10, &stop, &mut ids, &mut scores)
            .expect("search");
        if rep > 0 {
            scan_times.push(t.elapsed()); // rep 0 warms up
        }
    }
    let scan = median(scan_times.clone());

    // 2. Read-only bandwidth and 3. copy bandwidth over buffers of the same size.
    let words = (vector_bytes / 8) as usize;
    let src: Vec<u64> = (0..words as u64).collect();
    let mut dst: Vec<u64> = vec![1; words];
    let mut read_times = Vec::new();
    let mut copy_times = Vec::new();
    let mut checksum = 0u64;
    for rep in 0..=REPS {
        let t = Instant::now();
        let mut acc = [0u64; 8];
        for chunk in src.chunks_exact(8) {
            for j in 0..8 {
                acc[j] = acc[j].wrapping_add(chunk[j]);
            }
        }
        checksum = checksum.wrapping_add(acc.iter().fold(0, |a, &b| a.wrapping_add(b)));
        let read = t.elapsed();

        let t = Instant::now();
        dst.copy_from_slice(&src);
        let copy = t.elapsed();
        checksum = checksum.wrapping_add(std::hint::black_box(&dst)[words / 2]);
        if rep > 0 {
            read_times.push(read);
            copy_times.push(copy);
        }
    }
    let read = median(read_times);
    let copy = median(copy_times);
    let buffer_bytes = words as u64 * 8;

    let scan_gbps = gbps(vector_bytes, scan);
    let read_gbps = gbps(buffer_bytes, read);
    let copy_gbps = gbps(2 * buffer_bytes, copy);
    println!(
        "scan : median {:>8.2} ms over {REPS} reps -> {scan_gbps:6.2} GB/s of vectors ({:.1} M vectors/s)",
        scan.as_secs_f64() * 1e3,
        count as f64 / scan.as_secs_f64() / 1e6
    );
    println!(
        "read : median {:>8.2} ms over {REPS} reps -> {read_gbps:6.2} GB/s (bytes read)",
        read.as_secs_f64() * 1e3
    );
    println!(
        "copy : median {:>8.2} ms over {REPS} reps -> {copy_gbps:6.2} GB/s (bytes read + bytes written = 2 x {:.0} MB)",
        copy.as_secs_f64() * 1e3,
        buffer_bytes as f64 / 1e6
    );
    println!(
        "scan / read = {:.0} %, scan / copy = {:.0} %   (checksum {checksum:x}, best hit {} {})",
        100.0 * scan_gbps / read_gbps,
        100.0 * scan_gbps / copy_gbps,
        ids[0],
        scores[0]
    );
    println!(
        "scan reps (ms): {:?}",
        scan_times
            .iter()
            .map(|t| (t.as_secs_f64() * 1e4).round() / 10.0)
            .collect::<Vec<_>>()
    );
}
