//! Feature extraction: each token becomes a list of hashed sparse features.
//!
//! The templates follow Ratinov & Roth (2009): the word and its lower-cased neighbours in a
//! ±2 window, word bigrams, prefixes and suffixes up to 4 characters, word shape and
//! capitalisation, position in the sentence, word clusters at four granularities, gazetteer
//! membership with the position in the matched phrase, and the labels the same word got
//! earlier in the document (the non-local feature, from [`DocumentMemory`]).

use crate::hash::{hash_str, mix};
use crate::resources::{gaz, Resources};

/// Per-token attributes computed once, combined into features by window templates.
struct TokenInfo {
    word: u64,
    lower: u64,
    shape: u64,
    clusters: Option<[u16; 4]>,
    gaz: Vec<(u8, u8)>,
    initial_cap: bool,
}

/// Feature templates (namespaces for [`mix`]).
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: [u64; 5] = [10, 11, 12, 13, 14];
    pub const BIGRAM_PREV: u64 = 20;
    pub const BIGRAM_NEXT: u64 = 21;
    pub const SHAPE: [u64; 3] = [30, 31, 32];
    pub const SHAPE_TRI: u64 = 33;
    pub const PREFIX: u64 = 40;
    pub const SUFFIX: u64 = 41;
    pub const FIRST: u64 = 50;
    pub const ALLCAPS_SENT: u64 = 51;
    pub const CLUSTER: [u64; 3] = [60, 61, 62];
    pub const GAZ: [u64; 3] = [70, 71, 72];
    pub const GAZ_CAP: u64 = 73;
    pub const MEMORY: u64 = 80;
    pub const MEMORY_CAP: u64 = 81;
}

const PAD_BEFORE: u64 = 0xB0;
const PAD_AFTER: u64 = 0xE0;

/// Computes the features of a sentence's tokens, given the resources.
pub struct FeatureExtractor<'r> {
    resources: &'r Resources,
}

/// Flattened features of one sentence: token `i` has `features[offsets[i]..offsets[i+1]]`.
#[derive(Debug, Default, Clone)]
pub struct SentenceFeatures {
    /// All feature hashes, token after token.
    pub features: Vec<u64>,
    /// Where each token's features start; one more entry than tokens.
    pub offsets: Vec<usize>,
}

impl SentenceFeatures {
    /// The features of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        &self.features[self.offsets[i]..self.offsets[i + 1]]
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What the document said about a word so far: the entity types it was tagged with. Gives
/// the tagger the non-local evidence that "Kursk" was a place two paragraphs ago.
#[derive(Debug, Default, Clone)]
pub struct DocumentMemory {
    seen: rustc_hash::FxHashMap<u64, [u16; 4]>,
}

/// The four CoNLL types, in memory order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

impl DocumentMemory {
    /// Records that `word` (lower-cased) was inside an entity of `type_index`.
    pub fn remember(&mut self, word: &str, type_index: usize) {
        let counts = self.seen.entry(hash_str(t::MEMORY, word)).or_default();
        counts[type_index] = counts[type_index].saturating_add(1);
    }

    /// The most frequent type of `word` so far, if any.
    fn majority(&self, word: &str) -> Option<usize> {
        let counts = self.seen.get(&hash_str(t::MEMORY, word))?;
        let (best, &n) = counts.iter().enumerate().max_by_key(|(_, &n)| n)?;
        (n > 0).then_some(best)
    }

    /// Forgets everything (a new document).
    pub fn clear(&mut self) {
        self.seen.clear();
    }
}

impl<'r> FeatureExtractor<'r> {
    /// An extractor over `resources`.
    pub fn new(resources: &'r Resources) -> FeatureExtractor<'r> {
        FeatureExtractor { resources }
    }

    /// The features of every token of `words` (normalised token forms).
    pub fn extract(&self, words: &[&str], memory: &DocumentMemory, out: &mut SentenceFeatures) {
        out.features.clear();
        out.offsets.clear();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let gaz_tags = self.resources.gazetteer_tags(&lower);
        let infos: Vec<TokenInfo> = words
            .iter()
            .zip(&lower)
            .zip(gaz_tags)
            .map(|((w, l), gaz)| TokenInfo {
                word: hash_str(t::WORD, w),
                lower: hash_str(t::LOWER[2], l),
                shape: hash_str(t::SHAPE[1], &shape(w)),
                clusters: self.resources.clusters(w),
                gaz,
                initial_cap: w.chars().next().is_some_and(char::is_uppercase),
            })
            .collect();
        let letters: Vec<char> = words
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphabetic())
            .collect();
        let all_caps_sentence = letters.len() > 3 && letters.iter().all(|c| c.is_uppercase());
        let n = words.len();
        let lower_at = |i: isize| -> u64 {
            if i < 0 {
                PAD_BEFORE
            } else if i as usize >= n {
                PAD_AFTER
            } else {
                infos[i as usize].lower
            }
        };
        let shape_at = |i: isize| -> u64 {
            if i < 0 {
                PAD_BEFORE
            } else if i as usize >= n {
                PAD_AFTER
            } else {
                infos[i as usize].shape
            }
        };
        for i in 0..n {
            out.offsets.push(out.features.len());
            let f = &mut out.features;
            let info = &infos[i];
            let ii = i as isize;
            f.push(t::BIAS);
            f.push(info.word);
            for (k, off) in (-2isize..=2).enumerate() {
                f.push(mix(t::LOWER[k], lower_at(ii + off)));
            }
            f.push(mix(t::BIGRAM_PREV, mix(lower_at(ii - 1), info.lower)));
            f.push(mix(t::BIGRAM_NEXT, mix(info.lower, lower_at(ii + 1))));
            for (k, off) in (-1isize..=1).enumerate() {
                f.push(mix(t::SHAPE[k], shape_at(ii + off)));
            }
            f.push(mix(
                t::SHAPE_TRI,
                mix(shape_at(ii - 1), mix(info.shape, shape_at(ii + 1))),
            ));
            let chars: Vec<char> = words[i].chars().collect();
            for k in 1..=4.min(chars.len()) {
                let prefix: String = chars[..k].iter().collect();
                let suffix: String = chars[chars.len() - k..].iter().collect();
                f.push(hash_str(t::PREFIX, &prefix));
                f.push(hash_str(t::SUFFIX, &suffix));
            }
            if i == 0 {
                f.push(mix(t::FIRST, info.shape));
            }
            if all_caps_sentence {
                f.push(mix(t::ALLCAPS_SENT, info.lower));
            }
            for (k, off) in (-1isize..=1).enumerate() {
                let j = ii + off;
                if j < 0 || j as usize >= n {
                    continue;
                }
                let other = &infos[j as usize];
                if let Some(c) = other.clusters {
                    for (level, id) in c.iter().enumerate() {
                        f.push(mix(t::CLUSTER[k], ((level as u64) << 32) | *id as u64));
                    }
                }
                for &(kind, pos) in &other.gaz {
                    for bit in 0..gaz::NAMES.len() {
                        if kind & (1 << bit) != 0 {
                            let v = ((bit as u64) << 8) | pos as u64;
                            f.push(mix(t::GAZ[k], v));
                            if off == 0 {
                                f.push(mix(t::GAZ_CAP, (v << 1) | info.initial_cap as u64));
                            }
                        }
                    }
                }
            }
            if let Some(kind) = memory.majority(&lower[i]) {
                f.push(mix(t::MEMORY, kind as u64));
                f.push(mix(
                    t::MEMORY_CAP,
                    ((kind as u64) << 1) | info.initial_cap as u64,
                ));
            }
        }
        out.offsets.push(out.features.len());
    }
}

/// Word shape with runs collapsed: "Kursk" → "Xx", "120,000" → "d,d", "U.S." → "X.X.".
pub fn shape(word: &str) -> String {
    let mut out = String::with_capacity(8);
    let mut last = None;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if last != Some(s) {
            out.push(s);
            last = Some(s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Kursk"), "Xx");
        assert_eq!(shape("120,000"), "d,d");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("McDonald"), "XxXx");
    }

    #[test]
    fn features_per_token_and_memory() {
        let r = Resources::default();
        let fx = FeatureExtractor::new(&r);
        let mut out = SentenceFeatures::default();
        let mut memory = DocumentMemory::default();
        fx.extract(&["Putin", "spoke"], &memory, &mut out);
        assert_eq!(out.len(), 2);
        let before = out.token(0).len();
        memory.remember("putin", 0);
        fx.extract(&["Putin", "spoke"], &memory, &mut out);
        assert_eq!(out.token(0).len(), before + 2);
    }
}
