//! The pipeline: the stages `extract` runs on every document, in order.

use sitrep_doc::{Document, Stage};
use sitrep_text::TextProcessor;

/// The stages, built once and shared by every thread.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// The default pipeline: text (normalised view, tokens, sentences).
    pub fn new() -> Pipeline {
        Pipeline {
            stages: vec![Box::new(TextProcessor::new())],
        }
    }

    /// Runs every stage on `doc`.
    pub fn annotate(&self, doc: &mut Document) {
        for stage in &self.stages {
            stage.annotate(doc);
        }
    }
}
