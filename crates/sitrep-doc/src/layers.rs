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

/// How a figure's number relates to the true quantity, from the words around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FigureQualifier {
    /// No hedge: "12 civilians", "between 5,000 and 7,000".
    #[default]
    Exact,
    /// About that much: some, about, around, nearly, roughly, almost, an estimated, "or so";
    /// also vague quantities ("hundreds of", "tens of thousands").
    Approximate,
    /// At least that much: at least, more than, over, upwards of, "or more".
    LowerBound,
    /// At most that much: up to, fewer than, less than, at most, under, as many as.
    UpperBound,
}

/// A number with what it counts (filled by the figures stage).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    /// The whole figure expression: qualifier, number, unit and the counted noun phrase's
    /// head ("some 120,000 people", "more than 1,000 square kilometres").
    pub span: Span,
    /// The number alone ("120,000", "two and a half", "10 to 15", "$9.1bn"'s "9.1bn").
    pub number: Span,
    /// The normalised value, where it is a single number (`120000`, `2.5`, `9.1e9`).
    pub value: Option<f64>,
    /// The lower end of a range ("10 to 15" → 10) or of a vague quantity ("hundreds of" →
    /// 200, "tens of thousands" → 20000); `None` when `value` is set.
    pub low: Option<f64>,
    /// The upper end of a range ("10 to 15" → 15); `None` for a single value and for vague
    /// quantities, which have no upper end.
    pub high: Option<f64>,
    /// Exact, approximate, or a bound.
    pub qualifier: FigureQualifier,
    /// The normalised unit: `km2`, `km`, `percent`, `years`, an ISO 4217 currency code
    /// (`USD`, `EUR`, `UAH`), …; `None` for a plain count.
    pub unit: Option<String>,
    /// The head noun of what is counted, lower-cased and as written ("people", "towns",
    /// "kilometres", "years"); `None` when the text does not say.
    pub counted: Option<String>,
    /// The whole counted noun phrase ("Russian towns", "square kilometres of territory").
    pub counted_phrase: Option<Span>,
    /// The date the figure refers to (a TIMEX3 value), where its sentence gives one.
    pub date: Option<String>,
}

/// Whether a quotation gives someone's words or only marks a term.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Someone's words.
    #[default]
    Speech,
    /// A quoted term without a speaker (scare quotes: to “occupy” part of a territory).
    Scare,
}

/// The stance a reporting cue takes toward what it reports (PARC/PolNeAR-style classes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Neutral report: said, announced, reported.
    Assert,
    /// The writer keeps a distance: claim, allege, according to.
    Claim,
    /// Presupposes the content is true: admit, acknowledge, concede.
    Admit,
    /// Negates the content: deny.
    Deny,
    /// Looks forward with a threat or caution: warn, threaten.
    Warn,
    /// Asks for something: demand, call for, urge.
    Demand,
    /// Refuses a proposal or statement: reject, dismiss.
    Reject,
    /// Uncertain: may, believe, suggest, seem.
    Hedge,
}

/// A direct quotation (filled by the attribution stage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    /// The quotation, marks included.
    pub span: Span,
    /// The speaker mention the quote is attributed to (a name, a pronoun, a description),
    /// where one is found.
    pub speaker: Option<Span>,
    /// Speech or a scare-quoted term.
    pub kind: QuoteKind,
    /// Who the speaker is: a canonical name when the document identifies them ("He" →
    /// "Volodymyr Zelensky"), else the description itself ("one woman").
    pub speaker_entity: Option<String>,
    /// The reporting cue ("said", "told", "according to").
    pub cue: Option<Span>,
    /// Who it was said to, or the medium ("reporters", "Efe", "The New York Times").
    pub addressee: Option<Span>,
    /// The speaker's description from an appositive or pre-modifier ("a resident of Lviv").
    pub speaker_description: Option<Span>,
    /// The stance of the cue, where there is one.
    pub stance: Option<Stance>,
    /// The figures (spans in the figure layer) inside the quote, which take its speaker.
    pub figures: Vec<Span>,
}

/// An attributed claim in indirect speech (filled by the attribution stage).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Claim {
    /// The attributed content.
    pub span: Span,
    /// Who makes the claim.
    pub source: Option<Span>,
    /// The reporting cue ("according to", "claim").
    pub cue: Option<Span>,
    /// Who the source is: a canonical name when the document identifies them, else the
    /// description itself ("Russian authorities").
    pub source_entity: Option<String>,
    /// The source's description from an appositive or pre-modifier.
    pub source_description: Option<Span>,
    /// The stance of the cue.
    pub stance: Option<Stance>,
    /// The figures (spans in the figure layer) inside the claim, which take its source.
    pub figures: Vec<Span>,
}

/// Two statements in one document that say nearly the same thing: a quote repeated in
/// another translation, or a quote and an unquoted paragraph with the same words.
#[derive(Clone, Debug, PartialEq)]
pub struct Repeat {
    /// A quote: the earlier one when both statements are quotes, else the quote that repeats
    /// an unquoted paragraph (before or after it).
    pub first: Span,
    /// The other statement: a quote, or an unquoted paragraph.
    pub second: Span,
    /// Whether `second` is a quote (else an unquoted paragraph).
    pub second_is_quote: bool,
    /// Word-overlap similarity in `[0, 1]` (Dice coefficient of word bigrams and words).
    pub similarity: f64,
}

/// Two figures about the same counted thing that disagree: different sources giving
/// incompatible values.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// The first figure (a span in the figure layer).
    pub first: Span,
    /// The second figure.
    pub second: Span,
    /// The source of the first figure ("the writer" when unattributed).
    pub first_source: Option<String>,
    /// The source of the second figure.
    pub second_source: Option<String>,
    /// The counted thing both figures are about.
    pub counted: String,
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
