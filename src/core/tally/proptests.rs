//! Property test: the JSON of tallies, breakdowns and before / after is byte-identical whatever
//! the order of the records (random answers to the whole default day).

use proptest::prelude::*;

use super::{breakdown, change, tally};
use crate::core::answers::{self, Answer, Cell};
use crate::core::countries::COUNTRIES;
use crate::core::definition::{Definition, Kind, Question, RecordKind};
use crate::core::packed::Packed;
use crate::core::parse::parse_definition;
use crate::core::record::Record;
use crate::core::testkit::Rng;
use crate::core::vals::{Layout, Respondent};

/// A random answer to `q` (one that fits it), or `None` (skipped) now and then.
fn answer(q: &Question, rng: &mut Rng) -> Option<Answer> {
    if rng.below(5) == 0 {
        return None;
    }
    let pick = |rng: &mut Rng, ids: &[crate::core::text::OptionId], nco: bool| {
        let i = rng.below(ids.len() + usize::from(nco));
        ids.get(i).map_or(Answer::NoClearOpinion, |o| Answer::Option(o.clone()))
    };
    let a = match &q.kind {
        Kind::SingleChoice { .. } | Kind::YesNo { .. } | Kind::Scale { .. } => {
            pick(rng, &q.kind.option_ids(), q.kind.offers_no_clear_opinion())
        }
        Kind::MultipleChoice { options, max } => {
            let mut ids: Vec<_> = options.iter().map(|o| o.id.clone()).collect();
            rng.shuffle(&mut ids);
            ids.truncate(1 + rng.below(max.map_or(ids.len(), |m| m as usize)));
            ids.sort_by_key(|id| options.iter().position(|o| &o.id == id));
            Answer::Options(ids)
        }
        Kind::Grid { items, scale } => {
            let mut cells = std::collections::BTreeMap::new();
            for item in items {
                let i = rng.below(1 + scale.points.len() + usize::from(scale.no_clear_opinion.is_some()));
                if i == 0 {
                    continue; // this item skipped
                }
                let cell =
                    scale.points.get(i - 1).map_or(Cell::NoClearOpinion, |p| Cell::Option(p.id.clone()));
                cells.insert(item.id.clone(), cell);
            }
            Answer::Grid(cells)
        }
        Kind::Numeric { max, .. } => Answer::Number(rng.below(*max as usize + 1) as u32),
        Kind::Text { .. } => Answer::Text("some text".into()),
        Kind::Ordering { options, top } => {
            let mut ids: Vec<_> = options.iter().map(|o| o.id.clone()).collect();
            rng.shuffle(&mut ids);
            if let Some(k) = top {
                ids.truncate(1 + rng.below(*k as usize));
            }
            Answer::Order(ids)
        }
        // A few countries, so that groups have several members.
        Kind::Country => Answer::Country(COUNTRIES[rng.below(12) * 16].code.into()),
        Kind::List { .. } => Answer::List(vec!["entry".into()]),
    };
    answers::check(q, &a).is_ok().then_some(a)
}

fn random_records(def: &Definition, seed: u64, n: usize) -> Vec<Record> {
    let mut rng = Rng(seed | 1);
    (0..n)
        .map(|i| {
            let table = 1 + rng.below(4) as u32;
            let mut r = Record::new(def, "ev", table, &format!("{i:016x}"), "en", 1_700_000_000);
            for (_, q) in def.items(RecordKind::Participant) {
                if let Some(a) = answer(q, &mut rng) {
                    r.answers.insert(q.id.clone(), a);
                }
            }
            r
        })
        .collect()
}

/// Everything this module computes on `records`, as JSON.
fn all_json(def: &Definition, records: &[Record]) -> Vec<String> {
    let mut out = vec![serde_json::to_string(&tally(def, records)).unwrap_or_default()];
    for (by, q) in [
        ("age_band", "ai_domains"),
        ("regional_group", "ai_policy_understanding"),
        ("table", "data_models_ranking"),
    ] {
        let b = breakdown(def, records, by, &q.into()).map_err(|e| e.to_string());
        out.push(serde_json::to_string(&b.ok()).unwrap_or_default());
    }
    let c = change(def, records, &"knowledge_start".into(), &"knowledge_end".into()).ok();
    out.push(serde_json::to_string(&c).unwrap_or_default());
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn record_order_does_not_change_the_json(seed in any::<u64>(), n in 0usize..25, shuffle in any::<u64>()) {
        let def = parse_definition(crate::DEFAULT_DAY).unwrap();
        let records = random_records(&def, seed, n);
        let mut shuffled = records.clone();
        Rng(shuffle | 1).shuffle(&mut shuffled);
        let before = all_json(&def, &records);
        prop_assert!(before.iter().all(|j| j != "null" && !j.is_empty()), "every result computes");
        prop_assert_eq!(before, all_json(&def, &shuffled));
    }
}

/// An answer to `q` that may or may not fit it: a valid one, or one bent out of shape.
fn maybe_misfit(q: &Question, rng: &mut Rng) -> Answer {
    let valid = answer(q, rng).unwrap_or(Answer::NoClearOpinion);
    let s = |x: &str| crate::core::text::OptionId::from(x);
    match (rng.below(12), valid) {
        (0, _) => Answer::NoClearOpinion,
        (1, _) => Answer::Option(s("nope")),
        (2, _) => Answer::Order(vec![]),
        (3, Answer::Order(mut o)) | (3, Answer::Options(mut o)) => {
            if let Some(first) = o.first().cloned() {
                o.push(first);
            }
            Answer::Order(o)
        }
        (4, Answer::Options(mut o)) => {
            o.push(s("nope"));
            Answer::Options(o)
        }
        (5, Answer::Grid(mut cells)) => {
            cells.insert("nope".into(), Cell::NoClearOpinion);
            Answer::Grid(cells)
        }
        (6, Answer::Grid(mut cells)) => {
            if let Some(c) = cells.values_mut().next() {
                *c = if rng.below(2) == 0 { Cell::NoClearOpinion } else { Cell::Option(s("nope")) };
            }
            Answer::Grid(cells)
        }
        (7, Answer::Grid(_)) => Answer::Grid(Default::default()),
        (8, Answer::Country(c)) => Answer::Country(c.to_lowercase()),
        (9, Answer::Number(_)) => Answer::Number(rng.below(200) as u32),
        (10, Answer::Order(mut o)) => {
            o.pop();
            Answer::Order(o)
        }
        (11, _) => Answer::Options(vec![]),
        (_, a) => a,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// A record's answer reaches the counters (non-zero values in its region) exactly when it
    /// fits its question; a fitting answer packed in a share code reads back as the same values.
    #[test]
    fn counters_take_exactly_the_answers_that_fit(seed in any::<u64>()) {
        let def = parse_definition(crate::DEFAULT_DAY).unwrap();
        let mut rng = Rng(seed | 1);
        for kind in [RecordKind::Participant, RecordKind::Table] {
            let layout = Layout::of(&def, kind);
            let (mut buf, mut packed_buf) = (layout.buffer(), layout.buffer());
            for (i, (_, q)) in def.items(kind).enumerate() {
                for _ in 0..8 {
                    let a = maybe_misfit(q, &mut rng);
                    let mut r = Record::new(&def, "ev", 1, "0123456789abcdef", "en", 1_600_000_000).with_kind(kind);
                    r.answers.insert(q.id.clone(), a.clone());
                    r.read(&layout, &mut buf);
                    let fits = answers::check(q, &a).is_ok();
                    prop_assert_eq!(buf[layout.region(i)][0] != 0 || buf[layout.region(i)].iter().any(|&v| v != 0), fits, "{}: {:?}", q.id, a);
                    prop_assert!(buf.iter().enumerate().all(|(at, &v)| v == 0 || layout.region(i).contains(&at)));
                    if fits {
                        let p = Packed::from_record(&r, &def).unwrap();
                        p.read(&layout, &mut packed_buf);
                        prop_assert_eq!(&packed_buf, &buf, "{}: {:?}", q.id, a);
                    }
                }
            }
        }
    }
}
