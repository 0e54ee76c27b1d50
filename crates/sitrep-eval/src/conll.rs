//! CoNLL NER data (the CoNLL-2003 column format) and the `conlleval` chunk scorer.
//!
//! A file has one token per line, whitespace-separated columns, the token first and the NER
//! label last; sentences are separated by blank lines; `-DOCSTART-` lines separate documents.
//! Labels are IOB1 or IOB2 (BIO) with `-TYPE` suffixes; [`chunks`] reads both the way
//! `conlleval` does, so scores here equal `conlleval`'s: a chunk counts only if its type and
//! both boundaries match, and precision/recall/F1 are micro-averaged over chunks.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::prf::Counts;

/// A problem with a CoNLL file.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ConllError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line that breaks the format.
    #[error("{path}:{line}: {reason}")]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// One sentence: tokens and their gold labels.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConllSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// One label per token (`O`, `B-PER`, `I-LOC`, …).
    pub labels: Vec<String>,
    /// Index of the document the sentence is in (counted by `-DOCSTART-` lines), from 0.
    pub document: usize,
}

/// Reads a CoNLL file into sentences.
pub fn read_file(path: &Path) -> Result<Vec<ConllSentence>, ConllError> {
    let content = std::fs::read_to_string(path).map_err(|source| ConllError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&content, path)
}

/// Parses CoNLL `content`; `path` only names the source in errors.
pub fn parse(content: &str, path: &Path) -> Result<Vec<ConllSentence>, ConllError> {
    let mut sentences = Vec::new();
    let mut current = ConllSentence::default();
    let mut document = 0;
    let mut columns = None;
    for (n, line) in content.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols[0] == "-DOCSTART-" {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            if !sentences.is_empty() {
                document += 1;
            }
            continue;
        }
        let malformed = |reason: String| ConllError::Malformed {
            path: path.to_path_buf(),
            line: n + 1,
            reason,
        };
        if cols.len() < 2 {
            return Err(malformed(format!(
                "expected a token and a label, found {} column",
                cols.len()
            )));
        }
        match columns {
            None => columns = Some(cols.len()),
            Some(c) if c != cols.len() => {
                return Err(malformed(format!(
                    "expected {c} columns as on the first line, found {}",
                    cols.len()
                )))
            }
            _ => {}
        }
        let label = cols[cols.len() - 1];
        if !is_label(label) {
            return Err(malformed(format!("bad NER label {label:?}")));
        }
        current.tokens.push(cols[0].to_string());
        current.labels.push(label.to_string());
        current.document = document;
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// One sentence of another system's output: gold labels and predicted labels.
pub type ScoredSentence = (Vec<String>, Vec<String>);

/// Reads a file in `conlleval`'s input format: whitespace-separated columns whose last two
/// are the gold and the predicted label. Returns `(gold, predicted)` label sequences per
/// sentence, so another system's output can be scored exactly as sitrep's is.
pub fn read_predictions(path: &Path) -> Result<Vec<ScoredSentence>, ConllError> {
    let content = std::fs::read_to_string(path).map_err(|source| ConllError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut out = Vec::new();
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    for (n, line) in content.lines().chain(std::iter::once("")).enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !gold.is_empty() {
                out.push((std::mem::take(&mut gold), std::mem::take(&mut predicted)));
            }
            continue;
        }
        let (g, p) = match cols.as_slice() {
            [.., g, p] if cols.len() >= 3 && is_label(g) && is_label(p) => (*g, *p),
            _ => {
                return Err(ConllError::Malformed {
                    path: path.to_path_buf(),
                    line: n + 1,
                    reason: "expected a token, a gold label and a predicted label".into(),
                })
            }
        };
        gold.push(g.to_string());
        predicted.push(p.to_string());
    }
    Ok(out)
}

fn is_label(label: &str) -> bool {
    label == "O"
        || label
            .split_once('-')
            .is_some_and(|(p, t)| matches!(p, "B" | "I" | "E" | "S" | "L" | "U") && !t.is_empty())
}

/// An entity chunk: token range `[start, end)` and type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Chunk {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity type.
    pub kind: String,
}

/// The chunks of a label sequence, as `conlleval` reads them: a chunk starts at `B-X`, or at
/// `I-X` after `O` or after a chunk of another type (IOB1, or a stray `I-`), and ends before
/// `O`, a `B-`, or a label of another type. BILOU's `U-`/`L-`/`S-`/`E-` are read too.
pub fn chunks(labels: &[impl AsRef<str>]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, label) in labels.iter().enumerate() {
        let label = label.as_ref();
        let (prefix, kind) = label.split_once('-').unwrap_or(("O", ""));
        let continues = matches!(prefix, "I" | "L" | "E") && open.is_some_and(|(_, k)| k == kind);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i,
                    kind: k.to_string(),
                });
            }
            if prefix != "O" {
                open = Some((i, kind));
            }
        }
        if matches!(prefix, "L" | "E" | "U" | "S") {
            if let Some((s, k)) = open.take() {
                out.push(Chunk {
                    start: s,
                    end: i + 1,
                    kind: k.to_string(),
                });
            }
        }
    }
    if let Some((s, k)) = open {
        out.push(Chunk {
            start: s,
            end: labels.len(),
            kind: k.to_string(),
        });
    }
    out
}

/// Chunk counts, overall and per type.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NerCounts {
    /// Over all types.
    pub overall: Counts,
    /// Per entity type.
    pub by_type: BTreeMap<String, Counts>,
}

impl NerCounts {
    /// Adds one sentence's gold and predicted labels.
    pub fn add(&mut self, gold: &[impl AsRef<str>], predicted: &[impl AsRef<str>]) {
        let g = chunks(gold);
        let p = chunks(predicted);
        let matched: Vec<&Chunk> = p.iter().filter(|c| g.contains(c)).collect();
        self.overall += Counts::new(g.len(), p.len(), matched.len());
        for c in &g {
            self.by_type.entry(c.kind.clone()).or_default().gold += 1;
        }
        for c in &p {
            self.by_type.entry(c.kind.clone()).or_default().system += 1;
        }
        for c in matched {
            self.by_type.entry(c.kind.clone()).or_default().matched += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(labels: &[&str]) -> Vec<(usize, usize, String)> {
        chunks(labels)
            .into_iter()
            .map(|c| (c.start, c.end, c.kind))
            .collect()
    }

    #[test]
    fn bio_chunks() {
        assert_eq!(
            spans(&["B-PER", "I-PER", "O", "B-LOC"]),
            [(0, 2, "PER".into()), (3, 4, "LOC".into())]
        );
    }

    #[test]
    fn i_without_b_starts_a_chunk_as_in_conlleval() {
        assert_eq!(spans(&["O", "I-ORG", "I-ORG"]), [(1, 3, "ORG".into())]);
        assert_eq!(
            spans(&["I-PER", "I-LOC"]),
            [(0, 1, "PER".into()), (1, 2, "LOC".into())]
        );
    }

    #[test]
    fn adjacent_entities_of_the_same_type() {
        // IOB2: B- splits them; IOB1: "I-LOC B-LOC".
        assert_eq!(
            spans(&["B-LOC", "B-LOC"]),
            [(0, 1, "LOC".into()), (1, 2, "LOC".into())]
        );
        assert_eq!(
            spans(&["I-LOC", "B-LOC", "I-LOC"]),
            [(0, 1, "LOC".into()), (1, 3, "LOC".into())]
        );
    }

    #[test]
    fn counts_with_known_answers() {
        let mut c = NerCounts::default();
        // Gold: PER(0..2), LOC(3..4). System: PER(0..1) (wrong boundary), LOC(3..4).
        c.add(
            &["B-PER", "I-PER", "O", "B-LOC"],
            &["B-PER", "O", "O", "B-LOC"],
        );
        assert_eq!(c.overall, Counts::new(2, 2, 1));
        assert_eq!(c.by_type["PER"], Counts::new(1, 1, 0));
        assert_eq!(c.by_type["LOC"], Counts::new(1, 1, 1));
    }

    #[test]
    fn docstart_lines_split_documents() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- O O\n\nPeter NNP B-NP B-PER\n";
        let s = parse(text, Path::new("t")).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].document, 0);
        assert_eq!(s[1].document, 1);
        assert_eq!(s[1].labels, ["B-PER"]);
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let err = parse("EU B-ORG\nrejects\n", Path::new("bad.conll")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.conll:2: expected a token and a label, found 1 column"
        );
        let err = parse("EU B-ORG\nx Q-ORG\n", Path::new("bad.conll")).unwrap_err();
        assert!(err.to_string().contains("bad.conll:2: bad NER label"));
    }
}
