//! End-to-end tests of the `sitrep` binary: real runs on fixtures written here and on the
//! real articles in `../shared` (skipped, with a message, where that folder is absent).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .output()
        .expect("the sitrep binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A fresh folder for one test's fixtures.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `../shared` (or `$SITREP_SHARED`), if it is there.
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: {} is absent; set SITREP_SHARED to run this test",
            dir.display()
        );
        None
    }
}

fn records(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON record"))
        .collect()
}

/// Every annotation's character offsets slice the record's text to the annotation's text.
fn assert_spans_slice(record: &Value) {
    let text: Vec<char> = record["text"].as_str().unwrap().chars().collect();
    let slice = |a: &Value| -> String {
        let (s, e) = (
            a["start"].as_u64().unwrap() as usize,
            a["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= text.len(), "bad span {s}..{e}");
        text[s..e].iter().collect()
    };
    for token in record["tokens"].as_array().unwrap() {
        assert!(!slice(token).trim().is_empty());
    }
    for layer in [
        "sentences",
        "entities",
        "times",
        "figures",
        "quotes",
        "claims",
        "places",
        "events",
    ] {
        for a in record[layer].as_array().unwrap() {
            assert_eq!(slice(a), a["text"].as_str().unwrap(), "{layer}");
        }
    }
}

#[test]
fn extracts_the_bundled_example() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sample-article.txt");
    let out = sitrep(&[
        "extract",
        example.to_str().unwrap(),
        "--date",
        "2024-08-18",
        "--source",
        "Sample Wire",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert_eq!(r["schema"], "sitrep/1");
    assert_eq!(r["id"], "sample-article");
    assert_eq!(r["published"], "2024-08-18");
    assert_eq!(r["source"], "Sample Wire");
    assert_spans_slice(r);
    let sentences: Vec<&str> = r["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    // The glued "wounded.Meanwhile" is two sentences.
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("Meanwhile, Kastrian reports claim")));
    assert!(sentences.iter().any(|s| s.ends_with("wounded.")));
    // "closed since February 2021" is background: the draft "tabled in Brussels on Jan. 14"
    // is this year's, not a date of a story told from 2021.
    let time = |text: &str| {
        r["times"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["text"] == text)
            .map(|t| t["value"].as_str().unwrap().to_string())
    };
    assert_eq!(time("February 2021").as_deref(), Some("2021-02"));
    assert_eq!(time("Jan. 14").as_deref(), Some("2024-01-14"));
    assert!(stderr(&out).contains("1 record written, 0 inputs failed"));
}

#[test]
fn extracts_the_canonical_example() {
    let Some(shared) = shared() else { return };
    let kursk = shared.join("examples/kursk.txt");
    let out = sitrep(&["extract", kursk.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_spans_slice(&recs[0]);
    let sentences: Vec<&str> = recs[0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert!(sentences.contains(&"About 12 civilians and 121 others have been injured."));
    assert!(sentences
        .iter()
        .any(|s| s.starts_with("Meanwhile, Ukrainian reports claim")));
    assert!(sentences.contains(&"1. How much will the incursion affect Putin’s interests?"));
    let norms: Vec<&str> = recs[0]["tokens"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["norm"].as_str().unwrap())
        .collect();
    assert!(norms.windows(2).any(|w| w == ["120,000", "people"]));
    assert!(norms.windows(2).any(|w| w == ["Zelensky", "'s"]));
}

#[test]
fn pretty_prints_one_indented_record() {
    let dir = scratch("pretty");
    let file = dir.join("a.txt");
    std::fs::write(&file, "Kyiv said no.").unwrap();
    let out = sitrep(&["extract", "--pretty", file.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("{\n  \"schema\": \"sitrep/1\""));
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["tokens"].as_array().unwrap().len(), 4);
}

#[test]
fn output_order_is_input_order_and_dirs_are_walked() {
    let dir = scratch("order");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let mut lines = String::new();
    for i in 0..600 {
        lines.push_str(&format!(
            "{{\"id\": \"n{i}\", \"text\": \"Report number {i}.\"}}\n"
        ));
    }
    std::fs::write(dir.join("sub/many.jsonl"), lines).unwrap();
    std::fs::write(dir.join("a.txt"), "First.").unwrap();
    let out = sitrep(&["extract", "--threads", "2", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 601);
    assert_eq!(ids[0], "a");
    for (i, id) in ids[1..].iter().enumerate() {
        assert_eq!(id, &format!("n{i}"));
    }
}

#[test]
fn bad_inputs_are_reported_and_the_rest_is_processed() {
    let dir = scratch("bad");
    let good = dir.join("good.txt");
    std::fs::write(&good, "Moscow said yes.").unwrap();
    let invalid = dir.join("latin1.txt");
    std::fs::write(&invalid, b"caf\xe9 au lait").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let jsonl = dir.join("feed.jsonl");
    std::fs::write(&jsonl, "{\"text\": \"One.\"}\n{not json\n{\"title\": \"no text\"}\n{\"text\": \"Four.\", \"date\": \"2024-02-30\"}\n{\"text\": \"Five.\"}\n").unwrap();
    let truncated = dir.join("cut.html");
    std::fs::write(
        &truncated,
        "<html><head><title>T</title></head><body><p>Kyiv said",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let out = sitrep(&[
        "extract",
        good.to_str().unwrap(),
        invalid.to_str().unwrap(),
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        jsonl.to_str().unwrap(),
        truncated.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code 1 when an input failed"
    );
    let err = stderr(&out);
    let recs = records(&out);
    let texts: Vec<&str> = recs.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["Moscow said yes.", "One.", "Five."]);
    for expected in [
        "latin1.txt: invalid UTF-8",
        "empty.txt: empty",
        "image.txt: binary",
        "feed.jsonl:2: malformed JSON",
        "feed.jsonl:3:",
        "feed.jsonl:4:",
        "2024-02-30",
        "cut.html: truncated HTML",
        "missing.txt",
        "3 records written, 8 inputs failed",
    ] {
        assert!(err.contains(expected), "stderr lacks {expected:?}:\n{err}");
    }
}

#[test]
fn a_bad_date_flag_is_a_usage_error() {
    let out = sitrep(&["extract", "--date", "next Tuesday", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad date \"next Tuesday\""),
        "{}",
        stderr(&out)
    );
    let out = sitrep(&["extract", "--date", "2024-02-30", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reads_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["extract", "-", "--title", "Piped"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Lviv is calm. Kharkiv is not.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs[0]["title"], "Piped");
    assert_eq!(recs[0]["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn narrative_time_mode_counts_from_the_story_s_dates() {
    let dir = scratch("narrative");
    let file = dir.join("history.txt");
    std::fs::write(
        &file,
        "On March 3, 1998 the treaty was signed. On Friday parliament ratified it.",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let friday = |args: &[&str]| -> (String, Value) {
        let out = sitrep(&[&["extract", path][..], args].concat());
        assert!(out.status.success(), "{}", stderr(&out));
        let times = records(&out)[0]["times"].clone();
        let t = &times[1];
        assert_eq!(t["text"], "Friday");
        (
            t["value"].as_str().unwrap().to_string(),
            t["anchor"].clone(),
        )
    };
    // News mode without a date: the week is unknown, never guessed.
    assert_eq!(friday(&[]).0, "XXXX-WXX-5");
    // News mode with a date: the Friday before publication.
    assert_eq!(friday(&["--date", "2024-08-18"]).0, "2024-08-16");
    // Narrative mode: the Friday after the treaty, anchored to it.
    let (value, anchor) = friday(&["--time-mode", "narrative", "--date", "2024-08-18"]);
    assert_eq!(value, "1998-03-06");
    assert_eq!(anchor, "1998-03-03");
    let bad = sitrep(&["extract", path, "--time-mode", "story"]);
    assert_eq!(bad.status.code(), Some(2), "a usage error");
}

#[test]
fn output_file_and_schema_command() {
    let dir = scratch("outfile");
    let input = dir.join("in.txt");
    std::fs::write(&input, "Odesa was shelled overnight.").unwrap();
    let output = dir.join("out.jsonl");
    let out = sitrep(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(stdout(&out).is_empty());
    let written = std::fs::read_to_string(&output).unwrap();
    assert_eq!(written.lines().count(), 1);
    let schema = sitrep(&["schema"]);
    let v: Value = serde_json::from_str(&stdout(&schema)).unwrap();
    assert_eq!(v["title"], "Record");
}

#[test]
fn eval_commands_meet_the_targets_on_gum_news() {
    let Some(shared) = shared() else { return };
    let news = shared.join("data/ud/gum/news");
    for (task, target) in [("tokens", 0.98), ("sentences", 0.97)] {
        let out = sitrep(&["eval", task, "--json", news.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        let f1 = v["f1"].as_f64().unwrap();
        assert!(f1 >= target, "{task} F1 {f1} below {target}");
        assert_eq!(v["documents"], 24);
        assert!(v["gold"].as_u64().unwrap() > 0 && v["matched"].as_u64().unwrap() > 0);
    }
}

#[test]
fn eval_reports_a_missing_or_malformed_gold_file() {
    let dir = scratch("evalbad");
    let bad = dir.join("bad.conllu");
    std::fs::write(&bad, "# text = A\n1\tA\n\n").unwrap();
    let out = sitrep(&["eval", "tokens", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.conllu:2: expected 10 tab-separated columns"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn canonical_example_entities_have_the_right_types() {
    let Some(shared) = shared() else { return };
    let kursk = shared.join("examples/kursk.txt");
    let out = sitrep(&["extract", kursk.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let entities: Vec<(String, String)> = recs[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["text"].as_str().unwrap().to_string(),
                e["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |text: &str, labels: &[&str]| {
        entities.iter().any(|(t, l)| {
            let t = t.strip_prefix("the ").unwrap_or(t);
            t == text && labels.contains(&l.as_str())
        })
    };
    let places = ["GPE", "LOC"];
    for person in [
        "Putin",
        "Zelensky",
        "Mikhail Podoliak",
        "Lucian Kim",
        "Theodore Kahn",
        "Serhii Kuzan",
        "Olena Mikula",
        "Viktor Orbán",
        "Alexander Lukashenko",
    ] {
        assert!(
            has(person, &["PERSON"]),
            "{person} as PERSON in {entities:?}"
        );
    }
    for org in [
        "Crisis Group",
        "Control Risks",
        "The New York Times",
        "Efe",
        "Institute for the Study of War",
        "NATO",
        "Russian Defense Ministry",
    ] {
        assert!(has(org, &["ORG"]), "{org} as ORG in {entities:?}");
    }
    for place in [
        "Kursk",
        "Moscow",
        "Donbas",
        "Lugansk",
        "Donetsk",
        "Crimean peninsula",
        "Lviv",
        "Ukraine",
        "Russia",
        "United States",
    ] {
        assert!(has(place, &places), "{place} as a place in {entities:?}");
    }
    // No person is typed as anything else anywhere in the article.
    for (text, label) in &entities {
        if ["Putin", "Zelensky", "Lukashenko", "Orbán"].contains(&text.as_str()) {
            assert_eq!(label, "PERSON", "{text}");
        }
    }
}

#[test]
fn a_missing_or_corrupt_model_file_is_a_clear_error() {
    let dir = scratch("model");
    let input = dir.join("a.txt");
    std::fs::write(&input, "Kyiv said no.").unwrap();
    let missing = dir.join("nope.bin");
    let out = sitrep(&[
        "extract",
        "--ner-model",
        missing.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nope.bin"), "{}", stderr(&out));
    let corrupt = dir.join("corrupt.bin");
    std::fs::write(&corrupt, b"SITREPNER\0\x01\x00\x00\x00garbage").unwrap();
    let out = sitrep(&[
        "extract",
        "--ner-model",
        corrupt.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("corrupt.bin: bad NER model"),
        "{}",
        stderr(&out)
    );
    let future = dir.join("future.bin");
    std::fs::write(&future, b"SITREPNER\0\x09\x00\x00\x00").unwrap();
    let out = sitrep(&[
        "eval",
        "ner",
        "--model",
        future.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("model format version 9"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn eval_ner_meets_the_dev_target() {
    let Some(shared) = shared() else { return };
    let dev = shared.join("data/conll2003/eng.testa");
    let out = sitrep(&["eval", "ner", "--json", dev.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let f1 = v["f1"].as_f64().unwrap();
    assert!(f1 >= 0.91, "dev F1 {f1}");
    for t in ["PER", "ORG", "LOC", "MISC"] {
        assert!(v["by_type"][t]["gold"].as_u64().unwrap() > 0);
    }
}

#[test]
fn malformed_conll_names_file_and_line() {
    let dir = scratch("conll");
    let bad = dir.join("bad.conll");
    std::fs::write(&bad, "EU NNP B-NP B-ORG\nrejects\n").unwrap();
    let out = sitrep(&["eval", "ner", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bad.conll:2: expected a token and a label"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn canonical_example_times_resolve_against_the_date() {
    let Some(shared) = shared() else { return };
    let kursk = shared.join("examples/kursk.txt");
    let times = |args: &[&str]| -> Vec<(String, String)> {
        let mut all = vec!["extract", kursk.to_str().unwrap()];
        all.extend_from_slice(args);
        let out = sitrep(&all);
        assert!(out.status.success(), "{}", stderr(&out));
        records(&out)[0]["times"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["text"].as_str().unwrap().to_string(),
                    t["value"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let dated = times(&["--date", "2024-08-18"]);
    for (text, value) in [
        ("August 6", "2024-08-06"),
        ("a week ago", "2024-W32"),
        ("February 2022", "2022-02"),
        ("two and a half years", "P2.5Y"),
        ("early July", "2024-07"),
        ("2014", "2014"),
        ("November", "2024-11"),
        ("last year", "2023"),
        ("this week", "2024-W33"),
        ("the coming days", "FUTURE_REF"),
    ] {
        assert!(
            dated.iter().any(|(t, v)| t == text && v == value),
            "{text} → {value} in {dated:?}"
        );
    }
    // Without a publication date relative values stay unresolved, never guessed.
    let undated = times(&[]);
    assert!(
        undated
            .iter()
            .any(|(t, v)| t == "August 6" && v == "XXXX-08-06"),
        "{undated:?}"
    );
    assert!(
        !undated.iter().any(|(_, v)| v.starts_with("2024")),
        "{undated:?}"
    );
}

/// A TempEval-3 file of the text "Troops crossed on <t1> and left <t2>." with two TIMEX3s.
fn tml(t1: (&str, &str), t2: (&str, &str), tail: &str) -> String {
    format!(
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" \
         type=\"DATE\" value=\"2024-08-18\" functionInDocument=\"CREATION_TIME\">2024-08-18\
         </TIMEX3></DCT>\n<TEXT>Troops crossed on <TIMEX3 tid=\"t1\" type=\"DATE\" \
         value=\"{}\">{}</TIMEX3> and left <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"{}\">{}\
         </TIMEX3>{tail}</TEXT>\n</TimeML>\n",
        t1.1, t1.0, t2.1, t2.0
    )
}

#[test]
fn eval_timex_scores_another_taggers_output() {
    let dir = scratch("evalsystem");
    let (gold, system, other) = (dir.join("gold"), dir.join("system"), dir.join("other"));
    for d in [&gold, &system, &other] {
        std::fs::create_dir_all(d).unwrap();
    }
    let gold_tml = tml(("August 6", "2024-08-06"), ("a week ago", "2024-W32"), ".");
    std::fs::write(gold.join("d1.tml"), gold_tml).unwrap();
    // One value right, one wrong: both spans match, half the values do.
    let system_tml = tml(("August 6", "2024-08-06"), ("a week ago", "2024-W33"), ".");
    std::fs::write(system.join("d1.tml"), system_tml).unwrap();
    let out = sitrep(&[
        "eval",
        "timex",
        gold.to_str().unwrap(),
        "--system",
        system.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["relaxed"]["f1"].as_f64(), Some(1.0), "{v}");
    assert_eq!(v["value_accuracy"].as_f64(), Some(0.5), "{v}");

    // A tagger that changed the text cannot be scored by span.
    let changed = tml(("August 6", "2024-08-06"), ("a week ago", "2024-W32"), "!");
    std::fs::write(other.join("d1.tml"), changed).unwrap();
    let out = sitrep(&[
        "eval",
        "timex",
        gold.to_str().unwrap(),
        "--system",
        other.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("d1.tml: its text differs from the gold's at character 46"),
        "{err}"
    );
}
