//! A light scanner: one pass over the text into words, numbers and punctuation, each with
//! its byte span and a lower-cased form.
//!
//! It does not depend on the token layer of `sitrep-text`: time expressions need less (no
//! abbreviations, no URLs) and a different split (a hyphen is its own token, so
//! "third-quarter" reads as "third quarter", and "1990s" is a number with a plural suffix).

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters; a clitic (`'s`) is a word of its own.
    Word,
    /// Digits, with thousands separators or a decimal part.
    Number,
    /// One other character.
    Punct,
}

/// What follows the digits of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Suffix {
    None,
    /// `1990s`.
    Plural,
    /// `20th`, `1st`.
    Ordinal,
}

/// The value of a number token.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Number {
    pub value: f64,
    /// Count of digits before any decimal point, separators excluded.
    pub digits: u8,
    /// No separators and no decimal part.
    pub plain: bool,
    pub suffix: Suffix,
    /// Written with a leading apostrophe (`'90s`, `'98`).
    pub apostrophe: bool,
}

/// A token of the scanned text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    norm_start: u32,
    norm_end: u32,
    /// Whitespace precedes the token.
    pub space_before: bool,
    /// A line break precedes the token.
    pub newline_before: bool,
    /// The first character is upper case.
    pub capital: bool,
    pub number: Option<Number>,
}

impl Token {
    /// The lower-cased form.
    pub(crate) fn norm<'n>(&self, norm: &'n str) -> &'n str {
        &norm[self.norm_start as usize..self.norm_end as usize]
    }
}

/// The tokens of a text and the buffer that holds their lower-cased forms.
#[derive(Debug, Default)]
pub(crate) struct Scanned {
    pub tokens: Vec<Token>,
    pub norm: String,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

/// Scans `text` in one pass.
pub(crate) fn scan(text: &str) -> Scanned {
    let mut out = Scanned {
        tokens: Vec::with_capacity(text.len() / 5),
        norm: String::with_capacity(text.len()),
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    let (mut space, mut newline) = (true, false);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            newline |= b == b'\n';
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        let start = i;
        let norm_start = out.norm.len() as u32;
        let mut number = None;
        let kind;
        if is_word_char(c) {
            i = word_end(text, i, &mut out.norm);
            kind = Kind::Word;
        } else if b.is_ascii_digit() {
            let (end, n) = number_end(text, i, &mut out.norm, false);
            i = end;
            number = Some(n);
            kind = Kind::Number;
        } else if text[i..].starts_with("''") {
            // Two apostrophes are a double quote mark, as some papers write it: "''The
            // attack that happened today,'' he said".
            i += 2;
            kind = Kind::Punct;
            out.norm.push_str("''");
        } else if is_apostrophe(c)
            && next_char(text, i + c.len_utf8()).is_some_and(is_word_char)
            && !space
        {
            out.norm.push('\'');
            i = word_end(text, i + c.len_utf8(), &mut out.norm);
            kind = Kind::Word;
        } else if (is_apostrophe(c) || c == '\u{2018}')
            && next_char(text, i + c.len_utf8()).is_some_and(|d| d.is_ascii_digit())
        {
            // A year cut short may come with an opening quote for its apostrophe: "in ‘08".
            let (end, n) = number_end(text, i + c.len_utf8(), &mut out.norm, true);
            i = end;
            number = Some(n);
            kind = Kind::Number;
        } else {
            i += c.len_utf8();
            kind = Kind::Punct;
            match c {
                '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2010}' | '\u{2011}' => {
                    out.norm.push('-')
                }
                c if is_apostrophe(c) => out.norm.push('\''),
                c => out.norm.push(c),
            }
        }
        out.tokens.push(Token {
            start,
            end: i,
            kind,
            norm_start,
            norm_end: out.norm.len() as u32,
            space_before: space,
            newline_before: newline,
            capital: c.is_uppercase(),
            number,
        });
        space = false;
        newline = false;
    }
    out
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The end of a run of letters from `i`, pushing its lower-cased form.
fn word_end(text: &str, mut i: usize, norm: &mut String) -> usize {
    for c in text[i..].chars() {
        if !is_word_char(c) {
            break;
        }
        norm.extend(c.to_lowercase());
        i += c.len_utf8();
    }
    i
}

/// The end of a number from `i`: digits, then `,ddd` groups or one decimal part, then a
/// plural (`s`) or ordinal (`th`, `st`, `nd`, `rd`) suffix if one is glued on.
fn number_end(text: &str, start: usize, norm: &mut String, apostrophe: bool) -> (usize, Number) {
    let bytes = text.as_bytes();
    let digits_from = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = start + digits_from(start);
    let mut int_digits = i - start;
    let mut plain = true;
    let mut decimal = false;
    loop {
        let sep = bytes.get(i).copied();
        let run = if i + 1 < bytes.len() {
            digits_from(i + 1)
        } else {
            0
        };
        match sep {
            Some(b',') if run == 3 && !decimal => {
                int_digits += 3;
                i += 4;
                plain = false;
            }
            Some(b'.') if run > 0 && !decimal => {
                i += 1 + run;
                decimal = true;
                plain = false;
            }
            _ => break,
        }
    }
    let cleaned: String = text[start..i].chars().filter(|c| *c != ',').collect();
    let value = cleaned.parse::<f64>().unwrap_or(0.0);
    norm.push_str(&text[start..i]);
    let rest = &bytes[i..];
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let suffix_text = text[i..i + letters].to_ascii_lowercase();
    let suffix = match suffix_text.as_str() {
        "s" => Suffix::Plural,
        "th" | "st" | "nd" | "rd" => Suffix::Ordinal,
        _ => Suffix::None,
    };
    if suffix != Suffix::None {
        norm.push_str(&suffix_text);
        i += letters;
    }
    let number = Number {
        value,
        digits: int_digits.min(255) as u8,
        plain,
        suffix,
        apostrophe,
    };
    (i, number)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        let s = scan(text);
        s.tokens
            .iter()
            .map(|t| t.norm(&s.norm).to_string())
            .collect()
    }

    #[test]
    fn splits_hyphens_clitics_and_numbers() {
        assert_eq!(
            forms("Third-quarter 1,000 2.5 1990s '90s year's a.m."),
            [
                "third", "-", "quarter", "1,000", "2.5", "1990s", "90s", "year", "'s", "a", ".",
                "m", "."
            ]
        );
    }

    #[test]
    fn spans_slice_the_original() {
        let text = "Am 6. August — «Kursk» 10:30";
        let s = scan(text);
        for t in &s.tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        let n = s.tokens.iter().find(|t| t.kind == Kind::Number).unwrap();
        assert_eq!(&text[n.start..n.end], "6");
    }

    #[test]
    fn numbers_keep_their_shape() {
        let s = scan("1990s 20th 12,000");
        let n: Vec<Number> = s.tokens.iter().filter_map(|t| t.number).collect();
        assert_eq!(
            (n[0].value, n[0].suffix, n[0].digits),
            (1990.0, Suffix::Plural, 4)
        );
        assert_eq!(n[1].suffix, Suffix::Ordinal);
        assert_eq!((n[2].value, n[2].plain), (12000.0, false));
    }
}
