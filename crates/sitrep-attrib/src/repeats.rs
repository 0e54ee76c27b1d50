//! Repeated statements: a quote given twice in two wordings (machine translation does this),
//! or a quote and an unquoted paragraph with nearly the same words.
//!
//! Statements are bags of lower-case words and word bigrams; two statements are compared when
//! they share a rare-enough word trigram, found through an index, and each statement is
//! compared with at most [`MAX_CANDIDATES`] earlier ones: linear time even when a document
//! holds thousands of identical quotes.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use sitrep_doc::layers::{Quote, QuoteKind, Repeat, TokenKind};
use sitrep_doc::{Document, Span};

/// Statements shorter than this many words are not compared.
pub const MIN_WORDS: usize = 8;
/// The similarity from which two statements are linked.
pub const MIN_SIMILARITY: f64 = 0.5;
/// How many earlier statements one statement is compared with.
pub const MAX_CANDIDATES: usize = 16;

struct Statement {
    span: Span,
    is_quote: bool,
    words: Vec<String>,
    bag: HashSet<String>,
}

fn statement(doc: &Document, span: Span, is_quote: bool) -> Statement {
    let a = doc.tokens.partition_point(|t| t.span.start < span.start);
    let b = doc.tokens.partition_point(|t| t.span.start < span.end);
    let words: Vec<String> = doc.tokens[a..b]
        .iter()
        .filter(|t| span.contains(t.span) && matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| doc.token_norm(t).to_lowercase())
        .collect();
    let mut bag: HashSet<String> = words.iter().cloned().collect();
    bag.extend(words.windows(2).map(|w| format!("{} {}", w[0], w[1])));
    Statement {
        span,
        is_quote,
        words,
        bag,
    }
}

/// Dice coefficient of two bags.
fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let shared = small.iter().filter(|w| large.contains(*w)).count();
    2.0 * shared as f64 / (a.len() + b.len()).max(1) as f64
}

/// Links near-duplicate speech quotes to each other, and quotes to unquoted paragraphs.
pub fn find_repeats(doc: &Document, quotes: &[Quote]) -> Vec<Repeat> {
    let mut statements: Vec<Statement> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
        .map(|q| statement(doc, q.span, true))
        .collect();
    statements.extend(unquoted_paragraphs(doc, quotes).map(|p| statement(doc, p, false)));
    statements.retain(|s| s.words.len() >= MIN_WORDS);
    statements.sort_by_key(|s| s.span.start);

    let mut index: HashMap<String, Vec<usize>> = HashMap::default();
    let mut repeats = Vec::new();
    for (n, s) in statements.iter().enumerate() {
        let mut candidates: Vec<usize> = Vec::new();
        for tri in s.words.windows(3) {
            let key = tri.join(" ");
            if let Some(posting) = index.get(&key) {
                for &m in posting.iter().rev().take(MAX_CANDIDATES) {
                    if candidates.len() < MAX_CANDIDATES && !candidates.contains(&m) {
                        candidates.push(m);
                    }
                }
            }
        }
        // The most similar earlier statement only: one link per repeat.
        let best = candidates
            .into_iter()
            .filter(|&m| statements[m].is_quote || s.is_quote)
            .map(|m| (dice(&statements[m].bag, &s.bag), m))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((similarity, m)) = best {
            let first = &statements[m];
            if similarity >= MIN_SIMILARITY {
                // The quote comes first in a link, so a paragraph is always `second`.
                let (a, b) = if first.is_quote {
                    (first, s)
                } else {
                    (s, first)
                };
                repeats.push(Repeat {
                    first: a.span,
                    second: b.span,
                    second_is_quote: b.is_quote,
                    similarity: (similarity * 1000.0).round() / 1000.0,
                });
            }
        }
        for tri in s.words.windows(3) {
            let posting = index.entry(tri.join(" ")).or_default();
            if posting.last() != Some(&n) {
                posting.push(n);
            }
        }
    }
    repeats
}

/// Paragraphs with no quotation mark in them.
fn unquoted_paragraphs<'a>(
    doc: &'a Document,
    quotes: &'a [Quote],
) -> impl Iterator<Item = Span> + 'a {
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut last = usize::MAX;
    for s in &doc.sentences {
        if s.paragraph == last {
            if let Some(p) = paragraphs.last_mut() {
                *p = p.cover(s.span);
            }
        } else {
            paragraphs.push(s.span);
            last = s.paragraph;
        }
    }
    let mut q = 0;
    paragraphs.into_iter().filter(move |p| {
        while q < quotes.len() && quotes[q].span.end <= p.start {
            q += 1;
        }
        !(q < quotes.len() && quotes[q].span.overlaps(*p))
    })
}
