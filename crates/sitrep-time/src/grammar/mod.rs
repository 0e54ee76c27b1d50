//! The grammar of English time expressions, over the classes the lexicon gives each token.
//!
//! At every token the parser tries each pattern and keeps the longest match, with any
//! modifier before it ("early", "more than") and after it ("or so"). The patterns are code;
//! the words they are made of come from `data/time/`, and `data/time/examples.tsv` holds an
//! example of every pattern, run by the tests.

mod atoms;
mod calendar;
mod relative;

pub(crate) use atoms::Ctx;

use crate::expr::{Amount, Expr, MonthPart};
use crate::lexicon::Class;

/// A match: tokens `[start, end)`, meaning and modifier.
#[derive(Clone, Debug)]
pub(crate) struct Match {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<&'static str>,
}

/// A parse result: the token after the match, and what matched.
type P<T> = Option<(usize, T)>;

impl Ctx<'_> {
    /// Parses the longest time expression starting at token `i`.
    pub(crate) fn parse(&self, i: usize) -> Option<Match> {
        let mut best: Option<Match> = self.core(i).map(|(end, expr)| Match {
            start: i,
            end,
            expr,
            modifier: None,
        });
        for h in self.hits(i) {
            if let Class::PreMod(m) = h.class {
                // "cost $33.6 billion over a decade": across it, not more than it.
                if self.is(i, "over") && i > 0 && self.amount_word(i - 1) {
                    continue;
                }
                let from = self.skip_hyphen(h.end);
                if let Some((end, expr)) = self.core(from) {
                    let comparative = !matches!(m, "START" | "MID" | "END" | "APPROX");
                    if comparative && self.amount(from).is_none() {
                        continue;
                    }
                    if best.as_ref().is_none_or(|b| end > b.end) && modifiable(&expr, m) {
                        best = Some(Match {
                            start: i,
                            end,
                            expr,
                            modifier: Some(m),
                        });
                    }
                }
            }
        }
        let mut m = best?;
        if self.unit_compound(m.end) {
            return None;
        }
        // Half a month is the month from its start or to its end.
        if let Expr::OfMonth {
            part: MonthPart::Half(h),
            ..
        } = m.expr
        {
            m.modifier = m.modifier.or(Some(if h == 1 { "START" } else { "END" }));
        }
        if let Some((end, post)) = self.find(m.end, |c| match c {
            Class::PostMod(p) => Some(p),
            _ => None,
        }) {
            if m.modifier.is_none() && !matches!(m.expr, Expr::Reference { .. }) {
                m.end = end;
                m.modifier = Some(post);
            }
        }
        Some(m)
    }

    /// Whether a unit that ends a match at `end` opens a compound of two units: "the
    /// quarter-to-quarter comparison", "a year-on-year rise", "the week-to-week changes". Such
    /// a compound compares periods and names none.
    fn unit_compound(&self, end: usize) -> bool {
        let unit = |k: usize| {
            matches!(
                self.word(k),
                Some("day" | "week" | "month" | "quarter" | "year")
            )
        };
        end > 0
            && unit(end - 1)
            && self.is(end, "-")
            && matches!(self.word(end + 1), Some("to" | "on" | "over" | "by"))
            && self.is(end + 2, "-")
    }

    /// The longest unmodified expression at `i`.
    fn core(&self, i: usize) -> P<Expr> {
        let candidates = [
            self.clock_time(i),
            self.calendar(i),
            self.numeric_date(i),
            self.coordinated_day(i),
            self.range_start_day(i),
            self.shifted(i),
            self.amount_unit(i),
            self.ordinal_part(i),
            self.month_part(i),
            self.season(i),
            self.day_word(i),
            self.part_then_day(i),
            self.reference(i),
            self.set(i),
            self.the_unit(i),
            self.year_ago(i),
            self.same_a_year_before(i),
            self.spelled_year(i),
            self.year_end(i),
        ];
        candidates.into_iter().flatten().max_by_key(|(end, _)| *end)
    }
}

/// Whether modifier `m` may apply to `expr`: "early" to a date, "more than" to a duration.
fn modifiable(expr: &Expr, m: &str) -> bool {
    let duration = matches!(expr, Expr::Duration { .. } | Expr::Ago { .. });
    match m {
        "START" | "MID" | "END" => {
            !matches!(expr, Expr::Reference { .. } | Expr::Set { .. })
                && !matches!(
                    expr,
                    Expr::Duration {
                        amount: Amount::Num(_),
                        ..
                    }
                )
        }
        "LESS_THAN" | "MORE_THAN" | "EQUAL_OR_MORE" | "EQUAL_OR_LESS" => duration,
        _ => !matches!(expr, Expr::Reference { .. }),
    }
}
