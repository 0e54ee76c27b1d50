//! The pipeline: the stages `extract` runs on every document, in order.

use std::path::Path;

use anyhow::Result;
use sitrep_doc::{Document, Stage};
use sitrep_text::TextProcessor;
use sitrep_time::{Mode, TimeTagger};

/// The stages, built once and shared by every thread.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The default pipeline: text (normalised view, tokens, sentences), entities (with
    /// the built-in model or the one at `ner_model`), time expressions (anchored as
    /// `time_mode` says), figures, then quotes and claims.
    pub fn new(ner_model: Option<&Path>, time_mode: Mode) -> Result<Pipeline> {
        Ok(Pipeline {
            stages: vec![
                Box::new(TextProcessor::new()),
                Box::new(crate::ner::tagger(ner_model)?),
                Box::new(TimeTagger::try_new()?.with_mode(time_mode)),
                Box::new(sitrep_figures::FigureTagger::try_new()?),
                // After figures: a figure inside a claim or quote takes its source.
                Box::new(sitrep_attrib::Attributor::new()),
            ],
        })
    }

    /// Runs every stage on `doc`.
    pub fn annotate(&self, doc: &mut Document) {
        for stage in &self.stages {
            stage.annotate(doc);
        }
    }
}
