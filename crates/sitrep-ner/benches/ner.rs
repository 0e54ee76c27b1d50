//! Speed of the entity stage: model load time, tagging alone (tokens/s), and the whole
//! extract pipeline without I/O (text + entities + times: documents/s and MB/s), one core.
//!
//! Run with `cargo bench -p sitrep-ner --bench ner`. The corpus is the bundled example plus,
//! where `../shared` is present, kursk.txt and the news-ukraine articles.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_doc::{Document, Meta, Published, Stage};
use sitrep_ner::{Model, NerTagger};
use sitrep_text::TextProcessor;
use sitrep_time::TimeTagger;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus() -> Vec<String> {
    let mut texts = vec![
        std::fs::read_to_string(root().join("examples/sample-article.txt"))
            .expect("the bundled example"),
    ];
    let shared = std::env::var_os("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
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
    let model_path = root().join("models/ner-en.bin");
    let mut group = c.benchmark_group("ner-model");
    group.sample_size(10);
    group.bench_function("load", |b| {
        b.iter(|| {
            black_box(
                Model::load(&model_path)
                    .expect("model loads")
                    .num_features(),
            )
        })
    });
    group.finish();

    let tagger = NerTagger::load(&model_path).expect("model loads");
    let text = TextProcessor::new();
    let times = TimeTagger::new();
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let date: Published = "2024-08-18".parse().expect("a date");
    let documents: Vec<Document> = texts
        .iter()
        .map(|t| {
            let mut d = Document::new(t.as_str(), Meta::default());
            text.annotate(&mut d);
            d
        })
        .collect();
    let tokens: usize = documents.iter().map(|d| d.tokens.len()).sum();
    eprintln!(
        "corpus: {} documents, {bytes} bytes, {tokens} tokens",
        texts.len()
    );

    let mut group = c.benchmark_group("ner-tagging");
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("entities-stage", |b| {
        b.iter(|| {
            let mut n = 0;
            for doc in &documents {
                let mut d = doc.clone();
                tagger.annotate(&mut d);
                n += d.entities.len();
            }
            assert!(n > 0);
            black_box(n)
        })
    });
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("text+entities+times", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                let mut d = Document::new(
                    t.as_str(),
                    Meta {
                        published: Some(date),
                        ..Meta::default()
                    },
                );
                text.annotate(&mut d);
                tagger.annotate(&mut d);
                Stage::annotate(&times, &mut d);
                n += d.entities.len() + d.times.len();
            }
            assert!(n > 0);
            black_box(n)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
