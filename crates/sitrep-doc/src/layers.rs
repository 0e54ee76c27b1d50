//! The annotation layers: one typed vector per kind of annotation, each a span into the
//! original text.
//!
//! This crate fills none of them; the stages do. Layers that later stages will fill are
//! declared with the fields every consumer can rely on; fields may be added to them later,
//! never renamed or removed within schema `sitrep/1`.

use schemars::JsonSchema;
use serde::Serialize;

use crate::Span;

/// What kind of token a token is; lets later stages skip punctuation or treat URLs whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters (and digits or marks inside a word), including hyphenated words and
    /// abbreviations with their full stops (`U.S.`, `Gen.`).
    Word,
    /// A number in digits: `120,000`, `2.5`, `1990s`, `20th`.
    Number,
    /// A clitic split off its host: `'s`, `n't`, `'ll`.
    Clitic,
    /// Punctuation: one mark, or a run that reads as one (`...`, `--`).
    Punct,
    /// A symbol that is not punctuation: currency, `%`, `&`, `+`.
    Symbol,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A `#hashtag`.
    Hashtag,
    /// An `@handle`.
    Handle,
}

/// A token: a span of the original text and its form in the normalised view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where the token is in the original text.
    pub span: Span,
    /// Where its normalised form is in [`crate::Document::normalized`].
    pub norm: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// A sentence: a run of tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Index of the first token in the token layer.
    pub token_start: usize,
    /// One past the index of the last token.
    pub token_end: usize,
    /// Index of the paragraph (blank-line separated block) the sentence is in, from 0.
    pub paragraph: usize,
}

/// The entity types the record exposes (OntoNotes-style names for the CoNLL types, with GPE
/// and NORP split off by data files).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A geo-political entity: country, region, city.
    Gpe,
    /// A location that is not a GPE: region, sea, mountain.
    Loc,
    /// A nationality, religious or political group.
    Norp,
    /// A named event.
    Event,
    /// Any other name.
    Misc,
}

/// A named-entity mention (filled by the NER stage).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The mention.
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
}

/// The TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2024-08-06`, `2024-W32`, `2024-SU`.
    Date,
    /// A time of day.
    Time,
    /// A length of time: `P2.5Y`.
    Duration,
    /// A recurring time: `P1W` each.
    Set,
}

/// A time expression with its TIMEX3 value (filled by the time stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// The expression.
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// Its TIMEX3 value (`2024-08-06`, `P2.5Y`, `PAST_REF`, `XXXX-08-06`).
    pub value: String,
    /// Its TIMEX3 `mod` (`START`, `APPROX`, …), if any.
    pub modifier: Option<String>,
    /// The anchor the value was resolved against (the publication date in news mode, the
    /// last mentioned date in narrative mode), when the value depends on one.
    pub anchor: Option<String>,
    /// For a SET, its TIMEX3 `quant` (`EACH`, `EVERY`), if any.
    pub quant: Option<String>,
    /// For a SET, its TIMEX3 `freq` (`1X`, `2X`), if any.
    pub freq: Option<String>,
}

/// A number with what it counts (filled by the figures stage).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The whole figure expression ("some 120,000 people").
    pub span: Span,
    /// The normalised value, where it is a single number.
    pub value: Option<f64>,
}

/// A direct quotation (filled by the attribution stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quotation, marks included.
    pub span: Span,
    /// The speaker mention, where one is found.
    pub speaker: Option<Span>,
}

/// An attributed claim in indirect speech (filled by the attribution stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The attributed content.
    pub span: Span,
    /// Who makes the claim.
    pub source: Option<Span>,
    /// The reporting cue ("according to", "claim").
    pub cue: Option<Span>,
}

/// A place mention resolved to a gazetteer entry (filled by the geo stage).
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The mention.
    pub span: Span,
    /// The GeoNames id of the resolved place.
    pub geonames_id: Option<u64>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
}

/// A coded event (filled by the event stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The text that triggered the coding.
    pub span: Span,
    /// The PLOVER event type (`ASSAULT`, `REQUEST`, …).
    pub event_type: String,
}
