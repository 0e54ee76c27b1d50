//! The figures stage alone, over the shared examples (`$SITREP_SHARED/examples`, default the
//! shared folder beside the repository), tokenized once beforehand: reports bytes/s.
//! `cargo bench -p sitrep-figures`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_doc::{Document, Meta};
use sitrep_figures::FigureTagger;
use sitrep_text::TextProcessor;

fn corpus() -> Vec<Document> {
    let shared = std::env::var("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let mut paths = vec![shared.join("examples/kursk.txt")];
    if let Ok(dir) = std::fs::read_dir(shared.join("examples/news-ukraine/articles")) {
        paths.extend(dir.filter_map(|e| e.ok().map(|e| e.path())));
    }
    let text = TextProcessor::new();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| {
            let mut doc = Document::new(t, Meta::default());
            text.annotate(&mut doc);
            doc
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    if docs.is_empty() {
        println!("SKIPPED: no shared examples");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let tagger = FigureTagger::new();
    let found: usize = docs.iter().map(|d| tagger.tag(d).len()).sum();
    assert!(found > 100, "only {found} figures in the examples");
    let mut group = c.benchmark_group("figures");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("shared examples", |b| {
        b.iter(|| docs.iter().map(|d| tagger.tag(d).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
