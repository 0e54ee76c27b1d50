//! From meaning to TIMEX3 value: anchoring relative expressions and formatting the value.
//!
//! Without an anchor nothing is guessed: the unknown parts are written as `X`, as TIMEX3 does
//! (`XXXX-08-06`, `XXXX-WXX-5`, `XXXX-XX-XX` for "yesterday").
//!
//! An impossible date ("February 30") falls back to its month (`2024-02`): the month is
//! certain, the day is a typo.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use sitrep_doc::layers::TimexType;

use crate::expr::{Amount, Clock, Expr, MonthPart, YearPart};
use crate::lexicon::{Holiday, Tense, Unit};

/// A resolved TIMEX3: type, value, and quant/freq for sets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Value {
    pub kind: TimexType,
    pub value: String,
    pub quant: Option<&'static str>,
    pub freq: Option<String>,
    /// Whether the value was computed from the anchor.
    pub anchored: bool,
}

/// What the resolver knows besides the expression.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Context {
    pub anchor: Option<Date>,
    pub tense: Option<Tense>,
    /// The past tense comes from a simple past verb form ("died"), not an -ed word.
    pub firm_past: bool,
    /// A simple past verb says the event happened in the time named ("died in December"),
    /// so the time cannot lie after the anchor.
    pub happened_in: bool,
    /// The last quarter mentioned (year, quarter): "the quarter", "a year earlier".
    pub quarter: Option<(i32, u8)>,
    /// Results for several months of this year are under discussion ("for the nine months",
    /// "the first six months"), not a quarter: "a year earlier", "the 1988 period" and
    /// "year-earlier" compare with those months of the year before, a year.
    pub months: Option<i32>,
    /// The anchor is a date the story gave (narrative mode), not the time of writing: the
    /// past tense is the story's own and says nothing of direction, so a bare month is in
    /// the anchor's year and a bare weekday the nearest one.
    pub story: bool,
    /// The text says "this week" somewhere: on a Sunday that is the week just ending, so its
    /// "last week" is the one before.
    pub this_week_said: bool,
}

fn date_value(kind: TimexType, value: String, anchored: bool) -> Value {
    Value {
        kind,
        value,
        quant: None,
        freq: None,
        anchored,
    }
}

fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn week(d: Date) -> String {
    let w = d.iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(crate) fn quarter_of(d: Date) -> u8 {
    (d.month() as u8 - 1) / 3 + 1
}

fn season_index(code: &str) -> i32 {
    match code {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    }
}

/// Where the date stands among the year's seasons: 0 spring ... 3 winter (December). January
/// and February come before the year's spring (-1): the winter they end began the year before,
/// so "the spring" said in February is still ahead.
fn season_of(d: Date) -> i32 {
    match d.month() {
        1 | 2 => -1,
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    }
}

/// The year of a month given without one. Past tense puts it before the anchor, future tense
/// after it, with a month's slack either way (a tense cue is often someone else's verb);
/// otherwise the month nearest the anchor wins, and a tie (six months either way) goes to
/// the past, which news reports more than it forecasts. A month in which something happened
/// ("died in December") has no slack: it is not after the anchor's month.
///
/// In a story ([`Context::story`]) a month without a year is in the year of the date the
/// story last gave, unless a future cue points past its end.
fn infer_year(anchor: Date, month: u8, cx: &Context) -> i32 {
    let (tense, happened_in) = (cx.tense, cx.happened_in);
    let y = anchor.year() as i32;
    let diff = month as i32 - anchor.month() as i32;
    match tense {
        _ if cx.story && !(tense == Some(Tense::Future) && diff < -1) => y,
        Some(Tense::Past) if happened_in && diff > 0 => y - 1,
        Some(Tense::Past) if diff > 2 => y - 1,
        Some(Tense::Future) if diff < -1 => y + 1,
        Some(Tense::Past | Tense::Future) => y,
        _ if diff >= 6 => y - 1,
        _ if diff < -6 => y + 1,
        _ => y,
    }
}

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.first_of_month().checked_add(n.months()).ok()
}

/// Unit-granular value of the date `d` ("2024", "2024-08", "2024-W32", "2024-08-11").
fn at_unit(d: Date, unit: Unit) -> String {
    match unit {
        Unit::Year => format!("{:04}", d.year()),
        Unit::Month => format!("{:04}-{:02}", d.year(), d.month()),
        Unit::Week | Unit::Fortnight => week(d),
        Unit::Weekend => format!("{}-WE", week(d)),
        Unit::Quarter => format!("{:04}-Q{}", d.year(), quarter_of(d)),
        Unit::Decade => format!("{:03}", d.year() / 10),
        Unit::Century => format!("{:02}", d.year() / 100),
        _ => ymd(d),
    }
}

/// The unknown value at a unit's granularity.
fn unknown(unit: Unit) -> String {
    match unit {
        Unit::Year => "XXXX",
        Unit::Month => "XXXX-XX",
        Unit::Week | Unit::Fortnight => "XXXX-WXX",
        Unit::Weekend => "XXXX-WXX-WE",
        Unit::Quarter => "XXXX-QX",
        Unit::Decade => "XXX",
        Unit::Century => "XX",
        _ => "XXXX-XX-XX",
    }
    .to_string()
}

/// Shifts `d` by `n` units.
fn shift(d: Date, unit: Unit, n: f64) -> Option<Date> {
    let whole = n.trunc() as i64;
    match unit {
        Unit::Year if n.fract() != 0.0 => add_months(d, (n * 12.0).round() as i64),
        Unit::Year => d.checked_add(whole.years()).ok(),
        Unit::Month => add_months(d, whole),
        Unit::Week | Unit::Weekend => add_days(d, (n * 7.0).round() as i64),
        Unit::Fortnight => add_days(d, (n * 14.0).round() as i64),
        Unit::Day => add_days(d, whole),
        Unit::Quarter => add_months(d, whole * 3),
        Unit::Decade => d.checked_add(((n * 10.0).round() as i64).years()).ok(),
        Unit::Century => d.checked_add(((n * 100.0).round() as i64).years()).ok(),
        Unit::Hour | Unit::Minute | Unit::Second => Some(d),
    }
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// `P2.5Y`, `PT5H`, `PXW`; decades and centuries in years (`P20Y`), as TimeBank writes them,
/// quarters in months (`P9M`) and weekends in days (`P2D`): ISO 8601 durations have no
/// letter for them.
fn duration(amount: Amount, unit: Unit) -> String {
    let (amount, unit) = match (amount, unit) {
        (Amount::Num(n), Unit::Decade) => (Amount::Num(n * 10.0), Unit::Year),
        (Amount::Num(n), Unit::Century) => (Amount::Num(n * 100.0), Unit::Year),
        (Amount::Vague, Unit::Decade | Unit::Century) => (Amount::Vague, Unit::Year),
        (Amount::Num(n), Unit::Quarter) => (Amount::Num(n * 3.0), Unit::Month),
        (Amount::Vague, Unit::Quarter) => (Amount::Vague, Unit::Month),
        // "half a year" is six months; "two and a half years" keeps its fraction (P2.5Y).
        (Amount::Num(n), Unit::Year) if n < 1.0 && (n * 12.0).fract() == 0.0 => {
            (Amount::Num(n * 12.0), Unit::Month)
        }
        (Amount::Num(n), Unit::Weekend) => (Amount::Num(n * 2.0), Unit::Day),
        (Amount::Vague, Unit::Weekend) => (Amount::Vague, Unit::Day),
        (Amount::Num(n), Unit::Fortnight) => (Amount::Num(n * 2.0), Unit::Week),
        (Amount::Vague, Unit::Fortnight) => (Amount::Vague, Unit::Week),
        other => other,
    };
    // Fractions of a day, an hour or a minute in the next smaller unit: "5 1/2 hours" is
    // PT5H30M, as TimeML writes them (years and months keep their fraction: P2.5Y).
    if let Amount::Num(n) = amount {
        let smaller = match unit {
            Unit::Day => Some((24.0, "H")),
            Unit::Hour => Some((60.0, "M")),
            Unit::Minute => Some((60.0, "S")),
            _ => None,
        };
        if let Some((per, letter)) = smaller.filter(|_| n.fract() != 0.0) {
            let part = n.fract() * per;
            if part.fract() == 0.0 {
                let whole = match (n.trunc() as i64, unit) {
                    (0, Unit::Day) => "P".to_string(),
                    (0, _) => "PT".to_string(),
                    (w, _) => duration(Amount::Num(w as f64), unit),
                };
                let t = if unit == Unit::Day { "T" } else { "" };
                return format!("{whole}{t}{}{letter}", part as i64);
            }
        }
    }
    let n = match amount {
        Amount::Num(n) => number(n),
        Amount::Vague => "X".to_string(),
    };
    match unit {
        Unit::Year => format!("P{n}Y"),
        Unit::Month => format!("P{n}M"),
        Unit::Week | Unit::Fortnight => format!("P{n}W"),
        Unit::Day => format!("P{n}D"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Second => format!("PT{n}S"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Decade => format!("P{n}DE"),
        Unit::Century => format!("P{n}CE"),
        Unit::Weekend => format!("P{n}WE"),
    }
}

fn weekday_of(n: u8) -> Weekday {
    Weekday::from_monday_one_offset(n as i8).unwrap_or(Weekday::Monday)
}

/// The weekday `wd` nearest the anchor in the direction given: -1 on or before (strictly
/// before with `strict`), +1 on or after, 0 in the anchor's week.
fn weekday_date(anchor: Date, wd: u8, direction: i8, strict: bool) -> Option<Date> {
    let a = anchor.weekday().to_monday_one_offset() as i64;
    let w = wd as i64;
    let delta = match direction {
        d if d < 0 => {
            let back = (a - w).rem_euclid(7);
            -(if back == 0 && strict { 7 } else { back })
        }
        0 => w - a,
        _ => {
            let fwd = (w - a).rem_euclid(7);
            if fwd == 0 && strict {
                7
            } else {
                fwd
            }
        }
    };
    add_days(anchor, delta)
}

/// A holiday with no anchor: its month and day where they are fixed.
fn unanchored_holiday(holiday: Holiday) -> Value {
    match holiday {
        Holiday::Fixed(m, d) => date_value(TimexType::Date, format!("XXXX-{m:02}-{d:02}"), false),
        Holiday::Dated(y, m, d) => {
            date_value(TimexType::Date, format!("{y:04}-{m:02}-{d:02}"), false)
        }
        _ => date_value(TimexType::Date, "XXXX-XX-XX".into(), false),
    }
}

fn holiday_date(h: Holiday, year: i32) -> Option<Date> {
    let y = i16::try_from(year).ok()?;
    match h {
        Holiday::Fixed(m, d) => Date::new(y, m as i8, d as i8).ok(),
        Holiday::NthWeekday(m, wd, n, after) => {
            let first = Date::new(y, m as i8, 1).ok()?;
            let nth = if n == 0 { -1 } else { n as i8 };
            let day = first.nth_weekday_of_month(nth, weekday_of(wd)).ok()?;
            add_days(day, after as i64)
        }
        Holiday::Easter(offset) => add_days(easter(year)?, offset as i64),
        Holiday::Dated(y, m, d) => Date::new(y, m as i8, d as i8).ok(),
    }
}

/// Western Easter Sunday (the anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let (b, c) = (year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(i16::try_from(year).ok()?, month as i8, day as i8).ok()
}

/// Resolves `expr` to a TIMEX3 type and value.
pub(crate) fn resolve(expr: &Expr, cx: &Context) -> Option<Value> {
    use TimexType::{Date as D, Duration as Dur, Set, Time};
    let a = cx.anchor;
    Some(match *expr {
        Expr::Calendar { year, month, day } => {
            let Some(month) = month else {
                return Some(date_value(D, format!("{:04}", year?), false));
            };
            let day = day.filter(|d| *d <= days_in_month(year, month));
            let (year, anchored) = match (year, a) {
                (Some(y), _) => (Some(y), false),
                (None, Some(a)) => (Some(infer_year(a, month, cx)), true),
                (None, None) => (None, false),
            };
            let y = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
            let mut v = format!("{y}-{month:02}");
            if let Some(d) = day.filter(|d| *d <= days_in_month(year, month)) {
                v.push_str(&format!("-{d:02}"));
            }
            date_value(D, v, anchored)
        }
        Expr::InYear { ref date, years } => match (a, &**date) {
            (Some(a), &Expr::Calendar { month, day, .. }) => {
                let year = Some(a.year() as i32 + years as i32);
                let v = resolve(&Expr::Calendar { year, month, day }, cx)?;
                Value {
                    anchored: true,
                    ..v
                }
            }
            _ => resolve(
                date,
                &Context {
                    anchor: None,
                    ..*cx
                },
            )?,
        },
        // "that quarter" is the quarter under discussion.
        Expr::Anaphoric(ref inner)
            if matches!(
                **inner,
                Expr::UnitShift {
                    unit: Unit::Quarter,
                    shift: 0
                }
            ) =>
        {
            resolve(&Expr::ThisQuarter(None), cx)?
        }
        Expr::Anaphoric(ref inner) => resolve(inner, cx)?,
        Expr::YearEnd => match a {
            Some(a) => {
                // In December the coming year-end is as near as the last one: "spoke about the
                // year-end budget agreement", said on 15 December, is this year's.
                let back = i16::from(cx.tense == Some(Tense::Past) && a.month() < 12);
                date_value(D, format!("{:04}", a.year() - back), true)
            }
            None => date_value(D, "XXXX".into(), false),
        },
        Expr::LatestQuarter => match a {
            Some(a) => date_value(D, at_unit(add_months(a, -3)?, Unit::Quarter), true),
            None => date_value(D, "XXXX-QX".into(), false),
        },
        Expr::Decade { decade } => date_value(D, format!("{decade:03}"), false),
        Expr::Century(c) => date_value(D, format!("{c:02}"), false),
        Expr::Weekday { weekday, shift } => match a {
            None => date_value(D, format!("XXXX-WXX-{weekday}"), false),
            Some(a) => {
                let d = match shift {
                    None if cx.tense == Some(Tense::Future) => weekday_date(a, weekday, 1, false),
                    // A story told in the past moves on from the day it last named: "On
                    // March 3 the treaty was signed … on Friday parliament ratified it".
                    None if cx.story => {
                        let back = weekday_date(a, weekday, -1, false)?;
                        let ahead = weekday_date(a, weekday, 1, false)?;
                        let gap = |d: Date| a.since(d).map_or(7, |s| s.get_days().abs());
                        Some(if gap(back) < gap(ahead) { back } else { ahead })
                    }
                    // A past verb in the clause ("died on Monday") puts it in the week just
                    // gone, however far back that is.
                    None if cx.firm_past => weekday_date(a, weekday, -1, false),
                    // Wire stories are often dated the evening before: with no tense to go
                    // by, a weekday six days back is more likely tomorrow's.
                    None => weekday_date(a, weekday, -1, false)
                        .filter(|d| a.since(*d).map_or(true, |s| s.get_days() < 6))
                        .or_else(|| add_days(a, 1)),
                    // "hoping to win Michigan this Tuesday", said on a Friday: the coming one.
                    Some(0) if cx.tense == Some(Tense::Future) => {
                        weekday_date(a, weekday, 1, false)
                    }
                    Some(s) => weekday_date(a, weekday, s, true),
                }?;
                date_value(D, ymd(d), true)
            }
        },
        Expr::WeekdayOfWeek { weekday, week } => match a {
            None => date_value(D, format!("XXXX-WXX-{weekday}"), false),
            Some(a) => {
                let d = add_days(weekday_date(a, weekday, 0, false)?, 7 * week as i64)?;
                date_value(D, ymd(d), true)
            }
        },
        Expr::MonthShift { month, shift } => match a {
            None => date_value(D, format!("XXXX-{month:02}"), false),
            Some(a) => {
                let (y, m) = (a.year() as i32, a.month() as u8);
                // "last June" said in November is this year's June; said in June, last
                // year's. Seasons go by whether they are over (see resolve_part).
                // The month just gone is "last month": "last February" said on March 1 is
                // a year before.
                let year = match shift {
                    s if s < 0 => {
                        if month + 1 < m {
                            y
                        } else {
                            y - 1
                        }
                    }
                    0 => y,
                    _ => {
                        if month > m + 1 {
                            y
                        } else {
                            y + 1
                        }
                    }
                };
                date_value(D, format!("{year:04}-{month:02}"), true)
            }
        },
        Expr::Part { part, year, shift } => resolve_part(part, year, shift, cx),
        Expr::NearestPart { part, direction } => resolve_nearest_part(part, direction, cx),
        Expr::PartOfShiftedYear { part, years } => match a {
            None => resolve_part(part, None, None, &Context::default()),
            Some(a) => resolve_part(part, Some(a.year() as i32 + years as i32), None, cx),
        },
        Expr::UnitShift { unit, shift: s } => match a {
            // "the past fortnight", "next fortnight": two weeks, which no calendar value names.
            _ if unit == Unit::Fortnight => {
                date_value(Dur, duration(Amount::Num(1.0), unit), false)
            }
            None => date_value(D, unknown(unit), false),
            Some(a) if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) => {
                let _ = a;
                date_value(Dur, duration(Amount::Num(1.0), unit), false)
            }
            // "the past decade" is the last ten years, not the 1980s; "over the next decade"
            // the ten years to come.
            Some(_) if s != 0 && matches!(unit, Unit::Decade | Unit::Century) => {
                date_value(Dur, duration(Amount::Num(1.0), unit), false)
            }
            Some(a) if unit == Unit::Weekend && s == 0 => {
                // "the weekend": the one just past, unless the clause looks ahead or the
                // anchor is itself in a weekend. With no tense to go by, late in the week it is
                // the coming one: "set the stage for another rout this weekend", said on Friday.
                let day = a.weekday().to_monday_one_offset();
                let back = match cx.tense {
                    Some(Tense::Future) => false,
                    Some(Tense::Past) => day <= 5,
                    _ => day <= 3,
                };
                let d = if back { add_days(a, -7)? } else { a };
                date_value(D, at_unit(d, unit), true)
            }
            // "this week" said on a Sunday of what is still to come is the week that starts
            // the next day: "at this week's RNC meeting", "will extend to this week's
            // convention". What was done "this week" is in the week ending.
            Some(a)
                if unit == Unit::Week
                    && s == 0
                    && a.weekday() == Weekday::Sunday
                    && !matches!(cx.tense, Some(Tense::Past)) =>
            {
                date_value(D, at_unit(add_days(a, 1)?, unit), true)
            }
            // "last week" said on a Sunday is the week just ending: its working days are
            // what the writer looks back on, and the ISO week runs to the Sunday. Unless the
            // writer calls that week "this week" ("artists this week published a letter; the
            // novelist told an audience last week").
            Some(a)
                if unit == Unit::Week
                    && s == -1
                    && a.weekday() == Weekday::Sunday
                    && !cx.this_week_said =>
            {
                date_value(D, at_unit(a, unit), true)
            }
            Some(a) => date_value(D, at_unit(shift(a, unit, s as f64)?, unit), true),
        },
        Expr::Ago {
            amount,
            unit,
            direction,
        } => match (amount, a) {
            // "years ago", "several months ago": some time before.
            (Amount::Vague, _) => {
                let r = if direction < 0 {
                    "PAST_REF"
                } else {
                    "FUTURE_REF"
                };
                date_value(D, r.into(), false)
            }
            (Amount::Num(n), _) if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) => {
                date_value(Dur, duration(Amount::Num(n), unit), false)
            }
            (Amount::Num(_), None) => date_value(D, unknown(unit), false),
            (Amount::Num(n), Some(a)) => {
                // Whole years from the months or the quarter under discussion.
                if unit == Unit::Year && n.fract() == 0.0 {
                    let years = direction as i32 * n as i32;
                    if let Some(y) = cx.months {
                        return Some(date_value(D, format!("{:04}", y + years), true));
                    }
                    if let Some((y, q)) = cx.quarter {
                        return Some(date_value(D, format!("{:04}-Q{q}", y + years), true));
                    }
                }
                // "two and a half years ago" is a month; "a quarter-century ago", "half a
                // century ago" a year (1991, not the 20th century).
                let unit_shown = match unit {
                    Unit::Year if n.fract() != 0.0 => Unit::Month,
                    Unit::Decade | Unit::Century if n.fract() != 0.0 => Unit::Year,
                    _ => unit,
                };
                let d = shift(a, unit, direction as f64 * n)?;
                date_value(D, at_unit(d, unit_shown), true)
            }
        },
        Expr::DayOffset(n) => match a {
            None => date_value(D, "XXXX-XX-XX".into(), false),
            Some(a) => date_value(D, ymd(add_days(a, n as i64)?), true),
        },
        Expr::Day { ref date, clock } => {
            let day = resolve(date, cx)?;
            let suffix = match clock {
                Some(Clock::Minutes(m)) => format!("T{:02}:{:02}", m / 60, m % 60),
                Some(Clock::Utc(m)) => format!("T{:02}:{:02}Z", m / 60, m % 60),
                Some(Clock::Part(p)) => format!("T{p}"),
                None => String::new(),
            };
            let value = if matches!(**date, Expr::DayOffset(0)) && a.is_none() {
                format!("XXXX-XX-XX{suffix}")
            } else {
                format!("{}{suffix}", day.value)
            };
            date_value(Time, value, day.anchored)
        }
        Expr::Holiday { holiday, year } => {
            let (year, anchored) = match (year, a) {
                (Some(y), _) => (y, false),
                (None, Some(a)) => {
                    let d = holiday_date(holiday, a.year() as i32)?;
                    (infer_year(a, d.month() as u8, cx), true)
                }
                (None, None) => return Some(unanchored_holiday(holiday)),
            };
            date_value(D, ymd(holiday_date(holiday, year)?), anchored)
        }
        Expr::HolidayShift { holiday, shift } => {
            let Some(a) = a else {
                return Some(unanchored_holiday(holiday));
            };
            // "last Christmas" is the one before the anchor, "next Christmas" the one after
            // it, even on the day itself.
            let y = a.year() as i32;
            let this = holiday_date(holiday, y)?;
            let year = match shift {
                s if s < 0 && this < a => y,
                s if s < 0 => y - 1,
                s if s > 0 && this > a => y,
                s if s > 0 => y + 1,
                _ => y,
            };
            date_value(D, ymd(holiday_date(holiday, year)?), true)
        }
        // "the 1988 period" after "the nine months" is those months of 1988.
        Expr::ThisQuarter(Some(year)) if cx.months.is_some() => {
            date_value(D, format!("{year:04}"), true)
        }
        Expr::ThisQuarter(year) => match (cx.quarter, a) {
            (Some((y, q)), _) => date_value(D, format!("{:04}-Q{q}", year.unwrap_or(y)), true),
            // Without one, the latest quarter reported: the one before the anchor's, in the
            // year given if one is ("the 1988 quarter").
            (None, Some(a)) => {
                let latest = add_months(a, -3)?;
                let y = year.unwrap_or(i32::from(latest.year()));
                date_value(D, format!("{y:04}-Q{}", quarter_of(latest)), true)
            }
            (None, None) => date_value(D, "XXXX-QX".into(), false),
        },
        Expr::YearEarlierQuarter if cx.months.is_some() => {
            date_value(D, format!("{:04}", cx.months? - 1), true)
        }
        Expr::YearEarlierQuarter => match (cx.quarter, a) {
            (Some((y, q)), _) => date_value(D, format!("{:04}-Q{q}", y - 1), true),
            (None, Some(a)) => date_value(D, at_unit(add_months(a, -15)?, Unit::Quarter), true),
            (None, None) => date_value(D, "XXXX".into(), false),
        },
        Expr::YearBefore(ref inner) => {
            let mut v = resolve(inner, cx)?;
            let year: i32 = v.value.get(..4)?.parse().ok()?;
            v.value = format!("{:04}{}", year - 1, &v.value[4..]);
            v
        }
        Expr::Duration { amount, unit } => date_value(Dur, duration(amount, unit), false),
        Expr::Reference { kind, value } => {
            let kind = match kind {
                "TIME" => Time,
                "DURATION" => Dur,
                "SET" => Set,
                _ => D,
            };
            date_value(kind, value.to_string(), false)
        }
        Expr::Set {
            amount,
            unit,
            quant,
            freq,
        } => Value {
            kind: Set,
            value: duration(amount, unit),
            quant,
            freq: Some(format!("{}X", freq.unwrap_or(1))),
            anchored: false,
        },
        // "40 hours a week": every week, 40 hours of it (freq "40H", as TimeML writes it).
        Expr::Rate { amount, unit, per } => {
            let length = duration(Amount::Num(amount), unit);
            Value {
                kind: Set,
                value: duration(Amount::Num(1.0), per),
                quant: None,
                freq: Some(
                    length
                        .trim_start_matches('P')
                        .trim_start_matches('T')
                        .to_string(),
                ),
                anchored: false,
            }
        }
        Expr::MonthSet { month, quant } => once_each(format!("XXXX-{month:02}"), quant),
        Expr::SeasonSet { season, quant } => once_each(format!("XXXX-{season}"), quant),
        Expr::ThisPastWeek => match a {
            None => date_value(D, unknown(Unit::Week), false),
            Some(a) => {
                let late = a.weekday().to_monday_one_offset() >= 5;
                let d = if late { a } else { add_days(a, -7)? };
                date_value(D, at_unit(d, Unit::Week), true)
            }
        },
        Expr::WeekOf(ref date) => from_day(date, cx, Unit::Week, |d| Some(week(d)))?,
        Expr::WeekendOf(ref date) => from_day(date, cx, Unit::Weekend, |d| {
            let monday = d.weekday() == Weekday::Monday;
            Some(format!(
                "{}-WE",
                week(if monday { add_days(d, -1)? } else { d })
            ))
        })?,
        Expr::OfMonth { part, ref month } => of_month(part, month, cx)?,
        // A quarter already named ("first-quarter results ... for the quarter ended Sept.
        // 29") keeps the document's own, perhaps fiscal, numbering.
        Expr::QuarterEnding(_) if cx.quarter.is_some() => resolve(&Expr::ThisQuarter(None), cx)?,
        // The middle of the three months that end on that date.
        Expr::QuarterEnding(ref date) => from_day(date, cx, Unit::Quarter, |d| {
            Some(at_unit(add_days(d, -45)?, Unit::Quarter))
        })?,
        Expr::DaysFrom { ref date, days } => from_day(date, cx, Unit::Day, |d| {
            Some(ymd(add_days(d, days as i64)?))
        })?,
        Expr::WeekdaySet {
            weekday,
            quant,
            part,
        } => {
            let part = part.map(|p| format!("T{p}")).unwrap_or_default();
            once_each(format!("XXXX-WXX-{weekday}{part}"), quant)
        }
    })
}

/// A set that recurs once in each calendar slot its value names ("each July", "every
/// Monday").
fn once_each(value: String, quant: Option<&'static str>) -> Value {
    Value {
        kind: TimexType::Set,
        value,
        quant,
        freq: Some("1X".into()),
        anchored: false,
    }
}

/// A date of `unit` found from the day `date` resolves to ("the week of March 6", "the day
/// before last Tuesday"); unknown in TIMEX3 style when that day is not known.
fn from_day(
    date: &Expr,
    cx: &Context,
    unit: Unit,
    f: impl FnOnce(Date) -> Option<String>,
) -> Option<Value> {
    let day = resolve(date, cx)?;
    Some(
        match day.value.get(..10).and_then(|v| v.parse::<Date>().ok()) {
            Some(d) => date_value(TimexType::Date, f(d)?, day.anchored),
            None => date_value(TimexType::Date, unknown(unit), false),
        },
    )
}

/// A week, weekday or half of a month; without the month's year, the week is unknown and a
/// weekday or half is the month.
fn of_month(part: MonthPart, month: &Expr, cx: &Context) -> Option<Value> {
    let m = resolve(month, cx)?;
    let first = format!("{}-01", m.value).parse::<Date>().ok();
    let value = match (part, first) {
        (MonthPart::Half(_), _) => m.value,
        (MonthPart::Week(n), Some(d)) => week(d.nth_weekday_of_month(n, Weekday::Thursday).ok()?),
        (MonthPart::Week(_), None) => unknown(Unit::Week),
        (MonthPart::Weekday { weekday, nth }, Some(d)) => {
            ymd(d.nth_weekday_of_month(nth, weekday_of(weekday)).ok()?)
        }
        (MonthPart::Weekday { .. }, None) => m.value,
    };
    Some(date_value(TimexType::Date, value, m.anchored))
}

/// "this past spring": the anchor's year's if that one is over (in the direction given),
/// else the year before (after).
fn resolve_nearest_part(part: YearPart, direction: i8, cx: &Context) -> Value {
    let Some(a) = cx.anchor else {
        return resolve_part(part, None, None, cx);
    };
    let (index, now) = match part {
        YearPart::Quarter(q) => (q as i32, quarter_of(a) as i32),
        YearPart::Half(h) => (h as i32, if a.month() <= 6 { 1 } else { 2 }),
        YearPart::Season(s) => (season_index(s), season_of(a)),
    };
    let y = a.year() as i32;
    let year = match direction {
        d if d < 0 && index >= now => y - 1,
        d if d > 0 && index <= now => y + 1,
        _ => y,
    };
    resolve_part(part, Some(year), None, cx)
}

fn resolve_part(part: YearPart, year: Option<i32>, shift: Option<i8>, cx: &Context) -> Value {
    let code = match part {
        YearPart::Quarter(q) => format!("Q{q}"),
        YearPart::Half(h) => format!("H{h}"),
        YearPart::Season(s) => s.to_string(),
    };
    let Some(a) = cx.anchor.filter(|_| year.is_none()) else {
        let y = year.map_or("XXXX".to_string(), |y| format!("{y:04}"));
        return date_value(TimexType::Date, format!("{y}-{code}"), cx.anchor.is_some());
    };
    let (index, now) = match part {
        YearPart::Quarter(q) => (q as i32, quarter_of(a) as i32),
        YearPart::Half(h) => (h as i32, if a.month() <= 6 { 1 } else { 2 }),
        YearPart::Season(s) => (season_index(s), season_of(a)),
    };
    let y = a.year() as i32;
    let year = match (shift, cx.tense) {
        // "last spring" said in December is this year's, over since; "last fall" said in
        // October, with this fall under way, last year's. Winter straddles the new year, so
        // its last one is always counted from the year before.
        (Some(s), _) if s < 0 && matches!(part, YearPart::Season(_)) => {
            if index < now && index != season_index("WI") {
                y
            } else {
                y - 1
            }
        }
        (Some(s), _) if s > 0 && matches!(part, YearPart::Season(_)) => y + 1,
        (Some(s), _) if s < 0 => {
            if index < now {
                y
            } else {
                y - 1
            }
        }
        (Some(s), _) if s > 0 => {
            if index > now {
                y
            } else {
                y + 1
            }
        }
        (Some(_), _) => y,
        // A quarter just over is still talked about in the future tense (results due).
        (None, Some(Tense::Future)) if index < now - 1 => y + 1,
        // A half still to come is this year's ("growth will slow in the second half"); a
        // quarter over is still reported in the future tense in January ("will report
        // fourth-quarter results"), so only halves.
        (None, Some(Tense::Future)) if matches!(part, YearPart::Half(_)) => y,
        // A quarter or half is reported once it is over: the latest one by default.
        (None, _) if index > now && !matches!(part, YearPart::Season(_)) => y - 1,
        (None, Some(Tense::Past)) if index > now => y - 1,
        _ => y,
    };
    date_value(TimexType::Date, format!("{year:04}-{code}"), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024).map(ymd), Some("2024-03-31".into()));
        assert_eq!(easter(2025).map(ymd), Some("2025-04-20".into()));
    }

    #[test]
    fn weekday_search() {
        let sunday = Date::new(2024, 8, 18).unwrap();
        assert_eq!(
            weekday_date(sunday, 5, -1, false).map(ymd),
            Some("2024-08-16".into())
        );
        assert_eq!(
            weekday_date(sunday, 7, -1, true).map(ymd),
            Some("2024-08-11".into())
        );
        assert_eq!(
            weekday_date(sunday, 1, 1, false).map(ymd),
            Some("2024-08-19".into())
        );
    }

    #[test]
    fn durations_print_fractions() {
        assert_eq!(duration(Amount::Num(2.5), Unit::Year), "P2.5Y");
        assert_eq!(duration(Amount::Num(0.5), Unit::Year), "P6M");
        assert_eq!(duration(Amount::Vague, Unit::Week), "PXW");
        assert_eq!(duration(Amount::Num(5.0), Unit::Hour), "PT5H");
        assert_eq!(duration(Amount::Num(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration(Amount::Num(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration(Amount::Num(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration(Amount::Num(1.5), Unit::Day), "P1DT12H");
        assert_eq!(duration(Amount::Num(0.5), Unit::Day), "PT12H");
        assert_eq!(duration(Amount::Num(3.0), Unit::Quarter), "P9M");
        assert_eq!(duration(Amount::Vague, Unit::Quarter), "PXM");
        assert_eq!(duration(Amount::Num(1.0), Unit::Weekend), "P2D");
    }
}
