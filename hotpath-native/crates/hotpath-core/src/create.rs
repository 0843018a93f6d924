//! `CreateCollection`: an empty, synthetic or file-backed collection, charged against the
//! memory budget before anything is allocated.

use std::sync::Mutex;

use crate::collection::{Collection, ID_BYTES};
use crate::engine::Engine;
use crate::error::CoreError;
use crate::fvecs::{FvecsFile, FvecsRequest};
use crate::kernels::{Kernel, normalize};
use crate::proto::core_v1::create_collection_request::Source;
use crate::proto::core_v1::{
    CreateCollectionRequest, CreateCollectionResponse, ErrorReason, Metric, SyntheticSource,
};
use crate::stop::StopSignal;
use crate::synthetic::{Generator, shard_id, shard_len};
use crate::validate::{MAX_DIM, Violations, relative_path};

/// Most vectors of a synthetic collection.
const MAX_SYNTHETIC_COUNT: u64 = 100_000_000;
/// Most clusters of a synthetic collection.
const MAX_CLUSTERS: u64 = 4096;
/// Most shards of a logical collection.
const MAX_SHARDS: u64 = 1024;
/// Vectors below which synthetic generation stays on the calling thread.
const PARALLEL_THRESHOLD: u64 = 4096;

/// The validated shape of a create request.
struct Shape {
    dim: usize,
    metric: Metric,
    shard_index: u32,
    shard_count: u32,
}

impl Engine {
    /// Creates a collection (this core's shard of it): empty, from deterministic synthetic data,
    /// or from an `.fvecs` file under `EngineConfig::data_dir`. Generation and loading poll
    /// `stop`. Cosine collections are normalized at load (zero vectors refused).
    pub fn create_collection(
        &self,
        req: &CreateCollectionRequest,
        stop: &StopSignal,
    ) -> Result<CreateCollectionResponse, CoreError> {
        let (collection, timing) = self.timed_call(|| {
            let shape = validate(req)?;
            if self.contains(&req.name) {
                return Err(CoreError::AlreadyExists {
                    collection: req.name.clone(),
                });
            }
            stop.check()?;
            let collection = match &req.source {
                None => self.empty(req, &shape)?,
                Some(Source::Synthetic(source)) => self.synthetic(req, &shape, source, stop)?,
                Some(Source::File(file)) => self.file(req, &shape, &file.path, file.limit, stop)?,
            };
            self.insert(collection)
        })?;
        Ok(CreateCollectionResponse {
            collection: Some(collection.info()),
            timing: Some(timing),
        })
    }

    fn empty(&self, req: &CreateCollectionRequest, shape: &Shape) -> Result<Collection, CoreError> {
        let reservation = self.budget.reserve(0)?;
        Ok(new_collection(
            req,
            shape,
            Vec::new(),
            Vec::new(),
            reservation,
        ))
    }

    fn synthetic(
        &self,
        req: &CreateCollectionRequest,
        shape: &Shape,
        source: &SyntheticSource,
        stop: &StopSignal,
    ) -> Result<Collection, CoreError> {
        let dim = shape.dim;
        let count = shard_len(source.count, shape.shard_index, shape.shard_count);
        let reservation = self.budget.reserve(count * (dim as u64 * 4 + ID_BYTES))?;
        let generator = Generator::new(source.seed, source.clusters, dim);
        // The centroids live only while the collection is generated.
        let _centroids = self.budget.reserve(generator.centroid_bytes())?;

        let ids: Vec<u64> = (0..count)
            .map(|j| shard_id(j, shape.shard_index, shape.shard_count))
            .collect();
        let mut vectors = vec![0.0f32; count as usize * dim];
        let cosine = shape.metric == Metric::Cosine;
        let fill = |first_row: usize, rows: &mut [f32]| -> Result<(), CoreError> {
            for (j, out) in rows.chunks_exact_mut(dim).enumerate() {
                let id = ids[first_row + j];
                generator.vector_into(id, out);
                if cosine {
                    normalize(self.kernel, out).map_err(|_| CoreError::Internal {
                        message: format!("synthetic vector {id} cannot be normalized"),
                        debug_detail: None,
                    })?;
                }
            }
            Ok(())
        };
        let chunk_rows = (65_536 / dim).max(1);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        if count < PARALLEL_THRESHOLD || threads == 1 {
            for (c, chunk) in vectors.chunks_mut(chunk_rows * dim).enumerate() {
                stop.check()?;
                fill(c * chunk_rows, chunk)?;
            }
        } else {
            // Each vector depends only on (seed, id), so chunks are generated in any order.
            let chunks = Mutex::new(vectors.chunks_mut(chunk_rows * dim).enumerate());
            let first_error: Mutex<Option<CoreError>> = Mutex::new(None);
            std::thread::scope(|scope| {
                for _ in 0..threads {
                    scope.spawn(|| {
                        loop {
                            let next = chunks.lock().unwrap_or_else(|e| e.into_inner()).next();
                            let Some((c, chunk)) = next else { return };
                            let result = stop.check().and_then(|()| fill(c * chunk_rows, chunk));
                            if let Err(e) = result {
                                first_error
                                    .lock()
                                    .unwrap_or_else(|e| e.into_inner())
                                    .get_or_insert(e);
                                return;
                            }
                            if first_error
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .is_some()
                            {
                                return;
                            }
                        }
                    });
                }
            });
            if let Some(e) = first_error.into_inner().unwrap_or_else(|e| e.into_inner()) {
                return Err(e);
            }
        }
        Ok(new_collection(req, shape, vectors, ids, reservation))
    }

    fn file(
        &self,
        req: &CreateCollectionRequest,
        shape: &Shape,
        path: &str,
        limit: u64,
        stop: &StopSignal,
    ) -> Result<Collection, CoreError> {
        let Some(data_dir) = self.config.data_dir.as_ref() else {
            return Err(CoreError::SourceUnavailable {
                path: path.to_owned(),
                detail: "file loading is disabled: the core has no data directory".to_owned(),
            });
        };
        let file = FvecsFile::open(
            &data_dir.join(path),
            FvecsRequest {
                display_path: path,
                dim: shape.dim,
                limit,
                shard_index: shape.shard_index,
                shard_count: shape.shard_count,
            },
        )?;
        let count = file.shard_count();
        let reservation = self
            .budget
            .reserve(count * (shape.dim as u64 * 4 + ID_BYTES))?;
        let mut ids = Vec::with_capacity(count as usize);
        let mut vectors = Vec::with_capacity(count as usize * shape.dim);
        file.read_into(&mut ids, &mut vectors, stop)?;
        if shape.metric == Metric::Cosine {
            normalize_rows(self.kernel, &mut vectors, &ids, shape.dim, stop)?;
        }
        Ok(new_collection(req, shape, vectors, ids, reservation))
    }
}

/// Normalizes every row of a file-backed cosine collection.
fn normalize_rows(
    kernel: Kernel,
    vectors: &mut [f32],
    ids: &[u64],
    dim: usize,
    stop: &StopSignal,
) -> Result<(), CoreError> {
    let check_every = (262_144 / dim).max(1);
    for (r, row) in vectors.chunks_exact_mut(dim).enumerate() {
        if r % check_every == 0 {
            stop.check()?;
        }
        normalize(kernel, row).map_err(|why| {
            CoreError::invalid(
                ErrorReason::InvalidField,
                "file.path",
                format!("record {}: {why}", ids[r]),
            )
        })?;
    }
    Ok(())
}

fn new_collection(
    req: &CreateCollectionRequest,
    shape: &Shape,
    vectors: Vec<f32>,
    ids: Vec<u64>,
    reservation: crate::budget::Reservation,
) -> Collection {
    Collection::new(
        req.name.clone(),
        shape.dim,
        shape.metric,
        shape.shard_index,
        shape.shard_count,
        vectors,
        ids,
        reservation,
    )
}

/// The protovalidate rules of `CreateCollectionRequest`, plus `shard.index < shard.count` and
/// file paths that stay inside the data directory.
fn validate(req: &CreateCollectionRequest) -> Result<Shape, CoreError> {
    let mut v = Violations::new();
    v.collection_name("name", &req.name);
    v.range("dim", u64::from(req.dim), 1, MAX_DIM as u64);
    let metric = v.metric("metric", req.metric, true);
    let (mut shard_index, mut shard_count) = (0, 1);
    if let Some(shard) = &req.shard
        && v.range("shard.count", u64::from(shard.count), 0, MAX_SHARDS)
    {
        shard_count = shard.count.max(1);
        if shard.index >= shard_count {
            v.add(
                ErrorReason::InvalidField,
                "shard.index",
                format!(
                    "must be less than the shard count {shard_count}, is {}",
                    shard.index
                ),
            );
        }
        shard_index = shard.index;
    }
    match &req.source {
        None => {}
        Some(Source::Synthetic(s)) => {
            v.range("synthetic.count", s.count, 0, MAX_SYNTHETIC_COUNT);
            v.range("synthetic.clusters", u64::from(s.clusters), 0, MAX_CLUSTERS);
        }
        Some(Source::File(f)) if v.string_len("file.path", &f.path, 1, 1024) => {
            relative_path(&mut v, "file.path", &f.path);
        }
        Some(Source::File(_)) => {}
    }
    v.into_result()?;
    Ok(Shape {
        dim: req.dim as usize,
        metric: metric.unwrap_or(Metric::Dot),
        shard_index,
        shard_count,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU32;

    use super::*;
    use crate::EngineConfig;
    use crate::proto::core_v1::ShardSpec;

    fn synthetic(
        name: &str,
        dim: u32,
        metric: Metric,
        count: u64,
        shard: Option<ShardSpec>,
    ) -> CreateCollectionRequest {
        CreateCollectionRequest {
            name: name.into(),
            dim,
            metric: metric as i32,
            shard,
            source: Some(Source::Synthetic(SyntheticSource {
                seed: 5,
                count,
                clusters: 3,
            })),
        }
    }

    #[test]
    fn synthetic_collection_matches_the_generator_in_parallel_and_sequential_paths() {
        let engine = Engine::new(EngineConfig::default());
        let flag = AtomicU32::new(0);
        let stop = StopSignal::new(None, &flag);
        for count in [100, PARALLEL_THRESHOLD + 123] {
            let name = format!("c{count}");
            let info = engine
                .create_collection(&synthetic(&name, 24, Metric::L2, count, None), &stop)
                .unwrap()
                .collection
                .unwrap();
            assert_eq!(info.count, count);
            assert_eq!(info.memory_bytes, count * (24 * 4 + 8));
            let collection = engine.collection(&name).unwrap();
            let data = collection.read();
            let generator = Generator::new(5, 3, 24);
            for id in [0, 1, count / 2, count - 1] {
                let row = data.row_of(id).unwrap();
                assert_eq!(
                    &data.vectors[row * 24..(row + 1) * 24],
                    generator.vector(id).as_slice()
                );
            }
        }
    }

    #[test]
    fn shard_holds_its_ids() {
        let engine = Engine::new(EngineConfig::default());
        let flag = AtomicU32::new(0);
        let stop = StopSignal::new(None, &flag);
        let req = synthetic(
            "s",
            4,
            Metric::Dot,
            10,
            Some(ShardSpec { index: 1, count: 3 }),
        );
        let info = engine
            .create_collection(&req, &stop)
            .unwrap()
            .collection
            .unwrap();
        assert_eq!(info.count, 3);
        assert_eq!(engine.collection("s").unwrap().read().ids, vec![1, 4, 7]);
    }

    #[test]
    fn budget_is_checked_before_allocating() {
        let engine = Engine::new(EngineConfig {
            memory_budget_bytes: 1000,
            ..Default::default()
        });
        let flag = AtomicU32::new(0);
        let stop = StopSignal::new(None, &flag);
        let err = engine
            .create_collection(
                &synthetic("big", 4096, Metric::Dot, 100_000_000, None),
                &stop,
            )
            .unwrap_err();
        assert!(matches!(
            err,
            CoreError::MemoryBudgetExceeded { budget: 1000, .. }
        ));
        assert_eq!(engine.stats().memory_used_bytes, 0);
    }
}
