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
pub struct BitReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> BitReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        BitReader { bytes, pos: 0 }
    }

    /// Reads the next `width` bits (up to 32), most significant first.
    #[inline]
    pub fn read(&mut self, width: u32) -> Option<u32> {
        debug_assert!(width <= 32);
        if width == 0 {
            return Some(0);
        }
        let end = self.pos + width as usize;
        if end > self.bytes.len() * 8 {
            return None;
        }
        // The 8 bytes from the one holding the first bit (zero past the end): the `width` bits
        // sit in them, since the first is at most 7 bits in.
        let at = self.pos / 8;
        let mut window = [0u8; 8];
        let avail = (self.bytes.len() - at).min(8);
        window[..avail].copy_from_slice(&self.bytes[at..at + avail]);
        let w = u64::from_be_bytes(window) << (self.pos % 8);
        self.pos = end;
        Some((w >> (64 - width)) as u32)
    }

    /// Skips `bits` bits; `None` when fewer are left.
    pub fn skip(&mut self, bits: usize) -> Option<()> {
        let end = self.pos.checked_add(bits).filter(|&e| e <= self.bytes.len() * 8)?;
        self.pos = end;
        Some(())
    }

    /// Are the bits left only the zero padding of the last byte?
    pub fn at_end(&self) -> bool {
        let total = self.bytes.len() * 8;
        total - self.pos.min(total) < 8
            && (self.pos..total).all(|p| (self.bytes[p / 8] >> (7 - p % 8)) & 1 == 0)
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
        }
    }
}
