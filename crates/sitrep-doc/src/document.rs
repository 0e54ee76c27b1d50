//! The document: the original text, its metadata and its annotation layers.

use crate::layers::{
    Claim, Conflict, Entity, Event, Figure, Place, Quote, Repeat, Sentence, Timex, Token,
};
use crate::{Meta, Normalized, Span};

/// One article: its original text (never rewritten), metadata, and the layers the pipeline
/// fills. Every annotation is a [`Span`] of byte offsets into [`Document::text`].
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The original text, exactly as read (after decoding and, for HTML, text extraction).
    pub text: String,
    /// What is known about the article.
    pub meta: Meta,
    /// The normalised view of `text` that tokens point into with [`Token::norm`]; empty until
    /// the text stage runs.
    pub normalized: Normalized,
    /// Tokens, in text order.
    pub tokens: Vec<Token>,
    /// Sentences, in text order; together they cover every token once.
    pub sentences: Vec<Sentence>,
    /// Named-entity mentions.
    pub entities: Vec<Entity>,
    /// Time expressions.
    pub times: Vec<Timex>,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Direct quotations.
    pub quotes: Vec<Quote>,
    /// Attributed claims.
    pub claims: Vec<Claim>,
    /// Near-duplicate statements (quotes repeated in another wording).
    pub repeats: Vec<Repeat>,
    /// Figures about the same thing whose sources disagree.
    pub conflicts: Vec<Conflict>,
    /// Resolved places.
    pub places: Vec<Place>,
    /// Coded events.
    pub events: Vec<Event>,
}

impl Document {
    /// A document with `text` and `meta` and no annotations yet.
    pub fn new(text: impl Into<String>, meta: Meta) -> Document {
        Document {
            text: text.into(),
            meta,
            ..Document::default()
        }
    }

    /// The original text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// A token's normalised form.
    pub fn token_norm(&self, token: &Token) -> &str {
        token.norm.slice(self.normalized.as_str())
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.token_start..sentence.token_end]
    }
}
