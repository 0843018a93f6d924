//! Scoring kernels and their runtime dispatch.
//!
//! [`Kernel::detect`] picks AVX2 when the CPU has it (`is_x86_feature_detected!`), else the
//! portable scalar kernel. Both implement the canonical arithmetic of DESIGN.md and return
//! identical bits; the environment variable `HOTPATH_KERNEL=scalar` forces the scalar kernel
//! (for benchmarks and cross-checks).

use std::sync::OnceLock;

#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod avx2;
mod scalar;

/// A scoring kernel that is known to run on this CPU (constructing one checks the CPU).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Kernel(Kind);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Scalar,
    #[cfg(target_arch = "x86_64")]
    Avx2(avx2::Avx2),
}

impl Kernel {
    /// The portable scalar kernel (always available): the reference implementation.
    pub fn scalar() -> Self {
        Self(Kind::Scalar)
    }

    /// The AVX2 kernel, if this CPU supports AVX2.
    pub fn avx2() -> Option<Self> {
        #[cfg(target_arch = "x86_64")]
        {
            avx2::Avx2::detect().map(|token| Self(Kind::Avx2(token)))
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            None
        }
    }

    /// The fastest kernel of this CPU, unless `HOTPATH_KERNEL=scalar` is set (read once).
    pub fn detect() -> Self {
        static DETECTED: OnceLock<Kernel> = OnceLock::new();
        *DETECTED.get_or_init(|| {
            let forced_scalar = std::env::var("HOTPATH_KERNEL")
                .map(|v| v.eq_ignore_ascii_case("scalar"))
                .unwrap_or(false);
            if forced_scalar {
                Self::scalar()
            } else {
                Self::avx2().unwrap_or_else(Self::scalar)
            }
        })
    }

    /// Every kernel this CPU can run, scalar first.
    pub fn available() -> Vec<Self> {
        let mut kernels = vec![Self::scalar()];
        kernels.extend(Self::avx2());
        kernels
    }

    /// `"scalar"` or `"avx2"`.
    pub fn name(self) -> &'static str {
        match self.0 {
            Kind::Scalar => "scalar",
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2(_) => "avx2",
        }
    }

    /// Canonical dot product of two vectors of equal length.
    ///
    /// # Panics
    /// If the lengths differ.
    pub fn dot(self, a: &[f32], b: &[f32]) -> f32 {
        assert_eq!(a.len(), b.len(), "vector lengths differ");
        match self.0 {
            Kind::Scalar => scalar::dot(a, b),
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2(avx2) => avx2.score::<false>(a, b),
        }
    }

    /// Canonical squared Euclidean distance of two vectors of equal length.
    ///
    /// # Panics
    /// If the lengths differ.
    pub fn l2(self, a: &[f32], b: &[f32]) -> f32 {
        assert_eq!(a.len(), b.len(), "vector lengths differ");
        match self.0 {
            Kind::Scalar => scalar::l2(a, b),
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2(avx2) => avx2.score::<true>(a, b),
        }
    }

    /// `out[r] = score(query, rows[r*dim..(r+1)*dim])` with `dim = query.len()`; squared L2
    /// when `l2` is true, else dot. Rows are visited one after the other (best when they stream
    /// from memory).
    ///
    /// # Panics
    /// If `query` is empty, `rows.len()` is not a multiple of `dim`, or `out` is shorter than the
    /// number of rows.
    pub fn score_rows(self, l2: bool, query: &[f32], rows: &[f32], out: &mut [f32]) {
        self.score_rows_with(l2, query, rows, out, false);
    }

    /// As [`Kernel::score_rows`]; `cached` says the rows are already in cache, where the AVX2
    /// kernel scores four rows at a time. Identical results either way.
    pub(crate) fn score_rows_with(
        self,
        l2: bool,
        query: &[f32],
        rows: &[f32],
        out: &mut [f32],
        cached: bool,
    ) {
        let dim = query.len();
        assert!(
            dim > 0 && rows.len().is_multiple_of(dim),
            "rows must be whole vectors"
        );
        assert!(out.len() >= rows.len() / dim, "output too short");
        match self.0 {
            Kind::Scalar => scalar::score_rows(l2, query, rows, out),
            #[cfg(target_arch = "x86_64")]
            Kind::Avx2(avx2) => match (l2, cached) {
                (false, false) => avx2.score_rows::<false, false>(query, rows, out),
                (false, true) => avx2.score_rows::<false, true>(query, rows, out),
                (true, false) => avx2.score_rows::<true, false>(query, rows, out),
                (true, true) => avx2.score_rows::<true, true>(query, rows, out),
            },
        }
    }
}

/// Cosine preparation: `v[i] / sqrt(dot(v, v))` in float32 with the canonical dot.
///
/// Refuses (leaving `v` unchanged) when the squared norm is zero (a zero vector, or one so small
/// that its squared norm underflows) or overflows to infinity; the error is the description
/// sent in the `BadRequest` field violation.
pub(crate) fn normalize(kernel: Kernel, v: &mut [f32]) -> Result<(), &'static str> {
    let squared = kernel.dot(v, v);
    if squared == 0.0 {
        return Err("zero vector cannot be normalized for cosine");
    }
    if !squared.is_finite() {
        return Err("vector norm overflows float32; cannot be normalized for cosine");
    }
    let norm = squared.sqrt();
    for x in v.iter_mut() {
        *x /= norm;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prng::SplitMix64;

    fn random_vec(rng: &mut SplitMix64, n: usize) -> Vec<f32> {
        (0..n).map(|_| rng.sym() * 100.0).collect()
    }

    #[test]
    fn every_kernel_matches_scalar_bits() {
        let mut rng = SplitMix64::new(9);
        for kernel in Kernel::available() {
            for dim in (1..=100).chain([384, 1000]) {
                for _ in 0..5 {
                    let a = random_vec(&mut rng, dim);
                    let b = random_vec(&mut rng, dim);
                    assert_eq!(kernel.dot(&a, &b).to_bits(), scalar::dot(&a, &b).to_bits());
                    assert_eq!(kernel.l2(&a, &b).to_bits(), scalar::l2(&a, &b).to_bits());
                }
            }
        }
    }

    #[test]
    fn score_rows_matches_pairwise_scores() {
        let mut rng = SplitMix64::new(10);
        for kernel in Kernel::available() {
            for dim in [1, 7, 16, 17, 33, 384] {
                for rows_n in [1, 3, 4, 5, 9] {
                    let q = random_vec(&mut rng, dim);
                    let rows = random_vec(&mut rng, dim * rows_n);
                    let mut out = vec![0.0; rows_n];
                    for (l2, cached) in [(false, false), (false, true), (true, false), (true, true)]
                    {
                        kernel.score_rows_with(l2, &q, &rows, &mut out, cached);
                        for (r, row) in rows.chunks_exact(dim).enumerate() {
                            let want = if l2 {
                                scalar::l2(&q, row)
                            } else {
                                scalar::dot(&q, row)
                            };
                            assert_eq!(
                                out[r].to_bits(),
                                want.to_bits(),
                                "{} dim {dim} row {r}",
                                kernel.name()
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn normalize_divides_by_the_canonical_norm() {
        let mut v = vec![3.0f32, 4.0];
        normalize(Kernel::scalar(), &mut v).unwrap();
        assert_eq!(v, vec![0.6, 0.8]);
        let mut zero = vec![0.0f32; 5];
        assert!(normalize(Kernel::scalar(), &mut zero).is_err());
        let mut tiny = vec![1.0e-30f32; 3];
        assert!(
            normalize(Kernel::scalar(), &mut tiny).is_err(),
            "squared norm underflows"
        );
        let mut huge = vec![f32::MAX; 2];
        assert!(normalize(Kernel::scalar(), &mut huge).is_err());
        assert_eq!(huge, vec![f32::MAX; 2]);
    }

    #[test]
    fn detect_returns_an_available_kernel() {
        assert!(Kernel::available().contains(&Kernel::detect()));
    }
}
