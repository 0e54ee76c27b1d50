//! An English news tokenizer in the Penn Treebank tradition, on the normalised view.
//!
//! The text is cut at whitespace into chunks; each chunk loses its leading and trailing
//! punctuation (keeping the full stop of abbreviations such as "U.S." and "Gen."), then the
//! core is split where words run together ("injured.Meanwhile", "war--again") and clitics are
//! split off ("Russia's" → "Russia" "'s", "don't" → "do" "n't"). Numbers stay whole
//! ("120,000", "2.5"), and so do hyphenated words, URLs, e-mail addresses, hashtags and
//! handles.

use sitrep_doc::layers::TokenKind;
use sitrep_doc::Span;

use crate::abbreviations::Abbreviations;

/// A token found in the normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawToken {
    /// Byte span in the normalised text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// Splits normalised text into tokens.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {
    abbreviations: Abbreviations,
}

/// Characters cut off the front of a chunk.
fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '<' | '¿' | '¡' | '*' | '$' | '€' | '£' | '¥' | '~'
    )
}

/// Characters cut off the end of a chunk (a full stop only when not an abbreviation's).
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '>' | ',' | ';' | ':' | '!' | '?' | '.' | '%' | '*'
    )
}

/// Characters that may stand inside a word without splitting it.
fn is_word_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | ',' | '\'' | '/' | ':' | '&' | '_' | '+' | '@' | '='
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining marks that `char::is_alphanumeric` does not cover.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn punct_kind(c: char) -> TokenKind {
    if c.is_ascii_punctuation() && !matches!(c, '$' | '%' | '&' | '+' | '=' | '<' | '>' | '~') {
        TokenKind::Punct
    } else if c.is_alphanumeric() {
        TokenKind::Word
    } else if matches!(c, '¿' | '¡' | '«' | '»') {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

impl Tokenizer {
    /// A tokenizer with the built-in abbreviation list.
    pub fn new(abbreviations: Abbreviations) -> Tokenizer {
        Tokenizer { abbreviations }
    }

    /// The abbreviation list the tokenizer uses.
    pub fn abbreviations(&self) -> &Abbreviations {
        &self.abbreviations
    }

    /// Appends the tokens of `text` to `out`, in text order.
    pub fn tokenize(&self, text: &str, out: &mut Vec<RawToken>) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Skip whitespace.
            let b = bytes[i];
            if is_ascii_space(b) {
                i += 1;
                continue;
            }
            if b >= 0x80 {
                if let Some(c) = text[i..].chars().next() {
                    if c.is_whitespace() {
                        i += c.len_utf8();
                        continue;
                    }
                }
            }
            let start = i;
            while i < bytes.len() {
                let b = bytes[i];
                if is_ascii_space(b) {
                    break;
                }
                if b >= 0x80 {
                    match text[i..].chars().next() {
                        Some(c) if c.is_whitespace() => break,
                        Some(c) => i += c.len_utf8(),
                        None => break,
                    }
                } else {
                    i += 1;
                }
            }
            self.chunk(text, start, i, out);
        }
    }

    /// Tokenizes one whitespace-free chunk `text[lo..hi]`.
    fn chunk(&self, text: &str, mut lo: usize, mut hi: usize, out: &mut Vec<RawToken>) {
        let push = |out: &mut Vec<RawToken>, start: usize, end: usize, kind: TokenKind| {
            out.push(RawToken {
                span: Span::new(start, end),
                kind,
            });
        };
        // Leading punctuation.
        while lo < hi {
            let rest = &text[lo..hi];
            let Some(c) = first_char(rest) else { break };
            let run = terminal_run(rest);
            if run >= 2 {
                push(out, lo, lo + run, TokenKind::Punct);
                lo += run;
            } else if rest.starts_with("--") {
                push(out, lo, lo + 2, TokenKind::Punct);
                lo += 2;
            } else if c == '\'' && is_elision(rest) {
                break;
            } else if is_leading_punct(c) || (c == '-' && !starts_number(&rest[1..])) {
                push(out, lo, lo + c.len_utf8(), punct_kind(c));
                lo += c.len_utf8();
            } else {
                break;
            }
        }
        if lo == hi {
            return;
        }
        // Whole-chunk forms: URLs, e-mail addresses, hashtags, handles.
        let core = &text[lo..hi];
        let special = if is_url_start(core) {
            Some(TokenKind::Url)
        } else if is_email(core) {
            Some(TokenKind::Email)
        } else if core.len() > 1 && (core.starts_with('#') || core.starts_with('@')) {
            let tail = &core[1..];
            first_char(tail)
                .filter(|c| c.is_alphabetic() || *c == '_')
                .map(|_| {
                    if core.starts_with('#') {
                        TokenKind::Hashtag
                    } else {
                        TokenKind::Handle
                    }
                })
        } else {
            None
        };
        if let Some(kind) = special {
            let mut end = hi;
            let mut trailing = Vec::new();
            while end > lo {
                let Some(c) = last_char(&text[lo..end]) else {
                    break;
                };
                let unbalanced = c == ')' && {
                    let s = &text[lo..end];
                    s.matches('(').count() < s.matches(')').count()
                };
                let trail = match kind {
                    TokenKind::Hashtag | TokenKind::Handle => !(is_word_char(c) || c == '_'),
                    _ => is_trailing_punct(c) && (c != ')' || unbalanced),
                };
                if !trail {
                    break;
                }
                end -= c.len_utf8();
                trailing.push((end, end + c.len_utf8(), punct_kind(c)));
            }
            if end > lo + 1 {
                push(out, lo, end, kind);
                for (s, e, k) in trailing.into_iter().rev() {
                    push(out, s, e, k);
                }
                return;
            }
        }
        // Trailing punctuation, collected back to front.
        let mut trailing: Vec<RawToken> = Vec::new();
        while lo < hi {
            let rest = &text[lo..hi];
            let Some(c) = last_char(rest) else { break };
            let run = terminal_run_back(rest);
            if run >= 2 {
                trailing.push(RawToken {
                    span: Span::new(hi - run, hi),
                    kind: TokenKind::Punct,
                });
                hi -= run;
                continue;
            }
            if rest.ends_with("--") {
                trailing.push(RawToken {
                    span: Span::new(hi - 2, hi),
                    kind: TokenKind::Punct,
                });
                hi -= 2;
                continue;
            }
            if c == '.' && self.abbreviations.classify(rest).is_some() {
                break;
            }
            if !is_trailing_punct(c) && c != '-' {
                break;
            }
            let len = c.len_utf8();
            trailing.push(RawToken {
                span: Span::new(hi - len, hi),
                kind: punct_kind(c),
            });
            hi -= len;
        }
        if lo < hi {
            self.core(text, lo, hi, out);
        }
        out.extend(trailing.into_iter().rev());
    }

    /// Splits the core of a chunk where words run together, then splits clitics.
    fn core(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<RawToken>) {
        let s = &text[lo..hi];
        let mut piece_start = 0;
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let prev = last_char(&s[..i]);
            // Runs that are always tokens of their own.
            let run = if s[i..].starts_with("..") {
                s[i..].bytes().take_while(|&b| b == b'.').count()
            } else if s[i..].starts_with("--") {
                2
            } else {
                0
            };
            if run > 0 {
                self.word(text, lo + piece_start, lo + i, out);
                out.push(RawToken {
                    span: Span::new(lo + i, lo + i + run),
                    kind: TokenKind::Punct,
                });
                for _ in 1..run {
                    iter.next();
                }
                piece_start = i + run;
                continue;
            }
            let split_here = if is_word_char(c) {
                false
            } else if is_word_joiner(c) {
                self.glued_boundary(s, piece_start, i, c, prev, next)
            } else {
                true
            };
            if split_here {
                self.word(text, lo + piece_start, lo + i, out);
                out.push(RawToken {
                    span: Span::new(lo + i, lo + i + c.len_utf8()),
                    kind: punct_kind(c),
                });
                piece_start = i + c.len_utf8();
            }
        }
        self.word(text, lo + piece_start, hi, out);
    }

    /// Whether the joiner `c` at `s[i]` separates two words that lost the space between
    /// them: "injured.Meanwhile", "Kyiv,Moscow", "said;then". Numbers ("1,000", "2.5"),
    /// abbreviations ("U.S."), domains ("nytimes.com") and hyphenated words stay whole.
    fn glued_boundary(
        &self,
        s: &str,
        piece_start: usize,
        i: usize,
        c: char,
        prev: Option<char>,
        next: Option<char>,
    ) -> bool {
        let (Some(prev), Some(next)) = (prev, next) else {
            // A joiner at the edge of the core (e.g. "'" before a clitic) is handled later.
            return !matches!(c, '\'' | '-' | '.' | '&' | '_' | '+' | '@' | '=' | '/');
        };
        match c {
            '.' => {
                let left = &s[piece_start..i + 1];
                prev.is_lowercase()
                    && next.is_uppercase()
                    && left.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
                    && self.abbreviations.classify(left).is_none()
                    && !s[piece_start..i].contains('.')
            }
            ',' | ';' => prev.is_alphabetic() && next.is_alphabetic(),
            // Ranges "8-10", "1939-1945": the numbers are figures of their own.
            '-' => {
                prev.is_ascii_digit()
                    && next.is_ascii_digit()
                    && s[piece_start..i]
                        .bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            }
            // "overload/create" is two words; "b/c" and "w/o" are one.
            '/' => {
                let right = s[i + 1..].chars().take_while(|c| c.is_alphabetic()).count();
                let left = s[piece_start..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .count();
                prev.is_alphabetic() && next.is_alphabetic() && (left > 1 || right > 1)
            }
            ':' => (!prev.is_ascii_digit() || !next.is_ascii_digit()) && !s.contains("://"),
            _ => false,
        }
    }

    /// Emits one word piece, splitting off clitics and the unit of a number ("10km").
    fn word(&self, text: &str, lo: usize, hi: usize, out: &mut Vec<RawToken>) {
        if lo >= hi {
            return;
        }
        let w = &text[lo..hi];
        let push = |out: &mut Vec<RawToken>, start: usize, end: usize, kind: TokenKind| {
            out.push(RawToken {
                span: Span::new(start, end),
                kind,
            });
        };
        if let Some(split) = clitic_split(w) {
            if split > 0 {
                self.word(text, lo, lo + split, out);
                push(out, lo + split, hi, TokenKind::Clitic);
                return;
            }
        }
        if let Some(split) = contraction_split(w) {
            push(out, lo, lo + split, TokenKind::Word);
            push(out, lo + split, hi, TokenKind::Word);
            return;
        }
        if w.as_bytes()[0].is_ascii_digit() {
            // Numbers keep their letters, as UD and the Treebank do: "1990s", "20th", "39A".
            let rest = &w[number_end(w)..];
            if rest.is_empty()
                || matches!(
                    rest.to_ascii_lowercase().as_str(),
                    "st" | "nd" | "rd" | "th" | "s"
                )
            {
                return push(out, lo, hi, TokenKind::Number);
            }
        }
        let kind = if w.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if w.chars().all(|c| c.is_numeric() || is_word_joiner(c)) {
            TokenKind::Number
        } else {
            first_char(w).map_or(TokenKind::Symbol, punct_kind)
        };
        push(out, lo, hi, kind);
    }
}

/// Where a clitic starts in `w` ("Russia's" → 6, "don't" → 2), if it ends in one.
fn clitic_split(w: &str) -> Option<usize> {
    let lower_ends = |suffix: &str| {
        w.len() > suffix.len()
            && w.is_char_boundary(w.len() - suffix.len())
            && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    for suffix in ["n't", "'re", "'ve", "'ll", "'s", "'m", "'d"] {
        if lower_ends(suffix) {
            return Some(w.len() - suffix.len());
        }
    }
    None
}

/// "cannot" → "can" "not", "gonna" → "gon" "na": split as the Penn Treebank and UD do.
fn contraction_split(w: &str) -> Option<usize> {
    let lower = w.to_ascii_lowercase();
    match lower.as_str() {
        "cannot" => Some(3),
        "gonna" | "wanna" => Some(3),
        "gotta" => Some(3),
        _ => None,
    }
}

/// Length of the number at the start of `w`: digits with inner `,` `.` `:` before digits.
fn number_end(w: &str) -> usize {
    let b = w.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let inner_separator =
            matches!(b[i], b',' | b'.' | b':') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b[i].is_ascii_digit() || inner_separator) {
            break;
        }
        i += 1;
    }
    i
}

/// "'s", "'90s", "'em": an apostrophe that belongs to the word after it.
fn is_elision(s: &str) -> bool {
    let rest = &s[1..];
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    let lower = word.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "s" | "re" | "ve" | "ll" | "m" | "d" | "em" | "tis" | "twas"
    ) || is_year_elision(&word, &rest[word.len()..])
}

/// "'90s", "'11": two digits (and a plural s) after the apostrophe, not the start of a
/// longer number in an opening quote ("‘11.6 million").
fn is_year_elision(word: &str, after: &str) -> bool {
    let digits = word.strip_suffix('s').unwrap_or(word);
    let decimal = after.len() >= 2
        && matches!(after.as_bytes()[0], b'.' | b',')
        && after.as_bytes()[1].is_ascii_digit();
    digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()) && !decimal
}

/// Length of the run of `.`, `!` and `?` that `s` starts with ("...", "?!", "!!!").
fn terminal_run(s: &str) -> usize {
    s.bytes()
        .take_while(|b| matches!(b, b'.' | b'!' | b'?'))
        .count()
}

/// Length of the run of `.`, `!` and `?` that `s` ends with.
fn terminal_run_back(s: &str) -> usize {
    s.bytes()
        .rev()
        .take_while(|b| matches!(b, b'.' | b'!' | b'?'))
        .count()
}

/// ASCII whitespace as `char::is_whitespace` counts it (vertical tab included).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

fn starts_number(s: &str) -> bool {
    s.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn is_url_start(s: &str) -> bool {
    let lower =
        |p: &str| s.len() > p.len() && s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    lower("http://") || lower("https://") || lower("www.") || lower("ftp://")
}

/// `local@domain.tld` with word characters on both sides.
fn is_email(s: &str) -> bool {
    let Some(at) = s.find('@') else { return false };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'))
        && domain.contains('.')
        && domain
            .trim_end_matches(|c: char| is_trailing_punct(c))
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-'))
}
