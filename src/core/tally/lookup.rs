//! Finding an answer's option, scale point, grid item, question or country fast.
//!
//! Tallying 100,000 respondents means finding tens of millions of ids among a question's few
//! options. [`Ids`] finds the one candidate through a small table, then compares a few
//! machine words of it (a tag made of the id's length and first bytes, then the others) rather
//! than whole strings. [`country`] reads a country's index off a table of every three-letter
//! code. Both find exactly what a string comparison finds.

use std::sync::OnceLock;

use crate::core::countries::COUNTRIES;

/// Ids (a question's options, points or items, or a day's question ids), in a given order.
///
/// Each id is kept as its [`tag`] (its length and first 8 bytes mixed in one word), its
/// length, and up to three more words: its last 8 bytes and, for 17 to 32 bytes, the bytes
/// 8..16 and the 8 before the last 8. Equal tag, length and words mean equal strings up to 32
/// bytes; longer ids are compared in full after them. A table of positions, found by
/// multiplying a string's [`hash`] by a number chosen so that the ids land in different slots,
/// gives the one candidate to compare.
pub(crate) struct Ids<'q> {
    tags: Vec<u64>,
    lens: Vec<usize>,
    rest: Vec<[u64; 3]>,
    ids: Vec<&'q str>,
    /// Positions + 1 (0: empty), at `(hash * mult) >> shift`; when `perfect`, every id has
    /// a slot of its own, otherwise the next slots are tried in turn.
    table: Vec<u16>,
    mult: u64,
    shift: u32,
    perfect: bool,
}

/// The 8 bytes of `b` from `at` as a word (`at + 8 <= b.len()`).
#[inline(always)]
fn word(b: &[u8], at: usize) -> u64 {
    b.get(at..).and_then(<[u8]>::first_chunk::<8>).map_or(0, |w| u64::from_le_bytes(*w))
}

/// The 4 bytes of `b` from `at` as a word (`at + 4 <= b.len()`).
#[inline(always)]
fn half(b: &[u8], at: usize) -> u64 {
    b.get(at..).and_then(<[u8]>::first_chunk::<4>).map_or(0, |w| u64::from(u32::from_le_bytes(*w)))
}

/// The first 8 bytes of `b` as a word, zero-padded: read with at most two loads, never a copy
/// of a variable length.
#[inline(always)]
fn first_word(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        word(b, 0)
    } else if n >= 4 {
        // The two reads overlap on equal bytes: or-ing them is exact.
        half(b, 0) | half(b, n - 4) << (8 * (n - 4))
    } else {
        let mut w = 0;
        for (i, &x) in b.iter().enumerate() {
            w |= u64::from(x) << (8 * i);
        }
        w
    }
}

/// The length and the first 8 bytes of a string, mixed into one word.
#[inline(always)]
fn tag(b: &[u8]) -> u64 {
    first_word(b) ^ (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The tag mixed with the last 8 bytes: what places a string in the table.
#[inline(always)]
fn hash(b: &[u8], tag: u64) -> u64 {
    let n = b.len();
    if n > 8 { tag ^ word(b, n - 8).rotate_left(29) } else { tag }
}

/// The words after the first that [`Ids`] compares (zero when the string is shorter).
fn rest(b: &[u8]) -> [u64; 3] {
    let n = b.len();
    match n {
        0..=8 => [0; 3],
        9..=16 => [word(b, n - 8), 0, 0],
        _ => [word(b, n - 8), word(b, 8), word(b, n - 16)],
    }
}

/// The multipliers tried, in turn, for a table where no two ids share a slot.
fn multiplier(attempt: u64) -> u64 {
    // splitmix64: well-spread odd numbers, the same on every run.
    let mut z = attempt.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) | 1
}

impl<'q> Ids<'q> {
    pub(crate) fn new(ids: impl IntoIterator<Item = &'q str>) -> Ids<'q> {
        let ids: Vec<&'q str> = ids.into_iter().collect();
        let tags: Vec<u64> = ids.iter().map(|s| tag(s.as_bytes())).collect();
        let hashes: Vec<u64> = ids.iter().zip(&tags).map(|(s, &t)| hash(s.as_bytes(), t)).collect();
        let bits = (ids.len() * 4).next_power_of_two().trailing_zeros().clamp(4, 15);
        let shift = 64 - bits;
        let mut table = vec![0u16; 1 << bits];
        let (mut mult, mut perfect) = (multiplier(0), false);
        for attempt in 0..64 {
            mult = multiplier(attempt);
            table.iter_mut().for_each(|t| *t = 0);
            perfect = hashes.iter().enumerate().all(|(i, &h)| {
                let slot = &mut table[(h.wrapping_mul(mult) >> shift) as usize];
                let free = *slot == 0;
                if free {
                    *slot = i as u16 + 1;
                }
                free
            });
            if perfect || ids.len() >= u16::MAX as usize {
                break;
            }
        }
        if !perfect {
            // Open addressing: the next free slot.
            table.iter_mut().for_each(|t| *t = 0);
            let mask = table.len() - 1;
            for (i, &h) in hashes.iter().enumerate().take(u16::MAX as usize - 1) {
                let mut slot = (h.wrapping_mul(mult) >> shift) as usize;
                while table[slot] != 0 {
                    slot = (slot + 1) & mask;
                }
                table[slot] = i as u16 + 1;
            }
        }
        Ids {
            lens: ids.iter().map(|s| s.len()).collect(),
            rest: ids.iter().map(|s| rest(s.as_bytes())).collect(),
            tags,
            ids,
            table,
            mult,
            shift,
            perfect,
        }
    }

    /// How many ids.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// The `i`-th id.
    pub(crate) fn get(&self, i: usize) -> &'q str {
        self.ids[i]
    }

    /// Is the `i`-th id `b`, whose tag is `t`?
    #[inline(always)]
    fn is(&self, i: usize, t: u64, b: &[u8]) -> bool {
        let n = b.len();
        if self.tags[i] != t || self.lens[i] != n {
            return false;
        }
        // Same length and first 8 bytes.
        if n <= 8 {
            return true;
        }
        let w = &self.rest[i];
        if w[0] != word(b, n - 8) {
            return false;
        }
        if n <= 16 {
            return true;
        }
        w[1] == word(b, 8) && w[2] == word(b, n - 16) && (n <= 32 || self.ids[i].as_bytes() == b)
    }

    /// The position of `s`, if it is one of the ids (the first, should an id repeat).
    #[inline(always)]
    pub(crate) fn index(&self, s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let t = tag(b);
        let mask = self.table.len() - 1;
        let mut slot = (hash(b, t).wrapping_mul(self.mult) >> self.shift) as usize;
        loop {
            match self.table[slot] {
                0 => return None,
                i if self.is(i as usize - 1, t, b) => return Some(i as usize - 1),
                _ if self.perfect => return None,
                _ => slot = (slot + 1) & mask,
            }
        }
    }
}

/// Every code `AAA`..`ZZZ` -> the country's index in [`COUNTRIES`] plus one (0: none).
fn table() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u8; 26 * 26 * 26];
        for (i, c) in COUNTRIES.iter().enumerate() {
            if let Some(slot) = code_slot(c.code) {
                t[slot] = (i + 1) as u8;
            }
        }
        t
    })
}

fn code_slot(code: &str) -> Option<usize> {
    match code.as_bytes() {
        &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => {
            Some(((a - b'A') as usize * 26 + (b - b'A') as usize) * 26 + (c - b'A') as usize)
        }
        _ => None,
    }
}

/// The index in [`COUNTRIES`] of the country whose code is exactly `code` (upper case, as
/// answers store it; [`crate::core::answers::check`] refuses any other spelling).
pub(crate) fn country(code: &str) -> Option<usize> {
    let i = table()[code_slot(code)?];
    (i > 0).then(|| i as usize - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_string_comparison_finds() {
        let known = [
            "know_well",
            "know_a_little",
            "0",
            "10",
            "a\u{0}",
            "a",
            "know_wel",
            "confidence_actors_start",
            "confidence_actors_end",
            "confidence_xxxxxx_start",
            "12345678",
            "123456789abcdefg",
            "a_question_id_longer_than_32_bytes_one",
            "a_question_id_longer_than_32_bytes_two",
        ];
        let unknown = [
            "know_wellx",
            "know_we",
            "",
            "1",
            "00",
            "A",
            "know_a_littl",
            "confidence_actorz_start",
            "12345678a",
            "a_question_id_longer_than_32_bytes_tw0",
        ];
        // A few ids (scanned) and many (through the table).
        let many: Vec<String> = (0..200).map(|i| format!("q{i}_{}", "x".repeat(i % 23))).collect();
        for ids in [known.to_vec(), known.iter().copied().chain(many.iter().map(String::as_str)).collect()] {
            let table = Ids::new(ids.iter().copied());
            for (i, s) in ids.iter().enumerate() {
                assert_eq!(table.index(s), Some(i), "{s}");
            }
            for s in unknown {
                assert_eq!(table.index(s), None, "{s}");
            }
            assert_eq!(table.len(), ids.len());
        }
    }

    #[test]
    fn countries_by_exact_code() {
        for (i, c) in COUNTRIES.iter().enumerate() {
            assert_eq!(country(c.code), Some(i));
        }
        for bad in ["prt", "Prt", "PR", "PRTT", "XXX", "", "ÀBC"] {
            assert_eq!(country(bad), None, "{bad}");
        }
    }
}
