//! The output record: what `sitrep extract` prints, one JSON object per article.
//!
//! These are serialize-only views of a [`Document`], built when the record is written. They
//! convert every byte span into **character offsets** (Unicode scalar values, as Python's
//! `str` indexes), so `text[start:end]` in Python is exactly the annotation. The schema is
//! versioned by the `schema` field; within `sitrep/1` fields are only ever added.
//! `docs/schema.md` documents each field; `docs/sitrep.schema.json` is generated from these
//! types by [`json_schema`] and a test keeps the two in step.

use schemars::JsonSchema;
use serde::Serialize;

use crate::layers::{EntityLabel, QuoteKind, Stance, TimexType, TokenKind};
use crate::offsets::CharOffsets;
use crate::{Document, Span};

/// The schema version every record carries.
pub const SCHEMA_VERSION: &str = "sitrep/1";

/// One article's record.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Record<'a> {
    /// Always `"sitrep/1"` for this version of the schema.
    pub schema: &'static str,
    /// The article's identifier: the input's own, or derived from its file name (and line).
    pub id: Option<&'a str>,
    /// The headline.
    pub title: Option<&'a str>,
    /// The article's address.
    pub url: Option<&'a str>,
    /// The publisher or outlet.
    pub source: Option<&'a str>,
    /// Publication date (ISO 8601: `2024-08-18` or `2024-08-18T09:30:00Z`), the anchor of
    /// relative time expressions.
    pub published: Option<String>,
    /// ISO 639-1 language code, where the input states one.
    pub language: Option<&'a str>,
    /// The original text; every `start`/`end` below is a character offset into it.
    pub text: &'a str,
    /// Tokens in text order.
    pub tokens: Vec<TokenRecord<'a>>,
    /// Sentences in text order.
    pub sentences: Vec<SentenceRecord<'a>>,
    /// Named-entity mentions.
    pub entities: Vec<EntityRecord<'a>>,
    /// Time expressions with TIMEX3 values.
    pub times: Vec<TimexRecord<'a>>,
    /// Figures: numbers with what they count.
    pub figures: Vec<FigureRecord<'a>>,
    /// Direct quotations.
    pub quotes: Vec<QuoteRecord<'a>>,
    /// Attributed claims.
    pub claims: Vec<ClaimRecord<'a>>,
    /// Near-duplicate statements: a quote repeated in another wording.
    pub repeats: Vec<RepeatRecord>,
    /// Figures about the same thing whose sources give incompatible values.
    pub conflicts: Vec<ConflictRecord<'a>>,
    /// Places resolved to coordinates.
    pub places: Vec<PlaceRecord<'a>>,
    /// Coded events.
    pub events: Vec<EventRecord<'a>>,
}

/// A span in character offsets, as it appears in the record.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub struct CharSpan {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
}

/// A token. Tokens carry no `text`; slice the record's `text` or read `norm`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TokenRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The normalised form: straight quotes, `-`/`--` for dashes, no soft hyphens.
    pub norm: &'a str,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// A sentence.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SentenceRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The sentence as it stands in `text`.
    pub text: &'a str,
    /// Index of the sentence's first token in `tokens`.
    pub token_start: usize,
    /// One past the index of its last token.
    pub token_end: usize,
    /// Index of its paragraph (blocks separated by blank lines), from 0.
    pub paragraph: usize,
}

/// A named-entity mention.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EntityRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The mention as it stands in `text`.
    pub text: &'a str,
    /// The entity type.
    pub label: EntityLabel,
}

/// A time expression.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TimexRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The expression as it stands in `text`.
    pub text: &'a str,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: &'a str,
    /// TIMEX3 `mod`, if any.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'a str>,
    /// The anchor the value was resolved against (ISO 8601 date), for relative expressions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor: Option<&'a str>,
    /// TIMEX3 `quant` of a SET (`EACH`, `EVERY`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quant: Option<&'a str>,
    /// TIMEX3 `freq` of a SET (`1X`, `2X`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub freq: Option<&'a str>,
}

/// A figure.
#[derive(Debug, Serialize, JsonSchema)]
pub struct FigureRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The figure as it stands in `text`: qualifier, number, unit and the counted head
    /// ("some 120,000 people").
    pub text: &'a str,
    /// The number alone ("120,000", "two and a half").
    pub number: CharSpan,
    /// Its value, where it is a single number (`null` for ranges and vague quantities).
    pub value: Option<f64>,
    /// The lower end of a range or vague quantity ("hundreds of" → 200).
    pub low: Option<f64>,
    /// The upper end of a range (`null` for vague quantities).
    pub high: Option<f64>,
    /// `exact`, `approximate`, `lower_bound` or `upper_bound`.
    pub qualifier: crate::layers::FigureQualifier,
    /// The normalised unit (`km2`, `km`, `percent`, `years`, `USD`, …), `null` for a count.
    pub unit: Option<&'a str>,
    /// The head noun of what is counted, lower-cased ("people", "kilometres").
    pub counted: Option<&'a str>,
    /// The whole counted noun phrase ("square kilometres of territory").
    pub counted_phrase: Option<CharSpan>,
    /// The date the figure refers to (a TIMEX3 value), where its sentence gives one.
    pub date: Option<&'a str>,
}

/// A direct quotation.
#[derive(Debug, Serialize, JsonSchema)]
pub struct QuoteRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The quotation as it stands in `text`.
    pub text: &'a str,
    /// The speaker mention, where one is found.
    pub speaker: Option<CharSpan>,
    /// `speech` (someone's words) or `scare` (a quoted term without a speaker).
    pub kind: QuoteKind,
    /// Who the speaker is: a full name when the document identifies them, else the
    /// description itself ("one woman").
    pub speaker_entity: Option<&'a str>,
    /// The reporting cue ("said", "told", "according to").
    pub cue: Option<CharSpan>,
    /// Who it was said to, or the medium ("reporters", "Efe").
    pub addressee: Option<CharSpan>,
    /// The speaker's description from an appositive or pre-modifier.
    pub speaker_description: Option<CharSpan>,
    /// The cue's stance, where there is a cue.
    pub stance: Option<Stance>,
    /// The figures inside the quote, which take its speaker as their source.
    pub figures: Vec<CharSpan>,
}

/// An attributed claim.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ClaimRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The claim's content as it stands in `text`.
    pub text: &'a str,
    /// The source mention.
    pub source: Option<CharSpan>,
    /// The reporting cue.
    pub cue: Option<CharSpan>,
    /// Who the source is: a full name when the document identifies them, else the
    /// description itself ("Russian authorities").
    pub source_entity: Option<&'a str>,
    /// The source's description from an appositive or pre-modifier.
    pub source_description: Option<CharSpan>,
    /// The cue's stance: `assert`, `claim`, `admit`, `deny`, `warn`, `demand`, `reject`,
    /// `hedge`.
    pub stance: Option<Stance>,
    /// The figures inside the claim, which take its source as their source.
    pub figures: Vec<CharSpan>,
}

/// Two statements of one document that say nearly the same thing.
#[derive(Debug, Serialize, JsonSchema)]
pub struct RepeatRecord {
    /// A quote: the earlier one when both statements are quotes, else the quote that repeats
    /// an unquoted paragraph (before or after it).
    pub first: CharSpan,
    /// The other statement: a quote, or an unquoted paragraph.
    pub second: CharSpan,
    /// Whether `second` is a quote (else an unquoted paragraph).
    pub second_is_quote: bool,
    /// Word-overlap similarity in `[0, 1]`.
    pub similarity: f64,
}

/// Two figures about the same counted thing with incompatible values from different sources.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ConflictRecord<'a> {
    /// The first figure.
    pub first: CharSpan,
    /// The second figure.
    pub second: CharSpan,
    /// The source of the first figure (`null`: the writer).
    pub first_source: Option<&'a str>,
    /// The source of the second figure (`null`: the writer).
    pub second_source: Option<&'a str>,
    /// The counted thing both are about.
    pub counted: &'a str,
}

/// A place resolved to the gazetteer.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PlaceRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The mention as it stands in `text`.
    pub text: &'a str,
    /// GeoNames id.
    pub geonames_id: Option<u64>,
    /// Latitude in degrees (WGS 84).
    pub lat: Option<f64>,
    /// Longitude in degrees (WGS 84).
    pub lon: Option<f64>,
}

/// A coded event.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EventRecord<'a> {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset one past the last character.
    pub end: usize,
    /// The triggering text as it stands in `text`.
    pub text: &'a str,
    /// PLOVER event type.
    pub event_type: &'a str,
}

impl<'a> Record<'a> {
    /// The record of a document, with byte spans converted to character offsets.
    pub fn new(doc: &'a Document) -> Record<'a> {
        let offsets = CharOffsets::new(&doc.text);
        let chars = |span: Span| CharSpan {
            start: offsets.char_offset(span.start),
            end: offsets.char_offset(span.end),
        };
        let text = |span: Span| span.slice(&doc.text);
        let meta = &doc.meta;
        Record {
            schema: SCHEMA_VERSION,
            id: meta.id.as_deref(),
            title: meta.title.as_deref(),
            url: meta.url.as_deref(),
            source: meta.source.as_deref(),
            published: meta.published.map(|p| p.to_string()),
            language: meta.language.as_deref(),
            text: &doc.text,
            tokens: doc
                .tokens
                .iter()
                .map(|t| {
                    let c = chars(t.span);
                    TokenRecord {
                        start: c.start,
                        end: c.end,
                        norm: doc.token_norm(t),
                        kind: t.kind,
                    }
                })
                .collect(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| {
                    let c = chars(s.span);
                    SentenceRecord {
                        start: c.start,
                        end: c.end,
                        text: text(s.span),
                        token_start: s.token_start,
                        token_end: s.token_end,
                        paragraph: s.paragraph,
                    }
                })
                .collect(),
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    let c = chars(e.span);
                    EntityRecord {
                        start: c.start,
                        end: c.end,
                        text: text(e.span),
                        label: e.label,
                    }
                })
                .collect(),
            times: doc
                .times
                .iter()
                .map(|t| {
                    let c = chars(t.span);
                    TimexRecord {
                        start: c.start,
                        end: c.end,
                        text: text(t.span),
                        kind: t.kind,
                        value: &t.value,
                        modifier: t.modifier.as_deref(),
                        anchor: t.anchor.as_deref(),
                        quant: t.quant.as_deref(),
                        freq: t.freq.as_deref(),
                    }
                })
                .collect(),
            figures: doc
                .figures
                .iter()
                .map(|f| {
                    let c = chars(f.span);
                    FigureRecord {
                        start: c.start,
                        end: c.end,
                        text: text(f.span),
                        number: chars(f.number),
                        value: f.value,
                        low: f.low,
                        high: f.high,
                        qualifier: f.qualifier,
                        unit: f.unit.as_deref(),
                        counted: f.counted.as_deref(),
                        counted_phrase: f.counted_phrase.map(chars),
                        date: f.date.as_deref(),
                    }
                })
                .collect(),
            quotes: doc
                .quotes
                .iter()
                .map(|q| {
                    let c = chars(q.span);
                    QuoteRecord {
                        start: c.start,
                        end: c.end,
                        text: text(q.span),
                        speaker: q.speaker.map(chars),
                        kind: q.kind,
                        speaker_entity: q.speaker_entity.as_deref(),
                        cue: q.cue.map(chars),
                        addressee: q.addressee.map(chars),
                        speaker_description: q.speaker_description.map(chars),
                        stance: q.stance,
                        figures: q.figures.iter().map(|&f| chars(f)).collect(),
                    }
                })
                .collect(),
            claims: doc
                .claims
                .iter()
                .map(|cl| {
                    let c = chars(cl.span);
                    ClaimRecord {
                        start: c.start,
                        end: c.end,
                        text: text(cl.span),
                        source: cl.source.map(chars),
                        cue: cl.cue.map(chars),
                        source_entity: cl.source_entity.as_deref(),
                        source_description: cl.source_description.map(chars),
                        stance: cl.stance,
                        figures: cl.figures.iter().map(|&f| chars(f)).collect(),
                    }
                })
                .collect(),
            repeats: doc
                .repeats
                .iter()
                .map(|r| RepeatRecord {
                    first: chars(r.first),
                    second: chars(r.second),
                    second_is_quote: r.second_is_quote,
                    similarity: r.similarity,
                })
                .collect(),
            conflicts: doc
                .conflicts
                .iter()
                .map(|c| ConflictRecord {
                    first: chars(c.first),
                    second: chars(c.second),
                    first_source: c.first_source.as_deref(),
                    second_source: c.second_source.as_deref(),
                    counted: &c.counted,
                })
                .collect(),
            places: doc
                .places
                .iter()
                .map(|p| {
                    let c = chars(p.span);
                    PlaceRecord {
                        start: c.start,
                        end: c.end,
                        text: text(p.span),
                        geonames_id: p.geonames_id,
                        lat: p.lat,
                        lon: p.lon,
                    }
                })
                .collect(),
            events: doc
                .events
                .iter()
                .map(|e| {
                    let c = chars(e.span);
                    EventRecord {
                        start: c.start,
                        end: c.end,
                        text: text(e.span),
                        event_type: &e.event_type,
                    }
                })
                .collect(),
        }
    }
}

/// The JSON Schema (draft 2020-12) of [`Record`], as checked in at `docs/sitrep.schema.json`.
pub fn json_schema() -> serde_json::Value {
    let mut schema = schemars::schema_for!(Record<'static>);
    schema.insert(
        "$id".into(),
        "https://sitrep.dev/schema/sitrep-1.json".into(),
    );
    schema.to_value()
}
