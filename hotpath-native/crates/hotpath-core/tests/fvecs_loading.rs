//! Loading `.fvecs` files: ids are record positions, `limit` and the shard filter apply, and
//! bad files or paths are refused with the documented errors.

mod common;

use std::path::PathBuf;

use common::{decode_status, no_stop, ref_dot, search};
use hotpath_core::proto::core_v1::create_collection_request::Source;
use hotpath_core::proto::core_v1::{
    CreateCollectionRequest, ErrorReason, FileSource, Metric, ShardSpec,
};
use hotpath_core::{CoreError, Engine, EngineConfig, write_fvecs};

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("hotpath-core-test-{}-{tag}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn file_request(
    name: &str,
    dim: u32,
    path: &str,
    limit: u64,
    shard: Option<(u32, u32)>,
) -> CreateCollectionRequest {
    CreateCollectionRequest {
        name: name.into(),
        dim,
        metric: Metric::Dot as i32,
        shard: shard.map(|(index, count)| ShardSpec { index, count }),
        source: Some(Source::File(FileSource {
            path: path.into(),
            limit,
        })),
    }
}

fn engine_in(dir: &TempDir) -> Engine {
    Engine::new(EngineConfig {
        data_dir: Some(dir.0.clone()),
        ..Default::default()
    })
}

#[test]
fn loads_records_with_limit_and_shard() {
    let dir = TempDir::new("load");
    let dim = 5usize;
    let values: Vec<f32> = (0..dim * 40).map(|i| (i as f32 * 0.37).cos()).collect();
    std::fs::create_dir_all(dir.0.join("sets")).unwrap();
    write_fvecs(&dir.0.join("sets/v.fvecs"), dim, &values).unwrap();
    let engine = engine_in(&dir);

    let info = engine
        .create_collection(
            &file_request("all", dim as u32, "sets/v.fvecs", 0, None),
            &no_stop(),
        )
        .unwrap()
        .collection
        .unwrap();
    assert_eq!(info.count, 40);
    assert_eq!(info.memory_bytes, 40 * (5 * 4 + 8));

    let info = engine
        .create_collection(
            &file_request("part", dim as u32, "sets/v.fvecs", 25, Some((2, 4))),
            &no_stop(),
        )
        .unwrap()
        .collection
        .unwrap();
    assert_eq!(info.count, 6, "ids 2, 6, 10, 14, 18, 22");

    let query = vec![1.0, -0.5, 0.25, 2.0, 0.0];
    let resp = engine
        .search(&search("part", vec![query.clone()], 100), &no_stop())
        .unwrap();
    let mut ids: Vec<u64> = resp.results[0].hits.iter().map(|h| h.id).collect();
    ids.sort_unstable();
    assert_eq!(ids, vec![2, 6, 10, 14, 18, 22]);
    for hit in &resp.results[0].hits {
        let row = &values[hit.id as usize * dim..(hit.id as usize + 1) * dim];
        assert_eq!(hit.score.to_bits(), ref_dot(&query, row).to_bits());
    }
}

#[test]
fn an_empty_file_is_an_empty_collection() {
    let dir = TempDir::new("empty");
    std::fs::write(dir.0.join("e.fvecs"), b"").unwrap();
    let info = engine_in(&dir)
        .create_collection(&file_request("e", 3, "e.fvecs", 0, None), &no_stop())
        .unwrap()
        .collection
        .unwrap();
    assert_eq!(info.count, 0);
}

#[test]
fn file_errors() {
    let dir = TempDir::new("errors");
    write_fvecs(&dir.0.join("d4.fvecs"), 4, &[1.0; 8]).unwrap();
    write_fvecs(&dir.0.join("nan.fvecs"), 2, &[1.0, 2.0, f32::NAN, 0.0]).unwrap();
    let mut truncated = std::fs::read(dir.0.join("d4.fvecs")).unwrap();
    truncated.truncate(truncated.len() - 3);
    std::fs::write(dir.0.join("cut.fvecs"), truncated).unwrap();
    let engine = engine_in(&dir);

    // Wrong dim: INVALID_ARGUMENT, DIMENSION_MISMATCH on "dim".
    let err = engine
        .create_collection(&file_request("a", 3, "d4.fvecs", 0, None), &no_stop())
        .unwrap_err();
    let d = decode_status(&err);
    assert_eq!(d.status.code, 3);
    assert_eq!(d.info.unwrap().reason, "DIMENSION_MISMATCH");
    assert_eq!(d.fields, vec!["dim"]);

    // Non-finite value.
    let err = engine
        .create_collection(&file_request("b", 2, "nan.fvecs", 0, None), &no_stop())
        .unwrap_err();
    let d = decode_status(&err);
    assert_eq!(d.info.unwrap().reason, "NON_FINITE_VALUE");
    assert_eq!(d.fields, vec!["file.path"]);

    // Missing and truncated files: FAILED_PRECONDITION with metadata path.
    for path in ["missing.fvecs", "cut.fvecs"] {
        let err = engine
            .create_collection(&file_request("c", 4, path, 0, None), &no_stop())
            .unwrap_err();
        assert!(
            matches!(err, CoreError::SourceUnavailable { .. }),
            "{err:?}"
        );
        let d = decode_status(&err);
        assert_eq!(d.status.code, 9);
        let info = d.info.unwrap();
        assert_eq!(info.reason, "SOURCE_UNAVAILABLE");
        assert_eq!(info.metadata["path"], path);
    }

    // Paths that leave the data directory.
    for path in ["/etc/passwd", "../d4.fvecs", "x/../../d4.fvecs"] {
        let err = engine
            .create_collection(&file_request("d", 4, path, 0, None), &no_stop())
            .unwrap_err();
        let d = decode_status(&err);
        assert_eq!(d.status.code, 3, "{path}");
        assert_eq!(d.fields, vec!["file.path"]);
    }

    // Nothing was charged by the failures.
    assert_eq!(engine.stats().memory_used_bytes, 0);
    assert!(engine.list_collections().collections.is_empty());
}

#[test]
fn file_loading_is_disabled_without_a_data_dir() {
    let engine = Engine::new(EngineConfig::default());
    let err = engine
        .create_collection(&file_request("a", 4, "v.fvecs", 0, None), &no_stop())
        .unwrap_err();
    assert_eq!(err.code(), 9);
    assert_eq!(err.reason(), ErrorReason::SourceUnavailable);
}
