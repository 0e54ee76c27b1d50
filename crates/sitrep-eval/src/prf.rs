//! Precision, recall and F1 from match counts, as every scorer in the field reports them.

use serde::Serialize;

/// Counts of a matching between gold and system annotations, and the scores they give.
///
/// Every `eval` command prints these counts beside the scores, so a reader can check them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Annotations in the gold standard.
    pub gold: usize,
    /// Annotations the system produced.
    pub system: usize,
    /// System annotations that match a gold one.
    pub matched: usize,
}

impl Counts {
    /// Counts from the three numbers.
    pub fn new(gold: usize, system: usize, matched: usize) -> Counts {
        debug_assert!(matched <= gold && matched <= system);
        Counts {
            gold,
            system,
            matched,
        }
    }

    /// matched / system; 0 when the system produced nothing.
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.system)
    }

    /// matched / gold; 0 when the gold standard is empty.
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }

    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// The scores with the counts, in the JSON shape every `eval --json` prints.
    pub fn scores(&self) -> Scores {
        Scores {
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
            gold: self.gold,
            system: self.system,
            matched: self.matched,
        }
    }
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, other: Counts) {
        self.gold += other.gold;
        self.system += other.system;
        self.matched += other.matched;
    }
}

/// Precision, recall and F1 with the counts behind them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Scores {
    /// matched / system.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Gold annotations.
    pub gold: usize,
    /// System annotations.
    pub system: usize,
    /// Matched annotations.
    pub matched: usize,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Counts exact matches between two sorted, duplicate-free sequences (spans, boundaries).
pub fn match_sorted<T: Ord>(gold: &[T], system: &[T]) -> Counts {
    let (mut i, mut j, mut matched) = (0, 0, 0);
    while i < gold.len() && j < system.len() {
        match gold[i].cmp(&system[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                matched += 1;
                i += 1;
                j += 1;
            }
        }
    }
    Counts::new(gold.len(), system.len(), matched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_from_counts() {
        let c = Counts::new(10, 8, 6);
        assert_eq!(c.precision(), 0.75);
        assert_eq!(c.recall(), 0.6);
        assert!((c.f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-12);
    }

    #[test]
    fn empty_sides_score_zero_not_nan() {
        assert_eq!(Counts::new(0, 0, 0).f1(), 0.0);
        assert_eq!(Counts::new(3, 0, 0).precision(), 0.0);
    }

    #[test]
    fn sorted_matching() {
        let c = match_sorted(&[1, 3, 5, 7], &[1, 2, 5, 8, 9]);
        assert_eq!(c, Counts::new(4, 5, 2));
    }
}
