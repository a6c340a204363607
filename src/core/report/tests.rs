//! Tests of the report: every result of a sample day has its chart or its note, table
//! worksheets carry the consensus, files are named once each, and the printable page stands
//! alone.

use std::collections::BTreeSet;

use super::*;
use crate::core::definition::RecordKind;
use crate::core::parse::parse_definition;
use crate::core::results::{Filter, results};
use crate::core::sample::{self, Spec};

fn day() -> Definition {
    parse_definition(crate::DEFAULT_DAY).expect("the default day parses")
}

fn sample_report() -> (Definition, Results, Report) {
    let def = day();
    let records = sample::day(&def, &Spec { participants: 90, events: 2, ..Spec::default() });
    let res = results(&def, &records, &Filter::default());
    let report = build(&def, &res, "en");
    (def, res, report)
}

#[test]
fn every_question_and_worksheet_is_reported() {
    let (def, _, report) = sample_report();
    let charts: Vec<&Chart> = report.charts().collect();
    let notes: usize = report.sections.iter().map(|s| s.notes.len()).sum();
    let questions = def.items(RecordKind::Participant).count();
    let worksheets = def.items(RecordKind::Table).count();
    let pairs = def.repeated_pairs().count();
    assert_eq!(charts.len() + notes, questions + worksheets + pairs);
    // Free text and lists are notes, everything else a chart.
    let text_like = def
        .items(RecordKind::Participant)
        .chain(def.items(RecordKind::Table))
        .filter(|(_, q)| matches!(q.kind, Kind::Text { .. } | Kind::List { .. }))
        .count();
    assert_eq!(notes, text_like);
    // Sessions keep the day's order.
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    let day_titles: Vec<&str> = def.sessions.iter().map(|s| s.title.get("en")).collect();
    assert!(titles.iter().all(|t| day_titles.contains(t)));
    assert_eq!(titles.first(), day_titles.first());
}

#[test]
fn chart_files_are_named_once_each() {
    let (_, _, report) = sample_report();
    let files = report.files();
    let names: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), files.len());
    assert!(names.iter().all(|n| n.starts_with("charts/") || n.starts_with("tables/")));
    assert_eq!(files.iter().filter(|(n, _)| n.ends_with(".svg")).count(), report.charts().count());
}

#[test]
fn ordering_worksheets_show_first_places_and_the_consensus() {
    let (def, res, report) = sample_report();
    let w = def.worksheet(&"unesco_actions_order".into()).expect("worksheet");
    let chart = report.charts().find(|c| c.id == "tables-unesco_actions_order").expect("chart");
    assert!(
        chart.subtitle.contains(&format!("N = {} tables", res.tables)) || chart.subtitle.contains("N = ")
    );
    let table = chart.table();
    assert_eq!(table.columns[1], "Consensus place");
    let Kind::Ordering { options, .. } = &w.kind else { panic!("ordering") };
    assert_eq!(table.rows.len(), options.len());
    // Rows in consensus order: places 1, 2, 3...
    let places: Vec<String> = table.rows.iter().map(|r| r[1].display()).collect();
    let expected: Vec<String> = (1..=options.len()).map(|i| i.to_string()).collect();
    assert_eq!(places, expected);
}

#[test]
fn the_printable_page_stands_alone() {
    let (def, res, report) = sample_report();
    let page = html::printable(&def, &res, &report, "");
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains("@media print"));
    assert_eq!(page.matches("<figure>").count(), report.charts().count());
    // Nothing is fetched: no external URL but the SVG namespace.
    let without_ns = page.replace("http://www.w3.org/2000/svg", "");
    assert!(!without_ns.contains("http://") && !without_ns.contains("https://"));
    assert!(!page.contains("<script"));
    // Same results, same bytes.
    assert_eq!(page, html::printable(&def, &res, &build(&def, &res, "en"), ""));
}
