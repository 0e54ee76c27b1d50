//! CoNLL-U reading: rebuilds raw documents from Universal Dependencies treebanks, with the
//! gold token and sentence spans, for scoring tokenizers and sentence splitters.
//!
//! A document starts at `# newdoc` (or at the start of the file), a paragraph at `# newpar`;
//! each sentence's `# text` is its raw text. Sentences of one paragraph are joined with a
//! space and paragraphs with a blank line, which is how the text would stand in an article.
//! Gold tokens are located in the sentence text by their forms, in order.

use std::path::{Path, PathBuf};

use thiserror::Error;

/// A problem with a CoNLL-U file.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum ConlluError {
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

/// A rebuilt document with its gold segmentation.
#[derive(Debug, Clone, Default)]
pub struct GoldDocument {
    /// The document id from `# newdoc id = ...`, if any.
    pub id: Option<String>,
    /// The raw text.
    pub text: String,
    /// Gold token spans (byte offsets into `text`), in order.
    pub tokens: Vec<(usize, usize)>,
    /// Gold sentence spans (byte offsets into `text`), in order.
    pub sentences: Vec<(usize, usize)>,
}

/// One token line of a sentence: its id kind and form.
struct Row {
    /// `Some((first, last))` for a multi-word token line `3-4`.
    range: Option<(usize, usize)>,
    /// The word id for an ordinary line.
    id: Option<usize>,
    form: String,
    /// `SpaceAfter=No` in MISC.
    no_space_after: bool,
    upos: String,
}

/// Reads every document of a `.conllu` file.
pub fn read_file(path: &Path) -> Result<Vec<GoldDocument>, ConlluError> {
    let content = std::fs::read_to_string(path).map_err(|source| ConlluError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&content, path)
}

/// Parses CoNLL-U `content`; `path` only names the source in errors.
pub fn parse(content: &str, path: &Path) -> Result<Vec<GoldDocument>, ConlluError> {
    let mut docs: Vec<GoldDocument> = Vec::new();
    let mut doc = GoldDocument::default();
    let mut sentence_text: Option<String> = None;
    let mut rows: Vec<Row> = Vec::new();
    let mut new_paragraph = false;
    let malformed = |line: usize, reason: String| ConlluError::Malformed {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let lines: Vec<&str> = content.lines().chain(std::iter::once("")).collect();
    for (n, line) in lines.iter().enumerate() {
        let line_no = n + 1;
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if comment.starts_with("newdoc") {
                if !doc.text.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
                doc.id = comment.split_once('=').map(|(_, id)| id.trim().to_string());
                new_paragraph = true;
            } else if comment.starts_with("newpar") && !comment.starts_with("newpar_") {
                new_paragraph = true;
            } else if let Some(text) = comment.strip_prefix("text =") {
                sentence_text = Some(text.trim().to_string());
            }
            continue;
        }
        if line.trim().is_empty() {
            if rows.is_empty() {
                continue;
            }
            let text = sentence_text
                .take()
                .ok_or_else(|| malformed(line_no, "sentence without a `# text` comment".into()))?;
            add_sentence(&mut doc, &text, &rows, new_paragraph)
                .map_err(|reason| malformed(line_no, reason))?;
            rows.clear();
            new_paragraph = false;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(malformed(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty nodes have no surface form
        }
        let (range, word_id) = match id.split_once('-') {
            Some((a, b)) => match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) => (Some((a, b)), None),
                _ => return Err(malformed(line_no, format!("bad token id {id:?}"))),
            },
            None => match id.parse() {
                Ok(i) => (None, Some(i)),
                Err(_) => return Err(malformed(line_no, format!("bad token id {id:?}"))),
            },
        };
        rows.push(Row {
            range,
            id: word_id,
            form: cols[1].to_string(),
            no_space_after: cols[9].split('|').any(|m| m == "SpaceAfter=No"),
            upos: cols[3].to_string(),
        });
    }
    if !doc.text.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Appends one sentence's text to the document and records its gold spans.
fn add_sentence(
    doc: &mut GoldDocument,
    text: &str,
    rows: &[Row],
    new_paragraph: bool,
) -> Result<(), String> {
    if !doc.text.is_empty() {
        doc.text.push_str(if new_paragraph { "\n\n" } else { " " });
    }
    let base = doc.text.len();
    doc.text.push_str(text);
    let words = surface_tokens(rows);
    let mut pos = 0;
    let first = doc.tokens.len();
    for form in words {
        let rest = &text[pos..];
        let skipped = rest.len() - rest.trim_start().len();
        pos += skipped;
        if !text[pos..].starts_with(form.as_str()) {
            return Err(format!(
                "token {form:?} not found at offset {pos} of the sentence text {text:?}"
            ));
        }
        doc.tokens.push((base + pos, base + pos + form.len()));
        pos += form.len();
    }
    if doc.tokens.len() > first {
        doc.sentences
            .push((doc.tokens[first].0, doc.tokens[doc.tokens.len() - 1].1));
    }
    Ok(())
}

/// The surface tokens of a sentence, mapped to sitrep's (Penn Treebank) conventions:
/// a multi-word token is split into its words when they spell it ("don't" → "do" "n't"),
/// else kept whole; words joined by a hyphen with no space ("all - girl") are one token,
/// because sitrep keeps hyphenated words whole, as CoNLL-2003 does.
fn surface_tokens(rows: &[Row]) -> Vec<String> {
    // (form, no_space_after, is_hyphen)
    let mut units: Vec<(String, bool, bool)> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let row = &rows[i];
        if let Some((a, b)) = row.range {
            let parts: Vec<&Row> = rows[i + 1..]
                .iter()
                .take_while(|r| r.id.is_some_and(|id| id >= a && id <= b))
                .collect();
            let spelled: String = parts.iter().map(|r| r.form.as_str()).collect();
            if spelled == row.form {
                for (k, p) in parts.iter().enumerate() {
                    let last = k + 1 == parts.len();
                    units.push((p.form.clone(), !last || row.no_space_after, false));
                }
            } else {
                units.push((row.form.clone(), row.no_space_after, false));
            }
            i += 1 + parts.len();
            continue;
        }
        let hyphen = row.form == "-" && row.upos == "PUNCT";
        units.push((row.form.clone(), row.no_space_after, hyphen));
        i += 1;
    }
    let mut out: Vec<String> = Vec::new();
    let mut k = 0;
    while k < units.len() {
        let mut form = units[k].0.clone();
        let mut glued = units[k].1;
        // word - word with no spaces: merge
        while glued
            && k + 2 < units.len()
            && units[k + 1].2
            && units[k + 1].1
            && !units[k + 2].2
            && !is_punct_form(&units[k + 2].0)
            && !is_punct_form(&form)
        {
            form.push('-');
            form.push_str(&units[k + 2].0);
            glued = units[k + 2].1;
            k += 2;
        }
        out.push(form);
        k += 1;
    }
    out
}

fn is_punct_form(form: &str) -> bool {
    form.chars().all(|c| !c.is_alphanumeric())
}

/// Reads every `.conllu` file under `path` (a file or a directory, recursively, sorted).
pub fn read_path(path: &Path) -> Result<Vec<GoldDocument>, ConlluError> {
    let mut files = Vec::new();
    collect(path, &mut files)?;
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        docs.extend(read_file(&file)?);
    }
    Ok(docs)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) -> Result<(), ConlluError> {
    let io = |source| ConlluError::Io {
        path: path.to_path_buf(),
        source,
    };
    if path.is_dir() {
        for entry in std::fs::read_dir(path).map_err(io)? {
            let entry = entry.map_err(io)?.path();
            if entry.is_dir() || entry.extension().is_some_and(|e| e == "conllu") {
                collect(&entry, files)?;
            }
        }
    } else {
        // A named file is read whatever its name; a missing one fails there, with its path.
        files.push(path.to_path_buf());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> String {
        let rows = [
            "# newdoc id = d1",
            "# newpar",
            "# text = I don't like all-girl teams.",
            "1\tI\tI\tPRON\t_\t_\t0\t_\t_\t_",
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
            "2\tdo\tdo\tAUX\t_\t_\t0\t_\t_\t_",
            "3\tn't\tnot\tPART\t_\t_\t0\t_\t_\t_",
            "4\tlike\tlike\tVERB\t_\t_\t0\t_\t_\t_",
            "5\tall\tall\tDET\t_\t_\t0\t_\t_\tSpaceAfter=No",
            "6\t-\t-\tPUNCT\t_\t_\t0\t_\t_\tSpaceAfter=No",
            "7\tgirl\tgirl\tNOUN\t_\t_\t0\t_\t_\t_",
            "8\tteams\tteam\tNOUN\t_\t_\t0\t_\t_\tSpaceAfter=No",
            "9\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_",
            "",
            "# text = Yes.",
            "1\tYes\tyes\tINTJ\t_\t_\t0\t_\t_\tSpaceAfter=No",
            "2\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_",
            "",
            "# newpar",
            "# text = New.",
            "1\tNew\tnew\tADJ\t_\t_\t0\t_\t_\tSpaceAfter=No",
            "2\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_",
            "",
        ];
        rows.join("\n")
    }

    #[test]
    fn rebuilds_text_and_spans() {
        let docs = parse(&sample(), Path::new("x.conllu")).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text, "I don't like all-girl teams. Yes.\n\nNew.");
        let forms: Vec<&str> = d.tokens.iter().map(|&(a, b)| &d.text[a..b]).collect();
        assert_eq!(
            forms,
            ["I", "do", "n't", "like", "all-girl", "teams", ".", "Yes", ".", "New", "."]
        );
        let sents: Vec<&str> = d.sentences.iter().map(|&(a, b)| &d.text[a..b]).collect();
        assert_eq!(sents, ["I don't like all-girl teams.", "Yes.", "New."]);
    }

    #[test]
    fn malformed_lines_name_the_line() {
        let bad = "# text = A\n1\tA\n\n";
        let err = parse(bad, Path::new("bad.conllu")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.conllu:2: expected 10 tab-separated columns, found 2"
        );
    }
}
