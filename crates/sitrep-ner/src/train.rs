//! Training: an averaged structured perceptron (Collins 2002) with Viterbi decoding.
//!
//! Each epoch visits the training documents in a seeded random order; a sentence whose
//! predicted labels differ from the gold ones moves the weights of the features (and
//! transitions) toward the gold sequence and away from the prediction. The averaged weights
//! are scored on the development data after every epoch; training stops when dev F1 has not
//! improved for `patience` epochs and keeps the best epoch. Deterministic for a given seed.

use sitrep_eval::conll::{chunks, ConllSentence, NerCounts};

use crate::decode::{decode, Decoder};
use crate::features::{DocumentMemory, FeatureExtractor, SentenceFeatures, TYPES};
use crate::model::{Model, ModelMeta};
use crate::resources::Resources;

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Most epochs to run.
    pub max_epochs: usize,
    /// Stop after this many epochs without a better dev F1.
    pub patience: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// Sentences per pseudo-document where the data has no `-DOCSTART-` (document memory).
    pub document_window: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            max_epochs: 20,
            patience: 3,
            seed: 1,
            document_window: 20,
        }
    }
}

/// What one epoch achieved, for progress output.
#[derive(Debug, Clone, Copy)]
pub struct EpochReport {
    /// 1-based epoch.
    pub epoch: usize,
    /// Training sentences whose prediction was wrong (before the update).
    pub mistakes: usize,
    /// Dev chunk precision.
    pub precision: f64,
    /// Dev chunk recall.
    pub recall: f64,
    /// Dev chunk F1.
    pub f1: f64,
    /// Features with weights so far.
    pub features: usize,
}

/// BIO labels over the CoNLL types, "O" first.
pub fn label_set() -> Vec<String> {
    let mut labels = vec!["O".to_string()];
    for t in TYPES {
        labels.push(format!("B-{t}"));
        labels.push(format!("I-{t}"));
    }
    labels
}

/// Gold labels as BIO label indices (IOB1 input is converted through its chunks).
fn gold_indices(sentence: &ConllSentence, labels: &[String]) -> Vec<usize> {
    let mut out = vec![0; sentence.tokens.len()];
    for c in chunks(&sentence.labels) {
        let b = labels.iter().position(|l| *l == format!("B-{}", c.kind));
        let i = labels.iter().position(|l| *l == format!("I-{}", c.kind));
        if let (Some(b), Some(i)) = (b, i) {
            out[c.start] = b;
            for o in &mut out[c.start + 1..c.end] {
                *o = i;
            }
        }
    }
    out
}

/// Splits sentences into documents: by `-DOCSTART-` where present, else by windows.
pub fn documents(sentences: &[ConllSentence], window: usize) -> Vec<Vec<usize>> {
    let marked = sentences.iter().any(|s| s.document > 0);
    let mut docs: Vec<Vec<usize>> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let new = match docs.last() {
            None => true,
            Some(d) if marked => sentences[d[0]].document != s.document,
            Some(d) => d.len() >= window.max(1),
        };
        if new {
            docs.push(Vec::new());
        }
        if let Some(d) = docs.last_mut() {
            d.push(i);
        }
    }
    docs
}

/// Remembers the words of predicted entities for the rest of the document.
pub(crate) fn remember(memory: &mut DocumentMemory, words: &[&str], labels: &[String]) {
    for c in chunks(labels) {
        if let Some(t) = TYPES.iter().position(|t| *t == c.kind) {
            for w in &words[c.start..c.end] {
                memory.remember(&w.to_lowercase(), t);
            }
        }
    }
}

struct Trainer {
    model: Model,
    /// Daumé's averaging trick: the sum of `step × update`.
    accumulated: Vec<f32>,
    accumulated_transitions: Vec<f32>,
    step: f32,
}

impl Trainer {
    fn row(&mut self, hash: u64) -> usize {
        let l = self.model.num_labels();
        let next = self.model.rows.len() as u32;
        let row = *self.model.rows.entry(hash).or_insert(next);
        if row == next {
            self.model.weights.extend(std::iter::repeat_n(0.0, l));
            self.accumulated.extend(std::iter::repeat_n(0.0, l));
        }
        row as usize
    }

    fn update(&mut self, features: &SentenceFeatures, gold: &[usize], predicted: &[usize]) {
        let l = self.model.num_labels();
        let start = l;
        for i in 0..gold.len() {
            if gold[i] != predicted[i] {
                for &f in features.token(i) {
                    let r = self.row(f) * l;
                    self.model.weights[r + gold[i]] += 1.0;
                    self.model.weights[r + predicted[i]] -= 1.0;
                    self.accumulated[r + gold[i]] += self.step;
                    self.accumulated[r + predicted[i]] -= self.step;
                }
            }
            let pg = if i == 0 { start } else { gold[i - 1] };
            let pp = if i == 0 { start } else { predicted[i - 1] };
            if (pg, gold[i]) != (pp, predicted[i]) {
                self.model.transitions[pg * l + gold[i]] += 1.0;
                self.model.transitions[pp * l + predicted[i]] -= 1.0;
                self.accumulated_transitions[pg * l + gold[i]] += self.step;
                self.accumulated_transitions[pp * l + predicted[i]] -= self.step;
            }
        }
    }

    /// The averaged model: w − acc / step.
    fn averaged(&self) -> Model {
        let mut m = self.model.clone();
        for (w, a) in m.weights.iter_mut().zip(&self.accumulated) {
            *w -= a / self.step;
        }
        for (w, a) in m.transitions.iter_mut().zip(&self.accumulated_transitions) {
            *w -= a / self.step;
        }
        m
    }
}

/// Tags every sentence of `data` with `model` (document memory on) and counts chunks.
pub fn evaluate(
    model: &Model,
    data: &[ConllSentence],
    window: usize,
    decoder: Decoder,
) -> NerCounts {
    let mut counts = NerCounts::default();
    let fx = FeatureExtractor::new(&model.resources);
    let mut features = SentenceFeatures::default();
    for doc in documents(data, window) {
        let mut memory = DocumentMemory::default();
        for &s in &doc {
            let sentence = &data[s];
            let words: Vec<&str> = sentence.tokens.iter().map(String::as_str).collect();
            fx.extract(&words, &memory, &mut features);
            let predicted: Vec<String> = decode(model, &features, decoder)
                .into_iter()
                .map(|y| model.meta.labels[y].clone())
                .collect();
            remember(&mut memory, &words, &predicted);
            counts.add(&sentence.labels, &predicted);
        }
    }
    counts
}

/// Trains a model; `report` is called after each epoch.
pub fn train(
    train: &[ConllSentence],
    dev: &[ConllSentence],
    resources: Resources,
    config: &TrainConfig,
    mut report: impl FnMut(&EpochReport),
) -> Model {
    let labels = label_set();
    let l = labels.len();
    let model = Model {
        meta: ModelMeta {
            labels: labels.clone(),
            ..ModelMeta::default()
        },
        transitions: vec![0.0; (l + 1) * l],
        resources,
        ..Model::default()
    };
    let mut trainer = Trainer {
        accumulated_transitions: vec![0.0; (l + 1) * l],
        accumulated: Vec::new(),
        model,
        step: 1.0,
    };
    let gold: Vec<Vec<usize>> = train.iter().map(|s| gold_indices(s, &labels)).collect();
    let mut docs = documents(train, config.document_window);
    let mut rng = config.seed.max(1);
    let mut best: Option<(f64, Model, EpochReport)> = None;
    let mut since_best = 0;
    let mut features = SentenceFeatures::default();
    for epoch in 1..=config.max_epochs {
        shuffle(&mut docs, &mut rng);
        let mut mistakes = 0;
        for doc in &docs {
            let mut memory = DocumentMemory::default();
            for &s in doc {
                let words: Vec<&str> = train[s].tokens.iter().map(String::as_str).collect();
                // The resources live in the model being trained; extract against a view of them.
                let fx = FeatureExtractor::new(&trainer.model.resources);
                fx.extract(&words, &memory, &mut features);
                let predicted = decode(&trainer.model, &features, Decoder::Viterbi);
                if predicted != gold[s] {
                    mistakes += 1;
                    trainer.update(&features, &gold[s], &predicted);
                }
                trainer.step += 1.0;
                let predicted_labels: Vec<String> =
                    predicted.iter().map(|&y| labels[y].clone()).collect();
                remember(&mut memory, &words, &predicted_labels);
            }
        }
        let averaged = trainer.averaged();
        let counts = evaluate(&averaged, dev, config.document_window, Decoder::Viterbi);
        let o = counts.overall;
        let epoch_report = EpochReport {
            epoch,
            mistakes,
            precision: o.precision(),
            recall: o.recall(),
            f1: o.f1(),
            features: trainer.model.rows.len(),
        };
        report(&epoch_report);
        if best.as_ref().is_none_or(|(f1, _, _)| epoch_report.f1 > *f1) {
            best = Some((epoch_report.f1, averaged, epoch_report));
            since_best = 0;
        } else {
            since_best += 1;
            if since_best >= config.patience {
                break;
            }
        }
    }
    let Some((_, mut model, kept)) = best else {
        return trainer.averaged();
    };
    model.meta.epochs = kept.epoch;
    model.meta.dev_precision = kept.precision;
    model.meta.dev_recall = kept.recall;
    model.meta.dev_f1 = kept.f1;
    model
}

/// Fisher-Yates with xorshift64*: deterministic across platforms and versions.
fn shuffle<T>(items: &mut [T], state: &mut u64) {
    for i in (1..items.len()).rev() {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        let r = state.wrapping_mul(0x2545_f491_4f6c_dd1d);
        items.swap(i, (r % (i as u64 + 1)) as usize);
    }
}
