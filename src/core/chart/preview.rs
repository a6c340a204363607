//! Writes sample charts of the default day to `target/charts-preview/` (one `.svg` per chart and
//! an `index.html` with every chart and its table), from a reproducible sample day
//! ([`crate::core::sample`]). Run `cargo test --lib chart::preview` and open the index, or render a
//! chart with `chromium --headless --screenshot`.

use std::path::PathBuf;

use super::{Chart, before_after_chart, breakdown_chart, change_chart, question_chart, ranked_chart};
use crate::core::definition::Definition;
use crate::core::parse::parse_definition;
use crate::core::record::Record;
use crate::core::sample::{self, Spec};
use crate::core::tally::{breakdown, change, tally};

/// A sample day of `n` participants (and their tables) for `def`: answers lean one way or
/// another per question, so the charts look like real ones.
pub(super) fn records(def: &Definition, seed: u64, n: usize) -> Vec<Record> {
    sample::day(def, &Spec { seed, participants: n, events: 1, table_size: 6, text: true })
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
