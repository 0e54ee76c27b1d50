//! The examples of `data/figures/examples.tsv`, one or more per form, run through the text
//! stage and this one; and the tagger's contract (Send + Sync, empty documents, times).

use sitrep_doc::layers::{Figure, FigureQualifier, Timex, TimexType};
use sitrep_doc::{Document, Meta, Span, Stage};
use sitrep_text::TextProcessor;

use crate::FigureTagger;

const EXAMPLES: &str = include_str!("../../../data/figures/examples.tsv");

fn figures(text: &str) -> (Document, Vec<Figure>) {
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    let figures = FigureTagger::new().tag(&doc);
    (doc, figures)
}

fn number(field: &str) -> Option<f64> {
    (field != "-").then(|| field.parse().expect("a number or `-`"))
}

fn qualifier(field: &str) -> FigureQualifier {
    match field {
        "exact" => FigureQualifier::Exact,
        "approximate" => FigureQualifier::Approximate,
        "lower_bound" => FigureQualifier::LowerBound,
        "upper_bound" => FigureQualifier::UpperBound,
        other => panic!("unknown qualifier {other:?}"),
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
        (a, b) => a.is_none() && b.is_none(),
    }
}

fn describe(doc: &Document, f: &Figure) -> String {
    format!(
        "{:?} value {:?} low {:?} high {:?} {:?} unit {:?} counted {:?}",
        doc.slice(f.span),
        f.value,
        f.low,
        f.high,
        f.qualifier,
        f.unit,
        f.counted
    )
}

/// Checks one line; `Err` says what went wrong.
fn check(line: &str) -> Result<(), String> {
    let fields: Vec<&str> = line.split('\t').collect();
    let (text, expected) = (fields[0], fields.get(1).copied().unwrap_or("-"));
    let (doc, found) = figures(text);
    let all: Vec<String> = found.iter().map(|f| describe(&doc, f)).collect();
    if expected == "-" {
        return match found.is_empty() {
            true => Ok(()),
            false => Err(format!("expected no figure, found {all:?}")),
        };
    }
    if let Some(phrase) = expected.strip_prefix('!') {
        let at = text.find(phrase).ok_or("the phrase is not in the text")?;
        let span = Span::new(at, at + phrase.len());
        return match found.iter().find(|f| f.span.overlaps(span)) {
            None => Ok(()),
            Some(f) => Err(format!(
                "{phrase:?} is not a figure, found {}",
                describe(&doc, f)
            )),
        };
    }
    let [_, _, value, low, high, qual, unit, counted] = fields[..] else {
        return Err("expected 8 tab-separated fields".to_string());
    };
    let figure = found
        .iter()
        .find(|f| doc.slice(f.span) == expected)
        .ok_or_else(|| format!("no figure {expected:?}; found {all:?}"))?;
    let text_of = |s: &str| (s != "-").then(|| s.to_string());
    let ok = close(figure.value, number(value))
        && close(figure.low, number(low))
        && close(figure.high, number(high))
        && figure.qualifier == qualifier(qual)
        && figure.unit == text_of(unit)
        && figure.counted == text_of(counted);
    match ok {
        true => Ok(()),
        false => Err(format!("found {}", describe(&doc, figure))),
    }
}

#[test]
fn examples() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (n, line) in EXAMPLES.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        checked += 1;
        if let Err(e) = check(line) {
            failures.push(format!("examples.tsv line {}: {line:?}\n    {e}", n + 1));
        }
    }
    assert!(checked > 50, "only {checked} examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_cover_number_and_phrase() {
    let (doc, found) = figures("Ukraine controls more than 1,000 square kilometres of territory.");
    let f = &found[0];
    assert_eq!(doc.slice(f.number), "1,000");
    assert_eq!(
        f.counted_phrase.map(|s| doc.slice(s)),
        Some("square kilometres of territory")
    );
    let (doc, found) = figures("Ukrainian reports claim some 82 Russian towns.");
    assert_eq!(
        found[0].counted_phrase.map(|s| doc.slice(s)),
        Some("Russian towns")
    );
}

#[test]
fn figures_take_the_nearest_date_and_skip_dates_of_the_time_stage() {
    let text = "On Tuesday 12 people died. By August 20, 30 more had died.";
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    let timex = |phrase: &str, value: &str| {
        let at = text.find(phrase).unwrap();
        Timex {
            span: Span::new(at, at + phrase.len()),
            kind: TimexType::Date,
            value: value.to_string(),
            modifier: None,
            anchor: None,
            quant: None,
            freq: None,
        }
    };
    doc.times = vec![
        timex("Tuesday 12", "2024-08-13"),
        timex("August 20", "2024-08-20"),
    ];
    FigureTagger::new().annotate(&mut doc);
    let found: Vec<(&str, Option<&str>)> = doc
        .figures
        .iter()
        .map(|f| (doc.slice(f.span), f.date.as_deref()))
        .collect();
    // "Tuesday 12" is a date by the time stage's reading, so "12" is not a figure.
    assert_eq!(found, [("30", Some("2024-08-20"))]);
}

#[test]
fn stage_contract() {
    fn shared<T: Send + Sync>() {}
    shared::<FigureTagger>();
    let tagger = FigureTagger::try_new().expect("data files parse");
    assert_eq!(tagger.name(), "figures");
    let mut doc = Document::new("", Meta::default());
    tagger.annotate(&mut doc);
    assert!(doc.figures.is_empty());
    // Without the text stage there are no tokens, hence no figures.
    let mut doc = Document::new("12 people", Meta::default());
    tagger.annotate(&mut doc);
    assert!(doc.figures.is_empty());
}
