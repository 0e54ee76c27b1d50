//! End-to-end reading of the bundled example articles in `../shared/examples` (outside this
//! repository, next to it). The tests pass with a note when that directory is absent.

use std::path::PathBuf;

use sitrep_input::{expand_paths, read, Format, InputError, Options, Source};

fn examples() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/examples");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} not found", dir.display());
        None
    }
}

#[test]
fn every_example_article_reads_back_exactly() {
    let Some(dir) = examples() else { return };
    let sources = expand_paths(
        &[dir.join("news-ukraine/articles"), dir.join("kursk.txt")],
        None,
    );
    assert!(sources.len() > 100, "{} sources", sources.len());
    for source in sources {
        let source = source.unwrap();
        assert_eq!(source.format, Some(Format::Text));
        let docs: Vec<_> = read(&source, &Options::default()).collect();
        assert_eq!(docs.len(), 1);
        let doc = docs.into_iter().next().unwrap().unwrap();
        let original = std::fs::read_to_string(&source.path).unwrap();
        assert_eq!(doc.text, original.trim_start_matches('\u{FEFF}'));
        assert_eq!(doc.meta.id, Some(source.stem()));
    }
}

#[test]
fn the_example_index_has_no_text_and_says_so_per_line() {
    let Some(dir) = examples() else { return };
    let source = Source::new(dir.join("news-ukraine/index.jsonl"));
    let results: Vec<_> = read(&source, &Options::default()).collect();
    assert!(!results.is_empty());
    for (n, result) in results.iter().enumerate() {
        match result {
            Err(InputError::MissingText { line, .. }) => assert_eq!(*line, n as u64 + 1),
            other => panic!("line {}: {other:?}", n + 1),
        }
    }
}
