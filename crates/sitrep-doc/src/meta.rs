//! Article metadata: identity, provenance and the publication date.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, Time};
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::Offset;

use crate::Error;

/// What is known about an article besides its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// A stable identifier: the input's own id, or one derived from the file name and line.
    pub id: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// The publisher or outlet ("Reuters", "Efe").
    pub source: Option<String>,
    /// When it was published: the anchor for relative time expressions.
    pub published: Option<Published>,
    /// ISO 639-1 language code, where the input states one.
    pub language: Option<String>,
}

/// A publication date, with a time of day and a UTC offset where the input gives them.
///
/// News metadata comes in many shapes; [`Published::from_str`] accepts the common ones:
/// ISO 8601 / RFC 3339 (`2024-08-18`, `2024-08-18T09:30:00Z`, `2024-08-18 09:30:00+02:00`),
/// RFC 2822 as in RSS (`Sun, 18 Aug 2024 09:30:00 GMT`), and the compact GDELT form
/// (`20240818T093000Z`, `20240818093000`, `20240818`). It is written back as ISO 8601.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    /// The calendar date.
    pub date: Date,
    /// The time of day, if given.
    pub time: Option<Time>,
    /// The UTC offset, if given (`Z` is offset zero).
    pub offset: Option<Offset>,
}

impl Published {
    /// A date without a time.
    pub fn from_date(date: Date) -> Published {
        Published {
            date,
            time: None,
            offset: None,
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(time) = self.time {
            write!(f, "T{}", time.strftime("%H:%M:%S"))?;
            match self.offset {
                Some(offset) if offset == Offset::UTC => write!(f, "Z")?,
                Some(offset) => {
                    // RFC 3339 wants `+02:00`; jiff's Display would write `+02`.
                    let secs = offset.seconds();
                    let sign = if secs < 0 { '-' } else { '+' };
                    let mins = secs.unsigned_abs() / 60;
                    write!(f, "{sign}{:02}:{:02}", mins / 60, mins % 60)?
                }
                None => {}
            }
        }
        Ok(())
    }
}

impl FromStr for Published {
    type Err = Error;

    fn from_str(input: &str) -> Result<Published, Error> {
        let s = input.trim();
        let bad = |reason: &str| Error::BadDate {
            value: input.to_string(),
            reason: reason.to_string(),
        };
        if s.is_empty() {
            return Err(bad("the date is empty"));
        }
        if let Some(p) = parse_compact(s) {
            return Ok(p);
        }
        let iso = Pieces::parse(s);
        if let Ok(pieces) = iso {
            let offset = match pieces.offset() {
                Some(PiecesOffset::Zulu) => Some(Offset::UTC),
                Some(PiecesOffset::Numeric(n)) => Some(n.offset()),
                _ => None,
            };
            return Ok(Published {
                date: pieces.date(),
                time: pieces.time(),
                offset,
            });
        }
        if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
            return Ok(Published {
                date: zoned.date(),
                time: Some(zoned.time()),
                offset: Some(zoned.offset()),
            });
        }
        let looks_iso = s.len() >= 10
            && s.as_bytes()[4] == b'-'
            && s.as_bytes()[..4].iter().all(u8::is_ascii_digit);
        if let (true, Err(err)) = (looks_iso, iso) {
            return Err(bad(&format!("no such date or time ({err})")));
        }
        Err(bad(
            "expected ISO 8601 (2024-08-18, 2024-08-18T09:30:00Z), RFC 2822 \
             (Sun, 18 Aug 2024 09:30:00 GMT) or GDELT's 20240818T093000Z",
        ))
    }
}

/// GDELT and many crawls write `YYYYMMDD`, `YYYYMMDDhhmmss` or `YYYYMMDDThhmmssZ`.
fn parse_compact(s: &str) -> Option<Published> {
    let (digits, zulu) = match s.strip_suffix('Z') {
        Some(rest) => (rest.replacen('T', "", 1), true),
        None => (s.to_string(), false),
    };
    if !(digits.len() == 8 || digits.len() == 14) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| digits[r].parse::<i16>().ok();
    let date = Date::new(num(0..4)?, num(4..6)? as i8, num(6..8)? as i8).ok()?;
    if digits.len() == 8 {
        return Some(Published::from_date(date));
    }
    let time = Time::new(num(8..10)? as i8, num(10..12)? as i8, num(12..14)? as i8, 0).ok()?;
    Some(Published {
        date,
        time: Some(time),
        offset: zulu.then_some(Offset::UTC),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(s: &str) -> String {
        s.parse::<Published>().unwrap().to_string()
    }

    #[test]
    fn accepts_the_common_forms() {
        assert_eq!(round("2024-08-18"), "2024-08-18");
        assert_eq!(round("2024-08-18T09:30:00Z"), "2024-08-18T09:30:00Z");
        assert_eq!(
            round("2024-08-18 09:30:00+02:00"),
            "2024-08-18T09:30:00+02:00"
        );
        assert_eq!(
            round("Sun, 18 Aug 2024 09:30:00 GMT"),
            "2024-08-18T09:30:00Z"
        );
        assert_eq!(round("20220125T090000Z"), "2022-01-25T09:00:00Z");
        assert_eq!(round("20220125"), "2022-01-25");
    }

    #[test]
    fn impossible_dates_say_so() {
        let err = "2024-02-30".parse::<Published>().unwrap_err().to_string();
        assert!(
            err.starts_with("bad date \"2024-02-30\": no such date"),
            "{err}"
        );
    }

    #[test]
    fn rejects_impossible_and_garbage_dates() {
        for bad in ["2024-02-30", "yesterday", "", "2024-13-01", "20241340"] {
            let err = bad.parse::<Published>().unwrap_err();
            assert!(err.to_string().contains("date"), "{bad}: {err}");
        }
    }
}
