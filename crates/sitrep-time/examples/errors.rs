//! Lists the tagger's errors on TimeML gold data, for finding what to fix:
//! `cargo run -p sitrep-time --example errors -- DIR [--meantime] [--all]`, or on a stand-off
//! gold file (`tests/gold/times.jsonl`, articles under $SITREP_SHARED, else ../shared).
//!
//! One line per error: `-` a missed gold timex, `+` a false alarm, `~` a relaxed match whose
//! type or value differs (gold first, then the system's), with the words around it and the
//! document creation time. With `--all`, correct matches are listed too, marked `=`, for
//! counting how the gold writes a phrase's value across a corpus. With `--ids`, each line ends
//! with `| ID@OFFSET`, the document's id and the gold (or system) span's byte offset, for
//! looking an error up in its file.

use std::path::Path;

use sitrep_doc::layers::Timex;
use sitrep_doc::Span;
use sitrep_eval::timeml::{read_dir, read_jsonl, read_meantime_dir, TimeMlDoc, TimexLike};
use sitrep_time::{Mode, TimeTagger};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: errors DIR|GOLD.jsonl [--meantime] [--all]");
        std::process::exit(2);
    };
    let docs = if args.iter().any(|a| a == "--meantime") {
        read_meantime_dir(Path::new(dir)).map(|(docs, _)| docs)
    } else if dir.ends_with(".jsonl") {
        let shared = std::env::var_os("SITREP_SHARED").unwrap_or_else(|| "../shared".into());
        read_jsonl(Path::new(dir), Path::new(&shared))
    } else {
        read_dir(Path::new(dir))
    };
    let docs = docs.unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1);
    });
    let all = args.iter().any(|a| a == "--all");
    let ids = args.iter().any(|a| a == "--ids");
    let tagger = TimeTagger::new();
    for doc in &docs {
        let system = tagger.tag(&doc.text, Some(doc.dct), Mode::News);
        report(doc, &system, all, ids);
    }
}

fn report(doc: &TimeMlDoc, system: &[Timex], all: bool, ids: bool) {
    let text = &doc.text;
    let at = |span: Span| {
        if ids {
            format!(" | {}@{}", doc.id, span.start)
        } else {
            String::new()
        }
    };
    let dct = doc.dct.date;
    let mut used = vec![false; system.len()];
    for g in &doc.timexes {
        let pick = system
            .iter()
            .enumerate()
            .filter(|(j, s)| !used[*j] && s.span.overlaps(g.span))
            .max_by_key(|(j, s)| (s.span == g.span, std::cmp::Reverse(*j)))
            .map(|(j, _)| j);
        let Some(j) = pick else {
            println!(
                "- {dct} {} {} | {}{}",
                g.kind,
                g.value,
                context(text, g.span),
                at(g.span)
            );
            continue;
        };
        used[j] = true;
        let s = &system[j];
        let same = s.value == g.value && TimexLike::kind(s) == g.kind;
        if !same || all {
            println!(
                "{} {dct} {} {} | {} {} | {:?} | {}{}",
                if same { '=' } else { '~' },
                g.kind,
                g.value,
                TimexLike::kind(s),
                s.value,
                s.span.slice(text),
                context(text, g.span),
                at(g.span)
            );
        }
    }
    for (s, _) in system.iter().zip(&used).filter(|(_, u)| !**u) {
        let (kind, value) = (TimexLike::kind(s), &s.value);
        println!(
            "+ {dct} {kind} {value} | {}{}",
            context(text, s.span),
            at(s.span)
        );
    }
}

/// The span in brackets with up to 60 bytes either side, on one line.
fn context(text: &str, span: Span) -> String {
    let mut from = span.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!(
        "{}[{}]{}",
        &text[from..span.start],
        span.slice(text),
        &text[span.end..to]
    )
    .replace(['\n', '\t'], " ")
}
