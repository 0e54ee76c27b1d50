//! Scoring of tokenization and sentence splitting against a rebuilt gold document.
//!
//! Tokens match when both character boundaries match (exact span, as the CoNLL 2018 UD
//! scorer aligns tokens). Sentences are scored by their boundaries: the set of offsets where
//! a sentence ends, so one missed split costs one recall error, not two spans.

use crate::conllu::GoldDocument;
use crate::prf::{match_sorted, Counts};

/// Token and sentence-boundary counts for one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SegmentationCounts {
    /// Exact token-span matches.
    pub tokens: Counts,
    /// Sentence-end boundary matches.
    pub sentences: Counts,
}

impl std::ops::AddAssign for SegmentationCounts {
    fn add_assign(&mut self, other: SegmentationCounts) {
        self.tokens += other.tokens;
        self.sentences += other.sentences;
    }
}

/// Scores system token spans and sentence spans (byte offsets into `gold.text`).
pub fn score(
    gold: &GoldDocument,
    system_tokens: &[(usize, usize)],
    system_sentences: &[(usize, usize)],
) -> SegmentationCounts {
    let mut gold_tokens = gold.tokens.clone();
    gold_tokens.sort_unstable();
    gold_tokens.dedup();
    let mut sys_tokens = system_tokens.to_vec();
    sys_tokens.sort_unstable();
    sys_tokens.dedup();
    let ends = |spans: &[(usize, usize)]| {
        let mut e: Vec<usize> = spans.iter().map(|s| s.1).collect();
        e.sort_unstable();
        e.dedup();
        e
    };
    SegmentationCounts {
        tokens: match_sorted(&gold_tokens, &sys_tokens),
        sentences: match_sorted(&ends(&gold.sentences), &ends(system_sentences)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_tokens_and_boundaries() {
        let gold = GoldDocument {
            id: None,
            text: "It is. Ok.".into(),
            tokens: vec![(0, 2), (3, 5), (5, 6), (7, 9), (9, 10)],
            sentences: vec![(0, 6), (7, 10)],
        };
        // The system glued "is." and missed the first boundary.
        let c = score(&gold, &[(0, 2), (3, 6), (7, 9), (9, 10)], &[(0, 10)]);
        assert_eq!(c.tokens, Counts::new(5, 4, 3));
        assert_eq!(c.sentences, Counts::new(2, 1, 1));
    }
}
