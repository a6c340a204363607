//! A bit writer and reader: the share code packs each answer in as few bits as its question
//! allows (a yes / no / no-clear-opinion answer takes 2 bits), which keeps codes short enough
//! to paste in a chat.

/// Writes values of any width, most significant bit first.
#[derive(Default)]
pub struct BitWriter {
    bytes: Vec<u8>,
    used: u32,
}

impl BitWriter {
    /// Appends the low `width` bits of `value` (width up to 32).
    pub fn write(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.used % 8);
            }
            self.used += 1;
        }
    }

    /// The bytes written; the last one is padded with zero bits.
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads what a [`BitWriter`] wrote; `None` when the data runs out.
///
/// Bits are loaded 64 at a time into a word, so that reading a field is a shift, not a walk
/// over bytes: reading 100,000 records' answers is most of what a tally does.
pub struct BitReader<'a> {
    bytes: &'a [u8],
    /// The next byte to load.
    next: usize,
    /// The loaded bits, the next one at the top. Below the `have` loaded bits lie the first
    /// bits of the bytes from `next` on (or zeros): loading those bytes again ORs equal bits.
    acc: u64,
    have: u32,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, next: 0, acc: 0, have: 0 }
    }

    /// How many bits have been read.
    fn pos(&self) -> usize {
        self.next * 8 - self.have as usize
    }

    /// Moves to bit `pos` (at most the end).
    fn seek(&mut self, pos: usize) {
        self.next = pos / 8;
        self.acc = 0;
        self.have = 0;
        let bit = (pos % 8) as u32;
        if bit > 0 {
            self.refill();
            self.acc <<= bit;
            self.have -= bit;
        }
    }

    /// Loads whole bytes until at least 57 bits are loaded or the bytes run out.
    #[inline]
    fn refill(&mut self) {
        if let Some(w) = self.bytes.get(self.next..self.next + 8) {
            let w = u64::from_be_bytes(<[u8; 8]>::try_from(w).unwrap_or_default());
            self.acc |= w >> self.have;
            let take = (64 - self.have) / 8;
            self.next += take as usize;
            self.have += take * 8;
        } else {
            while self.have <= 56 && self.next < self.bytes.len() {
                self.acc |= u64::from(self.bytes[self.next]) << (56 - self.have);
                self.next += 1;
                self.have += 8;
            }
        }
    }

    /// Reads the next `width` bits (up to 32), most significant first.
    #[inline]
    pub fn read(&mut self, width: u32) -> Option<u32> {
        debug_assert!(width <= 32);
        if width == 0 {
            return Some(0);
        }
        if self.have < width {
            self.refill();
            if self.have < width {
                return None;
            }
        }
        let v = (self.acc >> (64 - width)) as u32;
        self.acc <<= width;
        self.have -= width;
        Some(v)
    }

    /// Reads `out.len()` whole bytes (8 bits each, from wherever the reader stands).
    pub fn read_bytes(&mut self, out: &mut [u8]) -> Option<()> {
        let pos = self.pos();
        let end = pos.checked_add(out.len() * 8).filter(|&e| e <= self.bytes.len() * 8)?;
        let (at, shift) = (pos / 8, pos % 8);
        if shift == 0 {
            out.copy_from_slice(&self.bytes[at..at + out.len()]);
        } else {
            // Each byte straddles two: the end lies inside byte `at + len`, which exists.
            for (i, o) in out.iter_mut().enumerate() {
                *o = (self.bytes[at + i] << shift) | (self.bytes[at + i + 1] >> (8 - shift));
            }
        }
        self.seek(end);
        Some(())
    }

    /// Skips `bits` bits; `None` when fewer are left.
    pub fn skip(&mut self, bits: usize) -> Option<()> {
        if bits <= self.have as usize {
            // Within the loaded bits (fewer than 64).
            self.acc = self.acc.checked_shl(bits as u32).unwrap_or(0);
            self.have -= bits as u32;
            return Some(());
        }
        let end = self.pos().checked_add(bits).filter(|&e| e <= self.bytes.len() * 8)?;
        self.seek(end);
        Some(())
    }

    /// Are the bits left only the zero padding of the last byte?
    pub fn at_end(&self) -> bool {
        let (pos, total) = (self.pos(), self.bytes.len() * 8);
        total - pos.min(total) < 8 && (pos..total).all(|p| (self.bytes[p / 8] >> (7 - p % 8)) & 1 == 0)
    }
}

/// How many bits hold any value in `0..count` (0 when there is only one value).
pub fn width_for(count: u32) -> u32 {
    if count <= 1 { 0 } else { 32 - (count - 1).leading_zeros() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn widths() {
        assert_eq!(width_for(1), 0);
        assert_eq!(width_for(2), 1);
        assert_eq!(width_for(4), 2);
        assert_eq!(width_for(5), 3);
        assert_eq!(width_for(195), 8);
    }

    proptest! {
        #[test]
        fn round_trip(values in proptest::collection::vec((0u32..=u32::MAX, 0u32..=32), 0..50)) {
            let mut w = BitWriter::default();
            let masked: Vec<(u32, u32)> = values
                .iter()
                .map(|&(v, n)| (if n == 32 { v } else { v & ((1u32 << n) - 1) }, n))
                .collect();
            for &(v, n) in &masked {
                w.write(v, n);
            }
            let bytes = w.finish();
            let mut r = BitReader::new(&bytes);
            for &(v, n) in &masked {
                prop_assert_eq!(r.read(n), Some(v));
            }
            prop_assert!(r.at_end());
            // Whole bytes read at any offset, and skipped, as single reads of 8 bits read them.
            let total: usize = masked.iter().map(|&(_, n)| n as usize).sum();
            for start in 0..total.min(16) {
                let n = (total - start) / 8;
                let (mut a, mut b) = (BitReader::new(&bytes), BitReader::new(&bytes));
                a.skip(start).unwrap();
                b.skip(start).unwrap();
                let mut got = vec![0u8; n];
                a.read_bytes(&mut got).unwrap();
                let want: Vec<u8> = (0..n).map(|_| b.read(8).unwrap() as u8).collect();
                prop_assert_eq!(got, want);
            }
        }
    }
}
