//! Prints the figures of a text file, one a line: `cargo run -p sitrep-figures --example
//! figures -- FILE`.

use sitrep_doc::{Document, Meta, Stage};
use sitrep_figures::FigureTagger;
use sitrep_text::TextProcessor;

fn main() -> std::io::Result<()> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: figures FILE");
        std::process::exit(2);
    };
    let mut doc = Document::new(std::fs::read_to_string(path)?, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    FigureTagger::new().annotate(&mut doc);
    for f in &doc.figures {
        println!(
            "{:<45} value={:?} low={:?} high={:?} {:?} unit={:?} counted={:?} phrase={:?}",
            format!("{:?}", doc.slice(f.span)),
            f.value,
            f.low,
            f.high,
            f.qualifier,
            f.unit,
            f.counted,
            f.counted_phrase.map(|s| doc.slice(s)),
        );
    }
    Ok(())
}
