//! [`Engine`]: the collections of one core, its memory budget and its work counters.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;

use crate::budget::MemoryBudget;
use crate::collection::Collection;
use crate::counters::WorkCounters;
use crate::error::CoreError;
use crate::kernels::Kernel;
use crate::proto::core_v1::{
    CollectionInfo, CoreTiming, DeleteCollectionRequest, DeleteCollectionResponse, EngineStats,
    GetCollectionRequest, ListCollectionsResponse,
};
use crate::validate::{MAX_NAME_CHARS, Violations};

/// Memory budget used when the machine's memory cannot be read: 8 GiB.
pub const FALLBACK_MEMORY_BUDGET: u64 = 8 << 30;

/// How an [`Engine`] runs. Construct with `EngineConfig { field: ..., ..Default::default() }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineConfig {
    /// Bytes that collections (and large per-request buffers) may hold. Default: 75 % of the
    /// physical memory (`MemTotal` of `/proc/meminfo`), or 8 GiB where that cannot be read.
    pub memory_budget_bytes: u64,
    /// Directory that `FileSource` paths are resolved under; `None` (the default) disables file
    /// loading (`FAILED_PRECONDITION`, reason `SOURCE_UNAVAILABLE`).
    pub data_dir: Option<PathBuf>,
    /// Include `DebugInfo` in `INTERNAL` errors. Default false.
    pub debug: bool,
    /// Allow [`crate::Method::DebugPanic`] (a deliberate panic, for boundary tests). Default false.
    pub enable_test_hooks: bool,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            memory_budget_bytes: default_memory_budget(),
            data_dir: None,
            debug: false,
            enable_test_hooks: false,
        }
    }
}

/// 75 % of `MemTotal` from `/proc/meminfo`, or [`FALLBACK_MEMORY_BUDGET`].
pub fn default_memory_budget() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("MemTotal:"))
                .and_then(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
        })
        .map(|kib| kib * 1024 / 4 * 3)
        .unwrap_or(FALLBACK_MEMORY_BUDGET)
}

/// The compute core: resident collections, exact top-k search, memory budget, counters.
///
/// `Send + Sync`; share it as `Arc<Engine>`. Calls are synchronous and run on the caller's
/// thread; long calls poll their [`crate::StopSignal`].
#[derive(Debug)]
pub struct Engine {
    pub(crate) config: EngineConfig,
    pub(crate) kernel: Kernel,
    pub(crate) budget: Arc<MemoryBudget>,
    pub(crate) counters: WorkCounters,
    collections: RwLock<HashMap<String, Arc<Collection>>>,
}

impl Engine {
    /// An engine with no collections, scoring with [`Kernel::detect`].
    pub fn new(config: EngineConfig) -> Self {
        Self::with_kernel(config, Kernel::detect())
    }

    /// An engine that scores with `kernel` (tests and benchmarks compare kernels this way; all
    /// kernels return identical bits).
    pub fn with_kernel(config: EngineConfig, kernel: Kernel) -> Self {
        Self {
            budget: MemoryBudget::new(config.memory_budget_bytes),
            config,
            kernel,
            counters: WorkCounters::new(),
            collections: RwLock::new(HashMap::new()),
        }
    }

    /// The configuration this engine was built with.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// The scoring kernel in use.
    pub fn kernel(&self) -> Kernel {
        self.kernel
    }

    /// The live work counters (the FFI and the server increment `panics_caught` and
    /// `rejected_overloaded` here).
    pub fn counters(&self) -> &WorkCounters {
        &self.counters
    }

    /// A snapshot of the counters and gauges.
    pub fn stats(&self) -> EngineStats {
        let c = &self.counters;
        EngineStats {
            vectors_scanned: c.vectors_scanned.load(Ordering::Acquire),
            requests_started: c.requests_started.load(Ordering::Relaxed),
            requests_completed: c.requests_completed.load(Ordering::Relaxed),
            stopped_by_deadline: c.stopped_by_deadline.load(Ordering::Relaxed),
            stopped_by_cancellation: c.stopped_by_cancellation.load(Ordering::Relaxed),
            rejected_overloaded: c.rejected_overloaded.load(Ordering::Relaxed),
            memory_used_bytes: self.budget.used(),
            memory_budget_bytes: self.budget.budget(),
            panics_caught: c.panics_caught.load(Ordering::Relaxed),
            in_flight: c.in_flight.load(Ordering::Relaxed),
        }
    }

    /// Describes one collection.
    pub fn get_collection(&self, req: &GetCollectionRequest) -> Result<CollectionInfo, CoreError> {
        validate_lookup_name(&req.name)?;
        Ok(self.collection(&req.name)?.info())
    }

    /// Deletes one collection; its memory is released when the last running search on it ends.
    pub fn delete_collection(
        &self,
        req: &DeleteCollectionRequest,
    ) -> Result<DeleteCollectionResponse, CoreError> {
        validate_lookup_name(&req.name)?;
        let removed = self
            .collections
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&req.name);
        match removed {
            Some(collection) => Ok(DeleteCollectionResponse {
                collection: Some(collection.info()),
            }),
            None => Err(CoreError::NotFound {
                collection: req.name.clone(),
            }),
        }
    }

    /// Every collection, sorted by name.
    pub fn list_collections(&self) -> ListCollectionsResponse {
        let mut all: Vec<Arc<Collection>> = self
            .collections
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .cloned()
            .collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        ListCollectionsResponse {
            collections: all.iter().map(|c| c.info()).collect(),
        }
    }

    /// The named collection, or `NotFound`.
    pub(crate) fn collection(&self, name: &str) -> Result<Arc<Collection>, CoreError> {
        self.collections
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(name)
            .cloned()
            .ok_or_else(|| CoreError::NotFound {
                collection: name.to_owned(),
            })
    }

    /// Whether a collection of that name exists.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.collections
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .contains_key(name)
    }

    /// Adds a collection unless the name was taken meanwhile.
    pub(crate) fn insert(&self, collection: Collection) -> Result<Arc<Collection>, CoreError> {
        let mut all = self
            .collections
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        if all.contains_key(&collection.name) {
            return Err(CoreError::AlreadyExists {
                collection: collection.name.clone(),
            });
        }
        let collection = Arc::new(collection);
        all.insert(collection.name.clone(), Arc::clone(&collection));
        Ok(collection)
    }

    /// Runs a compute call (Search, Rerank and their raw forms): counts it started, in flight,
    /// completed or stopped, and returns its timing with `compute_ns` filled.
    pub(crate) fn compute_call<T>(
        &self,
        call: impl FnOnce() -> Result<T, CoreError>,
    ) -> Result<(T, CoreTiming), CoreError> {
        self.counters
            .requests_started
            .fetch_add(1, Ordering::Relaxed);
        let result = self.timed_call(call);
        if result.is_ok() {
            self.counters
                .requests_completed
                .fetch_add(1, Ordering::Relaxed);
        }
        result
    }

    /// Runs a call that may stop (any call with a `StopSignal`): in flight while it runs,
    /// stops counted, `compute_ns` measured.
    pub(crate) fn timed_call<T>(
        &self,
        call: impl FnOnce() -> Result<T, CoreError>,
    ) -> Result<(T, CoreTiming), CoreError> {
        let _in_flight = self.counters.enter();
        let started = Instant::now();
        match call() {
            Ok(value) => Ok((
                value,
                CoreTiming {
                    compute_ns: elapsed_ns(started),
                    ..Default::default()
                },
            )),
            Err(error) => {
                self.counters.record_stop(&error);
                Err(error)
            }
        }
    }
}

/// Nanoseconds since `started`, saturating.
pub(crate) fn elapsed_ns(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX)
}

/// Get/Delete name rule: 1..=128 characters (no pattern, as in the proto).
fn validate_lookup_name(name: &str) -> Result<(), CoreError> {
    let mut v = Violations::new();
    v.string_len("name", name, 1, MAX_NAME_CHARS);
    v.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_budget_is_positive() {
        assert!(default_memory_budget() > 0);
        let config = EngineConfig::default();
        assert!(!config.debug && !config.enable_test_hooks && config.data_dir.is_none());
    }

    #[test]
    fn engine_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Engine>();
    }

    #[test]
    fn get_and_delete_unknown_collection_is_not_found() {
        let engine = Engine::new(EngineConfig::default());
        let err = engine
            .get_collection(&GetCollectionRequest {
                name: "nope".into(),
            })
            .unwrap_err();
        assert_eq!(
            err,
            CoreError::NotFound {
                collection: "nope".into()
            }
        );
        let err = engine
            .delete_collection(&DeleteCollectionRequest { name: "".into() })
            .unwrap_err();
        assert_eq!(err.code(), 3);
        assert!(engine.list_collections().collections.is_empty());
    }
}
