//! The normalised view: one spelling for characters that news text writes many ways.
//!
//! Curly and angled quotes become `"` and `'`, en dashes and minus signs `-`, em dashes `--`,
//! exotic spaces a plain space, `…` becomes `...`, CRLF and CR become `\n`, and zero-width
//! characters, byte-order marks and soft hyphens disappear. Everything else is kept
//! byte for byte, and the [`Normalized`] view remembers where each change came from.

use sitrep_doc::{Normalized, NormalizedBuilder};

/// Builds the normalised view of `original`.
///
/// ```
/// let n = sitrep_text::normalize("“Kyiv”\u{00A0}– Kursk…");
/// assert_eq!(n.as_str(), "\"Kyiv\" - Kursk...");
/// ```
pub fn normalize(original: &str) -> Normalized {
    let bytes = original.as_bytes();
    let mut builder = NormalizedBuilder::with_capacity(original.len());
    let mut kept_from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte < 0x80 && byte != b'\r' && byte != b'`' {
            i += 1;
            continue;
        }
        let (orig_len, replacement) = if byte == b'\r' {
            let len = if bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            (len, "\n")
        } else {
            // `i` is always a char boundary: it only advances by whole characters.
            let Some(ch) = original[i..].chars().next() else {
                break;
            };
            match replacement(ch) {
                Some(r) => (ch.len_utf8(), r),
                None => {
                    i += ch.len_utf8();
                    continue;
                }
            }
        };
        builder.keep(&original[kept_from..i]);
        builder.replace(orig_len, replacement);
        i += orig_len;
        kept_from = i;
    }
    builder.keep(&original[kept_from..]);
    builder.finish(original)
}

/// The normalised spelling of a character, or `None` to keep it.
fn replacement(ch: char) -> Option<&'static str> {
    Some(match ch {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' | '\u{FE63}'
        | '\u{FF0D}' => "-",
        '\u{2014}' | '\u{2015}' => "--",
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        '\u{2026}' => "...",
        '\u{2028}' | '\u{0085}' => "\n",
        '\u{2029}' => "\n\n",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Span;

    #[test]
    fn clean_ascii_is_identity() {
        let n = normalize("Kyiv said no.\nThen it said yes.");
        assert!(n.is_identity());
    }

    #[test]
    fn each_replacement() {
        let cases = [
            ("\u{2019}s", "'s"),
            ("\u{201C}a\u{201D}", "\"a\""),
            ("\u{00AB}a\u{00BB}", "\"a\""),
            ("1939\u{2013}1945", "1939-1945"),
            ("war\u{2014}again", "war--again"),
            ("a\u{00A0}b\u{202F}c", "a b c"),
            ("zero\u{200B}width", "zerowidth"),
            ("soft\u{00AD}hyphen", "softhyphen"),
            ("wait\u{2026}", "wait..."),
            ("a\r\nb\rc", "a\nb\nc"),
            ("\u{FEFF}bom", "bom"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize(input).as_str(), expected, "{input:?}");
        }
    }

    #[test]
    fn alignment_of_a_mixed_line() {
        let original = "\u{201C}No\u{201D}\r\n\u{2014}x";
        let n = normalize(original);
        assert_eq!(n.as_str(), "\"No\"\n--x");
        let starts: Vec<usize> = (0..=n.as_str().len()).map(|p| n.map_start(p)).collect();
        // normalised:   "  N  o  "  \n -  -  x  <end>
        assert_eq!(starts, vec![0, 3, 4, 5, 8, 10, 10, 13, 14]);
        let x = n.to_original(Span::new(7, 8));
        assert_eq!(x.slice(original), "x");
        let dash = n.to_original(Span::new(5, 7));
        assert_eq!(dash.slice(original), "\u{2014}");
    }
}
