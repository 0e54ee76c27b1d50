//! Decoding: the best label sequence for a sentence under the model.
//!
//! Viterbi finds the best sequence under emission and first-order transition scores; greedy
//! takes the best label left to right given the previous one. Both are measured by
//! `sitrep eval ner --decoder`; Viterbi is the default (see docs/quality.md).

use crate::features::SentenceFeatures;
use crate::model::Model;

/// How to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Decoder {
    /// Exact best sequence (first-order Viterbi).
    #[default]
    Viterbi,
    /// Best label at each position given the previous choice.
    Greedy,
}

/// Label indices for each token.
pub fn decode(model: &Model, features: &SentenceFeatures, decoder: Decoder) -> Vec<usize> {
    let n = features.len();
    let l = model.num_labels();
    if n == 0 {
        return Vec::new();
    }
    let mut emissions = vec![0f32; n * l];
    for i in 0..n {
        model.score_token(features.token(i), &mut emissions[i * l..(i + 1) * l]);
    }
    match decoder {
        Decoder::Viterbi => viterbi(&emissions, &model.transitions, n, l),
        Decoder::Greedy => greedy(&emissions, &model.transitions, n, l),
    }
}

fn viterbi(emissions: &[f32], transitions: &[f32], n: usize, l: usize) -> Vec<usize> {
    let start = l;
    let mut score = vec![0f32; n * l];
    let mut back = vec![0u8; n * l];
    for y in 0..l {
        score[y] = emissions[y] + transitions[start * l + y];
    }
    for i in 1..n {
        for y in 0..l {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..l {
                let s = score[(i - 1) * l + p] + transitions[p * l + y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[i * l + y] = best + emissions[i * l + y];
            back[i * l + y] = arg as u8;
        }
    }
    let mut y = argmax(&score[(n - 1) * l..n * l]);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = y;
        y = back[i * l + y] as usize;
    }
    out
}

fn greedy(emissions: &[f32], transitions: &[f32], n: usize, l: usize) -> Vec<usize> {
    let mut prev = l;
    (0..n)
        .map(|i| {
            let scores: Vec<f32> = (0..l)
                .map(|y| emissions[i * l + y] + transitions[prev * l + y])
                .collect();
            prev = argmax(&scores);
            prev
        })
        .collect()
}

fn argmax(xs: &[f32]) -> usize {
    let mut best = 0;
    for (i, x) in xs.iter().enumerate() {
        if *x > xs[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_uses_transitions_where_greedy_cannot() {
        // Two labels; emissions favour 0 then 1 slightly, but 0→1 is forbidden-ish.
        let emissions = [1.0, 0.0, 0.0, 0.5];
        let transitions = [0.0, -10.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(greedy(&emissions, &transitions, 2, 2), [0, 0]);
        assert_eq!(viterbi(&emissions, &transitions, 2, 2), [0, 0]);
        let emissions = [0.1, 0.0, 0.0, 5.0];
        // Greedy picks 0 first, then pays -10 to reach 1 (or stays); Viterbi starts with 1.
        let transitions = [0.0, -10.0, 0.0, 0.0, 0.0, 0.0];
        assert_eq!(viterbi(&emissions, &transitions, 2, 2), [1, 1]);
        assert_eq!(greedy(&emissions, &transitions, 2, 2), [0, 0]);
    }
}
