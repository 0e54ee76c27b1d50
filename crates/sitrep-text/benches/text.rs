//! Throughput of the text stage (normalise + tokenize + split sentences) on one core.
//!
//! Run with `cargo bench -p sitrep-text --bench text`. The corpus is the bundled example plus,
//! where `../shared` is present, the real articles in `../shared/examples` (kursk.txt and
//! news-ukraine). Criterion prints MB/s for the `bytes` group and tokens/s (as elem/s) for
//! the `tokens` group.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_doc::{Document, Meta};
use sitrep_text::TextProcessor;

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut texts = vec![
        std::fs::read_to_string(root.join("examples/sample-article.txt"))
            .expect("the bundled example"),
    ];
    let shared = std::env::var_os("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared"));
    let examples = shared.join("examples");
    if examples.is_dir() {
        let mut files = vec![examples.join("kursk.txt")];
        if let Ok(dir) = std::fs::read_dir(examples.join("news-ukraine/articles")) {
            files.extend(dir.filter_map(|e| e.ok()).map(|e| e.path()));
        }
        files.sort();
        texts.extend(files.iter().filter_map(|f| std::fs::read_to_string(f).ok()));
    } else {
        eprintln!(
            "{} is absent: benchmarking the bundled example only",
            examples.display()
        );
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let processor = TextProcessor::new();
    let bytes: usize = texts.iter().map(String::len).sum();
    let tokens: usize = texts
        .iter()
        .map(|t| {
            let mut doc = Document::new(t.as_str(), Meta::default());
            processor.annotate(&mut doc);
            doc.tokens.len()
        })
        .sum();
    eprintln!(
        "corpus: {} documents, {bytes} bytes, {tokens} tokens",
        texts.len()
    );
    let run = || {
        let mut n = 0;
        for text in &texts {
            let mut doc = Document::new(text.as_str(), Meta::default());
            processor.annotate(&mut doc);
            n += doc.tokens.len();
        }
        assert_eq!(n, tokens);
        black_box(n)
    };
    let mut group = c.benchmark_group("text-stage-bytes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("normalise+tokenize+split", |b| b.iter(run));
    group.finish();
    let mut group = c.benchmark_group("text-stage-tokens");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("normalise+tokenize+split", |b| b.iter(run));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
