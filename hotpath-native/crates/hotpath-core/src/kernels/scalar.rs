//! The canonical arithmetic in portable Rust: the reference every other kernel must match
//! bit for bit (DESIGN.md, "Canonical arithmetic").

/// Number of lane accumulators of the canonical arithmetic.
pub(crate) const LANES: usize = 16;

/// Pairwise reduction of the 16 lane accumulators:
/// `s8[j] = acc[j] + acc[j+8]`, `s4[j] = s8[j] + s8[j+4]`, `s2[j] = s4[j] + s4[j+2]`, `s2[0] + s2[1]`.
#[inline]
pub(crate) fn reduce(acc: &[f32; LANES]) -> f32 {
    let mut s8 = [0.0f32; 8];
    for j in 0..8 {
        s8[j] = acc[j] + acc[j + 8];
    }
    let mut s4 = [0.0f32; 4];
    for j in 0..4 {
        s4[j] = s8[j] + s8[j + 4];
    }
    let s2 = [s4[0] + s4[2], s4[1] + s4[3]];
    s2[0] + s2[1]
}

/// Canonical dot product: `acc[i % 16] += a[i] * b[i]` in increasing `i`, then [`reduce`].
/// Plain multiply then add (never fused).
#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    let mut acc = [0.0f32; LANES];
    let mut xs = a.chunks_exact(LANES);
    let mut ys = b.chunks_exact(LANES);
    for (x, y) in (&mut xs).zip(&mut ys) {
        for j in 0..LANES {
            acc[j] += x[j] * y[j];
        }
    }
    for (j, (x, y)) in xs.remainder().iter().zip(ys.remainder()).enumerate() {
        acc[j] += x * y;
    }
    reduce(&acc)
}

/// Canonical squared Euclidean distance: `d = a[i] - b[i]; acc[i % 16] += d * d`, then [`reduce`].
#[inline]
pub(crate) fn l2(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    let mut acc = [0.0f32; LANES];
    let mut xs = a.chunks_exact(LANES);
    let mut ys = b.chunks_exact(LANES);
    for (x, y) in (&mut xs).zip(&mut ys) {
        for j in 0..LANES {
            let d = x[j] - y[j];
            acc[j] += d * d;
        }
    }
    for (j, (x, y)) in xs.remainder().iter().zip(ys.remainder()).enumerate() {
        let d = x - y;
        acc[j] += d * d;
    }
    reduce(&acc)
}

/// `out[r] = score(query, rows[r*dim..(r+1)*dim])` for every row.
pub(crate) fn score_rows(l2_metric: bool, query: &[f32], rows: &[f32], out: &mut [f32]) {
    let dim = query.len();
    for (row, slot) in rows.chunks_exact(dim).zip(out.iter_mut()) {
        *slot = if l2_metric {
            l2(query, row)
        } else {
            dot(query, row)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reduce_is_pairwise() {
        let mut acc = [0.0f32; LANES];
        for (i, a) in acc.iter_mut().enumerate() {
            *a = i as f32;
        }
        assert_eq!(reduce(&acc), 120.0);
        // 1e8 + 1 - 1e8 would be 0 sequentially; lane 0 and lane 8 meet first here.
        let mut acc = [0.0f32; LANES];
        acc[0] = 1.0e8;
        acc[8] = -1.0e8;
        acc[1] = 1.0;
        assert_eq!(reduce(&acc), 1.0);
    }

    #[test]
    fn dot_and_l2_of_small_vectors() {
        let a = [1.0, 2.0, 3.0];
        let b = [4.0, -5.0, 6.0];
        assert_eq!(dot(&a, &b), 12.0);
        assert_eq!(l2(&a, &b), 9.0 + 49.0 + 9.0);
    }

    #[test]
    fn lanes_wrap_every_sixteen() {
        // acc[0] gets i=0 and i=16: 1e8 then 1.0 is absorbed, lane 1 keeps its 1.0.
        let mut a = vec![0.0f32; 18];
        let b = vec![1.0f32; 18];
        a[0] = 1.0e8;
        a[16] = 1.0;
        a[17] = 1.0;
        assert_eq!(dot(&a, &b), 1.0e8 + 1.0);
    }
}
