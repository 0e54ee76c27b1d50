//! TimeML (TempEval-3 `.tml`) gold time expressions, and the TempEval-3 timex scores.
//!
//! A `.tml` file holds one document: the document creation time is the `TIMEX3` with
//! `functionInDocument="CREATION_TIME"` inside `<DCT>`, the text is inside `<TEXT>`, and the
//! gold `TIMEX3`s are tags inside the text. [`read_tml`] strips the tags and gives each gold
//! timex a byte span into the plain text, so a tagger can run on exactly that text.
//!
//! [`TimexEval`] scores as the TempEval-3 scorer does: strict span match (same extent),
//! relaxed span match (overlap), and for `type` and `value` the accuracy among relaxed
//! matches and the attribute F1 (= relaxed F1 × that accuracy).
//!
//! ```
//! use sitrep_eval::timeml::{parse_tml, TimexEval};
//! let xml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07"
//!   functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
//!   <TEXT>Bombs exploded <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>.</TEXT></TimeML>"#;
//! let doc = parse_tml("example.tml", xml).unwrap();
//! assert_eq!(doc.dct.to_string(), "1998-08-07");
//! assert_eq!(doc.text, "Bombs exploded Friday.");
//! assert_eq!(doc.timexes[0].span.slice(&doc.text), "Friday");
//! let mut eval = TimexEval::default();
//! eval.add(&doc.timexes, &doc.timexes);
//! assert_eq!(eval.scores().value_f1, 1.0);
//! ```

use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use serde::Serialize;
use sitrep_doc::layers::{Timex, TimexType};
use sitrep_doc::{Published, Span};

use crate::prf::{Counts, Scores};

mod jsonl;
mod meantime;
pub use jsonl::read_jsonl;
pub use meantime::{parse_meantime, read_meantime_dir};

/// Why a TimeML file could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TimeMlError {
    /// The file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The XML is not well formed.
    #[error("{path}: malformed XML at byte {position}: {reason}")]
    Xml {
        /// The file.
        path: PathBuf,
        /// Byte offset where the parser stopped.
        position: u64,
        /// The parser's message.
        reason: String,
    },
    /// No `TIMEX3` with `functionInDocument="CREATION_TIME"` inside `<DCT>`.
    #[error("{path}: no document creation time (a TIMEX3 with functionInDocument=\"CREATION_TIME\" inside <DCT>)")]
    NoDct {
        /// The file.
        path: PathBuf,
    },
    /// The creation time's value is not a date.
    #[error("{path}: the document creation time `{value}` is not a date")]
    BadDct {
        /// The file.
        path: PathBuf,
        /// The `value` attribute.
        value: String,
    },
    /// No `<TEXT>` element.
    #[error("{path}: no <TEXT> element")]
    NoText {
        /// The file.
        path: PathBuf,
    },
    /// A line of a stand-off gold file is wrong (see [`read_jsonl`]).
    #[error("{path}: line {line}: {reason}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// The line, counting from 1.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// A time expression as TimeML annotates it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte span into [`TimeMlDoc::text`].
    pub span: Span,
    /// The `type` attribute (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: String,
    /// The `value` attribute.
    pub value: String,
    /// The `mod` attribute, if any.
    pub modifier: Option<String>,
}

/// One TimeML document.
#[derive(Clone, Debug)]
pub struct TimeMlDoc {
    /// The file's stem (`APW19980807.0261`).
    pub id: String,
    /// The document creation time.
    pub dct: Published,
    /// The plain text of `<TEXT>`, tags stripped, entities decoded.
    pub text: String,
    /// The gold time expressions in text order.
    pub timexes: Vec<GoldTimex>,
}

/// Something the scorer can compare: a span, a type and a value.
pub trait TimexLike {
    /// Byte span into the document text.
    fn span(&self) -> Span;
    /// TIMEX3 type as written in TimeML.
    fn kind(&self) -> &str;
    /// TIMEX3 value.
    fn value(&self) -> &str;
}

impl TimexLike for GoldTimex {
    fn span(&self) -> Span {
        self.span
    }
    fn kind(&self) -> &str {
        &self.kind
    }
    fn value(&self) -> &str {
        &self.value
    }
}

impl TimexLike for Timex {
    fn span(&self) -> Span {
        self.span
    }
    fn kind(&self) -> &str {
        match self.kind {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
    fn value(&self) -> &str {
        &self.value
    }
}

/// Reads every `.tml` file of `dir`, in file-name order.
pub fn read_dir(dir: &Path) -> Result<Vec<TimeMlDoc>, TimeMlError> {
    let io = |source| TimeMlError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    paths.sort();
    paths.iter().map(|p| read_tml(p)).collect()
}

/// Reads one `.tml` file.
pub fn read_tml(path: &Path) -> Result<TimeMlDoc, TimeMlError> {
    let xml = std::fs::read_to_string(path).map_err(|source| TimeMlError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_tml(path, &xml)
}

/// Parses the TimeML `xml` of the file `path` (named in errors; its stem is the id).
pub fn parse_tml(path: impl AsRef<Path>, xml: &str) -> Result<TimeMlDoc, TimeMlError> {
    let path = path.as_ref();
    let mut reader = Reader::from_str(xml);
    let xml_err = |reader: &Reader<&[u8]>, reason: String| TimeMlError::Xml {
        path: path.to_path_buf(),
        position: reader.buffer_position(),
        reason,
    };
    let (mut in_dct, mut in_text, mut seen_text) = (false, false, false);
    let mut dct_value: Option<String> = None;
    let mut text = String::new();
    let mut timexes = Vec::new();
    let mut open: Option<(usize, String, String, Option<String>)> = None;
    let mut depth: Vec<Vec<u8>> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| xml_err(&reader, e.to_string()))?;
        match event {
            Event::Start(e) => {
                let name = e.name().as_ref().to_vec();
                match name.as_slice() {
                    b"DCT" => in_dct = true,
                    b"TEXT" => {
                        in_text = true;
                        seen_text = true;
                    }
                    b"TIMEX3"
                        if in_dct
                            && attr(&e, b"functionInDocument").as_deref()
                                == Some("CREATION_TIME") =>
                    {
                        dct_value = attr(&e, b"value");
                    }
                    b"TIMEX3" if in_text => {
                        let kind = attr(&e, b"type").unwrap_or_default();
                        let value = attr(&e, b"value").unwrap_or_default();
                        open = Some((text.len(), kind, value, attr(&e, b"mod")));
                    }
                    _ => {}
                }
                depth.push(name);
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_vec();
                if depth.pop().as_deref() != Some(name.as_slice()) {
                    return Err(xml_err(
                        &reader,
                        format!("unexpected </{}>", String::from_utf8_lossy(&name)),
                    ));
                }
                match name.as_slice() {
                    b"DCT" => in_dct = false,
                    b"TEXT" => in_text = false,
                    b"TIMEX3" if in_text => {
                        if let Some((start, kind, value, modifier)) = open.take() {
                            timexes.push(GoldTimex {
                                span: Span::new(start, text.len()),
                                kind,
                                value,
                                modifier,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let s = t.decode().map_err(|e| xml_err(&reader, e.to_string()))?;
                text.push_str(&s);
            }
            Event::CData(t) if in_text => {
                let s = t.decode().map_err(|e| xml_err(&reader, e.to_string()))?;
                text.push_str(&s);
            }
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    _ => match r.as_ref() {
                        b"amp" => '&',
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        other => {
                            let name = String::from_utf8_lossy(other).into_owned();
                            return Err(xml_err(&reader, format!("unknown entity &{name};")));
                        }
                    },
                };
                text.push(c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !depth.is_empty() {
        return Err(xml_err(
            &reader,
            "unclosed elements at the end of the file".into(),
        ));
    }
    if !seen_text {
        return Err(TimeMlError::NoText {
            path: path.to_path_buf(),
        });
    }
    let value = dct_value.ok_or_else(|| TimeMlError::NoDct {
        path: path.to_path_buf(),
    })?;
    let dct = value
        .get(..10)
        .and_then(|d| d.parse::<Published>().ok())
        .ok_or_else(|| TimeMlError::BadDct {
            path: path.to_path_buf(),
            value: value.clone(),
        })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().trim_end_matches(".tml").to_string())
        .unwrap_or_default();
    Ok(TimeMlDoc {
        id,
        dct,
        text,
        timexes,
    })
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.unescape_value().ok().map(|v| v.into_owned())
}

/// Accumulated TempEval-3 timex counts over documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TimexEval {
    /// Exact-extent matches.
    pub strict: Counts,
    /// Overlap matches (each gold and each system timex used once).
    pub relaxed: Counts,
    /// Relaxed matches whose type agrees.
    pub type_correct: usize,
    /// Relaxed matches whose value agrees.
    pub value_correct: usize,
}

/// The scores TempEval-3 reports for time expressions.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TimexScores {
    /// Strict span match.
    pub strict: Scores,
    /// Relaxed span match.
    pub relaxed: Scores,
    /// Type correct among relaxed matches.
    pub type_accuracy: f64,
    /// Relaxed F1 × type accuracy.
    pub type_f1: f64,
    /// Value correct among relaxed matches.
    pub value_accuracy: f64,
    /// Relaxed F1 × value accuracy.
    pub value_f1: f64,
}

impl TimexEval {
    /// Adds one document: `gold` and `system` spans index the same text.
    pub fn add<G: TimexLike, S: TimexLike>(&mut self, gold: &[G], system: &[S]) {
        let mut strict = 0;
        let mut used = vec![false; system.len()];
        let mut relaxed = 0;
        for g in gold {
            let gs = g.span();
            if system.iter().any(|s| s.span() == gs) {
                strict += 1;
            }
            // Prefer the exact match, else the first overlapping unused system timex.
            let pick = system
                .iter()
                .enumerate()
                .filter(|(j, s)| !used[*j] && s.span().overlaps(gs))
                .max_by_key(|(j, s)| (s.span() == gs, std::cmp::Reverse(*j)))
                .map(|(j, _)| j);
            if let Some(j) = pick {
                used[j] = true;
                relaxed += 1;
                let s = &system[j];
                self.type_correct += usize::from(s.kind() == g.kind());
                self.value_correct += usize::from(s.value() == g.value());
            }
        }
        self.strict += Counts::new(gold.len(), system.len(), strict.min(system.len()));
        self.relaxed += Counts::new(gold.len(), system.len(), relaxed);
    }

    /// The scores of everything added so far.
    pub fn scores(&self) -> TimexScores {
        let relaxed = self.relaxed.scores();
        let acc = |n: usize| {
            if self.relaxed.matched == 0 {
                0.0
            } else {
                n as f64 / self.relaxed.matched as f64
            }
        };
        TimexScores {
            strict: self.strict.scores(),
            relaxed,
            type_accuracy: acc(self.type_correct),
            type_f1: relaxed.f1 * acc(self.type_correct),
            value_accuracy: acc(self.value_correct),
            value_f1: relaxed.f1 * acc(self.value_correct),
        }
    }
}

impl std::fmt::Display for TimexScores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let line = |f: &mut std::fmt::Formatter<'_>, name: &str, s: &Scores| {
            writeln!(
                f,
                "{name:<8} P {:.4}  R {:.4}  F1 {:.4}  (gold {}, system {}, matched {})",
                s.precision, s.recall, s.f1, s.gold, s.system, s.matched
            )
        };
        line(f, "strict", &self.strict)?;
        line(f, "relaxed", &self.relaxed)?;
        writeln!(
            f,
            "type     accuracy {:.4}  F1 {:.4}",
            self.type_accuracy, self.type_f1
        )?;
        write!(
            f,
            "value    accuracy {:.4}  F1 {:.4}",
            self.value_accuracy, self.value_f1
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?>
<TimeML><DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>A &amp; B <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="P2H" mod="MORE_THAN">more than two hours</TIMEX3>.</TEXT>
</TimeML>"#;

    fn gold(start: usize, end: usize, kind: &str, value: &str) -> GoldTimex {
        GoldTimex {
            span: Span::new(start, end),
            kind: kind.into(),
            value: value.into(),
            modifier: None,
        }
    }

    #[test]
    fn reads_text_spans_and_dct() {
        let doc = parse_tml("x.tml", DOC).unwrap();
        assert_eq!(doc.text, "A & B met Friday for more than two hours.");
        assert_eq!(doc.timexes.len(), 2);
        assert_eq!(doc.timexes[1].span.slice(&doc.text), "more than two hours");
        assert_eq!(doc.timexes[1].modifier.as_deref(), Some("MORE_THAN"));
        assert_eq!(doc.id, "x");
    }

    #[test]
    fn errors_name_the_file_and_reason() {
        let no_dct = DOC.replace("CREATION_TIME", "NONE");
        let err = parse_tml("a.tml", &no_dct).unwrap_err();
        assert!(matches!(err, TimeMlError::NoDct { .. }), "{err}");
        assert!(err
            .to_string()
            .starts_with("a.tml: no document creation time"));
        let broken = DOC.replace("</EVENT>", "</EVNT>");
        let err = parse_tml("b.tml", &broken).unwrap_err();
        assert!(matches!(err, TimeMlError::Xml { .. }), "{err}");
        let err = parse_tml("c.tml", "<TimeML><DCT>").unwrap_err();
        assert!(err.to_string().contains("c.tml"), "{err}");
        let err = parse_tml(
            "d.tml",
            &DOC.replace(
                "1998-08-07\" functionInDocument",
                "soon\" functionInDocument",
            ),
        )
        .unwrap_err();
        assert!(matches!(err, TimeMlError::BadDct { .. }), "{err}");
    }

    #[test]
    fn scores_strict_relaxed_and_attributes() {
        let g = [
            gold(0, 6, "DATE", "1998-08-07"),
            gold(10, 20, "DURATION", "P2H"),
            gold(30, 35, "DATE", "1998"),
        ];
        let s = [
            gold(0, 6, "DATE", "1998-08-07"),
            gold(15, 20, "DURATION", "P3H"),
            gold(40, 45, "SET", "P1D"),
        ];
        let mut eval = TimexEval::default();
        eval.add(&g, &s);
        let sc = eval.scores();
        assert_eq!(eval.strict, Counts::new(3, 3, 1));
        assert_eq!(eval.relaxed, Counts::new(3, 3, 2));
        assert_eq!(sc.type_accuracy, 1.0);
        assert_eq!(sc.value_accuracy, 0.5);
        assert!((sc.value_f1 - sc.relaxed.f1 * 0.5).abs() < 1e-12);
    }
}
