//! The tidy data package: every record of a dataset as CSV tables with a `datapackage.json`
//! (Frictionless Data Package, `tabular-data-package` profile), in a fixed file order.
//!
//! Records are put in order first (participants, then tables; each by respondent id), one per
//! (kind, respondent): should two versions of a record be given, the one a dataset keeps is
//! used (the later `updated_at`, then the larger digest; see [`crate::core::dataset`]). So the
//! package depends on the set of records only, never on the order they come in. Answers that
//! do not fit their question are left out, as the tallies leave them out.

use std::cmp::Ordering;
use std::io::{self, Write};

use super::archive::zip_with;
use super::schema::{Field, Package, Questionnaire, Resource, Type};
use super::tidy::Answered;
use super::wide::Layout;
use super::{codebook, csv_writer, int_field, safe_cell, tidy};
use crate::core::dataset::compare_versions;
use crate::core::definition::{Definition, Question, RecordKind};
use crate::core::record::Record;
use crate::core::text::FALLBACK_LANGUAGE;

/// The package descriptor.
pub const DESCRIPTOR: &str = "datapackage.json";
/// One row per record (participants and tables): who, where, when.
pub const RECORDS: &str = "records.csv";
/// The participants' answers, long.
pub const PARTICIPANTS: &str = "participants.csv";
/// The participants' answers, wide: one row per participant.
pub const PARTICIPANTS_WIDE: &str = "participants_wide.csv";
/// The tables' worksheets (table records), long.
pub const WORKSHEETS: &str = "worksheets.csv";
/// What every question, item and code means.
pub const CODEBOOK: &str = "codebook.csv";

/// Every file of the package, in order.
const FILES: [&str; 6] = [DESCRIPTOR, RECORDS, PARTICIPANTS, PARTICIPANTS_WIDE, WORKSHEETS, CODEBOOK];

/// `records` in package order, one per (kind, respondent).
fn ordered<'a>(records: &'a [Record], def: &Definition) -> Vec<&'a Record> {
    let mut all: Vec<&Record> = records.iter().collect();
    all.sort_by(|a, b| (a.kind, &a.respondent).cmp(&(b.kind, &b.respondent)));
    let mut out: Vec<&Record> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if last.kind == r.kind && last.respondent == r.respondent => {
                // The version a dataset keeps.
                if compare_versions(r, last, def) == Ordering::Greater {
                    *last = r;
                }
            }
            _ => out.push(r),
        }
    }
    out
}

/// Everything the files are written from.
struct Sources<'a> {
    def: &'a Definition,
    participants: Answered<'a>,
    tables: Answered<'a>,
    wide: Layout<'a>,
}

impl<'a> Sources<'a> {
    fn new(def: &'a Definition, records: &'a [Record]) -> Sources<'a> {
        let (participants, tables) =
            ordered(records, def).into_iter().partition(|r| r.kind == RecordKind::Participant);
        let questions: Vec<&Question> = def.items(RecordKind::Participant).map(|(_, q)| q).collect();
        let worksheets = def.items(RecordKind::Table).map(|(_, q)| q).collect();
        let wide = Layout::new(&questions);
        let participants = Answered::new(participants, questions);
        let tables = Answered::new(tables, worksheets);
        Sources { def, participants, tables, wide }
    }

    /// Writes file `FILES[i]`.
    fn write(&self, i: usize, out: &mut dyn Write) -> io::Result<()> {
        match FILES[i] {
            DESCRIPTOR => out.write_all(self.descriptor().to_json().as_bytes()),
            RECORDS => self.write_records(out),
            PARTICIPANTS => tidy::write_long(out, &self.participants),
            PARTICIPANTS_WIDE => self.wide.write(out, &self.participants),
            WORKSHEETS => tidy::write_long(out, &self.tables),
            _ => codebook::write(out, self.def),
        }
    }

    fn write_records(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv_writer(out);
        w.write_record(record_fields().iter().map(|f| f.name.as_str()))?;
        let mut buf = [0u8; 20];
        for r in self.participants.records.iter().chain(&self.tables.records) {
            w.write_field(r.kind.name())?;
            for f in [&r.respondent, &r.event] {
                w.write_field(safe_cell(f).as_bytes())?;
            }
            w.write_field(int_field(u64::from(r.table), &mut buf))?;
            for f in [&r.language, &r.started_at, &r.updated_at] {
                w.write_field(safe_cell(f).as_bytes())?;
            }
            w.write_record(None::<&[u8]>)?;
        }
        w.flush()
    }

    fn descriptor(&self) -> Package {
        let def = self.def;
        let title = def.title.get(FALLBACK_LANGUAGE).to_string();
        let resources = vec![
            Resource::csv(
                "records",
                RECORDS,
                "Records",
                "One row per record handed in: a participant's answers or a table's worksheets.",
                record_fields(),
                vec!["kind", "respondent"],
            ),
            Resource::csv(
                "participants",
                PARTICIPANTS,
                "Participants' answers (long)",
                "One row per participant x question x item answered; a missing answer has no row.",
                tidy::fields("the participant"),
                Vec::new(),
            ),
            Resource::csv(
                "participants_wide",
                PARTICIPANTS_WIDE,
                "Participants' answers (wide)",
                "One row per participant, one column per question or question.item; empty is missing.",
                self.wide.fields().to_vec(),
                vec!["respondent"],
            ),
            Resource::csv(
                "worksheets",
                WORKSHEETS,
                "Tables' worksheets (long)",
                "One row per table record x worksheet x item answered; a missing answer has no row.",
                tidy::fields("the table record"),
                Vec::new(),
            ),
            Resource::csv(
                "codebook",
                CODEBOOK,
                "Codebook",
                "Every question, item and value code, with its English text or label.",
                codebook::fields(),
                Vec::new(),
            ),
        ];
        Package {
            profile: "tabular-data-package",
            name: def.id.clone(),
            description: format!(
                "Answers to \"{title}\" (questionnaire {} version {}): {} participant records and {} \
                 table records. Missing answers are empty or absent; no_clear_opinion is an answer.",
                def.id,
                def.version,
                self.participants.records.len(),
                self.tables.records.len()
            ),
            questionnaire: Questionnaire {
                id: def.id.clone(),
                version: def.version.clone(),
                hash: def.hash.clone(),
                title: title.clone(),
            },
            title,
            resources,
        }
    }
}

/// The columns of `records.csv`.
fn record_fields() -> Vec<Field> {
    vec![
        Field::new("kind", Type::String, "participant or table")
            .required()
            .one_of(vec!["participant".into(), "table".into()]),
        Field::new("respondent", Type::String, "random id made on the device (16 hex digits)")
            .required()
            .pattern("[0-9a-f]{16}"),
        Field::new("event", Type::String, "event id, from the link").required(),
        Field::new("table", Type::Integer, "table number, from the link").required(),
        Field::new("language", Type::String, "language answered in").required(),
        Field::new("started_at", Type::Datetime, "first opened (UTC)").required(),
        Field::new("updated_at", Type::Datetime, "last change (UTC)").required(),
    ]
}

/// The data package of `records` answering `def`: `(file name, contents)` in the order
/// `datapackage.json`, `records.csv`, `participants.csv`, `participants_wide.csv`,
/// `worksheets.csv`, `codebook.csv` (documented in `docs/export-format.md`). The same set of
/// records gives the same bytes, whatever their order.
pub fn data_package(def: &Definition, records: &[Record]) -> Vec<(String, Vec<u8>)> {
    let sources = Sources::new(def, records);
    (0..FILES.len())
        .map(|i| {
            let mut bytes = Vec::new();
            // Writing to memory cannot fail.
            let _ = sources.write(i, &mut bytes);
            (FILES[i].to_string(), bytes)
        })
        .collect()
}

/// `zip_files(&data_package(def, records))`, byte for byte, written without holding the
/// uncompressed files in memory (for 100,000 respondents the long table alone is about a
/// gigabyte; its zip is a tenth of that).
pub fn data_package_zip(def: &Definition, records: &[Record]) -> Vec<u8> {
    let sources = Sources::new(def, records);
    zip_with(&FILES, |i, out| sources.write(i, out)).unwrap_or_default()
}
