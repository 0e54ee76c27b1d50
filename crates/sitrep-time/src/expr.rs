//! What a time expression means before it is anchored: the grammar's output and the
//! resolver's input.

use crate::lexicon::{Holiday, Unit};

/// An amount of units: a number, or unknown ("several years" is `PXY`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    Num(f64),
    Vague,
}

/// A part of a year that is not a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearPart {
    /// Quarter 1-4.
    Quarter(u8),
    /// Half 1-2.
    Half(u8),
    /// Season code SP, SU, FA, WI.
    Season(&'static str),
}

/// A part of a month, counted from its start (1, 2, ...) or its end (-1 the last).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MonthPart {
    /// The nth week: the ISO week holding the month's nth Thursday, so that most of its days
    /// are the month's ("the first week of March 2022" is 2022-W09, 28 February to 6 March).
    Week(i8),
    /// The nth weekday of the month: "the first Thursday of February".
    Weekday { weekday: u8, nth: i8 },
    /// Half 1 or 2: the month itself, with mod START or END (TIMEX3 has no half-month).
    Half(u8),
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Clock {
    /// Minutes since midnight (24:00 allowed).
    Minutes(u16),
    /// Minutes since midnight, said in UTC ("18:00 UTC", "0300 GMT"): the value ends in `Z`.
    Utc(u16),
    /// A part of day code: MO, AF, EV, NI, DT.
    Part(&'static str),
}

/// The meaning of a time expression, still relative to an anchor where it is relative.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A calendar date, possibly partial ("August 6", "August 1998", "1998", "Aug. 6, 1998").
    Calendar {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
    },
    /// A month or day in a year counted from the anchor's ("October this year", "June 5 last
    /// year"): `date` is a calendar date without its year.
    InYear { date: Box<Expr>, years: i8 },
    /// A unit, weekday or month counted from the time last mentioned rather than from the
    /// anchor ("the following year", "that day", "the previous Friday").
    Anaphoric(Box<Expr>),
    /// A decade: 199 for the 1990s; `century_known` is false for "the '90s".
    Decade { decade: i32 },
    /// A century: 19 for the 20th century.
    Century(i32),
    /// A weekday, with last/this/next where given.
    Weekday { weekday: u8, shift: Option<i8> },
    /// A weekday in the week before, of or after the anchor's: "Thursday last week".
    WeekdayOfWeek { weekday: u8, week: i8 },
    /// A month named with last/this/next ("last November").
    MonthShift { month: u8, shift: i8 },
    /// A holiday named with last/this/next ("last Christmas", "the next Independence Day").
    HolidayShift { holiday: Holiday, shift: i8 },
    /// A quarter, half or season, with its year or a shift.
    Part {
        part: YearPart,
        year: Option<i32>,
        shift: Option<i8>,
    },
    /// The nearest season before (-1) or after (+1) the anchor's: "this past spring".
    NearestPart { part: YearPart, direction: i8 },
    /// A quarter, half or season of a year counted from the anchor's ("last year's third
    /// quarter").
    PartOfShiftedYear { part: YearPart, years: i8 },
    /// A unit counted from the anchor ("last year", "this week", "next month").
    UnitShift { unit: Unit, shift: i8 },
    /// A date some units before (-1) or after (+1) the anchor ("two weeks ago").
    Ago {
        amount: Amount,
        unit: Unit,
        direction: i8,
    },
    /// A day counted from the anchor ("yesterday"), or a weekday, with a time of day.
    Day {
        date: Box<Expr>,
        clock: Option<Clock>,
    },
    /// A day relative to the anchor: 0 today, -1 yesterday.
    DayOffset(i8),
    /// A holiday, in a given year or the one the tense points to.
    Holiday { holiday: Holiday, year: Option<i32> },
    /// "the quarter": the quarter under discussion, in the year given if one is ("the 1988
    /// quarter").
    ThisQuarter(Option<i32>),
    /// "the latest quarter", "the latest period": the last quarter over, the one before the
    /// anchor's, whatever quarter was discussed before.
    LatestQuarter,
    /// "the quarter ended Sept. 30": the quarter under discussion if one was named, else the
    /// three months up to that date, named by the calendar quarter most of them fall in (a
    /// quarter ended July 31 is the second).
    QuarterEnding(Box<Expr>),
    /// "the year-earlier quarter": the quarter under discussion, a year before.
    YearEarlierQuarter,
    /// "the same month last year": the time inside, a year before.
    YearBefore(Box<Expr>),
    /// "year-end", "the year's end": the end of the anchor's year, or of the year before in
    /// the past tense ("had $38 million at year's end", said in January), as this year's
    /// end is still to come (until December).
    YearEnd,
    /// A length of time.
    Duration { amount: Amount, unit: Unit },
    /// A fixed value: PRESENT_REF, PAST_REF, FUTURE_REF.
    Reference {
        kind: &'static str,
        value: &'static str,
    },
    /// A recurring time.
    Set {
        amount: Amount,
        unit: Unit,
        quant: Option<&'static str>,
        freq: Option<u32>,
    },
    /// An amount of time in every unit ("40 hours a week", "seven days a week"): the unit
    /// recurs, the amount is its frequency.
    Rate { amount: f64, unit: Unit, per: Unit },
    /// A recurring weekday ("every Friday", "on Saturdays"), or a part of it ("Tuesday
    /// nights").
    WeekdaySet {
        weekday: u8,
        quant: Option<&'static str>,
        part: Option<&'static str>,
    },
    /// A recurring month ("each July").
    MonthSet {
        month: u8,
        quant: Option<&'static str>,
    },
    /// A recurring season ("every summer", "her summers") or weekend ("on weekends"):
    /// `season` is what follows `XXXX-` in its TIMEX3 value (`SU`, `WXX-WE`).
    SeasonSet {
        season: &'static str,
        quant: Option<&'static str>,
    },
    /// A day some days from a named one ("the day before last Tuesday": -1).
    DaysFrom { date: Box<Expr>, days: i8 },
    /// "this past week": the week ending, said from Friday on; else the week before.
    ThisPastWeek,
    /// The week a date falls in ("the week of March 6").
    WeekOf(Box<Expr>),
    /// The weekend next to a holiday ("Labor Day weekend"): the one before a Monday, else
    /// the one that ends the holiday's week.
    WeekendOf(Box<Expr>),
    /// A week, weekday or half of a month ("the last week of May"): `month` is a calendar
    /// month, with its year if one was given.
    OfMonth { part: MonthPart, month: Box<Expr> },
}

impl Expr {
    /// `date` at a part of its day: "Friday night", "this morning", "the evening".
    pub(crate) fn at_part(date: Expr, part: &'static str) -> Expr {
        Expr::Day {
            date: Box::new(date),
            clock: Some(Clock::Part(part)),
        }
    }

    /// Whether the expression names a point that tense can move (a month or weekday without
    /// its year or week).
    pub(crate) fn needs_tense(&self) -> bool {
        matches!(
            self,
            Expr::Calendar { year: None, .. }
                | Expr::Weekday {
                    shift: None | Some(0),
                    ..
                }
                | Expr::Part {
                    year: None,
                    shift: None,
                    ..
                }
                | Expr::Holiday { year: None, .. }
                | Expr::YearEnd
                | Expr::UnitShift {
                    unit: crate::lexicon::Unit::Weekend | crate::lexicon::Unit::Week,
                    shift: 0
                }
        ) || matches!(self, Expr::Day { date, .. } | Expr::WeekOf(date) | Expr::WeekendOf(date) | Expr::OfMonth { month: date, .. } | Expr::DaysFrom { date, .. } | Expr::QuarterEnding(date) if date.needs_tense())
    }
}
