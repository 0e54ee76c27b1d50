//! Named-entity recognition for sitrep: a sequence tagger written here, trained here.
//!
//! An averaged structured perceptron ([`train`]) over hashed sparse features
//! ([`features`]: words, shapes, affixes, word clusters, gazetteers, document memory) with
//! Viterbi decoding ([`decode`]) tags tokens with BIO labels over the CoNLL types (PER, ORG,
//! LOC, MISC). [`NerTagger`] runs it as a pipeline stage and gives the record's types:
//! PERSON, ORG, GPE or LOC (a LOC found in the place gazetteer is a GPE), NORP (a MISC that
//! is a demonym from `data/ner/demonyms.tsv`) or MISC. The model is one file ([`model`]).
//!
//! ```no_run
//! use sitrep_doc::{Document, Meta, Stage};
//! use sitrep_ner::NerTagger;
//!
//! let tagger = NerTagger::load(std::path::Path::new("models/ner-en.bin"))?;
//! let mut doc = Document::new("Vladimir Putin spoke in Kursk.", Meta::default());
//! sitrep_text::TextProcessor::new().annotate(&mut doc);
//! tagger.annotate(&mut doc);
//! assert_eq!(doc.slice(doc.entities[0].span), "Vladimir Putin");
//! # Ok::<(), sitrep_ner::NerError>(())
//! ```
#![deny(missing_docs)]

pub mod compile;
pub mod conventions;
pub mod decode;
pub mod features;
mod hash;
pub mod model;
pub mod resources;
pub mod train;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use sitrep_doc::layers::{Entity, EntityLabel};
use sitrep_doc::{Document, Span, Stage};
use sitrep_eval::conll::chunks;

pub use decode::Decoder;
pub use features::DocumentMemory;
pub use model::Model;

/// What can go wrong loading or building a tagger.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NerError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A model file that is not a valid model of a supported version.
    #[error("{path}: bad NER model: {reason}")]
    BadModel {
        /// The file.
        path: PathBuf,
        /// What is wrong, and what to do.
        reason: String,
    },
    /// Source data for the resources that does not have the expected shape.
    #[error("{path}: {reason}")]
    BadData {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// The NER stage: a model, a decoder and the type mapping. Immutable, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct NerTagger {
    model: Model,
    decoder: Decoder,
    demonyms: HashSet<String>,
    conventions: conventions::Conventions,
}

impl NerTagger {
    /// A tagger over a loaded model.
    pub fn new(model: Model) -> NerTagger {
        NerTagger {
            model,
            decoder: Decoder::Viterbi,
            demonyms: compile::demonyms().map(|(w, _)| w.to_lowercase()).collect(),
            conventions: conventions::Conventions::default(),
        }
    }

    /// Loads the model file at `path`.
    pub fn load(path: &Path) -> Result<NerTagger, NerError> {
        Model::load(path).map(NerTagger::new)
    }

    /// Parses model bytes (e.g. a model compiled into the binary); `name` names it in errors.
    pub fn from_bytes(bytes: &[u8], name: &str) -> Result<NerTagger, NerError> {
        Model::from_bytes(bytes)
            .map(NerTagger::new)
            .map_err(|reason| NerError::BadModel {
                path: PathBuf::from(name),
                reason,
            })
    }

    /// Uses `decoder` instead of Viterbi.
    pub fn with_decoder(mut self, decoder: Decoder) -> NerTagger {
        self.decoder = decoder;
        self
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// BIO labels for one sentence of token forms, updating the document memory.
    pub fn tag(&self, words: &[&str], memory: &mut DocumentMemory) -> Vec<String> {
        let fx = features::FeatureExtractor::new(&self.model.resources);
        let mut f = features::SentenceFeatures::default();
        fx.extract(words, memory, &mut f);
        let labels: Vec<String> = decode::decode(&self.model, &f, self.decoder)
            .into_iter()
            .map(|y| self.model.meta.labels[y].clone())
            .collect();
        train::remember(memory, words, &labels);
        labels
    }

    /// The record's type for a CoNLL-typed mention.
    fn label(&self, kind: &str, words: &[&str]) -> EntityLabel {
        match kind {
            "PER" => EntityLabel::Person,
            "ORG" => EntityLabel::Org,
            "LOC" => {
                let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
                let places =
                    resources::gaz::COUNTRY | resources::gaz::CITY | resources::gaz::REGION;
                let whole = self
                    .model
                    .resources
                    .gazetteer_tags(&lower)
                    .first()
                    .is_some_and(|tags| {
                        tags.iter().any(|&(kind, pos)| {
                            kind & places != 0 && (pos == b'U' || (pos == b'B' && words.len() > 1))
                        })
                    });
                if whole {
                    EntityLabel::Gpe
                } else {
                    EntityLabel::Loc
                }
            }
            _ => {
                let text = words.join(" ").to_lowercase();
                let bare = text
                    .strip_prefix("pro-")
                    .or_else(|| text.strip_prefix("anti-"))
                    .unwrap_or(&text);
                if self.demonyms.contains(bare) {
                    EntityLabel::Norp
                } else {
                    EntityLabel::Misc
                }
            }
        }
    }
}

impl Stage for NerTagger {
    fn name(&self) -> &'static str {
        "entities"
    }

    fn annotate(&self, doc: &mut Document) {
        let mut memory = DocumentMemory::default();
        let mut entities = Vec::new();
        for sentence in &doc.sentences {
            let tokens = &doc.tokens[sentence.token_start..sentence.token_end];
            let words: Vec<&str> = tokens.iter().map(|t| doc.token_norm(t)).collect();
            let labels = self.tag(&words, &mut memory);
            let mentions = chunks(&labels)
                .into_iter()
                .map(|c| conventions::TokenMention {
                    start: c.start,
                    end: c.end,
                    label: self.label(&c.kind, &words[c.start..c.end]),
                })
                .collect();
            for m in self.conventions.apply(&words, mentions) {
                entities.push(Entity {
                    span: Span::new(tokens[m.start].span.start, tokens[m.end - 1].span.end),
                    label: m.label,
                });
            }
        }
        doc.entities = entities;
    }
}
