//! Property tests: arbitrary text never panics, every figure span lies inside the text on
//! character boundaries and covers its number, figures are ordered and disjoint, and a
//! prefix shifts every span by its length.

use proptest::prelude::*;
use sitrep_doc::layers::Figure;
use sitrep_doc::{Document, Meta, Stage};
use sitrep_figures::FigureTagger;
use sitrep_text::TextProcessor;

fn figures(text: &str) -> Vec<Figure> {
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    FigureTagger::new().annotate(&mut doc);
    doc.figures
}

/// Text made of number words, digits, qualifiers, units, punctuation and multi-byte
/// characters, so that the grammar is exercised rather than skipped.
fn figurish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "some",
        "about",
        "more",
        "than",
        "at",
        "least",
        "up",
        "to",
        "between",
        "and",
        "or",
        "a",
        "an",
        "half",
        "dozen",
        "two",
        "twenty-five",
        "one",
        "hundreds",
        "tens",
        "of",
        "thousands",
        "several",
        "few",
        "third",
        "thirds",
        "million",
        "bn",
        "m",
        "120,000",
        "1,000",
        "2.5",
        "12",
        "1.5",
        "2014",
        "1939-1945",
        "10-15",
        "10–15",
        "$",
        "€9.1bn",
        "£5m",
        "40%",
        "per",
        "cent",
        "square",
        "kilometres",
        "km²",
        "3km",
        "years",
        "ago",
        "people",
        "Russian",
        "towns",
        "civilians",
        "August",
        "6",
        "May",
        "1.",
        "(",
        ")",
        "-",
        "–",
        ",",
        ".",
        "\n",
        "“",
        "”",
        "é",
        "Київ",
        "½",
        "2½",
        "12.30",
        "a.m.",
        "Su-25",
        "the",
        "Article",
        "5",
        "1,2,3",
        "99999999999999999999999",
        "0.000001",
        "-5",
        "1,000-plus",
    ]);
    prop::collection::vec(
        (pieces, prop::sample::select(vec![" ", "", "  ", "\n\n"])),
        0..40,
    )
    .prop_map(|v| v.into_iter().flat_map(|(p, s)| [p, s]).collect())
}

fn check_spans(text: &str, figures: &[Figure]) -> Result<(), TestCaseError> {
    let mut prev_end = 0;
    for f in figures {
        for span in [Some(f.span), Some(f.number), f.counted_phrase]
            .into_iter()
            .flatten()
        {
            prop_assert!(span.start <= span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
        prop_assert!(f.span.contains(f.number), "the figure covers its number");
        prop_assert!(f.span.start >= prev_end, "figures are ordered and disjoint");
        prev_end = f.span.end;
        prop_assert!(f.value.is_some() != f.low.is_some(), "a value or a low end");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let found = figures(&text);
        check_spans(&text, &found)?;
    }

    #[test]
    fn figure_like_text_has_valid_spans(text in figurish()) {
        let found = figures(&text);
        check_spans(&text, &found)?;
    }

    #[test]
    fn a_prefix_shifts_every_span(text in figurish()) {
        let prefix = "Київ.\n\n";
        let plain = figures(&text);
        let shifted = figures(&format!("{prefix}{text}"));
        prop_assert_eq!(plain.len(), shifted.len());
        for (a, b) in plain.iter().zip(&shifted) {
            prop_assert_eq!(a.span.start + prefix.len(), b.span.start);
            prop_assert_eq!(a.span.end + prefix.len(), b.span.end);
            prop_assert_eq!(a.value, b.value);
        }
    }
}
