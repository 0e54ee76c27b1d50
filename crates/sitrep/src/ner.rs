//! `sitrep train ner` and `sitrep eval ner`.

use std::path::Path;

use anyhow::{Context, Result};
use sitrep_eval::conll;
use sitrep_ner::train::{self, TrainConfig};
use sitrep_ner::{compile, Decoder, Model, NerTagger};

use crate::cli::{DecoderArg, EvalNerArgs, NerFormat, TrainNerArgs};

/// The model built into the binary: `models/ner-en.bin`, made by the command in
/// models/README.md.
pub const BUILTIN_MODEL: &[u8] = include_bytes!("../../../models/ner-en.bin");

/// The built-in tagger, or the model at `path`.
pub fn tagger(path: Option<&Path>) -> Result<NerTagger> {
    Ok(match path {
        Some(p) => NerTagger::load(p)?,
        None => NerTagger::from_bytes(BUILTIN_MODEL, "built-in models/ner-en.bin")?,
    })
}

/// Trains the NER model and writes it.
pub fn train(args: &TrainNerArgs) -> Result<()> {
    let mut train_data = Vec::new();
    for file in &args.train {
        train_data.extend(conll::read_file(file)?);
    }
    let dev_data = conll::read_file(&args.dev)?;
    eprintln!(
        "training on {} sentences, early stopping on {} dev sentences",
        train_data.len(),
        dev_data.len()
    );
    eprintln!(
        "building word clusters and gazetteer from {}",
        args.data.display()
    );
    let resources = compile::build_resources(&args.data)
        .with_context(|| format!("building resources from {}", args.data.display()))?;
    let config = TrainConfig {
        max_epochs: args.epochs,
        patience: args.patience,
        seed: args.seed,
        ..TrainConfig::default()
    };
    let mut model = train::train(&train_data, &dev_data, resources, &config, |r| {
        eprintln!(
            "epoch {:>2}: {:>5} training mistakes, {} features; dev P {:.4} R {:.4} F1 {:.4}",
            r.epoch, r.mistakes, r.features, r.precision, r.recall, r.f1
        );
    });
    model.meta.train_data = args
        .train
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" + ");
    model.meta.dev_data = args.dev.display().to_string();
    model.meta.trained = today();
    model.meta.command = std::env::args().collect::<Vec<_>>().join(" ");
    model.save(&args.output)?;
    let reloaded = Model::load(&args.output)?;
    eprintln!(
        "kept epoch {} (dev F1 {:.4}); wrote {} ({} features, {} bytes)",
        model.meta.epochs,
        model.meta.dev_f1,
        args.output.display(),
        reloaded.num_features(),
        std::fs::metadata(&args.output)
            .map(|m| m.len())
            .unwrap_or(0)
    );
    Ok(())
}

fn today() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%d").to_string()
}

/// Scores the tagger on CoNLL gold (or, with `--predictions`, a file of another system's).
pub fn eval(args: &EvalNerArgs) -> Result<()> {
    if args.predictions {
        let pairs = conll::read_predictions(&args.common.path)?;
        let mut counts = sitrep_eval::conll::NerCounts::default();
        for (gold, predicted) in &pairs {
            counts.add(gold, predicted);
        }
        let tokens = pairs.iter().map(|(g, _)| g.len()).sum();
        print_ner(args, &counts, (pairs.len(), "sentences"), tokens);
        return Ok(());
    }
    let decoder = match args.decoder {
        DecoderArg::Viterbi => Decoder::Viterbi,
        DecoderArg::Greedy => Decoder::Greedy,
    };
    let tagger = tagger(args.model.as_deref())?.with_decoder(decoder);
    if args.format != NerFormat::Conll {
        return eval_mentions(args, &tagger);
    }
    let data = conll::read_file(&args.common.path)?;
    let started = std::time::Instant::now();
    let counts = train::evaluate(tagger.model(), &data, args.document_window, decoder);
    let seconds = started.elapsed().as_secs_f64();
    let tokens: usize = data.iter().map(|s| s.tokens.len()).sum();
    print_ner(args, &counts, (data.len(), "sentences"), tokens);
    if !args.common.json {
        eprintln!(
            "({:.0} tokens/s including feature extraction, one thread)",
            tokens as f64 / seconds
        );
    }
    Ok(())
}

fn print_ner(
    args: &EvalNerArgs,
    counts: &sitrep_eval::conll::NerCounts,
    units: (usize, &str),
    tokens: usize,
) {
    let (sentences, unit) = units;
    let name = args.common.path.display().to_string();
    if args.common.json {
        let by_type: serde_json::Map<String, serde_json::Value> = counts
            .by_type
            .iter()
            .map(|(k, c)| {
                (
                    k.clone(),
                    serde_json::to_value(c.scores()).unwrap_or_default(),
                )
            })
            .collect();
        let s = counts.overall.scores();
        println!(
            "{}",
            serde_json::json!({
                "task": "ner", "data": name, unit: sentences, "tokens": tokens,
                "precision": s.precision, "recall": s.recall, "f1": s.f1,
                "gold": s.gold, "system": s.system, "matched": s.matched,
                "by_type": by_type,
            })
        );
        return;
    }
    println!("entities on {name} ({sentences} {unit}, {tokens} tokens)");
    println!(
        "{:<8} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}",
        "type", "precision", "recall", "f1", "gold", "system", "matched"
    );
    for (kind, c) in counts
        .by_type
        .iter()
        .chain([(&"overall".to_string(), &counts.overall)])
    {
        println!(
            "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7} {:>7}",
            kind,
            c.precision(),
            c.recall(),
            c.f1(),
            c.gold,
            c.system,
            c.matched
        );
    }
}

/// Runs text + entities on rebuilt MEANTIME or GUM documents and scores the mentions.
fn eval_mentions(args: &EvalNerArgs, tagger: &NerTagger) -> Result<()> {
    use sitrep_doc::layers::EntityLabel;
    use sitrep_doc::{Document, Meta, Stage};
    use sitrep_eval::entity_mentions::{self, EntityMention};

    let path = &args.common.path;
    let docs = match args.format {
        NerFormat::Meantime => sitrep_eval::meantime::read_dir(path)?,
        _ => sitrep_eval::gum_entities::read_dir(path)?,
    };
    anyhow::ensure!(
        !docs.is_empty(),
        "{}: no gold documents found",
        path.display()
    );
    let text = sitrep_text::TextProcessor::new();
    let mut total = conll::NerCounts::default();
    let mut tokens = 0;
    for gold in &docs {
        let mut doc = Document::new(gold.text.clone(), Meta::default());
        text.annotate(&mut doc);
        tagger.annotate(&mut doc);
        tokens += doc.tokens.len();
        let system: Vec<EntityMention> = doc
            .entities
            .iter()
            .map(|e| {
                let kind = match e.label {
                    EntityLabel::Person => "PER",
                    EntityLabel::Org => "ORG",
                    EntityLabel::Gpe | EntityLabel::Loc => "LOC",
                    _ => "MISC",
                };
                EntityMention::new(e.span, kind)
            })
            .collect();
        entity_mentions::add_counts(&mut total, &entity_mentions::score_document(gold, &system));
    }
    print_ner(args, &total, (docs.len(), "documents"), tokens);
    let core = entity_mentions::restrict(&total, &entity_mentions::CORE_TYPES);
    if !args.common.json {
        println!(
            "PER+ORG+LOC only: precision {:.4} recall {:.4} f1 {:.4} (gold {}, system {}, matched {})",
            core.precision(),
            core.recall(),
            core.f1(),
            core.gold,
            core.system,
            core.matched
        );
    }
    Ok(())
}
