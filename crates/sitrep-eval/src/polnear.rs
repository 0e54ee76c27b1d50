//! PolNeAR (Newell et al., LREC 2018): attribution relations in US political news, as brat
//! stand-off annotation, and the scores `sitrep eval attribution --polnear DIR` prints.
//!
//! A split directory (`dev/`, `train/`) holds `text/<name>.txt` and
//! `attributions/<name>_<annotator>.ann`. Each `.ann` line is `T<n>\t<Label> <start> <end>[;<start>
//! <end>…]\t<text>` (labels `Source`, `Cue`, `Content`; offsets in characters; a span's text may
//! run over several lines) or `E<n>\t<Label>:T<a> Content:T<b> Cue:T<c> Source:T<d>`. Where
//! several annotators did one article, the first file in name order is used.
//!
//! Scoring follows DOMAIN.md §8 and PARC practice: a system attribution is a quote with a
//! speaker or cue, or a claim; those sharing source and cue are one attribution (PolNeAR joins
//! the quotes of one cue into one discontinuous content) and, since PolNeAR is univocal, an
//! attribution nested in another's content is left out. Contents are compared as sets of
//! word tokens (punctuation and a leading "that" ignored): **exact** when the sets are equal,
//! **overlap** when they share a token (one-to-one, largest overlap first); **token** scores
//! count content tokens. On overlap-matched pairs, the **source** is right when both are
//! absent or their spans share a token, and likewise the **cue**.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;
use sitrep_doc::layers::{QuoteKind, TokenKind};
use sitrep_doc::{Document, Meta, Span};

use crate::prf::Counts;

/// Errors reading PolNeAR.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PolnearError {
    /// A file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A line of an `.ann` file is malformed.
    #[error("{path}:{line}: {reason}")]
    Malformed {
        /// The `.ann` file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// A span of one or more pieces, in byte offsets of the article text.
pub type Pieces = Vec<Span>;

/// One gold attribution relation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldAttribution {
    /// Who (absent for `Attribution-no-source`).
    pub source: Option<Pieces>,
    /// The cue.
    pub cue: Option<Pieces>,
    /// What is attributed.
    pub content: Pieces,
}

/// One PolNeAR article with its attributions.
#[derive(Clone, Debug)]
pub struct PolnearDoc {
    /// The article's file stem.
    pub name: String,
    /// The article text.
    pub text: String,
    /// Its attribution relations.
    pub attributions: Vec<GoldAttribution>,
}

/// The split directory: `dir` itself if it holds `attributions/`, else `dir/<split>`.
pub fn split_dir(dir: &Path, split: &str) -> PathBuf {
    if dir.join("attributions").is_dir() {
        dir.to_path_buf()
    } else {
        dir.join(split)
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> PolnearError + '_ {
    move |source| PolnearError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Reads every article of a split directory (`…/polnear/dev`).
pub fn read_split(dir: &Path) -> Result<Vec<PolnearDoc>, PolnearError> {
    let ann_dir = dir.join("attributions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&ann_dir)
        .map_err(io(&ann_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    files.sort();
    let mut by_name: BTreeMap<String, PathBuf> = BTreeMap::new();
    for f in files {
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let name = stem.rsplit_once('_').map_or(stem, |(n, _)| n).to_string();
        by_name.entry(name).or_insert(f);
    }
    let mut docs = Vec::new();
    for (name, ann) in by_name {
        let text_path = dir.join("text").join(format!("{name}.txt"));
        let text = std::fs::read_to_string(&text_path).map_err(io(&text_path))?;
        let content = std::fs::read_to_string(&ann).map_err(io(&ann))?;
        let attributions = parse_ann(&content, &text, &ann)?;
        docs.push(PolnearDoc {
            name,
            text,
            attributions,
        });
    }
    Ok(docs)
}

/// Parses one `.ann` file against its article text.
pub fn parse_ann(ann: &str, text: &str, path: &Path) -> Result<Vec<GoldAttribution>, PolnearError> {
    let bad = |line: usize, reason: String| PolnearError::Malformed {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let byte_of: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut spans: BTreeMap<String, Pieces> = BTreeMap::new();
    let mut relations = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue; // the continuation of a span text that ran over a line break
        };
        let numbered = |c: char| {
            id.starts_with(c) && id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit())
        };
        if numbered('T') {
            let Some((_label, offsets)) = body.split_once(' ') else {
                return Err(bad(n + 1, format!("no offsets in {body:?}")));
            };
            let mut pieces = Vec::new();
            for piece in offsets.split(';') {
                let mut nums = piece.split_whitespace().map(str::parse::<usize>);
                match (nums.next(), nums.next()) {
                    (Some(Ok(a)), Some(Ok(b))) if a <= b && b < byte_of.len() => {
                        pieces.push(Span::new(byte_of[a], byte_of[b]))
                    }
                    _ => return Err(bad(n + 1, format!("bad offsets {piece:?}"))),
                }
            }
            spans.insert(id.to_string(), pieces);
        } else if numbered('E') {
            relations.push((n + 1, body.to_string()));
        }
    }
    let mut out = Vec::new();
    for (line, body) in relations {
        let mut rel = GoldAttribution::default();
        for arg in body.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                return Err(bad(line, format!("bad argument {arg:?}")));
            };
            let pieces = spans
                .get(id)
                .cloned()
                .ok_or_else(|| bad(line, format!("unknown span id {id}")))?;
            match role {
                "Source" => rel.source = Some(pieces),
                "Cue" => rel.cue = Some(pieces),
                "Content" => rel.content = pieces,
                _ => {}
            }
        }
        if !rel.content.is_empty() {
            out.push(rel);
        }
    }
    Ok(out)
}

/// A correct/total ratio.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Accuracy {
    /// Items judged right.
    pub correct: usize,
    /// Items judged.
    pub total: usize,
}

impl Accuracy {
    /// correct / total; 0 when nothing was judged.
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }

    /// Counts one judgement.
    pub fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += usize::from(correct);
    }
}

/// The scores on one split.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PolnearReport {
    /// The split directory scored.
    pub split: String,
    /// Articles scored.
    pub documents: usize,
    /// Contents with exactly the gold word tokens.
    pub content_exact: Counts,
    /// Contents sharing at least one word token with a gold content (one-to-one).
    pub content_overlap: Counts,
    /// Content word tokens.
    pub content_tokens: Counts,
    /// Source right on overlap-matched contents.
    pub source: Accuracy,
    /// Cue right on overlap-matched contents.
    pub cue: Accuracy,
    /// Missed and spurious attributions, one line each, for `--errors`.
    pub errors: Vec<String>,
}

impl fmt::Display for PolnearReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "PolNeAR {} ({} articles)", self.split, self.documents)?;
        writeln!(
            f,
            "{:<18} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}",
            "", "P", "R", "F1", "gold", "system", "matched"
        )?;
        for (label, c) in [
            ("content exact", self.content_exact),
            ("content overlap", self.content_overlap),
            ("content tokens", self.content_tokens),
        ] {
            writeln!(
                f,
                "{label:<18} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>7} {:>7}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold,
                c.system,
                c.matched
            )?;
        }
        writeln!(
            f,
            "source accuracy    {:.3} ({}/{} matched contents)",
            self.source.value(),
            self.source.correct,
            self.source.total
        )?;
        writeln!(
            f,
            "cue accuracy       {:.3} ({}/{} matched contents)",
            self.cue.value(),
            self.cue.correct,
            self.cue.total
        )
    }
}

/// A system attribution in the PolNeAR shape.
struct SystemAttribution {
    source: Option<Span>,
    cue: Option<Span>,
    content: Pieces,
}

/// The attributions of an annotated document, merged and filtered the PolNeAR way.
fn system_attributions(doc: &Document) -> Vec<SystemAttribution> {
    let mut items: Vec<SystemAttribution> = Vec::new();
    let mut push = |source: Option<Span>, cue: Option<Span>, content: Span| {
        if let Some(it) = items
            .iter_mut()
            .find(|it| cue.is_some() && it.cue == cue && it.source == source)
        {
            it.content.push(content);
        } else {
            items.push(SystemAttribution {
                source,
                cue,
                content: vec![content],
            });
        }
    };
    for q in &doc.quotes {
        if q.kind == QuoteKind::Speech && (q.speaker.is_some() || q.cue.is_some()) {
            push(q.speaker, q.cue, q.span);
        }
    }
    for c in &doc.claims {
        push(c.source, c.cue, c.span);
    }
    let covers = |outer: &SystemAttribution, inner: &SystemAttribution| {
        inner
            .content
            .iter()
            .all(|p| outer.content.iter().any(|o| o.contains(*p) && o != p))
    };
    let keep: Vec<bool> = items
        .iter()
        .map(|it| !items.iter().any(|o| covers(o, it)))
        .collect();
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(it, k)| k.then_some(it))
        .collect()
}

/// The word tokens (not punctuation) of `doc` that pieces cover.
fn word_tokens(doc: &Document, pieces: &[Span], skip_that: bool) -> HashSet<usize> {
    let mut set = HashSet::new();
    for p in pieces {
        let a = doc.tokens.partition_point(|t| t.span.end <= p.start);
        for (i, t) in doc.tokens.iter().enumerate().skip(a) {
            if t.span.start >= p.end {
                break;
            }
            if !matches!(t.kind, TokenKind::Punct | TokenKind::Symbol) {
                set.insert(i);
            }
        }
    }
    if skip_that {
        if let Some(&first) = set.iter().min() {
            if doc
                .token_norm(&doc.tokens[first])
                .eq_ignore_ascii_case("that")
            {
                set.remove(&first);
            }
        }
    }
    set
}

fn spans_overlap(doc: &Document, a: Option<&[Span]>, b: Option<Span>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            let ga = word_tokens(doc, a, false);
            let sb = word_tokens(doc, &[b], false);
            !ga.is_disjoint(&sb) || a.iter().any(|p| p.overlaps(b))
        }
        _ => false,
    }
}

/// Scores one annotated document against its gold attributions, adding to `report`.
pub fn score_document(doc: &Document, gold: &[GoldAttribution], report: &mut PolnearReport) {
    let name = doc.meta.id.as_deref().unwrap_or("?");
    let system = system_attributions(doc);
    let gold_sets: Vec<HashSet<usize>> = gold
        .iter()
        .map(|g| word_tokens(doc, &g.content, true))
        .collect();
    let sys_sets: Vec<HashSet<usize>> = system
        .iter()
        .map(|s| word_tokens(doc, &s.content, true))
        .collect();
    let exact = gold_sets
        .iter()
        .filter(|g| !g.is_empty() && sys_sets.iter().any(|s| s == *g))
        .count();
    report.content_exact += Counts::new(gold.len(), system.len(), exact.min(system.len()));
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold_sets.iter().enumerate() {
        for (si, s) in sys_sets.iter().enumerate() {
            let shared = g.intersection(s).count();
            if shared > 0 {
                pairs.push((shared, gi, si));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut gused, mut sused) = (vec![false; gold.len()], vec![false; system.len()]);
    let mut matched = 0;
    for (_, gi, si) in pairs {
        if gused[gi] || sused[si] {
            continue;
        }
        gused[gi] = true;
        sused[si] = true;
        matched += 1;
        report.source.add(spans_overlap(
            doc,
            gold[gi].source.as_deref(),
            system[si].source,
        ));
        report
            .cue
            .add(spans_overlap(doc, gold[gi].cue.as_deref(), system[si].cue));
    }
    report.content_overlap += Counts::new(gold.len(), system.len(), matched);
    let show = |p: Option<&[Span]>| {
        p.map_or(String::new(), |p| {
            p.iter()
                .map(|s| doc.slice(*s))
                .collect::<Vec<_>>()
                .join(" … ")
        })
    };
    for (gi, g) in gold.iter().enumerate().filter(|(gi, _)| !gused[*gi]) {
        let _ = gi;
        report.errors.push(format!(
            "{name}: missed [{}] [{}] {:?}",
            show(g.source.as_deref()),
            show(g.cue.as_deref()),
            show(Some(&g.content))
        ));
    }
    for (_, s) in system.iter().enumerate().filter(|(si, _)| !sused[*si]) {
        report.errors.push(format!(
            "{name}: spurious [{}] [{}] {:?}",
            s.source.map_or("", |x| doc.slice(x)),
            s.cue.map_or("", |x| doc.slice(x)),
            show(Some(&s.content))
        ));
    }
    let gold_all: HashSet<usize> = gold_sets.iter().flatten().copied().collect();
    let sys_all: HashSet<usize> = sys_sets.iter().flatten().copied().collect();
    let both = gold_all.intersection(&sys_all).count();
    report.content_tokens += Counts::new(gold_all.len(), sys_all.len(), both);
    report.documents += 1;
}

/// Reads a split and scores `annotate` (the pipeline: text stage, attribution, …) on it.
pub fn evaluate(
    dir: &Path,
    split: &str,
    annotate: &dyn Fn(&mut Document),
) -> Result<PolnearReport, PolnearError> {
    let dir = split_dir(dir, split);
    let docs = read_split(&dir)?;
    let mut report = PolnearReport {
        split: dir.display().to_string(),
        ..PolnearReport::default()
    };
    for d in docs {
        let meta = Meta {
            id: Some(d.name),
            ..Meta::default()
        };
        let mut doc = Document::new(d.text, meta);
        annotate(&mut doc);
        score_document(&doc, &d.attributions, &mut report);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discontinuous_and_multiline_spans() {
        let text = "Flynn said “yes.” And “no.”\nok";
        let ann = "T1\tSource 0 5\tFlynn\nT2\tCue 6 10\tsaid\nT3\tContent 11 17;22 27\t“yes.” “no.”\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\nT4\tContent 22 30\t“no.”\nok\n";
        let rels = parse_ann(ann, text, Path::new("x.ann")).unwrap();
        assert_eq!(rels.len(), 1);
        assert_eq!(rels[0].content.len(), 2);
        // “ is three bytes: character 11 is byte 11, character 17 is byte 21.
        assert_eq!(&text[rels[0].content[0].range()], "“yes.”");
        assert_eq!(&text[rels[0].source.as_ref().unwrap()[0].range()], "Flynn");
    }

    #[test]
    fn malformed_offsets_name_the_line() {
        let err =
            parse_ann("T1\tSource 5 x\tFlynn\n", "Flynn said", Path::new("a.ann")).unwrap_err();
        assert_eq!(err.to_string(), "a.ann:1: bad offsets \"5 x\"");
    }
}
