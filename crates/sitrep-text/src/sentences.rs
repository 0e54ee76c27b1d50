//! Sentence splitting over the token layer.
//!
//! A sentence ends at `.`, `?`, `!` or `...` (taking along the closing quotes and brackets
//! glued to it) when what follows can open a sentence: not a lower-case word and not
//! punctuation that continues one (`"Go!" he said`, `(...),`). Abbreviations of class
//! `plain` ("U.S.", "Inc.") end a sentence only before a typical sentence opener; `title`
//! abbreviations ("Gen.", "Jan.") never do. Blank lines always end a sentence and start a
//! new paragraph. A list marker ("1.") at the start of a paragraph stays with its text.

use crate::abbreviations::{AbbreviationClass, Abbreviations};
use crate::tokenize::RawToken;
use sitrep_doc::layers::TokenKind;

/// A sentence as token indices, with its paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawSentence {
    /// Index of the first token.
    pub token_start: usize,
    /// One past the index of the last token.
    pub token_end: usize,
    /// Paragraph index, from 0.
    pub paragraph: usize,
}

/// Finds sentence boundaries in tokenized, normalised text.
#[derive(Debug, Clone, Default)]
pub struct SentenceSplitter {
    abbreviations: Abbreviations,
}

impl SentenceSplitter {
    /// A splitter that consults `abbreviations` at full stops.
    pub fn new(abbreviations: Abbreviations) -> SentenceSplitter {
        SentenceSplitter { abbreviations }
    }

    /// Splits `tokens` of the normalised `text` into sentences that cover every token once.
    pub fn split(&self, text: &str, tokens: &[RawToken]) -> Vec<RawSentence> {
        let mut sentences = Vec::new();
        let paragraphs = paragraph_indices(text, tokens);
        let norm = |i: usize| tokens[i].span.slice(text);
        let mut start = 0;
        let mut i = 0;
        while i < tokens.len() {
            if i > start && paragraphs[i] != paragraphs[i - 1] {
                sentences.push(RawSentence {
                    token_start: start,
                    token_end: i,
                    paragraph: paragraphs[start],
                });
                start = i;
            }
            let terminal = match norm(i) {
                p if p.bytes().all(|b| matches!(b, b'.' | b'?' | b'!')) => Some(None),
                w if tokens[i].kind == TokenKind::Word && w.ends_with('.') => {
                    Some(self.abbreviations.classify(w))
                }
                _ => None,
            };
            let Some(abbreviation) = terminal else {
                i += 1;
                continue;
            };
            // Take along glued closers: `."`, `?)`, `?!`.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].span.start == tokens[j - 1].span.end
                && (matches!(norm(j), "\"" | "'" | ")" | "]" | "}")
                    || norm(j).bytes().all(|b| matches!(b, b'.' | b'?' | b'!')))
            {
                j += 1;
            }
            let next = (j < tokens.len()).then(|| norm(j));
            let breaks = match (abbreviation, next) {
                (_, None) => true,
                (_, Some(_)) if paragraphs[j] != paragraphs[i] => true,
                (Some(AbbreviationClass::Title), _) => false,
                (Some(AbbreviationClass::Plain), Some(next)) => {
                    self.abbreviations.is_sentence_starter(next)
                }
                (None, Some(next)) => {
                    opens_sentence(next) && !is_list_marker(text, tokens, &paragraphs, start, i)
                }
            };
            if breaks {
                sentences.push(RawSentence {
                    token_start: start,
                    token_end: j,
                    paragraph: paragraphs[start],
                });
                start = j;
            }
            i = j;
        }
        if start < tokens.len() {
            sentences.push(RawSentence {
                token_start: start,
                token_end: tokens.len(),
                paragraph: paragraphs[start],
            });
        }
        sentences
    }
}

/// Whether a token can be the first of a new sentence.
fn opens_sentence(token: &str) -> bool {
    match token.chars().next() {
        Some(c) if c.is_lowercase() => false,
        Some(c) if c.is_alphanumeric() => true,
        Some('"' | '\'' | '(' | '[' | '-' | '*' | '#' | '@' | '$' | '¿' | '¡') => true,
        _ => false,
    }
}

/// "1." or "b." alone at the start of a paragraph: a list marker, not a sentence.
fn is_list_marker(
    text: &str,
    tokens: &[RawToken],
    paragraphs: &[usize],
    start: usize,
    terminal: usize,
) -> bool {
    if terminal != start + 1 || (start > 0 && paragraphs[start - 1] == paragraphs[start]) {
        return false;
    }
    let marker = tokens[start].span.slice(text);
    (marker.len() <= 3 && marker.bytes().all(|b| b.is_ascii_digit()))
        || (marker.len() == 1 && marker.bytes().all(|b| b.is_ascii_alphabetic()))
        || (marker.len() <= 4 && marker.bytes().all(|b| b"IVXivx".contains(&b)))
}

/// The paragraph index of each token: a gap holding two or more line breaks starts a new one.
fn paragraph_indices(text: &str, tokens: &[RawToken]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut paragraph = 0;
    let mut prev_end = None;
    for token in tokens {
        if let Some(end) = prev_end {
            let gap = &text.as_bytes()[end..token.span.start];
            if gap.iter().filter(|&&b| b == b'\n').count() >= 2 {
                paragraph += 1;
            }
        }
        out.push(paragraph);
        prev_end = Some(token.span.end);
    }
    out
}
