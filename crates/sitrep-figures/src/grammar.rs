//! From a number to a figure: the currency sign before it, a range, the unit, the qualifiers
//! before and after, and the counted noun phrase; and the tests that tell a figure from a
//! date, a time of day, a list number, a name or a year.

use sitrep_doc::layers::{Figure, FigureQualifier, TokenKind};
use sitrep_doc::Span;

use crate::lexicon::{is_currency, is_time_unit, Class};
use crate::number::{compound_noun, Amount, Num};
use crate::tokens::{Sent, Tok};

/// What the grammar found at a token.
pub(crate) enum Step {
    /// A figure, and the token to go on from.
    Figure(Box<Figure>, usize),
    /// A number that is not a figure (a date, a year, a name); go on from this token.
    Skip(usize),
    /// No number starts here.
    Nothing,
}

/// A figure being assembled, in token indices of the sentence.
struct Parts {
    start: usize,
    first: Num,
    last: Num,
    range: Option<(f64, f64)>,
    currency: Option<&'static str>,
    unit: Option<&'static str>,
    /// Tokens of a unit written after the number.
    unit_toks: Option<(usize, usize)>,
    qualifier: Option<FigureQualifier>,
    /// One past the last token of the number, unit and trailing qualifier.
    end: usize,
    head: Option<usize>,
    /// The counted word when it is no token of its own: a unit written as a suffix of the
    /// digits ("30km" counts "km", "15-month" counts "month"), or the noun of a compound
    /// ("36-page" counts "page").
    suffix_head: Option<String>,
    phrase: Option<(usize, usize)>,
}

/// Units that name no counted thing of their own: "40% of the population" counts
/// "population", "13 times greater" counts nothing.
fn counts_nothing(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| u.starts_with("percent") || u == "times")
}

/// Whether a token reads as a plural noun: "people", "towns", "Russians" (not "US", "crisis").
fn is_plural(t: &Tok) -> bool {
    if t.is(Class::Plural) {
        return true;
    }
    let w = &*t.lower;
    w.len() >= 4
        && w.ends_with('s')
        && !t.acronym
        && !["ss", "us", "is", "'s"].iter().any(|e| w.ends_with(e))
}

impl Sent<'_, '_> {
    /// The figure whose number starts at token `i`; `floor` is the first token not taken by
    /// the previous figure; `in_date` says whether a span lies in a date or time expression.
    pub fn figure_at(&self, i: usize, floor: usize, in_date: &dyn Fn(Span) -> bool) -> Step {
        let Some(first) = self.number(i) else {
            return Step::Nothing;
        };
        let back = |from: usize| {
            move |k: usize| {
                from.checked_sub(k)
                    .filter(|&j| j >= floor)
                    .and_then(|j| self.lower(j))
            }
        };
        let currency = (i > floor)
            .then(|| self.lex.units_before.longest(back(i - 1)))
            .flatten();
        let start = i - currency.map_or(0, |(_, len)| len);
        let between = start > floor && self.is_word(start - 1, "between");
        let mut p = Parts {
            start,
            first,
            last: first,
            range: None,
            currency: currency.map(|(c, _)| c),
            unit: None,
            unit_toks: None,
            qualifier: first.after,
            end: first.end,
            head: None,
            suffix_head: None,
            phrase: None,
        };
        match self.range(&mut p.first, between) {
            Some(Ok((second, lo, hi))) => {
                p.last = second;
                p.range = Some((lo, hi));
                p.qualifier = second.after.or(p.qualifier);
                if between {
                    p.start -= 1;
                }
            }
            Some(Err(skip)) => return Step::Skip(skip),
            None => {}
        }
        p.end = p.last.end;
        self.unit_and_after(&mut p);
        self.counted(&mut p);
        if p.start == i && !between && i > floor {
            if let Some((q, len)) = self.lex.qualifiers_before.longest(back(i - 1)) {
                p.qualifier = Some(q);
                p.start -= len;
            }
        }
        if self.not_a_figure(&p, in_date) {
            return Step::Skip(p.last.end.max(i + 1));
        }
        let next = p.end.max(p.phrase.map_or(0, |(_, e)| e));
        Step::Figure(Box::new(self.build(p)), next)
    }

    /// A range after `first`: "10 to 15", "10-15", "between 5,000 and 7,000", "$5-7bn".
    /// `Err` when a hyphen joins numbers that make no range ("2014-15", a score "3-1").
    #[allow(clippy::type_complexity)]
    fn range(&self, first: &mut Num, between: bool) -> Option<Result<(Num, f64, f64), usize>> {
        let k = first.end;
        let hyphen = self.is_word(k, "-") && self.tok(k)?.kind == TokenKind::Punct;
        if !(self.is_word(k, "to") || hyphen || (between && self.is_word(k, "and"))) {
            return None;
        }
        let mut j = k + 1;
        let sign = self.tok(j).filter(|t| t.kind == TokenKind::Symbol);
        if sign.is_some_and(|t| self.lex.units_before.single(&t.lower).is_some()) {
            j += 1;
        }
        let second = self.number(j)?;
        if hyphen && !(first.digits && second.digits) {
            return None;
        }
        let (Some(mut lo), Some(hi)) = (first.value(), second.value()) else {
            return None;
        };
        if let (None, Some(e)) = (first.mult, second.mult) {
            if first.base <= second.base {
                lo = first.base * 10f64.powi(e);
                first.amount = Amount::Value(lo);
                first.mult = Some(e);
            }
        }
        first.m_suffix |= second.m_suffix;
        if lo >= hi {
            return hyphen.then_some(Err(second.end));
        }
        Some(Ok((second, lo, hi)))
    }

    /// The unit after the number ("square kilometres", "%", "dollars") and a qualifier
    /// after both ("or more").
    fn unit_and_after(&self, p: &mut Parts) {
        p.unit = p.last.unit.or(p.first.unit);
        if p.unit.is_none() {
            if let Some((u, len)) = self.lex.units_after.longest(|k| self.lower(p.end + k)) {
                p.unit = Some(u);
                p.unit_toks = Some((p.end, p.end + len));
                p.end += len;
            }
        }
        if let Some((q, len)) = self.lex.qualifiers_after.longest(|k| self.lower(p.end + k)) {
            p.qualifier = p.qualifier.or(Some(q));
            p.end += len;
        }
    }

    /// The counted noun phrase and its head: a unit written as a word ("1,000 square
    /// kilometres" counts "kilometres"), else the noun phrase after the number ("82 Russian
    /// towns") or after "of" ("hundreds of people", "40% of the population").
    fn counted(&self, p: &mut Parts) {
        let word_unit = p.unit_toks.filter(|&(_, e)| {
            let t = &self.toks[e - 1];
            !counts_nothing(p.unit)
                && t.lower.len() >= 2
                && t.lower.chars().all(char::is_alphabetic)
                && !t.acronym
        });
        if let Some((s, e)) = word_unit {
            p.head = Some(e - 1);
            p.phrase = Some((s, e));
            if let Some((_, end, _)) = self.of_phrase(p.end) {
                p.phrase = Some((s, end));
            }
            return;
        }
        if p.last.compound {
            // "a 36-page report" counts pages, "a seven-year-old boy" years.
            let word = &self.toks[p.last.end - 1].lower;
            let after = word.split_once('-').map_or("", |(_, rest)| rest);
            p.suffix_head = Some(compound_noun(after).to_string());
            return;
        }
        let suffix_unit = p
            .last
            .unit
            .filter(|&u| !counts_nothing(Some(u)) && !is_currency(u));
        if suffix_unit.is_some() && p.unit_toks.is_none() {
            let word = &self.toks[p.last.end - 1].lower;
            let suffix = word.trim_start_matches(|c: char| !c.is_alphabetic());
            if !suffix.is_empty() {
                p.suffix_head = Some(suffix.to_string());
                return;
            }
        }
        // A share counts one thing ("a 10% chance", "0.25% of GDP"); otherwise a singular
        // head follows only one of something or a fraction.
        let share = p.unit.is_some_and(|u| u.starts_with("percent"));
        let single = matches!(p.first.amount, Amount::Value(v) if v <= 1.0) && p.range.is_none();
        let found = self
            .noun_phrase(p.end, single || share || p.first.fraction)
            .map(|(end, head)| (p.end, end, head))
            .or_else(|| self.of_phrase(p.end));
        if let Some((s, e, head)) = found {
            p.head = Some(head);
            p.phrase = Some((s, e));
        }
    }

    /// "of [the] NP" at `k`: the phrase's start, end and head.
    fn of_phrase(&self, k: usize) -> Option<(usize, usize, usize)> {
        if !self.is_word(k, "of") {
            return None;
        }
        let mut j = k + 1;
        while j < k + 3 && self.tok(j).is_some_and(|t| t.is(Class::NpStart)) {
            j += 1;
        }
        let (end, head) = self.noun_phrase(j, true)?;
        Some((j, end, head))
    }

    /// The noun phrase from token `j`: up to five words, ending at the first plural noun
    /// (unless another plural follows: "weapons systems"), or, when `singular` allows, at its
    /// last word. Stops at function words, verbs in -ed/-ing and adverbs in -ly.
    fn noun_phrase(&self, j: usize, singular: bool) -> Option<(usize, usize)> {
        let mut k = j;
        let mut last_head = None;
        while k < j + 5 {
            let Some(t) = self.tok(k) else { break };
            if !t.is_plain_word() || t.is(Class::Stop) || t.info.number.is_some() || t.is_month() {
                break;
            }
            let w = &*t.lower;
            let verbish = w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly");
            if k > j && verbish && !t.is(Class::Plural) {
                break;
            }
            // Names are not what a figure counts, but acronyms are ("0.25% of GDP").
            let can_head = !t.is(Class::NotHead) && (!t.capitalised || t.acronym) && !verbish;
            if is_plural(t) && !t.is(Class::NotHead) {
                let next_plural = self.tok(k + 1).is_some_and(|n| {
                    n.is_plain_word() && !n.is(Class::Stop) && !n.capitalised && is_plural(n)
                });
                if !next_plural {
                    return Some((k + 1, k));
                }
            }
            last_head = can_head.then_some(k);
            k += 1;
        }
        let head = last_head.filter(|&h| singular && h + 1 == k)?;
        Some((k, head))
    }

    /// Dates, times of day, list numbers, names, years and points in time.
    fn not_a_figure(&self, p: &Parts, in_date: &dyn Fn(Span) -> bool) -> bool {
        let (first, last) = (&p.first, &p.last);
        let number = Span::new(
            self.toks[first.start].span.start,
            self.toks[last.end - 1].span.end,
        );
        let prev = first.start.checked_sub(1).and_then(|k| self.tok(k));
        let next = self.tok(last.end);
        if in_date(number)
            || self.beside_month(first.start, last.end)
            || (p.unit_toks.is_none() && next.is_some_and(|t| t.is(Class::Clock)))
            || (first.clock_like && prev.is_some_and(|t| t.is(Class::ClockBefore)))
        {
            return true;
        }
        let alone = p.range.is_none()
            && first.end == first.start + 1
            && first.small_int
            && p.unit.is_none()
            && p.currency.is_none();
        let next_is = |w: &str| next.is_some_and(|t| &*t.lower == w);
        let prev_is = |w: &str| prev.is_some_and(|t| &*t.lower == w);
        // "Olena Mikula, 43, said": an age in apposition.
        let after_name = first.start >= 2 && self.toks[first.start - 2].capitalised;
        if alone && p.head.is_none() && prev_is(",") && next_is(",") && after_name {
            return true;
        }
        // "1. How much …", "(3)"
        if alone
            && ((self.toks[first.start].line_start && (next_is(".") || next_is(")")))
                || (prev_is("(") && next_is(")") && p.head.is_none()))
        {
            return true;
        }
        let lower_plural_head = p
            .head
            .is_some_and(|h| !self.toks[h].capitalised && is_plural(&self.toks[h]));
        // "Article 5", "Boeing 747", "No. 7"; but "in Donetsk 12 people died" is a count.
        let bare = p.start == first.start && p.currency.is_none();
        // "the Four", "Group of Seven": a number word capitalised inside a sentence.
        let word = &self.toks[first.start];
        let mid_sentence = prev.is_some_and(|t| t.kind == TokenKind::Word);
        if !first.digits && word.capitalised && mid_sentence && bare {
            return true;
        }
        if bare {
            if let Some(t) = prev {
                let name = t.kind == TokenKind::Word
                    && t.capitalised
                    && first.start > 1
                    && !lower_plural_head;
                if t.is(Class::Label) || name || &*t.lower == "#" {
                    return true;
                }
            }
        }
        let years = first.yearlike && (p.range.is_none() || last.yearlike);
        if years {
            let measured = p.unit.is_some() || p.currency.is_some() || lower_plural_head;
            let determined = bare && prev.is_some_and(|t| t.is(Class::Determiner));
            if !measured || determined {
                return true;
            }
        }
        // "two years ago" is a point in time.
        let after_unit = p.unit_toks.map_or(last.end, |(_, e)| e);
        p.unit.is_some_and(is_time_unit)
            && self.tok(after_unit).is_some_and(|t| t.is(Class::Reference))
    }

    /// Whether the number in tokens `start..end` is the day or year of a date: next to a
    /// month ("August 6", "6 August", "February 2022", "pre-February 24"), or a second day
    /// ("April 6 and 7", "6 and 7 April").
    fn beside_month(&self, start: usize, end: usize) -> bool {
        let month = |k: Option<usize>| {
            k.and_then(|k| self.tok(k)).is_some_and(|t| {
                t.is_month()
                    || t.lower.rsplit_once('-').is_some_and(|(_, last)| {
                        self.lex.word(last).is(Class::Month) && last != "may" && last != "march"
                    })
            })
        };
        let joiner = |k: Option<usize>| {
            k.and_then(|k| self.lower(k))
                .is_some_and(|w| matches!(w, "and" | "or" | "to" | "-"))
        };
        let day = |k: Option<usize>| {
            k.and_then(|k| self.tok(k)).is_some_and(|t| {
                t.kind == TokenKind::Number
                    && t.lower.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
            })
        };
        let before = |n: usize| start.checked_sub(n);
        month(before(1))
            || month(Some(end))
            || (joiner(before(1)) && day(before(2)) && month(before(3)))
            || (joiner(Some(end)) && day(Some(end + 1)) && month(Some(end + 2)))
    }

    fn build(&self, p: Parts) -> Figure {
        let money = p.currency.or(p.unit.filter(|u| is_currency(u)));
        let mut unit = p.currency.or(p.unit);
        let mut scale = 1.0;
        if p.first.m_suffix || p.last.m_suffix {
            let plural_head = p.head.is_some_and(|h| is_plural(&self.toks[h]));
            if money.is_some() || plural_head {
                scale = 1e6;
            } else {
                unit = unit.or(Some("m"));
            }
        }
        let (value, low, high) = match (p.range, p.first.amount) {
            (Some((lo, hi)), _) => (None, Some(lo * scale), Some(hi * scale)),
            (None, Amount::Value(v)) => (Some(v * scale), None, None),
            (None, Amount::Vague(lo)) => (None, Some(lo), None),
        };
        let vague = matches!(p.first.amount, Amount::Vague(_));
        let qualifier = p.qualifier.unwrap_or(if vague {
            FigureQualifier::Approximate
        } else {
            FigureQualifier::Exact
        });
        let span_of =
            |s: usize, e: usize| Span::new(self.toks[s].span.start, self.toks[e - 1].span.end);
        let end = p.end.max(p.head.map_or(0, |h| h + 1));
        Figure {
            span: span_of(p.start, end),
            number: span_of(p.first.start, p.last.end),
            value,
            low,
            high,
            qualifier,
            unit: unit.map(str::to_string),
            counted: p
                .suffix_head
                .or_else(|| p.head.map(|h| self.toks[h].lower.to_string())),
            counted_phrase: p.phrase.map(|(s, e)| span_of(s, e)),
            date: None,
        }
    }
}
