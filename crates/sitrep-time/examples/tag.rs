//! Prints the time expressions of a file: `cargo run -p sitrep-time --example tag -- FILE [DATE]`.

use sitrep_time::{Mode, TimeTagger};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: tag FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let anchor = args.get(2).and_then(|d| d.parse().ok());
    for t in TimeTagger::new().tag(&text, anchor, Mode::News) {
        println!(
            "{:>6} {:<32} {:<8?} {:<12} {}",
            t.span.start,
            t.span.slice(&text).replace('\n', " "),
            t.kind,
            t.value,
            t.modifier.unwrap_or_default()
        );
    }
}
