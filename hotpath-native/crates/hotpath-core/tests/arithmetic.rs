//! Canonical arithmetic: every kernel equals the naive reference bit for bit, and the engine's
//! scores equal the reference on random data (dims 1..=100 and 384, all metrics).

mod common;

use common::{no_stop, ref_dot, ref_l2, ref_topk};
use hotpath_core::proto::core_v1::{Metric, RerankRequest, Vector};
use hotpath_core::{EngineConfig, Kernel, SplitMix64};

fn random(rng: &mut SplitMix64, n: usize, scale: f32) -> Vec<f32> {
    (0..n).map(|_| rng.sym() * scale).collect()
}

#[test]
fn kernels_equal_the_reference_on_random_inputs() {
    let mut rng = SplitMix64::new(2024);
    for kernel in Kernel::available() {
        for dim in (1..=100).chain([384]) {
            for scale in [1.0f32, 1.0e-20, 3.0e18] {
                let a = random(&mut rng, dim, scale);
                let b = random(&mut rng, dim, scale);
                assert_eq!(
                    kernel.dot(&a, &b).to_bits(),
                    ref_dot(&a, &b).to_bits(),
                    "{} dot dim {dim}",
                    kernel.name()
                );
                assert_eq!(
                    kernel.l2(&a, &b).to_bits(),
                    ref_l2(&a, &b).to_bits(),
                    "{} l2 dim {dim}",
                    kernel.name()
                );
            }
        }
    }
}

#[test]
fn kernels_agree_on_special_values() {
    let specials = [
        0.0f32,
        -0.0,
        1.0e-45,
        -1.0e-45,
        f32::MIN_POSITIVE,
        f32::MAX,
        f32::MIN,
        1.0,
        -1.0,
    ];
    let mut rng = SplitMix64::new(77);
    for kernel in Kernel::available() {
        for dim in [1, 15, 16, 17, 31, 32, 33, 48] {
            for _ in 0..50 {
                let pick = |rng: &mut SplitMix64| -> Vec<f32> {
                    (0..dim)
                        .map(|_| specials[(rng.next_u64() % specials.len() as u64) as usize])
                        .collect()
                };
                let a = pick(&mut rng);
                let b = pick(&mut rng);
                let (got, want) = (kernel.dot(&a, &b), ref_dot(&a, &b));
                // NaN payloads may differ between instruction forms; NaN-ness may not.
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "{a:?} {b:?}"
                );
                let (got, want) = (kernel.l2(&a, &b), ref_l2(&a, &b));
                assert!(
                    got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}

#[test]
fn engine_scores_equal_the_reference_for_every_metric() {
    let mut rng = SplitMix64::new(5);
    for engine in common::engines(EngineConfig::default) {
        for dim in [1usize, 3, 16, 17, 100, 384] {
            let queries: Vec<Vec<f32>> = (0..3).map(|_| random(&mut rng, dim, 2.0)).collect();
            let candidates: Vec<Vec<f32>> = (0..37).map(|_| random(&mut rng, dim, 2.0)).collect();
            for metric in [Metric::Dot, Metric::L2, Metric::Cosine] {
                let req = RerankRequest {
                    queries: queries
                        .iter()
                        .map(|v| Vector { values: v.clone() })
                        .collect(),
                    candidates: candidates
                        .iter()
                        .map(|v| Vector { values: v.clone() })
                        .collect(),
                    candidate_ids: vec![],
                    k: 37,
                    metric: metric as i32,
                };
                let resp = engine.rerank(&req, &no_stop()).unwrap();
                let rows: Vec<(u64, Vec<f32>)> = candidates
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, v)| (i as u64, v))
                    .collect();
                for (q, result) in queries.iter().zip(&resp.results) {
                    let got: Vec<(u64, u32)> = result
                        .hits
                        .iter()
                        .map(|h| (h.id, h.score.to_bits()))
                        .collect();
                    assert_eq!(
                        got,
                        ref_topk(metric, q, &rows, 37),
                        "{} {metric:?} dim {dim}",
                        engine.kernel().name()
                    );
                }
            }
        }
    }
}

#[test]
fn no_fused_multiply_add() {
    // Lane 0 sees i = 0 and i = 16. acc = 1 * -1 = -1, then (1 + 2^-13)(1 - 2^-13) = 1 - 2^-26
    // rounds to 1 before the add, giving 0; a fused multiply-add would give -2^-26.
    let e = 1.0f32 / 8192.0;
    let mut a = vec![0.0f32; 17];
    let mut b = vec![0.0f32; 17];
    (a[0], b[0]) = (1.0, -1.0);
    (a[16], b[16]) = (1.0 + e, 1.0 - e);
    for kernel in Kernel::available() {
        assert_eq!(
            kernel.dot(&a, &b).to_bits(),
            0.0f32.to_bits(),
            "{}",
            kernel.name()
        );
    }
    assert_eq!(ref_dot(&a, &b).to_bits(), 0.0f32.to_bits());
}
