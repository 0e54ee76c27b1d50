//! The model: weights, transitions, resources, metadata; and its file format.
//!
//! ```text
//! magic        "SITREPNER\0"                  10 bytes
//! version      u32 LE                         FORMAT_VERSION
//! metadata     u32 LE length + JSON           ModelMeta (labels, data, date, dev scores)
//! weights      u32 rows, u32 labels, f32 scale, rows × u64 feature hash, rows × labels × i16
//! transitions  (labels + 1) × labels × f32    row `labels` is the sentence start
//! clusters     u32 n, n × (u64 word hash, u16 row); u32 m, m × 3 × u16 coarse ids
//! gazetteer    u32 n, n × (u64 phrase hash, u8 type bits); u32 longest phrase
//! checksum     u64 LE                         hash of everything before it
//! ```
//! Weights are quantised to 16 bits with one scale; features whose weights all round to
//! zero are dropped. A file of another format version is refused with both versions named.

use std::path::Path;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::hash::hash_bytes;
use crate::resources::Resources;
use crate::NerError;

/// Magic bytes at the start of every model file.
pub const MAGIC: &[u8; 10] = b"SITREPNER\0";
/// The format this code writes.
pub const FORMAT_VERSION: u32 = 1;
/// The oldest format this code reads.
pub const OLDEST_SUPPORTED_VERSION: u32 = 1;

/// What a model file says about itself.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ModelMeta {
    /// The labels, in weight-column order (BIO over PER, ORG, LOC, MISC).
    pub labels: Vec<String>,
    /// Training data.
    pub train_data: String,
    /// Development data used for early stopping.
    pub dev_data: String,
    /// When it was trained (ISO 8601).
    pub trained: String,
    /// Epochs run and the epoch kept.
    pub epochs: usize,
    /// Dev precision, recall, F1 of the kept epoch.
    pub dev_precision: f64,
    /// Dev recall.
    pub dev_recall: f64,
    /// Dev F1.
    pub dev_f1: f64,
    /// The command that made the model.
    pub command: String,
}

/// A trained tagger's parameters.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Metadata.
    pub meta: ModelMeta,
    /// Feature hash → row of `weights`.
    pub(crate) rows: FxHashMap<u64, u32>,
    /// `rows.len() × labels` emission weights.
    pub(crate) weights: Vec<f32>,
    /// `(labels + 1) × labels` transition weights; the last row is the start state.
    pub(crate) transitions: Vec<f32>,
    /// Clusters and gazetteer.
    pub resources: Resources,
}

impl Model {
    /// Number of labels.
    pub fn num_labels(&self) -> usize {
        self.meta.labels.len()
    }

    /// Number of features with weights.
    pub fn num_features(&self) -> usize {
        self.rows.len()
    }

    /// Reads a model file.
    pub fn load(path: &Path) -> Result<Model, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Model::from_bytes(&bytes).map_err(|reason| NerError::BadModel {
            path: path.to_path_buf(),
            reason,
        })
    }

    /// Writes the model file.
    pub fn save(&self, path: &Path) -> Result<(), NerError> {
        std::fs::write(path, self.to_bytes()).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let labels = self.num_labels();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        let meta = serde_json::to_vec(&self.meta).unwrap_or_default();
        put_u32(&mut out, meta.len());
        out.extend_from_slice(&meta);
        // Quantise, dropping rows that round to zero everywhere; sort for a stable file.
        let max = self.weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let mut kept: Vec<(u64, Vec<i16>)> = self
            .rows
            .iter()
            .filter_map(|(&hash, &row)| {
                let r = row as usize * labels;
                let q: Vec<i16> = self.weights[r..r + labels]
                    .iter()
                    .map(|w| (w / scale).round() as i16)
                    .collect();
                q.iter().any(|&v| v != 0).then_some((hash, q))
            })
            .collect();
        kept.sort_unstable_by_key(|(h, _)| *h);
        put_u32(&mut out, kept.len());
        put_u32(&mut out, labels);
        out.extend_from_slice(&scale.to_le_bytes());
        for (hash, _) in &kept {
            out.extend_from_slice(&hash.to_le_bytes());
        }
        for (_, q) in &kept {
            for v in q {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for t in &self.transitions {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let mut words: Vec<(&u64, &u16)> = self.resources.word_rows.iter().collect();
        words.sort_unstable();
        put_u32(&mut out, words.len());
        for (h, r) in words {
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(&r.to_le_bytes());
        }
        put_u32(&mut out, self.resources.coarse.len());
        for c in &self.resources.coarse {
            for v in c {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let mut phrases: Vec<(&u64, &u8)> = self.resources.phrases.iter().collect();
        phrases.sort_unstable();
        put_u32(&mut out, phrases.len());
        for (h, k) in phrases {
            out.extend_from_slice(&h.to_le_bytes());
            out.push(*k);
        }
        put_u32(&mut out, self.resources.max_phrase);
        let checksum = hash_bytes(0, &out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Parses a model file's bytes; the error says what is wrong and what to do.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a sitrep NER model (bad magic bytes)".into());
        }
        let version = r.u32()?;
        if !(OLDEST_SUPPORTED_VERSION..=FORMAT_VERSION).contains(&version) {
            return Err(format!(
                "model format version {version}, but this sitrep reads versions \
                 {OLDEST_SUPPORTED_VERSION} to {FORMAT_VERSION}; retrain it with \
                 `sitrep train ner` (see models/README.md) or use a matching sitrep"
            ));
        }
        if bytes.len() < 8 + r.pos {
            return Err("truncated file".into());
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let stored = u64::from_le_bytes(tail.try_into().map_err(|_| "truncated file")?);
        if hash_bytes(0, body) != stored {
            return Err("checksum mismatch: the file is corrupt or truncated".into());
        }
        let meta_len = r.u32()? as usize;
        let meta: ModelMeta =
            serde_json::from_slice(r.take(meta_len)?).map_err(|e| format!("bad metadata: {e}"))?;
        let rows_n = r.u32()? as usize;
        let labels = r.u32()? as usize;
        if labels != meta.labels.len() || labels == 0 {
            return Err("label count does not match the metadata".into());
        }
        let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "truncated")?);
        let mut rows = FxHashMap::default();
        rows.reserve(rows_n);
        for i in 0..rows_n {
            rows.insert(r.u64()?, i as u32);
        }
        let raw = r.take(rows_n * labels * 2)?;
        let weights = raw
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale)
            .collect();
        let transitions = r
            .take((labels + 1) * labels * 4)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let mut resources = Resources::default();
        let n = r.u32()? as usize;
        resources.word_rows.reserve(n);
        for _ in 0..n {
            let h = r.u64()?;
            let row = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| "truncated")?);
            resources.word_rows.insert(h, row);
        }
        let m = r.u32()? as usize;
        let coarse_raw = r.take(m * 6)?;
        resources.coarse = coarse_raw
            .chunks_exact(6)
            .map(|c| {
                [
                    u16::from_le_bytes([c[0], c[1]]),
                    u16::from_le_bytes([c[2], c[3]]),
                    u16::from_le_bytes([c[4], c[5]]),
                ]
            })
            .collect();
        let p = r.u32()? as usize;
        resources.phrases.reserve(p);
        for _ in 0..p {
            let h = r.u64()?;
            let k = r.take(1)?[0];
            resources.phrases.insert(h, k);
        }
        resources.max_phrase = r.u32()? as usize;
        Ok(Model {
            meta,
            rows,
            weights,
            transitions,
            resources,
        })
    }

    /// The emission scores of every label for a token with `features`, added into `scores`.
    #[inline]
    pub(crate) fn score_token(&self, features: &[u64], scores: &mut [f32]) {
        let l = scores.len();
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let w = &self.weights[row as usize * l..row as usize * l + l];
                for (s, w) in scores.iter_mut().zip(w) {
                    *s += w;
                }
            }
        }
    }
}

fn put_u32(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u32).to_le_bytes());
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end =
            end.ok_or_else(|| format!("truncated file (wanted {n} bytes at {})", self.pos))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().map_err(|_| "truncated")?,
        ))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().map_err(|_| "truncated")?,
        ))
    }
}
