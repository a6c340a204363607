//! Sample days: plausible, reproducible records for any questionnaire, for dry runs before an
//! event, for the benchmarks, and for the tests that check our tallies against pandas and
//! DuckDB.
//!
//! Everything comes from one seed: the same [`Spec`] gives the same records, byte for byte.
//! Each question gets its own leaning (some options are chosen more than others), orderings
//! are noisy copies of one hidden order (so tables agree more than chance and a consensus
//! means something), and about one answer in twelve is skipped. Participants of an event are
//! mostly from the event's country. Free text, when asked for, includes markup, formulas and
//! non-Latin scripts, the things exports must survive.

use std::collections::{BTreeMap, BTreeSet};

use super::answers::{Answer, Cell, check};
use super::countries::COUNTRIES;
use super::definition::{Definition, Kind, Question, RecordKind};
use super::hash;
use super::record::Record;
use super::text::OptionId;
use super::time;

/// xorshift64: fast and reproducible; not for anything secret.
pub struct Rng(pub u64);

impl Rng {
    /// A generator for `seed` (any value, zero included).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// Shuffles `v` in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }

    /// An index in `0..weights.len()`, drawn in proportion to the weights (not all zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut x = self.next_u64() % total.max(1);
        for (i, &w) in weights.iter().enumerate() {
            if x < u64::from(w) {
                return i;
            }
            x -= u64::from(w);
        }
        weights.len() - 1
    }
}

/// What to generate.
#[derive(Clone, Debug)]
pub struct Spec {
    pub seed: u64,
    /// Events `sample-01`, `sample-02`... each in its own country.
    pub events: usize,
    /// Participant records, spread over the events.
    pub participants: usize,
    /// Participants per table; each table also hands in one table record.
    pub table_size: usize,
    /// Answer free-text questions and lists too.
    pub text: bool,
}

impl Default for Spec {
    fn default() -> Spec {
        Spec { seed: 2020, events: 3, participants: 120, table_size: 6, text: true }
    }
}

/// Free texts that exports and screens must show as text, never run or evaluate.
const TEXTS: [&str; 8] = [
    "More digital education in schools",
    "=SUM(A1:A9)",
    "<script>alert('x')</script>",
    "Plus d'accès, \"partout\"",
    "Интернет для всех",
    "Less hate,\nmore facts",
    "+1 for privacy 🔒",
    "@everyone",
];

/// Each question's leaning: a weight per option (or scale point, or grid cell value).
struct Leaning(BTreeMap<String, Vec<u32>>);

impl Leaning {
    fn new(def: &Definition, seed: u64) -> Leaning {
        let mut rng = Rng::new(seed ^ 0x5EED);
        let mut out = BTreeMap::new();
        for kind in [RecordKind::Participant, RecordKind::Table] {
            for (_, q) in def.items(kind) {
                let n = match &q.kind {
                    Kind::SingleChoice { options, .. }
                    | Kind::MultipleChoice { options, .. }
                    | Kind::Ordering { options, .. } => options.len(),
                    Kind::Scale { scale } | Kind::Grid { scale, .. } => scale.points.len(),
                    Kind::YesNo { .. } => 2,
                    Kind::Numeric { max, .. } => *max as usize + 1,
                    Kind::Country | Kind::Text { .. } | Kind::List { .. } => 0,
                };
                // No clear opinion gets a small weight of its own, last.
                let mut w: Vec<u32> = (0..n).map(|_| 1 + rng.below(9) as u32).collect();
                w.push(1);
                out.insert(q.id.as_str().to_string(), w);
            }
        }
        Leaning(out)
    }

    fn of(&self, q: &Question) -> &[u32] {
        self.0.get(q.id.as_str()).map_or(&[1], Vec::as_slice)
    }
}

/// A draw among `n` options (and "no clear opinion" as `None` when `nco` is offered).
fn draw(rng: &mut Rng, weights: &[u32], n: usize, nco: bool) -> Option<usize> {
    let w = if nco { &weights[..=n.min(weights.len() - 1)] } else { &weights[..n.min(weights.len())] };
    let i = rng.weighted(w);
    (i < n).then_some(i)
}

/// A valid answer to `q`, or `None` for a skipped question.
fn answer(q: &Question, lean: &[u32], rng: &mut Rng, text: bool) -> Option<Answer> {
    let choice = |rng: &mut Rng, ids: Vec<OptionId>, nco: bool| match draw(rng, lean, ids.len(), nco) {
        Some(i) => Answer::Option(ids[i].clone()),
        None => Answer::NoClearOpinion,
    };
    let a = match &q.kind {
        Kind::SingleChoice { .. } | Kind::Scale { .. } | Kind::YesNo { .. } => {
            choice(rng, q.kind.option_ids(), q.kind.offers_no_clear_opinion())
        }
        Kind::MultipleChoice { options, max } => {
            let max = max.map_or(options.len(), |m| m as usize);
            let mut chosen: Vec<OptionId> = Vec::new();
            for (o, &w) in options.iter().zip(lean) {
                if chosen.len() < max && rng.below(12) < w as usize {
                    chosen.push(o.id.clone());
                }
            }
            if chosen.is_empty() {
                chosen.push(options[rng.weighted(&lean[..options.len()])].id.clone());
            }
            Answer::Options(chosen)
        }
        Kind::Grid { items, scale } => {
            let nco = scale.no_clear_opinion.is_some();
            let mut cells = BTreeMap::new();
            for (k, item) in items.iter().enumerate() {
                if rng.chance(5) {
                    continue;
                }
                // Items of a grid lean differently: shift the weights per item.
                let mut w = lean.to_vec();
                w[..scale.points.len()].rotate_left(k % scale.points.len().max(1));
                let cell = match draw(rng, &w, scale.points.len(), nco) {
                    Some(i) => Cell::Option(scale.points[i].id.clone()),
                    None => Cell::NoClearOpinion,
                };
                cells.insert(item.id.clone(), cell);
            }
            if cells.is_empty() {
                return None;
            }
            Answer::Grid(cells)
        }
        Kind::Numeric { max, .. } => Answer::Number(draw(rng, lean, *max as usize + 1, false)? as u32),
        Kind::Ordering { options, top } => {
            // A noisy copy of the order the weights give.
            let mut keyed: Vec<(u64, OptionId)> = options
                .iter()
                .zip(lean)
                .map(|(o, &w)| (u64::from(w) * 40 + rng.below(200) as u64, o.id.clone()))
                .collect();
            keyed.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
            let k = top.map_or(options.len(), |t| (t as usize).min(options.len()));
            Answer::Order(keyed.into_iter().take(k).map(|(_, id)| id).collect())
        }
        Kind::Country => Answer::Country(COUNTRIES[rng.below(COUNTRIES.len())].code.to_string()),
        Kind::Text { max_length } if text => {
            Answer::Text(TEXTS[rng.below(TEXTS.len())].chars().take(*max_length as usize).collect())
        }
        Kind::List { max_items, max_length } if text => Answer::List(
            (0..1 + rng.below(*max_items as usize))
                .map(|_| TEXTS[rng.below(TEXTS.len())].chars().take(*max_length as usize).collect())
                .collect(),
        ),
        Kind::Text { .. } | Kind::List { .. } => return None,
    };
    check(q, &a).is_ok().then_some(a)
}

/// The event ids of a sample: `sample-01`...
pub fn event_id(i: usize) -> String {
    format!("sample-{:02}", i + 1)
}

/// Participant and table records for `spec`: participants first (by event, then table), then
/// one table record per table. Every record passes [`Record::check_against`] for `def`.
pub fn day(def: &Definition, spec: &Spec) -> Vec<Record> {
    let lean = Leaning::new(def, spec.seed);
    let mut rng = Rng::new(spec.seed);
    let events = spec.events.max(1);
    let size = spec.table_size.max(1);
    let start = 1_602_324_000; // 10 October 2020, 10:00 UTC
    let mut out = Vec::with_capacity(spec.participants + spec.participants / size + events);
    let mut tables: BTreeSet<(String, u32)> = BTreeSet::new();
    for i in 0..spec.participants {
        let e = i % events;
        let event = event_id(e);
        let home = COUNTRIES[(e * 37 + spec.seed as usize) % COUNTRIES.len()].code;
        let table = (i / events / size) as u32 + 1;
        tables.insert((event.clone(), table));
        let respondent = hash::hex(&rng.next_u64().to_be_bytes());
        let mut r = Record::new(def, &event, table, &respondent, "en", start);
        r.updated_at = time::format_rfc3339(start + 3600 + rng.below(6 * 3600) as u64);
        for (_, q) in def.items(RecordKind::Participant) {
            if rng.chance(8) {
                continue;
            }
            let a = match q.kind {
                Kind::Country if rng.chance(90) => Some(Answer::Country(home.to_string())),
                _ => answer(q, lean.of(q), &mut rng, spec.text),
            };
            if let Some(a) = a {
                r.answers.insert(q.id.clone(), a);
            }
        }
        out.push(r.for_export(def));
    }
    for (event, table) in tables {
        let respondent = hash::hex(&rng.next_u64().to_be_bytes());
        let mut r = Record::new_table(def, &event, table, &respondent, "en", start);
        r.updated_at = time::format_rfc3339(start + 7 * 3600 + rng.below(3600) as u64);
        for (_, q) in def.items(RecordKind::Table) {
            if !rng.chance(5)
                && let Some(a) = answer(q, lean.of(q), &mut rng, spec.text)
            {
                r.answers.insert(q.id.clone(), a);
            }
        }
        out.push(r.for_export(def));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::parse::parse_definition;

    fn def() -> Definition {
        parse_definition(crate::DEFAULT_DAY).expect("the default day parses")
    }

    #[test]
    fn same_spec_same_records() {
        let def = def();
        let spec = Spec { participants: 40, ..Spec::default() };
        assert_eq!(day(&def, &spec), day(&def, &spec));
        let other = Spec { seed: 7, ..spec.clone() };
        assert_ne!(day(&def, &spec), day(&def, &other));
    }

    #[test]
    fn records_are_valid_and_counted_as_asked() {
        let def = def();
        let spec = Spec { events: 2, participants: 50, table_size: 6, ..Spec::default() };
        let records = day(&def, &spec);
        let participants = records.iter().filter(|r| r.kind == RecordKind::Participant).count();
        let tables = records.iter().filter(|r| r.kind == RecordKind::Table).count();
        assert_eq!(participants, 50);
        // 25 participants per event, 6 a table: 5 tables each.
        assert_eq!(tables, 10);
        for r in &records {
            assert_eq!(r.check_against(&def), Vec::<String>::new(), "{}", r.respondent);
        }
    }

    #[test]
    fn answers_lean_and_skip() {
        let def = def();
        let records = day(&def, &Spec { participants: 600, events: 1, ..Spec::default() });
        let q = def.question(&"internet_opportunity_threat".into()).expect("question");
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut skipped = 0;
        for r in records.iter().filter(|r| r.kind == RecordKind::Participant) {
            match r.answers.get(&q.id) {
                Some(Answer::Option(o)) => *counts.entry(o.as_str().into()).or_default() += 1,
                Some(_) => *counts.entry("nco".into()).or_default() += 1,
                None => skipped += 1,
            }
        }
        assert!((20..=90).contains(&skipped), "about 8% skipped, got {skipped}");
        let (min, max) = (counts.values().min().copied(), counts.values().max().copied());
        assert!(max > min, "options are not all equally likely: {counts:?}");
        // Most participants of an event give the event's country.
        let home = Some(&Answer::Country(COUNTRIES[2020 % COUNTRIES.len()].code.into()));
        let home = records.iter().filter(|r| r.answers.get(&"country".into()) == home).count();
        assert!(home > 450, "{home}");
    }

    #[test]
    fn weighted_draws_follow_the_weights() {
        let mut rng = Rng::new(1);
        let mut hits = [0usize; 3];
        for _ in 0..3000 {
            hits[rng.weighted(&[1, 0, 2])] += 1;
        }
        assert_eq!(hits[1], 0);
        assert!(hits[2] > hits[0] * 3 / 2, "{hits:?}");
    }
}
