//! `sitrep eval`: scores against gold data, printed as a table or as JSON.

use anyhow::{Context, Result};
use serde_json::json;
use sitrep_doc::{Document, Meta};
use sitrep_eval::conllu;
use sitrep_eval::prf::Counts;
use sitrep_eval::segmentation::{self, SegmentationCounts};
use sitrep_text::TextProcessor;

use crate::cli::EvalArgs;

/// Which segmentation score to print.
#[derive(Clone, Copy, Debug)]
pub enum Segmentation {
    /// Token spans.
    Tokens,
    /// Sentence boundaries.
    Sentences,
}

/// Runs the text stage over rebuilt CoNLL-U documents and prints one score.
pub fn segmentation(args: &EvalArgs, which: Segmentation) -> Result<()> {
    let docs = conllu::read_path(&args.path)
        .with_context(|| format!("reading gold data from {}", args.path.display()))?;
    anyhow::ensure!(
        !docs.is_empty(),
        "{}: no CoNLL-U documents found",
        args.path.display()
    );
    let processor = TextProcessor::new();
    let mut total = SegmentationCounts::default();
    for gold in &docs {
        let mut doc = Document::new(gold.text.clone(), Meta::default());
        processor.annotate(&mut doc);
        let tokens: Vec<(usize, usize)> = doc
            .tokens
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        let sentences: Vec<(usize, usize)> = doc
            .sentences
            .iter()
            .map(|s| (s.span.start, s.span.end))
            .collect();
        total += segmentation::score(gold, &tokens, &sentences);
        if args.errors {
            match which {
                Segmentation::Tokens => print_mismatches(&gold.text, &gold.tokens, &tokens),
                Segmentation::Sentences => {
                    let ends = |v: &[(usize, usize)]| -> Vec<(usize, usize)> {
                        v.iter().map(|s| (s.1, s.1)).collect()
                    };
                    print_mismatches(&gold.text, &ends(&gold.sentences), &ends(&sentences))
                }
            }
        }
    }
    let (name, counts) = match which {
        Segmentation::Tokens => ("tokens", total.tokens),
        Segmentation::Sentences => ("sentence boundaries", total.sentences),
    };
    print_scores(
        name,
        &args.path.display().to_string(),
        docs.len(),
        counts,
        args.json,
    );
    Ok(())
}

/// Prints scores as a small table, or as one JSON object with `--json`.
pub fn print_scores(name: &str, data: &str, documents: usize, counts: Counts, as_json: bool) {
    let s = counts.scores();
    if as_json {
        let value = json!({
            "task": name,
            "data": data,
            "documents": documents,
            "precision": s.precision,
            "recall": s.recall,
            "f1": s.f1,
            "gold": s.gold,
            "system": s.system,
            "matched": s.matched,
        });
        println!("{value}");
        return;
    }
    println!("{name} on {data} ({documents} documents)");
    println!(
        "{:<10} {:>9} {:>9} {:>9} {:>9}",
        "precision", "recall", "f1", "gold", "system"
    );
    println!(
        "{:<10.4} {:>9.4} {:>9.4} {:>9} {:>9}   matched {}",
        s.precision, s.recall, s.f1, s.gold, s.system, s.matched
    );
}

/// Prints gold spans the system missed (`-`) and system spans not in the gold (`+`).
fn print_mismatches(text: &str, gold: &[(usize, usize)], system: &[(usize, usize)]) {
    use std::collections::BTreeSet;
    let g: BTreeSet<_> = gold.iter().copied().collect();
    let s: BTreeSet<_> = system.iter().copied().collect();
    let context = |(a, b): (usize, usize)| {
        let lo = floor_char(text, a.saturating_sub(40));
        let hi = floor_char(text, (b + 40).min(text.len()));
        format!("{}[{}]{}", &text[lo..a], &text[a..b], &text[b..hi]).replace('\n', "\u{23CE}")
    };
    for span in g.difference(&s) {
        eprintln!("- {}", context(*span));
    }
    for span in s.difference(&g) {
        eprintln!("+ {}", context(*span));
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
