//! The figures and attribution stages together over the shared examples
//! (`$SITREP_SHARED/examples`, default the shared folder beside the repository), tokenized
//! once beforehand, in bytes/s; and attribution alone on 1,000 and 10,000 quotes, to show
//! that time grows linearly with the number of quotes. `cargo bench -p sitrep-attrib`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use sitrep_attrib::Attributor;
use sitrep_doc::{Document, Meta, Stage};
use sitrep_figures::FigureTagger;
use sitrep_text::TextProcessor;

fn tokenized(text: String) -> Document {
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    doc
}

fn corpus() -> Vec<Document> {
    let shared = std::env::var("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let mut paths = vec![shared.join("examples/kursk.txt")];
    if let Ok(dir) = std::fs::read_dir(shared.join("examples/news-ukraine/articles")) {
        paths.extend(dir.filter_map(|e| e.ok().map(|e| e.path())));
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(tokenized)
        .collect()
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    if docs.is_empty() {
        println!("SKIPPED: no shared examples");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let (figures, attributor) = (FigureTagger::new(), Attributor::new());
    let run = |docs: &mut [Document]| {
        let mut found = 0;
        for doc in docs.iter_mut() {
            figures.annotate(doc);
            attributor.annotate(doc);
            found += doc.quotes.len() + doc.claims.len();
        }
        found
    };
    let mut work = docs.clone();
    let found = run(&mut work);
    assert!(
        found > 500,
        "only {found} quotes and claims in the examples"
    );
    let mut group = c.benchmark_group("figures+attribution");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("shared examples", |b| b.iter(|| run(&mut work)));
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let unit = "“We will hold the line,” the commander said. ";
    let attributor = Attributor::new();
    let mut group = c.benchmark_group("attribution/quotes");
    group.sample_size(10);
    for n in [1_000usize, 10_000] {
        let mut doc = tokenized(unit.repeat(n));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| {
                attributor.annotate(&mut doc);
                assert_eq!(doc.quotes.len(), n);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, stages, scaling);
criterion_main!(benches);
