//! Shared helpers of the integration tests (not every test binary uses every helper).
#![allow(dead_code)]

use std::path::PathBuf;

use sitrep_attrib::Attributor;
use sitrep_doc::{Document, Meta, Stage};

/// The shared folder: `$SITREP_SHARED`, else `<workspace>/../shared`; `None` if absent.
pub fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    dir.is_dir().then_some(dir)
}

/// Runs the text and attribution stages on `text`.
pub fn attribute(text: &str) -> Document {
    let mut doc = Document::new(text, Meta::default());
    sitrep_text::TextProcessor::new().annotate(&mut doc);
    Attributor::new().annotate(&mut doc);
    doc
}

/// Prints a document's quotes and claims, for `--nocapture` runs.
pub fn dump(doc: &Document) {
    let s = |sp: Option<sitrep_doc::Span>| sp.map(|x| doc.slice(x).to_string());
    for q in &doc.quotes {
        println!(
            "QUOTE {:?} {:?}\n   speaker={:?} entity={:?} cue={:?} addr={:?} desc={:?}",
            q.kind,
            doc.slice(q.span),
            s(q.speaker),
            q.speaker_entity,
            s(q.cue),
            s(q.addressee),
            s(q.speaker_description)
        );
    }
    for c in &doc.claims {
        println!(
            "CLAIM {:?}\n   source={:?} entity={:?} cue={:?} stance={:?} desc={:?}",
            doc.slice(c.span),
            s(c.source),
            c.source_entity,
            s(c.cue),
            c.stance,
            s(c.source_description)
        );
    }
    for r in &doc.repeats {
        println!(
            "REPEAT {:.3} {:?} ~ {:?}",
            r.similarity,
            doc.slice(r.first),
            doc.slice(r.second)
        );
    }
}
