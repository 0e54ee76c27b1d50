//! Numbers: digits with separators and suffixes ("120,000", "2.5", "9.1bn", "3km"), number
//! words ("two and a half", "a dozen", "tens of thousands", "a third of"), and the multiplier
//! words after them ("1.5 million").

use sitrep_doc::layers::{FigureQualifier, TokenKind};

use crate::digits::{digits, pow10};
use crate::lexicon::{Class, NumberWord};
use crate::tokens::Sent;

/// What a number says: one value, or only a lower end (a vague plural).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    /// A single number.
    Value(f64),
    /// A vague quantity: its lower end ("hundreds" → 200).
    Vague(f64),
}

/// A number found at a token, before ranges, units and the counted thing are added.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Num {
    /// First token (index in the sentence).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its value.
    pub amount: Amount,
    /// The value before a multiplier, to share one across a range ("5-7bn").
    pub base: f64,
    /// The power of ten of its multiplier ("million" → 6), if it has one.
    pub mult: Option<i32>,
    /// Written in digits (else in words).
    pub digits: bool,
    /// Four digits without separators between 1000 and 2100: maybe a year.
    pub yearlike: bool,
    /// An integer below 1000 without separators: maybe a list number ("1.").
    pub small_int: bool,
    /// Reads as a time of day in the British style: "12.30", "14.00".
    pub clock_like: bool,
    /// A fraction ("a third of"), whose counted thing follows "of".
    pub fraction: bool,
    /// A unit written as a suffix of the digits ("3km", "10-day").
    pub unit: Option<&'static str>,
    /// An "m" that is million next to a currency or before a plural noun, else metres.
    pub m_suffix: bool,
    /// A qualifier written as a suffix ("1,000-plus").
    pub after: Option<FigureQualifier>,
    /// A noun joined to the number by a hyphen, which the figure counts: "36-page",
    /// "three-day", "seven-year-old".
    pub compound: bool,
}

impl Num {
    fn words(start: usize, end: usize, amount: Amount) -> Num {
        let base = match amount {
            Amount::Value(v) | Amount::Vague(v) => v,
        };
        Num {
            start,
            end,
            amount,
            base,
            mult: None,
            digits: false,
            yearlike: false,
            small_int: false,
            clock_like: false,
            fraction: false,
            unit: None,
            m_suffix: false,
            after: None,
            compound: false,
        }
    }

    /// The single value, if it is one.
    pub fn value(&self) -> Option<f64> {
        match self.amount {
            Amount::Value(v) => Some(v),
            Amount::Vague(_) => None,
        }
    }
}

/// Where a cardinal in words stands, for which word may come next.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Last {
    Nothing,
    Unit,
    Teen,
    Tens,
    Hundred,
    Big,
    Half,
}

/// A cardinal in words being read: "one hundred and twenty thousand".
#[derive(Clone, Copy, Debug)]
struct Cardinal {
    total: f64,
    current: f64,
    last: Last,
}

impl Cardinal {
    /// Takes the next word; false when it cannot continue the number.
    fn step(&mut self, word: NumberWord) -> bool {
        use Last::*;
        let after_group = matches!(self.last, Nothing | Hundred | Big);
        match word {
            NumberWord::Card(n) if n < 10 && (after_group || self.last == Tens) => {
                self.current += f64::from(n);
                self.last = Unit;
            }
            NumberWord::Card(n) if n < 20 && after_group => {
                self.current += f64::from(n);
                self.last = Teen;
            }
            NumberWord::Card(n) if n >= 20 && after_group => {
                self.current += f64::from(n);
                self.last = Tens;
            }
            NumberWord::Mult(2) if matches!(self.last, Unit | Teen | Tens) => {
                self.current *= 100.0;
                self.last = Hundred;
            }
            NumberWord::Mult(e)
                if e > 2 && matches!(self.last, Unit | Teen | Tens | Hundred | Half) =>
            {
                self.total += pow10(self.current, e);
                self.current = 0.0;
                self.last = Big;
            }
            NumberWord::Dozen(n) if matches!(self.last, Unit | Teen | Tens) => {
                self.current *= f64::from(n);
                self.last = Big;
            }
            _ => return false,
        }
        true
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }
}

impl Sent<'_, '_> {
    fn number_word(&self, k: usize) -> Option<NumberWord> {
        self.tok(k).and_then(|t| t.info.number)
    }

    /// The number word of a hyphenated token's first part ("twenty-five", "two-thirds").
    fn first_part(&self, k: usize) -> Option<NumberWord> {
        let (first, _) = self.tok(k)?.lower.split_once('-')?;
        self.lex.word(first).number
    }

    fn is_article(&self, k: usize) -> bool {
        self.is_word(k, "a") || self.is_word(k, "an")
    }

    /// "and a half" at `k`.
    fn and_a_half(&self, k: usize) -> bool {
        self.is_word(k, "and") && self.is_article(k + 1) && self.is_word(k + 2, "half")
    }

    /// The number starting at token `i`, if one does.
    pub fn number(&self, i: usize) -> Option<Num> {
        let t = self.tok(i)?;
        let first = *t.lower.as_bytes().first()?;
        let signed = matches!(first, b'-' | b'+') && t.kind == TokenKind::Number;
        match t.kind {
            TokenKind::Number | TokenKind::Word if first.is_ascii_digit() || signed => {
                self.digit_number(i)
            }
            TokenKind::Word => self.word_number(i),
            _ => None,
        }
    }

    fn digit_number(&self, i: usize) -> Option<Num> {
        let t = self.tok(i)?;
        let mut d = digits(&t.lower)?;
        let mut end = i + 1;
        // "120 000": groups of three digits after single spaces.
        if d.rest.is_empty() && d.scale == 0 && !d.separators && d.mantissa < 1000 {
            while let Some(n) = self.tok(end) {
                let group = n.kind == TokenKind::Number
                    && n.one_space_before
                    && n.lower.len() == 3
                    && n.lower.bytes().all(|b| b.is_ascii_digit());
                let Some(m) = group.then(|| n.lower.parse::<u64>().ok()).flatten() else {
                    break;
                };
                d.mantissa = d.mantissa.checked_mul(1000)?.checked_add(m)?;
                d.separators = true;
                end += 1;
            }
        }
        let mut num = Num::words(i, end, Amount::Value(0.0));
        num.digits = true;
        num.yearlike = !d.negative
            && !d.separators
            && d.scale == 0
            && d.vulgar == 0.0
            && (1000..=2100).contains(&d.mantissa)
            && t.lower.len() - d.rest.len() == 4;
        num.small_int = !d.separators && d.scale == 0 && d.mantissa < 1000;
        num.clock_like = d.scale == 2
            && !d.separators
            && d.rest.is_empty()
            && d.mantissa / 100 <= 23
            && d.mantissa % 100 < 60;
        let rest = d.rest.strip_prefix('-').unwrap_or(d.rest);
        let mut e = 0;
        if !rest.is_empty() {
            match self.lex.word(rest).number {
                Some(NumberWord::Mult(m)) => num.mult = Some(m),
                Some(NumberWord::MoneyMult(_)) => num.m_suffix = true,
                _ => {
                    if let Some(u) = self.lex.units_after.single(rest) {
                        num.unit = Some(u);
                    } else if let Some(q) = self.lex.qualifiers_after.single(rest) {
                        num.after = Some(q);
                    } else if d.rest.starts_with('-') {
                        num.unit = self.compound(rest)?;
                        num.compound = true;
                    } else {
                        return None;
                    }
                }
            }
        }
        let mut half = 0.0;
        let bare = num.mult.is_none() && num.unit.is_none() && !num.m_suffix;
        if bare && self.and_a_half(end) {
            half = 0.5;
            end += 3;
        }
        let mut factor = 1.0;
        if bare {
            while let Some(w) = self.number_word(end) {
                match w {
                    NumberWord::Mult(m) => num.mult = Some(num.mult.unwrap_or(0) + m),
                    NumberWord::Dozen(n) => factor = f64::from(n),
                    NumberWord::MoneyMult(_) => num.m_suffix = true,
                    _ => break,
                }
                end += 1;
                if !matches!(w, NumberWord::Mult(_)) {
                    break;
                }
            }
        }
        e += num.mult.unwrap_or(0);
        num.end = end;
        num.base = d.value(half, 0);
        num.amount = Amount::Value(d.value(half, e) * factor);
        if half > 0.0 || factor != 1.0 || num.mult.is_some() {
            num.yearlike = false;
        }
        Some(num)
    }

    fn word_number(&self, i: usize) -> Option<Num> {
        let word = |k| self.number_word(k);
        if self.is_article(i) {
            return match word(i + 1)? {
                NumberWord::Dozen(n) => Some(Num::words(i, i + 2, Amount::Value(f64::from(n)))),
                NumberWord::Mult(_) => self.cardinal(i, true),
                NumberWord::Several(n) => match word(i + 2)? {
                    NumberWord::Mult(e) => {
                        Some(Num::words(i, i + 3, Amount::Vague(pow10(f64::from(n), e))))
                    }
                    _ => None,
                },
                NumberWord::Frac(d) if self.is_word(i + 2, "of") => {
                    let mut n = Num::words(i, i + 2, Amount::Value(1.0 / f64::from(d)));
                    n.fraction = true;
                    Some(n)
                }
                _ => None,
            };
        }
        let vague_of = |k: usize| match (self.is_word(k, "of"), word(k + 1)) {
            (true, Some(NumberWord::Vague(low))) if low >= 2000.0 => Some(low / 2.0),
            _ => None,
        };
        let Some(first) = word(i) else {
            return self.hyphenated(i);
        };
        match first {
            NumberWord::Frac(2) if self.is_article(i + 1) => match word(i + 2)? {
                NumberWord::Mult(e) => Some(Num::words(i, i + 3, Amount::Value(pow10(0.5, e)))),
                NumberWord::Dozen(n) => {
                    Some(Num::words(i, i + 3, Amount::Value(f64::from(n) / 2.0)))
                }
                _ => None,
            },
            NumberWord::Vague(low) => Some(match vague_of(i + 1) {
                Some(scale) => Num::words(i, i + 3, Amount::Vague(low * scale)),
                None => Num::words(i, i + 1, Amount::Vague(low)),
            }),
            NumberWord::Tens(tens) => {
                let scale = vague_of(i + 1)?;
                Some(Num::words(i, i + 3, Amount::Vague(tens * scale)))
            }
            NumberWord::Several(n) => match word(i + 1)? {
                NumberWord::Mult(e) => {
                    Some(Num::words(i, i + 2, Amount::Vague(pow10(f64::from(n), e))))
                }
                _ => None,
            },
            NumberWord::Card(_) => self.cardinal(i, false),
            _ => None,
        }
    }

    /// A hyphenated cardinal ("twenty-five", "two-thirds of"), or a number word joined to the
    /// noun it counts ("three-day", "seven-year-old").
    fn hyphenated(&self, i: usize) -> Option<Num> {
        let NumberWord::Card(n) = self.first_part(i)? else {
            return None;
        };
        let (_, rest) = self.tok(i)?.lower.split_once('-')?;
        if self.lex.word(compound_noun(rest)).number.is_some() {
            return self.cardinal(i, false);
        }
        let unit = self.compound(rest)?;
        let mut num = Num::words(i, i + 1, Amount::Value(f64::from(n)));
        num.unit = unit;
        num.compound = true;
        Some(num)
    }

    /// Whether `rest`, the words after a number and a hyphen, is a noun the number counts
    /// ("page", "member", "year-old"); `Some` of its unit when it names one ("day" → days).
    fn compound(&self, rest: &str) -> Option<Option<&'static str>> {
        let noun = compound_noun(rest);
        let ok = noun.len() >= 3
            && noun.chars().all(|c| c.is_ascii_alphabetic())
            && !self.lex.word(noun).is(Class::CompoundStop);
        ok.then(|| self.lex.units_after.single(noun))
    }

    /// A cardinal in words from token `i` ("two and a half", "one hundred and twenty",
    /// "twenty-five", "two thirds of"); `article` when token `i` is "a"/"an" standing for one.
    fn cardinal(&self, i: usize, article: bool) -> Option<Num> {
        let mut acc = Cardinal {
            total: 0.0,
            current: if article { 1.0 } else { 0.0 },
            last: if article { Last::Unit } else { Last::Nothing },
        };
        let mut k = i + usize::from(article);
        let mut end = k;
        while let Some(t) = self.tok(k) {
            if t.kind != TokenKind::Word {
                break;
            }
            if &*t.lower == "and" {
                if self.and_a_half(k) && !matches!(acc.last, Last::Nothing | Last::Half) {
                    acc.current += 0.5;
                    acc.last = Last::Half;
                    k += 3;
                    end = k;
                    continue;
                }
                let card_next = matches!(self.number_word(k + 1), Some(NumberWord::Card(_)));
                if matches!(acc.last, Last::Hundred | Last::Big) && card_next {
                    k += 1;
                    continue;
                }
                break;
            }
            let before = acc;
            let mut parts = t.lower.split('-').peekable();
            let mut whole = true;
            while let Some(part) = parts.next() {
                let Some(w) = self.lex.word(part).number else {
                    whole = false;
                    break;
                };
                if acc.step(w) {
                    continue;
                }
                // "two thirds of", "a third of", "two-thirds of"
                let small = acc.total == 0.0 && acc.current <= 10.0;
                if let (NumberWord::Frac(d), true, None) =
                    (w, small && acc.last == Last::Unit, parts.peek())
                {
                    if !self.is_word(k + 1, "of") {
                        return None;
                    }
                    let mut n = Num::words(i, k + 1, Amount::Value(acc.current / f64::from(d)));
                    n.fraction = true;
                    return Some(n);
                }
                whole = false;
                break;
            }
            if !whole {
                acc = before;
                break;
            }
            k += 1;
            end = k;
        }
        if acc.last == Last::Nothing || end == i {
            return None;
        }
        // A lone "one" is a pronoun or a determiner far more often than a count.
        if !article && end == i + 1 && self.is_word(i, "one") {
            return None;
        }
        Some(Num::words(i, end, Amount::Value(acc.value())))
    }
}

/// The first word after a number's hyphen: "page" of "page", "year" of "year-old".
pub(crate) fn compound_noun(after_hyphen: &str) -> &str {
    after_hyphen.split('-').next().unwrap_or(after_hyphen)
}
