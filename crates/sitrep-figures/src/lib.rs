//! Figures in English news: numbers with what they count.
//!
//! A [`FigureTagger`] reads the token layer of a [`Document`] (filled by `sitrep-text`) and
//! fills its `figures` layer: every number that counts or measures something, in digits or
//! words ("120,000", "1.5 million", "$9.1bn", "two and a half", "a dozen", "tens of
//! thousands"), ranges ("10 to 15", "between 5,000 and 7,000", "10-15"), normalised to a
//! `value`, or to `low`/`high` for ranges and vague quantities ("hundreds of" → low 200), with
//! its qualifier (approximate, lower or upper bound), its unit (`km2`, `percent`, `USD`,
//! `years`, …) and the head noun of what it counts. Dates, years, times of day, ordinals,
//! list numbers and numbers inside names are not figures. The conventions are those of the
//! gold format in `docs/schema.md` ("Attribution gold format"); each [`Figure`] field says
//! its own.
//!
//! The language knowledge — number words, qualifiers, units, the context words that rule a
//! number out, the words that end a noun phrase — lives in `data/figures/` and is compiled
//! in; `data/figures/examples.tsv` pins an example of each form, and the tests run them.
//! The stage walks each sentence's tokens once, trying the grammar only where a number
//! starts, so it runs in time linear in the text. When the time stage has run first, numbers
//! inside its dates and times are skipped and each figure takes the nearest date of its
//! sentence as its `date`.
//!
//! ```
//! use sitrep_doc::layers::FigureQualifier;
//! use sitrep_doc::{Document, Meta, Stage};
//! use sitrep_figures::FigureTagger;
//! use sitrep_text::TextProcessor;
//!
//! let mut doc = Document::new(
//!     "On August 6 Russia ordered the evacuation of some 120,000 people. \
//!      Ukraine claims more than 1,000 square kilometres of territory.",
//!     Meta::default(),
//! );
//! TextProcessor::new().annotate(&mut doc);
//! FigureTagger::new().annotate(&mut doc);
//!
//! let found: Vec<&str> = doc.figures.iter().map(|f| doc.slice(f.span)).collect();
//! assert_eq!(found, ["some 120,000 people", "more than 1,000 square kilometres"]);
//! let evacuated = &doc.figures[0];
//! assert_eq!(evacuated.value, Some(120000.0));
//! assert_eq!(evacuated.qualifier, FigureQualifier::Approximate);
//! assert_eq!(evacuated.counted.as_deref(), Some("people"));
//! let territory = &doc.figures[1];
//! assert_eq!(territory.qualifier, FigureQualifier::LowerBound);
//! assert_eq!(territory.unit.as_deref(), Some("km2"));
//! assert_eq!(territory.counted.as_deref(), Some("kilometres"));
//! ```
#![deny(missing_docs)]

mod digits;
mod grammar;
mod lexicon;
mod number;
mod tokens;

use sitrep_doc::layers::{Figure, FigureQualifier, Timex, TimexType};
use sitrep_doc::{Document, Span, Stage};

use crate::grammar::Step;
use crate::lexicon::Lexicon;
use crate::tokens::Sent;

/// An error in the compiled-in data files; the tests rule it out, so it is a build bug.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a data file could not be parsed.
    #[error("data/figures/{file} line {line}: {reason}")]
    Data {
        /// The file under `data/figures/`.
        file: &'static str,
        /// Its line, from 1.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// The figures stage: the parsed word lists of `data/figures/` and the grammar over them.
///
/// Immutable once built, `Send + Sync`: build one and share it across threads.
#[derive(Debug)]
pub struct FigureTagger {
    lexicon: Lexicon,
}

impl Default for FigureTagger {
    fn default() -> Self {
        FigureTagger::new()
    }
}

impl FigureTagger {
    /// Builds the tagger from the data files compiled into the binary.
    ///
    /// # Panics
    /// Only if a compiled-in data file is malformed, which this crate's tests rule out; use
    /// [`FigureTagger::try_new`] to get the error instead.
    pub fn new() -> FigureTagger {
        match FigureTagger::try_new() {
            Ok(t) => t,
            Err(e) => panic!("sitrep-figures was built with a broken data file: {e}"),
        }
    }

    /// Builds the tagger, returning an error naming the file and line of a malformed entry.
    pub fn try_new() -> Result<FigureTagger, Error> {
        let lexicon = Lexicon::load().map_err(|e| Error::Data {
            file: e.file,
            line: e.line,
            reason: e.reason,
        })?;
        Ok(FigureTagger { lexicon })
    }

    /// The figures of `doc`, in text order, from its tokens and sentences (run the text stage
    /// first; without tokens there are no figures) and, where present, its time expressions.
    pub fn tag(&self, doc: &Document) -> Vec<Figure> {
        let toks = tokens::view(doc, &self.lexicon);
        let mut times: Vec<&Timex> = doc
            .times
            .iter()
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .collect();
        times.sort_by_key(|t| t.span);
        let in_date = |span: Span| {
            let after = times.partition_point(|t| t.span.start < span.end);
            after > 0 && times[after - 1].span.end > span.start
        };
        let whole = [(0, toks.len())];
        let sentences: Vec<(usize, usize)> = if doc.sentences.is_empty() {
            whole.to_vec()
        } else {
            doc.sentences
                .iter()
                .map(|s| (s.token_start, s.token_end))
                .collect()
        };
        let mut figures = Vec::new();
        for (start, end) in sentences {
            let Some(toks) = toks.get(start..end) else {
                continue;
            };
            let sent = Sent {
                toks,
                lex: &self.lexicon,
            };
            let first_figure = figures.len();
            let (mut i, mut floor) = (0, 0);
            while i < toks.len() {
                match sent.figure_at(i, floor, &in_date) {
                    Step::Figure(figure, next) => {
                        figures.push(*figure);
                        (i, floor) = (next.max(i + 1), next.max(i + 1));
                    }
                    Step::Skip(next) => i = next,
                    Step::Nothing => i += 1,
                }
            }
            conversions_keep_their_qualifier(doc, &mut figures[first_figure..]);
            if let (Some(a), Some(b)) = (toks.first(), toks.last()) {
                let sentence = Span::new(a.span.start, b.span.end);
                for figure in &mut figures[first_figure..] {
                    figure.date = date_of(figure.span, sentence, &times);
                }
            }
        }
        figures
    }
}

/// A conversion in brackets right after a figure ("some 1,450km (900 miles)") restates it
/// in another unit, so it is as approximate, or as bounded, as the figure it converts.
fn conversions_keep_their_qualifier(doc: &Document, figures: &mut [Figure]) {
    for n in 1..figures.len() {
        let (prev, this) = (&figures[n - 1], &figures[n]);
        let between = doc.text.get(prev.span.end..this.span.start).unwrap_or("");
        let converted = prev.unit.is_some()
            && this.unit.is_some()
            && prev.unit != this.unit
            && between.trim() == "("
            && this.qualifier == FigureQualifier::Exact;
        if converted {
            figures[n].qualifier = prev.qualifier;
        }
    }
}

/// The value of the date expression of `sentence` nearest to `figure`, if there is one
/// (vague references such as `PAST_REF` are not dates).
fn date_of(figure: Span, sentence: Span, times: &[&Timex]) -> Option<String> {
    let from = times.partition_point(|t| t.span.start < sentence.start);
    times[from..]
        .iter()
        .take_while(|t| t.span.end <= sentence.end)
        .filter(|t| t.kind == TimexType::Date && !t.value.ends_with("_REF"))
        .min_by_key(|t| {
            if t.span.end <= figure.start {
                figure.start - t.span.end
            } else {
                t.span.start.saturating_sub(figure.end)
            }
        })
        .map(|t| t.value.clone())
}

impl Stage for FigureTagger {
    fn name(&self) -> &'static str {
        "figures"
    }

    fn annotate(&self, doc: &mut Document) {
        doc.figures = self.tag(doc);
    }
}

#[cfg(test)]
mod tests;
