//! `sitrep eval timex`: TempEval-3 scores of the time stage on TimeML, MEANTIME or
//! stand-off JSONL gold.

use anyhow::{Context, Result};
use sitrep_eval::timeml::{self, TimexEval};
use sitrep_time::{Mode, TimeTagger};

use crate::cli::{EvalTimexArgs, TimexFormat};

/// Tags every gold document anchored at its creation time and prints the scores.
pub fn eval(args: &EvalTimexArgs) -> Result<()> {
    let path = &args.common.path;
    let docs = match args.format {
        TimexFormat::Timeml => timeml::read_dir(path)?,
        TimexFormat::Meantime => {
            let (docs, skipped) = timeml::read_meantime_dir(path)?;
            for err in skipped {
                eprintln!("sitrep: skipped: {err}");
            }
            docs
        }
        TimexFormat::Jsonl => {
            timeml::read_jsonl(path, &crate::cli::shared_dir(args.shared.as_ref()))?
        }
    };
    anyhow::ensure!(
        !docs.is_empty(),
        "{}: no gold documents found",
        path.display()
    );
    let tagger = TimeTagger::try_new().context("loading the time data")?;
    let mut eval = TimexEval::default();
    for doc in &docs {
        let system = tagger.tag(&doc.text, Some(doc.dct), Mode::News);
        eval.add(&doc.timexes, &system);
    }
    let s = eval.scores();
    if args.common.json {
        let mut v = serde_json::to_value(s)?;
        v["task"] = "timex".into();
        v["data"] = path.display().to_string().into();
        v["documents"] = docs.len().into();
        // The convention of every eval command: overall P/R/F1 and counts at the top
        // level; for time expressions that is the relaxed span match.
        for key in ["precision", "recall", "f1", "gold", "system", "matched"] {
            v[key] = v["relaxed"][key].clone();
        }
        println!("{v}");
    } else {
        println!(
            "time expressions on {} ({} documents)",
            path.display(),
            docs.len()
        );
        println!("{s}");
    }
    Ok(())
}
