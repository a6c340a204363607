//! Share codes: a whole record as a short line of text to paste into a chat, and back.
//!
//! A code is `DK1-` followed by base64url (no padding) of
//! `[flag] [body] [CRC-32]`: the body packs the record against its definition (each answer in
//! as few bits as its question allows, see [`crate::core::bits`]), and is deflated when that
//! makes it shorter (flag 1) or kept as is (flag 0). The CRC-32 covers the prefix, flag and
//! body, so a changed, lost or added character is detected before anything is decoded. The
//! body starts with 4 bytes of the definition's content hash, so a code read against another
//! questionnaire is refused rather than misread.
//!
//! Body layout: fingerprint (4 bytes), kind (1 byte), respondent (8 bytes), then varints for
//! started_at (seconds since 1970), updated_at - started_at, table, and length-prefixed UTF-8
//! event and language; then the answers as a bit stream, one slot per question in definition
//! order (the format is in `docs/record-format.md`).

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use super::answers::{self, Answers};
use super::bits::{BitReader, BitWriter};
use super::definition::{Definition, Kind};
use super::record::{self, QuestionnaireRef, Record, RecordKind};
use super::time;

/// What every code of this format starts with.
pub const PREFIX: &str = "DK1-";
/// Inflating a body stops here: no real record comes near it.
const MAX_BODY: usize = 256 * 1024;

/// Why a code cannot be read, in words a facilitator can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// Not a dialogue-kit code at all.
    NotACode,
    /// A code from a newer version of the format.
    NewerFormat(String),
    /// A character was changed, lost or added (checksum, base64 or structure).
    Damaged(String),
    /// Intact, but made for another questionnaire.
    OtherQuestionnaire { expected: String },
    /// The record cannot be packed (a value that does not fit its question).
    Unpackable(String),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::NotACode => write!(f, "this is not a dialogue-kit code (codes start with {PREFIX})"),
            CodeError::NewerFormat(p) => {
                write!(f, "this code ({p}...) was made by a newer version of dialogue-kit: update the app")
            }
            CodeError::Damaged(why) => write!(f, "this code is damaged ({why}): ask for it again"),
            CodeError::OtherQuestionnaire { expected } => write!(
                f,
                "this code was made for another questionnaire or version than this one ({expected})"
            ),
            CodeError::Unpackable(why) => write!(f, "cannot make a code: {why}"),
        }
    }
}

impl std::error::Error for CodeError {}

fn damaged<T>(why: &str) -> Result<T, CodeError> {
    Err(CodeError::Damaged(why.into()))
}

/// Packs a record into a share code. Answers to hidden questions should already be left out
/// (see [`Record::for_export`]); every answer must fit its question.
pub fn encode(record: &Record, def: &Definition) -> Result<String, CodeError> {
    let body = body(record, def)?;
    Ok(wrap(&body, true))
}

/// Like [`encode`], but never compressed: quicker to make and to read, a little longer. Result
/// bundles hold their records this way; [`decode`] reads both.
pub fn encode_plain(record: &Record, def: &Definition) -> Result<String, CodeError> {
    Ok(wrap(&body(record, def)?, false))
}

/// The uncompressed code of a body made by [`body`].
pub fn wrap_plain(body: &[u8]) -> String {
    wrap(body, false)
}

/// The code of a body: its packing byte, the body (deflated when asked and shorter), the
/// CRC-32, all in URL-safe base64 after the prefix.
fn wrap(body: &[u8], compress: bool) -> String {
    let deflated = if compress { miniz_oxide::deflate::compress_to_vec(body, 10) } else { Vec::new() };
    let mut bytes = Vec::with_capacity(body.len() + 5);
    if compress && deflated.len() < body.len() {
        bytes.push(1);
        bytes.extend_from_slice(&deflated);
    } else {
        bytes.push(0);
        bytes.extend_from_slice(body);
    }
    let crc = checksum(&bytes);
    bytes.extend_from_slice(&crc.to_be_bytes());
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(&bytes))
}

/// The record packed against the definition, before compression: the canonical binary form
/// of a record (the same record always gives the same bytes), also what the dataset's digests
/// are taken of. Fails as [`encode`] does.
pub fn body(record: &Record, def: &Definition) -> Result<Vec<u8>, CodeError> {
    let bad = |m: String| CodeError::Unpackable(m);
    let mut body = Vec::with_capacity(64);
    body.extend_from_slice(&def.fingerprint());
    body.push(match record.kind {
        RecordKind::Participant => 0,
        RecordKind::Table => 1,
    });
    if !record::is_valid_respondent(&record.respondent) {
        return Err(bad(format!("respondent id '{}' is not 16 hex digits", record.respondent)));
    }
    for i in 0..8 {
        body.push(u8::from_str_radix(&record.respondent[i * 2..i * 2 + 2], 16).unwrap_or(0));
    }
    let started = time::parse_rfc3339(&record.started_at).ok_or_else(|| bad("bad started_at".into()))?;
    let updated = time::parse_rfc3339(&record.updated_at).ok_or_else(|| bad("bad updated_at".into()))?;
    varint(&mut body, started);
    varint(&mut body, updated.saturating_sub(started));
    varint(&mut body, u64::from(record.table));
    for s in [&record.event, &record.language] {
        varint(&mut body, s.len() as u64);
        body.extend_from_slice(s.as_bytes());
    }
    let mut bits = BitWriter::default();
    let mut packed = 0;
    for q in def.items(record.kind).map(|(_, q)| q) {
        let a = record.answers.get(&q.id);
        if let Some(a) = a {
            answers::check(q, a).map_err(|e| bad(format!("'{}': {e}", q.id)))?;
            packed += 1;
        }
        pack(&mut bits, q, a);
    }
    if packed != record.answers.len() {
        let unknown = record.answers.keys().find(|qid| def.item(record.kind, qid).is_none());
        return Err(bad(format!("'{}' is not a question", unknown.map_or("?", |q| q.as_str()))));
    }
    body.extend_from_slice(&bits.finish());
    Ok(body)
}

/// Reads a share code against the definition it was made for.
pub fn decode(code: &str, def: &Definition) -> Result<Record, CodeError> {
    from_body(&open(code)?, def)
}

/// The body of a share code ([`body`]): checks the prefix, the characters and the checksum,
/// and unpacks it; what the body says is not read yet.
pub fn open(code: &str) -> Result<Vec<u8>, CodeError> {
    // Chat apps wrap long lines: white space inside a code is never part of it.
    let spaced;
    let code = if code.bytes().any(|b| b.is_ascii_whitespace()) || !code.is_ascii() {
        spaced = code.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        spaced.as_str()
    } else {
        code
    };
    let Some(payload) = code.strip_prefix(PREFIX) else {
        if code.len() > 3 && code.starts_with("DK") && code[2..].starts_with(|c: char| c.is_ascii_digit()) {
            return Err(CodeError::NewerFormat(code.chars().take(4).collect()));
        }
        return Err(CodeError::NotACode);
    };
    let mut bytes = URL_SAFE_NO_PAD.decode(payload).map_err(|_| {
        CodeError::Damaged("a character is not one a code can hold, or one is missing".into())
    })?;
    if bytes.len() < 6 {
        return damaged("too short");
    }
    let (data, crc) = bytes.split_at(bytes.len() - 4);
    if checksum(data).to_be_bytes() != crc {
        return damaged("its checksum does not match");
    }
    match data[0] {
        0 => {
            bytes.truncate(bytes.len() - 4);
            bytes.remove(0);
            Ok(bytes)
        }
        1 => miniz_oxide::inflate::decompress_to_vec_with_limit(&data[1..], MAX_BODY)
            .map_err(|_| CodeError::Damaged("it does not unpack".into())),
        _ => damaged("unknown packing"),
    }
}

/// What a body says before its answers: who, when, where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub kind: RecordKind,
    /// The respondent id's 16 hex digits as a number.
    pub respondent: u64,
    /// Seconds since 1970.
    pub started: u64,
    pub updated: u64,
    pub table: u32,
    /// Where the event's and the language's UTF-8 bytes are in the body.
    pub event: std::ops::Range<usize>,
    pub language: std::ops::Range<usize>,
    /// Where the answers' bits start in the body.
    pub answers: usize,
}

/// Reads the head of a body made for `def`; the answers are left unread.
pub fn head(body: &[u8], def: &Definition) -> Result<Head, CodeError> {
    let mut r = ByteReader { bytes: body, pos: 0 };
    if r.take(4)? != def.fingerprint() {
        return Err(CodeError::OtherQuestionnaire {
            expected: format!("{} version {}", def.id, def.version),
        });
    }
    let kind = match r.take(1)?[0] {
        0 => RecordKind::Participant,
        1 => RecordKind::Table,
        _ => return damaged("unknown record kind"),
    };
    let respondent =
        u64::from_be_bytes(r.take(8)?.try_into().map_err(|_| CodeError::Damaged("short".into()))?);
    let started = r.varint()?;
    let updated = started.checked_add(r.varint()?).ok_or(CodeError::Damaged("bad time".into()))?;
    let table = u32::try_from(r.varint()?).map_err(|_| CodeError::Damaged("bad table".into()))?;
    let event = r.string()?;
    let language = r.string()?;
    Ok(Head { kind, respondent, started, updated, table, event, language, answers: r.pos })
}

/// The record a body holds (see [`open`]).
pub fn from_body(body: &[u8], def: &Definition) -> Result<Record, CodeError> {
    let h = head(body, def)?;
    let text = |range: std::ops::Range<usize>| String::from_utf8_lossy(&body[range]).into_owned();
    let mut bits = BitReader::new(&body[h.answers..]);
    let mut answers = Answers::new();
    for (_, q) in def.items(h.kind) {
        if let Some(a) = unpack(&mut bits, q)? {
            // Choices, scale points, grid cells and countries are read as indices into the
            // definition, so they always fit; the rest has limits (counts, lengths) to check.
            let by_index = matches!(
                q.kind,
                Kind::SingleChoice { .. }
                    | Kind::Scale { .. }
                    | Kind::YesNo { .. }
                    | Kind::Grid { .. }
                    | Kind::Country
            );
            if !by_index && answers::check(q, &a).is_err() {
                return damaged("an answer does not fit its question");
            }
            answers.insert(q.id.clone(), a);
        }
    }
    if !bits.at_end() {
        return damaged("there is more data than the questionnaire has questions");
    }
    let record = Record {
        format: record::FORMAT.into(),
        format_version: record::FORMAT_VERSION,
        kind: h.kind,
        questionnaire: QuestionnaireRef {
            id: def.id.clone(),
            version: def.version.clone(),
            hash: def.hash.clone(),
        },
        event: text(h.event),
        table: h.table,
        respondent: format!("{:016x}", h.respondent),
        language: text(h.language),
        started_at: time::format_rfc3339(h.started),
        updated_at: time::format_rfc3339(h.updated),
        answers,
    };
    record.check_header().map_err(|e| CodeError::Damaged(e.0))?;
    Ok(record)
}

fn checksum(bytes: &[u8]) -> u32 {
    super::crc::crc32(&[PREFIX.as_bytes(), bytes])
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], CodeError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(CodeError::Damaged("it ends too early".into()))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn varint(&mut self) -> Result<u64, CodeError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        damaged("a number is too long")
    }

    /// A length-prefixed UTF-8 text: where its bytes are.
    fn string(&mut self) -> Result<std::ops::Range<usize>, CodeError> {
        let n = self.varint()?;
        if n > 64 {
            return damaged("a name is too long");
        }
        let start = self.pos;
        std::str::from_utf8(self.take(n as usize)?).map_err(|_| CodeError::Damaged("bad text".into()))?;
        Ok(start..self.pos)
    }
}

pub(crate) mod slots;

use self::slots::{pack, unpack};

#[cfg(test)]
mod tests;
