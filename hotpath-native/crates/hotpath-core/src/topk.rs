//! Bounded top-k selection with the canonical order: best score first (highest dot/cosine,
//! lowest l2), ties broken by the smaller id.
//!
//! Scores are mapped to an integer key whose ascending order is "best first": the IEEE-754
//! total order of the score (negated for higher-is-better metrics). So `-0.0` ranks below
//! `+0.0` for dot (`Float.compare` in Java agrees). A NaN score — possible only when finite
//! inputs overflow to `inf - inf` — ranks after every number under every metric and is
//! reported as the canonical quiet NaN `0x7FC00000`.

use std::collections::BinaryHeap;

/// The canonical NaN reported for scores that overflowed to NaN.
pub(crate) const CANONICAL_NAN: f32 = f32::from_bits(0x7FC0_0000);

/// The ordering key of a score: lower is better.
#[inline]
pub(crate) fn key(score: f32, higher_is_better: bool) -> i32 {
    if score.is_nan() {
        return i32::MAX;
    }
    let oriented = if higher_is_better { -score } else { score };
    let bits = oriented.to_bits() as i32;
    bits ^ ((((bits >> 31) as u32) >> 1) as i32)
}

/// The score a key came from (inverse of [`key`]; NaN becomes [`CANONICAL_NAN`]).
#[inline]
pub(crate) fn score_of(key: i32, higher_is_better: bool) -> f32 {
    if key == i32::MAX {
        return CANONICAL_NAN;
    }
    let bits = key ^ ((((key >> 31) as u32) >> 1) as i32);
    let oriented = f32::from_bits(bits as u32);
    if higher_is_better {
        -oriented
    } else {
        oriented
    }
}

/// The best `k` (key, id) pairs offered so far.
#[derive(Debug, Clone)]
pub(crate) struct TopK {
    k: usize,
    /// Max-heap: the root is the worst kept hit.
    heap: BinaryHeap<(i32, u64)>,
}

impl TopK {
    pub(crate) fn new(k: usize) -> Self {
        Self {
            k,
            heap: BinaryHeap::with_capacity(k.min(4096) + 1),
        }
    }

    /// Offers one hit; kept if it is among the best `k` so far.
    #[inline]
    pub(crate) fn offer(&mut self, key: i32, id: u64) {
        if self.heap.len() < self.k {
            self.heap.push((key, id));
        } else if let Some(mut worst) = self.heap.peek_mut()
            && (key, id) < *worst
        {
            *worst = (key, id);
        }
    }

    /// The kept hits, best first: `(id, score)`.
    pub(crate) fn into_sorted(self, higher_is_better: bool) -> Vec<(u64, f32)> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|(key, id)| (id, score_of(key, higher_is_better)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_order_scores_best_first() {
        let scores = [
            f32::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1.0e-45,
            3.0,
            f32::INFINITY,
        ];
        for w in scores.windows(2) {
            // Higher is better: the larger score has the smaller key.
            assert!(key(w[1], true) < key(w[0], true), "{w:?}");
            assert!(key(w[0], false) < key(w[1], false), "{w:?}");
        }
        assert_eq!(key(f32::NAN, true), i32::MAX);
        assert_eq!(key(-f32::NAN, false), i32::MAX);
    }

    #[test]
    fn score_of_inverts_key_bit_exactly() {
        for s in [
            0.0f32,
            -0.0,
            1.5,
            -7.25,
            f32::MAX,
            f32::MIN_POSITIVE,
            1.0e-45,
            f32::INFINITY,
        ] {
            for hib in [false, true] {
                assert_eq!(score_of(key(s, hib), hib).to_bits(), s.to_bits());
            }
        }
        assert_eq!(score_of(key(f32::NAN, true), true).to_bits(), 0x7FC0_0000);
    }

    #[test]
    fn keeps_best_k_with_ties_by_smaller_id() {
        let mut top = TopK::new(3);
        for (id, s) in [
            (5u64, 1.0f32),
            (1, 2.0),
            (9, 2.0),
            (3, 2.0),
            (0, 0.5),
            (2, 2.0),
        ] {
            top.offer(key(s, true), id);
        }
        assert_eq!(top.into_sorted(true), vec![(1, 2.0), (2, 2.0), (3, 2.0)]);
    }

    #[test]
    fn fewer_hits_than_k() {
        let mut top = TopK::new(10);
        top.offer(key(1.0, false), 4);
        top.offer(key(0.5, false), 7);
        assert_eq!(top.into_sorted(false), vec![(7, 0.5), (4, 1.0)]);
    }
}
