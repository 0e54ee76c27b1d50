//! Gold named-entity mentions as byte spans over a rebuilt raw text, and their exact-match
//! scorer: the shape shared by the corpora whose entity annotation is not CoNLL columns
//! ([`crate::meantime`], [`crate::gum_entities`]).
//!
//! A system runs on [`GoldMentions::text`], maps its mentions to the CoNLL types
//! ([`conll_type`]) and is scored with [`score_document`]: a mention counts only if both
//! boundaries and the type match, micro-averaged, as `conlleval` does for chunks.
//!
//! ```
//! use sitrep_doc::Span;
//! use sitrep_eval::entity_mentions::{score, EntityMention};
//! let gold = [EntityMention::new(Span::new(0, 5), "PER")];
//! let system = [EntityMention::new(Span::new(0, 5), "PER"), EntityMention::new(Span::new(9, 14), "LOC")];
//! let c = score(&gold, &system);
//! assert_eq!((c.overall.gold, c.overall.system, c.overall.matched), (1, 2, 1));
//! ```

use std::path::PathBuf;

use sitrep_doc::Span;
use thiserror::Error;

use crate::conll::NerCounts;
use crate::conllu::ConlluError;
use crate::prf::Counts;

/// The CoNLL types whose conventions the entity corpora share; MISC differs most between
/// annotation schemes, so scores are also reported over these alone ([`restrict`]).
pub const CORE_TYPES: [&str; 3] = ["PER", "ORG", "LOC"];

/// A problem reading an entity-annotated corpus.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum MentionsError {
    /// A file or folder could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The XML is not well formed.
    #[error("{path}: malformed XML at byte {position}: {reason}")]
    Xml {
        /// The file.
        path: PathBuf,
        /// Byte offset where the parser stopped.
        position: u64,
        /// The parser's message.
        reason: String,
    },
    /// The CoNLL-U layer (text, tokens) could not be read.
    #[error(transparent)]
    Conllu(#[from] ConlluError),
    /// The file is readable but breaks its format's rules.
    #[error("{path}:{line}: {reason}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when the format has no useful line, e.g. a cross-reference).
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// One entity mention: a byte span of the text and a CoNLL type (`PER`, `ORG`, `LOC`, `MISC`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityMention {
    /// Bytes of [`GoldMentions::text`].
    pub span: Span,
    /// The CoNLL type.
    pub kind: String,
}

impl EntityMention {
    /// A mention of `kind` over `span`.
    pub fn new(span: Span, kind: impl Into<String>) -> EntityMention {
        EntityMention {
            span,
            kind: kind.into(),
        }
    }
}

/// One gold document: its raw text and its named mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldMentions {
    /// Document id (file stem or `# newdoc id`).
    pub id: String,
    /// The text a system must run on; every span is a range of it.
    pub text: String,
    /// Named mentions, sorted by span, at most one per span.
    pub mentions: Vec<EntityMention>,
    /// Stretches whose named status the gold data leaves open (a MEANTIME mention without
    /// `syntactic_type`, or a name without an entity type): a system mention inside one that
    /// matches no gold mention is neither rewarded nor penalised ([`score_document`]).
    pub ignored: Vec<Span>,
}

/// Exact span-and-type matching of two mention lists (duplicates count once), overall and
/// per type; per-type `system` counts are keyed by the system's type.
pub fn score(gold: &[EntityMention], system: &[EntityMention]) -> NerCounts {
    let mut g: Vec<&EntityMention> = gold.iter().collect();
    let mut s: Vec<&EntityMention> = system.iter().collect();
    g.sort();
    g.dedup();
    s.sort();
    s.dedup();
    let mut counts = NerCounts::default();
    for m in &g {
        counts.by_type.entry(m.kind.clone()).or_default().gold += 1;
    }
    let mut matched = 0;
    for m in &s {
        counts.by_type.entry(m.kind.clone()).or_default().system += 1;
        if g.binary_search(m).is_ok() {
            matched += 1;
            counts.by_type.entry(m.kind.clone()).or_default().matched += 1;
        }
    }
    counts.overall = Counts::new(g.len(), s.len(), matched);
    counts
}

/// Scores `system` against one gold document: as [`score`], after dropping the system
/// mentions that match no gold mention and lie wholly inside an [`GoldMentions::ignored`]
/// stretch.
pub fn score_document(gold: &GoldMentions, system: &[EntityMention]) -> NerCounts {
    let kept: Vec<EntityMention> = system
        .iter()
        .filter(|m| gold.mentions.contains(m) || !gold.ignored.iter().any(|i| i.contains(m.span)))
        .cloned()
        .collect();
    score(&gold.mentions, &kept)
}

/// Adds `other` into `total`, overall and per type.
pub fn add_counts(total: &mut NerCounts, other: &NerCounts) {
    total.overall += other.overall;
    for (kind, c) in &other.by_type {
        *total.by_type.entry(kind.clone()).or_default() += *c;
    }
}

/// The counts over `kinds` alone (e.g. [`CORE_TYPES`]): the sum of their per-type counts.
pub fn restrict(counts: &NerCounts, kinds: &[&str]) -> Counts {
    let mut total = Counts::default();
    for kind in kinds {
        if let Some(c) = counts.by_type.get(*kind) {
            total += *c;
        }
    }
    total
}

/// The CoNLL type of a sitrep record entity type: PERSON → PER, ORG → ORG, GPE and LOC →
/// LOC, NORP, EVENT and MISC → MISC; `None` for anything else.
pub fn conll_type(record_type: &str) -> Option<&'static str> {
    match record_type {
        "PERSON" => Some("PER"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" => Some("LOC"),
        "NORP" | "EVENT" | "MISC" => Some("MISC"),
        _ => None,
    }
}

/// Sorts mentions by span and keeps one per span: the first of each span in `mentions`
/// order, so a reader pushes the mention it prefers first.
pub(crate) fn one_per_span(mentions: &mut Vec<(EntityMention, usize)>) {
    // Stable sort: ties keep the caller's preference order (the usize key).
    mentions.sort_by(|a, b| a.0.span.cmp(&b.0.span).then(a.1.cmp(&b.1)));
    mentions.dedup_by(|later, first| later.0.span == first.0.span);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(a: usize, b: usize, k: &str) -> EntityMention {
        EntityMention::new(Span::new(a, b), k)
    }

    #[test]
    fn exact_span_and_type() {
        let gold = [m(0, 5, "PER"), m(10, 15, "LOC"), m(20, 25, "ORG")];
        let system = [m(0, 5, "PER"), m(10, 15, "ORG"), m(20, 24, "ORG")];
        let c = score(&gold, &system);
        assert_eq!(c.overall, Counts::new(3, 3, 1));
        assert_eq!(c.by_type["PER"], Counts::new(1, 1, 1));
        assert_eq!(c.by_type["ORG"], Counts::new(1, 2, 0));
        assert_eq!(c.by_type["LOC"], Counts::new(1, 0, 0));
        assert_eq!(restrict(&c, &["PER", "LOC"]), Counts::new(2, 1, 1));
    }

    #[test]
    fn ignored_stretches_drop_only_unmatched_system_mentions() {
        let gold = GoldMentions {
            mentions: vec![m(0, 5, "ORG")],
            ignored: vec![Span::new(0, 30)],
            ..Default::default()
        };
        let c = score_document(&gold, &[m(0, 5, "ORG"), m(10, 15, "LOC"), m(40, 45, "PER")]);
        assert_eq!(c.overall, Counts::new(1, 2, 1));
    }

    #[test]
    fn record_types_map_to_conll() {
        assert_eq!(conll_type("GPE"), Some("LOC"));
        assert_eq!(conll_type("NORP"), Some("MISC"));
        assert_eq!(conll_type("DATE"), None);
    }
}
