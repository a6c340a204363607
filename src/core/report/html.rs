//! The printable report: one self-contained HTML page with every chart and its table, for a
//! browser's "Print" or "Save as PDF". It loads nothing from anywhere (styles inline, charts
//! inline SVG), so it can be mailed, archived, or opened offline years later.

use super::Report;
use crate::core::chart::fmt::{count, escape};
use crate::core::definition::Definition;
use crate::core::results::Results;

const STYLE: &str = "\
body{font-family:system-ui,sans-serif;color:#111;margin:2rem auto;max-width:50rem;padding:0 1rem;line-height:1.4}\
h1{font-size:1.8rem}h2{font-size:1.4rem;border-bottom:2px solid #111;margin-top:2.5rem}\
figure{margin:1.5rem 0;break-inside:avoid;page-break-inside:avoid}figure svg{width:100%;height:auto}\
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{border:1px solid #999;padding:.2rem .4rem;text-align:left}\
td.num{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600}\
details{margin:.25rem 0}.meta{color:#333}\
@media print{body{margin:0;max-width:none}details{display:block}details>summary{display:none}\
details>*{display:block}h2{break-before:page}h2:first-of-type{break-before:auto}}";

/// The whole report as one HTML document. `filter` describes what the results are limited to
/// ("" when nothing is filtered).
pub fn printable(def: &Definition, results: &Results, report: &Report, filter: &str) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.push_str(&format!(
        "<title>Results: {}</title><style>{STYLE}</style></head><body>",
        escape(def.title.get("en"))
    ));
    out.push_str(&format!("<h1>Results: {}</h1>", escape(def.title.get("en"))));
    out.push_str(&format!(
        "<p class=\"meta\">{} participants and {} tables, from {} event{}. Questionnaire {} version {} ({}).{}</p>",
        count(results.participants),
        count(results.tables),
        results.events.len(),
        if results.events.len() == 1 { "" } else { "s" },
        escape(&def.id),
        escape(&def.version),
        escape(&def.hash),
        if filter.is_empty() { String::new() } else { format!(" Only {}.", escape(filter)) }
    ));
    for section in &report.sections {
        out.push_str(&format!("<h2>{}</h2>", escape(&section.title)));
        for c in &section.charts {
            out.push_str("<figure>");
            out.push_str(&c.svg());
            out.push_str("<details><summary>Show the numbers</summary>");
            out.push_str(&c.table_html());
            out.push_str("</details></figure>");
        }
        for n in &section.notes {
            out.push_str(&format!("<p>{}</p>", escape(n)));
        }
    }
    out.push_str("</body></html>\n");
    out
}
