//! The codebook (`codebook.csv`): what every question, item and value code of the long and wide
//! tables means, in English.
//!
//! Rows come per question in definition order (participant questions, then table worksheets):
//! first the question itself (`item` and `value` empty, its text in `text`), then one row per
//! item (a grid's items, a multiple choice's or an ordering's options: `item` set), then one
//! row per value code (`value` set): options, scale points, `yes` / `no`, `no_clear_opinion`
//! where offered, `1` / `0` for multiple choice, the ends of a numeric scale, and the 193
//! country codes. Join the long table on (`question`, `item`) for item labels and on
//! (`question`, `value`) for value labels.

use std::io::{self, Write};

use super::schema::{Field, Type};
use super::tidy::{NO_CLEAR_OPINION, value_label, yes_no_label};
use super::{csv_writer, safe_cell};
use crate::core::countries::COUNTRIES;
use crate::core::definition::{Definition, Kind, NO, Question, RecordKind, Session, YES};
use crate::core::text::{FALLBACK_LANGUAGE, Text};

/// The column names of the codebook.
pub(crate) const COLUMNS: [&str; 8] =
    ["record_kind", "session", "question", "kind", "text", "item", "value", "label"];

/// The codebook's columns.
pub(crate) fn fields() -> Vec<Field> {
    let [record_kind, session, question, kind, text, item, value, label] = COLUMNS;
    vec![
        Field::new(record_kind, Type::String, "who answers: participant or table")
            .required()
            .one_of(vec!["participant".into(), "table".into()]),
        Field::new(session, Type::String, "session id").required(),
        Field::new(question, Type::String, "question id").required(),
        Field::new(kind, Type::String, "question kind (single_choice, grid...)").required(),
        Field::new(text, Type::String, "the question, in English").required(),
        Field::new(
            item,
            Type::String,
            "option or grid item id in the long table's item column; empty on other rows",
        ),
        Field::new(value, Type::String, "value code in the long table's value column; empty on other rows"),
        Field::new(label, Type::String, "English label of the item or value"),
    ]
}

fn en(t: &Text) -> &str {
    t.get(FALLBACK_LANGUAGE)
}

/// The item rows and value rows of one question: `(item, value, label)`.
fn entries(q: &Question) -> Vec<(String, String, String)> {
    let item = |id: &str, label: &str| (id.to_string(), String::new(), label.to_string());
    let value = |code: &str, label: &str| (String::new(), code.to_string(), label.to_string());
    let mut out = Vec::new();
    match &q.kind {
        Kind::MultipleChoice { options, .. } => {
            out.extend(options.iter().map(|o| item(o.id.as_str(), en(&o.label))));
            out.push(value("1", "chosen"));
            out.push(value("0", "not chosen"));
        }
        Kind::Ordering { options, .. } => {
            out.extend(options.iter().map(|o| item(o.id.as_str(), en(&o.label))));
        }
        Kind::Grid { items, scale } => {
            out.extend(items.iter().map(|i| item(i.id.as_str(), en(&i.label))));
            out.extend(scale.points.iter().map(|p| value(p.id.as_str(), en(&p.label))));
        }
        Kind::SingleChoice { options, .. } => {
            out.extend(options.iter().map(|o| value(o.id.as_str(), en(&o.label))));
        }
        Kind::Scale { scale } => {
            out.extend(scale.points.iter().map(|p| value(p.id.as_str(), en(&p.label))));
        }
        Kind::YesNo { .. } => {
            out.extend([YES, NO].iter().map(|c| value(c, yes_no_label(c))));
        }
        Kind::Numeric { max, min_label, max_label } => {
            out.push(value("0", en(min_label)));
            out.push(value(&max.to_string(), en(max_label)));
        }
        Kind::Country => out.extend(COUNTRIES.iter().map(|c| value(c.code, c.name))),
        Kind::Text { .. } | Kind::List { .. } => {}
    }
    if q.kind.offers_no_clear_opinion() {
        out.push(value(NO_CLEAR_OPINION, value_label(&q.kind, NO_CLEAR_OPINION)));
    }
    out
}

/// Writes the codebook of `def`.
pub(crate) fn write<W: Write>(out: W, def: &Definition) -> io::Result<()> {
    let mut w = csv_writer(out);
    w.write_record(COLUMNS)?;
    for (kind, name) in [(RecordKind::Participant, "participant"), (RecordKind::Table, "table")] {
        for (session, q) in def.items(kind) {
            let row = |s: &Session, item: &str, value: &str, label: &str| {
                [name, s.id.as_str(), q.id.as_str(), q.kind.name(), en(&q.text), item, value, label]
                    .map(|f| safe_cell(f).into_owned())
            };
            w.write_record(row(session, "", "", ""))?;
            for (item, value, label) in entries(q) {
                w.write_record(row(session, &item, &value, &label))?;
            }
        }
    }
    w.flush()
}
