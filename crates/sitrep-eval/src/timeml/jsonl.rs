//! sitrep's stand-off gold for time expressions (`tests/gold/times.jsonl`): one JSON object
//! per article, naming the article by its path under the shared folder and listing its
//! TIMEX3s by character offsets, so that the repository holds the annotation and never the
//! article.
//!
//! ```json
//! {"doc": "examples/kursk.txt", "published": "2024-08-18",
//!  "timexes": [{"start": 116, "end": 124, "text": "August 6", "type": "DATE", "value": "2024-08-06"}]}
//! ```
//!
//! Offsets count Unicode scalar values in the file as stored; each `text` must equal the
//! article's text at its offsets, so a gold line that has drifted from its article is an error,
//! not a silent mismatch.

use std::path::Path;

use serde::Deserialize;
use sitrep_doc::{Published, Span};

use super::{GoldTimex, TimeMlDoc, TimeMlError};

#[derive(Deserialize)]
struct Line {
    doc: String,
    published: String,
    timexes: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    kind: String,
    value: String,
    #[serde(default, rename = "mod")]
    modifier: Option<String>,
}

const TYPES: [&str; 4] = ["DATE", "TIME", "DURATION", "SET"];

/// Reads a stand-off gold file and the articles it names under `shared`, checking that every
/// span's text is the article's, that spans are in order and do not overlap, and that every
/// type is a TIMEX3 type.
pub fn read_jsonl(path: &Path, shared: &Path) -> Result<Vec<TimeMlDoc>, TimeMlError> {
    let content = std::fs::read_to_string(path).map_err(|source| TimeMlError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut docs = Vec::new();
    for (n, raw) in content.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| TimeMlError::Gold {
            path: path.to_path_buf(),
            line: n + 1,
            reason,
        };
        let line: Line = serde_json::from_str(raw).map_err(|e| bad(format!("bad JSON: {e}")))?;
        let dct: Published = line
            .published
            .parse()
            .map_err(|_| bad(format!("`published` {:?} is not a date", line.published)))?;
        let article = shared.join(&line.doc);
        let text = std::fs::read_to_string(&article)
            .map_err(|e| bad(format!("cannot read {}: {e}", article.display())))?;
        // Character offset → byte offset, with one entry past the end.
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let mut timexes = Vec::with_capacity(line.timexes.len());
        let mut last_end = 0;
        for t in line.timexes {
            let (Some(&start), Some(&end)) = (bytes.get(t.start), bytes.get(t.end)) else {
                return Err(bad(format!(
                    "{}..{} {:?} lies outside the article ({} characters)",
                    t.start,
                    t.end,
                    t.text,
                    bytes.len() - 1
                )));
            };
            if t.start >= t.end || t.start < last_end {
                return Err(bad(format!(
                    "{}..{} {:?} is empty, out of order or overlaps the one before",
                    t.start, t.end, t.text
                )));
            }
            if text[start..end] != t.text {
                return Err(bad(format!(
                    "{}..{}: text {:?} but the article has {:?}",
                    t.start,
                    t.end,
                    t.text,
                    &text[start..end]
                )));
            }
            if !TYPES.contains(&t.kind.as_str()) {
                return Err(bad(format!(
                    "{:?}: type {:?} is not a TIMEX3 type",
                    t.text, t.kind
                )));
            }
            last_end = t.end;
            timexes.push(GoldTimex {
                span: Span::new(start, end),
                kind: t.kind,
                value: t.value,
                modifier: t.modifier,
            });
        }
        docs.push(TimeMlDoc {
            id: line.doc,
            dct,
            text,
            timexes,
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder for one test (no temp-file crate for three tests).
    fn folder(name: &str) -> std::path::PathBuf {
        let d =
            std::env::temp_dir().join(format!("sitrep-eval-jsonl-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn write(dir: &Path, gold: &str) -> std::path::PathBuf {
        std::fs::write(
            dir.join("a.txt"),
            "Troops crossed on August 6 – a week ago.",
        )
        .unwrap();
        let p = dir.join("gold.jsonl");
        std::fs::write(&p, gold).unwrap();
        p
    }

    #[test]
    fn reads_offsets_in_characters() {
        let dir = folder("reads");
        let p = write(
            &dir,
            r#"{"doc": "a.txt", "published": "2024-08-18", "timexes": [{"start": 18, "end": 26, "text": "August 6", "type": "DATE", "value": "2024-08-06"}, {"start": 29, "end": 39, "text": "a week ago", "type": "DATE", "value": "2024-W32"}]}"#,
        );
        let docs = read_jsonl(&p, &dir).unwrap();
        let d = &docs[0];
        assert_eq!(d.dct.to_string(), "2024-08-18");
        // The dash before "a week ago" is three bytes: byte spans differ from the offsets.
        assert_eq!(d.timexes[1].span.slice(&d.text), "a week ago");
        assert_eq!(d.timexes[1].span.start, 31);
    }

    #[test]
    fn drifted_text_is_an_error_naming_the_line() {
        let dir = folder("drift");
        let p = write(
            &dir,
            "\n{\"doc\": \"a.txt\", \"published\": \"2024-08-18\", \"timexes\": [{\"start\": 17, \"end\": 25, \"text\": \"August 6\", \"type\": \"DATE\", \"value\": \"2024-08-06\"}]}",
        );
        let err = read_jsonl(&p, &dir).unwrap_err().to_string();
        assert!(
            err.contains("line 2") && err.contains("\" August \""),
            "{err}"
        );
    }

    #[test]
    fn bad_date_and_missing_article_are_errors() {
        let dir = folder("bad");
        let p = write(
            &dir,
            r#"{"doc": "a.txt", "published": "2024-02-30", "timexes": []}"#,
        );
        let err = read_jsonl(&p, &dir).unwrap_err().to_string();
        assert!(err.contains("not a date"), "{err}");
        let p = write(
            &dir,
            r#"{"doc": "b.txt", "published": "2024-02-03", "timexes": []}"#,
        );
        let err = read_jsonl(&p, &dir).unwrap_err().to_string();
        assert!(
            err.contains("cannot read") && err.contains("b.txt"),
            "{err}"
        );
    }
}
