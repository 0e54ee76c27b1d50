//! The sitrep command line: argument parsing, wiring of the stages, progress and exit codes.
//!
//! Exit codes: 0 when everything went well, 1 when some input failed (the others were still
//! processed), 2 for usage errors. A closed output pipe (`sitrep extract | head`) is not an
//! error.

mod attribution;
mod cli;
mod eval;
mod extract;
mod ner;
mod pipeline;
mod timex;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command, EvalCommand, TrainCommand};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Extract(args) => extract::run(args).map(|summary| {
            eprintln!(
                "sitrep: {} record{} written, {} input{} failed",
                summary.written,
                if summary.written == 1 { "" } else { "s" },
                summary.failed,
                if summary.failed == 1 { "" } else { "s" },
            );
            if summary.failed > 0 {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }),
        Command::Eval(EvalCommand::Tokens(args)) => {
            eval::segmentation(args, eval::Segmentation::Tokens).map(|_| ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Sentences(args)) => {
            eval::segmentation(args, eval::Segmentation::Sentences).map(|_| ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Ner(args)) => ner::eval(args).map(|_| ExitCode::SUCCESS),
        Command::Eval(EvalCommand::Attribution(args)) => {
            attribution::eval(args).map(|_| ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Timex(args)) => timex::eval(args).map(|_| ExitCode::SUCCESS),
        Command::Train(TrainCommand::Ner(args)) => ner::train(args).map(|_| ExitCode::SUCCESS),
        Command::Schema => {
            println!("{:#}", sitrep_doc::json_schema());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("sitrep: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Whether the error is a closed stdout, which ends the run quietly.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
