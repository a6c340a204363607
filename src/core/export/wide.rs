//! The wide table (`participants_wide.csv`): one row per participant, the record's fields, the
//! derived UN regional group, then one column per question or question item.
//!
//! Columns are the long table's rows pivoted ([`super::tidy::rows`]), named:
//!
//! - `question` for one-value questions (single choice, scale, yes / no, numeric, text,
//!   country), or `question.answer` should the id be one of the record columns;
//! - `question.option` for multiple choice (1 / 0) and ordering (the rank, empty if unranked);
//! - `question.item` for a grid's items;
//! - `question.1` .. `question.N` for a list of at most N entries.
//!
//! Ids never hold a `.`, so these names never collide.

use std::io::{self, Write};

use super::schema::{Field, Type};
use super::tidy::{self, Answered, Item, NO_CLEAR_OPINION, Value};
use super::{csv_writer, int_field, safe_cell};
use crate::core::answers::Answer;
use crate::core::countries::{self, COUNTRIES, RegionalGroup};
use crate::core::definition::{Kind, NO, Question, YES};
use crate::core::text::FALLBACK_LANGUAGE;

/// The record columns that come before the questions.
pub(crate) const RECORD_COLUMNS: [&str; 6] =
    ["respondent", "event", "table", "language", "updated_at", "regional_group"];

/// Where a question's columns are in a row, and what their items are.
struct Block<'a> {
    question: &'a Question,
    start: usize,
    /// Option or item ids, one column each; empty for one-value questions and lists.
    ids: Vec<&'a str>,
}

/// The wide table's layout for a day's participant questions.
pub(crate) struct Layout<'a> {
    blocks: Vec<Block<'a>>,
    fields: Vec<Field>,
    /// The index of the first country question, which gives the regional group.
    country: Option<usize>,
}

fn en(t: &crate::core::text::Text) -> &str {
    t.get(FALLBACK_LANGUAGE)
}

/// The codes a one-value column (or a grid item) may hold.
fn codes(kind: &Kind) -> Option<Vec<String>> {
    let mut out: Vec<String> = match kind {
        Kind::SingleChoice { options, .. } => options.iter().map(|o| o.id.to_string()).collect(),
        Kind::Scale { scale } | Kind::Grid { scale, .. } => {
            scale.points.iter().map(|p| p.id.to_string()).collect()
        }
        Kind::YesNo { .. } => vec![YES.into(), NO.into()],
        Kind::Country => COUNTRIES.iter().map(|c| c.code.to_string()).collect(),
        _ => return None,
    };
    if kind.offers_no_clear_opinion() {
        out.push(NO_CLEAR_OPINION.into());
    }
    Some(out)
}

impl<'a> Layout<'a> {
    /// The columns for `questions` (a day's participant questions, in order).
    pub fn new(questions: &[&'a Question]) -> Layout<'a> {
        let mut fields = vec![
            Field::new("respondent", Type::String, "the participant's random id (16 hex digits)")
                .required()
                .pattern("[0-9a-f]{16}"),
            Field::new("event", Type::String, "event id, from the participant's link").required(),
            Field::new("table", Type::Integer, "table number, from the participant's link").required(),
            Field::new("language", Type::String, "language the participant answered in").required(),
            Field::new("updated_at", Type::Datetime, "last change to the answers (UTC)").required(),
            Field::new("regional_group", Type::String, "UN regional group of the country answered")
                .one_of(RegionalGroup::ALL.iter().map(|g| g.id().to_string()).collect()),
        ];
        let mut blocks = Vec::new();
        for &q in questions {
            let text = en(&q.text);
            let start = fields.len();
            let id = q.id.as_str();
            let mut ids = Vec::new();
            match &q.kind {
                Kind::MultipleChoice { options, .. } | Kind::Ordering { options, .. } => {
                    let max = match &q.kind {
                        Kind::Ordering { top, .. } => top.map_or(options.len() as u64, u64::from),
                        _ => 1,
                    };
                    let min = u64::from(matches!(q.kind, Kind::Ordering { .. }));
                    for o in options {
                        ids.push(o.id.as_str());
                        let name = format!("{id}.{}", o.id);
                        let description = format!("{text}: {}", en(&o.label));
                        fields.push(Field::new(name, Type::Integer, description).between(min, max));
                    }
                }
                Kind::Grid { items, .. } => {
                    for item in items {
                        ids.push(item.id.as_str());
                        let f = Field::new(
                            format!("{id}.{}", item.id),
                            Type::String,
                            format!("{text}: {}", en(&item.label)),
                        );
                        fields.push(f.one_of(codes(&q.kind).unwrap_or_default()));
                    }
                }
                Kind::List { max_items, .. } => {
                    for n in 1..=*max_items {
                        fields.push(Field::new(
                            format!("{id}.{n}"),
                            Type::String,
                            format!("{text}: entry {n}"),
                        ));
                    }
                }
                kind => {
                    let name =
                        if RECORD_COLUMNS.contains(&id) { format!("{id}.answer") } else { id.to_string() };
                    let f = match kind {
                        Kind::Numeric { max, .. } => {
                            Field::new(name, Type::Integer, text).between(0, u64::from(*max))
                        }
                        Kind::Text { .. } => Field::new(name, Type::String, text),
                        _ => Field::new(name, Type::String, text).one_of(codes(kind).unwrap_or_default()),
                    };
                    fields.push(f);
                }
            }
            blocks.push(Block { question: q, start, ids });
        }
        let country = questions.iter().position(|q| matches!(q.kind, Kind::Country));
        Layout { blocks, fields, country }
    }

    /// The columns, in order.
    pub fn fields(&self) -> &[Field] {
        &self.fields
    }

    /// Writes the wide table of `data` (participants, over the questions of [`Layout::new`]).
    pub fn write<W: Write>(&self, out: W, data: &Answered<'_>) -> io::Result<()> {
        let mut w = csv_writer(out);
        w.write_record(self.fields.iter().map(|f| f.name.as_str()))?;
        let mut slots: Vec<Option<Value<'_>>> = vec![None; self.fields.len()];
        let mut buf = [0u8; 20];
        for (i, r) in data.records.iter().enumerate() {
            slots.iter_mut().for_each(|s| *s = None);
            let answers = data.of(i);
            for (b, a) in self.blocks.iter().zip(answers) {
                let Some(a) = a else { continue };
                // Rows come in the order of `b.ids`: look from the last one found.
                let mut next = 0;
                tidy::rows(b.question, a, &mut |row| {
                    let offset = match row.item {
                        Item::None => Some(0),
                        Item::Index(i) => Some(i - 1),
                        Item::Id(id) => b.ids[next..].iter().position(|x| *x == id).map(|k| next + k),
                    };
                    if let Some(o) = offset {
                        next = o + 1;
                        if let Some(slot) = slots.get_mut(b.start + o) {
                            *slot = Some(row.value);
                        }
                    }
                });
            }
            let group = self
                .country
                .and_then(|qi| match answers[qi] {
                    Some(Answer::Country(code)) => countries::group_of(code),
                    _ => None,
                })
                .map_or("", |g| g.id());
            w.write_field(safe_cell(&r.respondent).as_bytes())?;
            w.write_field(safe_cell(&r.event).as_bytes())?;
            w.write_field(int_field(u64::from(r.table), &mut buf))?;
            w.write_field(safe_cell(&r.language).as_bytes())?;
            w.write_field(safe_cell(&r.updated_at).as_bytes())?;
            w.write_field(group)?;
            for slot in &slots[RECORD_COLUMNS.len()..] {
                match slot {
                    None => w.write_field("")?,
                    Some(Value::Int(n)) => w.write_field(int_field(*n, &mut buf))?,
                    Some(Value::Code(t) | Value::Text(t)) => w.write_field(safe_cell(t).as_bytes())?,
                }
            }
            w.write_record(None::<&[u8]>)?;
        }
        w.flush()
    }
}
