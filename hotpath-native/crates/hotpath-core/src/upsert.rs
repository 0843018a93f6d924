//! `UpsertVectors`: inserts vectors or replaces those whose id exists, charging any growth
//! against the memory budget before the buffers grow.

use std::collections::HashMap;

use crate::collection::{Data, ID_BYTES};
use crate::engine::Engine;
use crate::error::CoreError;
use crate::kernels::normalize;
use crate::proto::core_v1::{ErrorReason, Metric, UpsertVectorsRequest, UpsertVectorsResponse};
use crate::stop::StopSignal;
use crate::validate::Violations;

/// Most vectors of one upsert.
const MAX_UPSERT: usize = 100_000;

impl Engine {
    /// Inserts or replaces vectors (within one request, a repeated id keeps its last vector).
    /// All-or-nothing: validation, normalization and the memory charge happen before the
    /// collection is touched; `stop` is checked just before the write.
    pub fn upsert_vectors(
        &self,
        req: &UpsertVectorsRequest,
        stop: &StopSignal,
    ) -> Result<UpsertVectorsResponse, CoreError> {
        let ((upserted, count), timing) = self.timed_call(|| {
            let mut v = Violations::new();
            v.collection_name("collection", &req.collection);
            let ids_ok = v.count("ids", req.ids.len(), 1, MAX_UPSERT);
            let vectors_ok = v.count("vectors", req.vectors.len(), 1, MAX_UPSERT);
            if ids_ok && vectors_ok && req.ids.len() != req.vectors.len() {
                v.add(
                    ErrorReason::InvalidField,
                    "vectors",
                    format!(
                        "must have one vector per id ({}), has {}",
                        req.ids.len(),
                        req.vectors.len()
                    ),
                );
            }
            if vectors_ok {
                v.vectors("vectors", &req.vectors);
            }
            v.into_result()?;

            let collection = self.collection(&req.collection)?;
            let dim = collection.dim;
            let mut v = Violations::new();
            v.dims("vectors", &req.vectors, dim, "the collection's dim");
            for (i, &id) in req.ids.iter().enumerate() {
                if v.is_full() {
                    break;
                }
                if !collection.owns(id) {
                    v.add(
                        ErrorReason::InvalidField,
                        format!("ids[{i}]"),
                        format!(
                            "id {id} does not belong to shard {} of {}",
                            collection.shard_index, collection.shard_count
                        ),
                    );
                }
            }
            v.into_result()?;

            let mut values: Vec<f32> = Vec::with_capacity(req.vectors.len() * dim);
            for vector in &req.vectors {
                values.extend_from_slice(&vector.values);
            }
            if collection.metric == Metric::Cosine {
                let mut v = Violations::new();
                for (i, row) in values.chunks_exact_mut(dim).enumerate() {
                    if let Err(why) = normalize(self.kernel, row) {
                        v.add(
                            ErrorReason::InvalidField,
                            format!("vectors[{i}].values"),
                            why,
                        );
                    }
                }
                v.into_result()?;
            }
            stop.check()?;

            let mut data = collection.write();
            let new_ids = new_ids_in_order(&data, &req.ids);
            self.grow(&mut data, &new_ids, dim)?;
            let mut pending: HashMap<u64, usize> = HashMap::new();
            for (&id, row_values) in req.ids.iter().zip(values.chunks_exact(dim)) {
                if let Some(row) = pending.get(&id).copied().or_else(|| data.row_of(id)) {
                    data.overwrite(row, row_values);
                } else {
                    pending.insert(id, data.len());
                    data.push(id, row_values);
                }
            }
            Ok((req.ids.len() as u64, data.len() as u64))
        })?;
        Ok(UpsertVectorsResponse {
            upserted,
            count,
            timing: Some(timing),
        })
    }

    /// Charges and reserves room for `new_ids`: the buffers grow by half again (or exactly,
    /// when the budget is short), and the id → row map is charged once the ids stop being sorted.
    fn grow(&self, data: &mut Data, new_ids: &[u64], dim: usize) -> Result<(), CoreError> {
        if new_ids.is_empty() {
            return Ok(());
        }
        let row_bytes = dim as u64 * 4 + ID_BYTES;
        let needed = data.len() + new_ids.len();
        let capacity = data.capacity_rows();
        let indexed = data.has_index() || !data.stays_sorted_after(new_ids);
        // The charge for buffers holding `rows` rows in total.
        let plan = |rows: usize| -> (u64, Option<usize>) {
            let row_charge = rows.saturating_sub(capacity) as u64 * row_bytes;
            if indexed {
                let items = rows.max(needed);
                let index_charge = Data::index_bytes(items).saturating_sub(data.index_charged);
                (row_charge + index_charge, Some(items))
            } else {
                (row_charge, None)
            }
        };
        let generous = if needed > capacity {
            needed.max(capacity + capacity / 2)
        } else {
            capacity
        };
        let (mut rows, (mut bytes, mut index_items)) = (generous, plan(generous));
        if bytes > 0 && data.reservation.grow(bytes).is_err() {
            (rows, (bytes, index_items)) = (needed, plan(needed));
            data.reservation.grow(bytes)?;
        }
        if let Some(items) = index_items {
            data.index_charged = data.index_charged.max(Data::index_bytes(items));
        }
        data.reserve_rows(rows.saturating_sub(data.len()), dim, index_items);
        Ok(())
    }
}

/// Ids of the request not yet in the collection, first occurrence order, without duplicates.
fn new_ids_in_order(data: &Data, ids: &[u64]) -> Vec<u64> {
    let mut seen = std::collections::HashSet::new();
    ids.iter()
        .copied()
        .filter(|&id| data.row_of(id).is_none() && seen.insert(id))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::AtomicU32;

    use super::*;
    use crate::EngineConfig;
    use crate::proto::core_v1::{CreateCollectionRequest, Vector};

    fn engine_with(name: &str) -> Engine {
        let engine = Engine::new(EngineConfig::default());
        let flag = AtomicU32::new(0);
        let req = CreateCollectionRequest {
            name: name.into(),
            dim: 2,
            metric: Metric::Dot as i32,
            shard: None,
            source: None,
        };
        engine
            .create_collection(&req, &StopSignal::new(None, &flag))
            .unwrap();
        engine
    }

    fn upsert(engine: &Engine, ids: &[u64]) -> UpsertVectorsResponse {
        let flag = AtomicU32::new(0);
        let req = UpsertVectorsRequest {
            collection: "u".into(),
            ids: ids.to_vec(),
            vectors: ids
                .iter()
                .map(|&id| Vector {
                    values: vec![id as f32, 1.0],
                })
                .collect(),
        };
        engine
            .upsert_vectors(&req, &StopSignal::new(None, &flag))
            .unwrap()
    }

    #[test]
    fn new_ids_are_deduplicated_in_first_occurrence_order() {
        let engine = engine_with("u");
        upsert(&engine, &[1, 2]);
        let collection = engine.collection("u").unwrap();
        assert_eq!(
            new_ids_in_order(&collection.read(), &[5, 2, 3, 5, 1, 3]),
            vec![5, 3]
        );
    }

    #[test]
    fn growth_is_charged_by_capacity() {
        let engine = engine_with("u");
        let row = 2 * 4 + 8;
        upsert(&engine, &(0..10).collect::<Vec<_>>());
        assert_eq!(engine.stats().memory_used_bytes, 10 * row);
        // 10 + 1 rows: capacity grows by half again, to 15 rows.
        upsert(&engine, &[10]);
        assert_eq!(engine.stats().memory_used_bytes, 15 * row);
        let collection = engine.collection("u").unwrap();
        assert_eq!(collection.read().capacity_rows(), 15);
        // Out of order: the index is charged too.
        upsert(&engine, &[3, 100, 50]);
        let data = collection.read();
        assert!(data.has_index());
        assert_eq!(
            engine.stats().memory_used_bytes,
            15 * row + data.index_charged
        );
        assert_eq!(data.index_charged, Data::index_bytes(15));
    }
}
