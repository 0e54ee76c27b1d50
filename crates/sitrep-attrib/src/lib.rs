//! Attribution for sitrep: who said what. Finds direct quotations (and tells scare quotes
//! from speech), their speakers, cues and addressees, attributed claims in indirect speech
//! with their stance, repeated quotes, and figures whose sources disagree.
//!
//! The model is PARC 3.0's and PolNeAR's: an attribution has a **source** (who), a **cue**
//! (said, told, according to) and a **content** (what). [`Attributor`] is the pipeline stage;
//! it reads tokens and sentences (and entities and figures, when those layers are filled) and
//! writes `doc.quotes`, `doc.claims`, `doc.repeats` and `doc.conflicts`. Every speaker and
//! source keeps the mention it was resolved from ("He", "the Russian president") and the
//! entity it was resolved to ("Volodymyr Zelensky", "Vladimir Putin"); an unnamed source
//! keeps its description ("one woman"). Language knowledge lives in `data/attrib/`.
//!
//! ```
//! use sitrep_attrib::Attributor;
//! use sitrep_doc::{Document, Meta, Stage};
//!
//! let text = "Vladimir Putin spoke on Monday. “What negotiations?” the Russian president asked.\n\n\
//!             According to Russian authorities, 12 civilians were injured.";
//! let mut doc = Document::new(text, Meta::default());
//! sitrep_text::TextProcessor::new().annotate(&mut doc);
//! Attributor::new().annotate(&mut doc);
//!
//! let quote = &doc.quotes[0];
//! assert_eq!(doc.slice(quote.speaker.unwrap()), "the Russian president");
//! assert_eq!(quote.speaker_entity.as_deref(), Some("Vladimir Putin"));
//! assert_eq!(doc.slice(quote.cue.unwrap()), "asked");
//!
//! let claim = &doc.claims[0];
//! assert_eq!(doc.slice(claim.span), "12 civilians were injured");
//! assert_eq!(claim.source_entity.as_deref(), Some("Russian authorities"));
//! ```
#![deny(missing_docs)]

mod conflicts;
mod error;
mod frames;
pub mod lexicon;
mod names;
mod quotes;
mod repeats;
mod units;
mod verbs;

pub use error::Error;
pub use lexicon::Lexicon;

use sitrep_doc::layers::{Claim, Quote, QuoteKind, Stance, TokenKind};
use sitrep_doc::{Document, Span, Stage};

use frames::{Ctx, El, Frame};
use names::{NameIndex, Recent};

/// The attribution stage. Immutable and `Send + Sync`: build it once, share it.
#[derive(Debug, Clone)]
pub struct Attributor {
    lex: Lexicon,
}

impl Default for Attributor {
    fn default() -> Attributor {
        Attributor::new()
    }
}

impl Attributor {
    /// The stage with the data compiled in from `data/attrib/`.
    ///
    /// # Panics
    /// Never in a released build: the built-in data is checked by the crate's tests.
    pub fn new() -> Attributor {
        match Lexicon::builtin() {
            Ok(lex) => Attributor { lex },
            Err(e) => panic!("the built-in attribution data is broken: {e}"),
        }
    }

    /// The stage with other language data.
    pub fn with_lexicon(lex: Lexicon) -> Attributor {
        Attributor { lex }
    }

    /// Fills `doc.quotes`, `doc.claims`, `doc.repeats` and `doc.conflicts` (replacing what
    /// was there). Needs the token and sentence layers; uses entities and figures if present.
    pub fn attribute(&self, doc: &mut Document) {
        let raw = quotes::find_quotes(doc);
        let mut quotes: Vec<Quote> = raw
            .iter()
            .map(|q| Quote {
                span: q.span,
                ..Quote::default()
            })
            .collect();
        let mut attributed = vec![false; raw.len()];
        let mut sole_content = vec![false; raw.len()];
        let mut paraphrased = vec![false; raw.len()];
        let mut claims = Vec::new();
        {
            let ctx = Ctx::new(doc, &self.lex, &raw);
            let index = NameIndex::build(doc, &self.lex);
            let mut recent = Recent::default();
            let mut resolve = |r: Option<(usize, usize)>| {
                let entity = r.and_then(|r| index.resolve(doc, &self.lex, r, &recent));
                if let (Some(e), Some((a, b))) = (&entity, r) {
                    if let Some(person) = index.kind_of(e) {
                        let pronoun = (b == a + 1).then(|| ctx.lower[a].as_str());
                        recent.spoke(e, person, pronoun);
                    }
                }
                entity
            };
            let units = frames::units(&ctx);
            let mut announced: Option<Frame> = None;
            // The last frame with a source, and the paragraph of its unit.
            let mut last: Option<(Frame, usize)> = None;
            for els in &units {
                let paragraph = unit_paragraph(doc, &raw, els);
                if let (Some(f), Some(El::Quote(q))) = (announced.take(), els.first()) {
                    set_quote(&mut quotes[*q], &f, doc, resolve(f.source));
                    attributed[*q] = true;
                    sole_content[*q] = true;
                }
                let found = frames::frames(&ctx, els);
                if found.is_empty() {
                    // "X said Y. “Quote.”": a quotation opening a sentence with no cue of its
                    // own continues the attribution before it, in the same paragraph.
                    if let (Some((f, p)), Some(El::Quote(q))) = (&last, els.first()) {
                        if *p == paragraph && !attributed[*q] {
                            set_quote(&mut quotes[*q], f, doc, resolve(f.source));
                            attributed[*q] = true;
                        }
                    }
                }
                for f in found {
                    if f.source.is_some() {
                        last = Some((f.clone(), paragraph));
                    }
                    if f.announces_quote {
                        announced = Some(f);
                        continue;
                    }
                    let entity = resolve(f.source);
                    // A quoted name inside the source ("the leader of the “Voice of Ukraine”
                    // initiative") is nobody's words.
                    if let Some((a, b)) = f.source {
                        let from = raw.partition_point(|rq| rq.first_token < a);
                        for n in (from..raw.len()).take_while(|&n| raw[n].first_token < b) {
                            if raw[n].last_token < b && !attributed[n] {
                                attributed[n] = true;
                                quotes[n].kind = QuoteKind::Scare;
                            }
                        }
                    }
                    for &q in &f.quotes {
                        if !attributed[q] {
                            set_quote(&mut quotes[q], &f, doc, entity.clone());
                            attributed[q] = true;
                            sole_content[q] = f.only_quotes && f.quotes.len() == 1;
                            paraphrased[q] = f.according_to;
                        }
                    }
                    if !f.only_quotes {
                        claims.push(Claim {
                            span: f.content,
                            source: f.source.map(|s| tok_span(doc, s)),
                            cue: Some(tok_span(doc, f.cue)),
                            source_entity: entity,
                            source_description: f.description.map(|d| tok_span(doc, d)),
                            stance: Some(f.stance),
                            figures: Vec::new(),
                        });
                    }
                }
            }
            for (q, speaker, dash) in dash_bylines(doc, &raw, &attributed) {
                let entity = resolve(Some(speaker));
                quotes[q].speaker = Some(tok_span(doc, speaker));
                quotes[q].speaker_entity = entity;
                quotes[q].cue = Some(doc.tokens[dash].span);
                quotes[q].stance = Some(Stance::Assert);
                attributed[q] = true;
            }
            continue_quotes(&raw, &mut quotes, &mut attributed);
            // A short quotation is a quoted term when nobody says it, or when it is one word
            // of a paraphrase ("according to X, the goal is not to “occupy” …"); inside
            // someone's reported words it is theirs ("described it as “spin”").
            for (n, q) in raw.iter().enumerate() {
                let scare = match term_words(doc, q) {
                    Some(words) => !attributed[n] || (paraphrased[n] && words <= 1),
                    None => false,
                };
                if scare && !sole_content[n] {
                    quotes[n] = Quote {
                        span: q.span,
                        kind: QuoteKind::Scare,
                        ..Quote::default()
                    };
                }
            }
        }
        claims.sort_by_key(|c: &Claim| (c.span.start, c.span.end));
        attach_figures(doc, &mut quotes, &mut claims);
        doc.repeats = repeats::find_repeats(doc, &quotes);
        doc.conflicts = conflicts::find_conflicts(doc, &quotes, &claims);
        doc.quotes = quotes;
        doc.claims = claims;
    }
}

impl Stage for Attributor {
    fn name(&self) -> &'static str {
        "attribution"
    }

    fn annotate(&self, doc: &mut Document) {
        self.attribute(doc);
    }
}

/// The paragraph a unit starts in.
fn unit_paragraph(doc: &Document, raw: &[quotes::RawQuote], els: &[El]) -> usize {
    let token = match els.first() {
        Some(El::Tok(t)) => *t,
        Some(El::Quote(q)) => raw[*q].first_token,
        None => return usize::MAX,
    };
    let s = doc.sentences.partition_point(|s| s.token_end <= token);
    doc.sentences.get(s).map_or(usize::MAX, |s| s.paragraph)
}

fn tok_span(doc: &Document, (a, b): (usize, usize)) -> Span {
    Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
}

fn set_quote(q: &mut Quote, f: &Frame, doc: &Document, entity: Option<String>) {
    q.speaker = f.source.map(|s| tok_span(doc, s));
    q.speaker_entity = entity;
    q.cue = Some(tok_span(doc, f.cue));
    q.addressee = f.addressee.map(|s| tok_span(doc, s));
    q.speaker_description = f.description.map(|s| tok_span(doc, s));
    q.stance = Some(f.stance);
}

/// "“…” ― Sonya Herridge": a quotation signed with a dash and a name that ends its line,
/// as readers' comments and vox pops are. Returns (quote, the name's tokens, the dash).
fn dash_bylines(
    doc: &Document,
    raw: &[quotes::RawQuote],
    attributed: &[bool],
) -> Vec<(usize, (usize, usize), usize)> {
    let mut out = Vec::new();
    for (n, q) in raw.iter().enumerate() {
        let dash = q.last_token + 1;
        if attributed[n] || q.unclosed || dash + 1 >= doc.tokens.len() {
            continue;
        }
        let norm = |t: usize| doc.token_norm(&doc.tokens[t]);
        if !matches!(norm(dash), "--" | "-") {
            continue;
        }
        let line_ends = |t: usize| {
            let end = doc.tokens[t].span.end;
            let next = doc
                .tokens
                .get(t + 1)
                .map_or(doc.text.len(), |n| n.span.start);
            doc.text[end..next].contains('\n') || t + 1 == doc.tokens.len()
        };
        let first = dash + 1;
        let Some(last) = (first..(first + 5).min(doc.tokens.len())).find(|&t| line_ends(t)) else {
            continue;
        };
        let name = (first..=last).all(|t| {
            let w = doc.slice(doc.tokens[t].span);
            w.chars().next().is_some_and(char::is_uppercase) || w == "."
        });
        if name {
            out.push((n, (first, last + 1), dash));
        }
    }
    out
}

/// A quotation left without a speaker continues the one before it: in the same paragraph, or
/// reopened at the start of the next paragraph after one that ran to its end.
fn continue_quotes(raw: &[quotes::RawQuote], quotes: &mut [Quote], attributed: &mut [bool]) {
    for n in 1..raw.len() {
        if attributed[n] || !attributed[n - 1] || quotes[n - 1].speaker.is_none() {
            continue;
        }
        let same_paragraph = raw[n].paragraph == raw[n - 1].paragraph;
        let reopened = raw[n - 1].unclosed && raw[n].paragraph == raw[n - 1].paragraph + 1;
        if same_paragraph || reopened {
            let prev = quotes[n - 1].clone();
            quotes[n] = Quote {
                span: quotes[n].span,
                figures: Vec::new(),
                ..prev
            };
            attributed[n] = true;
        }
    }
}

/// The number of words of a quotation that can be a quoted term: at most three words and no
/// sentence punctuation inside; `None` for anything longer.
fn term_words(doc: &Document, q: &quotes::RawQuote) -> Option<usize> {
    let inner = &doc.tokens[q.first_token + 1..q.last_token.max(q.first_token + 1)];
    let words = inner
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count();
    let punct = inner.iter().any(|t| {
        t.kind == TokenKind::Punct && matches!(doc.token_norm(t), "." | "?" | "!" | "," | ":" | ";")
    });
    (words <= 3 && !punct && !q.unclosed).then_some(words)
}

/// Figures inside a quote or a claim take its source.
///
/// A figure in the sentence right after an "According to X, …" claim, in the same paragraph
/// and with no attribution of its own, is X's too: "According to Russian authorities, at least
/// 100,000 people have died. About 12 civilians have been injured."
fn attach_figures(doc: &Document, quotes: &mut [Quote], claims: &mut [Claim]) {
    for fig in &doc.figures {
        let q = quotes.partition_point(|q| q.span.end <= fig.span.start);
        if let Some(q) = quotes
            .get_mut(q)
            .filter(|q| q.kind == QuoteKind::Speech && q.span.contains(fig.span))
        {
            q.figures.push(fig.span);
        } else if let Some(c) = claims
            .iter_mut()
            .filter(|c| c.span.contains(fig.span))
            .min_by_key(|c| c.span.len())
        {
            c.figures.push(fig.span);
        } else if let Some(c) = continued_claim(doc, quotes, claims, fig.span) {
            claims[c].figures.push(fig.span);
        }
    }
}

/// The "according to" claim of the sentence before the one holding `span`, if that sentence
/// continues it (same paragraph, no attribution of its own).
fn continued_claim(
    doc: &Document,
    quotes: &[Quote],
    claims: &[Claim],
    span: Span,
) -> Option<usize> {
    let s = doc.sentences.partition_point(|s| s.span.end <= span.start);
    let (prev, here) = (doc.sentences.get(s.checked_sub(1)?)?, doc.sentences.get(s)?);
    if prev.paragraph != here.paragraph {
        return None;
    }
    let own = claims.iter().any(|c| c.span.overlaps(here.span))
        || quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Speech && q.span.overlaps(here.span));
    if own {
        return None;
    }
    claims.iter().position(|c| {
        prev.span.contains(c.span)
            && c.cue
                .is_some_and(|cue| doc.slice(cue).eq_ignore_ascii_case("according to"))
    })
}
