//! The entity stage on arbitrary text: no panic, and every mention a span of whole tokens on
//! character boundaries of the original text, in order and without overlap.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use sitrep_doc::{Document, Meta, Stage};
use sitrep_ner::NerTagger;
use sitrep_text::TextProcessor;

fn tagger() -> &'static NerTagger {
    static TAGGER: OnceLock<NerTagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/ner-en.bin");
        NerTagger::load(&path).expect("the committed model loads")
    })
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    tagger().annotate(&mut doc);
    let mut prev_end = 0;
    for e in &doc.entities {
        prop_assert!(e.span.start < e.span.end);
        prop_assert!(e.span.start >= prev_end, "overlapping mentions");
        prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        prop_assert!(doc.tokens.iter().any(|t| t.span.start == e.span.start));
        prop_assert!(doc.tokens.iter().any(|t| t.span.end == e.span.end));
        prev_end = e.span.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,200}") {
        check(&text)?;
    }

    #[test]
    fn name_soup(words in prop::collection::vec(
        prop_oneof![
            Just("Putin"), Just("Kyiv"), Just("the"), Just("Russian"), Just("Defense"),
            Just("Ministry"), Just("said"), Just("."), Just("“"), Just("Crimean"),
            Just("peninsula"), Just("of"), Just("Institute"), Just("\n\n"), Just("U.S."),
        ],
        0..60,
    )) {
        check(&words.join(" "))?;
    }
}

#[test]
fn a_known_sentence() {
    let mut doc = Document::new(
        "Vladimir Putin met Viktor Orbán in Moscow, the Kremlin said.",
        Meta::default(),
    );
    TextProcessor::new().annotate(&mut doc);
    tagger().annotate(&mut doc);
    let found: Vec<(&str, String)> = doc
        .entities
        .iter()
        .map(|e| (doc.slice(e.span), format!("{:?}", e.label)))
        .collect();
    assert!(
        found.contains(&("Vladimir Putin", "Person".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("Viktor Orbán", "Person".into())),
        "{found:?}"
    );
    assert!(found.contains(&("Moscow", "Gpe".into())), "{found:?}");
}
