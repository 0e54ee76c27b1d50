//! `sitrep eval timex`: TempEval-3 scores of the time stage on TimeML, MEANTIME or
//! stand-off JSONL gold.

use anyhow::{Context, Result};
use std::path::Path;

use sitrep_eval::timeml::{self, TimeMlDoc, TimexEval};
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
    let mut eval = TimexEval::default();
    if let Some(dir) = &args.system {
        anyhow::ensure!(
            matches!(args.format, TimexFormat::Timeml),
            "--system reads TimeML output, so it needs gold in TimeML (--format timeml)"
        );
        for doc in &docs {
            let system = read_system(dir, doc)?;
            eval.add(&doc.timexes, &system.timexes);
        }
    } else {
        let tagger = TimeTagger::try_new().context("loading the time data")?;
        let mode: Mode = args.time_mode.into();
        for doc in &docs {
            let system = tagger.tag(&doc.text, Some(doc.dct), mode);
            eval.add(&doc.timexes, &system);
        }
    }
    let s = eval.scores();
    if args.common.json {
        let mut v = serde_json::to_value(s)?;
        v["task"] = "timex".into();
        v["data"] = path.display().to_string().into();
        v["documents"] = docs.len().into();
        if let Some(dir) = &args.system {
            v["system_dir"] = dir.display().to_string().into();
        }
        // The convention of every eval command: overall P/R/F1 and counts at the top
        // level; for time expressions that is the relaxed span match.
        for key in ["precision", "recall", "f1", "gold", "system", "matched"] {
            v[key] = v["relaxed"][key].clone();
        }
        println!("{v}");
    } else {
        let by = args
            .system
            .as_ref()
            .map(|d| format!(" tagged by {}", d.display()))
            .unwrap_or_default();
        println!(
            "time expressions on {}{by} ({} documents)",
            path.display(),
            docs.len()
        );
        println!("{s}");
    }
    Ok(())
}

/// Reads the other tagger's output for `gold`: `DIR/<id>.tml`, whose text must be the gold's,
/// character for character, or the spans would not compare (the TempEval-3 scorer stops too).
fn read_system(dir: &Path, gold: &TimeMlDoc) -> Result<TimeMlDoc> {
    let path = dir.join(format!("{}.tml", gold.id));
    let system = timeml::read_tml(&path)?;
    if system.text != gold.text {
        let at = system
            .text
            .chars()
            .zip(gold.text.chars())
            .take_while(|(a, b)| a == b)
            .count();
        anyhow::bail!(
            "{}: its text differs from the gold's at character {at}; a tagger's output must \
             keep the text as it is",
            path.display()
        );
    }
    Ok(system)
}
