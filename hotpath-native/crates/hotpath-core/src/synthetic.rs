//! The deterministic clustered synthetic data generator (README, "Synthetic data").
//!
//! Only integer operations and float32 add/multiply are used, so the Java reference engine
//! reproduces every bit. Vectors are generated before any cosine normalization; the engine
//! normalizes them afterwards with the canonical arithmetic.

use crate::prng::SplitMix64;

/// Number of clusters used when a request asks for 0.
pub const DEFAULT_CLUSTERS: u32 = 16;
/// Multiplier that derives a vector's own seed from its id.
pub const ID_SEED_MULTIPLIER: u64 = 0xD1B5_4A32_D192_ED03;

/// Generates the vectors of one synthetic collection: fixed seed, clusters and dim.
#[derive(Debug, Clone)]
pub struct Generator {
    seed: u64,
    dim: usize,
    clusters: u64,
    /// `clusters × dim`, row-major.
    centroids: Vec<f32>,
}

impl Generator {
    /// The generator of `seed` with `clusters` clusters (0 means [`DEFAULT_CLUSTERS`]) of
    /// `dim`-dimensional vectors. Draws the centroids: `SplitMix64(seed)`, then for each cluster
    /// and each dimension in order, `centroid[c][d] = sym()`.
    pub fn new(seed: u64, clusters: u32, dim: usize) -> Self {
        let clusters = u64::from(if clusters == 0 {
            DEFAULT_CLUSTERS
        } else {
            clusters
        });
        let mut rng = SplitMix64::new(seed);
        let centroids = (0..clusters as usize * dim).map(|_| rng.sym()).collect();
        Self {
            seed,
            dim,
            clusters,
            centroids,
        }
    }

    /// Vector dimension.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Bytes held by the centroids (charged while a collection is generated).
    pub fn centroid_bytes(&self) -> u64 {
        self.centroids.len() as u64 * 4
    }

    /// Writes vector `id` into `out` (`dim` floats):
    /// `rng = SplitMix64(seed ^ (id + 1) * 0xD1B54A32D192ED03)` (wrapping), `cluster = next() % C`,
    /// then per dimension `noise = ((u + u) + u) + u - 2`, `v[d] = centroid[cluster][d] + 0.25 * noise`.
    ///
    /// # Panics
    /// If `out.len() != dim`.
    pub fn vector_into(&self, id: u64, out: &mut [f32]) {
        assert_eq!(out.len(), self.dim, "output must hold dim floats");
        let mut rng =
            SplitMix64::new(self.seed ^ id.wrapping_add(1).wrapping_mul(ID_SEED_MULTIPLIER));
        let cluster = (rng.next_u64() % self.clusters) as usize;
        let centroid = &self.centroids[cluster * self.dim..(cluster + 1) * self.dim];
        for (v, &c) in out.iter_mut().zip(centroid) {
            let u1 = rng.unit();
            let u2 = rng.unit();
            let u3 = rng.unit();
            let u4 = rng.unit();
            let noise = ((u1 + u2) + u3) + u4 - 2.0;
            *v = c + 0.25 * noise;
        }
    }

    /// Vector `id` as a new `Vec`.
    pub fn vector(&self, id: u64) -> Vec<f32> {
        let mut out = vec![0.0; self.dim];
        self.vector_into(id, &mut out);
        out
    }
}

/// Number of ids in `0..count` with `id % shard_count == shard_index` (`shard_count` 0 is 1).
pub fn shard_len(count: u64, shard_index: u32, shard_count: u32) -> u64 {
    let n = u64::from(shard_count.max(1));
    let i = u64::from(shard_index);
    if i >= count {
        0
    } else {
        (count - i).div_ceil(n)
    }
}

/// The `j`-th id of shard `shard_index` of `shard_count`: `shard_index + j * shard_count`.
#[inline]
pub fn shard_id(j: u64, shard_index: u32, shard_count: u32) -> u64 {
    u64::from(shard_index) + j * u64::from(shard_count.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_bits_different_seed_different_bits() {
        let a = Generator::new(1, 0, 8);
        let b = Generator::new(1, 0, 8);
        let c = Generator::new(2, 0, 8);
        for id in 0..20 {
            assert_eq!(a.vector(id), b.vector(id));
        }
        assert_ne!(a.vector(0), c.vector(0));
    }

    #[test]
    fn values_stay_near_their_centroid() {
        let g = Generator::new(3, 4, 16);
        for id in 0..100 {
            for x in g.vector(id) {
                assert!((-1.5..1.5).contains(&x), "{x}");
            }
        }
    }

    #[test]
    fn shard_sizes_add_up() {
        for count in [0u64, 1, 7, 100, 101] {
            for n in [1u32, 2, 3, 7, 200] {
                let total: u64 = (0..n).map(|i| shard_len(count, i, n)).sum();
                assert_eq!(total, count, "count {count} shards {n}");
                for i in 0..n {
                    let len = shard_len(count, i, n);
                    if len > 0 {
                        assert!(shard_id(len - 1, i, n) < count);
                        assert!(shard_id(len, i, n) >= count);
                    }
                }
            }
        }
        assert_eq!(shard_len(10, 0, 0), 10);
    }
}
