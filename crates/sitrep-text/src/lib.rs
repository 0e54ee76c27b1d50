//! Text processing for sitrep: a normalised view of the original text with an offset map
//! back to it, an English news tokenizer, and a sentence splitter.
//!
//! [`TextProcessor::annotate`] fills a [`Document`]'s `normalized` view, `tokens` and
//! `sentences`; every span it writes is a span of the original text.
//!
//! ```
//! use sitrep_doc::{Document, Meta};
//! use sitrep_text::TextProcessor;
//!
//! let mut doc = Document::new("“It’s hard,” she said.He left.", Meta::default());
//! TextProcessor::new().annotate(&mut doc);
//! let words: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
//! assert_eq!(words, ["“", "It", "’s", "hard", ",", "”", "she", "said", ".", "He", "left", "."]);
//! assert_eq!(doc.sentences.len(), 2);
//! ```
#![deny(missing_docs)]

mod abbreviations;
mod normalize;
mod sentences;
mod tokenize;

pub use abbreviations::{AbbreviationClass, Abbreviations};
pub use normalize::normalize;
pub use sentences::{RawSentence, SentenceSplitter};
pub use tokenize::{RawToken, Tokenizer};

use sitrep_doc::layers::{Sentence, Token};
use sitrep_doc::{Document, Normalized, Span};

/// The text stage: normalise, tokenize, split sentences. Immutable and `Send + Sync`, so one
/// instance serves every thread.
#[derive(Debug, Clone, Default)]
pub struct TextProcessor {
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
}

impl TextProcessor {
    /// A processor with the built-in language data.
    pub fn new() -> TextProcessor {
        let abbreviations = Abbreviations::builtin();
        TextProcessor {
            tokenizer: Tokenizer::new(abbreviations.clone()),
            splitter: SentenceSplitter::new(abbreviations),
        }
    }

    /// Fills `doc.normalized`, `doc.tokens` and `doc.sentences` (replacing what was there).
    pub fn annotate(&self, doc: &mut Document) {
        let normalized = normalize(&doc.text);
        let mut raw = Vec::with_capacity(doc.text.len() / 5);
        self.tokenizer.tokenize(normalized.as_str(), &mut raw);
        let (raw, tokens) = align_tokens(&normalized, raw);
        let sentences = self.splitter.split(normalized.as_str(), &raw);
        doc.sentences = sentences
            .iter()
            .map(|s| Sentence {
                span: Span::new(
                    tokens[s.token_start].span.start,
                    tokens[s.token_end - 1].span.end,
                ),
                token_start: s.token_start,
                token_end: s.token_end,
                paragraph: s.paragraph,
            })
            .collect();
        doc.tokens = tokens;
        doc.normalized = normalized;
    }

    /// The tokens and sentences of already normalised text, in normalised offsets; for
    /// evaluation and benchmarks that skip the [`Document`].
    pub fn tokenize_and_split(&self, normalized: &str) -> (Vec<RawToken>, Vec<RawSentence>) {
        let mut raw = Vec::with_capacity(normalized.len() / 5);
        self.tokenizer.tokenize(normalized, &mut raw);
        let sentences = self.splitter.split(normalized, &raw);
        (raw, sentences)
    }
}

/// Maps tokens back to the original text. Two normalised tokens cut from one original
/// character (".…" normalises to "...." and tokenizes as "..." + ".") would overlap there,
/// so they are merged: an original character is never split between tokens.
fn align_tokens(normalized: &Normalized, raw: Vec<RawToken>) -> (Vec<RawToken>, Vec<Token>) {
    let mut merged: Vec<RawToken> = Vec::with_capacity(raw.len());
    let mut tokens: Vec<Token> = Vec::with_capacity(raw.len());
    for t in raw {
        let span = normalized.to_original(t.span);
        match tokens.last_mut() {
            Some(last) if span.start < last.span.end => {
                last.span = last.span.cover(span);
                last.norm = last.norm.cover(t.span);
                if let Some(m) = merged.last_mut() {
                    m.span = last.norm;
                }
            }
            _ => {
                tokens.push(Token {
                    span,
                    norm: t.span,
                    kind: t.kind,
                });
                merged.push(t);
            }
        }
    }
    (merged, tokens)
}

impl sitrep_doc::Stage for TextProcessor {
    fn name(&self) -> &'static str {
        "text"
    }

    fn annotate(&self, doc: &mut Document) {
        TextProcessor::annotate(self, doc);
    }
}
