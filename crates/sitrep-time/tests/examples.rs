//! Runs every example of `data/time/examples.tsv`: each line is a text with the exact list of
//! time expressions the tagger must find in it (format at the top of the file).

use sitrep_time::{Mode, TimeTagger};

const EXAMPLES: &str = include_str!("../../../data/time/examples.tsv");

fn render(t: &sitrep_doc::layers::Timex, text: &str) -> String {
    let kind = match t.kind {
        sitrep_doc::layers::TimexType::Date => "DATE",
        sitrep_doc::layers::TimexType::Time => "TIME",
        sitrep_doc::layers::TimexType::Duration => "DURATION",
        sitrep_doc::layers::TimexType::Set => "SET",
    };
    let mut s = format!("{} => {kind} {}", t.span.slice(text), t.value);
    for (name, v) in [("mod", &t.modifier), ("quant", &t.quant), ("freq", &t.freq)] {
        if let Some(v) = v {
            s.push_str(&format!(" {name}={v}"));
        }
    }
    s
}

#[test]
fn every_example_in_the_data_holds() {
    let tagger = TimeTagger::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for (n, line) in EXAMPLES.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert!(
            fields.len() >= 3,
            "examples.tsv line {}: expected 4 tab-separated fields",
            n + 1
        );
        let anchor = (fields[0] != "-").then(|| fields[0].parse().expect("anchor date"));
        let mode = if fields[1] == "narrative" {
            Mode::Narrative
        } else {
            Mode::News
        };
        let text = fields[2];
        let expected: Vec<&str> = fields.get(3).map_or(vec![], |e| {
            e.split(" ; ").filter(|s| !s.is_empty()).collect()
        });
        let got: Vec<String> = tagger
            .tag(text, anchor, mode)
            .iter()
            .map(|t| render(t, text))
            .collect();
        count += 1;
        if got != expected {
            failures.push(format!(
                "line {}: {text}\n  expected {expected:?}\n  got      {got:?}",
                n + 1
            ));
        }
    }
    assert!(count > 40, "only {count} examples");
    assert!(
        failures.is_empty(),
        "{} of {count} examples fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
