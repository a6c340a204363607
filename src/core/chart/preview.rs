//! Writes sample charts of the default day to `target/charts-preview/` (one `.svg` per chart and
//! an `index.html` with every chart and its table), from reproducible random answers with a
//! leaning per question. Run `cargo test --lib chart::preview` and open the index, or render a
//! chart with `chromium --headless --screenshot`.

use std::path::PathBuf;

use super::{Chart, before_after_chart, breakdown_chart, change_chart, question_chart, ranked_chart};
use crate::core::answers::{self, Answer, Cell};
use crate::core::countries::COUNTRIES;
use crate::core::definition::{Definition, Kind, Question, RecordKind};
use crate::core::parse::parse_definition;
use crate::core::record::Record;
use crate::core::tally::{breakdown, change, tally};
use crate::core::testkit::Rng;
use crate::core::text::OptionId;

/// Index `0..k`, leaning towards some values in a way fixed by the question and the salt.
fn leaning(rng: &mut Rng, k: usize, q: &Question, salt: usize) -> usize {
    let seed = q.id.as_str().bytes().fold(salt as u64 + 7, |h, b| h.wrapping_mul(31).wrapping_add(b as u64));
    let weights: Vec<u64> = (0..k).map(|i| 1 + (seed.wrapping_mul(i as u64 + 3) >> 5) % 9).collect();
    let mut r = rng.below(weights.iter().sum::<u64>() as usize) as u64;
    for (i, w) in weights.iter().enumerate() {
        if r < *w {
            return i;
        }
        r -= w;
    }
    k - 1
}

fn answer(q: &Question, rng: &mut Rng) -> Option<Answer> {
    if rng.below(12) == 0 {
        return None;
    }
    let pick = |rng: &mut Rng, ids: &[OptionId], nco: bool| {
        let i = leaning(rng, ids.len() + usize::from(nco), q, 0);
        ids.get(i).map_or(Answer::NoClearOpinion, |o| Answer::Option(o.clone()))
    };
    let a = match &q.kind {
        Kind::SingleChoice { .. } | Kind::YesNo { .. } | Kind::Scale { .. } => {
            pick(rng, &q.kind.option_ids(), q.kind.offers_no_clear_opinion())
        }
        Kind::MultipleChoice { options, max } => {
            let mut ids: Vec<OptionId> = options
                .iter()
                .enumerate()
                .filter(|(i, _)| leaning(rng, 3, q, *i) > 0)
                .map(|(_, o)| o.id.clone())
                .collect();
            ids.truncate(max.map_or(ids.len(), |m| m as usize).max(1));
            if ids.is_empty() {
                ids.push(options[0].id.clone());
            }
            Answer::Options(ids)
        }
        Kind::Grid { items, scale } => {
            let nco = usize::from(scale.no_clear_opinion.is_some());
            let mut cells = std::collections::BTreeMap::new();
            for (n, item) in items.iter().enumerate() {
                if rng.below(15) == 0 {
                    continue;
                }
                let i = leaning(rng, scale.points.len() + nco, q, n);
                let cell = scale.points.get(i).map_or(Cell::NoClearOpinion, |p| Cell::Option(p.id.clone()));
                cells.insert(item.id.clone(), cell);
            }
            Answer::Grid(cells)
        }
        Kind::Numeric { max, .. } => Answer::Number(leaning(rng, *max as usize + 1, q, 0) as u32),
        Kind::Ordering { options, top } => {
            let mut ids: Vec<(usize, OptionId)> = options
                .iter()
                .enumerate()
                .map(|(i, o)| (i * 2 + rng.below(options.len() * 2), o.id.clone()))
                .collect();
            ids.sort();
            let mut ids: Vec<OptionId> = ids.into_iter().map(|(_, o)| o).collect();
            if let Some(k) = top {
                ids.truncate(*k as usize);
            }
            Answer::Order(ids)
        }
        Kind::Country => Answer::Country(
            COUNTRIES[[0, 23, 24, 35, 50, 77, 78, 110, 140, 150, 160, 185][rng.below(12)]].code.into(),
        ),
        Kind::Text { .. } => Answer::Text("text".into()),
        Kind::List { .. } => Answer::List(vec!["entry".into()]),
    };
    answers::check(q, &a).is_ok().then_some(a)
}

pub(super) fn records(def: &Definition, seed: u64, n: usize) -> Vec<Record> {
    let mut rng = Rng(seed | 1);
    (0..n)
        .map(|i| {
            let table = 1 + rng.below(6) as u32;
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

/// Every chart of the default day for `records`: one per question, a few breakdowns, the
/// before / after pairs and a generic ranked list.
pub(super) fn sample_charts(def: &Definition, records: &[Record]) -> Vec<Chart> {
    let t = tally(def, records);
    let mut charts: Vec<Chart> =
        def.questions().filter_map(|(_, q)| question_chart(def, q, t.get(q.id.as_str())?, "en")).collect();
    for (by, q) in [
        ("regional_group", "internet_opportunity_threat"),
        ("age_band", "ai_domains"),
        ("gender", "covid_use_how"),
        ("area", "ai_policy_understanding"),
        ("table", "data_models_ranking"),
        ("country", "dialogues_normal"),
    ] {
        if let Ok(b) = breakdown(def, records, by, &q.into()) {
            charts.extend(breakdown_chart(def, &b, "en"));
        }
    }
    if let Ok(c) = change(def, records, &"knowledge_start".into(), &"knowledge_end".into()) {
        charts.push(change_chart(def, &c, "en"));
    }
    let (b, a) = ("confidence_actors_start", "confidence_actors_end");
    if let (Some(qb), Some(qa), Some(tb), Some(ta)) =
        (def.question(&b.into()), def.question(&a.into()), t.get(b), t.get(a))
    {
        charts.extend(before_after_chart(def, (qb, tb), (qa, ta), "en"));
    }
    let rows: Vec<(String, f64, String)> =
        [("Citizens like you", 6.4), ("The United Nations", 5.1), ("Companies (private sector)", 3.9)]
            .iter()
            .map(|(l, v)| (l.to_string(), *v, format!("{v:.1}")))
            .collect();
    charts.push(ranked_chart(
        "importance-example",
        "Importance in decision-making (0-8)",
        "Mean of 12 tables; N = 12 tables",
        8.0,
        &rows,
    ));
    charts
}

fn out_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("charts-preview")
}

#[test]
fn write_previews() {
    let def = parse_definition(crate::DEFAULT_DAY).unwrap();
    let records = records(&def, 2020, 240);
    let charts = sample_charts(&def, &records);
    let dir = out_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut index = String::from(
        "<!doctype html><meta charset=\"utf-8\"><title>Charts</title>\
         <style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1280px;padding:8px}\
         figure{margin:0 0 32px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}\
         td.num{text-align:right}</style>\n",
    );
    for c in &charts {
        std::fs::write(dir.join(c.file_name()), c.svg()).unwrap();
        std::fs::write(dir.join(c.file_name().replace(".svg", "-wide.svg")), c.svg_wide()).unwrap();
        index.push_str(&format!(
            "<figure>{}<details><summary>Table</summary>{}</details></figure>\n",
            c.svg(),
            c.table_html()
        ));
    }
    std::fs::write(dir.join("index.html"), index).unwrap();
    assert!(charts.len() > 40, "{} charts", charts.len());
}
