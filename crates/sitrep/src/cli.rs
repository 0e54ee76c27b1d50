//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

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
    /// Score a component against gold data in a standard format.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Print the JSON Schema of the output record.
    Schema,
}

/// What to evaluate.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Token F1 (exact spans) on CoNLL-U gold; a directory evaluates all its .conllu files.
    Tokens(EvalArgs),
    /// Sentence-boundary precision/recall/F1 on CoNLL-U gold.
    Sentences(EvalArgs),
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
