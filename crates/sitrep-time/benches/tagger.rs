//! Throughput of the time tagger on the canonical example (repeated to a few hundred KB).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_time::{Mode, TimeTagger};

fn example() -> String {
    let dir = std::env::var("SITREP_SHARED").unwrap_or_else(|_| "../../../shared".into());
    let one = std::fs::read_to_string(format!("{dir}/examples/kursk.txt")).unwrap_or_else(|_| {
        "On August 6, a week ago, troops crossed; in early July talks failed. ".repeat(50)
    });
    one.repeat(64)
}

fn tag(c: &mut Criterion) {
    let tagger = TimeTagger::new();
    let text = example();
    let anchor = "2024-08-18".parse().ok();
    let mut group = c.benchmark_group("time");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let times = tagger.tag(&text, anchor, Mode::News);
            assert!(!times.is_empty());
            times.len()
        })
    });
    group.finish();
}

criterion_group!(benches, tag);
criterion_main!(benches);
