//! `sitrep eval attribution`: quotes, speakers, claims and figures against hand-annotated
//! gold, or attribution against PolNeAR, with the whole pipeline.

use anyhow::Result;
use serde_json::Value;
use sitrep_doc::Document;

use crate::cli::EvalAttributionArgs;
use crate::pipeline::Pipeline;

/// Runs the pipeline on every gold article and prints the scores.
pub fn eval(args: &EvalAttributionArgs) -> Result<()> {
    let pipeline = Pipeline::new(None, sitrep_time::Mode::News)?;
    let annotate = |doc: &mut Document| pipeline.annotate(doc);
    let path = &args.common.path;
    let (mut value, text, errors) = if args.polnear {
        let report = sitrep_eval::polnear::evaluate(path, &args.split, &annotate)?;
        let mut v = serde_json::to_value(&report)?;
        // Every eval prints overall P/R/F1 and counts at the top level: here content overlap.
        lift(&mut v, "content_overlap");
        (v, report.to_string(), report.errors.clone())
    } else {
        let shared = crate::cli::shared_dir(args.shared.as_ref());
        let report = sitrep_eval::attribution::evaluate(path, &shared, &annotate)?;
        let mut v = serde_json::to_value(&report)?;
        lift(&mut v, "quotes_overlap");
        (v, report.to_string(), report.errors.clone())
    };
    if args.common.errors {
        for e in &errors {
            eprintln!("{e}");
        }
    }
    if args.common.json {
        if let Some(obj) = value.as_object_mut() {
            obj.remove("errors");
            obj.insert("task".into(), "attribution".into());
            obj.insert("data".into(), path.display().to_string().into());
        }
        println!("{value}");
    } else {
        println!("attribution on {}", path.display());
        print!("{text}");
    }
    Ok(())
}

/// Copies the counts of `key` to the top level with their precision, recall and F1.
fn lift(v: &mut Value, key: &str) {
    let Some(c) = v.get(key).cloned() else { return };
    let n = |k: &str| c.get(k).and_then(Value::as_u64).unwrap_or(0);
    let counts = sitrep_eval::prf::Counts::new(
        n("gold") as usize,
        n("system") as usize,
        n("matched") as usize,
    );
    let s = counts.scores();
    if let Some(obj) = v.as_object_mut() {
        obj.insert("precision".into(), s.precision.into());
        obj.insert("recall".into(), s.recall.into());
        obj.insert("f1".into(), s.f1.into());
        obj.insert("gold".into(), s.gold.into());
        obj.insert("system".into(), s.system.into());
        obj.insert("matched".into(), s.matched.into());
    }
}
