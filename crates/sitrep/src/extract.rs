//! `sitrep extract`: inputs in, one JSON record per article out.
//!
//! Documents are read in input order on the main thread, annotated in parallel in batches
//! (rayon), and written in input order, so memory stays bounded however large a JSON lines
//! file is. A bad input is reported on stderr with its file (and line) and the run goes on.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sitrep_doc::{Document, Record};
use sitrep_input::{expand_paths, Format, InputError, MetaDefaults, Options, Source};

use crate::cli::ExtractArgs;
use crate::pipeline::Pipeline;

/// Documents annotated together: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 256;

/// What a run did, for the summary line and the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub written: usize,
    /// Inputs (files, lines) that failed.
    pub failed: usize,
}

/// Runs `extract`; returns what was written and what failed.
pub fn run(args: &ExtractArgs) -> Result<Summary> {
    let options = Options {
        defaults: MetaDefaults {
            title: args.title.clone(),
            url: args.url.clone(),
            source: args.source.clone(),
            published: args.date,
            language: None,
        },
        max_bytes: args.max_bytes,
    };
    let format: Option<Format> = args.format.map(Into::into);
    let sources = expand_paths(&args.paths, format);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("starting worker threads")?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("{}: cannot create", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let progress = progress_bar(&sources);
    let pipeline = Pipeline::new(args.ner_model.as_deref(), args.time_mode.into())?;
    let mut summary = Summary::default();

    let mut inputs = sources.into_iter().flat_map(|source| match source {
        Ok(source) => sitrep_input::read(&source, &options),
        Err(err) => Box::new(std::iter::once(Err(err))),
    });
    loop {
        let batch: Vec<Result<Document, InputError>> = inputs.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let annotated: Vec<Result<Document, InputError>> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|input| {
                    input.map(|mut doc| {
                        pipeline.annotate(&mut doc);
                        doc
                    })
                })
                .collect()
        });
        for result in annotated {
            match result {
                Ok(doc) => {
                    write_record(&mut out, &doc, args.pretty)?;
                    summary.written += 1;
                }
                Err(err) => {
                    summary.failed += 1;
                    let message = format!("sitrep: error: {err}");
                    match &progress {
                        Some(bar) => bar.println(message),
                        None => eprintln!("{message}"),
                    }
                }
            }
            if let Some(bar) = &progress {
                bar.inc(1);
            }
        }
    }
    out.flush().context("writing the output")?;
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(summary)
}

fn write_record(out: &mut dyn Write, doc: &Document, pretty: bool) -> Result<()> {
    let record = Record::new(doc);
    if pretty {
        serde_json::to_writer_pretty(&mut *out, &record)
    } else {
        serde_json::to_writer(&mut *out, &record)
    }
    .map_err(io::Error::from)
    .context("writing the output")?;
    out.write_all(b"\n").context("writing the output")?;
    Ok(())
}

/// A progress bar on a terminal when there is more than one document to come; none when
/// stderr is piped, so logs stay clean.
fn progress_bar(sources: &[Result<Source, InputError>]) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let single_document = |s: &Source| matches!(s.format, Some(Format::Text | Format::Html));
    let ok: Vec<&Source> = sources.iter().filter_map(|s| s.as_ref().ok()).collect();
    if ok.iter().all(|s| single_document(s)) {
        if ok.len() < 2 {
            return None;
        }
        let bar = ProgressBar::new(sources.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} documents  {per_sec}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        return Some(bar);
    }
    let spinner = ProgressBar::new_spinner();
    spinner.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    Some(spinner)
}
