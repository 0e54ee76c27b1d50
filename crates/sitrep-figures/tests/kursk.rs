//! The canonical example (`shared/examples/kursk.txt`) and the figures issue 6 expects of it.
//! Read from `$SITREP_SHARED/examples` (default: the shared folder beside the repository);
//! skipped with a message when absent.

use std::path::PathBuf;

use sitrep_doc::layers::{Figure, FigureQualifier};
use sitrep_doc::{Document, Meta, Stage};
use sitrep_figures::FigureTagger;
use sitrep_text::TextProcessor;

fn kursk() -> Option<Document> {
    let shared = std::env::var("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let Ok(text) = std::fs::read_to_string(shared.join("examples/kursk.txt")) else {
        println!("SKIPPED: no examples/kursk.txt under $SITREP_SHARED or ../shared");
        return None;
    };
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    FigureTagger::new().annotate(&mut doc);
    Some(doc)
}

/// The figure whose text is exactly `phrase`.
fn figure<'d>(doc: &'d Document, phrase: &str) -> &'d Figure {
    doc.figures
        .iter()
        .find(|f| doc.slice(f.span) == phrase)
        .unwrap_or_else(|| {
            let found: Vec<&str> = doc.figures.iter().map(|f| doc.slice(f.span)).collect();
            panic!("no figure {phrase:?}; found {found:?}")
        })
}

#[test]
fn kursk_figures() {
    let Some(doc) = kursk() else { return };
    use FigureQualifier::*;
    let expected: [(&str, f64, FigureQualifier, Option<&str>, &str); 8] = [
        ("some 120,000 people", 120000.0, Approximate, None, "people"),
        (
            "at least 100,000 people",
            100000.0,
            LowerBound,
            None,
            "people",
        ),
        ("About 12 civilians", 12.0, Approximate, None, "civilians"),
        ("121 others", 121.0, Exact, None, "others"),
        (
            "more than 1,000 square kilometres",
            1000.0,
            LowerBound,
            Some("km2"),
            "kilometres",
        ),
        ("some 82 Russian towns", 82.0, Approximate, None, "towns"),
        ("some 20 towns", 20.0, Approximate, None, "towns"),
        ("two and a half years", 2.5, Exact, Some("years"), "years"),
    ];
    for (phrase, value, qualifier, unit, counted) in expected {
        let f = figure(&doc, phrase);
        assert_eq!(f.value, Some(value), "{phrase}");
        assert_eq!((f.low, f.high), (None, None), "{phrase}");
        assert_eq!(f.qualifier, qualifier, "{phrase}");
        assert_eq!(f.unit.as_deref(), unit, "{phrase}");
        assert_eq!(f.counted.as_deref(), Some(counted), "{phrase}");
    }
    let territory = figure(&doc, "more than 1,000 square kilometres");
    assert_eq!(
        territory.counted_phrase.map(|s| doc.slice(s)),
        Some("square kilometres of territory")
    );
    assert_eq!(doc.slice(territory.number), "1,000");
}

#[test]
fn kursk_dates_and_names_are_not_figures() {
    let Some(doc) = kursk() else { return };
    for phrase in [
        "2014",
        "August 6",
        "1939-1945",
        "February 2022",
        "1. How",
        "2. What",
    ] {
        let at = doc
            .text
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase:?} is not in the text"));
        let end = at + phrase.len();
        let hit = doc
            .figures
            .iter()
            .find(|f| f.span.start < end && at < f.span.end);
        assert!(
            hit.is_none(),
            "{phrase:?} is not a figure: {:?}",
            hit.map(|f| doc.slice(f.span))
        );
    }
    // "2022" also stands alone ("independent republics in 2022").
    for (at, _) in doc.text.match_indices("2022") {
        assert!(
            doc.figures
                .iter()
                .all(|f| !(f.span.start <= at && at < f.span.end)),
            "2022 at {at} is a year"
        );
    }
    // "one woman" is a speaker, not a count.
    assert!(doc
        .figures
        .iter()
        .all(|f| !doc.slice(f.span).contains("woman")));
}
