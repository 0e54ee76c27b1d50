//! The word lists of `data/time/`, compiled in, parsed once into a phrase index.
//!
//! Every file shares the line format `VALUE = form | form` (see `data/time/README.md`);
//! each file's loader turns `VALUE` into a [`Class`]. A form is matched on whole tokens,
//! case-insensitively; the longest form wins.

use std::collections::HashMap;

use crate::scan::{Kind, Token};

/// One data file: its name (for error messages) and its text.
struct Source {
    name: &'static str,
    text: &'static str,
}

macro_rules! source {
    ($name:literal) => {
        Source {
            name: $name,
            text: include_str!(concat!("../../../data/time/", $name)),
        }
    };
}

const SOURCES: [Source; 14] = [
    source!("months.txt"),
    source!("weekdays.txt"),
    source!("numbers.txt"),
    source!("units.txt"),
    source!("seasons.txt"),
    source!("parts_of_day.txt"),
    source!("modifiers.txt"),
    source!("relative.txt"),
    source!("references.txt"),
    source!("holidays.txt"),
    source!("countries.txt"),
    source!("sets.txt"),
    source!("tense.txt"),
    source!("idioms.txt"),
];

/// A calendar unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Quarter,
    Decade,
    Century,
    Weekend,
    /// Two weeks: British news counts in them ("a fortnight ago"); TIMEX3 writes weeks.
    Fortnight,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "Q" => Unit::Quarter,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            _ => return None,
        })
    }

    /// Roughly how many seconds the unit lasts, to compare units.
    fn seconds(self) -> u64 {
        const DAY: u64 = 86_400;
        match self {
            Unit::Second => 1,
            Unit::Minute => 60,
            Unit::Hour => 3_600,
            Unit::Day => DAY,
            Unit::Weekend => 2 * DAY,
            Unit::Week => 7 * DAY,
            Unit::Fortnight => 14 * DAY,
            Unit::Month => 30 * DAY,
            Unit::Quarter => 91 * DAY,
            Unit::Year => 365 * DAY,
            Unit::Decade => 3_650 * DAY,
            Unit::Century => 36_500 * DAY,
        }
    }

    /// Whether one of this unit is longer than one of `other`.
    pub(crate) fn longer_than(self, other: Unit) -> bool {
        self.seconds() > other.seconds()
    }
}

/// The tense a cue word signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
}

/// A holiday's rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// Month and day.
    Fixed(u8, u8),
    /// Month, ISO weekday, n-th (0 = last), then days after it (US Election Day is the
    /// day after the first Monday of November).
    NthWeekday(u8, u8, u8, i8),
    /// Days after Western Easter Sunday.
    Easter(i8),
    /// One day in history, named by its date ("9/11"): year, month, day.
    Dated(i16, u8, u8),
}

/// What a word or phrase means to the grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Class {
    Month(u8),
    Weekday(u8),
    Cardinal(f64),
    /// An unknown amount ("several").
    Vague,
    Half,
    /// "more", "additional" between an amount and its unit ("two more weeks").
    More,
    Multiplier(f64),
    Ordinal(u32),
    /// "every"/"each" (with the TIMEX3 quant) or "per" (no quant).
    Each(Option<&'static str>),
    /// "once", "twice": how often.
    Times(u32),
    Unit(Unit),
    /// A closed "-long" compound ("weeklong", "yearslong"): the unit, and whether it counts
    /// some of them (plural) rather than one.
    LongUnit(Unit, bool),
    Season(&'static str),
    /// A part of day code: MO, AF, EV, NI, DT.
    PartOfDay(&'static str),
    /// A clock time in minutes since midnight (noon, midnight).
    Clock(u16),
    /// a.m. (false) or p.m. (true).
    Meridiem(bool),
    /// "o'clock" after an hour.
    OClock,
    /// A time zone after a clock time; `true` for UTC itself (GMT, UTC, Z), which the value
    /// keeps, where a local zone's clock time is written as it is said.
    Zone(bool),
    /// A modifier before the expression.
    PreMod(&'static str),
    /// A modifier after the expression.
    PostMod(&'static str),
    /// -1 last, 0 this, +1 next.
    Shift(i8),
    /// The nearest one before (-1) or after (+1): "this past", "this coming".
    Nearest(i8),
    /// A shift from the time last mentioned, not from the anchor: "the following year",
    /// "that day", "the previous Friday".
    Anaphor(i8),
    /// After an amount: -1 ago, +1 later.
    Ago(i8),
    /// A fixed TIMEX3 value with its type (DATE:PAST_REF).
    Reference(&'static str, &'static str),
    /// A day relative to the anchor, with an optional part of day.
    DayOffset(&'static str, i8, Option<&'static str>),
    /// A holiday, and the country that keeps it on that day where countries differ
    /// ("Independence Day").
    Holiday(Holiday, Option<&'static str>),
    /// A word naming a country (its code): picks the country of such a holiday.
    Country(&'static str),
    /// An adverb of recurrence ("weekly"), with its quant.
    SetAdverb(Option<&'static str>, Unit),
    Tense(Tense),
    /// A phrase that only looks like a time ("high noon").
    Idiom,
}

/// One form of a lexicon entry, past its first word.
#[derive(Debug)]
struct Entry {
    /// The following words of the form; `true` when glued to the one before (no space).
    rest: Vec<(Box<str>, bool)>,
    class: Class,
    /// Counts only when capitalised and not sentence-initial, or next to another time word.
    strict: bool,
}

/// A phrase found in the text: tokens `[start, end)` and their meaning.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub end: usize,
    pub class: Class,
    pub strict: bool,
}

/// The parsed word lists.
#[derive(Debug)]
pub(crate) struct Lexicon {
    index: HashMap<Box<str>, Vec<Entry>>,
    /// The abbreviations of `data/text/`, so that "vs." or "Gen." ends no sentence.
    pub abbreviations: sitrep_text::Abbreviations,
}

/// A line of a data file that could not be parsed; the files are compiled in, so this is a
/// bug in the data that the tests catch.
#[derive(Debug)]
pub(crate) struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub reason: String,
}

impl Lexicon {
    /// Parses every data file.
    pub(crate) fn load() -> Result<Lexicon, DataError> {
        let mut lexicon = Lexicon {
            index: HashMap::new(),
            abbreviations: sitrep_text::Abbreviations::builtin(),
        };
        for source in &SOURCES {
            for (i, raw) in source.text.lines().enumerate() {
                let line = raw.split(" #").next().unwrap_or("").trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let err = |reason: &str| DataError {
                    file: source.name,
                    line: i + 1,
                    reason: reason.to_string(),
                };
                let (value, forms) = line.split_once(" = ").ok_or_else(|| err("no ` = `"))?;
                let class = parse_class(source.name, value.trim())
                    .ok_or_else(|| err(&format!("bad value `{}`", value.trim())))?;
                for form in forms.split('|') {
                    lexicon.add(form.trim(), class).map_err(&err)?;
                }
            }
        }
        Ok(lexicon)
    }

    fn add(&mut self, form: &str, class: Class) -> Result<(), &'static str> {
        let (strict, form) = match form.strip_prefix('!') {
            Some(f) => (true, f),
            None => (false, form),
        };
        let words = split_form(form);
        let Some(((first, _), rest)) = words.split_first() else {
            return Err("empty form");
        };
        let entry = Entry {
            rest: rest.iter().map(|(w, g)| (w.as_str().into(), *g)).collect(),
            class,
            strict,
        };
        self.index
            .entry(first.as_str().into())
            .or_default()
            .push(entry);
        Ok(())
    }

    /// Every phrase that starts at token `i`, longest first.
    pub(crate) fn lookup(&self, tokens: &[Token], norm: &str, i: usize, out: &mut Vec<Hit>) {
        out.clear();
        let Some(entries) = self.index.get(tokens[i].norm(norm)) else {
            return;
        };
        for entry in entries {
            if let Some(end) = match_rest(tokens, norm, i + 1, &entry.rest) {
                out.push(Hit {
                    end,
                    class: entry.class,
                    strict: entry.strict,
                });
            }
        }
        out.sort_by_key(|h| std::cmp::Reverse(h.end));
    }
}

/// Matches the rest of a form from token `j`; a hyphen in the text stands for a space.
fn match_rest(
    tokens: &[Token],
    norm: &str,
    mut j: usize,
    rest: &[(Box<str>, bool)],
) -> Option<usize> {
    for (word, glued) in rest {
        let mut t = tokens.get(j)?;
        if !glued && t.kind == Kind::Punct && t.norm(norm) == "-" {
            j += 1;
            t = tokens.get(j)?;
        }
        if (*glued && t.space_before) || t.norm(norm) != &**word {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Splits a form as the scanner splits text: words, numbers, and each punctuation mark
/// (an apostrophe starts a clitic word: `year's` is `year` + `'s`).
fn split_form(form: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for word in form.split([' ', '-']).filter(|w| !w.is_empty()) {
        // A clitic alone ("'ll") is the one token it is in "we'll"; scanned on its own, its
        // apostrophe would open the text and stand apart.
        if let Some(rest) = word.strip_prefix('\'') {
            if rest.chars().all(|c| c.is_ascii_alphabetic()) && !rest.is_empty() {
                out.push((format!("'{}", rest.to_ascii_lowercase()), false));
                continue;
            }
        }
        let tokens = crate::scan::scan(word);
        for (k, t) in tokens.tokens.iter().enumerate() {
            out.push((t.norm(&tokens.norm).to_string(), k > 0));
        }
    }
    out
}

fn parse_class(file: &str, value: &'static str) -> Option<Class> {
    let num = |s: &str| s.parse::<f64>().ok();
    // Values are slices of the compiled-in data, hence 'static.
    let stat = |s: &'static str| s;
    Some(match file {
        "months.txt" => Class::Month(value.parse().ok().filter(|m| (1..=12).contains(m))?),
        "weekdays.txt" => Class::Weekday(value.parse().ok().filter(|d| (1..=7).contains(d))?),
        "units.txt" => match value.strip_prefix("LONG ") {
            Some(v) => match v.strip_prefix('X') {
                Some(u) => Class::LongUnit(Unit::parse(u)?, true),
                None => Class::LongUnit(Unit::parse(v)?, false),
            },
            None => Class::Unit(Unit::parse(value)?),
        },
        "seasons.txt" => Class::Season(stat(value)),
        "parts_of_day.txt" => match value {
            "ZONE" => Class::Zone(false),
            "UTC" => Class::Zone(true),
            "AM" => Class::Meridiem(false),
            "PM" => Class::Meridiem(true),
            "OCLOCK" => Class::OClock,
            v if v.contains(':') => {
                let (h, m) = v.split_once(':')?;
                Class::Clock(h.parse::<u16>().ok()? * 60 + m.parse::<u16>().ok()?)
            }
            v => Class::PartOfDay(stat(v)),
        },
        "numbers.txt" => {
            let (kind, v) = value.split_once(':')?;
            match kind {
                "card" => Class::Cardinal(num(v)?),
                "ord" => Class::Ordinal(v.parse().ok()?),
                "mult" => Class::Multiplier(num(v)?),
                "vague" => Class::Vague,
                "half" => Class::Half,
                "more" => Class::More,
                "each" => Class::Each((!v.is_empty()).then(|| stat(v))),
                "times" => Class::Times(v.parse().ok()?),
                _ => return None,
            }
        }
        "modifiers.txt" => match value.split_once(':')? {
            ("pre", m) => Class::PreMod(stat(m)),
            ("post", m) => Class::PostMod(stat(m)),
            _ => return None,
        },
        "relative.txt" => match value.split_once(':') {
            Some(("ago", v)) => Class::Ago(v.parse().ok()?),
            Some(("then", v)) => Class::Anaphor(v.parse().ok()?),
            Some(("near", v)) => Class::Nearest(v.parse().ok()?),
            Some(_) => return None,
            None => Class::Shift(value.parse().ok()?),
        },
        "references.txt" => {
            let (kind, v) = value.split_once(':')?;
            match v.strip_prefix("day:") {
                Some(d) => {
                    let mut parts = d.split(':');
                    let offset = parts.next()?.parse().ok()?;
                    Class::DayOffset(stat(kind), offset, parts.next().map(stat))
                }
                None => Class::Reference(stat(kind), stat(v)),
            }
        }
        "holidays.txt" => {
            let mut parts = value.split_whitespace();
            let holiday = parse_holiday(parts.next()?)?;
            let country = parts.next().filter(|c| is_country_code(c));
            if parts.next().is_some() {
                return None;
            }
            Class::Holiday(holiday, country)
        }
        "countries.txt" => is_country_code(value).then_some(Class::Country(value))?,
        "sets.txt" => {
            let (quant, unit) = value.split_once(':')?;
            Class::SetAdverb((!quant.is_empty()).then(|| stat(quant)), Unit::parse(unit)?)
        }
        "idioms.txt" => match value {
            "NONE" => Class::Idiom,
            _ => return None,
        },
        "tense.txt" => Class::Tense(match value {
            "PAST" => Tense::Past,
            "PRESENT" => Tense::Present,
            "FUTURE" => Tense::Future,
            _ => return None,
        }),
        _ => return None,
    })
}

/// Two capital letters, as ISO 3166 writes a country.
fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

fn parse_holiday(value: &str) -> Option<Holiday> {
    if let Some(n) = value.strip_prefix("EASTER") {
        return Some(Holiday::Easter(n.trim_start_matches('+').parse().ok()?));
    }
    if let Some((y, md)) = value.split_once('-').filter(|(y, _)| y.len() == 4) {
        let (m, d) = md.split_once('-')?;
        let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        return jiff::civil::Date::new(y, m as i8, d as i8)
            .is_ok()
            .then_some(Holiday::Dated(y, m, d));
    }
    let (m, rest) = value.split_once('-')?;
    let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    if let Ok(day) = rest.parse::<u8>() {
        return (1..=31)
            .contains(&day)
            .then_some(Holiday::Fixed(month, day));
    }
    let days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    let wd = days.iter().position(|d| rest.starts_with(d))? as u8 + 1;
    let (nth, after) = match rest[2..].split_once('+') {
        Some((n, d)) => (n, d.parse().ok()?),
        None => (&rest[2..], 0),
    };
    let nth = match nth {
        "L" => 0,
        n => n.parse().ok().filter(|n| (1..=5).contains(n))?,
    };
    Some(Holiday::NthWeekday(month, wd, nth, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses() {
        let lexicon = Lexicon::load().unwrap_or_else(|e| panic!("{e:?}"));
        assert!(lexicon.index.contains_key("january"));
    }

    #[test]
    fn longest_phrase_first() {
        let lexicon = Lexicon::load().unwrap();
        let s = crate::scan::scan("the coming days");
        let mut hits = Vec::new();
        lexicon.lookup(&s.tokens, &s.norm, 0, &mut hits);
        assert_eq!(hits[0].end, 3);
        assert_eq!(hits[0].class, Class::Reference("DATE", "FUTURE_REF"));
    }
}
