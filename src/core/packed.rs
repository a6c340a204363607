//! A record kept as its share code's body (see [`crate::core::code`]): how a dataset holds
//! 100,000 respondents in a few megabytes and counts them in a blink.
//!
//! A [`Packed`] record is checked once, when it is made: the head (event, table, language,
//! times) as a record file's header is, and every answer against its question. Afterwards its
//! answers are read straight from the bits into a [`crate::core::vals`] buffer for tallies,
//! and the full [`Record`] is made again only when asked for (exports, free text). The body
//! is the record's canonical form: two records are the same content exactly when their bodies
//! are equal, and a record's digest is the hash of its body.

use sha2::{Digest, Sha256};

use crate::core::bits::BitReader;
use crate::core::code::{self, CodeError, Head};
use crate::core::definition::{Definition, RecordKind};
use crate::core::hash;
use crate::core::record::{self, Record};
use crate::core::time;
use crate::core::vals::{Layout, Respondent};

/// A checked record, packed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    body: Box<[u8]>,
    head: Head,
    /// The definition's fingerprint (the body's first 4 bytes).
    fingerprint: [u8; 4],
}

/// Reads and checks records against one definition, with what that takes worked out once.
pub struct Packer<'d> {
    def: &'d Definition,
    participant: Layout<'d>,
    table: Layout<'d>,
    fingerprint: [u8; 4],
}

impl<'d> Packer<'d> {
    pub fn new(def: &'d Definition) -> Packer<'d> {
        Packer {
            def,
            participant: Layout::of(def, RecordKind::Participant),
            table: Layout::of(def, RecordKind::Table),
            fingerprint: def.fingerprint(),
        }
    }

    /// Reads and checks a share code made for the definition.
    pub fn code(&self, code: &str) -> Result<Packed, CodeError> {
        self.body(code::open(code)?)
    }

    /// Packs a record (whose answers must fit: see [`Record::check_against`]).
    pub fn record(&self, r: &Record) -> Result<Packed, CodeError> {
        self.body(code::body(r, self.def)?)
    }

    /// Checks a body made for the definition (see [`code::open`]).
    pub fn body(&self, body: Vec<u8>) -> Result<Packed, CodeError> {
        let head = code::head(&body, self.def)?;
        let text = |r: &std::ops::Range<usize>| std::str::from_utf8(&body[r.clone()]).unwrap_or("");
        record::check_place(text(&head.event), head.table, text(&head.language))
            .map_err(|e| CodeError::Damaged(e.0))?;
        if head.started > time::MAX_SECONDS || head.updated > time::MAX_SECONDS {
            return Err(CodeError::Damaged("a time is out of range".into()));
        }
        // Every answer, checked on the way.
        let layout = match head.kind {
            RecordKind::Participant => &self.participant,
            RecordKind::Table => &self.table,
        };
        let mut bits = BitReader::new(&body[head.answers..]);
        let mut buf = [0u32; 512];
        let mut long = Vec::new();
        let buf: &mut [u32] = if layout.size() <= buf.len() {
            &mut buf[..layout.size()]
        } else {
            long.resize(layout.size(), 0);
            &mut long
        };
        layout.read_bits(&mut bits, buf, true)?;
        if !bits.at_end() {
            return Err(CodeError::Damaged("there is more data than the questionnaire has questions".into()));
        }
        Ok(Packed { fingerprint: self.fingerprint, body: body.into_boxed_slice(), head })
    }
}

impl Packed {
    /// Reads and checks a share code made for `def` (to read many, make a [`Packer`] once).
    pub fn from_code(code: &str, def: &Definition) -> Result<Packed, CodeError> {
        Packer::new(def).code(code)
    }

    /// Packs a record (whose answers must fit `def`: see [`Record::check_against`]).
    pub fn from_record(r: &Record, def: &Definition) -> Result<Packed, CodeError> {
        Packer::new(def).record(r)
    }

    /// The record again, whole.
    pub fn record(&self, def: &Definition) -> Result<Record, CodeError> {
        code::from_body(&self.body, def)
    }

    /// The canonical binary form ([`code::body`]).
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// As an uncompressed share code ([`code::encode_plain`]).
    pub fn code_plain(&self) -> String {
        code::wrap_plain(&self.body)
    }

    /// `sha256:` and the hex SHA-256 of the body: what tells two versions of a record apart
    /// ([`crate::core::dataset::digest`]).
    pub fn digest(&self) -> String {
        format!("sha256:{}", hash::hex(&Sha256::digest(&self.body)))
    }

    pub fn kind(&self) -> RecordKind {
        self.head.kind
    }

    /// The respondent id as a number (its 16 hex digits).
    pub fn respondent_id(&self) -> u64 {
        self.head.respondent
    }

    /// The respondent id: 16 lowercase hex digits.
    pub fn respondent(&self) -> String {
        format!("{:016x}", self.head.respondent)
    }

    /// Seconds since 1970 of the last change.
    pub fn updated(&self) -> u64 {
        self.head.updated
    }

    /// `updated_at` as in the record.
    pub fn updated_at(&self) -> String {
        time::format_rfc3339(self.head.updated)
    }

    pub fn event(&self) -> &str {
        std::str::from_utf8(&self.body[self.head.event.clone()]).unwrap_or("")
    }

    pub fn language(&self) -> &str {
        std::str::from_utf8(&self.body[self.head.language.clone()]).unwrap_or("")
    }

    pub fn table(&self) -> u32 {
        self.head.table
    }
}

impl Respondent for Packed {
    fn kind(&self) -> RecordKind {
        self.head.kind
    }

    fn event(&self) -> &str {
        Packed::event(self)
    }

    fn table(&self) -> u32 {
        self.head.table
    }

    fn answers(&self, def: &Definition) -> bool {
        self.fingerprint == def.fingerprint()
    }

    /// Reads the bits when `layout` is this kind's share-code layout; otherwise (a layout of
    /// chosen questions) through the whole record.
    fn read(&self, layout: &Layout, out: &mut [u32]) {
        if layout.kind() != Some(self.head.kind) {
            out.fill(0);
            return;
        }
        let mut bits = BitReader::new(&self.body[self.head.answers..]);
        // Checked when packed: reading again cannot fail.
        if layout.read_bits(&mut bits, out, false).is_err() {
            out.fill(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_definition;
    use crate::core::sample::{self, Spec};

    #[test]
    fn a_packed_record_reads_as_the_record_does() {
        let def = parse_definition(crate::DEFAULT_DAY).unwrap();
        let records = sample::day(&def, &Spec { participants: 60, events: 3, ..Spec::default() });
        for kind in [RecordKind::Participant, RecordKind::Table] {
            let layout = Layout::of(&def, kind);
            let (mut a, mut b) = (layout.buffer(), layout.buffer());
            for r in records.iter().filter(|r| r.kind == kind) {
                let p = Packed::from_code(&code::encode(r, &def).unwrap(), &def).unwrap();
                assert_eq!(&p.record(&def).unwrap(), r);
                assert_eq!(p.respondent(), r.respondent);
                assert_eq!(p.updated_at(), r.updated_at);
                assert_eq!(
                    (Packed::event(&p), p.table(), p.language()),
                    (r.event.as_str(), r.table, r.language.as_str())
                );
                p.read(&layout, &mut a);
                r.read(&layout, &mut b);
                assert_eq!(a, b, "{}", r.respondent);
                assert_eq!(Packed::from_record(r, &def).unwrap(), p);
                assert_eq!(p.digest(), crate::core::dataset::digest(r, &def));
            }
        }
    }
}
