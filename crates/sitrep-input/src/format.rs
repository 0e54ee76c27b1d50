//! Input formats: named by the file extension, or guessed from the first bytes when the
//! extension says nothing (stdin, `.dat`, no extension).

use std::path::Path;

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text (`.txt`, `.text`, `.md`): the whole file is one article.
    Text,
    /// An HTML page (`.html`, `.htm`, `.xhtml`): one article, text and metadata extracted.
    Html,
    /// JSON lines (`.jsonl`, `.ndjson`): one article object per line, read as a stream.
    JsonLines,
    /// JSON (`.json`): one article object, or an array of them.
    Json,
}

impl Format {
    /// Every format, in the order the documentation lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Html, Format::JsonLines, Format::Json];

    /// The format an extension names (without the dot, any case), or `None` if it names none.
    ///
    /// ```
    /// use sitrep_input::Format;
    /// assert_eq!(Format::from_extension("NDJSON"), Some(Format::JsonLines));
    /// assert_eq!(Format::from_extension("csv"), None);
    /// ```
    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|format| {
            format
                .extensions()
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext))
        })
    }

    /// The format a path's extension names, or `None` (then the content decides).
    pub fn from_path(path: &Path) -> Option<Format> {
        Format::from_extension(path.extension()?.to_str()?)
    }

    /// The extensions of this format, lower case and without the dot; the first is canonical.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "text", "md"],
            Format::Html => &["html", "htm", "xhtml"],
            Format::JsonLines => &["jsonl", "ndjson"],
            Format::Json => &["json"],
        }
    }

    /// Guesses the format from the first bytes of an input: `{` starts JSON lines, `[` a JSON
    /// array, `<` HTML, and anything else is text. Leading whitespace and a UTF-8 BOM are
    /// skipped.
    ///
    /// ```
    /// use sitrep_input::Format;
    /// assert_eq!(Format::sniff(b"\n  {\"text\": \"...\"}"), Format::JsonLines);
    /// assert_eq!(Format::sniff(b"<!DOCTYPE html>"), Format::Html);
    /// assert_eq!(Format::sniff(b"KYIV, Aug 18 (Reuters)"), Format::Text);
    /// ```
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(crate::decode::BOM).unwrap_or(head);
        match head.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Format::JsonLines,
            Some(b'[') => Format::Json,
            Some(b'<') => Format::Html,
            _ => Format::Text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_case_insensitive() {
        assert_eq!(
            Format::from_path(Path::new("a/KURSK.TXT")),
            Some(Format::Text)
        );
        assert_eq!(Format::from_path(Path::new("notes.md")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("page.Htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("p.xhtml")), Some(Format::Html));
        assert_eq!(
            Format::from_path(Path::new("d.jsonl")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_path(Path::new("d.json")), Some(Format::Json));
        assert_eq!(Format::from_path(Path::new("d.csv")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(Format::from_path(Path::new("-")), None);
    }

    #[test]
    fn sniffing_skips_bom_and_whitespace() {
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF<html>"), Format::Html);
        assert_eq!(Format::sniff(b" \r\n[{}]"), Format::Json);
        assert_eq!(Format::sniff(b""), Format::Text);
        assert_eq!(Format::sniff("«Kursk»".as_bytes()), Format::Text);
    }
}
