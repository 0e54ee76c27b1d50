//! Numbers in digits: "120,000", "2.5", "1.000.000", "2,5", "-5", "2½", and what follows
//! them inside the token ("9.1bn", "3km", "20th").

/// `m × 10^e`, exact when both are (one rounding at most).
pub(crate) fn pow10(m: f64, e: i32) -> f64 {
    if e >= 0 {
        m * 10f64.powi(e)
    } else {
        m / 10f64.powi(-e)
    }
}

/// A number in digits at the start of a token, and what follows it in the token.
#[derive(Debug, PartialEq)]
pub(crate) struct Digits<'s> {
    pub negative: bool,
    /// All the digits as one integer.
    pub mantissa: u64,
    /// How many of them are decimals.
    pub scale: i32,
    /// A vulgar fraction after the digits ("2½").
    pub vulgar: f64,
    /// Thousands separators were used.
    pub separators: bool,
    /// What follows in the token ("bn", "km", "-million", "th").
    pub rest: &'s str,
}

impl Digits<'_> {
    pub fn value(&self, extra: f64, e: i32) -> f64 {
        let v = pow10(self.mantissa as f64, e - self.scale) + pow10(self.vulgar + extra, e);
        if self.negative {
            -v
        } else {
            v
        }
    }
}

/// Reads "120,000", "2.5", "1.000.000", "2,5", "-5", "2½km"; `None` for anything else
/// ("1,2,3", "10:30" is read as "10" with rest ":30", which the caller rejects).
pub(crate) fn digits(s: &str) -> Option<Digits<'_>> {
    let (negative, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let len = body
        .bytes()
        .position(|b| !(b.is_ascii_digit() || b == b',' || b == b'.'))
        .unwrap_or(body.len());
    let (num, rest) = body.split_at(len);
    let b = num.as_bytes();
    if !b.first()?.is_ascii_digit() || !b.last()?.is_ascii_digit() {
        return None;
    }
    let decimal = decimal_separator(num)?;
    let mut mantissa: u64 = 0;
    let mut scale = 0;
    let mut in_fraction = false;
    for c in num.bytes() {
        if c.is_ascii_digit() {
            mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
            scale += i32::from(in_fraction);
        } else if Some(c) == decimal {
            in_fraction = true;
        }
    }
    let separators = num
        .bytes()
        .any(|c| !c.is_ascii_digit() && Some(c) != decimal);
    let (vulgar, rest) = match rest.chars().next() {
        Some(c @ ('½' | '¼' | '¾' | '⅓' | '⅔')) => {
            let v = match c {
                '½' => 0.5,
                '¼' => 0.25,
                '¾' => 0.75,
                '⅓' => 1.0 / 3.0,
                _ => 2.0 / 3.0,
            };
            (v, &rest[c.len_utf8()..])
        }
        _ => (0.0, rest),
    };
    Some(Digits {
        negative,
        mantissa,
        scale,
        vulgar,
        separators,
        rest,
    })
}

/// Which of `,` and `.` is the decimal mark in `num` (digits and separators), `Some(None)`
/// when there is none, `None` when the separators make no number ("1,2,3").
fn decimal_separator(num: &str) -> Option<Option<u8>> {
    let seps: Vec<(usize, u8)> = num
        .bytes()
        .enumerate()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
    let Some(&(last_at, last)) = seps.last() else {
        return Some(None);
    };
    let tail = num.len() - last_at - 1;
    let decimal = if seps.len() == 1 {
        // "2.5" and "2,5" are decimals, "1,000" a thousand; "1.000" reads as a decimal.
        (last != b',' || tail != 3).then_some(last)
    } else if seps.iter().all(|&(_, c)| c == last) {
        None // "1,000,000", "1.000.000"
    } else {
        Some(last) // "1,234.5", "1.234,5"
    };
    let grouping: Vec<(usize, u8)> = seps
        .iter()
        .copied()
        .filter(|&(at, _)| decimal.is_none() || at != last_at)
        .collect();
    // One to three digits before the first thousands separator, exactly three after each.
    for (n, &(at, c)) in grouping.iter().enumerate() {
        let group = if n == 0 {
            at
        } else {
            at - grouping[n - 1].0 - 1
        };
        let ok = if n == 0 {
            (1..=3).contains(&group)
        } else {
            group == 3
        };
        if !ok || Some(c) == decimal {
            return None;
        }
    }
    if let Some(&(at, _)) = grouping.last() {
        let next = if decimal.is_some() {
            last_at
        } else {
            num.len()
        };
        if next - at - 1 != 3 {
            return None;
        }
    }
    Some(decimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<(f64, &str)> {
        digits(s).map(|d| (d.value(0.0, 0), d.rest))
    }

    #[test]
    fn reads_digits() {
        assert_eq!(value("120,000"), Some((120000.0, "")));
        assert_eq!(value("2.5"), Some((2.5, "")));
        assert_eq!(value("1.000.000"), Some((1e6, "")));
        assert_eq!(value("2,5"), Some((2.5, "")));
        assert_eq!(value("1,234.5"), Some((1234.5, "")));
        assert_eq!(value("1.234,5"), Some((1234.5, "")));
        assert_eq!(value("9.1bn"), Some((9.1, "bn")));
        assert_eq!(value("-5"), Some((-5.0, "")));
        assert_eq!(value("2½"), Some((2.5, "")));
        assert_eq!(value("20th"), Some((20.0, "th")));
        assert_eq!(value("1,2,3"), None);
        assert_eq!(value("12345,678"), None);
        assert_eq!(value("1,00"), Some((1.0, "")));
        assert_eq!(value("km"), None);
    }

    #[test]
    fn multiplies_exactly() {
        let d = digits("9.1").unwrap();
        assert_eq!(d.value(0.0, 9), 9.1e9);
        let d = digits("1.5").unwrap();
        assert_eq!(d.value(0.0, 6), 1_500_000.0);
    }
}
