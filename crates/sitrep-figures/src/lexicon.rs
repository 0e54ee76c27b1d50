//! The word lists of `data/figures/`, compiled in and parsed once.
//!
//! Every file shares the line format `VALUE = form | form` (each file's header says what
//! `VALUE` means there). Single-word classes go into one map from the lower-cased word to its
//! [`NumberWord`] and a bit set of [`Class`]es, so that a token costs one look-up; phrases
//! (qualifiers, units) go into [`PhraseIndex`]es matched on whole tokens, longest first.

use rustc_hash::FxHashMap as HashMap;

use sitrep_doc::layers::FigureQualifier;

/// One data file: its name (for error messages) and its text.
struct Source {
    name: &'static str,
    text: &'static str,
}

macro_rules! source {
    ($name:literal) => {
        Source {
            name: $name,
            text: include_str!(concat!("../../../data/figures/", $name)),
        }
    };
}

const NUMBERS: Source = source!("numbers.txt");
const QUALIFIERS: Source = source!("qualifiers.txt");
const UNITS: Source = source!("units.txt");
const CONTEXT: Source = source!("context.txt");
const NOUNS: Source = source!("nouns.txt");

/// A malformed line of a data file.
#[derive(Debug)]
pub(crate) struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

/// What a number word contributes (see the header of `data/figures/numbers.txt`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumberWord {
    /// A cardinal: "five", "twenty".
    Card(u32),
    /// ×10^n: "hundred", "million", "bn".
    Mult(i32),
    /// ×10^n next to a currency or before a plural noun, else metres: "m".
    MoneyMult(i32),
    /// ×n: "dozen".
    Dozen(u32),
    /// A plural amount with this lower end and no upper end: "hundreds".
    Vague(f64),
    /// Only in "tens of thousands": this many halves of the vague's lower end.
    Tens(f64),
    /// An unknown small count before a multiplier: "several hundred".
    Several(u32),
    /// One n-th: "third", "quarter".
    Frac(u32),
}

/// Word classes of `context.txt` and `nouns.txt`, as bits.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Class {
    Month = 1,
    Clock = 1 << 1,
    Label = 1 << 2,
    Determiner = 1 << 3,
    Reference = 1 << 4,
    Plural = 1 << 5,
    NotHead = 1 << 6,
    Stop = 1 << 7,
    NpStart = 1 << 8,
    ClockBefore = 1 << 9,
    CompoundStop = 1 << 10,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "month" => Class::Month,
            "clock" => Class::Clock,
            "label" => Class::Label,
            "determiner" => Class::Determiner,
            "reference" => Class::Reference,
            "plural" => Class::Plural,
            "not_head" => Class::NotHead,
            "stop" => Class::Stop,
            "np_start" => Class::NpStart,
            "clock_before" => Class::ClockBefore,
            "compound_stop" => Class::CompoundStop,
            _ => return None,
        })
    }
}

/// What the lexicon knows about one lower-cased word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordInfo {
    pub number: Option<NumberWord>,
    classes: u16,
}

impl WordInfo {
    pub fn is(&self, class: Class) -> bool {
        self.classes & class as u16 != 0
    }
}

/// Phrases of one or more tokens, indexed by their first token (or their last, for
/// matching backwards), longest first.
#[derive(Debug)]
pub(crate) struct PhraseIndex<T> {
    by_key: HashMap<&'static str, Vec<(Vec<&'static str>, T)>>,
    backward: bool,
}

impl<T: Copy> PhraseIndex<T> {
    fn new(backward: bool) -> Self {
        PhraseIndex {
            by_key: HashMap::default(),
            backward,
        }
    }

    fn insert(&mut self, phrase: &'static str, value: T) {
        let mut words: Vec<&'static str> = phrase.split_whitespace().collect();
        if self.backward {
            words.reverse();
        }
        let entries = self.by_key.entry(words[0]).or_default();
        entries.push((words, value));
        entries.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }

    /// The longest phrase whose words are `word(0)`, `word(1)`, …; `word(k)` gives the k-th
    /// token forward (or backward, for a backward index), lower-cased, or `None` past the
    /// edge. Returns the value and the number of tokens matched.
    pub fn longest<'w>(&self, word: impl Fn(usize) -> Option<&'w str>) -> Option<(T, usize)> {
        let first = word(0)?;
        let entries = self.by_key.get(first)?;
        entries
            .iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(k, w)| word(k) == Some(*w))
            })
            .map(|(words, value)| (*value, words.len()))
    }

    /// All phrases of one token, for reading unit suffixes of digits ("3km").
    pub fn single(&self, word: &str) -> Option<T> {
        self.by_key
            .get(word)?
            .iter()
            .find(|(words, _)| words.len() == 1)
            .map(|(_, v)| *v)
    }
}

/// Where a phrase of `qualifiers.txt` or `units.txt` stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Position {
    Before,
    After,
}

/// All of `data/figures/`, parsed.
#[derive(Debug)]
pub(crate) struct Lexicon {
    words: HashMap<&'static str, WordInfo>,
    /// Qualifiers before the number, indexed backward.
    pub qualifiers_before: PhraseIndex<FigureQualifier>,
    /// Qualifiers after the number and unit.
    pub qualifiers_after: PhraseIndex<FigureQualifier>,
    /// Currency signs and codes before the number, indexed backward.
    pub units_before: PhraseIndex<&'static str>,
    /// Units after the number.
    pub units_after: PhraseIndex<&'static str>,
}

/// The non-comment lines of a file as (line number, value, forms).
fn entries(
    src: &Source,
) -> impl Iterator<Item = Result<(usize, &'static str, Vec<&'static str>), DataError>> {
    let name = src.name;
    src.text.lines().enumerate().filter_map(move |(n, line)| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        let err = |reason: &str| DataError {
            file: name,
            line: n + 1,
            reason: reason.to_string(),
        };
        let Some((value, forms)) = line.split_once(" = ") else {
            return Some(Err(err("expected `VALUE = form | form`")));
        };
        let forms: Vec<&str> = forms.split(" | ").map(str::trim).collect();
        if forms.iter().any(|f| f.is_empty() || *f != f.to_lowercase()) {
            return Some(Err(err("a form is empty or not lower-case")));
        }
        Some(Ok((n + 1, value.trim(), forms)))
    })
}

/// The entries of a file whose values read `before:VALUE` or `after:VALUE`.
#[allow(clippy::type_complexity)]
fn positioned(
    src: &Source,
) -> impl Iterator<Item = Result<(usize, Position, &'static str, Vec<&'static str>), DataError>> {
    let name = src.name;
    entries(src).map(move |entry| {
        let (line, value, forms) = entry?;
        let (pos, v) = kind_value(value)
            .and_then(|(p, v)| Some((parse_position(p)?, v)))
            .ok_or_else(|| DataError {
                file: name,
                line,
                reason: "expected `before:VALUE` or `after:VALUE`".to_string(),
            })?;
        Ok((line, pos, v, forms))
    })
}

/// Splits `KIND:VALUE`.
fn kind_value(value: &'static str) -> Option<(&'static str, &'static str)> {
    value.split_once(':')
}

fn parse_number_word(kind: &str, n: &str) -> Option<NumberWord> {
    Some(match kind {
        "card" => NumberWord::Card(n.parse().ok()?),
        "mult" => NumberWord::Mult(n.parse().ok()?),
        "money_mult" => NumberWord::MoneyMult(n.parse().ok()?),
        "dozen" => NumberWord::Dozen(n.parse().ok()?),
        "vague" => NumberWord::Vague(n.parse().ok()?),
        "tens" => NumberWord::Tens(n.parse().ok()?),
        "several" => NumberWord::Several(n.parse().ok()?),
        "frac" => NumberWord::Frac(n.parse().ok().filter(|&d| d > 1)?),
        _ => return None,
    })
}

fn parse_qualifier(s: &str) -> Option<FigureQualifier> {
    Some(match s {
        "exact" => FigureQualifier::Exact,
        "approximate" => FigureQualifier::Approximate,
        "lower_bound" => FigureQualifier::LowerBound,
        "upper_bound" => FigureQualifier::UpperBound,
        _ => return None,
    })
}

fn parse_position(s: &str) -> Option<Position> {
    match s {
        "before" => Some(Position::Before),
        "after" => Some(Position::After),
        _ => None,
    }
}

impl Lexicon {
    /// Parses every data file; the error names the file and line of the first bad entry.
    pub fn load() -> Result<Lexicon, DataError> {
        let mut lex = Lexicon {
            words: HashMap::default(),
            qualifiers_before: PhraseIndex::new(true),
            qualifiers_after: PhraseIndex::new(false),
            units_before: PhraseIndex::new(true),
            units_after: PhraseIndex::new(false),
        };
        for entry in entries(&NUMBERS) {
            let (line, value, forms) = entry?;
            let word = kind_value(value).and_then(|(k, n)| parse_number_word(k, n));
            let bad = |reason: &str| DataError {
                file: NUMBERS.name,
                line,
                reason: reason.to_string(),
            };
            let word = word.ok_or_else(|| bad("unknown KIND:NUMBER"))?;
            for form in forms {
                if form.contains(' ') {
                    return Err(bad("number words are single tokens"));
                }
                let info = lex.words.entry(form).or_default();
                if info.number.is_some_and(|w| w != word) {
                    return Err(bad(&format!("{form:?} has two values")));
                }
                info.number = Some(word);
            }
        }
        for entry in positioned(&QUALIFIERS) {
            let (line, pos, value, forms) = entry?;
            let q = parse_qualifier(value).ok_or_else(|| DataError {
                file: QUALIFIERS.name,
                line,
                reason: format!("unknown qualifier {value:?}"),
            })?;
            let index = match pos {
                Position::Before => &mut lex.qualifiers_before,
                Position::After => &mut lex.qualifiers_after,
            };
            forms.into_iter().for_each(|f| index.insert(f, q));
        }
        for entry in positioned(&UNITS) {
            let (_, pos, unit, forms) = entry?;
            let index = match pos {
                Position::Before => &mut lex.units_before,
                Position::After => &mut lex.units_after,
            };
            forms.into_iter().for_each(|f| index.insert(f, unit));
        }
        for src in [&CONTEXT, &NOUNS] {
            for entry in entries(src) {
                let (line, value, forms) = entry?;
                let class = Class::parse(value).ok_or_else(|| DataError {
                    file: src.name,
                    line,
                    reason: format!("unknown class {value:?}"),
                })?;
                for form in forms {
                    lex.words.entry(form).or_default().classes |= class as u16;
                }
            }
        }
        Ok(lex)
    }

    /// What the lexicon knows about a lower-cased word (nothing, for most words).
    pub fn word(&self, lower: &str) -> WordInfo {
        self.words.get(lower).copied().unwrap_or_default()
    }
}

/// Whether a unit code is an ISO 4217 currency (three capital letters).
pub(crate) fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether a unit is a length of time (for "two years ago").
pub(crate) fn is_time_unit(unit: &str) -> bool {
    matches!(
        unit,
        "years" | "months" | "weeks" | "days" | "hours" | "minutes"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lex = Lexicon::load().unwrap_or_else(|e| panic!("{}:{}: {}", e.file, e.line, e.reason));
        assert_eq!(lex.word("million").number, Some(NumberWord::Mult(6)));
        assert!(lex.word("august").is(Class::Month));
        assert!(lex.word("people").is(Class::Plural));
        let words = ["more", "than"];
        let q = lex
            .qualifiers_before
            .longest(|k| words.iter().rev().nth(k).copied());
        assert_eq!(q, Some((FigureQualifier::LowerBound, 2)));
        let words = ["square", "kilometres", "of"];
        assert_eq!(
            lex.units_after.longest(|k| words.get(k).copied()),
            Some(("km2", 2))
        );
        assert_eq!(lex.units_after.single("km²"), Some("km2"));
    }
}
