//! Knowledge from outside the labelled data: word clusters from word vectors, and a gazetteer
//! of places, nationalities and political actors. Both are compiled by `sitrep train ner`
//! from `../shared/data` and stored inside the model file.

use rustc_hash::FxHashMap;

use crate::hash::{hash_str, mix};

/// Namespace of word-cluster lookups.
const CLUSTER_SEED: u64 = 0xC1;
/// Namespace of gazetteer phrases.
const GAZ_SEED: u64 = 0x6A;

/// Gazetteer entry types, as bits.
pub mod gaz {
    /// A country (and its alternate names).
    pub const COUNTRY: u8 = 1;
    /// A city or town.
    pub const CITY: u8 = 2;
    /// A first-level administrative region.
    pub const REGION: u8 = 4;
    /// A nationality or group adjective ("Ukrainian", "pro-Russian").
    pub const DEMONYM: u8 = 8;
    /// A political actor: person, organisation, armed group (PETRARCH dictionaries).
    pub const ACTOR: u8 = 16;
    /// Names of the types, bit by bit.
    pub const NAMES: [&str; 5] = ["COUNTRY", "CITY", "REGION", "DEMONYM", "ACTOR"];
}

/// Word clusters at several granularities and the gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    /// Word hash → cluster row (the 20k-way clustering of the vectors).
    pub(crate) word_rows: FxHashMap<u64, u16>,
    /// Row → coarser clusters (hierarchical k-means: 32, 256, 2048 ways).
    pub(crate) coarse: Vec<[u16; 3]>,
    /// Lower-cased phrase hash → type bits.
    pub(crate) phrases: FxHashMap<u64, u8>,
    /// Longest phrase, in tokens.
    pub(crate) max_phrase: usize,
}

impl Resources {
    /// Cluster ids of a word (finest first), trying its exact form then lower case.
    pub fn clusters(&self, word: &str) -> Option<[u16; 4]> {
        let row = self
            .word_rows
            .get(&hash_str(CLUSTER_SEED, word))
            .or_else(|| {
                self.word_rows
                    .get(&hash_str(CLUSTER_SEED, &word.to_lowercase()))
            })?;
        let c = self.coarse.get(*row as usize).copied().unwrap_or([0; 3]);
        Some([*row, c[0], c[1], c[2]])
    }

    /// Adds a word's cluster row.
    pub fn add_word(&mut self, word: &str, row: u16) {
        self.word_rows.insert(hash_str(CLUSTER_SEED, word), row);
    }

    /// Adds a gazetteer phrase (matched case-insensitively, token by token).
    pub fn add_phrase(&mut self, tokens: &[&str], kind: u8) {
        if tokens.is_empty() {
            return;
        }
        let h = phrase_hash(tokens.iter().map(|t| t.to_lowercase()));
        *self.phrases.entry(h).or_default() |= kind;
        self.max_phrase = self.max_phrase.max(tokens.len());
    }

    /// Gazetteer tags of each token of a sentence: for every phrase match, the types with
    /// the token's position in it (B, I, L, U).
    pub fn gazetteer_tags(&self, lower: &[String]) -> Vec<Vec<(u8, u8)>> {
        let mut tags = vec![Vec::new(); lower.len()];
        if self.phrases.is_empty() {
            return tags;
        }
        for start in 0..lower.len() {
            let mut h = PHRASE_START;
            for len in 1..=self.max_phrase.min(lower.len() - start) {
                h = phrase_step(h, &lower[start + len - 1]);
                if let Some(&kind) = self.phrases.get(&h) {
                    for (k, tag) in tags[start..start + len].iter_mut().enumerate() {
                        let pos = match (len, k) {
                            (1, _) => b'U',
                            (_, 0) => b'B',
                            (l, k) if k + 1 == l => b'L',
                            _ => b'I',
                        };
                        tag.push((kind, pos));
                    }
                }
            }
        }
        tags
    }
}

const PHRASE_START: u64 = GAZ_SEED;

fn phrase_step(h: u64, token: &str) -> u64 {
    mix(h, hash_str(GAZ_SEED, token))
}

fn phrase_hash(tokens: impl Iterator<Item = String>) -> u64 {
    tokens.fold(PHRASE_START, |h, t| phrase_step(h, &t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_case_insensitively_with_positions() {
        let mut r = Resources::default();
        r.add_phrase(&["New", "York"], gaz::CITY);
        r.add_phrase(&["Kursk"], gaz::REGION | gaz::CITY);
        let words: Vec<String> = ["in", "new", "york", "and", "kursk"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let tags = r.gazetteer_tags(&words);
        assert!(tags[0].is_empty());
        assert_eq!(tags[1], [(gaz::CITY, b'B')]);
        assert_eq!(tags[2], [(gaz::CITY, b'L')]);
        assert_eq!(tags[4], [(gaz::REGION | gaz::CITY, b'U')]);
    }

    #[test]
    fn clusters_fall_back_to_lower_case() {
        let mut r = Resources::default();
        r.add_word("kyiv", 7);
        r.coarse = vec![[0; 3]; 8];
        r.coarse[7] = [1, 2, 3];
        assert_eq!(r.clusters("Kyiv"), Some([7, 1, 2, 3]));
        assert_eq!(r.clusters("Lviv"), None);
    }
}
