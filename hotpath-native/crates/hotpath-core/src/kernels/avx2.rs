//! AVX2 kernels: the canonical arithmetic on two 8-wide registers (lanes 0..8 and 8..16),
//! `_mm256_mul_ps` then `_mm256_add_ps` (never FMA), so the results equal [`super::scalar`]
//! bit for bit.
//!
//! The `#[target_feature]` functions may only run on a CPU with AVX2. The safe entry points are
//! methods of [`Avx2`], a token that only [`Avx2::detect`] creates, after
//! `is_x86_feature_detected!("avx2")` returned true.

use std::arch::x86_64::{
    __m256, _mm256_add_ps, _mm256_loadu_ps, _mm256_mul_ps, _mm256_setzero_ps, _mm256_storeu_ps,
    _mm256_sub_ps,
};

use super::scalar::{LANES, reduce};

/// Proof that this CPU supports AVX2 (constructed only by [`Avx2::detect`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Avx2(());

impl Avx2 {
    /// The token, if this CPU supports AVX2.
    pub(super) fn detect() -> Option<Self> {
        std::arch::is_x86_feature_detected!("avx2").then_some(Self(()))
    }

    /// The canonical score of two vectors of equal length (squared L2 when `L2`, else dot).
    #[inline]
    pub(super) fn score<const L2: bool>(self, a: &[f32], b: &[f32]) -> f32 {
        // SAFETY: `self` exists only if the CPU supports AVX2 (see `detect`).
        unsafe { score::<L2>(a, b) }
    }

    /// Scores every row of `rows` against `query`; `INTERLEAVED` picks the four-rows-at-a-time
    /// variant (for rows already in cache).
    #[inline]
    pub(super) fn score_rows<const L2: bool, const INTERLEAVED: bool>(
        self,
        query: &[f32],
        rows: &[f32],
        out: &mut [f32],
    ) {
        if INTERLEAVED {
            // SAFETY: `self` exists only if the CPU supports AVX2. Bounds are checked inside.
            unsafe { score_rows_interleaved::<L2>(query, rows, out) }
        } else {
            // SAFETY: `self` exists only if the CPU supports AVX2. Bounds are checked inside.
            unsafe { score_rows::<L2>(query, rows, out) }
        }
    }
}

/// `acc += (a - b)^2` when `L2`, else `acc += a * b`.
#[inline]
#[target_feature(enable = "avx2")]
fn step<const L2: bool>(acc: __m256, a: __m256, b: __m256) -> __m256 {
    if L2 {
        let d = _mm256_sub_ps(a, b);
        _mm256_add_ps(acc, _mm256_mul_ps(d, d))
    } else {
        _mm256_add_ps(acc, _mm256_mul_ps(a, b))
    }
}

/// Spills the two accumulators into the 16 canonical lanes, adds the tail
/// (`i >= full`, lane `i % 16 = i - full`) in scalar, and reduces.
#[inline]
#[target_feature(enable = "avx2")]
fn finish<const L2: bool>(lo: __m256, hi: __m256, a: &[f32], b: &[f32], full: usize) -> f32 {
    let mut acc = [0.0f32; LANES];
    // SAFETY: `acc` has 16 f32s: the stores write acc[0..8] and acc[8..16]; unaligned stores
    // are allowed by `storeu`.
    unsafe {
        _mm256_storeu_ps(acc.as_mut_ptr(), lo);
        _mm256_storeu_ps(acc.as_mut_ptr().add(8), hi);
    }
    for (lane, (x, y)) in a[full..].iter().zip(&b[full..]).enumerate() {
        if L2 {
            let d = x - y;
            acc[lane] += d * d;
        } else {
            acc[lane] += x * y;
        }
    }
    reduce(&acc)
}

/// The canonical score of one pair of vectors of equal length.
#[inline]
#[target_feature(enable = "avx2")]
fn score<const L2: bool>(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len());
    let full = a.len() / LANES * LANES;
    let mut lo = _mm256_setzero_ps();
    let mut hi = _mm256_setzero_ps();
    let (pa, pb) = (a.as_ptr(), b.as_ptr());
    let mut i = 0;
    while i < full {
        // SAFETY: i + 16 <= full <= a.len() == b.len(), so both 8-float loads at i and i + 8
        // are in bounds; `loadu` has no alignment requirement.
        unsafe {
            lo = step::<L2>(lo, _mm256_loadu_ps(pa.add(i)), _mm256_loadu_ps(pb.add(i)));
            hi = step::<L2>(
                hi,
                _mm256_loadu_ps(pa.add(i + 8)),
                _mm256_loadu_ps(pb.add(i + 8)),
            );
        }
        i += LANES;
    }
    finish::<L2>(lo, hi, a, b, full)
}

/// `out[r] = score(query, row r)` for the rows of `rows` (row-major, `query.len()` wide), one
/// row after the other: a single sequential stream, which the hardware prefetcher serves best
/// when the rows come from DRAM.
#[target_feature(enable = "avx2")]
fn score_rows<const L2: bool>(query: &[f32], rows: &[f32], out: &mut [f32]) {
    let dim = query.len();
    assert!(dim > 0);
    for (row, slot) in rows.chunks_exact(dim).zip(out.iter_mut()) {
        *slot = score::<L2>(query, row);
    }
}

/// As [`score_rows`], but four rows are scored together (eight independent accumulator chains)
/// so the query loads are shared and the adds pipeline: faster when the rows are already in
/// cache (the second and later queries of a block), slower when streaming from DRAM (four
/// interleaved streams). Each row still follows the canonical order exactly.
#[target_feature(enable = "avx2")]
fn score_rows_interleaved<const L2: bool>(query: &[f32], rows: &[f32], out: &mut [f32]) {
    let dim = query.len();
    assert!(dim > 0);
    let n = rows.len() / dim;
    assert!(out.len() >= n);
    let full = dim / LANES * LANES;
    let q = query.as_ptr();
    let mut r = 0;
    while r + 4 <= n {
        let r0 = &rows[r * dim..(r + 1) * dim];
        let r1 = &rows[(r + 1) * dim..(r + 2) * dim];
        let r2 = &rows[(r + 2) * dim..(r + 3) * dim];
        let r3 = &rows[(r + 3) * dim..(r + 4) * dim];
        let (p0, p1, p2, p3) = (r0.as_ptr(), r1.as_ptr(), r2.as_ptr(), r3.as_ptr());
        let z = _mm256_setzero_ps();
        let (mut l0, mut h0, mut l1, mut h1) = (z, z, z, z);
        let (mut l2, mut h2, mut l3, mut h3) = (z, z, z, z);
        let mut i = 0;
        while i < full {
            // SAFETY: i + 16 <= full <= dim, and query and the four rows each hold `dim`
            // floats, so every 8-float load at i and i + 8 is in bounds (`loadu`: unaligned ok).
            unsafe {
                let qa = _mm256_loadu_ps(q.add(i));
                let qb = _mm256_loadu_ps(q.add(i + 8));
                l0 = step::<L2>(l0, qa, _mm256_loadu_ps(p0.add(i)));
                h0 = step::<L2>(h0, qb, _mm256_loadu_ps(p0.add(i + 8)));
                l1 = step::<L2>(l1, qa, _mm256_loadu_ps(p1.add(i)));
                h1 = step::<L2>(h1, qb, _mm256_loadu_ps(p1.add(i + 8)));
                l2 = step::<L2>(l2, qa, _mm256_loadu_ps(p2.add(i)));
                h2 = step::<L2>(h2, qb, _mm256_loadu_ps(p2.add(i + 8)));
                l3 = step::<L2>(l3, qa, _mm256_loadu_ps(p3.add(i)));
                h3 = step::<L2>(h3, qb, _mm256_loadu_ps(p3.add(i + 8)));
            }
            i += LANES;
        }
        out[r] = finish::<L2>(l0, h0, query, r0, full);
        out[r + 1] = finish::<L2>(l1, h1, query, r1, full);
        out[r + 2] = finish::<L2>(l2, h2, query, r2, full);
        out[r + 3] = finish::<L2>(l3, h3, query, r3, full);
        r += 4;
    }
    while r < n {
        out[r] = score::<L2>(query, &rows[r * dim..(r + 1) * dim]);
        r += 1;
    }
}
