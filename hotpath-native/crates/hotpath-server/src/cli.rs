//! Command line and environment (`HOTPATH_*`) configuration of the server.
//!
//! Every flag has an environment variable; a flag given on the command line wins.

use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use hotpath_core::proto::core_v1::ShardSpec;

use crate::preload::PreloadSpec;

/// Default cap on a call's deadline, also the deadline of calls that send no `grpc-timeout`.
pub const DEFAULT_MAX_DEADLINE: &str = "60s";
/// Default cap on one decoded or encoded HotPath message (a 64 MiB Rerank holds about
/// 43,000 candidates of dimension 384).
pub const DEFAULT_MAX_MESSAGE_SIZE: &str = "64MiB";

/// `hotpath-server`: the hybrid-gateway core behind gRPC.
///
/// Serves `hybrid.core.v1.HotPath`, `grpc.health.v1.Health`, server reflection (v1 and v1alpha)
/// and `grpc.testing.TestService` (for the official interop clients) on one plaintext HTTP/2
/// port. Prints `hotpath-server listening on ADDR` on stdout once the preloads are done and the
/// port is bound; logs go to stderr.
#[derive(Debug, Clone, Parser)]
#[command(name = "hotpath-server", version, about, long_about = None)]
pub struct Cli {
    /// Address to listen on; port 0 picks a free port (printed on stdout).
    #[arg(long, env = "HOTPATH_LISTEN", default_value = "127.0.0.1:50051")]
    pub listen: SocketAddr,

    /// The shard this core holds, as INDEX/COUNT (ids with id % COUNT == INDEX); applied to
    /// the preloaded collections.
    #[arg(long, env = "HOTPATH_SHARD", default_value = "0/1", value_parser = parse_shard)]
    pub shard: ShardSpec,

    /// Collection created before the server reports SERVING, repeatable:
    /// NAME:synthetic:seed=42,count=100000,dim=384,metric=cosine[,clusters=16] or
    /// NAME:file:path=base.fvecs,dim=128,metric=l2[,limit=N]. In the environment, separate
    /// several with ';'.
    #[arg(long, env = "HOTPATH_PRELOAD", value_delimiter = ';')]
    pub preload: Vec<PreloadSpec>,

    /// Memory budget for collections, bytes with an optional unit (KiB, MiB, GiB, KB, MB, GB);
    /// default: the core's (75% of physical memory, or 8 GiB when unknown).
    #[arg(long, env = "HOTPATH_MEMORY_BUDGET", value_parser = parse_bytes)]
    pub memory_budget: Option<u64>,

    /// Threads of the compute pool; default: the number of cores.
    #[arg(long, env = "HOTPATH_COMPUTE_THREADS")]
    pub compute_threads: Option<NonZeroUsize>,

    /// Calls that may wait for a compute thread; a call beyond this is refused with
    /// UNAVAILABLE + RetryInfo (load shedding). Default: 64 per compute thread.
    #[arg(long, env = "HOTPATH_QUEUE_CAPACITY")]
    pub queue_capacity: Option<NonZeroUsize>,

    /// Tokio worker threads for network I/O and protobuf (de)serialization; compute never
    /// runs on them.
    #[arg(long, env = "HOTPATH_IO_THREADS", default_value = "2")]
    pub io_threads: NonZeroUsize,

    /// Directory that FileSource paths are resolved under; unset disables file loading.
    #[arg(long, env = "HOTPATH_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Log filter (tracing-subscriber syntax, e.g. `info` or `hotpath_server=debug`);
    /// RUST_LOG wins when set.
    #[arg(long, env = "HOTPATH_LOG_LEVEL", default_value = "info")]
    pub log_level: String,

    /// Debug mode: INTERNAL errors carry google.rpc.DebugInfo (never enable in production).
    #[arg(long, env = "HOTPATH_DEBUG")]
    pub debug: bool,

    /// Enables the core's test hooks (forced panics for boundary tests).
    #[arg(long, env = "HOTPATH_ENABLE_TEST_HOOKS")]
    pub enable_test_hooks: bool,

    /// Longest deadline the server grants a call (e.g. 60s, 1500ms; 0 = no cap). Calls without
    /// grpc-timeout get exactly this deadline; longer client deadlines are cut to it.
    #[arg(long, env = "HOTPATH_MAX_DEADLINE", default_value = DEFAULT_MAX_DEADLINE, value_parser = parse_duration)]
    pub max_deadline: Duration,

    /// Largest HotPath request or response message, bytes with an optional unit.
    #[arg(long, env = "HOTPATH_MAX_MESSAGE_SIZE", default_value = DEFAULT_MAX_MESSAGE_SIZE, value_parser = parse_bytes)]
    pub max_message_size: u64,

    /// How long a graceful shutdown waits for in-flight calls before closing connections.
    #[arg(long, env = "HOTPATH_DRAIN_TIMEOUT", default_value = "30s", value_parser = parse_duration)]
    pub drain_timeout: Duration,

    /// Do not serve grpc.testing.TestService (the interop service).
    #[arg(long, env = "HOTPATH_DISABLE_INTEROP")]
    pub disable_interop: bool,
}

impl Cli {
    /// Compute threads: the flag, or the number of cores.
    pub fn compute_threads(&self) -> usize {
        self.compute_threads.map_or_else(
            || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            NonZeroUsize::get,
        )
    }

    /// Compute queue capacity: the flag, or 64 per compute thread.
    pub fn queue_capacity(&self) -> usize {
        self.queue_capacity
            .map_or_else(|| 64 * self.compute_threads(), NonZeroUsize::get)
    }

    /// The deadline cap, `None` when disabled with 0.
    pub fn max_deadline(&self) -> Option<Duration> {
        (!self.max_deadline.is_zero()).then_some(self.max_deadline)
    }

    /// The message size limit as a `usize` (saturating on 32-bit targets).
    pub fn max_message_size(&self) -> usize {
        usize::try_from(self.max_message_size).unwrap_or(usize::MAX)
    }
}

/// Parses `INDEX/COUNT` with `COUNT` in 1..=1024 and `INDEX < COUNT`.
pub fn parse_shard(value: &str) -> Result<ShardSpec, String> {
    let (index, count) = value
        .split_once('/')
        .ok_or_else(|| format!("expected INDEX/COUNT, got {value:?}"))?;
    let index: u32 = index
        .trim()
        .parse()
        .map_err(|e| format!("shard index: {e}"))?;
    let count: u32 = count
        .trim()
        .parse()
        .map_err(|e| format!("shard count: {e}"))?;
    if !(1..=1024).contains(&count) {
        return Err(format!("shard count must be 1..=1024, got {count}"));
    }
    if index >= count {
        return Err(format!("shard index {index} must be < count {count}"));
    }
    Ok(ShardSpec { index, count })
}

/// Parses a byte size: digits with an optional unit `B`, `KB`/`MB`/`GB` (powers of 1000) or
/// `KiB`/`MiB`/`GiB`/`K`/`M`/`G` (powers of 1024), case-insensitive.
pub fn parse_bytes(value: &str) -> Result<u64, String> {
    let value = value.trim();
    let split = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (digits, unit) = value.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("expected a byte size like 512MiB, got {value:?}"))?;
    let multiplier: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit {other:?} in {value:?}")),
    };
    n.checked_mul(multiplier)
        .ok_or_else(|| format!("byte size {value:?} overflows"))
}

/// Parses a duration: digits with a unit `ms`, `s`, `m` or `h` (a bare number is seconds).
pub fn parse_duration(value: &str) -> Result<Duration, String> {
    let value = value.trim();
    let split = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (digits, unit) = value.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("expected a duration like 30s or 500ms, got {value:?}"))?;
    let duration = match unit.trim() {
        "ms" => Duration::from_millis(n),
        "" | "s" => Duration::from_secs(n),
        "m" => Duration::from_secs(n.saturating_mul(60)),
        "h" => Duration::from_secs(n.saturating_mul(3600)),
        other => return Err(format!("unknown duration unit {other:?} in {value:?}")),
    };
    Ok(duration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_documented_values() {
        let cli = Cli::try_parse_from(["hotpath-server"]).unwrap();
        assert_eq!(cli.listen, "127.0.0.1:50051".parse().unwrap());
        assert_eq!(cli.shard, ShardSpec { index: 0, count: 1 });
        assert_eq!(cli.max_deadline(), Some(Duration::from_secs(60)));
        assert_eq!(cli.max_message_size(), 64 << 20);
        assert_eq!(cli.queue_capacity(), 64 * cli.compute_threads());
        assert!(cli.preload.is_empty());
        assert!(!cli.debug && !cli.enable_test_hooks && !cli.disable_interop);
    }

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from([
            "hotpath-server",
            "--listen",
            "127.0.0.1:0",
            "--shard",
            "2/4",
            "--preload",
            "demo:synthetic:seed=42,count=1000,dim=8,metric=cosine",
            "--preload",
            "other:synthetic:seed=1,count=10,dim=4,metric=dot",
            "--memory-budget",
            "512MiB",
            "--compute-threads",
            "3",
            "--queue-capacity",
            "7",
            "--max-deadline",
            "0",
            "--debug",
        ])
        .unwrap();
        assert_eq!(cli.listen.port(), 0);
        assert_eq!(cli.shard, ShardSpec { index: 2, count: 4 });
        assert_eq!(cli.preload.len(), 2);
        assert_eq!(cli.preload[0].name, "demo");
        assert_eq!(cli.memory_budget, Some(512 << 20));
        assert_eq!(cli.compute_threads(), 3);
        assert_eq!(cli.queue_capacity(), 7);
        assert_eq!(cli.max_deadline(), None);
        assert!(cli.debug);
    }

    #[test]
    fn shard_is_checked() {
        assert_eq!(parse_shard("0/1"), Ok(ShardSpec { index: 0, count: 1 }));
        assert!(parse_shard("1/1").is_err());
        assert!(parse_shard("0/0").is_err());
        assert!(parse_shard("0/1025").is_err());
        assert!(parse_shard("3").is_err());
    }

    #[test]
    fn sizes_and_durations_parse() {
        assert_eq!(parse_bytes("1024"), Ok(1024));
        assert_eq!(parse_bytes("64MiB"), Ok(64 << 20));
        assert_eq!(parse_bytes("8 GiB"), Ok(8 << 30));
        assert_eq!(parse_bytes("2GB"), Ok(2_000_000_000));
        assert!(parse_bytes("lots").is_err());
        assert!(parse_bytes("5 parsecs").is_err());
        assert_eq!(parse_duration("60s"), Ok(Duration::from_secs(60)));
        assert_eq!(parse_duration("1500ms"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("2m"), Ok(Duration::from_secs(120)));
        assert_eq!(parse_duration("5"), Ok(Duration::from_secs(5)));
        assert!(parse_duration("5 fortnights").is_err());
    }
}
