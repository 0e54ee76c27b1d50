//! Figures take the source of the claim or quote they sit in, on the canonical example, with
//! the figure stage (`sitrep-figures`) run before attribution.

mod util;

use sitrep_attrib::Attributor;
use sitrep_doc::{Document, Meta, Stage};

#[test]
fn kursk_figures_take_their_claims_source() {
    let Some(shared) = util::shared() else {
        println!("SKIPPED: no shared folder (set SITREP_SHARED)");
        return;
    };
    let text = std::fs::read_to_string(shared.join("examples/kursk.txt")).unwrap();
    let mut doc = Document::new(text, Meta::default());
    sitrep_text::TextProcessor::new().annotate(&mut doc);
    sitrep_figures::FigureTagger::new().annotate(&mut doc);
    Attributor::new().annotate(&mut doc);
    let source_of = |needle: &str| -> Option<String> {
        let fig = doc
            .figures
            .iter()
            .find(|f| doc.slice(f.span).contains(needle))?;
        doc.claims
            .iter()
            .find(|c| c.figures.contains(&fig.span))
            .and_then(|c| c.source_entity.clone())
            .or_else(|| Some("the writer".into()))
    };
    for f in &doc.figures {
        println!(
            "{:?} → {:?}",
            doc.slice(f.span),
            source_of(doc.slice(f.span))
        );
    }
    assert_eq!(source_of("100,000").as_deref(), Some("Russian authorities"));
    assert_eq!(source_of("1,000").as_deref(), Some("Ukrainian reports"));
    assert_eq!(source_of("82").as_deref(), Some("Ukrainian reports"));
    assert_eq!(
        source_of("12 civilians").as_deref(),
        Some("Russian authorities")
    );
    assert_eq!(source_of("121").as_deref(), Some("Russian authorities"));
    assert_eq!(source_of("120,000").as_deref(), Some("the writer"));
}
