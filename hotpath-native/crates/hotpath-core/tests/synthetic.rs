//! Synthetic data: deterministic, equal to the documented generator, and sharded so that shard
//! i of n holds exactly the ids with id % n == i, with the same bits as the unsharded collection.

mod common;

use common::{no_stop, ref_dot, ref_l2, ref_normalize, search, synthetic};
use hotpath_core::proto::core_v1::{IdFilter, Metric};
use hotpath_core::synthetic::Generator;
use hotpath_core::{Engine, EngineConfig, SplitMix64};

/// The README's generator, written out independently.
fn readme_vector(seed: u64, clusters: u64, dim: usize, id: u64) -> Vec<f32> {
    let mut rng = SplitMix64::new(seed);
    let centroids: Vec<f32> = (0..clusters as usize * dim).map(|_| rng.sym()).collect();
    let mut rng = SplitMix64::new(seed ^ (id + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
    let c = (rng.next_u64() % clusters) as usize;
    (0..dim)
        .map(|d| {
            let noise = ((rng.unit() + rng.unit()) + rng.unit()) + rng.unit() - 2.0;
            centroids[c * dim + d] + 0.25 * noise
        })
        .collect()
}

#[test]
fn unit_is_the_top_24_bits() {
    let mut a = SplitMix64::new(99);
    let mut b = SplitMix64::new(99);
    for _ in 0..100 {
        let bits = b.next_u64() >> 40;
        assert_eq!(a.unit(), bits as f32 / 16_777_216.0);
    }
}

#[test]
fn generator_follows_the_readme() {
    for (seed, clusters, dim) in [(0u64, 16u32, 8usize), (42, 3, 17), (u64::MAX, 1, 384)] {
        let g = Generator::new(seed, clusters, dim);
        for id in [0u64, 1, 2, 1000, u64::MAX - 1] {
            let got: Vec<u32> = g.vector(id).iter().map(|x| x.to_bits()).collect();
            let want: Vec<u32> = readme_vector(seed, clusters as u64, dim, id)
                .iter()
                .map(|x| x.to_bits())
                .collect();
            assert_eq!(got, want, "seed {seed} id {id}");
        }
    }
    // clusters = 0 means 16.
    assert_eq!(
        Generator::new(7, 0, 5).vector(3),
        Generator::new(7, 16, 5).vector(3)
    );
}

#[test]
fn collection_holds_the_generated_vectors() {
    let dim = 20;
    let count = 300;
    for engine in common::engines(EngineConfig::default) {
        for metric in [Metric::Dot, Metric::L2, Metric::Cosine] {
            let name = format!("{metric:?}");
            engine
                .create_collection(&synthetic(&name, dim, metric, 11, count, None), &no_stop())
                .unwrap();
            let query: Vec<f32> = (0..dim).map(|i| i as f32 * 0.1 - 1.0).collect();
            let resp = engine
                .search(
                    &search(&name, vec![query.clone()], count as u32),
                    &no_stop(),
                )
                .unwrap();
            assert_eq!(resp.results[0].hits.len(), count as usize);
            assert_eq!(resp.vectors_scanned, count);
            for hit in &resp.results[0].hits {
                let v = readme_vector(11, 16, dim as usize, hit.id);
                let want = match metric {
                    Metric::Dot => ref_dot(&query, &v),
                    Metric::L2 => ref_l2(&query, &v),
                    _ => ref_dot(&ref_normalize(&query), &ref_normalize(&v)),
                };
                assert_eq!(
                    hit.score.to_bits(),
                    want.to_bits(),
                    "{metric:?} id {}",
                    hit.id
                );
            }
        }
    }
}

#[test]
fn shard_i_of_n_is_the_filtered_part_of_the_whole() {
    let engine = Engine::new(EngineConfig::default());
    let (dim, count) = (12u32, 1001u64);
    engine
        .create_collection(
            &synthetic("whole", dim, Metric::L2, 3, count, None),
            &no_stop(),
        )
        .unwrap();
    let query: Vec<f32> = (0..dim).map(|i| (i as f32).sin()).collect();
    for n in [1u32, 2, 3, 7] {
        for i in 0..n {
            let name = format!("shard-{i}-of-{n}");
            let info = engine
                .create_collection(
                    &synthetic(&name, dim, Metric::L2, 3, count, Some((i, n))),
                    &no_stop(),
                )
                .unwrap()
                .collection
                .unwrap();
            let mine: Vec<u64> = (0..count)
                .filter(|id| id % u64::from(n) == u64::from(i))
                .collect();
            assert_eq!(info.count, mine.len() as u64);

            let shard = engine
                .search(&search(&name, vec![query.clone()], 1000), &no_stop())
                .unwrap();
            let mut filtered_req = search("whole", vec![query.clone()], 1000);
            filtered_req.filter = Some(IdFilter { ids: mine.clone() });
            let filtered = engine.search(&filtered_req, &no_stop()).unwrap();
            assert_eq!(shard.results, filtered.results, "shard {i} of {n}");
            assert!(
                shard.results[0]
                    .hits
                    .iter()
                    .all(|h| h.id % u64::from(n) == u64::from(i))
            );
        }
    }
}

#[test]
fn same_request_same_bits_across_engines_and_runs() {
    let mut results = Vec::new();
    for engine in common::engines(EngineConfig::default) {
        for _ in 0..2 {
            engine
                .create_collection(
                    &synthetic("d", 33, Metric::Cosine, 8, 500, None),
                    &no_stop(),
                )
                .unwrap();
            let resp = engine
                .search(&search("d", vec![vec![0.25; 33]], 10), &no_stop())
                .unwrap();
            results.push(resp.results);
            engine
                .delete_collection(&hotpath_core::proto::core_v1::DeleteCollectionRequest {
                    name: "d".into(),
                })
                .unwrap();
        }
    }
    assert!(results.windows(2).all(|w| w[0] == w[1]));
}
