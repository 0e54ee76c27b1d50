//! Property tests: every span the text stage writes slices the original text.

use proptest::prelude::*;
use sitrep_doc::{Document, Meta};
use sitrep_text::TextProcessor;

/// Text drawn from what news looks like, plus arbitrary Unicode.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("Kyiv".to_string()),
            Just("U.S.".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just("’s".to_string()),
            Just("…".to_string()),
            Just("—".to_string()),
            Just("\u{00AD}".to_string()),
            Just("\u{200B}".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n".to_string()),
            Just(" ".to_string()),
            Just(".".to_string()),
            Just("120,000".to_string()),
            Just("http://x.org/a".to_string()),
            "[a-zA-Z]{1,8}",
            "[0-9.,:-]{1,5}",
            any::<char>().prop_map(|c| c.to_string()),
            "\\PC{1,6}",
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    let mut prev_end = 0;
    for t in &doc.tokens {
        prop_assert!(t.span.start < t.span.end, "empty token {:?}", t.span);
        prop_assert!(t.span.start >= prev_end, "overlapping tokens");
        prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        prop_assert!(!doc.slice(t.span).trim().is_empty(), "whitespace token");
        prev_end = t.span.end;
    }
    // Sentences cover every token exactly once, in order.
    let mut next = 0;
    for s in &doc.sentences {
        prop_assert_eq!(s.token_start, next);
        prop_assert!(s.token_end > s.token_start);
        prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        next = s.token_end;
    }
    prop_assert_eq!(next, doc.tokens.len());
    // The record's character offsets slice the same text in Python's terms.
    let record = sitrep_doc::Record::new(&doc);
    let chars: Vec<char> = text.chars().collect();
    for s in &record.sentences {
        let sliced: String = chars[s.start..s.end].iter().collect();
        prop_assert_eq!(sliced.as_str(), s.text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn spans_slice_the_original(text in newsish()) {
        check(&text)?;
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC*") {
        check(&text)?;
    }

    /// Prefixing the text moves every span by exactly the prefix's length.
    #[test]
    fn shifting_the_text_shifts_the_spans(text in newsish()) {
        let prefix = "Зеленський said. ";
        let processor = TextProcessor::new();
        let mut plain = Document::new(text.clone(), Meta::default());
        processor.annotate(&mut plain);
        let mut shifted = Document::new(format!("{prefix}{text}"), Meta::default());
        processor.annotate(&mut shifted);
        let skip = shifted.tokens.len() - plain.tokens.len();
        prop_assert!(skip >= 3);
        for (a, b) in plain.tokens.iter().zip(&shifted.tokens[skip..]) {
            prop_assert_eq!(a.span.start + prefix.len(), b.span.start);
            prop_assert_eq!(a.span.end + prefix.len(), b.span.end);
        }
    }
}
