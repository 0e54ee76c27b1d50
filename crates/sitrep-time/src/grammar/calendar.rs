//! Calendar patterns: dates, months, years, decades, quarters, seasons, holidays.

use crate::expr::{Amount, Expr, MonthPart, YearPart};
use crate::lexicon::{Class, Holiday, Unit};
use crate::scan::{Kind, Suffix};

use super::{Ctx, P};

/// How many tokens before a holiday a country's name still says whose it is.
const HOLIDAY_COUNTRY_REACH: usize = 4;

impl Ctx<'_> {
    /// "Aug. 6", "August 6, 1998", "6 August", "August 1998", "1998", "fiscal 1989", "1990s",
    /// "Friday, Aug. 7", "Christmas 1998".
    pub(crate) fn calendar(&self, i: usize) -> P<Expr> {
        if self.is(i, "fiscal") {
            let j = self.skip(i + 1, "year");
            let (end, year) = self.year(j)?;
            return Some((
                end,
                Expr::Calendar {
                    year: Some(year),
                    month: None,
                    day: None,
                },
            ));
        }
        if let Some((end, d)) = self.weekday(i) {
            // "Thursday evening, July 21": the date with its part of day.
            let part = self.part_of_day(end);
            let j = self.skip(part.map_or(end, |(e, _)| e), ",");
            if let Some((e, expr)) = self.month_date(j) {
                if matches!(expr, Expr::Calendar { day: Some(_), .. }) {
                    return Some(match part {
                        Some((_, p)) => (e, Expr::at_part(expr, p)),
                        None => (e, expr),
                    });
                }
            }
            // "Thursday last week", "Monday of next week": that week's day, not the nearest.
            // Not "on Monday of last week's shooting", where the week's is the shooting's.
            let k = self.skip(end, "of");
            if let Some((e, week)) = self.shift(k) {
                if self.is(e, "week")
                    && !self.is(e + 1, "'s")
                    && self.anaphor(k).is_none()
                    && !self.nearest(k)
                {
                    return Some((e + 1, Expr::WeekdayOfWeek { weekday: d, week }));
                }
            }
            let shift = None;
            return Some((end, Expr::Weekday { weekday: d, shift }));
        }
        if let Some(r) = self.month_date(i) {
            return Some(r);
        }
        // "6 August 1998", "the 6th of August"
        let j = self.skip(i, "the");
        if let Some((end, day)) = self.day(j) {
            let k = self.skip(end, "of");
            if let Some((e, month)) = self.month(k) {
                let (e, year) = self.year_after(e);
                return Some((
                    e,
                    Expr::Calendar {
                        year,
                        month: Some(month),
                        day: Some(day),
                    },
                ));
            }
        }
        if let Some(n) = self.number(j) {
            // "the '90s", and without the apostrophe after "the" or a modifier ("the late
            // 90s", "mid-80s"); not "in his 80s".
            let framed = j > 0
                && matches!(
                    self.word(j - 1),
                    Some("the" | "early" | "mid" | "late" | "-")
                );
            // "once in my early 20s": an age, as "in his 80s" is.
            let aged = (j.saturating_sub(3)..j).any(|k| self.any_possessive(k));
            // "Trump's approval rating remains in the 30s", "dipped into the mid-20s": a
            // level, in a sentence about ratings, temperatures or unemployment.
            let level = || {
                self.back_in_sentence(j, 30).any(|k| {
                    matches!(
                        self.word(k),
                        Some(
                            "rating"
                                | "ratings"
                                | "approval"
                                | "percent"
                                | "poll"
                                | "polls"
                                | "polling"
                                | "temperature"
                                | "temperatures"
                                | "degrees"
                                | "unemployment"
                        )
                    )
                })
            };
            if n.suffix == Suffix::Plural
                && n.plain
                && (n.digits == 4 || n.digits == 2 && (n.apostrophe || framed && !level() && !aged))
            {
                let v = n.value as i32;
                if v % 10 == 0 {
                    let decade = if n.digits == 2 { 190 + v / 10 } else { v / 10 };
                    return Some((j + 1, Expr::Decade { decade }));
                }
            }
        }
        if let Some((end, holiday)) = self.holiday(i) {
            let (end, year) = self.year_after(end);
            let day = Expr::Holiday { holiday, year };
            // "Easter week", "Christmas week": the week the day falls in.
            if year.is_none() && self.unit(end) == Some((end + 1, Unit::Week)) {
                return Some((end + 1, Expr::WeekOf(Box::new(day))));
            }
            // "Memorial Day weekend", "New Year's weekend": the weekend next to the day.
            if year.is_none() && self.unit(end) == Some((end + 1, Unit::Weekend)) {
                return Some((end + 1, Expr::WeekendOf(Box::new(day))));
            }
            return Some((end, day));
        }
        let (end, year) = self.year(i)?;
        if self.counts_a_plural(i, end) {
            return None;
        }
        // "1989's third quarter" is the ordinal pattern's.
        Some((
            end,
            Expr::Calendar {
                year: Some(year),
                month: None,
                day: None,
            },
        ))
    }

    /// A date in digits: "2022-02-24" (ISO 8601), "24.02.2022" and "24-02-2022" (day first,
    /// as European sources write them), "7/8/07" and "12/25/2010" (month first, as US news
    /// does, unless the first number cannot be a month: "24/02/2022"). A two-digit year is
    /// read as POSIX `strptime` reads `%y`: 69-99 are 19xx, 00-68 are 20xx.
    pub(crate) fn numeric_date(&self, i: usize) -> P<Expr> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Number || t.number.is_some_and(|n| n.suffix != Suffix::None) {
            return None;
        }
        // Not the tail of a longer run of digits ("1.24.02.2022", "10.1.1.1").
        if i > 0 && !t.space_before && matches!(self.word(i - 1), Some("." | "/" | "-")) {
            return None;
        }
        // The tokens written together: "24.02" "." "2022" is "24.02.2022".
        let mut text = String::new();
        let mut ends = Vec::new();
        for k in i..self.toks.len().min(i + 7) {
            if k > i && self.toks[k].space_before {
                break;
            }
            text.push_str(self.word(k)?);
            ends.push((text.len(), k + 1));
        }
        let (len, [a, b, c], sep) = numeric_parts(&text)?;
        let (_, end) = ends.iter().find(|(l, _)| *l == len)?;
        let num = |s: &str| s.parse::<u32>().ok();
        let (year, month, day) = if a.len() == 4 {
            if sep == '.' {
                return None;
            }
            (num(a)? as i32, num(b)?, num(c)?)
        } else {
            let y = num(c)? as i32;
            let year = match c.len() {
                4 => y,
                _ if y >= 69 => 1900 + y,
                _ => 2000 + y,
            };
            let (a, b) = (num(a)?, num(b)?);
            let (day, month) = if sep == '/' && a <= 12 {
                (b, a)
            } else {
                (a, b)
            };
            (year, month, day)
        };
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day = u8::try_from(day).ok().filter(|d| *d >= 1)?;
        jiff::civil::Date::new(year as i16, month as i8, day as i8).ok()?;
        Some((
            *end,
            Expr::Calendar {
                year: Some(year),
                month: Some(month),
                day: Some(day),
            },
        ))
    }

    /// Whether a day in history named by its date (`[i, end)`, "9/11") stands for that day:
    /// "the 9/11 attacks", "since 9/11", "post-9/11", and before what it left ("9/11
    /// families", "the 9/11 commission": all eleven such in our golds are tagged); not a
    /// coming 11 September ("the vote is scheduled for 9/11").
    pub(crate) fn names_the_day(&self, i: usize, end: usize) -> bool {
        let event_after = matches!(
            self.word(end),
            Some(
                "attack"
                    | "attacks"
                    | "attackers"
                    | "terrorist"
                    | "terror"
                    | "hijackers"
                    | "hijackings"
            )
        );
        let before = |k: usize| i.checked_sub(k).and_then(|k| self.word(k));
        let point_before = matches!(
            before(1),
            Some("on" | "after" | "since" | "before" | "until" | "from")
        ) || before(1) == Some("-") && before(2) == Some("post")
            // "on the 11th anniversary of 9/11", "during 9/11".
            || before(1) == Some("of")
                && matches!(before(2), Some("anniversary" | "aftermath" | "wake"))
            || before(1) == Some("during");
        let left_after = matches!(
            self.word(end),
            Some(
                "commission"
                    | "families"
                    | "victims"
                    | "memorial"
                    | "museum"
                    | "plotter"
                    | "widow"
                    | "responders"
                    | "report"
            )
        );
        event_after || point_before || left_after
    }

    /// The holiday named at `i`. Where countries keep it on different days ("Independence
    /// Day"), the country named just before it in its sentence decides ("Ukraine's
    /// Independence Day"), else the country the text names most, else the first listed.
    pub(crate) fn holiday(&self, i: usize) -> P<Holiday> {
        let (end, (first, country)) = self.find(i, |c| match c {
            Class::Holiday(h, country) => Some((h, country)),
            _ => None,
        })?;
        if matches!(first, Holiday::Dated(..)) && !self.names_the_day(i, end) {
            return None;
        }
        if country.is_none() {
            return Some((end, first));
        }
        let choices: Vec<(Holiday, &str)> = self
            .hits(i)
            .iter()
            .filter(|h| h.end == end)
            .filter_map(|h| match h.class {
                Class::Holiday(day, Some(c)) => Some((day, c)),
                _ => None,
            })
            .collect();
        let kept_by = |c: &str| choices.iter().find(|(_, k)| *k == c).map(|(d, _)| *d);
        let country_at = |k: usize| {
            self.find(k, |c| match c {
                Class::Country(c) => Some(c),
                _ => None,
            })
            .map(|(_, c)| c)
        };
        let before = self
            .back_in_sentence(i, HOLIDAY_COUNTRY_REACH)
            .find_map(country_at)
            .and_then(kept_by);
        let most_named = || {
            let mut counts: Vec<(usize, Holiday)> = choices.iter().map(|&(d, _)| (0, d)).collect();
            for c in self.countries() {
                if let Some(n) = choices.iter().position(|(_, k)| *k == c) {
                    counts[n].0 += 1;
                }
            }
            // The first listed wins a tie: `max_by_key` keeps the last maximum.
            counts
                .iter()
                .rev()
                .max_by_key(|(n, _)| *n)
                .filter(|(n, _)| *n > 0)
                .map(|(_, d)| *d)
        };
        Some((end, before.or_else(most_named).unwrap_or(first)))
    }

    /// Whether the four digits at `[i, end)` count the plural noun after them ("sent 2000
    /// troops", "about 1500 civilians") rather than name a year. After an article, a
    /// possessive, a preposition or a prefix a year stays a year: "the 2016 elections", "since
    /// 2014 separatists have held the city", "post-1959 politics", "below 2005 levels".
    fn counts_a_plural(&self, i: usize, end: usize) -> bool {
        // A common noun, or a people ("Ukrainians"); not a name ("the 2022 Winter Games").
        let plural_at = |k: usize| {
            self.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
                && self.word(k).is_some_and(|w| {
                    w.len() > 3
                        && w.ends_with('s')
                        && !w.ends_with("ss")
                        && (!self.toks[k].capital || w.ends_with("ans"))
                })
                && !self.has_time_hit(k)
        };
        // Past a participle: "a poll of 2047 registered voters".
        let participle = self.ed_form(end) && !self.toks[end].capital;
        let plural = plural_at(end) || participle && plural_at(end + 1);
        let framed = i
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|w| {
                matches!(
                    w,
                    "the"
                        | "a"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "our"
                        | "this"
                        | "that"
                        | "'s"
                        | "in"
                        | "since"
                        | "by"
                        | "until"
                        | "from"
                        | "before"
                        | "after"
                        | "for"
                        | "during"
                        | "through"
                        | "to"
                        | "between"
                        | "-"
                )
            });
        // "The end of 2015 leaves the race open": a part of the year, then its verb.
        let part_of = i >= 2
            && self.is(i - 1, "of")
            && matches!(
                self.word(i - 2),
                Some("end" | "start" | "beginning" | "middle" | "close" | "rest")
            );
        // "the 2004 and 2008 conventions": the second of two years is dated as the first is.
        let listed = i >= 2
            && matches!(self.word(i - 1), Some("and" | "or" | ","))
            && self.year(i - 2).is_some();
        // "32 percent below 2005 levels": a level is never counted, so the year dates it.
        plural && !framed && !part_of && !listed && !self.is(end, "levels")
    }

    /// The second day of "April 24 and 25", "May 3 to 5": a bare day number after a month's
    /// day and a conjunction, with the year that follows it if any. Not "April 24 and 25
    /// people".
    pub(crate) fn coordinated_day(&self, i: usize) -> P<Expr> {
        let n = self.number(i)?;
        if n.suffix != crate::scan::Suffix::None || i < 3 {
            return None;
        }
        let (end, day) = self.day(i)?;
        if !matches!(
            self.word(i - 1),
            Some("and" | "or" | "to" | "through" | "-")
        ) {
            return None;
        }
        let (_, month) = (i.saturating_sub(4)..i - 2)
            .rev()
            .find_map(|k| self.month(k).filter(|(e, _)| *e == i - 2))?;
        let (_, first) = self.day(i - 2)?;
        let (end2, year) = self.year_after(end);
        // A word after the number may be what it counts ("April 24 and 25 people"); a range
        // runs forward and goes on with its clause: "on March 10-11 was", "between March 13
        // and 17 seemed", "April 6 and 7 in Brussels".
        let next_is_word = self.toks.get(end).is_some_and(|t| t.kind == Kind::Word);
        let clause_goes_on = day > first
            && (self.is(i - 1, "-")
                || self.ed_form(end)
                || matches!(
                    self.word(end),
                    Some(
                        "in" | "on"
                            | "at"
                            | "via"
                            | "with"
                            | "by"
                            | "for"
                            | "from"
                            | "during"
                            | "and"
                            | "but"
                            | "when"
                            | "while"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "will"
                            | "would"
                    )
                ));
        if year.is_none() && next_is_word && !clause_goes_on {
            return None;
        }
        Some((
            end2,
            Expr::Calendar {
                year,
                month: Some(month),
                day: Some(day),
            },
        ))
    }

    /// The first day of a range written day first: "23" in "the night of 23-24 February",
    /// "1" in "from 1 to 5 March", with the month (and year) the second day has.
    pub(crate) fn range_start_day(&self, i: usize) -> P<Expr> {
        self.number(i)?;
        let (end, day) = self.day(i)?;
        if !matches!(
            self.word(end),
            Some("-" | "to" | "and" | "or" | "through" | "until" | "till")
        ) {
            return None;
        }
        // "5 March 2022", "5th of March": the second day names the month.
        let Some((
            _,
            Expr::Calendar {
                year,
                month: Some(month),
                day: Some(second),
            },
        )) = self.calendar(end + 1)
        else {
            return None;
        };
        // A range runs forward: "23-24", not "24-23".
        if second <= day && !matches!(self.word(end), Some("and" | "or")) {
            return None;
        }
        Some((
            end,
            Expr::Calendar {
                year,
                month: Some(month),
                day: Some(day),
            },
        ))
    }

    /// A month with a day or a year after it, or with this/last/next year ("October this
    /// year", "June 5 last year").
    pub(crate) fn month_date(&self, i: usize) -> P<Expr> {
        let (end, date) = self.month_date_only(i)?;
        if !matches!(date, Expr::Calendar { year: None, .. }) {
            return Some((end, date));
        }
        // "March 23 of this year", "June of next year"
        let k = if self.is(end, "of") && self.shift(end + 1).is_some() {
            end + 1
        } else {
            end
        };
        if let Some((e, years)) = self.shift(k) {
            if self.unit(e) == Some((e + 1, Unit::Year)) && !self.is(e + 1, "'s") {
                let date = Box::new(date);
                let in_year = Expr::InYear { date, years };
                // "October of that year": the year last named.
                if self.anaphor(k).is_some() {
                    return Some((e + 1, Expr::Anaphoric(Box::new(in_year))));
                }
                return Some((e + 1, in_year));
            }
        }
        Some((end, date))
    }

    /// Whether a content word in lower case follows: after "December the first" it makes
    /// "the first" a determiner ("in December the first troops left"), not the day.
    fn noun_follows(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().all(char::is_alphabetic)
                && !matches!(
                    w,
                    "and" | "or" | "of" | "at" | "in" | "on" | "to" | "when" | "until" | "with"
                )
        })
    }

    fn month_date_only(&self, i: usize) -> P<Expr> {
        let (end, month) = self.month(i)?;
        let j = self.skip(end, "the");
        if let Some((e, day)) = self
            .day(j)
            .filter(|&(e, _)| j == end || !self.noun_follows(e))
        {
            // "August 6 1998" or "August 6, 1998"; not "August 6, 12 people"
            let (e, year) = self.year_after(e);
            return Some((
                e,
                Expr::Calendar {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
            ));
        }
        let (e, year) = self.year_after(end);
        Some((
            e,
            Expr::Calendar {
                year,
                month: Some(month),
                day: None,
            },
        ))
    }

    /// "the third quarter", "third-quarter", "the first half of 1989", "1989's third
    /// quarter", "the 20th century".
    pub(crate) fn ordinal_part(&self, i: usize) -> P<Expr> {
        let mut j = self.skip(i, "the");
        let mut year = None;
        if let Some((e, y)) = self.year(j) {
            if self.is(e, "'s") || j > i {
                year = Some(y);
                j = self.skip(e, "'s");
            }
        } else if let Some((e, years)) = self.shift(j) {
            // "this year's third quarter"
            if let Some((e2, Unit::Year)) = self.unit(e) {
                if self.is(e2, "'s") {
                    let (k, n) = self.ordinal(self.skip(e2 + 1, "fiscal"))?;
                    let (end, unit) = self.unit(self.skip_hyphen(k))?;
                    if unit != Unit::Quarter || !(1..=4).contains(&n) {
                        return None;
                    }
                    let part = YearPart::Quarter(n as u8);
                    return Some((end, Expr::PartOfShiftedYear { part, years }));
                }
            }
        }
        j = self.skip(j, "fiscal");
        // "the last half of 1989" counts from the end; alone, "the last quarter" is the one
        // before this one (a shift, read elsewhere), so the last part needs its year.
        let from_end = year.is_none() && matches!(self.word(j), Some("last" | "final"));
        let (e, n) = if from_end {
            (j + 1, 0)
        } else {
            self.ordinal(j)?
        };
        let k = self.skip_hyphen(e);
        // "the first two quarters of 1990" is its first half.
        if let Some((q, Amount::Num(2.0))) = self.amount(k).filter(|_| matches!(n, 0 | 1)) {
            let (e2, unit) = self.unit(q)?;
            if unit != Unit::Quarter || !self.is_plural(q, e2) {
                return None;
            }
            let part = YearPart::Half(if from_end { 2 } else { 1 });
            return self.part_year(e2, part, year, true);
        }
        // "the first three months of 2015" is its first quarter, "the last six months of
        // 2014" its second half; without a year they are spans ("the last three months").
        if let Some((q, Amount::Num(months @ (3.0 | 6.0)))) =
            self.amount(k).filter(|_| matches!(n, 0 | 1))
        {
            let (e2, unit) = self.unit(q)?;
            if unit != Unit::Month || !self.is_plural(q, e2) {
                return None;
            }
            let part = match (months == 3.0, from_end) {
                (true, false) => YearPart::Quarter(1),
                (true, true) => YearPart::Quarter(4),
                (false, false) => YearPart::Half(1),
                (false, true) => YearPart::Half(2),
            };
            return self.part_year(e2, part, year, true);
        }
        let (end, unit) = self
            .unit(k)
            .or_else(|| self.find(k, |c| matches!(c, Class::Half).then_some(Unit::Year)))?;
        let halves = if from_end { 2 } else { n };
        let part = match unit {
            Unit::Quarter if from_end => YearPart::Quarter(4),
            Unit::Quarter if (1..=4).contains(&n) => YearPart::Quarter(n as u8),
            Unit::Year if (1..=2).contains(&halves) && self.is(k, "half") => {
                YearPart::Half(halves as u8)
            }
            Unit::Century if (1..=30).contains(&n) => {
                return Some((end, Expr::Century(n as i32 - 1)));
            }
            _ => return None,
        };
        // A half alone is as often a game's or a match's ("tweeted during the first half");
        // a half of a year says which year. A quarter alone is the quarter of the report.
        let needs_year = from_end || matches!(part, YearPart::Half(_));
        self.part_year(end, part, year, needs_year)
    }

    /// The year a part of a year belongs to, after it: "of 1989", "of the year", "of last
    /// year". `needs_year` rejects the part without one.
    fn part_year(
        &self,
        end: usize,
        part: YearPart,
        year: Option<i32>,
        needs_year: bool,
    ) -> P<Expr> {
        let of_year = |end: usize, year: Option<i32>| {
            let shift = None;
            Some((end, Expr::Part { part, year, shift }))
        };
        if year.is_some() {
            return of_year(end, year);
        }
        let of = self.skip(end, "of");
        if of > end {
            if let Some((e, y)) = self.year(self.skip(of, "fiscal")) {
                return of_year(e, Some(y));
            }
            let year_word =
                |k: usize| self.unit(k) == Some((k + 1, Unit::Year)) && !self.is_plural(k, k + 1);
            // "the first quarter of next year". "the third quarter of the year" is the year
            // under discussion: as "the third quarter" alone, the latest one by default.
            if self.is(of, "the") && year_word(of + 1) {
                return of_year(of + 2, None);
            }
            if let Some((e, years)) = self.shift(of).filter(|&(e, _)| year_word(e)) {
                return Some((e + 1, Expr::PartOfShiftedYear { part, years }));
            }
        }
        if needs_year {
            return None;
        }
        of_year(end, None)
    }

    /// "the first week of March 2022", "the last week of May", "the first Thursday of
    /// February", "the second half of March".
    pub(crate) fn month_part(&self, i: usize) -> P<Expr> {
        let j = self.skip(i, "the");
        let (k, nth) = match self.word(j) {
            Some("last" | "final") => (j + 1, -1),
            _ => {
                let (e, n) = self.ordinal(j)?;
                (e, i8::try_from(n).ok().filter(|n| (1..=5).contains(n))?)
            }
        };
        let (k, part) = if let Some((e, weekday)) = self.weekday(k) {
            (e, MonthPart::Weekday { weekday, nth })
        } else if self.is(k, "half") && nth <= 2 {
            (k + 1, MonthPart::Half(if nth == 1 { 1 } else { 2 }))
        } else if self.unit(k) == Some((k + 1, Unit::Week)) && !self.is_plural(k, k + 1) {
            (k + 1, MonthPart::Week(nth))
        } else {
            return None;
        };
        if !self.is(k, "of") {
            return None;
        }
        let (end, month) = self.month_date_only(k + 1)?;
        if !matches!(month, Expr::Calendar { day: None, .. }) {
            return None;
        }
        let month = Box::new(month);
        Some((end, Expr::OfMonth { part, month }))
    }

    /// "summer", "the summer of 1998", "summer 1998".
    pub(crate) fn season(&self, i: usize) -> P<Expr> {
        let j = self.skip(i, "the");
        let (end, part) = self.season_word(j)?;
        // A capitalised season of a name is a title: "Spring of Life" demonstrations.
        let named = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && t.capital && !self.has_time_hit(k))
        };
        if self.toks[j].capital && self.is(end, "of") && named(end + 1) {
            return None;
        }
        // "summer analysts", "her summer job": a kind of post, held any summer (none of the
        // five in our golds is tagged).
        if matches!(
            self.word(end),
            Some(
                "analyst"
                    | "analysts"
                    | "intern"
                    | "interns"
                    | "internship"
                    | "internships"
                    | "job"
                    | "jobs"
                    | "associate"
                    | "associates"
            )
        ) {
            return None;
        }
        let (end, year) = self.year_after(end);
        Some((
            end,
            Expr::Part {
                part,
                year,
                shift: None,
            },
        ))
    }

    /// "year-end", "year's end", "the year end": the end of the anchor's year.
    pub(crate) fn year_end(&self, i: usize) -> P<Expr> {
        let j = self.skip(i, "the");
        if !self.is(j, "year") {
            return None;
        }
        let k = match self.word(j + 1) {
            Some("-" | "'s") => j + 2,
            _ => j + 1,
        };
        if !self.is(k, "end") {
            return None;
        }
        Some((k + 1, Expr::YearEnd))
    }

    /// "nineteen ninety-six", "the year two thousand".
    pub(crate) fn spelled_year(&self, i: usize) -> P<Expr> {
        let year = |y: i32| Expr::Calendar {
            year: Some(y),
            month: None,
            day: None,
        };
        if self.is(i, "the") && self.is(i + 1, "year") {
            if let Some((end, Amount::Num(n))) = self.amount(i + 2) {
                if (1000.0..2200.0).contains(&n) && n.fract() == 0.0 {
                    return Some((end, year(n as i32)));
                }
            }
        }
        if self.toks.get(i)?.kind != Kind::Word {
            return None;
        }
        let (e, century) = self.find(i, |c| match c {
            Class::Cardinal(v) if v == 19.0 || v == 20.0 => Some(v as i32),
            _ => None,
        })?;
        let (end, rest) = self.amount(e)?;
        match rest {
            Amount::Num(n)
                if (10.0..100.0).contains(&n)
                    && n.fract() == 0.0
                    && self.toks[e].kind == Kind::Word =>
            {
                Some((end, year(century * 100 + n as i32)))
            }
            _ => None,
        }
    }

    /// "the day before last Tuesday", "the day after Christmas": a day next to a named one.
    fn day_next_to(&self, i: usize) -> P<Expr> {
        if self.unit(i + 1) != Some((i + 2, Unit::Day)) {
            return None;
        }
        let days = match self.word(i + 2) {
            Some("before") => -1,
            Some("after") => 1,
            _ => return None,
        };
        let (end, date) = self
            .calendar(i + 3)
            .or_else(|| self.shifted(i + 3))
            .or_else(|| self.day_word(i + 3))?;
        let day_sized = match &date {
            Expr::Calendar { day, .. } => day.is_some(),
            Expr::Weekday { .. } | Expr::Holiday { .. } | Expr::DayOffset(_) => true,
            Expr::Anaphoric(inner) => matches!(**inner, Expr::Weekday { .. }),
            _ => false,
        };
        day_sized.then(|| {
            let date = Box::new(date);
            (end, Expr::DaysFrom { date, days })
        })
    }

    /// "By afternoon", "until late evening", "by mid afternoon": a part of the story's day
    /// with no article, after a preposition that bounds it (and maybe early/late/mid).
    fn bare_part_of_day(&self, i: usize) -> P<Expr> {
        let (end, part) = self.part_of_day(i)?;
        if !matches!(part, "MO" | "AF" | "EV") || matches!(self.word(end), Some("of" | "'s")) {
            return None;
        }
        let mut k = i.checked_sub(1)?;
        if matches!(self.word(k), Some("early" | "late" | "mid" | "-")) {
            k = k.checked_sub(1)?;
            if self.is(k, "mid") {
                k = k.checked_sub(1)?;
            }
        }
        if !matches!(
            self.word(k),
            Some("by" | "until" | "till" | "since" | "before" | "after")
        ) {
            return None;
        }
        let day = Expr::at_part(Expr::DayOffset(0), part);
        Some((end, Expr::Anaphoric(Box::new(day))))
    }

    /// "the weekend", "the quarter", "the latest period", "the year", "the fiscal year".
    pub(crate) fn the_unit(&self, i: usize) -> P<Expr> {
        if !self.is(i, "the") {
            return self.bare_part_of_day(i);
        }
        if let Some(r) = self.day_next_to(i) {
            return Some(r);
        }
        // "today is the eighth day of Desert Shield", "it's the second day of an offensive":
        // said of the day of writing, it is that day.
        if i > 1
            && matches!(self.word(i - 1), Some("is" | "'s"))
            && matches!(self.word(i - 2), Some("today" | "it" | "this"))
        {
            if let Some((e, _)) = self.ordinal(i + 1) {
                if self.is(e, "day") && self.is(e + 1, "of") {
                    return Some((e + 1, Expr::DayOffset(0)));
                }
            }
        }
        // "In the evening, I signed", "erupted throughout the night", "worked into the night
        // Saturday": that part of the day the story is on. Only after a preposition of time,
        // and not "the night of August 6" (the date says which).
        // "in the early morning" is still that morning.
        let k = if matches!(self.word(i + 1), Some("early" | "late")) {
            i + 2
        } else {
            i + 1
        };
        if let Some((end, part)) = self.part_of_day(k) {
            // "spent the afternoon with volunteers" passes that part of the day too; "spent
            // the night" is stayed somewhere, and no time.
            let spent = part != "NI"
                && i > 0
                && matches!(self.word(i - 1), Some("spent" | "spend" | "spending"));
            let after_preposition = spent
                || i > 0
                    && matches!(
                        self.word(i - 1),
                        Some("in" | "during" | "by" | "through" | "throughout" | "into")
                    );
            if after_preposition && end == k + 1 && !matches!(self.word(end), Some("of" | "'s")) {
                let day = Expr::at_part(Expr::DayOffset(0), part);
                return Some((end, Expr::Anaphoric(Box::new(day))));
            }
        }
        // "Later in the day", "earlier in the day": the day the story is on.
        if i >= 2
            && self.is(i - 1, "in")
            && matches!(self.word(i - 2), Some("later" | "earlier"))
            && self.unit(i + 1) == Some((i + 2, Unit::Day))
            && !self.is(i + 2, "of")
        {
            return Some((i + 2, Expr::Anaphoric(Box::new(Expr::DayOffset(0)))));
        }
        let mut j = i + 1;
        let latest = matches!(self.word(j), Some("latest" | "recent"));
        j = if latest { j + 1 } else { self.skip(j, "full") };
        j = self.skip(j, "fiscal");
        if latest && self.is(j, "period") {
            return Some((j + 1, Expr::LatestQuarter));
        }
        if let Some((e, year)) = self.year(j) {
            // "the 1988 quarter", "the 1989 period"
            if matches!(self.word(e), Some("quarter" | "period")) {
                return Some((e + 1, Expr::ThisQuarter(Some(year))));
            }
        }
        let (end, unit) = self.unit(j)?;
        if end != j + 1 || self.is_plural(j, end) {
            return None;
        }
        // "Liar of the Year", "Person of the Year": a title, not the year.
        if i > 0 && self.is(i - 1, "of") && !self.toks[i].capital && self.toks[j].capital {
            return None;
        }
        // "the year-earlier quarter" is the year-ago pattern's; "year-end" a point.
        if self.skip_hyphen(end) > end
            && matches!(
                self.word(end + 1),
                Some("earlier" | "ago" | "end" | "old" | "long")
            )
        {
            return None;
        }
        // "up 46% from the year earlier", "the week before,": the unit before (after) the
        // time under discussion. Not "the day before the vote", where "before" is a
        // preposition.
        if !latest && j == i + 1 {
            // "the year after that", "the day before that": the same, said outright.
            let that =
                matches!(self.word(end), Some("before" | "after")) && self.is(end + 1, "that");
            let shift = match self.word(end) {
                Some("earlier") => Some(-1),
                Some("later") => Some(1),
                Some("before")
                    if that || self.toks.get(end + 1).is_none_or(|t| t.kind != Kind::Word) =>
                {
                    Some(-1)
                }
                Some("after") if that => Some(1),
                _ => None,
            };
            if let Some(shift) = shift {
                let shifted = Box::new(Expr::UnitShift { unit, shift });
                let end = if that { end + 2 } else { end + 1 };
                return Some((end, Expr::Anaphoric(shifted)));
            }
        }
        // "the year ended Sept. 30" is a length: a fiscal year.
        if unit == Unit::Year && matches!(self.word(end), Some("ended" | "ending")) {
            return Some((
                end,
                Expr::Duration {
                    amount: Amount::Num(1.0),
                    unit,
                },
            ));
        }
        // "the week of March 6"
        if unit == Unit::Week && self.is(end, "of") {
            if let Some((e, d)) = self.calendar(end + 1) {
                if matches!(d, Expr::Calendar { day: Some(_), .. }) {
                    return Some((e, Expr::WeekOf(Box::new(d))));
                }
            }
        }
        // "the quarter ended Sept. 30": the date says which; it is an expression of its own.
        if unit == Unit::Quarter && matches!(self.word(end), Some("ended" | "ending")) {
            if let Some((_, d @ Expr::Calendar { day: Some(_), .. })) = self.calendar(end + 1) {
                return Some((end, Expr::QuarterEnding(Box::new(d))));
            }
        }
        // The unit under discussion: the one last named, the anchor's when none was.
        let same = || Expr::Anaphoric(Box::new(Expr::UnitShift { unit, shift: 0 }));
        // "in 2010, the year the court ruled": in apposition to the time just named, it is
        // that time.
        let apposition = !latest && j == i + 1 && self.named_before(i).is_some();
        // "raised $4 million in February … over the course of the month": a bare "the
        // month" is the month under discussion, the anchor's only when none was named.
        if apposition && unit == Unit::Year || unit == Unit::Month {
            return Some((end, same()));
        }
        // "On July 24, the day before the gathering began": the date just named, whatever
        // it came before or after.
        if unit == Unit::Day && j == i + 1 && self.named_before(i) == Some(Unit::Day) {
            let end = end + usize::from(matches!(self.word(end), Some("before" | "after")));
            return Some((end, same()));
        }
        // "Tuesday's primaries, and the day's results": the day under discussion.
        if unit == Unit::Day && j == i + 1 && self.is(end, "'s") {
            return Some((end, same()));
        }
        match unit {
            Unit::Quarter if latest => Some((end, Expr::LatestQuarter)),
            Unit::Quarter => Some((end, Expr::ThisQuarter(None))),
            Unit::Weekend | Unit::Year | Unit::Week | Unit::Month => {
                Some((end, Expr::UnitShift { unit, shift: 0 }))
            }
            _ => None,
        }
    }

    /// "the same month last year", "the corresponding period a year ago", "the quarter a
    /// year ago": the month (week, day) last named or the quarter under discussion, a year
    /// before. One expression, not "the same month" and "last year" apart: the year is the
    /// month's.
    pub(crate) fn same_a_year_before(&self, i: usize) -> P<Expr> {
        if !self.is(i, "the") {
            return None;
        }
        let j = match self.word(i + 1) {
            Some("same" | "corresponding" | "comparable") => i + 2,
            Some("quarter" | "period") => i + 1,
            _ => return None,
        };
        let (e, same) = if matches!(self.word(j), Some("period" | "quarter")) {
            (j + 1, Expr::YearEarlierQuarter)
        } else {
            let (e, unit) = self.unit(j)?;
            if !matches!(unit, Unit::Month | Unit::Week | Unit::Day) || self.is_plural(j, e) {
                return None;
            }
            let this = Expr::UnitShift { unit, shift: 0 };
            (
                e,
                Expr::Anaphoric(Box::new(Expr::YearBefore(Box::new(this)))),
            )
        };
        let e = if matches!(self.word(e), Some("of" | "in")) {
            e + 1
        } else {
            e
        };
        let end = match (self.word(e), self.word(e + 1), self.word(e + 2)) {
            (Some("last"), Some("year"), _) => e + 2,
            (Some("a" | "one"), Some("year"), Some("ago" | "earlier" | "before")) => e + 3,
            (Some("the"), Some("year"), Some("before")) => e + 3,
            (Some("the"), Some("previous" | "prior" | "preceding"), Some("year")) => e + 3,
            _ => return None,
        };
        Some((end, same))
    }

    /// "a year earlier" said of a quarter: "the year-earlier quarter", "the year-ago period",
    /// "year-earlier", "last year's quarter".
    pub(crate) fn year_ago(&self, i: usize) -> P<Expr> {
        // "U.K. sales for last year's quarter"
        if self.is(i, "last")
            && self.is(i + 1, "year")
            && self.is(i + 2, "'s")
            && matches!(self.word(i + 3), Some("quarter" | "period"))
        {
            return Some((i + 4, Expr::YearEarlierQuarter));
        }
        let mut j = self.skip(i, "the");
        if matches!(self.word(j), Some("comparable" | "corresponding" | "same")) {
            j += 1;
        }
        if !self.is(j, "year") {
            return None;
        }
        let k = self.skip_hyphen(j + 1);
        if k == j + 1 || !matches!(self.word(k), Some("earlier" | "ago")) {
            return None;
        }
        let mut end = k + 1;
        if let Some((e, _)) = self.ordinal(end) {
            if self.is(e, "quarter") {
                end = e;
            }
        }
        if matches!(self.word(end), Some("quarter" | "period")) {
            return Some((end + 1, Expr::YearEarlierQuarter));
        } else if j > i {
            return None;
        }
        Some((end, Expr::YearEarlierQuarter))
    }
}

/// The three numbers of a date in digits at the start of `s`, the length they take and their
/// separator: `YYYY-MM-DD`, or `D.M.Y`, `D-M-Y`, `M/D/Y` with one or two digits for the day and
/// month and two or four for the year. Nothing may follow that would make it a longer number.
fn numeric_parts(s: &str) -> Option<(usize, [&str; 3], char)> {
    let digits = |from: usize| s[from..].bytes().take_while(u8::is_ascii_digit).count();
    let a = digits(0);
    let sep = s[a..]
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '/' | '-'))?;
    let b_from = a + 1;
    let b = digits(b_from);
    if !s[b_from + b..].starts_with(sep) {
        return None;
    }
    let c_from = b_from + b + 1;
    let c = digits(c_from);
    let len = c_from + c;
    let iso = a == 4 && (1..=2).contains(&b) && (1..=2).contains(&c);
    let day_month = (1..=2).contains(&a) && (1..=2).contains(&b) && matches!(c, 2 | 4);
    if !(iso || day_month) {
        return None;
    }
    // "24.02.2022.5" or "1/2/2022/3" is something else.
    let rest = &s.as_bytes()[len..];
    if rest.first().is_some_and(u8::is_ascii_digit)
        || rest.first().is_some_and(|&r| r as char == sep)
            && rest.get(1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    Some((len, [&s[..a], &s[b_from..b_from + b], &s[c_from..len]], sep))
}
