//! A respondent's answers as small whole numbers, in a fixed place per question: what every
//! tally counts from.
//!
//! A [`Layout`] gives each question of a list a *region* of a `[u32]` buffer:
//!
//! | kind | region | values |
//! | --- | --- | --- |
//! | single choice, yes / no, scale, country | 1 | 0 missing, `1..=k` the k-th option (point, country of [`COUNTRIES`]), `k + 1` no clear opinion |
//! | grid | one per item | as a scale, per item |
//! | multiple choice | 1 + options | 1 when answered, then 1 for each option chosen |
//! | numeric | 1 | 0 missing, `v + 1` for the value `v` |
//! | text, list | 2 | 1 when answered, then the number of list entries |
//! | ordering | 1 + options | the number of options placed (0 missing), then their indices, first to last |
//!
//! Only answers that fit their question ([`crate::core::answers::check`]) are written: any other
//! is missing. A respondent is anything that can fill a buffer ([`Respondent`]): a [`Record`]
//! (its answers found by id), or a record kept packed ([`crate::core::packed::Packed`], read
//! straight from its share code's bits, which is what makes 100,000 respondents quick).

use std::ops::Range;

use crate::core::answers::{self, Answer, Cell};
use crate::core::bits::BitReader;
use crate::core::code::CodeError;
use crate::core::code::slots::{self, Op};
use crate::core::countries::COUNTRIES;
use crate::core::definition::{Definition, Kind, Question, RecordKind};
use crate::core::record::Record;
use crate::core::tally::lookup::{self, Ids};

/// Where each question's values are in a buffer.
pub struct Layout<'q> {
    /// Set when the questions are every item of this kind, in definition order: the layout of
    /// a share code's answers.
    kind: Option<RecordKind>,
    questions: Vec<&'q Question>,
    /// Region `i` is `offsets[i]..offsets[i + 1]`.
    offsets: Vec<usize>,
    ids: Ids<'q>,
    /// Per question, its options, points or items, to find an answer's ids.
    lookups: Vec<Lookup<'q>>,
    /// Per question, how its share-code slot is read.
    ops: Vec<Op>,
}

/// How a record's answer becomes values.
enum Lookup<'q> {
    /// Options (or points) and whether "no clear opinion" is offered.
    Choice(Ids<'q>, bool),
    Multiple(Ids<'q>, usize),
    /// Items, points, no clear opinion.
    Grid(Ids<'q>, Ids<'q>, bool),
    Numeric(u32),
    Text,
    Ordering(Ids<'q>),
    Country,
}

/// The size of a question's region.
pub fn width(q: &Question) -> usize {
    match &q.kind {
        Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. } | Kind::Country => 1,
        Kind::Numeric { .. } => 1,
        Kind::Grid { items, .. } => items.len(),
        Kind::MultipleChoice { options, .. } | Kind::Ordering { options, .. } => 1 + options.len(),
        Kind::Text { .. } | Kind::List { .. } => 2,
    }
}

impl<'q> Layout<'q> {
    /// Every item of `kind` in `def` (participant questions or table worksheets), in order.
    pub fn of(def: &'q Definition, kind: RecordKind) -> Layout<'q> {
        Layout { kind: Some(kind), ..Layout::new(def.items(kind).map(|(_, q)| q)) }
    }

    /// Any questions (read from records only).
    pub fn new(questions: impl IntoIterator<Item = &'q Question>) -> Layout<'q> {
        let questions: Vec<&'q Question> = questions.into_iter().collect();
        let mut offsets = vec![0];
        for q in &questions {
            offsets.push(offsets[offsets.len() - 1] + width(q));
        }
        let ids = Ids::new(questions.iter().map(|q| q.id.as_str()));
        let lookups = questions.iter().map(|q| Lookup::of(q)).collect();
        let ops = questions.iter().map(|q| slots::op(q)).collect();
        Layout { kind: None, questions, offsets, ids, lookups, ops }
    }

    /// The record kind whose share code this layout reads, if it is one.
    pub fn kind(&self) -> Option<RecordKind> {
        self.kind
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// The `i`-th question.
    pub fn question(&self, i: usize) -> &'q Question {
        self.questions[i]
    }

    /// The questions, in order.
    pub fn questions(&self) -> &[&'q Question] {
        &self.questions
    }

    /// The position of the question with this id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.ids.index(id)
    }

    /// Question `i`'s region.
    pub fn region(&self, i: usize) -> Range<usize> {
        self.offsets[i]..self.offsets[i + 1]
    }

    /// The size of a whole buffer.
    pub fn size(&self) -> usize {
        self.offsets[self.questions.len()]
    }

    /// A buffer for this layout.
    pub fn buffer(&self) -> Vec<u32> {
        vec![0; self.size()]
    }

    /// Reads the answers of a share code's body (its bits from where the answers start) into
    /// `out`, when this layout is every item of the code's kind ([`Layout::of`]). With `check`,
    /// every answer is checked against its question (see [`slots::read_vals`]).
    pub(crate) fn read_bits(
        &self,
        bits: &mut BitReader,
        out: &mut [u32],
        check: bool,
    ) -> Result<(), CodeError> {
        out.fill(0);
        for (i, &op) in self.ops.iter().enumerate() {
            slots::read_vals(bits, op, &mut out[self.offsets[i]..self.offsets[i + 1]], check)?;
        }
        Ok(())
    }

    /// Writes a record's answers (those that fit) into `out`.
    pub fn read_record(&self, r: &Record, out: &mut [u32]) {
        out.fill(0);
        for (id, a) in &r.answers {
            if let Some(i) = self.ids.index(id.as_str()) {
                let region = self.region(i);
                self.lookups[i].write(self.questions[i], a, &mut out[region]);
            }
        }
    }
}

impl<'q> Lookup<'q> {
    fn of(q: &'q Question) -> Lookup<'q> {
        let ids = |options: &'q [crate::core::definition::Choice<crate::core::text::OptionId>]| {
            Ids::new(options.iter().map(|o| o.id.as_str()))
        };
        match &q.kind {
            Kind::SingleChoice { options, no_clear_opinion } => {
                Lookup::Choice(ids(options), no_clear_opinion.is_some())
            }
            Kind::YesNo { no_clear_opinion } => Lookup::Choice(
                Ids::new([crate::core::definition::YES, crate::core::definition::NO]),
                no_clear_opinion.is_some(),
            ),
            Kind::Scale { scale } => Lookup::Choice(
                Ids::new(scale.points.iter().map(|p| p.id.as_str())),
                scale.no_clear_opinion.is_some(),
            ),
            Kind::MultipleChoice { options, max } => {
                Lookup::Multiple(ids(options), max.map_or(options.len(), |m| m as usize))
            }
            Kind::Grid { items, scale } => Lookup::Grid(
                Ids::new(items.iter().map(|i| i.id.as_str())),
                Ids::new(scale.points.iter().map(|p| p.id.as_str())),
                scale.no_clear_opinion.is_some(),
            ),
            Kind::Numeric { max, .. } => Lookup::Numeric(*max),
            Kind::Text { .. } | Kind::List { .. } => Lookup::Text,
            Kind::Ordering { options, .. } => Lookup::Ordering(ids(options)),
            Kind::Country => Lookup::Country,
        }
    }

    /// Writes answer `a` to `q` into its region `out` (all zeros), when it fits.
    fn write(&self, q: &Question, a: &Answer, out: &mut [u32]) {
        match (self, a) {
            (Lookup::Choice(ids, _), Answer::Option(o)) => {
                out[0] = ids.index(o.as_str()).map_or(0, |i| i as u32 + 1);
            }
            (Lookup::Choice(ids, true), Answer::NoClearOpinion) => out[0] = ids.len() as u32 + 1,
            (Lookup::Multiple(ids, max), Answer::Options(chosen)) => {
                if chosen.is_empty() || chosen.len() > *max {
                    return;
                }
                for o in chosen {
                    match ids.index(o.as_str()) {
                        Some(i) if out[1 + i] == 0 => out[1 + i] = 1,
                        _ => return out.fill(0),
                    }
                }
                out[0] = 1;
            }
            (Lookup::Grid(items, points, nco), Answer::Grid(cells)) => {
                for (item, cell) in cells {
                    let v = match cell {
                        Cell::Option(p) => points.index(p.as_str()).map(|p| p as u32 + 1),
                        Cell::NoClearOpinion if *nco => Some(points.len() as u32 + 1),
                        Cell::NoClearOpinion => None,
                    };
                    match (items.index(item.as_str()), v) {
                        (Some(i), Some(v)) => out[i] = v,
                        _ => return out.fill(0),
                    }
                }
            }
            (Lookup::Numeric(max), Answer::Number(v)) if v <= max => out[0] = v + 1,
            (Lookup::Text, Answer::Text(_) | Answer::List(_)) if answers::check(q, a).is_ok() => {
                out[0] = 1;
                out[1] = if let Answer::List(entries) = a { entries.len() as u32 } else { 0 };
            }
            (Lookup::Ordering(ids), Answer::Order(order)) => {
                if answers::check(q, a).is_err() {
                    return;
                }
                for (p, o) in order.iter().enumerate() {
                    out[1 + p] = ids.index(o.as_str()).map_or(0, |i| i as u32);
                }
                out[0] = order.len() as u32;
            }
            (Lookup::Country, Answer::Country(code)) => {
                out[0] = lookup::country(code).map_or(0, |i| i as u32 + 1);
            }
            _ => {}
        }
    }
}

/// A country region's value as the country's index in [`COUNTRIES`].
pub fn country(v: u32) -> Option<usize> {
    (v as usize).checked_sub(1).filter(|&i| i < COUNTRIES.len())
}

/// Anything whose answers can be counted: a record, or a record kept packed.
pub trait Respondent {
    fn kind(&self) -> RecordKind;
    fn event(&self) -> &str;
    fn table(&self) -> u32;
    /// Whether it answers `def` (the same content hash).
    fn answers(&self, def: &Definition) -> bool;
    /// Writes its answers to the questions of `layout` into `out` (`layout.size()` long).
    fn read(&self, layout: &Layout, out: &mut [u32]);
}

impl Respondent for Record {
    fn kind(&self) -> RecordKind {
        self.kind
    }

    fn event(&self) -> &str {
        &self.event
    }

    fn table(&self) -> u32 {
        self.table
    }

    fn answers(&self, def: &Definition) -> bool {
        self.questionnaire.hash == def.hash
    }

    fn read(&self, layout: &Layout, out: &mut [u32]) {
        layout.read_record(self, out);
    }
}

impl<R: Respondent + ?Sized> Respondent for &R {
    fn kind(&self) -> RecordKind {
        (**self).kind()
    }

    fn event(&self) -> &str {
        (**self).event()
    }

    fn table(&self) -> u32 {
        (**self).table()
    }

    fn answers(&self, def: &Definition) -> bool {
        (**self).answers(def)
    }

    fn read(&self, layout: &Layout, out: &mut [u32]) {
        (**self).read(layout, out);
    }
}
