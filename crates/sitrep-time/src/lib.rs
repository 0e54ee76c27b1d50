//! Time expressions in English news: detection and normalisation to TIMEX3.
//!
//! A [`TimeTagger`] finds dates, times, durations and sets in a text and gives each its
//! TIMEX3 type and value as TimeML defines them (`2024-08-06`, `2024-W32`, `2024-07` with mod
//! `START`, `P2.5Y`, `FUTURE_REF`, `P1W` each). Relative and partial expressions ("a week
//! ago", "in November", "Friday") are resolved against an anchor: the publication date in
//! [`Mode::News`], or the last fully specified date mentioned in [`Mode::Narrative`] — the two
//! modes of HeidelTime. Bare months and weekdays take their year or week from the tense of
//! the clause. Without an anchor nothing is guessed: the unknown parts stay `X`
//! (`XXXX-08-06`).
//!
//! The language knowledge — month and weekday names, number words, units, modifiers,
//! holidays, vague references, tense cues — lives in `data/time/` and is compiled in; the
//! grammar that combines them is code, and `data/time/examples.tsv` pins an example of each
//! pattern. The text is scanned once into tokens, each token looked up once in a phrase
//! index, and the grammar runs only at tokens that can start an expression.
//!
//! ```
//! use sitrep_doc::layers::TimexType;
//! use sitrep_time::{Mode, TimeTagger};
//!
//! let tagger = TimeTagger::new();
//! let text = "He admitted a week ago that troops crossed on August 6.";
//! let anchor = "2024-08-18".parse().ok();
//! let times = tagger.tag(text, anchor, Mode::News);
//! let found: Vec<(&str, &str)> =
//!     times.iter().map(|t| (t.span.slice(text), t.value.as_str())).collect();
//! assert_eq!(found, [("a week ago", "2024-W32"), ("August 6", "2024-08-06")]);
//! assert_eq!(times[1].kind, TimexType::Date);
//!
//! // Without a publication date the year stays unknown.
//! let times = tagger.tag(text, None, Mode::News);
//! assert_eq!(times[1].value, "XXXX-08-06");
//! ```
#![deny(missing_docs)]

mod expr;
mod grammar;
mod lexicon;
mod resolve;
mod scan;
mod tense;

use jiff::civil::Date;
use sitrep_doc::layers::{Timex, TimexType};
use sitrep_doc::{Document, Published, Span};

use crate::expr::{Amount, Clock, Expr};
use crate::grammar::Ctx;
use crate::lexicon::{Class, Holiday, Lexicon, Tense, Unit};
use crate::resolve::Context;

/// What relative expressions are anchored to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The document creation time (the publication date): news reports.
    #[default]
    News,
    /// The last fully specified date mentioned before the expression (the publication date
    /// until one is): histories, biographies, timelines.
    Narrative,
}

/// An error in the compiled-in data files; the tests rule it out, so it is a build bug.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a data file could not be parsed.
    #[error("data/time/{file} line {line}: {reason}")]
    Data {
        /// The file under `data/time/`.
        file: &'static str,
        /// Its line, from 1.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// The time-expression tagger: the parsed word lists and the grammar over them.
///
/// Immutable once built, `Send + Sync`: build one and share it across threads.
#[derive(Debug)]
pub struct TimeTagger {
    lexicon: Lexicon,
    /// The mode [`TimeTagger::annotate`] (the pipeline stage) resolves in.
    mode: Mode,
}

impl Default for TimeTagger {
    fn default() -> Self {
        TimeTagger::new()
    }
}

impl TimeTagger {
    /// Builds the tagger from the data files compiled into the binary.
    ///
    /// # Panics
    /// Only if a compiled-in data file is malformed, which this crate's tests rule out; use
    /// [`TimeTagger::try_new`] to get the error instead.
    pub fn new() -> TimeTagger {
        match TimeTagger::try_new() {
            Ok(t) => t,
            Err(e) => panic!("sitrep-time was built with a broken data file: {e}"),
        }
    }

    /// Builds the tagger, returning an error naming the file and line of a malformed entry.
    pub fn try_new() -> Result<TimeTagger, Error> {
        let lexicon = Lexicon::load().map_err(|e| Error::Data {
            file: e.file,
            line: e.line,
            reason: e.reason,
        })?;
        Ok(TimeTagger {
            lexicon,
            mode: Mode::default(),
        })
    }

    /// The same tagger, resolving in `mode` when it runs as a pipeline stage
    /// ([`TimeTagger::annotate`]); [`TimeTagger::tag`] takes its mode per call.
    #[must_use]
    pub fn with_mode(self, mode: Mode) -> TimeTagger {
        TimeTagger { mode, ..self }
    }

    /// Finds the time expressions of `text`, in text order, with spans as byte offsets into
    /// `text`, resolved against `anchor` as `mode` says.
    pub fn tag(&self, text: &str, anchor: Option<Published>, mode: Mode) -> Vec<Timex> {
        let scanned = scan::scan(text);
        let ctx = Ctx::new(&scanned, &self.lexicon);
        let mut discourse = Discourse::new(anchor.map(|p| p.date), mode);
        // Not the show "This Week".
        discourse.cx.this_week_said = (1..ctx.toks.len())
            .any(|k| ctx.is(k - 1, "this") && ctx.is(k, "week") && !ctx.toks[k].capital);
        let mut out = Vec::new();
        // Where "today", "tonight" and the like were found, and whether inside a quotation.
        let mut speech_days = Vec::new();
        // The last bare weekday found, and the token after it.
        let mut last_weekday: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < ctx.toks.len() {
            if ctx.plain(i) {
                i += 1;
                continue;
            }
            if let Some(end) = ctx.idiom(i) {
                i = end;
                continue;
            }
            let Some(m) = ctx.may_start(i).then(|| ctx.parse(i)).flatten() else {
                i += 1;
                continue;
            };
            i = m.end.max(i + 1);
            let speech = is_speech_day(&m.expr).then(|| tense::inside_quote(&ctx, m.start));
            let weekday = is_bare_weekday(&m.expr);
            // "taken Wednesday through Sunday": the second day of a range.
            let range_end = weekday
                && m.start >= 2
                && matches!(
                    ctx.word(m.start - 1),
                    Some("through" | "thru" | "to" | "until")
                )
                && last_weekday.is_some_and(|(_, end)| end + 1 == m.start);
            let (at, end) = (out.len(), m.end);
            out.extend(discourse.resolve(&ctx, m));
            let found = out.len() > at;
            if let Some(quoted) = speech.filter(|_| found) {
                speech_days.push((at, quoted));
            }
            if let (true, Some((first, _))) = (range_end && found, last_weekday) {
                start_range_before(&mut out, first, at);
            }
            last_weekday = (weekday && found).then_some((at, end));
        }
        if let Some(anchor) = anchor.filter(|_| mode == Mode::News) {
            let anchor = anchor.date;
            said_the_day_before(&mut out, &speech_days, anchor);
        }
        out
    }

    /// Fills `doc.times` from `doc.text`, anchored to `doc.meta.published` in the tagger's
    /// mode (news unless [`TimeTagger::with_mode`] said otherwise).
    pub fn annotate(&self, doc: &mut Document) {
        doc.times = self.tag(&doc.text, doc.meta.published, self.mode);
    }
}

impl sitrep_doc::Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "times"
    }

    fn annotate(&self, doc: &mut Document) {
        TimeTagger::annotate(self, doc);
    }
}

/// What the text has said so far that later expressions depend on: the anchor, the quarter
/// under discussion, the last day named.
struct Discourse {
    cx: Context,
    mode: Mode,
    /// Token where the quarter in `cx.quarter` was named.
    quarter_at: usize,
    /// The last full date named, and the token after it.
    last_day: Option<(Date, usize)>,
    /// The last date, month or year named, at that granularity: what "the following year"
    /// and "that day" count from.
    mentioned: Option<(Date, Unit)>,
    /// In narrative mode, the anchor is now a date the text gave.
    story_anchor: bool,
    /// The last date the text gave in a year before the anchor's, with its year ("September
    /// 11, 2012", "February 2022") or retold in it: a story told from then on may give its
    /// dates bare. With it, whether it was named to the day: a story may go back a little
    /// from a day it gave ("March 15" after "March 17"), not from a month it opened with.
    told_from: Option<(Date, bool)>,
    /// The last quarter named (`year`, `quarter`), the token after it, and whether the text
    /// gave its year (rather than the tense): what a quarter in apposition restates, and
    /// what the day after "ended" closes.
    named_quarter: Option<((i32, u8), usize, bool)>,
    /// Whether the text speaks of an election, a primary or a debate anywhere; asked once.
    election_talk: Option<bool>,
}

impl Discourse {
    fn new(anchor: Option<Date>, mode: Mode) -> Discourse {
        Discourse {
            cx: Context {
                anchor,
                ..Context::default()
            },
            mode,
            quarter_at: 0,
            last_day: None,
            mentioned: None,
            story_anchor: false,
            told_from: None,
            named_quarter: None,
            election_talk: None,
        }
    }

    /// "after Sept. 11", "the September 11 attacks": a month and day that `holidays.txt`
    /// lists as a day in history are that day when a word makes them the day (as for
    /// "9/11"), the anchor is years after it and not in the months around its anniversary
    /// (when this year's is as likely), and the text tells no story of an earlier year
    /// ("reported live on September 11th, 2012 … the September 11 attack").
    fn day_in_history(&self, ctx: &Ctx<'_>, mut m: grammar::Match) -> grammar::Match {
        let Some((month, day)) = bare_month_day(&m.expr) else {
            return m;
        };
        let (Some(anchor), None) = (self.cx.anchor, self.told_from) else {
            return m;
        };
        let history = ctx.find(m.start, |c| match c {
            Class::Holiday(Holiday::Dated(y, hm, hd), _) if (hm, hd) == (month, day) => Some(y),
            _ => None,
        });
        let Some((end, year)) = history else {
            return m;
        };
        let far = (i32::from(anchor.month()) - i32::from(month)).abs() > 2;
        if end == m.end && year < anchor.year() && far && ctx.names_the_day(m.start, m.end) {
            m.expr = Expr::Calendar {
                year: Some(i32::from(year)),
                month: Some(month),
                day: Some(day),
            };
        }
        m
    }

    /// A time that restates the quarter just named takes its year, and says whether it did
    /// so by closing it:
    /// - "In the year-ago quarter, the second quarter ended Oct. 31,": a quarter set off by a
    ///   comma right after another is the same quarter, named as the company numbers it.
    /// - "the second quarter ended Oct. 31": the day is that quarter's end, in the quarter's
    ///   year and before the anchor (the quarter is over). The quarter stays the time last
    ///   named, for "that quarter" to refer to.
    fn quarter_restated(&self, ctx: &Ctx<'_>, m: &grammar::Match, v: &mut resolve::Value) -> bool {
        let Some(((year, _), end, given)) = self.named_quarter else {
            return false;
        };
        if end + 1 != m.start {
            return false;
        }
        if self.after_quarter_comma(ctx, m).is_some()
            && matches!(
                m.expr,
                Expr::Part {
                    year: None,
                    shift: None,
                    ..
                }
            )
        {
            if let Some((_, q)) = quarter(&v.value) {
                v.value = format!("{year:04}-Q{q}");
            }
            return false;
        }
        // A fiscal quarter whose year the tense chose may be numbered in the year it ends:
        // "its fiscal second quarter ended Jan. 23", said in February, is this January.
        if !given {
            return false;
        }
        let Some((month, day)) = bare_month_day(&m.expr) else {
            return false;
        };
        if !ctx.is(end, "ended") {
            return false;
        }
        let anchor = self.cx.anchor;
        let closed = [year, year - 1].into_iter().find_map(|y| {
            let d = Date::new(i16::try_from(y).ok()?, month as i8, day as i8).ok()?;
            anchor.is_none_or(|a| d <= a).then_some(d)
        });
        match closed {
            Some(d) if v.value.len() == 10 => {
                v.value = d.to_string();
                true
            }
            _ => false,
        }
    }

    /// The quarter last named (with whether the text gave its year), when the match at `m`
    /// follows it right after a comma: in apposition to it.
    fn after_quarter_comma(&self, ctx: &Ctx<'_>, m: &grammar::Match) -> Option<((i32, u8), bool)> {
        let (q, end, given) = self.named_quarter?;
        (end + 1 == m.start && ctx.is(end, ",")).then_some((q, given))
    }

    /// Whether a bare weekday names the day before the anchor.
    fn yesterday(&self, e: &Expr) -> bool {
        let before = self.cx.anchor.and_then(|a| a.yesterday().ok());
        match (before, bare_weekday_number(e)) {
            (Some(d), Some(w)) => d.weekday().to_monday_one_offset() as u8 == w,
            _ => false,
        }
    }

    /// Resolves one match in its context, and remembers what it names.
    fn resolve(&mut self, ctx: &Ctx<'_>, m: grammar::Match) -> Option<Timex> {
        let mut m = self.day_in_history(ctx, m);
        // "This quarter's loss includes …", in a report of the quarter just over: the
        // results are that quarter's, not those of the quarter the report came out in.
        let results = |k: usize| {
            matches!(
                ctx.word(k),
                Some("loss" | "profit" | "earnings" | "results" | "sales" | "revenue" | "net")
            )
        };
        if m.expr
            == (Expr::UnitShift {
                unit: Unit::Quarter,
                shift: 0,
            })
            && self.cx.quarter.is_some()
            && ctx.is(m.end, "'s")
            && results(m.end + 1)
        {
            m.expr = Expr::ThisQuarter(None);
        }
        let mut cx = self.cx;
        let cue = m
            .expr
            .needs_tense()
            .then(|| tense::cue_at(ctx, m.start, m.end))
            .flatten();
        cx.tense = cue.map(|c| c.tense);
        cx.story = self.story_anchor;
        cx.firm_past = cue.is_some_and(|c| c.firm_past());
        let before = m.start.checked_sub(1).and_then(|k| ctx.word(k));
        // "said in October", "since announcing in October": the saying or the announcing
        // happened then, as "died in October" did.
        let told_in = m.start >= 2 && tense::firm_past_at(ctx, m.start - 2)
            || m.start >= 3
                && ctx
                    .word(m.start - 2)
                    .is_some_and(|w| w.len() > 5 && w.ends_with("ing"))
                && matches!(ctx.word(m.start - 3), Some("since" | "after"));
        cx.happened_in = (told_in || cue.is_some_and(|c| c.past_event()))
            && matches!(before, Some("in" | "on" | "during"));
        let bare_weekday = is_bare_weekday(&m.expr);
        if bare_weekday && ctx.is(m.end, "'s") {
            cx.tense = Some(tense::before_nominal(ctx, m.start));
        } else if bare_weekday
            && cue.is_none()
            && !self.yesterday(&m.expr)
            && tense::contest_near(ctx, m.start, m.end)
            && !tense::result_near(ctx, m.start, m.end)
        {
            // A contest told with no past verb is one to come: "Wisconsin holds its
            // presidential primary on Tuesday" said on a Friday is the coming Tuesday. Not
            // yesterday's, six days off: "defeating Trump in the Iowa caucuses Monday", said
            // on Tuesday.
            cx.tense = Some(Tense::Future);
        }
        // "her March comment": a month after a possessive names a thing already done, as a
        // possessive weekday does; the clause's verb is not its event.
        if is_bare_month(&m.expr) && m.start > 0 && ctx.possessive(m.start - 1) {
            cx.tense = Some(tense::before_nominal(ctx, m.start));
        }
        // "an advantage in November", "Then there's November": in a year of elections, in a
        // text about one, a November named with no tense is the coming vote, however far.
        if m.expr
            == (Expr::Calendar {
                year: None,
                month: Some(11),
                day: None,
            })
            && cue.is_none()
            && self
                .cx
                .anchor
                .is_some_and(|a| a.year() % 2 == 0 && a.month() < 11)
            && *self
                .election_talk
                .get_or_insert_with(|| (0..ctx.toks.len()).any(|k| tense::is_contest(ctx, k)))
        {
            cx.tense = Some(Tense::Future);
        }
        // "the November election" is the one of the campaign under way: this year's while its
        // month is still to come, whatever the clause's verb ("suggested the November
        // election may be rigged"), unless a simple past says it is over ("won the November
        // election", said in January). Past that month, tense and distance decide as usual.
        // So is "the Nov. 8 election", and Election Day itself ("as Election Day nears").
        // Election Day is a contest itself; its latest date (8 November) bounds "ahead".
        let coming = match m.expr {
            Expr::Calendar {
                year: None,
                month: Some(month),
                day,
            } => Some((month, day.unwrap_or(31), tense::contest_after(ctx, m.end))),
            Expr::Holiday { year: None, .. } if ctx.is(m.start, "election") => Some((11, 8, true)),
            _ => None,
        };
        if let Some((month, day, contest)) = coming {
            let ahead = self
                .cx
                .anchor
                .is_some_and(|a| (month as i8, day as i8) >= (a.month(), a.day()));
            if ahead && !cx.firm_past && (contest || tense::heading_for(ctx, m.start)) {
                cx.tense = Some(Tense::Future);
                cx.happened_in = false;
            }
        }
        // A deadline looks ahead whatever the verb: "extended its deadline until 9 a.m.
        // Tuesday", "has given them until Friday", "said it would declare by the end of March
        // and suggested". Only a verb the word list knows as past ("stayed" is not one) keeps
        // it behind: "was held until Monday". A month is as often a past span ("until March
        // he lived in Kyiv", "By March the army retreated"), so only "by the end of" one
        // looks ahead, and only past an -ed word.
        let deadline = if bare_weekday {
            matches!(before, Some("until" | "till" | "by"))
        } else {
            // "By late summer, she looked vulnerable" tells how things stood then.
            before == Some("by")
                && m.modifier == Some("END")
                && ctx.is(m.start, "the")
                && cx.tense == Some(Tense::Past)
        };
        if deadline && !cx.firm_past {
            cx.tense = Some(Tense::Future);
        }
        // "come November", "Come January, the law takes effect": when that time comes, one
        // ahead whatever the verb.
        if before == Some("come") {
            cx.tense = Some(Tense::Future);
            cx.happened_in = false;
        }
        // "since" names a start already past, whatever the verb: "prices have risen since
        // October" in an August article is last October, not the coming one.
        if before == Some("since") && !cx.story {
            cx.tense = Some(Tense::Past);
            cx.happened_in = true;
        }
        // "a year earlier" means the same quarter a year earlier only close to a quarter.
        if matches!(m.expr, Expr::Ago { .. }) && m.start > self.quarter_at + QUARTER_REACH {
            cx.quarter = None;
            cx.months = None;
        }
        // A bare clock time is on the day last named nearby ("on Friday ... at 10:35 a.m."),
        // else on the anchor's day: news reports the hours of the day it is dated.
        if is_bare_clock(&m.expr) {
            if let Some((day, _)) = self.last_day.filter(|(_, at)| m.start <= at + DAY_REACH) {
                cx.anchor = Some(day);
            }
        }
        // "the following year", "that day": from the time last named, if it is precise enough.
        let mut coarse = None;
        if let Expr::Anaphoric(inner) = &m.expr {
            let needed = match **inner {
                Expr::UnitShift { unit, .. } => unit,
                // "that November" needs only the year.
                Expr::MonthShift { shift: 0, .. } => Unit::Year,
                Expr::MonthShift { .. } => Unit::Month,
                Expr::InYear { .. } => Unit::Year,
                Expr::YearBefore(ref e) => match **e {
                    Expr::UnitShift { unit, .. } => unit,
                    _ => Unit::Day,
                },
                _ => Unit::Day,
            };
            match self.mentioned {
                Some((d, g)) if granularity(g) <= granularity(needed) => cx.anchor = Some(d),
                // "last October ... that same day": a day in that month, which one unknown. A
                // year named is too far off to say the day is in it. "Later in the morning"
                // goes on with the day of the report instead: it names no day to look for.
                Some((d, Unit::Month))
                    if needed == Unit::Day && matches!(**inner, Expr::UnitShift { .. }) =>
                {
                    coarse = Some(d)
                }
                _ => {}
            }
        }
        let retold = self.retold(&m.expr, &cx);
        let mut v = resolve::resolve(retold.as_ref().unwrap_or(&m.expr), &cx)?;
        let quarter_closed = self.quarter_restated(ctx, &m, &mut v);
        // "Results for that quarter": the quarter last named, which need not be the one under
        // discussion ("the year-ago quarter, the second quarter ended Oct. 31").
        let that_quarter = matches!(&m.expr, Expr::Anaphoric(inner) if **inner == Expr::UnitShift {
            unit: Unit::Quarter,
            shift: 0,
        });
        if that_quarter && ctx.is(m.start, "that") {
            if let Some(((y, q), _, _)) = self.named_quarter {
                v.value = format!("{y:04}-Q{q}");
            }
        }
        // The story goes on from each date it gives, named with its year or retold.
        if let Some(Expr::Calendar {
            year: Some(y),
            month: Some(month),
            day,
        }) = retold.as_ref().or(Some(&m.expr))
        {
            let (y, month, day) = (*y, *month, *day);
            // "closed since February 2021" names a state's start, not a story's.
            let before_anchor =
                self.cx.anchor.is_some_and(|a| y < a.year() as i32) && before != Some("since");
            self.told_from = before_anchor
                .then(|| Date::new(y as i16, month as i8, day.unwrap_or(1) as i8).ok())
                .flatten()
                .map(|d| (d, day.is_some()));
        }
        if let Some(d) = coarse.filter(|_| v.value.len() >= 10) {
            let day = format!("{:04}-{:02}-XX", d.year(), d.month());
            v.value.replace_range(..10, &day);
        }
        // Speech time ("today", "overnight") is not a time the story moves to: "the
        // previous Friday" after "Friday ... overnight losses" is the Friday before that one.
        // Nor is a time looked back to from the story's: "fell to 1.45 percent from 1.51
        // percent the day before ... the euro rose from $1.1074 the day before" compares
        // both with the same day, while "the next day ... the following day" moves on.
        if matches!(v.kind, TimexType::Date | TimexType::Time)
            && !is_speech_day(&m.expr)
            && !looks_back(&m.expr)
            && !quarter_closed
        {
            if let Some(named) = named_time(&v.value) {
                self.mentioned = Some(named);
            }
        }
        // "in the quarter compared with $361.8 million a year ago": the quarter under
        // discussion, named again, keeps it under discussion.
        if matches!(m.expr, Expr::ThisQuarter(_)) && self.cx.quarter.is_some() {
            self.quarter_at = m.end;
        }
        // The quarter under discussion: named ones, not ones computed from it, and only ones
        // already over, not "losses through the third quarter of 1990" or "into the fourth
        // quarter": "the year-ago period" compares results already reported.
        if matches!(
            m.expr,
            Expr::Part { .. }
                | Expr::PartOfShiftedYear { .. }
                | Expr::LatestQuarter
                | Expr::QuarterEnding(_)
        ) {
            // Ended before the anchor's quarter began, or said to have ended or told in the
            // past: a fiscal "fourth quarter ended Sept. 30", "reported a decline in
            // fourth-quarter earnings" keep the company's numbering.
            let ended = matches!(m.expr, Expr::QuarterEnding(_))
                || matches!(ctx.word(m.end), Some("ended" | "ending"))
                || tense::cue_at(ctx, m.start, m.end).is_some_and(|c| c.tense == Tense::Past);
            let reported = |(y, q): (i32, u8)| {
                ended
                    || self
                        .cx
                        .anchor
                        .is_none_or(|a| (y, q) < (a.year() as i32, resolve::quarter_of(a)))
            };
            // A quarter named in passing ("after a flat second quarter", "a charge in the 1988
            // second quarter") does not displace a later one under discussion.
            let later = |q: (i32, u8)| self.cx.quarter.is_none_or(|c| q >= c);
            if let Some(q) = quarter(&v.value).filter(|q| reported(*q)) {
                // Any quarter named keeps quarters under discussion.
                self.quarter_at = m.end;
                if later(q) {
                    self.cx.quarter = Some(q);
                    self.cx.months = None;
                }
            }
        }
        // "For the nine months", "in the first six months": results for that much of the
        // year (the quarter's, else the latest quarter's) are now under discussion. Not "the
        // past nine months", a stretch back from now.
        let months_of_year = matches!(
            m.expr,
            Expr::Duration { amount: Amount::Num(n), unit: Unit::Month } if n == 6.0 || n == 9.0
        );
        if months_of_year
            && ctx.is(m.start, "the")
            && matches!(
                ctx.word(m.start + 1),
                Some("first" | "nine" | "six" | "9" | "6")
            )
        {
            let latest = || {
                let a = self.cx.anchor?;
                let d = a.checked_sub(jiff::Span::new().months(3)).ok()?;
                Some(i32::from(d.year()))
            };
            if let Some(year) = self.cx.quarter.map(|(y, _)| y).or_else(latest) {
                self.cx.months = Some(year);
                self.quarter_at = m.end;
            }
        }
        if let Some(q) = quarter(&v.value) {
            // Given by the text: with its year, or restating a quarter that had one.
            let restated = self
                .after_quarter_comma(ctx, &m)
                .is_some_and(|(p, given)| given && p.0 == q.0);
            let given = restated
                || matches!(
                    m.expr,
                    Expr::Part { year: Some(_), .. }
                        | Expr::PartOfShiftedYear { .. }
                        | Expr::YearEarlierQuarter
                );
            self.named_quarter = Some((q, m.end, given));
        }
        if let Some(d) = full_date(&v.value) {
            self.last_day = Some((d, m.end));
            if self.mode == Mode::Narrative {
                self.cx.anchor = Some(d);
                self.story_anchor = true;
            }
        }
        Some(Timex {
            span: Span::new(ctx.toks[m.start].start, ctx.toks[m.end - 1].end),
            kind: v.kind,
            value: v.value,
            modifier: m.modifier.map(str::to_string),
            anchor: v
                .anchored
                .then(|| cx.anchor.map(|a| a.to_string()))
                .flatten(),
            quant: v.quant.map(str::to_string),
            freq: v.freq,
        })
    }
}

/// How many tokens after a named quarter "a year earlier" still means that quarter.
const QUARTER_REACH: usize = 150;

/// How many tokens after a named day a bare clock time is still on that day.
const DAY_REACH: usize = 40;

/// A clock time with no date of its own ("at 10:35 a.m.").
fn is_bare_clock(e: &Expr) -> bool {
    matches!(e, Expr::Day { date, clock: Some(Clock::Minutes(_) | Clock::Utc(_)) } if **date == Expr::DayOffset(0))
}

/// The anchor's own day, with or without a part of it: "today", "tonight", "overnight".
fn is_speech_day(e: &Expr) -> bool {
    match e {
        Expr::DayOffset(0) => true,
        Expr::Day { date, clock } => {
            matches!(clock, None | Some(Clock::Part(_))) && is_speech_day(date)
        }
        _ => false,
    }
}

/// A quoted "today" or "tonight" is the day the words were said. A story dated the morning
/// after a speech, a debate or a vote tells of it as the day before ("said Monday", "last
/// night", "yesterday") and names its own day seldom, if at all (the day before more than twice
/// as often): then that is also the day a quote from it means ("Marco Rubio won tonight", "in
/// his remarks today"). Across our news golds (sets up to 37), the "today"s so moved are the
/// day before 15 times, the anchor's day never (3 are generic, PRESENT_REF); at a simple
/// majority one set loses a quote said on the anchor's day.
fn said_the_day_before(out: &mut [Timex], speech_days: &[(usize, bool)], anchor: Date) {
    let Ok(before) = anchor.yesterday() else {
        return;
    };
    let (today, yesterday) = (anchor.to_string(), before.to_string());
    let said = |k: usize| speech_days.iter().any(|&(at, _)| at == k);
    let named = |day: &str| {
        out.iter()
            .enumerate()
            .filter(|(k, t)| {
                !said(*k) && t.value.get(..10) == Some(day) && t.kind != TimexType::Duration
            })
            .count()
    };
    if named(&yesterday) <= 2 * named(&today) {
        return;
    }
    for &(at, quoted) in speech_days {
        let t = &mut out[at];
        if quoted && t.value.starts_with(&today) {
            t.value.replace_range(..10, &yesterday);
        }
    }
}

/// A range of weekdays starts before it ends: "a poll taken Wednesday through Sunday", said
/// on a Tuesday, began the Wednesday before that Sunday, whatever the first day alone would
/// have been (a Wednesday six days back is read as tomorrow's, for wire stories dated the
/// evening before).
fn start_range_before(out: &mut [Timex], first: usize, second: usize) {
    let (Some(a), Some(b)) = (full_date(&out[first].value), full_date(&out[second].value)) else {
        return;
    };
    if a <= b {
        return;
    }
    if let Ok(earlier) = a.checked_sub(jiff::Span::new().days(7)) {
        out[first].value.replace_range(..10, &earlier.to_string());
    }
}

/// A weekday without last/this/next, alone or with a part of day.
fn is_bare_weekday(e: &Expr) -> bool {
    bare_weekday_number(e).is_some()
}

/// The ISO weekday (1 = Monday) of a weekday without last/this/next, with or without a part
/// of day: "Monday", "Monday night".
fn bare_weekday_number(e: &Expr) -> Option<u8> {
    match e {
        Expr::Weekday {
            weekday,
            shift: None,
        } => Some(*weekday),
        Expr::Day { date, .. } => bare_weekday_number(date),
        _ => None,
    }
}

/// The month and day of an expression that gives them without a year: "Oct. 31".
fn bare_month_day(e: &Expr) -> Option<(u8, u8)> {
    match *e {
        Expr::Calendar {
            year: None,
            month: Some(month),
            day: Some(day),
        } => Some((month, day)),
        _ => None,
    }
}

/// Whether the expression is a month with neither day nor year: "March".
fn is_bare_month(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Calendar {
            year: None,
            month: Some(_),
            day: None
        }
    )
}

impl Discourse {
    /// A bare month and day in a story retold from a past year: "on Feb. 28", "on March 7"
    /// after "Russia's February 2022 invasion", in an article of 2024, are in 2022. It holds
    /// for a date from a month before (if that date was a day) to three months after the
    /// story's last date, in a clause neither present nor future, and not in the two weeks
    /// before the anchor, where the date is news again. The date in the story's year, to
    /// resolve instead; `None` to resolve as usual.
    fn retold(&self, expr: &Expr, cx: &Context) -> Option<Expr> {
        let (from, to_the_day) = self.told_from?;
        let Expr::Calendar {
            year: None,
            month: Some(month),
            day: Some(day),
        } = *expr
        else {
            return None;
        };
        if cx.story || matches!(cx.tense, Some(Tense::Future | Tense::Present)) {
            return None;
        }
        // A date of the last two weeks is news again: "Iraq's invasion of Kuwait on Aug. 2",
        // in a report of 15 August 1990 that named August 1988 before.
        let anchor = cx.anchor?;
        let this_year = Date::new(anchor.year(), month as i8, day as i8).ok()?;
        if (0..=14).contains(&(anchor - this_year).get_days()) {
            return None;
        }
        let date = Date::new(from.year(), month as i8, day as i8).ok()?;
        let days = (date - from).get_days();
        let back = if to_the_day { -31 } else { 0 };
        (back..=92).contains(&days).then_some(Expr::Calendar {
            year: Some(from.year() as i32),
            month: Some(month),
            day: Some(day),
        })
    }
}

/// Whether the expression is a unit back from the time under discussion ("the day
/// before", "the previous week").
fn looks_back(e: &Expr) -> bool {
    matches!(e, Expr::Anaphoric(inner) if matches!(**inner, Expr::UnitShift { shift, .. } if shift < 0))
}

/// How coarse a unit is, for "that day" wanting a day named, "that year" any date.
fn granularity(u: Unit) -> u8 {
    match u {
        Unit::Hour | Unit::Minute | Unit::Second | Unit::Day => 0,
        Unit::Week | Unit::Weekend | Unit::Fortnight => 1,
        Unit::Month => 2,
        Unit::Quarter => 3,
        Unit::Year => 4,
        Unit::Decade => 5,
        Unit::Century => 6,
    }
}

/// The time a DATE or TIME value names, as a date and its granularity: `1995` (year),
/// `1995-Q4` (quarter), `1995-05` (month), `1995-05-22` or `1995-05-22T10:00` (day).
fn named_time(value: &str) -> Option<(Date, Unit)> {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if !digits(0..4) || b.get(4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let year: i16 = value[..4].parse().ok()?;
    // "the fourth quarter ... the previous quarter": a quarter by its middle month.
    if let Some((_, q)) = quarter(value) {
        return Some((Date::new(year, q as i8 * 3 - 1, 15).ok()?, Unit::Quarter));
    }
    if b.get(4) != Some(&b'-') || !digits(5..7) {
        return Some((Date::new(year, 7, 1).ok()?, Unit::Year));
    }
    let month: i8 = value[5..7].parse().ok()?;
    if b.get(7) != Some(&b'-') || !digits(8..10) {
        return Some((Date::new(year, month, 1).ok()?, Unit::Month));
    }
    Some((value[..10].parse().ok()?, Unit::Day))
}

/// `(year, quarter)` of a `YYYY-Qn` value.
fn quarter(value: &str) -> Option<(i32, u8)> {
    let (y, q) = value.split_once("-Q")?;
    Some((
        y.parse().ok()?,
        q.parse().ok().filter(|q| (1..=4).contains(q))?,
    ))
}

/// The date of a `YYYY-MM-DD` value, or of the day of a `YYYY-MM-DDThh:mm` one.
fn full_date(value: &str) -> Option<Date> {
    // A time on a named day names the day too: "0300 GMT on Tuesday".
    let day = match value.split_once('T') {
        Some((day, _)) => day,
        None => value,
    };
    if day.len() != 10 {
        return None;
    }
    day.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn tagger_is_shareable() {
        assert_send_sync::<TimeTagger>();
    }

    #[test]
    fn narrative_mode_follows_the_last_date() {
        let tagger = TimeTagger::new();
        let text = "On March 3, 1998 the talks began. Three days ago they had failed.";
        let anchor = "2024-08-18".parse().ok();
        let news = tagger.tag(text, anchor, Mode::News);
        let story = tagger.tag(text, anchor, Mode::Narrative);
        assert_eq!(news[1].value, "2024-08-15");
        assert_eq!(story[1].value, "1998-02-28");
        assert_eq!(story[1].anchor.as_deref(), Some("1998-03-03"));
    }
}
