//! The token layer as the grammar sees it: each token with its lower-cased form, what the
//! lexicon knows about it, and whether a line starts before it.

use std::borrow::Cow;

use sitrep_doc::layers::TokenKind;
use sitrep_doc::{Document, Span};

use crate::lexicon::{Class, Lexicon, WordInfo};

/// One token of the document.
#[derive(Debug)]
pub(crate) struct Tok<'a> {
    /// Where it is in the original text.
    pub span: Span,
    /// Its kind, from the text stage.
    pub kind: TokenKind,
    /// Its normalised form, lower-cased.
    pub lower: Cow<'a, str>,
    /// What the lexicon knows about `lower`.
    pub info: WordInfo,
    /// Whether only whitespace stands between it and the start of its line.
    pub line_start: bool,
    /// The whitespace before it is exactly one space (for "120 000").
    pub one_space_before: bool,
    /// Whether its first character is an upper-case letter.
    pub capitalised: bool,
    /// Whether it has two or more letters, all upper-case ("US", "ISIS").
    pub acronym: bool,
}

impl Tok<'_> {
    /// Whether the token is a word of letters (no digits): a candidate noun.
    pub fn is_plain_word(&self) -> bool {
        self.kind == TokenKind::Word && !self.lower.bytes().any(|b| b.is_ascii_digit())
    }

    /// Whether the token is in a word class of the lexicon.
    pub fn is(&self, class: Class) -> bool {
        self.info.is(class)
    }

    /// Whether the token is a month name ("may" and "march" only when capitalised).
    pub fn is_month(&self) -> bool {
        self.is(Class::Month) && (self.capitalised || !matches!(&*self.lower, "may" | "march"))
    }
}

/// The tokens of a document, in text order.
pub(crate) fn view<'a>(doc: &'a Document, lex: &Lexicon) -> Vec<Tok<'a>> {
    let text = doc.text.as_str();
    let mut prev_end = 0;
    doc.tokens
        .iter()
        .map(|t| {
            let norm = doc.token_norm(t);
            let lower = if norm.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                Cow::Owned(norm.to_lowercase())
            } else {
                Cow::Borrowed(norm)
            };
            let gap = text.get(prev_end..t.span.start).unwrap_or("");
            let line_start = prev_end == 0 || gap.contains('\n');
            let one_space_before = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
            prev_end = t.span.end;
            let info = if t.kind == TokenKind::Word || t.kind == TokenKind::Clitic {
                lex.word(&lower)
            } else {
                WordInfo::default()
            };
            Tok {
                span: t.span,
                kind: t.kind,
                capitalised: norm.chars().next().is_some_and(char::is_uppercase),
                acronym: norm.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !norm.chars().any(char::is_lowercase),
                lower,
                info,
                line_start,
                one_space_before,
            }
        })
        .collect()
}

/// One sentence's tokens with the lexicon: what the grammar walks over.
pub(crate) struct Sent<'t, 'a> {
    pub toks: &'t [Tok<'a>],
    pub lex: &'t Lexicon,
}

impl<'t, 'a> Sent<'t, 'a> {
    /// The lower-cased form of token `k`, if there is one.
    pub fn lower(&self, k: usize) -> Option<&'t str> {
        self.toks.get(k).map(|t| &*t.lower)
    }

    /// Whether token `k` is `word` (lower-cased).
    pub fn is_word(&self, k: usize, word: &str) -> bool {
        self.lower(k) == Some(word)
    }

    /// Token `k`.
    pub fn tok(&self, k: usize) -> Option<&'t Tok<'a>> {
        self.toks.get(k)
    }
}
