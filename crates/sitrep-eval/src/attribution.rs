//! Scoring quotes, speakers, claims and figures against sitrep's hand-annotated attribution
//! gold (`tests/gold/*.jsonl`, the format in docs/schema.md, "Attribution gold format").
//!
//! Each gold line names an article by its path under the shared folder; the article is read,
//! run through the caller's pipeline, and its [`Record`] (character offsets, the same fields
//! as the gold) is compared with the line:
//! - **quotes**: span F1, exact and overlap (one-to-one, largest overlap first); on
//!   overlap-matched quotes, **speaker** accuracy (resolved entity, compared case-insensitively
//!   after dropping a leading "the" and a trailing "(ACRONYM)"; both null counts as right),
//!   **cue** accuracy (spans overlap, or both null) and **kind** accuracy (speech/scare);
//! - **claims**: content span F1, exact and overlap; source entity and stance accuracy;
//! - **figures** (only when the system filled the figure layer): span overlap F1, and on
//!   matched figures value + qualifier + counted-head accuracy.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sitrep_doc::{Document, Meta, Published, Record};

use crate::polnear::Accuracy;
use crate::prf::Counts;

/// Errors reading the gold file or the articles it names.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AttributionError {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A gold line is not valid, or does not agree with its article's text.
    #[error("{path}:{line}: {reason}")]
    Gold {
        /// The gold file.
        path: PathBuf,
        /// The 1-based line.
        line: usize,
        /// What is wrong.
        reason: String,
    },
}

/// A `{start, end, text}` span of the gold, in characters.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct GoldSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The text, which must equal the article's slice.
    pub text: String,
}

/// A gold quote.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// The quotation, marks included.
    #[serde(flatten)]
    pub span: GoldSpan,
    /// `speech` or `scare`.
    pub kind: String,
    /// The speaker mention.
    pub speaker: Option<GoldSpan>,
    /// Who the speaker is.
    pub speaker_entity: Option<String>,
    /// The cue.
    pub cue: Option<GoldSpan>,
    /// The addressee or medium.
    #[serde(default)]
    pub addressee: Option<GoldSpan>,
}

/// A gold claim.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldClaim {
    /// The content.
    #[serde(flatten)]
    pub span: GoldSpan,
    /// The source mention.
    pub source: Option<GoldSpan>,
    /// Who the source is.
    pub source_entity: Option<String>,
    /// The cue.
    pub cue: Option<GoldSpan>,
    /// The stance class.
    pub stance: Option<String>,
}

/// A gold figure.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldFigure {
    /// The figure expression.
    #[serde(flatten)]
    pub span: GoldSpan,
    /// The single value.
    pub value: Option<f64>,
    /// The lower end of a range or vague quantity.
    #[serde(default)]
    pub low: Option<f64>,
    /// The upper end of a range.
    #[serde(default)]
    pub high: Option<f64>,
    /// `exact`, `approximate`, `lower_bound`, `upper_bound`.
    pub qualifier: Option<String>,
    /// The unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// The counted head noun.
    pub counted: Option<String>,
}

/// One gold line: an article and its annotations.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldDoc {
    /// The article's path relative to the shared folder.
    pub doc: String,
    /// Its publication date.
    #[serde(default)]
    pub published: Option<String>,
    /// Quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Claims.
    #[serde(default)]
    pub claims: Vec<GoldClaim>,
    /// Figures.
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
    /// The line of the gold file (1-based), for messages.
    #[serde(skip)]
    pub line: usize,
    /// The article's text, once read.
    #[serde(skip)]
    pub text: String,
}

/// Reads a gold file and the articles it names (under `shared`), checking every span's text.
pub fn read_gold(path: &Path, shared: &Path) -> Result<Vec<GoldDoc>, AttributionError> {
    let content = std::fs::read_to_string(path).map_err(|source| AttributionError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut docs = Vec::new();
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| AttributionError::Gold {
            path: path.to_path_buf(),
            line: n + 1,
            reason,
        };
        let mut doc: GoldDoc =
            serde_json::from_str(line).map_err(|e| bad(format!("bad JSON: {e}")))?;
        doc.line = n + 1;
        let article = shared.join(&doc.doc);
        doc.text = std::fs::read_to_string(&article)
            .map_err(|e| bad(format!("cannot read {}: {e}", article.display())))?;
        let chars: Vec<char> = doc.text.chars().collect();
        let check = |what: &str, s: &GoldSpan| -> Result<(), AttributionError> {
            let slice: Option<String> = (s.start <= s.end && s.end <= chars.len())
                .then(|| chars[s.start..s.end].iter().collect());
            match slice {
                Some(t) if t == s.text => Ok(()),
                Some(t) => Err(bad(format!(
                    "{what} {}..{}: text {:?} but the article has {t:?}",
                    s.start, s.end, s.text
                ))),
                None => Err(bad(format!(
                    "{what} {}..{} is outside the article ({} characters)",
                    s.start,
                    s.end,
                    chars.len()
                ))),
            }
        };
        for q in &doc.quotes {
            check("quote", &q.span)?;
            for s in [&q.speaker, &q.cue, &q.addressee].into_iter().flatten() {
                check("quote part", s)?;
            }
        }
        for c in &doc.claims {
            check("claim", &c.span)?;
            for s in [&c.source, &c.cue].into_iter().flatten() {
                check("claim part", s)?;
            }
        }
        for f in &doc.figures {
            check("figure", &f.span)?;
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// The scores over a gold file.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AttributionReport {
    /// Articles scored.
    pub documents: usize,
    /// Quote spans, exact.
    pub quotes_exact: Counts,
    /// Quote spans, overlap.
    pub quotes_overlap: Counts,
    /// Speaker entity on overlap-matched quotes.
    pub speaker: Accuracy,
    /// Cue on overlap-matched quotes.
    pub cue: Accuracy,
    /// Speech/scare on overlap-matched quotes.
    pub kind: Accuracy,
    /// Claim contents, exact.
    pub claims_exact: Counts,
    /// Claim contents, overlap.
    pub claims_overlap: Counts,
    /// Source entity on overlap-matched claims.
    pub claim_source: Accuracy,
    /// Stance on overlap-matched claims.
    pub claim_stance: Accuracy,
    /// Figure spans, overlap; `None` when the system filled no figures.
    pub figures_overlap: Option<Counts>,
    /// Value + qualifier + counted head on overlap-matched figures.
    pub figure: Option<Accuracy>,
    /// Mismatches, one line each, for `--errors`.
    pub errors: Vec<String>,
}

fn row(f: &mut fmt::Formatter<'_>, label: &str, c: Counts) -> fmt::Result {
    writeln!(
        f,
        "{label:<16} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>7}",
        c.precision(),
        c.recall(),
        c.f1(),
        c.gold,
        c.system,
        c.matched
    )
}

fn acc(f: &mut fmt::Formatter<'_>, label: &str, a: Accuracy) -> fmt::Result {
    writeln!(
        f,
        "{label:<16} {:.3} ({}/{})",
        a.value(),
        a.correct,
        a.total
    )
}

impl fmt::Display for AttributionReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "attribution gold ({} articles)", self.documents)?;
        writeln!(
            f,
            "{:<16} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7}",
            "", "P", "R", "F1", "gold", "system", "matched"
        )?;
        row(f, "quotes exact", self.quotes_exact)?;
        row(f, "quotes overlap", self.quotes_overlap)?;
        row(f, "claims exact", self.claims_exact)?;
        row(f, "claims overlap", self.claims_overlap)?;
        if let Some(c) = self.figures_overlap {
            row(f, "figures overlap", c)?;
        }
        acc(f, "speaker", self.speaker)?;
        acc(f, "quote cue", self.cue)?;
        acc(f, "quote kind", self.kind)?;
        acc(f, "claim source", self.claim_source)?;
        acc(f, "claim stance", self.claim_stance)?;
        match self.figure {
            Some(a) => acc(f, "figure", a),
            None => writeln!(f, "figure           not scored (no figure layer)"),
        }
    }
}

/// An entity name compared loosely: lower case, straight apostrophes, no leading "the", no
/// trailing "(ACRONYM)", single spaces.
pub fn normalize_entity(name: &str) -> String {
    let mut s = name.to_lowercase().replace(['’', '‘'], "'");
    if let Some(i) = s.rfind(" (") {
        if s.ends_with(')') {
            s.truncate(i);
        }
    }
    let s = s.trim().trim_start_matches("the ").trim();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn range(v: &Value) -> Option<(usize, usize)> {
    Some((
        v.get("start")?.as_u64()? as usize,
        v.get("end")?.as_u64()? as usize,
    ))
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// One-to-one matching by overlap, largest first: (gold index, system index) pairs.
fn match_spans(gold: &[(usize, usize)], system: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (g, a) in gold.iter().enumerate() {
        for (s, b) in system.iter().enumerate() {
            let shared = a.1.min(b.1).saturating_sub(a.0.max(b.0));
            if shared > 0 {
                pairs.push((shared, g, s));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut gu, mut su) = (vec![false; gold.len()], vec![false; system.len()]);
    let mut out = Vec::new();
    for (_, g, s) in pairs {
        if !gu[g] && !su[s] {
            gu[g] = true;
            su[s] = true;
            out.push((g, s));
        }
    }
    out
}

fn spans_of(items: &[Value]) -> Vec<(usize, usize)> {
    items.iter().map(|v| range(v).unwrap_or((0, 0))).collect()
}

fn counts(
    gold: &[(usize, usize)],
    system: &[(usize, usize)],
) -> (Counts, Counts, Vec<(usize, usize)>) {
    let exact = gold.iter().filter(|g| system.contains(g)).count();
    let matched = match_spans(gold, system);
    (
        Counts::new(gold.len(), system.len(), exact),
        Counts::new(gold.len(), system.len(), matched.len()),
        matched,
    )
}

fn entity_eq(gold: Option<&str>, system: Option<&str>) -> bool {
    match (gold, system) {
        (None, None) => true,
        (Some(g), Some(s)) => normalize_entity(g) == normalize_entity(s),
        _ => false,
    }
}

fn cue_eq(gold: Option<&GoldSpan>, system: Option<(usize, usize)>) -> bool {
    match (gold, system) {
        (None, None) => true,
        (Some(g), Some(s)) => overlaps((g.start, g.end), s),
        _ => false,
    }
}

fn same_number(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= 1e-6 * x.abs().max(1.0),
        _ => false,
    }
}

/// Scores one annotated article against its gold line, adding to `report`.
pub fn score_document(doc: &Document, gold: &GoldDoc, report: &mut AttributionReport) {
    let record = serde_json::to_value(Record::new(doc)).unwrap_or(Value::Null);
    let layer = |name: &str| {
        record
            .get(name)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let (quotes, claims, figures) = (layer("quotes"), layer("claims"), layer("figures"));
    let text_of = |v: &Value| {
        v.get("text")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let str_of = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
    report.documents += 1;

    let gold_q: Vec<(usize, usize)> = gold
        .quotes
        .iter()
        .map(|q| (q.span.start, q.span.end))
        .collect();
    let (exact, overlap, matched) = counts(&gold_q, &spans_of(&quotes));
    report.quotes_exact += exact;
    report.quotes_overlap += overlap;
    for (g, s) in matched {
        let (gq, sq) = (&gold.quotes[g], &quotes[s]);
        let sys_entity = str_of(sq, "speaker_entity");
        let ok = entity_eq(gq.speaker_entity.as_deref(), sys_entity.as_deref());
        report.speaker.add(ok);
        if !ok {
            report.errors.push(format!(
                "{}:{}: speaker of {:?}: gold {:?}, system {:?}",
                gold.doc, gold.line, gq.span.text, gq.speaker_entity, sys_entity
            ));
        }
        report
            .cue
            .add(cue_eq(gq.cue.as_ref(), sq.get("cue").and_then(range)));
        report
            .kind
            .add(str_of(sq, "kind").as_deref() == Some(gq.kind.as_str()));
    }
    let gold_c: Vec<(usize, usize)> = gold
        .claims
        .iter()
        .map(|c| (c.span.start, c.span.end))
        .collect();
    let (exact, overlap, matched) = counts(&gold_c, &spans_of(&claims));
    report.claims_exact += exact;
    report.claims_overlap += overlap;
    for (g, s) in matched {
        let (gc, sc) = (&gold.claims[g], &claims[s]);
        let sys_entity = str_of(sc, "source_entity");
        let ok = entity_eq(gc.source_entity.as_deref(), sys_entity.as_deref());
        report.claim_source.add(ok);
        if !ok {
            report.errors.push(format!(
                "{}:{}: source of claim {:?}: gold {:?}, system {:?}",
                gold.doc, gold.line, gc.span.text, gc.source_entity, sys_entity
            ));
        }
        report.claim_stance.add(gc.stance == str_of(sc, "stance"));
    }
    let claim_texts: Vec<String> = gold
        .claims
        .iter()
        .map(|c| format!("{:?} (source {:?})", c.span.text, c.source_entity))
        .collect();
    let sys_claims: Vec<String> = claims
        .iter()
        .map(|c| format!("{:?} (source {:?})", text_of(c), str_of(c, "source_entity")))
        .collect();
    unmatched(
        report,
        gold,
        "claim",
        (&gold_c, &claim_texts),
        (&claims, &sys_claims),
    );
    let quote_texts: Vec<String> = gold
        .quotes
        .iter()
        .map(|q| format!("{:?}", q.span.text))
        .collect();
    let sys_quotes: Vec<String> = quotes.iter().map(|q| format!("{:?}", text_of(q))).collect();
    unmatched(
        report,
        gold,
        "quote",
        (&gold_q, &quote_texts),
        (&quotes, &sys_quotes),
    );
    if figures.is_empty() && report.figures_overlap.is_none() {
        return;
    }
    let gold_f: Vec<(usize, usize)> = gold
        .figures
        .iter()
        .map(|f| (f.span.start, f.span.end))
        .collect();
    let (_, overlap, matched) = counts(&gold_f, &spans_of(&figures));
    *report.figures_overlap.get_or_insert_with(Counts::default) += overlap;
    let figure = report.figure.get_or_insert_with(Accuracy::default);
    for (g, s) in matched {
        let (gf, sf) = (&gold.figures[g], &figures[s]);
        let num = |k: &str| sf.get(k).and_then(Value::as_f64);
        let value_ok = same_number(gf.value, num("value"))
            && (gf.value.is_some()
                || (same_number(gf.low, num("low")) && same_number(gf.high, num("high"))));
        let qualifier_ok = gf.qualifier.as_deref().unwrap_or("exact")
            == str_of(sf, "qualifier").as_deref().unwrap_or("exact");
        let counted_ok = gf.counted.as_deref().map(str::to_lowercase)
            == str_of(sf, "counted").map(|c| c.to_lowercase());
        figure.add(value_ok && qualifier_ok && counted_ok);
        if !(value_ok && qualifier_ok && counted_ok) {
            report.errors.push(format!(
                "{}:{}: figure {:?}: gold {:?} {:?}-{:?} {:?} {:?}, system {:?} {:?}-{:?} {:?} {:?}",
                gold.doc,
                gold.line,
                gf.span.text,
                gf.value,
                gf.low,
                gf.high,
                gf.qualifier,
                gf.counted,
                num("value"),
                num("low"),
                num("high"),
                str_of(sf, "qualifier"),
                str_of(sf, "counted"),
            ));
        }
    }
    let figure_texts: Vec<String> = gold
        .figures
        .iter()
        .map(|f| format!("{:?}", f.span.text))
        .collect();
    let sys_figures: Vec<String> = figures
        .iter()
        .map(|f| format!("{:?}", text_of(f)))
        .collect();
    unmatched(
        report,
        gold,
        "figure",
        (&gold_f, &figure_texts),
        (&figures, &sys_figures),
    );
}

/// Adds an error line for every gold span that no system span overlaps ("missed") and every
/// system span that overlaps no gold span ("spurious"); `what` names the layer.
fn unmatched(
    report: &mut AttributionReport,
    gold: &GoldDoc,
    what: &str,
    (gold_spans, gold_texts): (&[(usize, usize)], &[String]),
    (system, system_texts): (&[Value], &[String]),
) {
    let system_spans: Vec<(usize, usize)> =
        system.iter().map(|s| range(s).unwrap_or((0, 0))).collect();
    for (g, text) in gold_spans.iter().zip(gold_texts) {
        if !system_spans.iter().any(|&r| overlaps(r, *g)) {
            report
                .errors
                .push(format!("{}:{}: missed {what} {text}", gold.doc, gold.line));
        }
    }
    for (r, text) in system_spans.iter().zip(system_texts) {
        if !gold_spans.iter().any(|&g| overlaps(g, *r)) {
            report.errors.push(format!(
                "{}:{}: spurious {what} {text}",
                gold.doc, gold.line
            ));
        }
    }
}

/// Scores `annotate` (the pipeline) on every article of a gold file; articles are read from
/// `shared`, the folder the gold's `doc` paths are relative to.
pub fn evaluate(
    gold_path: &Path,
    shared: &Path,
    annotate: &dyn Fn(&mut Document),
) -> Result<AttributionReport, AttributionError> {
    let gold = read_gold(gold_path, shared)?;
    let mut report = AttributionReport::default();
    for g in &gold {
        let meta = Meta {
            published: g
                .published
                .as_deref()
                .and_then(|p| p.parse::<Published>().ok()),
            ..Meta::default()
        };
        let mut doc = Document::new(g.text.clone(), meta);
        annotate(&mut doc);
        score_document(&doc, g, &mut report);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_names_compare_loosely() {
        assert_eq!(
            normalize_entity("the Institute for the Study of War (ISW)"),
            "institute for the study of war"
        );
        assert!(entity_eq(
            Some("The New York Times"),
            Some("New York Times")
        ));
        assert!(!entity_eq(Some("Vladimir Putin"), None));
    }

    #[test]
    fn bad_gold_names_file_line_and_reason() {
        let dir = std::env::temp_dir().join(format!("sitrep-attr-gold-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("examples")).unwrap();
        std::fs::write(dir.join("examples/a.txt"), "Kyiv said “no.”").unwrap();
        let gold = dir.join("gold.jsonl");
        std::fs::write(
            &gold,
            "{\"doc\": \"examples/a.txt\", \"quotes\": [{\"start\": 10, \"end\": 15, \"text\": \"“no.”\", \"kind\": \"speech\", \"speaker\": null, \"speaker_entity\": null, \"cue\": null}]}\n\
             {\"doc\": \"examples/a.txt\", \"quotes\": [{\"start\": 9, \"end\": 15, \"text\": \"“no.”\", \"kind\": \"speech\", \"speaker\": null, \"speaker_entity\": null, \"cue\": null}]}\n",
        )
        .unwrap();
        let err = read_gold(&gold, &dir).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "gold.jsonl:2: quote 9..15: text \"“no.”\" but the article has \" “no.”\""
            ),
            "{err}"
        );
        std::fs::write(&gold, "{\"doc\": 3}\n").unwrap();
        let err = read_gold(&gold, &dir).unwrap_err().to_string();
        assert!(err.contains("gold.jsonl:1: bad JSON"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
