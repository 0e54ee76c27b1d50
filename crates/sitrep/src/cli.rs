//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use sitrep_doc::Published;

/// sitrep: news articles in, a structured, source-attributed record of what happened out.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles (text, HTML, JSON lines) and print one JSON record per article.
    Extract(ExtractArgs),
    /// Score a component against gold data in a standard format.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Print the JSON Schema of the output record.
    Schema,
    /// Train a model from the data in ../shared/data.
    #[command(subcommand)]
    Train(TrainCommand),
}

/// What to evaluate.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Token F1 (exact spans) on CoNLL-U gold; a directory evaluates all its .conllu files.
    Tokens(EvalArgs),
    /// Sentence-boundary precision/recall/F1 on CoNLL-U gold.
    Sentences(EvalArgs),
    /// Entity precision/recall/F1 (exact chunks, per type and overall, as conlleval) on
    /// CoNLL-format gold (token first, NER label last).
    Ner(EvalNerArgs),
    /// TempEval-3 time-expression scores (strict and relaxed span P/R/F1, type and value
    /// accuracy and F1) on a folder of TimeML .tml files, of MEANTIME files, or on sitrep's
    /// stand-off gold JSONL (tests/gold/times.jsonl).
    Timex(EvalTimexArgs),
    /// Quotes (span F1 exact and overlap), speaker and cue accuracy, claims and figures on the
    /// hand-annotated gold JSONL (docs/schema.md), or, with --polnear, PolNeAR's content-span
    /// F1 and source and cue accuracy.
    Attribution(EvalAttributionArgs),
}

/// Arguments of `sitrep eval attribution`.
#[derive(Debug, clap::Args)]
pub struct EvalAttributionArgs {
    /// The common options.
    #[command(flatten)]
    pub common: EvalArgs,
    /// PATH is the PolNeAR folder (brat .ann + text) instead of a gold JSONL file.
    #[arg(long)]
    pub polnear: bool,
    /// The PolNeAR split to score.
    #[arg(long, default_value = "dev")]
    pub split: String,
    /// The folder the gold file's `doc` paths are relative to (default: $SITREP_SHARED, else
    /// ../shared).
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
}

/// Arguments of `sitrep eval timex`.
#[derive(Debug, clap::Args)]
pub struct EvalTimexArgs {
    /// The common options.
    #[command(flatten)]
    pub common: EvalArgs,
    /// The gold format: TempEval-3 TimeML (`.tml`), MEANTIME's XML, or stand-off JSONL.
    #[arg(long, value_enum, default_value = "timeml")]
    pub format: TimexFormat,
    /// With `--format jsonl`, the folder the gold file's `doc` paths are relative to
    /// (default: $SITREP_SHARED, else ../shared).
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// Score another tagger's TimeML output in DIR (one `.tml` per gold file, same name, same
    /// text) instead of sitrep's own tags: a peer comparison on the same gold and scorer.
    #[arg(long, value_name = "DIR")]
    pub system: Option<PathBuf>,
    /// What sitrep anchors relative times to (TempEval-3 news is scored in news mode).
    #[arg(long, value_enum, value_name = "MODE", default_value = "news")]
    pub time_mode: TimeModeArg,
}

/// The anchoring modes of the time tagger, as named on the command line.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TimeModeArg {
    /// Relative times count from the publication date: news reports.
    News,
    /// Relative times count from the last full date the text gave (the publication date
    /// until it gives one): histories, biographies, timelines.
    Narrative,
}

impl From<TimeModeArg> for sitrep_time::Mode {
    fn from(arg: TimeModeArg) -> Self {
        match arg {
            TimeModeArg::News => sitrep_time::Mode::News,
            TimeModeArg::Narrative => sitrep_time::Mode::Narrative,
        }
    }
}

/// Gold formats of time expressions.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TimexFormat {
    /// TempEval-3 TimeML: the creation time in the file, TIMEX3 tags in <TEXT>.
    Timeml,
    /// MEANTIME (NewsReader) XML.
    Meantime,
    /// sitrep's stand-off gold: one JSON line per article, offsets into a file under the
    /// shared folder (tests/gold/README.md).
    Jsonl,
}

/// Arguments of `sitrep eval ner`.
#[derive(Debug, clap::Args)]
pub struct EvalNerArgs {
    /// The common options.
    #[command(flatten)]
    pub common: EvalArgs,
    /// The model file (default: the model built into sitrep, models/ner-en.bin).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// The decoder: viterbi or greedy.
    #[arg(long, default_value = "viterbi")]
    pub decoder: DecoderArg,
    /// The gold format: CoNLL columns, MEANTIME XML (a folder), or GUM's CoNLL-U entity
    /// annotation (a folder); the last two run the whole pipeline on the rebuilt text.
    #[arg(long, value_enum, default_value = "conll")]
    pub format: NerFormat,
    /// Score another system's output instead: PATH is in conlleval's format (token ...
    /// gold-label predicted-label), scored exactly as sitrep's own output is.
    #[arg(long)]
    pub predictions: bool,
    /// Sentences per pseudo-document (for the document memory) where the data has no
    /// -DOCSTART- lines.
    #[arg(long, default_value_t = 20)]
    pub document_window: usize,
}

/// Gold formats of entity annotation.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum NerFormat {
    /// CoNLL-2003 columns: token first, NER label last.
    Conll,
    /// MEANTIME NewsReader XML: named mentions (NAM) of PER, ORG, LOC and others.
    Meantime,
    /// GUM CoNLL-U with Entity= annotation: mentions headed by a proper noun.
    Gum,
}

/// Decoders, as named on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DecoderArg {
    /// Exact best sequence.
    Viterbi,
    /// Left to right, best label given the previous one.
    Greedy,
}

/// What to train.
#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// Train the named-entity tagger.
    Ner(TrainNerArgs),
}

/// Arguments of `sitrep train ner`.
#[derive(Debug, clap::Args)]
pub struct TrainNerArgs {
    /// Training data in CoNLL format (e.g. ../shared/data/conll2003/eng.train); repeat the
    /// option to train on several files together.
    #[arg(long, value_name = "FILE", required = true)]
    pub train: Vec<PathBuf>,
    /// Development data for early stopping (e.g. ../shared/data/conll2003/eng.testa).
    #[arg(long, value_name = "FILE")]
    pub dev: PathBuf,
    /// The shared data folder with the vectors, gazetteer and actor dictionaries.
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Seed of the shuffling (training is deterministic for a seed).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Most epochs.
    #[arg(long, default_value_t = 20)]
    pub epochs: usize,
    /// Stop after this many epochs without a better dev F1.
    #[arg(long, default_value_t = 3)]
    pub patience: usize,
}

/// Arguments shared by the eval commands.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// A gold file, or a directory of them (read recursively, together).
    pub path: PathBuf,
    /// Print one JSON object (precision, recall, f1 and the counts) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also print each mismatch (missed and spurious) with its context, to stderr.
    #[arg(long)]
    pub errors: bool,
}

/// Arguments of `sitrep extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Input files or directories (walked recursively); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the records to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indent each record (one pretty-printed JSON object per article, not JSON Lines).
    #[arg(long)]
    pub pretty: bool,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Read every input as this format instead of going by its extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// Headline, for inputs that do not carry one (plain text).
    #[arg(long)]
    pub title: Option<String>,
    /// Publication date (2024-08-18, 2024-08-18T09:30:00Z, RFC 2822), for inputs that do not
    /// carry one: the anchor of relative dates.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Published>,
    /// Publisher or outlet, for inputs that do not name one.
    #[arg(long)]
    pub source: Option<String>,
    /// Address of the article, for inputs that do not carry one.
    #[arg(long)]
    pub url: Option<String>,
    /// The NER model file (default: the model built into sitrep, models/ner-en.bin).
    #[arg(long, value_name = "FILE")]
    pub ner_model: Option<PathBuf>,
    /// What relative times ("a week ago", "on Friday") are anchored to.
    #[arg(long, value_enum, value_name = "MODE", default_value = "news")]
    pub time_mode: TimeModeArg,
    /// Refuse files (and JSON lines) larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = sitrep_input::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// Input formats, as named on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    /// Plain text: the whole file is one article.
    Text,
    /// An HTML page.
    Html,
    /// One JSON article object per line.
    Jsonl,
    /// One JSON article object, or an array of them.
    Json,
}

impl From<FormatArg> for sitrep_input::Format {
    fn from(f: FormatArg) -> sitrep_input::Format {
        match f {
            FormatArg::Text => sitrep_input::Format::Text,
            FormatArg::Html => sitrep_input::Format::Html,
            FormatArg::Jsonl => sitrep_input::Format::JsonLines,
            FormatArg::Json => sitrep_input::Format::Json,
        }
    }
}

fn parse_date(s: &str) -> Result<Published, String> {
    s.parse::<Published>().map_err(|e| e.to_string())
}

/// The folder that gold files' `doc` paths are relative to: the option if given, else
/// $SITREP_SHARED, else ../shared.
pub fn shared_dir(option: Option<&PathBuf>) -> PathBuf {
    option.cloned().unwrap_or_else(|| {
        std::env::var_os("SITREP_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("../shared"))
    })
}
