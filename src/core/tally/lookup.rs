//! Finding an answer's option, scale point, grid item, question or country fast.
//!
//! Tallying 100,000 respondents means finding tens of millions of ids among a question's few
//! options. [`Ids`] first compares one machine word per candidate (a tag made of the id's
//! length and first bytes), then the candidate's other words; when ids are met in a known order
//! (a record's answers and a grid's cells come sorted by id) [`Ids::index_near`] looks where
//! the last one was found first. [`country`] reads a country's index off a table of every
//! three-letter code. All find exactly what a string comparison finds.

use std::sync::OnceLock;

use crate::core::countries::COUNTRIES;

/// Ids (a question's options, points or items, or a day's question ids), in a given order.
///
/// Each id is kept as its [`tag`] (its length and first 8 bytes mixed in one word), its
/// length, and up to three more words: its last 8 bytes and, for 17 to 32 bytes, the bytes
/// 8..16 and the 8 before the last 8. Equal tag, length and words mean equal strings up to 32
/// bytes; longer ids are compared in full after them.
pub(crate) struct Ids<'q> {
    tags: Vec<u64>,
    lens: Vec<usize>,
    rest: Vec<[u64; 3]>,
    ids: Vec<&'q str>,
    /// For many ids: an open-addressing table of positions + 1 (0: empty), by tag.
    table: Vec<u16>,
    shift: u32,
}

/// Above this many ids, [`Ids`] finds them through a table rather than by a scan.
const SCAN: usize = 12;
/// How many positions [`Ids::index_near`] tries before searching.
const NEAR: usize = 4;

#[inline(always)]
fn word(b: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(w)
}

/// The first 8 bytes of `b` as a word, zero-padded: read with at most two loads, never a copy
/// of a variable length.
#[inline(always)]
fn first_word(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        word(b, 0)
    } else if n >= 4 {
        let at = |i: usize| u64::from(u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]));
        // The two reads overlap on equal bytes: or-ing them is exact.
        at(0) | at(n - 4) << (8 * (n - 4))
    } else if n >= 2 {
        let at = |i: usize| u64::from(u16::from_le_bytes([b[i], b[i + 1]]));
        at(0) | at(n - 2) << (8 * (n - 2))
    } else {
        b.first().map_or(0, |&x| u64::from(x))
    }
}

/// The length and the first 8 bytes of a string, mixed into one word.
#[inline(always)]
fn tag(b: &[u8]) -> u64 {
    first_word(b) ^ (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
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

impl<'q> Ids<'q> {
    pub(crate) fn new(ids: impl IntoIterator<Item = &'q str>) -> Ids<'q> {
        let ids: Vec<&'q str> = ids.into_iter().collect();
        let tags: Vec<u64> = ids.iter().map(|s| tag(s.as_bytes())).collect();
        let (mut table, mut shift) = (Vec::new(), 64);
        if ids.len() > SCAN && ids.len() < u16::MAX as usize / 4 {
            let bits = (ids.len() * 4).next_power_of_two().trailing_zeros();
            shift = 64 - bits;
            table = vec![0u16; 1 << bits];
            let mask = table.len() - 1;
            for (i, &t) in tags.iter().enumerate() {
                let mut slot = slot(t, shift);
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
            shift,
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
        if self.table.is_empty() {
            let mut i = 0;
            while i < self.tags.len() {
                if self.is(i, t, b) {
                    return Some(i);
                }
                i += 1;
            }
            return None;
        }
        let mask = self.table.len() - 1;
        let mut slot = slot(t, self.shift);
        loop {
            match self.table[slot] {
                0 => return None,
                i if self.is(i as usize - 1, t, b) => return Some(i as usize - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// [`Ids::index`], trying positions `from`, `from + 1`... first: for ids met in the
    /// order of the list, each one after the last found.
    #[inline(always)]
    pub(crate) fn index_near(&self, s: &str, from: usize) -> Option<usize> {
        let b = s.as_bytes();
        let t = tag(b);
        let end = self.tags.len().min(from + NEAR);
        let mut i = from;
        while i < end {
            if self.is(i, t, b) {
                return Some(i);
            }
            i += 1;
        }
        self.index(s)
    }
}

#[inline(always)]
fn slot(tag: u64, shift: u32) -> usize {
    (tag.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// Every code `AAA`..`ZZZ` -> the country's index in [`COUNTRIES`] plus one (0: none).
fn table() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u8; 26 * 26 * 26];
        for (i, c) in COUNTRIES.iter().enumerate() {
            if let Some(slot) = slot(c.code) {
                t[slot] = (i + 1) as u8;
            }
        }
        t
    })
}

fn slot(code: &str) -> Option<usize> {
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
    let i = table()[slot(code)?];
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
                for from in [0, i.saturating_sub(2), i, i + 1, ids.len()] {
                    assert_eq!(table.index_near(s, from), Some(i), "{s} from {from}");
                }
            }
            for s in unknown {
                assert_eq!(table.index(s), None, "{s}");
                assert_eq!(table.index_near(s, 1), None, "{s}");
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
