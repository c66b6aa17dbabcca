//! The score floor of a search ranked by relevance: the score a unit must reach to enter
//! the hits shown, as far as the hits collected so far tell. [`FloorKeeper`] collects
//! beside the ranking and raises the floor to the `limit`-th best score each segment has
//! seen; a scorer that can bound a unit's score cheaply skips the costly part of it for
//! a unit whose bound stays below the floor (see [`super::words`]). Such a unit could
//! not be shown, and every unit that could is scored in full, so the hits, their order
//! and their scores are those of a search without the floor. Counts and facets cover
//! every hit either way: the floor spares work, never a hit.
//!
//! The floor is the best of the segments' own `limit`-th scores: each is a score that
//! `limit` hits of the whole index reach, so no unit below it can be shown. Segments
//! searched at once share it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The score a unit must reach to be shown (0 until enough hits are collected).
#[derive(Debug, Default)]
pub struct ScoreFloor {
    /// The floor's bits: for scores of zero or more, their order is the scores' order.
    bits: AtomicU32,
}

impl ScoreFloor {
    /// The floor now.
    pub fn get(&self) -> Score {
        Score::from_bits(self.bits.load(Ordering::Relaxed))
    }

    /// Raises the floor to `score` if it is higher.
    fn raise(&self, score: Score) {
        if score.is_finite() && score > 0.0 {
            self.bits.fetch_max(score.to_bits(), Ordering::Relaxed);
        }
    }
}

/// Collects the best `limit` scores of each segment to raise `floor`.
pub struct FloorKeeper {
    floor: Arc<ScoreFloor>,
    limit: usize,
}

impl FloorKeeper {
    /// Raises `floor` as hits are collected, for a search showing `limit` of them.
    pub fn new(floor: Arc<ScoreFloor>, limit: usize) -> Self {
        FloorKeeper { floor, limit }
    }
}

impl Collector for FloorKeeper {
    type Fruit = ();
    type Child = SegmentFloorKeeper;

    fn for_segment(&self, _: SegmentOrdinal, _: &SegmentReader) -> tantivy::Result<Self::Child> {
        Ok(SegmentFloorKeeper {
            floor: Arc::clone(&self.floor),
            limit: self.limit,
            best: BinaryHeap::with_capacity(self.limit + 1),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, _: Vec<()>) -> tantivy::Result<()> {
        Ok(())
    }
}

/// One segment's best scores, as bits (see [`ScoreFloor`]), the lowest on top.
pub struct SegmentFloorKeeper {
    floor: Arc<ScoreFloor>,
    limit: usize,
    best: BinaryHeap<Reverse<u32>>,
}

impl SegmentCollector for SegmentFloorKeeper {
    type Fruit = ();

    fn collect(&mut self, _: DocId, score: Score) {
        // A negative score or NaN is left out: the floor stays lower, which is safe.
        if self.limit == 0 || score.is_nan() || score < 0.0 {
            return;
        }
        let bits = score.to_bits();
        if self.best.len() == self.limit {
            match self.best.peek() {
                Some(Reverse(lowest)) if bits > *lowest => {
                    self.best.pop();
                }
                _ => return,
            }
        }
        self.best.push(Reverse(bits));
        if self.best.len() == self.limit {
            if let Some(Reverse(lowest)) = self.best.peek() {
                self.floor.raise(Score::from_bits(*lowest));
            }
        }
    }

    fn harvest(self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_is_the_limit_th_best_score_of_a_segment_and_only_rises() {
        let floor = Arc::new(ScoreFloor::default());
        let mut first = SegmentFloorKeeper {
            floor: Arc::clone(&floor),
            limit: 3,
            best: BinaryHeap::new(),
        };
        first.collect(0, 2.0);
        first.collect(1, 5.0);
        assert_eq!(floor.get(), 0.0, "fewer hits than shown: no floor");
        first.collect(2, 1.0);
        assert_eq!(floor.get(), 1.0);
        first.collect(3, 0.5);
        assert_eq!(floor.get(), 1.0, "a lower score leaves it");
        first.collect(4, 4.0);
        assert_eq!(floor.get(), 2.0, "third best of 5, 4, 2");
        let mut second = SegmentFloorKeeper {
            floor: Arc::clone(&floor),
            limit: 3,
            best: BinaryHeap::new(),
        };
        for score in [0.1, 0.2, 0.3, f32::NAN, -1.0] {
            second.collect(0, score);
        }
        assert_eq!(
            floor.get(),
            2.0,
            "another segment's lower floor does not lower it"
        );
    }
}
