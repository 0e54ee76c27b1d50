//! GUM (Georgetown University Multilayer corpus) entity annotation read as gold named
//! mentions over the same text [`crate::conllu`] rebuilds.
//!
//! GUM marks every entity mention, named, common or pronominal, in the MISC column:
//! `Entity=(3-organization-new-…` opens mention of entity 3 on a word, `3)` closes it, and
//! `(5-place-…)` is a one-word mention; mentions nest. The fields after the id are given by
//! `# global.Entity = GRP-etype-infstat-…`; only the id and `etype` are used here.
//!
//! **Named mentions.** A mention is named when its syntactic head is a proper noun: the head
//! is the first word of the mention whose dependency head (column 7) lies outside the
//! mention, and it must have UPOS `PROPN`. GUM's mention spans the whole noun phrase ("the
//! United States", "US President Donald Trump"'s head is "Trump"), CoNLL only the name, so
//! the span is cut to the name: the run of `PROPN` words around the head inside the mention,
//! bridged by at most two function words (`ADP`, `DET`, or `&` `-` `.`) between proper nouns
//! ("Bank of the West"), and followed by numbers ("Apollo 11"). A run ends at a comma or a
//! coordinating "and", so "Washington, DC" and "Afghanistan and Pakistan" give "Washington"
//! and "Afghanistan", as CoNLL chunks them. When several mentions cut to the same span, the
//! innermost (shortest) one's type is kept, and on a tie PER/ORG/LOC over MISC.
//!
//! **Types.** person → PER, organization → ORG, place → LOC; time mentions are dropped (days
//! and months are `PROPN` in UD but not CoNLL entities); every other type (event, object,
//! abstract, substance, animal, plant) → MISC.
//!
//! **Text.** [`crate::conllu::parse`] rebuilds each document; the words are located in each
//! sentence's `# text` here (a multi-word token's words share its span unless they spell it),
//! so the spans are ranges of exactly that text.

use std::path::{Path, PathBuf};

use sitrep_doc::Span;

use crate::conllu;
use crate::entity_mentions::{one_per_span, EntityMention, GoldMentions, MentionsError};

/// The CoNLL type of a GUM entity type, `None` for types that are not scored (time).
pub fn conll_type(etype: &str) -> Option<&'static str> {
    match etype {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        "time" => None,
        _ => Some("MISC"),
    }
}

/// Reads every `.conllu` file under `dir` (a folder, recursively, or one file), sorted.
pub fn read_dir(dir: &Path) -> Result<Vec<GoldMentions>, MentionsError> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        docs.extend(read_file(&file)?);
    }
    Ok(docs)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), MentionsError> {
    if !path.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let io = |source| MentionsError::Io {
        path: path.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(path).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "conllu") {
            out.push(p);
        }
    }
    Ok(())
}

/// Reads the documents of one `.conllu` file.
pub fn read_file(path: &Path) -> Result<Vec<GoldMentions>, MentionsError> {
    let content = std::fs::read_to_string(path).map_err(|source| MentionsError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&content, path)
}

/// One syntactic word line.
struct Word {
    id: usize,
    form: String,
    upos: String,
    head: usize,
    deprel: String,
    entity: Option<String>,
    line: usize,
    /// Index of the multi-word token line the word belongs to, in `Sentence::ranges`.
    range: Option<usize>,
}

/// A sentence as this module needs it.
#[derive(Default)]
struct Sentence {
    text: String,
    words: Vec<Word>,
    /// Multi-word token lines: (first id, last id, form).
    ranges: Vec<(usize, usize, String)>,
}

/// Parses CoNLL-U `content` with GUM entity annotation; `path` names the source in errors.
pub fn parse(content: &str, path: &Path) -> Result<Vec<GoldMentions>, MentionsError> {
    let rebuilt = conllu::parse(content, path)?;
    let sentences = read_sentences(content, path)?;
    if rebuilt.len() != sentences.len() {
        return Err(malformed(
            path,
            0,
            "documents differ from the CoNLL-U reader's".into(),
        ));
    }
    let mut out = Vec::new();
    for (doc, sents) in rebuilt.into_iter().zip(sentences) {
        if doc.sentences.len() != sents.len() {
            return Err(malformed(
                path,
                0,
                "sentences differ from the CoNLL-U reader's".into(),
            ));
        }
        let mut kept: Vec<(EntityMention, usize)> = Vec::new();
        for (s, &(base, _)) in sents.iter().zip(&doc.sentences) {
            let line = s.words.first().map_or(0, |w| w.line);
            if !doc.text[base..].starts_with(&s.text) {
                return Err(malformed(
                    path,
                    line,
                    "sentence text not found in the document".into(),
                ));
            }
            let spans = word_spans(s).map_err(|r| malformed(path, line, r))?;
            let found = mentions(s, path)?;
            for (a, b, etype) in &found {
                let Some(kind) = conll_type(etype) else {
                    continue;
                };
                // A person's name stops at a mention nested in it ("US" in "US President
                // Barack Obama", "NWSC" in "Leung Yiu-chung of NWSC"); other names may
                // contain names ("University of Texas").
                let nested: Vec<(usize, usize)> = if kind == "PER" {
                    found
                        .iter()
                        .filter(|m| (m.0, m.1) != (*a, *b) && *a <= m.0 && m.1 <= *b)
                        .map(|m| (m.0, m.1))
                        .collect()
                } else {
                    Vec::new()
                };
                let (a, b) = (*a, *b);
                if let Some((x, y)) = name_words(s, a, b, &nested) {
                    let span = Span::new(base + spans[x].start, base + spans[y].end);
                    let preference = 2 * (b - a) + usize::from(kind == "MISC");
                    kept.push((EntityMention::new(span, kind), preference));
                }
            }
        }
        one_per_span(&mut kept);
        out.push(GoldMentions {
            id: doc.id.unwrap_or_default(),
            text: doc.text,
            mentions: kept.into_iter().map(|(m, _)| m).collect(),
            ignored: Vec::new(),
        });
    }
    Ok(out)
}

fn malformed(path: &Path, line: usize, reason: String) -> MentionsError {
    MentionsError::Malformed {
        path: path.to_path_buf(),
        line,
        reason,
    }
}

/// Splits the file into documents of sentences, as [`conllu::parse`] does.
fn read_sentences(content: &str, path: &Path) -> Result<Vec<Vec<Sentence>>, MentionsError> {
    let mut docs: Vec<Vec<Sentence>> = Vec::new();
    let mut doc: Vec<Sentence> = Vec::new();
    let mut sent = Sentence::default();
    let lines = content.lines().chain(std::iter::once(""));
    for (n, line) in lines.enumerate() {
        let line_no = n + 1;
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim();
            if comment.starts_with("newdoc") && !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            } else if let Some(text) = comment.strip_prefix("text =") {
                sent.text = text.trim().to_string();
            }
            continue;
        }
        if line.trim().is_empty() {
            if !sent.words.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        // conllu::parse has checked the column count and the ids.
        let (Some(id), Some(form), Some(upos), Some(head), Some(deprel), Some(misc)) = (
            cols.first(),
            cols.get(1),
            cols.get(3),
            cols.get(6),
            cols.get(7),
            cols.get(9),
        ) else {
            return Err(malformed(path, line_no, "too few columns".into()));
        };
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            if let (Ok(a), Ok(b)) = (a.parse(), b.parse()) {
                sent.ranges.push((a, b, form.to_string()));
            }
            continue;
        }
        let bad = |what: &str| malformed(path, line_no, format!("bad {what} in {line:?}"));
        let id: usize = id.parse().map_err(|_| bad("id"))?;
        let range = sent.ranges.iter().position(|&(a, b, _)| a <= id && id <= b);
        sent.words.push(Word {
            id,
            form: form.to_string(),
            upos: upos.to_string(),
            head: head.parse().map_err(|_| bad("head"))?,
            deprel: deprel.to_string(),
            entity: misc
                .split('|')
                .find_map(|m| m.strip_prefix("Entity="))
                .map(str::to_string),
            line: line_no,
            range,
        });
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Each word's span in the sentence text: the words located by their forms, in order; a
/// multi-word token's words share its span unless their forms spell it.
fn word_spans(s: &Sentence) -> Result<Vec<Span>, String> {
    let mut spans = Vec::with_capacity(s.words.len());
    let mut pos = 0;
    let mut i = 0;
    let locate = |form: &str, pos: &mut usize| -> Result<Span, String> {
        let rest = &s.text[*pos..];
        *pos += rest.len() - rest.trim_start().len();
        if !s.text[*pos..].starts_with(form) {
            return Err(format!(
                "word {form:?} not found at offset {pos} of {:?}",
                s.text
            ));
        }
        let span = Span::new(*pos, *pos + form.len());
        *pos = span.end;
        Ok(span)
    };
    while i < s.words.len() {
        let Some(r) = s.words[i].range else {
            spans.push(locate(&s.words[i].form, &mut pos)?);
            i += 1;
            continue;
        };
        let parts = s.words[i..]
            .iter()
            .take_while(|w| w.range == Some(r))
            .count();
        let words = &s.words[i..i + parts];
        let spelled: String = words.iter().map(|w| w.form.as_str()).collect();
        if spelled == s.ranges[r].2 {
            for w in words {
                spans.push(locate(&w.form, &mut pos)?);
            }
        } else {
            let whole = locate(&s.ranges[r].2, &mut pos)?;
            spans.extend(std::iter::repeat_n(whole, parts));
        }
        i += parts;
    }
    Ok(spans)
}

/// The sentence's mentions as (first word, last word, etype), word indices into `s.words`.
fn mentions(s: &Sentence, path: &Path) -> Result<Vec<(usize, usize, String)>, MentionsError> {
    let mut open: Vec<(String, String, usize)> = Vec::new(); // id, etype, first word
    let mut out = Vec::new();
    for (i, w) in s.words.iter().enumerate() {
        let Some(value) = &w.entity else { continue };
        let bad = |reason: String| malformed(path, w.line, reason);
        let mut rest = value.as_str();
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let end = after.find(['(', ')']).unwrap_or(after.len());
                let mut fields = after[..end].split('-');
                let id = fields.next().unwrap_or_default().to_string();
                let etype = fields.next().unwrap_or_default().to_string();
                if id.is_empty() || etype.is_empty() {
                    return Err(bad(format!("entity without an id and a type in {value:?}")));
                }
                rest = &after[end..];
                if let Some(after_close) = rest.strip_prefix(')') {
                    out.push((i, i, etype));
                    rest = after_close;
                } else {
                    open.push((id, etype, i));
                }
            } else {
                let end = rest
                    .find(')')
                    .ok_or_else(|| bad(format!("unbalanced {value:?}")))?;
                let id = &rest[..end];
                let k = open
                    .iter()
                    .rposition(|(o, _, _)| o == id)
                    .ok_or_else(|| bad(format!("entity {id} closed but not open")))?;
                let (_, etype, first) = open.remove(k);
                out.push((first, i, etype));
                rest = &rest[end + 1..];
            }
        }
    }
    if let Some((id, _, first)) = open.first() {
        let line = s.words[*first].line;
        return Err(malformed(
            path,
            line,
            format!("entity {id} not closed in its sentence"),
        ));
    }
    Ok(out)
}

/// The name inside mention `[a, b]` (word indices), if its head is a proper noun: see the
/// module comment for the rule.
fn name_words(
    s: &Sentence,
    a: usize,
    b: usize,
    barriers: &[(usize, usize)],
) -> Option<(usize, usize)> {
    let (first_id, last_id) = (s.words[a].id, s.words[b].id);
    let head = (a..=b).find(|&i| {
        let h = s.words[i].head;
        h == 0 || h < first_id || h > last_id
    })?;
    let w = &s.words;
    if w[head].upos != "PROPN" {
        return None;
    }
    let blocked = |i: usize| {
        w[i].deprel == "nmod:desc"
            || barriers
                .iter()
                .any(|&(p, q)| p <= i && i <= q && !(p <= head && head <= q))
    };
    let proper = |i: usize| {
        !blocked(i)
            && (w[i].upos == "PROPN"
                || (!matches!(
                    w[i].upos.as_str(),
                    "PUNCT" | "DET" | "PRON" | "ADP" | "CCONJ"
                ) && w[i].form.starts_with(char::is_uppercase)))
    };
    let bridge = |i: usize| {
        !blocked(i)
            && matches!(
                w[i].form.as_str(),
                "of" | "for" | "on" | "de" | "di" | "da" | "del" | "du" | "the" | "&" | "-" | "."
            )
    };
    // Leftwards: proper nouns, or up to two bridge words followed (leftwards) by one.
    let mut x = head;
    loop {
        let mut k = x;
        while k > a && x - k < 2 && bridge(k - 1) {
            k -= 1;
        }
        if k > a && proper(k - 1) {
            x = k - 1;
        } else {
            break;
        }
    }
    let mut y = head;
    loop {
        let mut k = y;
        while k < b && k - y < 2 && bridge(k + 1) {
            k += 1;
        }
        if k < b && proper(k + 1) {
            y = k + 1;
        } else {
            break;
        }
    }
    while y < b && w[y + 1].upos == "NUM" {
        y += 1;
    }
    Some((x, y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, form: &str, upos: &str, head: &str, misc: &str) -> String {
        format!("{id}\t{form}\t{form}\t{upos}\t_\t_\t{head}\tdep\t_\t{misc}")
    }

    fn sample() -> String {
        [
            "# newdoc id = GUM_news_test".to_string(),
            "# newpar".into(),
            "# text = US President Donald Trump's visit to Bank of the West in Washington, DC."
                .into(),
            row(
                "1",
                "US",
                "PROPN",
                "4",
                "Entity=(1-person-new-x-x-1-coref(2-place-new-x-x-1-coref)",
            ),
            "2\tPresident\tPresident\tPROPN\t_\t_\t3\tnmod:desc\t_\t_".into(),
            row("3", "Donald", "PROPN", "4", "_"),
            "4-5\tTrump's\t_\t_\t_\t_\t_\t_\t_\t_".into(),
            row("4", "Trump", "PROPN", "7", "Entity=1)"),
            row("5", "'s", "PART", "4", "_"),
            row("6", "visit", "NOUN", "0", "Entity=(3-event-new-x-x-1-sgl"),
            row("7", "to", "ADP", "8", "_"),
            row(
                "8",
                "Bank",
                "PROPN",
                "6",
                "Entity=(4-organization-new-x-x-1-coref",
            ),
            row("9", "of", "ADP", "11", "_"),
            row("10", "the", "DET", "11", "_"),
            row("11", "West", "PROPN", "8", "Entity=4)"),
            row("12", "in", "ADP", "13", "_"),
            row(
                "13",
                "Washington",
                "PROPN",
                "8",
                "Entity=(5-place-new-x-x-1-coref|SpaceAfter=No",
            ),
            row("14", ",", "PUNCT", "15", "_"),
            row("15", "DC", "PROPN", "13", "Entity=5)3)|SpaceAfter=No"),
            row("16", ".", "PUNCT", "6", "_"),
            String::new(),
            "# text = It was on Monday.".into(),
            row("1", "It", "PRON", "4", "Entity=(1-person-giv-x-x-1-coref)"),
            row("2", "was", "AUX", "4", "_"),
            row("3", "on", "ADP", "4", "_"),
            row(
                "4",
                "Monday",
                "PROPN",
                "0",
                "Entity=(6-time-new-x-x-1-sgl)|SpaceAfter=No",
            ),
            row("5", ".", "PUNCT", "4", "_"),
            String::new(),
        ]
        .join("\n")
    }

    #[test]
    fn nested_named_mentions_cut_to_names() {
        let docs = parse(&sample(), Path::new("t.conllu")).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.id, "GUM_news_test");
        assert!(d.text.starts_with("US President Donald Trump's visit"));
        assert!(d.text.ends_with("DC. It was on Monday."));
        let got: Vec<(&str, &str)> = d
            .mentions
            .iter()
            .map(|m| (&d.text[m.span.range()], m.kind.as_str()))
            .collect();
        // The person mention's name drops its title (nmod:desc); the event ("visit") and the
        // pronoun are not named; the time mention is dropped; "Washington, DC" stops at
        // the comma.
        assert_eq!(
            got,
            [
                ("US", "LOC"),
                ("Donald Trump", "PER"),
                ("Bank of the West", "ORG"),
                ("Washington", "LOC"),
            ]
        );
    }

    #[test]
    fn same_span_keeps_the_innermost_type() {
        let text = [
            "# text = Trump",
            &row(
                "1",
                "Trump",
                "PROPN",
                "0",
                "Entity=(1-event-new-x-x-1-sgl(2-person-giv-x-x-1-coref)1)",
            ),
            "",
        ]
        .join("\n");
        let d = &parse(&text, Path::new("t.conllu")).unwrap()[0];
        assert_eq!(d.mentions, [EntityMention::new(Span::new(0, 5), "PER")]);
    }

    #[test]
    fn unbalanced_brackets_name_the_line() {
        let text = [
            "# text = A",
            &row("1", "A", "PROPN", "0", "Entity=(1-person-new"),
            "",
        ]
        .join("\n");
        let err = parse(&text, Path::new("bad.conllu")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.conllu:2: entity 1 not closed in its sentence"
        );
        let text = ["# text = A", &row("1", "A", "PROPN", "0", "Entity=7)"), ""].join("\n");
        let err = parse(&text, Path::new("bad.conllu")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.conllu:2: entity 7 closed but not open"
        );
    }

    /// Reads the real corpus from `../shared/data` beside the workspace, when it is there.
    #[test]
    fn reads_the_real_corpus() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ud/gum/news");
        if !dir.is_dir() {
            println!("SKIPPED: {} not found", dir.display());
            return;
        }
        let docs = read_dir(&dir).unwrap();
        let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
        let ignored: usize = docs.iter().map(|d| d.ignored.len()).sum();
        let mut by_type = std::collections::BTreeMap::new();
        for d in &docs {
            for m in &d.mentions {
                assert!(d
                    .text
                    .get(m.span.range())
                    .is_some_and(|t| !t.trim().is_empty()));
                *by_type.entry(m.kind.as_str()).or_insert(0) += 1;
            }
        }
        println!(
            "gum: {} documents, {mentions} named mentions {by_type:?}, {ignored} ignored stretches",
            docs.len()
        );
        if std::env::var_os("DUMP_MENTIONS").is_some() {
            for d in &docs {
                for m in &d.mentions {
                    println!("M\t{}\t{}\t{}", d.id, m.kind, &d.text[m.span.range()]);
                }
                for s in &d.ignored {
                    println!("I\t{}\t{}", d.id, &d.text[s.range()]);
                }
            }
        }
        assert!(docs.len() >= 20, "{} documents", docs.len());
        assert!(mentions >= 10 * docs.len(), "{mentions} mentions");
    }
}
