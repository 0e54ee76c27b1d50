//! Patterns relative to the anchor or counted in units: last/this/next, amounts of units,
//! "ago", days and times of day, references and sets.

use crate::expr::{Amount, Clock, Expr, YearPart};
use crate::lexicon::{Class, Tense, Unit};
use crate::scan::{Kind, Suffix};

use super::{Ctx, P};
use crate::tense;

impl Ctx<'_> {
    /// last/this/next with a unit, month, weekday, season or holiday, or an amount
    /// ("the past two months" is a duration).
    pub(crate) fn shifted(&self, i: usize) -> P<Expr> {
        let (end, expr) = self.shifted_from_anchor(i)?;
        // "his last year in office" is his final one, not the year before this one; "in
        // 2008, his last year in office" names it.
        if i > 0 && self.is(i, "last") && self.possessive(i - 1) {
            let apposition = self.named_before(i - 1) == Some(Unit::Year);
            let year = Expr::UnitShift {
                unit: Unit::Year,
                shift: -1,
            };
            if expr != year || !apposition {
                return None;
            }
            let same = Expr::UnitShift {
                unit: Unit::Year,
                shift: 0,
            };
            return Some((end, Expr::Anaphoric(Box::new(same))));
        }
        // "over the past year", "in the last week": the length up to now, as "the past three
        // years" is. Not the calendar year before this one, which "last year" names; not
        // "the last week of March", "the last day" (the final one).
        if let Expr::UnitShift { unit, shift: -1 } = expr {
            let stretch = matches!(
                unit,
                Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century
            );
            if stretch
                && self.is(i, "the")
                && matches!(self.word(i + 1), Some("past" | "last"))
                && !matches!(self.word(end), Some("of" | "in" | "'s"))
            {
                let amount = Amount::Num(1.0);
                return Some((end, Expr::Duration { amount, unit }));
            }
        }
        // "spending $200,000 over the next week", "defeat them in the next year": the length
        // from now, as "over the past year" looks back. Not "the next month, the company …",
        // the month after the story's, nor "the next year's budget".
        if let Expr::UnitShift { unit, shift: 1 } = expr {
            let stretch = matches!(unit, Unit::Week | Unit::Month | Unit::Year | Unit::Decade);
            let over =
                i > 0 && matches!(self.word(i - 1), Some("over" | "in" | "within" | "during"));
            if stretch
                && over
                && self.is(i, "the")
                && self.is(i + 1, "next")
                && !matches!(self.word(end), Some("of" | "'s"))
            {
                let amount = Amount::Num(1.0);
                return Some((end, Expr::Duration { amount, unit }));
            }
        }
        // "to this day", "until this day": up to now, not the day itself.
        let this_day = Expr::UnitShift {
            unit: Unit::Day,
            shift: 0,
        };
        if expr == this_day
            && self.is(i, "this")
            && i > 0
            && matches!(self.word(i - 1), Some("to" | "until" | "till"))
        {
            let (kind, value) = ("DATE", "PRESENT_REF");
            return Some((end, Expr::Reference { kind, value }));
        }
        // "the next day", "the next morning" follow the story's last day, as "the following
        // day" does; "next week" counts from now.
        let day_sized = matches!(
            expr,
            Expr::UnitShift {
                unit: Unit::Day,
                ..
            } | Expr::Day { .. }
        );
        // "challenged it in provincial elections the next year": told in the past, the year
        // (month) after the one last named, as "the next day" is.
        let told_next = matches!(
            expr,
            Expr::UnitShift {
                unit: Unit::Year | Unit::Month,
                shift: 1
            }
        ) && self.is(i, "the")
            && self.is(i + 1, "next")
            && !(i > 0 && self.is(i - 1, "for"))
            && tense::cue_at(self, i, end).is_some_and(|c| c.tense == Tense::Past);
        if self.anaphor(i).is_none() && !(day_sized && self.is(i, "the")) && !told_next {
            return Some((end, expr));
        }
        // "that" names only units ("that day", not "that two weeks").
        let units_only = self.is(i, "that");
        match expr {
            Expr::UnitShift { .. } | Expr::Day { .. } => {
                Some((end, Expr::Anaphoric(Box::new(expr))))
            }
            Expr::Weekday { .. } | Expr::MonthShift { .. } if !units_only => {
                Some((end, Expr::Anaphoric(Box::new(expr))))
            }
            // "lost the election to Nixon that November": the month in the year last named.
            Expr::MonthShift { shift: 0, .. } => Some((end, Expr::Anaphoric(Box::new(expr)))),
            _ if units_only => None,
            _ => Some((end, expr)),
        }
    }

    fn shifted_from_anchor(&self, i: usize) -> P<Expr> {
        let (j, shift) = self.shift(i)?;
        let j = self.skip(j, "fiscal");
        if let Some((end, unit)) = self.unit(j) {
            // "that Second Amendment": a name's ordinal, not a second.
            let name_after = self
                .toks
                .get(end)
                .is_some_and(|t| t.kind == Kind::Word && t.capital);
            if unit == Unit::Second && self.toks[j].capital && name_after {
                return None;
            }
            // A title, quoted or after its network's name: ABC's "This Week", ABC's This Week.
            let titled =
                i > 0 && matches!(self.word(i - 1), Some("\"" | "``" | "“" | "'" | "‘" | "'s"));
            if titled && self.toks[i].capital && self.toks[j].capital {
                return None;
            }
            if !self.is_plural(j, end) {
                // "this past week": the week now ending, or, early in a week, the one before.
                if unit == Unit::Week && shift == -1 && self.nearest(i) {
                    return Some((end, Expr::ThisPastWeek));
                }
                return Some((end, Expr::UnitShift { unit, shift }));
            }
        }
        if let Some((end, part)) = self.part_of_day(j) {
            return Some((end, Expr::at_part(Expr::DayOffset(shift), part)));
        }
        if let Some((end, month)) = self.month(j) {
            // "last Oct. 23": the date is the expression, "last" only says it is past.
            if self.day(end).is_some() {
                return None;
            }
            return Some((end, Expr::MonthShift { month, shift }));
        }
        if let Some((end, weekday)) = self.weekday(j) {
            let day = Expr::Weekday {
                weekday,
                shift: Some(shift),
            };
            // "this Saturday morning", "last Friday night".
            if let Some((e, part)) = self
                .part_of_day(end)
                .filter(|&(e, _)| !self.is_plural(end, e))
            {
                return Some((e, Expr::at_part(day, part)));
            }
            return Some((end, day));
        }
        if let Some((end, holiday)) = self.holiday(j) {
            return Some((end, Expr::HolidayShift { holiday, shift }));
        }
        if let Some((end, part)) = self.season_word(j) {
            if self.nearest(i) {
                let direction = shift;
                return Some((end, Expr::NearestPart { part, direction }));
            }
            return Some((
                end,
                Expr::Part {
                    part,
                    year: None,
                    shift: Some(shift),
                },
            ));
        }
        if let Some((end, amount)) = self.amount(j) {
            let k = self.skip_hyphen(end);
            if let Some((end, unit)) = self.unit(k) {
                // "this 6-year-old" is an age; "you said this 30 years ago" is the amount's
                // own "ago".
                let ago = self.find(end, |c| matches!(c, Class::Ago(_)).then_some(()));
                if self.is(self.skip_hyphen(end), "old") || ago.is_some() {
                    return None;
                }
                return Some((end, Expr::Duration { amount, unit }));
            }
        }
        // "during the past months", "over the last weeks": an unsaid number of units up to
        // now, as "the past few months" is. Not "the last days of his presidency", the final
        // ones.
        if let Some((end, unit)) = self.unit(j) {
            let countable = matches!(
                unit,
                Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Decade
            );
            if shift == -1
                && self.is(i, "the")
                && countable
                && self.is_plural(j, end)
                && !self.is(end, "of")
            {
                let amount = Amount::Vague;
                return Some((end, Expr::Duration { amount, unit }));
            }
        }
        None
    }

    /// "two years", "a week", "two-year", "the nine months", "the first nine months",
    /// "two weeks ago", "a year earlier", "years".
    pub(crate) fn amount_unit(&self, i: usize) -> P<Expr> {
        if let Some(closed) = self.closed_long(i) {
            return Some(closed);
        }
        // "thrown into chaos all week", "rallies held all day (long)": the whole unit, a length.
        // Not the compound "an all-day meeting".
        if self.is(i, "all") {
            let (mut end, unit) = self.unit(i + 1)?;
            let whole = matches!(
                unit,
                Unit::Day | Unit::Week | Unit::Weekend | Unit::Month | Unit::Year
            );
            if !whole || self.is_plural(i + 1, end) || self.skip_hyphen(end) > end {
                return None;
            }
            if self.is(end, "long") {
                end += 1;
            }
            let amount = Amount::Num(1.0);
            return Some((end, Expr::Duration { amount, unit }));
        }
        let mut j = self.skip(i, "the");
        if j > i {
            if let Some((e, _)) = self.ordinal(j) {
                if self.amount(e).is_some() {
                    j = e;
                }
            }
        }
        let (end, amount) = match self.amount(j) {
            Some(a) => a,
            None => {
                // a bare plural: "years", "for months", "months ago"
                let (end, unit) = self.unit(j)?;
                // "in those days the perilous times", "the events of those years": an era
                // pointed back to, no length (none of the five in our golds is tagged).
                if j > 0 && self.is(j - 1, "those") {
                    return None;
                }
                let countable = matches!(
                    unit,
                    Unit::Year
                        | Unit::Month
                        | Unit::Week
                        | Unit::Fortnight
                        | Unit::Day
                        | Unit::Decade
                        | Unit::Century
                ) || matches!(unit, Unit::Hour | Unit::Minute)
                    && self.vague_short(j, end);
                // "the month-long occupation": one unit.
                if !self.is_plural(j, end) && countable && j == i && self.long_after(end) {
                    (j, Amount::Num(1.0))
                } else if !self.is_plural(j, end)
                    || !countable
                    || j > i && !matches!(unit, Unit::Year)
                    // "from the years 2010 to 2013": the years are the ones named.
                    || self.year(end).is_some()
                {
                    return None;
                } else {
                    (j, Amount::Vague)
                }
            }
        };
        let k = self.skip_hyphen(end);
        let (mut end, unit) = self.unit(k)?;
        // "The movie 13 Hours", "Zuckoff's 13 Hours": a capitalised unit after digits is a
        // title, unless the words before are capitalised too, as in a headline ("Talks Last
        // 13 Hours").
        let headline = j > 0
            && self.toks[j - 1].kind == Kind::Word
            && self.toks[j - 1].capital
            && !self.sentence_ends_before(j - 1);
        if self.toks[k].capital && self.number(j).is_some() && !headline {
            return None;
        }
        if self.year(j).is_some() && !self.is_plural(k, end) {
            return None;
        }
        // "a decades-long conflict": the article is the conflict's, "decades" stands alone.
        if matches!(self.word(j), Some("a" | "an")) && k == j + 1 && self.is_plural(k, end) {
            return None;
        }
        // "week-long", "decades-long": the length as a modifier.
        if self.long_after(end) {
            end = self.skip_hyphen(end) + 1;
        }
        // "a year-earlier quarter" is the year-ago pattern's.
        if self.skip_hyphen(end) > end && matches!(self.word(end + 1), Some("earlier" | "ago")) {
            return None;
        }
        // Ages and their gaps are not times ("6-year-old", "40 years old", "a few years
        // older"), nor fractions ("three-quarters of").
        if matches!(
            self.word(self.skip_hyphen(end)),
            Some("old" | "olds" | "older" | "younger")
        ) || unit == Unit::Quarter && self.is(self.skip_hyphen(end), "of")
            || unit == Unit::Quarter && self.fraction(j, end)
        {
            return None;
        }
        let mut amount = amount;
        // "a year and a half"
        if self.is(end, "and") {
            if let Some((e, ())) = self.find(end + 1, |c| matches!(c, Class::Half).then_some(())) {
                if let Amount::Num(v) = amount {
                    amount = Amount::Num(v + 0.5);
                    end = e;
                }
            }
        }
        // "a week or so ago"
        let approx = self.find(end, |c| matches!(c, Class::PostMod(_)).then_some(()));
        if let Some((e, ())) = approx.filter(|(e, _)| {
            self.find(*e, |c| matches!(c, Class::Ago(_)).then_some(()))
                .is_some()
        }) {
            end = e;
        }
        if let Some((e, direction)) = self.find(end, |c| match c {
            Class::Ago(d) => Some(d),
            _ => None,
        }) {
            // "four days earlier", "weeks earlier": like "later", a length with "earlier" for
            // its signal (TimeBank's "A day earlier" is P1D; 15 of the 16 such lengths in our
            // news golds). "a year earlier" stays the date of a results story's comparable
            // period, which is how TimeBank tags 25 of its 26.
            let signal =
                self.is(e - 1, "earlier") && !(unit == Unit::Year && amount == Amount::Num(1.0));
            if signal {
                return Some((end, Expr::Duration { amount, unit }));
            }
            return Some((
                e,
                Expr::Ago {
                    amount,
                    unit,
                    direction,
                },
            ));
        }
        // "four flights a week", "$1.76 a year": a rate, not a time.
        if matches!(self.word(j), Some("a" | "an")) && self.counted_before(j) {
            return None;
        }
        // "a second time" is an ordinal.
        if unit == Unit::Second && !self.is_plural(k, end) && self.number(j).is_none() {
            return None;
        }
        // "Islam will one day be the second religion", "Ukraine could one day join": some
        // day ahead, not a length.
        let modal_before = j > 0
            && self
                .find(j - 1, |c| {
                    matches!(c, Class::Tense(Tense::Future)).then_some(())
                })
                .is_some()
            // "could" and "may", which the tense list does not take for future cues ("can"
            // and "might" it does).
            || matches!(
                j.checked_sub(1).and_then(|k| self.word(k)),
                Some("could" | "may")
            );
        // "he one day follow", "hopes to one day become": a subject or an infinitive's "to"
        // with a verb after it. Not "cut to one day a week", "up to one day in March".
        let verb_after = self.word(end).is_some_and(|w| {
            w.chars().all(|c| c.is_ascii_lowercase())
                && !matches!(
                    w,
                    "a" | "an"
                        | "the"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "and"
                        | "or"
                        | "per"
                        | "each"
                        | "before"
                        | "after"
                        | "later"
                        | "earlier"
                        | "ago"
                        | "off"
                        | "long"
                )
        });
        let subject_before = j > 0
            && matches!(
                self.word(j - 1),
                Some("he" | "she" | "they" | "we" | "i" | "you" | "to")
            )
            && !(j > 1 && matches!(self.word(j - 2), Some("up" | "down" | "from")));
        if unit == Unit::Day
            && self.is(j, "one")
            && end == k + 1
            && (modal_before || subject_before && verb_after)
        {
            return Some((
                end,
                Expr::Reference {
                    kind: "DATE",
                    value: "FUTURE_REF",
                },
            ));
        }
        // "he chairs it in a year that already had a favorable landscape", "in a year in which
        // the candidates have broken records": the year under way, not a length. Not in the
        // past ("he was born in a year when …").
        let described = matches!(self.word(end), Some("that" | "when"))
            || self.is(end, "in") && self.is(end + 1, "which");
        // "was in 1988, a year when Bush won 39 states": the year just named, described.
        if unit == Unit::Year
            && described
            && self.is(j, "a")
            && j == i
            && self.named_before(i) == Some(Unit::Year)
        {
            return None;
        }
        if unit == Unit::Year
            && amount == Amount::Num(1.0)
            && matches!(self.word(j), Some("a"))
            && j == i
            && i > 0
            && self.is(i - 1, "in")
            && described
            && !tense::cue_at(self, i, end).is_some_and(|c| c.tense == Tense::Past)
        {
            return Some((end, Expr::UnitShift { unit, shift: 0 }));
        }
        // "On a day when most candidates lock themselves away", "on a day of fast-moving
        // events", "after a day of tensions": the day the story is on, as "that day" is.
        if unit == Unit::Day
            && amount == Amount::Num(1.0)
            && self.is(j, "a")
            && j == i
            && end == k + 1
            && i > 0
            && matches!(self.word(i - 1), Some("on" | "after"))
            && matches!(self.word(end), Some("of" | "when"))
        {
            return Some((end, Expr::Anaphoric(Box::new(Expr::DayOffset(0)))));
        }
        // "40 hours a week", "seven days a week": so much time in every longer unit.
        if let (Amount::Num(n), Some((e, per))) = (amount, self.per_unit(end)) {
            if per.longer_than(unit) {
                return Some((
                    e,
                    Expr::Rate {
                        amount: n,
                        unit,
                        per,
                    },
                ));
            }
        }
        // "the days and weeks after", "recent weeks and months": one vague length, in the
        // longer unit.
        let mut unit = unit;
        if matches!(amount, Amount::Vague) && self.is(end, "and") {
            let rank = |u: Unit| match u {
                Unit::Day => 1,
                Unit::Week => 2,
                Unit::Month => 3,
                Unit::Year => 4,
                _ => 0,
            };
            if let Some((e, u)) = self.unit(end + 1).filter(|&(e, u)| {
                self.is_plural(end + 1, e) && rank(unit) > 0 && rank(u) > rank(unit)
            }) {
                end = e;
                unit = u;
            }
        }
        Some((end, Expr::Duration { amount, unit }))
    }

    /// "a week", "per day", "each month" at `i`: a single unit that a rate is counted in.
    fn per_unit(&self, i: usize) -> P<Unit> {
        if !matches!(self.word(i), Some("a" | "an" | "per" | "each")) {
            return None;
        }
        let (end, unit) = self.unit(i + 1)?;
        (!self.is_plural(i + 1, end)).then_some((end, unit))
    }

    /// A closed "-long" compound: "a weeklong visit" (P1W, with its article, as "a
    /// week-long"), "yearslong" (PXY; in "a yearslong feud" the article is the feud's).
    fn closed_long(&self, i: usize) -> P<Expr> {
        let article = matches!(self.word(i), Some("a" | "an"));
        let k = if article { i + 1 } else { i };
        let (end, (unit, some)) = self.find(k, |c| match c {
            Class::LongUnit(u, some) => Some((u, some)),
            _ => None,
        })?;
        if article && some {
            return None;
        }
        let amount = if some {
            Amount::Vague
        } else {
            Amount::Num(1.0)
        };
        Some((end, Expr::Duration { amount, unit }))
    }

    /// Whether an article comes just before token `i`, or before a comparative before it ("a
    /// tomorrow", "a brighter tomorrow"; not "a meeting tomorrow").
    fn after_article(&self, i: usize) -> bool {
        let article = |k: usize| matches!(self.word(k), Some("a" | "an" | "the"));
        let comparative = |k: usize| {
            self.word(k)
                .is_some_and(|w| w.len() > 4 && w.ends_with("er") || w == "new")
        };
        i >= 1 && article(i - 1) || i >= 2 && comparative(i - 1) && article(i - 2)
    }

    /// Whether bare "hours" or "minutes" at `[j, end)` is a length: after a word that takes
    /// one ("for hours", "took minutes", "more hours"), or opening a sentence before
    /// "after"/"later" ("Hours after the speech"). Not "the early hours of Thursday",
    /// "minutes apart", "60 Minutes".
    fn vague_short(&self, j: usize, end: usize) -> bool {
        if matches!(self.word(end), Some("of" | "apart")) {
            return false;
        }
        let takes = j > 0
            && matches!(
                self.word(j - 1),
                Some(
                    "for"
                        | "within"
                        | "in"
                        | "took"
                        | "take"
                        | "takes"
                        | "lasted"
                        | "last"
                        | "spent"
                        | "more"
                        | "few"
                        | "several"
                )
            );
        // "Hours later, …", "came hours after Trump proposed a ban": the gap between two
        // events, as "days after" is.
        let gap = matches!(
            self.word(end),
            Some("after" | "later" | "before" | "earlier")
        );
        let opens = j == 0 || self.sentence_ends_before(j);
        (takes || gap) && !self.toks[j].capital || opens && gap
    }

    /// Whether "-long" follows at `i` ("week-long", "decades-long").
    fn long_after(&self, i: usize) -> bool {
        let k = self.skip_hyphen(i);
        k > i && self.is(k, "long")
    }

    /// A weekday in the plural, or with a part of day in the plural: every such day ("open
    /// on Saturdays", "flights leave on Tuesday nights", "debates on Saturday evenings").
    /// Not a possessive ("Tuesday's"), which names one day.
    fn plural_weekday(&self, i: usize) -> P<Expr> {
        let (end, weekday) = self.weekday(i)?;
        let part = self
            .part_of_day(end)
            .filter(|&(e, p)| self.is_plural(end, e) && matches!(p, "MO" | "AF" | "EV" | "NI"));
        let end = match part {
            Some((e, _)) => e,
            None if self.is_plural(i, end) => end,
            None => return None,
        };
        let part = part.map(|(_, p)| p);
        let quant = None;
        Some((
            end,
            Expr::WeekdaySet {
                weekday,
                quant,
                part,
            },
        ))
    }

    /// A season or weekend in the plural ("on weekends", "her summers in the Hamptons", "for
    /// the past three summers", as TimeBank has it): every one of them. Not "two summers
    /// ago", one of them; not the name Summers, unless the sentence opens with the word and a
    /// place follows ("Summers at Walker's Point.").
    fn plural_season(&self, i: usize) -> P<Expr> {
        let plural = |&(end, _): &(usize, Expr)| self.is_plural(i, end) && !self.is(end, "ago");
        let season = self.find(i, |c| match c {
            Class::Season(season) => Some(Expr::SeasonSet {
                season,
                quant: None,
            }),
            _ => None,
        });
        let weekend = || {
            let (end, _) = self.unit(i).filter(|&(_, u)| u == Unit::Weekend)?;
            let (season, quant) = ("WXX-WE", None);
            Some((end, Expr::SeasonSet { season, quant }))
        };
        let set = season.or_else(weekend).filter(plural)?;
        let opening =
            self.sentence_start(i) && matches!(self.word(i + 1), Some("at" | "in" | "on"));
        let named = self.toks[i].capital && !opening;
        (!named).then_some(set)
    }

    /// Whether the set adverb at `[i, end)` is the noun for a newspaper: "the New York daily
    /// wrote", "the Communist Party daily Granma" — after a name, or before one.
    fn newspaper(&self, i: usize, end: usize) -> bool {
        let name = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && t.capital && !t.newline_before)
        };
        let after_name = i > 0 && name(i - 1) && !self.sentence_start(i - 1);
        // "Israel Hayom, a free daily.": a noun with an article and no noun after it.
        let article = |k: usize| matches!(self.word(k), Some("a" | "an"));
        let noun = (i >= 1 && article(i - 1) || i >= 2 && article(i - 2))
            && self.toks.get(end).is_none_or(|t| t.kind != Kind::Word);
        after_name || noun || name(end) && !self.toks[end].newline_before
    }

    /// Whether token `i` starts a sentence (capitalised for that reason alone).
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.toks.get(i).is_some_and(|t| t.newline_before)
            || matches!(
                self.word(i - 1),
                Some("." | "!" | "?" | "\"" | "``" | "'" | ":")
            )
    }

    /// Whether a number comes in the three tokens before `i`, in its sentence: "$500 million
    /// a year", not "three thousand. But a minute later".
    fn counted_before(&self, i: usize) -> bool {
        // After a preposition the unit is a stretch of time: "$33.6 billion over a decade".
        if i > 0
            && matches!(
                self.word(i - 1),
                Some("over" | "during" | "within" | "across" | "throughout" | "for")
            )
        {
            return false;
        }
        // A comma ends the count: "between the two men, a month and a half before" is a time.
        let clause = |k: &usize| !matches!(self.word(*k), Some("," | ";" | ":" | "—" | "–"));
        self.back_in_sentence(i, 3).take_while(clause).any(|k| {
            self.number(k).is_some()
                || self
                    .find(k, |c| {
                        matches!(c, Class::Cardinal(_) | Class::Multiplier(_)).then_some(())
                    })
                    .is_some_and(|_| !matches!(self.word(k), Some("a" | "an")))
        })
    }

    /// A part of day before its day: "afternoon yesterday", "mid-afternoon Friday".
    pub(crate) fn part_then_day(&self, i: usize) -> P<Expr> {
        let (e, part) = self.part_of_day(i)?;
        // "had a great night on Saturday" judges the evening; Saturday alone is the time.
        let judged = (1..=2).any(|k| i >= k && matches!(self.word(i - k), Some("a" | "an")));
        if judged {
            return None;
        }
        let (end, date) = self.day_word(self.skip(e, "on"))?;
        if matches!(date, Expr::Day { .. }) {
            return None;
        }
        Some((end, Expr::at_part(date, part)))
    }

    /// "yesterday", "tonight", "yesterday afternoon", "Friday night", "today's".
    pub(crate) fn day_word(&self, i: usize) -> P<Expr> {
        // "a brighter tomorrow", "the tomorrow we want": a noun for the future, not a day.
        if self.is(i, "tomorrow") && (self.after_article(i) || self.generic_tomorrow(i)) {
            return Some((
                i + 1,
                Expr::Reference {
                    kind: "DATE",
                    value: "FUTURE_REF",
                },
            ));
        }
        // "an overnight train", "the overnight protest": a kind of thing, not a night.
        let kind_of = self.is(i, "overnight")
            && self.after_article(i)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Word && !t.capital);
        if kind_of {
            return None;
        }
        let (end, date, clock) = if let Some((end, (_, d, part))) = self.find(i, |c| match c {
            Class::DayOffset(k, d, p) => Some((k, d, p)),
            _ => None,
        }) {
            // NBC's "Today show", "The Tonight Show": a programme, capitalised inside a
            // sentence ("polls today show" is a day).
            let show = self.toks[i].capital
                && self.is(end, "show")
                && i > 0
                && (self.toks[end].capital || matches!(self.word(i - 1), Some("'s" | "the")));
            if show {
                return None;
            }
            if d == 0
                && part.is_none()
                && (self.generic_day(i) || self.nowadays(i, end) || self.of_our_age(i, end))
            {
                return Some((
                    end,
                    Expr::Reference {
                        kind: "DATE",
                        value: "PRESENT_REF",
                    },
                ));
            }
            // "the rhetoric of yesterday", "the policies of yesterday": the past at large.
            if d == -1 && part.is_none() && !self.is(end, "'s") && self.generic_day(i) {
                return Some((
                    end,
                    Expr::Reference {
                        kind: "DATE",
                        value: "PAST_REF",
                    },
                ));
            }
            (end, Expr::DayOffset(d), part.map(Clock::Part))
        } else {
            let (end, weekday) = self.weekday(i)?;
            (
                end,
                Expr::Weekday {
                    weekday,
                    shift: None,
                },
                None,
            )
        };
        if clock.is_none() {
            if let Some((e, p)) = self.part_of_day(end) {
                return Some((e, Expr::at_part(date, p)));
            }
        }
        match clock {
            Some(c) => Some((
                end,
                Expr::Day {
                    date: Box::new(date),
                    clock: Some(c),
                },
            )),
            None => Some((end, date)),
        }
    }

    /// Whether "today" or "tomorrow" at token `i` stands for an age, not a day: in a row that
    /// ends in "forever" ("today, tomorrow, forever"), or after "of" and a plural or "world"
    /// ("the problems of today", "the people of tomorrow"; not "as of today").
    fn generic_day(&self, i: usize) -> bool {
        let forever = self
            .ahead_in_sentence(i + 1, 4)
            .any(|k| self.is(k, "forever"));
        let of_plural = i >= 2
            && self.is(i - 1, "of")
            && self.word(i - 2).is_some_and(|w| {
                w.len() > 3 && w.ends_with('s') && !w.ends_with("'s")
                    || matches!(w, "people" | "children" | "world")
            });
        // "the rhetoric of yesterday": a quality of an age.
        let of_the_noun = i >= 3
            && self.is(i - 1, "of")
            && self.is(i - 3, "the")
            && self.toks[i - 2].kind == Kind::Word
            && !self.toks[i - 2].capital
            && !matches!(
                self.word(i - 2),
                Some("end" | "morning" | "night" | "evening")
            );
        forever || of_plural || of_the_noun
    }

    /// Whether "today's" at `[i, end)` means of our age: "in today's world", "today's
    /// booming merger market", "Today's Russia". Not before a thing done or held on the day,
    /// as its noun at most four words on: "Today's speech", "today's panelists",
    /// "today's Senate vote".
    fn of_our_age(&self, i: usize, end: usize) -> bool {
        if !self.is(i, "today") || !self.is(end, "'s") {
            return false;
        }
        let day_noun = |w: &str| {
            matches!(
                w,
                "speech"
                    | "address"
                    | "remark"
                    | "comment"
                    | "statement"
                    | "announcement"
                    | "meeting"
                    | "session"
                    | "hearing"
                    | "vote"
                    | "voting"
                    | "ruling"
                    | "decision"
                    | "rally"
                    | "event"
                    | "panel"
                    | "panelist"
                    | "talk"
                    | "summit"
                    | "ceremony"
                    | "funeral"
                    | "march"
                    | "protest"
                    | "strike"
                    | "attack"
                    | "launch"
                    | "deadline"
                    | "edition"
                    | "paper"
                    | "column"
                    | "editorial"
                    | "show"
                    | "episode"
                    | "broadcast"
                    | "news"
                    | "headline"
                    | "report"
                    | "release"
                    | "data"
                    | "figure"
                    | "result"
                    | "trading"
                    | "game"
                    | "match"
                    | "race"
                    | "schedule"
                    | "agenda"
                    | "program"
                    | "programme"
                    | "quiz"
                    | "lesson"
                    | "puzzle"
                    | "issue"
                    | "forecast"
                    | "weather"
                    | "lineup"
                    | "service"
                    | "mass"
            )
        };
        let on_the_day = |k: usize| {
            let w = self.word(k).unwrap_or_default();
            day_noun(w) || w.strip_suffix('s').is_some_and(day_noun) || tense::is_contest(self, k)
        };
        !(end + 1..end + 5)
            .take_while(|&k| self.toks.get(k).is_some_and(|t| t.kind == Kind::Word))
            .any(on_the_day)
    }

    /// Whether "tomorrow" at token `i` is the future at large: an age ([`Self::generic_day`]),
    /// or set against a "today" that means these days earlier in its sentence ("today the
    /// conflict is frozen, and tomorrow it could be unfrozen").
    fn generic_tomorrow(&self, i: usize) -> bool {
        self.generic_day(i)
            || self
                .back_in_sentence(i, 12)
                .any(|k| self.is(k, "today") && (self.generic_day(k) || self.nowadays(k, k + 1)))
    }

    /// Whether "today" at `[i, end)` means these days, not the day of the report: its clause
    /// is in the simple present ("airports are a much safer place today", "Today, of course,
    /// we are interested in ending it"). Not as the subject ("Today is the anniversary"), nor
    /// in the progressive, which reports the day ("are flying over the area today"), nor after
    /// a bound or a thing done on the day (below).
    fn nowadays(&self, i: usize, end: usize) -> bool {
        // "Today is the anniversary": the day as the subject. Not "the voting machine today
        // is merely a computer", where the subject comes before it.
        let opens_clause = i == 0
            || self.is_stop(i - 1)
            || self.is_quote_mark(i - 1)
            || matches!(
                self.word(i - 1),
                Some("," | ":" | "`" | "that" | "and" | "but" | "because")
            );
        let subject = opens_clause && matches!(self.word(end), Some("is" | "was" | "marks"));
        // "today's" is an age by what it qualifies ([`Self::of_our_age`]), not by tense.
        if !self.is(i, "today") || subject || self.is(end, "'s") {
            return false;
        }
        // "by today", "until today": a bound. "his comments today", "our action today": a
        // thing said or done on the day.
        if i > 0
            && matches!(
                self.word(i - 1),
                Some(
                    "by" | "until"
                        | "till"
                        | "before"
                        | "since"
                        | "from"
                        | "through"
                        | "comments"
                        | "remarks"
                        | "statement"
                        | "speech"
                        | "announcement"
                        | "action"
                        | "decision"
                        | "vote"
                        | "meeting"
                        | "signal"
                        | "visit"
                        | "move"
                        | "ruling"
                )
            )
        {
            return false;
        }
        let present = tense::cue_at(self, i, end).is_some_and(|c| c.tense == Tense::Present);
        let be = |k: usize| matches!(self.word(k), Some("is" | "are" | "am" | "isn't" | "aren't"));
        let progressive = |k: usize| {
            be(k)
                && (k + 1..k + 3).any(|j| {
                    self.word(j)
                        .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
                })
        };
        let near_progressive = self.back_in_sentence(i, 10).any(progressive)
            || self.ahead_in_sentence(end, 10).any(progressive);
        present && !near_progressive
    }

    /// "10:30 a.m.", "3 p.m. Friday", "noon Thursday", "14:30".
    pub(crate) fn clock_time(&self, i: usize) -> P<Expr> {
        let (mut end, minutes, mut utc) = match self.clock(i) {
            Some((end, m)) => (end, m, false),
            None => self.military_clock(i)?,
        };
        if let Some((e, z)) = self.zone(end) {
            end = e;
            utc = z;
        }
        let mut date = Expr::DayOffset(0);
        // "at 10:35 a.m. (0735 GMT) Friday": the day after a parenthesis is still this
        // time's, though the span ends at the clock.
        if let Some(close) = self.parenthesis(end) {
            let k = self.skip(self.skip(close, ","), "on");
            if let Some((_, d)) = self.day_word(k) {
                if !matches!(d, Expr::Day { .. }) {
                    date = d;
                }
            }
            // "at 4 in the morning (4 a.m. EDT Thursday)": the parenthesis restates the time
            // with its day.
            if let Some((_, Expr::Day { date: d, .. })) = self
                .clock(end + 1)
                .and_then(|_| self.clock_time(end + 1).filter(|(e, _)| *e + 1 == close))
            {
                if *d != Expr::DayOffset(0) {
                    date = *d;
                }
            }
        }
        let mut k = self.skip(end, ",");
        k = self.skip(k, "on");
        if let Some((e, d)) = self.day_word(k).or_else(|| {
            self.calendar(k)
                .filter(|(_, d)| matches!(d, Expr::Calendar { day: Some(_), .. }))
        }) {
            if !matches!(d, Expr::Day { .. }) {
                date = d;
                end = e;
            }
        }
        Some((
            end,
            Expr::Day {
                date: Box::new(date),
                clock: Some(if utc {
                    Clock::Utc(minutes)
                } else {
                    Clock::Minutes(minutes)
                }),
            },
        ))
    }

    /// The time zone word at `i`, its end, and whether it is UTC.
    fn zone(&self, i: usize) -> P<bool> {
        self.find(i, |c| match c {
            Class::Zone(utc) => Some(utc),
            _ => None,
        })
    }

    /// A four-digit clock time, which only a time zone after it tells from a year or a count:
    /// "0300 GMT", "1945 local time".
    fn military_clock(&self, i: usize) -> Option<(usize, u16, bool)> {
        let n = self.number(i)?;
        let text = self.word(i)?;
        if !n.plain || n.suffix != Suffix::None || n.digits != 4 || text.len() != 4 {
            return None;
        }
        let (hour, minute) = (n.value as u16 / 100, n.value as u16 % 100);
        if hour > 24 || minute >= 60 {
            return None;
        }
        let (end, utc) = self.zone(i + 1)?;
        Some((end, hour * 60 + minute, utc))
    }

    /// The token after a short parenthesis that opens at `i` ("(0735 GMT)").
    fn parenthesis(&self, i: usize) -> Option<usize> {
        if !self.is(i, "(") {
            return None;
        }
        (i + 1..i + 9).find(|&k| self.is(k, ")")).map(|k| k + 1)
    }

    pub(crate) fn reference(&self, i: usize) -> P<Expr> {
        let (end, expr) = self.find(i, |c| match c {
            Class::Reference(kind, value) => Some(Expr::Reference { kind, value }),
            _ => None,
        })?;
        // "five of the past six election cycles", "over the past few presidential elections":
        // a count of things follows, no time.
        let counted = || {
            self.toks.get(end).is_some_and(|t| t.kind == Kind::Number)
                || matches!(self.word(end), Some("few" | "several" | "many"))
                || self
                    .find(end, |c| matches!(c, Class::Cardinal(_)).then_some(()))
                    .is_some()
        };
        if matches!(self.word(end - 1), Some("past" | "last")) && counted() {
            return None;
        }
        // "some time next week", "some time ago" are a point, not a stretch.
        if self.is(i, "some") && self.is(i + 1, "time") && self.point_follows(end) {
            return None;
        }
        if self.is(i, "soon") && !self.soon_ahead(i) {
            return None;
        }
        // "at the moment when our opponents …", "whatever makes sense at the moment he says
        // it": the moment a clause describes, not now.
        let described = matches!(
            self.word(end),
            Some("when" | "he" | "she" | "they" | "we" | "i" | "you" | "it")
        );
        if end >= i + 3 && self.is(end - 1, "moment") && self.is(end - 2, "the") && described {
            return None;
        }
        // "Now that oil prices are collapsing," opening a sentence: a conjunction of cause,
        // no time (none such in our golds is tagged). Inside a sentence TimeBank and AQUAINT
        // tag it ("Iraq's only outlet now that a noose has tightened"), and so does sitrep.
        // A quotation opens a sentence too: “Now that I think we've resolved …”.
        let opens = i == 0
            || self.sentence_ends_before(i)
            || self.is_quote_mark(i - 1) && self.toks[i].capital;
        if self.is(i, "now") && end == i + 1 && self.is(end, "that") && opens {
            return None;
        }
        // "Now, is Libya perfect?", "Now, compare that with …", "Now, I hasten to add": a
        // speaker's turn to a question, an order or an aside, no time. Our golds leave all
        // eight such untagged (and tag 16 "Now," before a statement of how things stand:
        // "Now, 47 percent of Americans disapprove"); TimeBank tags no opening "Now," at all.
        let turn = || {
            matches!(
                self.word(end + 1),
                Some(
                    "is" | "are"
                        | "does"
                        | "do"
                        | "how"
                        | "what"
                        | "why"
                        | "who"
                        | "where"
                        | "can"
                        | "should"
                        | "i"
                        | "you"
                        | "that"
                        | "like"
                        | "compare"
                        | "consider"
                        | "look"
                        | "listen"
                        | "remember"
                        | "imagine"
                        | "let"
                )
            )
        };
        if self.is(i, "now") && end == i + 1 && opens && self.is(end, ",") && turn() {
            return None;
        }
        // "Now for today's geography quiz", "Now to the weather": a broadcast's turn to its
        // next item.
        if self.is(i, "now")
            && end == i + 1
            && opens
            && matches!(self.word(end), Some("for" | "to"))
        {
            return None;
        }
        // "the group One Wisconsin Now", "Democracy Now": a capitalised "Now" after a
        // capitalised word inside a sentence ends a name. Not in a headline in capitals
        // ("ACCESS TO MARIUPOL, OTHER BESIEGED AREAS OF UKRAINE NOW 'CRITICAL'"), whose
        // function words are capitalised too.
        let headline = || {
            self.back_in_sentence(i, 6).any(|k| {
                self.toks[k].capital
                    && matches!(
                        self.word(k),
                        Some("of" | "the" | "to" | "and" | "in" | "on" | "for" | "a" | "is")
                    )
                    && k > 0
                    && !self.sentence_ends_before(k)
            })
        };
        // "from Current TV", "Current Affairs": a capitalised "Current" inside a sentence,
        // before a capitalised word, names something.
        let current_name = i > 0
            && self.is(i, "current")
            && self.toks[i].capital
            && !self.sentence_ends_before(i)
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Word && t.capital);
        if current_name {
            return None;
        }
        let in_name = i > 0
            && self.is(i, "now")
            && self.toks[i].capital
            && self.toks[i - 1].capital
            && self.toks[i - 1].kind == Kind::Word
            && !self.sentence_ends_before(i - 1)
            && !self.sentence_ends_before(i)
            && !headline();
        // "the fodder of late-night comedians": "late" opens a compound.
        let compound = self.is(end - 1, "late") && self.skip_hyphen(end) > end;
        if in_name || compound {
            return None;
        }
        // "the short-term implications": hyphenated before a noun, an adjective.
        let hyphenated = end >= i + 3 && self.is(end - 2, "-") && !self.toks[end - 2].space_before;
        if hyphenated && self.toks.get(end).is_some_and(|t| t.kind == Kind::Word) {
            return None;
        }
        let prepositional = i > 0 && matches!(self.word(i - 1), Some("in" | "into" | "for"));
        if self.is(end - 1, "future") && !prepositional && self.adjective_future(end) {
            return None;
        }
        Some((end, expr))
    }

    /// Whether "a quarter" at `[i, end)` is a share, not three months: "fell by a quarter",
    /// "between a quarter and a third", "a third or a quarter".
    fn fraction(&self, i: usize, end: usize) -> bool {
        let share = |k: usize| {
            matches!(
                self.word(k),
                Some("third" | "thirds" | "half" | "fifth" | "fifths" | "tenth")
            )
        };
        let before = i.checked_sub(1).and_then(|k| self.word(k));
        // "Just over a quarter, 26 percent, say": the share given as a percentage after it.
        let k = if matches!(self.word(end), Some("," | "(")) {
            end + 1
        } else {
            end
        };
        let percent =
            self.number(k).is_some() && matches!(self.word(k + 1), Some("percent" | "per" | "%"));
        percent
            || matches!(
                before,
                Some("by" | "between" | "than" | "nearly" | "almost" | "roughly")
            )
            || matches!(self.word(end), Some("and" | "or")) && (end + 1..end + 4).any(share)
            || i >= 2 && matches!(before, Some("and" | "or")) && share(i - 2)
    }

    /// Whether "future" just before token `i` qualifies the word at `i` ("the future
    /// president", "a press tour of the future Trump International Hotel"): an adjective, no
    /// time. Not when a clause or phrase goes on ("the future that awaits him", "the future
    /// as"). "the future looks bright" drops out too, as in TimeBank; the caller keeps "in the
    /// future we", "into the future Trump will", where a preposition makes it a noun.
    fn adjective_future(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i).filter(|t| t.kind == Kind::Word) else {
            return false;
        };
        if self.sentence_ends_before(i) || !t.space_before {
            return false;
        }
        !matches!(
            self.word(i),
            Some(
                "as" | "who"
                    | "that"
                    | "which"
                    | "when"
                    | "where"
                    | "is"
                    | "was"
                    | "will"
                    | "would"
                    | "and"
                    | "or"
                    | "but"
                    | "of"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "for"
                    | "with"
                    | "by"
                    | "from"
                    | "if"
                    | "because"
                    | "than"
                    | "we"
                    | "i"
                    | "you"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
            )
        )
    }

    /// Whether the words from `i` pin a vague time to a point: "some time later", "some time
    /// in March", "some time before the vote".
    fn point_follows(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            Some(
                "ago"
                    | "later"
                    | "earlier"
                    | "after"
                    | "before"
                    | "in"
                    | "on"
                    | "next"
                    | "last"
                    | "this"
                    | "soon"
                    | "between"
                    | "during"
                    | "around"
                    | "since"
                    | "that"
                    | "when"
            )
        )
    }

    /// Whether "soon" at `i` points ahead of the anchor on its own. "as soon as", "soon
    /// after the vote" and "too soon to say" lean on another time or on none; "soon
    /// became", "was soon" tell a story already past.
    fn soon_ahead(&self, i: usize) -> bool {
        let past = |k: usize| {
            self.find(k, |c| matches!(c, Class::Tense(Tense::Past)).then_some(()))
                .is_some()
                || self.ed_form(k)
        };
        let before = i.checked_sub(1).and_then(|k| self.word(k));
        !matches!(
            before,
            Some("as" | "too" | "so" | "how" | "anytime" | "time")
        ) && !matches!(
            self.word(i + 1),
            Some(
                "after"
                    | "afterwards"
                    | "afterward"
                    | "before"
                    | "thereafter"
                    | "as"
                    | "enough"
                    | "-"
            )
        ) && !(i + 1..i + 4).any(|k| !self.sentence_ends_before(k) && past(k))
            && !i.checked_sub(1).is_some_and(past)
    }

    /// The unit of a rate after an amount: "$15 [an hour]", "$15-[an-hour]", "$75 billion [a year]", "about
    /// 3,000 [a year]", "3 million households [a year]", "multiple rallies [a day]", as "per
    /// hour" is. Not "3 percent a year ago", a point, nor "40 hours a week", whose amount is
    /// itself a time (a [`Expr::Rate`]).
    fn rate(&self, i: usize) -> P<Expr> {
        if i == 0 || !matches!(self.word(i), Some("a" | "an")) {
            return None;
        }
        // "a $15-an-hour wage": the rate hyphened to its amount.
        let k = if i >= 2 && self.is(i - 1, "-") {
            i - 2
        } else {
            i - 1
        };
        if !self.amount_word(k) && !self.counted_things(k) {
            return None;
        }
        let u = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
        let (end, unit) = self.unit(u)?;
        let single = matches!(
            self.word(u),
            Some("year" | "month" | "week" | "day" | "hour")
        );
        // "a year or two" is a length; "$100 billion a year or $350 billion a year" two rates.
        let or_more = matches!(self.word(end), Some("or" | "and"))
            && (self
                .toks
                .get(end + 1)
                .is_some_and(|t| t.kind == Kind::Number)
                || self.amount(end + 1).is_some()
                || matches!(self.word(end + 1), Some("so" | "more" | "less")));
        let point = or_more
            || matches!(
                self.word(end),
                Some("ago" | "earlier" | "later" | "before" | "after" | "from" | "-")
            );
        if !single || point {
            return None;
        }
        Some((
            end,
            Expr::Set {
                amount: Amount::Num(1.0),
                unit,
                quant: None,
                freq: None,
            },
        ))
    }

    /// Whether token `i` ends an amount of money or a figure: "15", "$75 billion", "3
    /// percent", "40 euros".
    pub(crate) fn amount_word(&self, i: usize) -> bool {
        self.toks[i].kind == Kind::Number
            || matches!(
                self.word(i),
                Some(
                    "million"
                        | "billion"
                        | "trillion"
                        | "thousand"
                        | "percent"
                        | "%"
                        | "dollars"
                        | "dollar"
                        | "bucks"
                        | "cents"
                        | "euros"
                        | "pounds"
                )
            )
    }

    /// Whether token `i` is a plural noun with a count before it: "3 million households",
    /// "multiple rallies", "four flights". A time unit is no such thing ("two days a week"
    /// is a [`Expr::Rate`]).
    fn counted_things(&self, i: usize) -> bool {
        let plural = self.toks[i].kind == Kind::Word
            && !self.toks[i].capital
            && self.word(i).is_some_and(|w| {
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us")
                    || matches!(w, "people" | "children" | "men" | "women")
            })
            && self.unit(i).is_none();
        let count = |k: usize| {
            self.toks[k].kind == Kind::Number
                || self
                    .find(k, |c| matches!(c, Class::Cardinal(_)).then_some(()))
                    .is_some()
                || matches!(
                    self.word(k),
                    Some(
                        "multiple"
                            | "several"
                            | "many"
                            | "dozens"
                            | "hundreds"
                            | "thousands"
                            | "millions"
                            | "billions"
                    )
                )
        };
        plural && self.back_in_sentence(i, 3).any(count)
    }

    /// "daily", "every week", "every two weeks", "each Friday", "twice a week", "per year".
    pub(crate) fn set(&self, i: usize) -> P<Expr> {
        if let Some(set) = self.plural_weekday(i) {
            return Some(set);
        }
        if let Some(set) = self.plural_season(i) {
            return Some(set);
        }
        if let Some(set) = self.rate(i) {
            return Some(set);
        }
        // "the daily" is a newspaper; "a daily basis" is still a set.
        let after_article = i > 0 && self.is(i - 1, "the");
        if let Some((end, (quant, unit))) = self.find(i, |c| match c {
            Class::SetAdverb(q, u) if !after_article => Some((q, u)),
            _ => None,
        }) {
            // "meet daily", "daily flights" are sets; a newspaper is not, nor an amount
            // counted by the unit ("lower monthly payments", "monthly disability benefits",
            // "average daily volume", "daily dividends": untagged in our golds and TimeBank).
            let amount = (end..end + 2).any(|k| {
                matches!(
                    self.word(k),
                    Some(
                        "payment"
                            | "payments"
                            | "benefit"
                            | "benefits"
                            | "rent"
                            | "dividend"
                            | "dividends"
                            | "volume"
                            | "turnover"
                            | "income"
                            | "salary"
                            | "wage"
                            | "wages"
                            | "fee"
                            | "fees"
                            | "premium"
                            | "premiums"
                            | "revenue"
                            | "sales"
                            | "budget"
                            | "allowance"
                            | "pension"
                            | "output"
                    )
                )
            });
            if self.newspaper(i, end) || amount {
                return None;
            }
            return Some((
                end,
                Expr::Set {
                    amount: Amount::Num(1.0),
                    unit,
                    quant,
                    freq: None,
                },
            ));
        }
        if let Some((j, freq)) = self.find(i, |c| match c {
            Class::Times(n) => Some(n),
            _ => None,
        }) {
            let k = if self.is(j, "a")
                || self.is(j, "per")
                || self.is(j, "each")
                || self.is(j, "every")
            {
                j + 1
            } else {
                return None;
            };
            let (end, unit) = self.unit(k)?;
            return Some((
                end,
                Expr::Set {
                    amount: Amount::Num(1.0),
                    unit,
                    quant: None,
                    freq: Some(freq),
                },
            ));
        }
        let (j, quant) = self.find(i, |c| match c {
            Class::Each(q) => Some(q),
            _ => None,
        })?;
        if let Some((end, weekday)) = self.weekday(j) {
            let part = None;
            return Some((
                end,
                Expr::WeekdaySet {
                    weekday,
                    quant,
                    part,
                },
            ));
        }
        if let Some((end, month)) = self.month(j) {
            // "every July 4" is a holiday-like date set; only the bare month here.
            if self.day(end).is_none() {
                return Some((end, Expr::MonthSet { month, quant }));
            }
        }
        if let Some((end, YearPart::Season(season))) = self.season_word(j) {
            return Some((end, Expr::SeasonSet { season, quant }));
        }
        // "every other day" is every second one; "every third week" every three weeks.
        let nth = self
            .ordinal(j)
            .filter(|&(e, n)| n > 1 && self.unit(e).is_some());
        let (k, amount) = match (nth, self.amount(j)) {
            _ if self.is(j, "other") && self.unit(j + 1).is_some() => (j + 1, Amount::Num(2.0)),
            (Some((e, n)), _) => (e, Amount::Num(n as f64)),
            (None, Some((k, a))) if !self.is(j, "a") => (k, a),
            _ => (j, Amount::Num(1.0)),
        };
        let (end, unit) = self.unit(k)?;
        // "15 million instructions per second", "cubic feet per second": a speed, no time.
        if self.is(i, "per") && unit == Unit::Second {
            return None;
        }
        Some((
            end,
            Expr::Set {
                amount,
                unit,
                quant,
                freq: None,
            },
        ))
    }
}
