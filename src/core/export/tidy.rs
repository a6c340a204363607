//! The tidy long tables (`participants.csv`, `worksheets.csv`): one row per respondent x question
//! x item, `respondent,question,item,value,label`.
//!
//! [`rows`] says what one answer becomes; the wide table is the same rows pivoted, so the two
//! can never disagree. By kind (labels in English):
//!
//! | kind | item | value | label |
//! | --- | --- | --- | --- |
//! | single choice, scale, yes / no | empty | option id, `yes`/`no`, or `no_clear_opinion` | its label |
//! | multiple choice | each option id | `1` chosen, `0` not (every option of an answer) | empty |
//! | grid | each answered item id | point id or `no_clear_opinion` | its label |
//! | numeric | empty | the number | empty |
//! | ordering | each ranked option id | its rank `1..k` | empty |
//! | country | empty | ISO 3166 alpha-3 code | country name |
//! | text | empty | the text | empty |
//! | list | `1..n` | the entry | empty |
//!
//! Rows follow the definition's order of options and items; missing answers have no row.

use std::io::{self, Write};

use super::schema::{Field, Type};
use super::{csv_writer, int_field, safe_cell};
use crate::core::answers::{Answer, Cell as GridCell};
use crate::core::countries;
use crate::core::definition::{Choice, Kind, NO, Question, YES};
use crate::core::record::Record;
use crate::core::tally::valid_answer;
use crate::core::text::{FALLBACK_LANGUAGE, OptionId, Text};

/// The value code of "no clear opinion", wherever it is offered.
pub const NO_CLEAR_OPINION: &str = "no_clear_opinion";

/// The `item` of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Item<'a> {
    /// The question has one value per respondent.
    None,
    /// An option or grid item id.
    Id(&'a str),
    /// The position of a list entry, from 1.
    Index(usize),
}

/// The `value` of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value<'a> {
    /// An id from the definition (option, point, `no_clear_opinion`, country code).
    Code(&'a str),
    /// A number, a rank, or 1 / 0 for a multiple choice option.
    Int(u64),
    /// A respondent's own text.
    Text(&'a str),
}

/// One row of the long table, without its respondent and question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    pub item: Item<'a>,
    pub value: Value<'a>,
    pub label: &'a str,
}

fn en(t: &Text) -> &str {
    t.get(FALLBACK_LANGUAGE)
}

/// The English label of value `code` of a question of this kind, empty when it has none.
pub(crate) fn value_label<'a>(kind: &'a Kind, code: &str) -> &'a str {
    let find = |options: &'a [Choice<OptionId>]| {
        options.iter().find(|o| o.id.as_str() == code).map_or("", |o| en(&o.label))
    };
    let no_clear_opinion = |t: &'a Option<Text>| t.as_ref().map_or("", en);
    match kind {
        Kind::SingleChoice { no_clear_opinion: nco, .. } | Kind::YesNo { no_clear_opinion: nco }
            if code == NO_CLEAR_OPINION =>
        {
            no_clear_opinion(nco)
        }
        Kind::Scale { scale } | Kind::Grid { scale, .. } if code == NO_CLEAR_OPINION => {
            no_clear_opinion(&scale.no_clear_opinion)
        }
        Kind::SingleChoice { options, .. } => find(options),
        Kind::Scale { scale } | Kind::Grid { scale, .. } => find(&scale.points),
        Kind::YesNo { .. } => yes_no_label(code),
        Kind::Country => countries::by_code(code).map_or("", |c| c.name),
        _ => "",
    }
}

/// The English label of `yes` and `no` (a yes / no question has no labels of its own).
pub(crate) fn yes_no_label(code: &str) -> &'static str {
    match code {
        YES => "Yes",
        NO => "No",
        _ => "",
    }
}

/// Calls `emit` with each row that answer `a` (valid for `q`) gives, in definition order.
pub(crate) fn rows<'a>(q: &'a Question, a: &'a Answer, emit: &mut impl FnMut(Row<'a>)) {
    let code = |c: &'a str| Row { item: Item::None, value: Value::Code(c), label: value_label(&q.kind, c) };
    match (&q.kind, a) {
        (_, Answer::NoClearOpinion) => emit(code(NO_CLEAR_OPINION)),
        (_, Answer::Option(o)) => emit(code(o.as_str())),
        (_, Answer::Country(c)) => emit(code(c.as_str())),
        (Kind::MultipleChoice { options, .. }, Answer::Options(chosen)) => {
            for o in options {
                let value = Value::Int(u64::from(chosen.contains(&o.id)));
                emit(Row { item: Item::Id(o.id.as_str()), value, label: "" });
            }
        }
        (Kind::Grid { items, .. }, Answer::Grid(cells)) => {
            for item in items {
                let value = match cells.get(&item.id) {
                    Some(GridCell::Option(p)) => p.as_str(),
                    Some(GridCell::NoClearOpinion) => NO_CLEAR_OPINION,
                    None => continue,
                };
                emit(Row { item: Item::Id(item.id.as_str()), ..code(value) });
            }
        }
        (Kind::Ordering { options, .. }, Answer::Order(order)) => {
            for o in options {
                if let Some(rank) = order.iter().position(|x| x == &o.id) {
                    let value = Value::Int(rank as u64 + 1);
                    emit(Row { item: Item::Id(o.id.as_str()), value, label: "" });
                }
            }
        }
        (_, Answer::Number(n)) => emit(Row { item: Item::None, value: Value::Int(u64::from(*n)), label: "" }),
        (_, Answer::Text(t)) => emit(Row { item: Item::None, value: Value::Text(t), label: "" }),
        (_, Answer::List(entries)) => {
            for (i, e) in entries.iter().enumerate() {
                emit(Row { item: Item::Index(i + 1), value: Value::Text(e), label: "" });
            }
        }
        // Not reached for a valid answer.
        _ => {}
    }
}

/// The column names of a long table.
pub(crate) const COLUMNS: [&str; 5] = ["respondent", "question", "item", "value", "label"];

/// The columns of a long table; `who` says whose id `respondent` is.
pub(crate) fn fields(who: &str) -> Vec<Field> {
    let [respondent, question, item, value, label] = COLUMNS;
    vec![
        Field::new(respondent, Type::String, format!("{who}: random id made on the device (16 hex digits)"))
            .required()
            .pattern("[0-9a-f]{16}"),
        Field::new(question, Type::String, "question id (see the codebook)").required(),
        Field::new(
            item,
            Type::String,
            "option or grid item id, list entry number 1..n; empty for one-value questions",
        ),
        Field::new(
            value,
            Type::String,
            "option / point id or no_clear_opinion, 1 / 0 (multiple choice), rank (ordering), number, \
             country code, or text",
        )
        .required(),
        Field::new(label, Type::String, "English label of the value code; empty for numbers and texts"),
    ]
}

/// Records of one kind, in order, with the questions they answer and their answers that fit
/// (each checked once, for all the tables written from them).
pub(crate) struct Answered<'a> {
    pub records: Vec<&'a Record>,
    pub questions: Vec<&'a Question>,
    /// `records.len()` rows of `questions.len()` answers.
    answers: Vec<Option<&'a Answer>>,
}

impl<'a> Answered<'a> {
    pub fn new(records: Vec<&'a Record>, questions: Vec<&'a Question>) -> Answered<'a> {
        let answers =
            records.iter().flat_map(|r| questions.iter().map(move |q| valid_answer(q, r))).collect();
        Answered { records, questions, answers }
    }

    /// The answers of record `i`, one per question (`None`: missing or not fitting).
    pub fn of(&self, i: usize) -> &[Option<&'a Answer>] {
        let n = self.questions.len();
        &self.answers[i * n..(i + 1) * n]
    }
}

/// Writes the long table of `data`.
pub(crate) fn write_long<W: Write>(out: W, data: &Answered<'_>) -> io::Result<()> {
    let mut w = csv_writer(out);
    w.write_record(COLUMNS)?;
    let (mut ibuf, mut vbuf) = ([0u8; 20], [0u8; 20]);
    let mut failed: Option<csv::Error> = None;
    for (i, r) in data.records.iter().enumerate() {
        let respondent = safe_cell(&r.respondent);
        for (q, a) in data.questions.iter().zip(data.of(i)) {
            let Some(a) = a else { continue };
            rows(q, a, &mut |row| {
                if failed.is_some() {
                    return;
                }
                let item: &[u8] = match row.item {
                    Item::None => b"",
                    Item::Id(id) => id.as_bytes(),
                    Item::Index(i) => int_field(i as u64, &mut ibuf),
                };
                let text;
                let value: &[u8] = match row.value {
                    Value::Int(n) => int_field(n, &mut vbuf),
                    Value::Code(t) | Value::Text(t) => {
                        text = safe_cell(t);
                        text.as_bytes()
                    }
                };
                let label = safe_cell(row.label);
                let fields = [respondent.as_bytes(), q.id.as_str().as_bytes(), item, value, label.as_bytes()];
                if let Err(e) = w.write_record(fields) {
                    failed = Some(e);
                }
            });
        }
    }
    if let Some(e) = failed {
        return Err(e.into());
    }
    w.flush()
}
