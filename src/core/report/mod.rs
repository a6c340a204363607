//! The report: every result as charts, session by session, in the order the day asked the
//! questions. The results page shows it, the presenter walks through it one chart a screen, and
//! the exports write it out (every chart as SVG, every chart's table as CSV, and one printable
//! HTML page).

use super::chart::{self, Chart, DataTable, TableCell, caption, ranked_chart};
use super::definition::{Definition, Kind, Question};
use super::ranking::report::Outcome;
use super::results::{GroupRanking, Results, WorksheetResult, WorksheetTally};
use super::text::QuestionId;

pub mod html;

/// A session's charts.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The session's id.
    pub session: String,
    pub title: String,
    pub charts: Vec<Chart>,
    /// Results with nothing to draw (free text, lists): a line each.
    pub notes: Vec<String>,
}

/// Every section, in the day's order.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub sections: Vec<Section>,
}

impl Report {
    /// Every chart, in order.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        self.sections.iter().flat_map(|s| s.charts.iter())
    }

    /// `charts/ID.svg` and `tables/ID.csv` for every chart, in order.
    pub fn files(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for c in self.charts() {
            out.push((format!("charts/{}", c.file_name()), c.svg().into_bytes()));
        }
        for c in self.charts() {
            let name = c.file_name();
            let stem = name.trim_end_matches(".svg");
            out.push((format!("tables/{stem}.csv"), c.table().to_csv().into_bytes()));
        }
        out
    }
}

/// The words a worksheet's chart needs, in `lang`.
fn title(q: &Question, lang: &str) -> String {
    q.text.get(lang).to_string()
}

/// Builds the report of `results` in `lang`.
pub fn build(def: &Definition, results: &Results, lang: &str) -> Report {
    let tally_of = |id: &QuestionId| results.questions.iter().find(|t| &t.question == id).map(|t| &t.tally);
    let sections = def
        .sessions
        .iter()
        .map(|session| {
            let mut charts = Vec::new();
            let mut notes = Vec::new();
            for q in &session.questions {
                let Some(tally) = tally_of(&q.id) else { continue };
                match chart::question_chart(def, q, tally, lang) {
                    Some(c) => charts.push(c),
                    None => notes.push(format!(
                        "{}: {} answers (free text: see the data export)",
                        title(q, lang),
                        tally.n()
                    )),
                }
                if let Some(change) = results.changes.iter().find(|c| c.after == q.id) {
                    charts.push(chart::change_chart(def, change, lang));
                }
            }
            for w in &session.worksheets {
                let Some(result) = results.worksheets.iter().find(|r| r.worksheet == w.id) else { continue };
                match worksheet_chart(def, w, result, lang) {
                    Some(c) => charts.push(c),
                    None => notes.push(worksheet_note(w, result, lang)),
                }
            }
            Section {
                session: session.id.to_string(),
                title: session.title.get(lang).to_string(),
                charts,
                notes,
            }
        })
        .filter(|s| !s.charts.is_empty() || !s.notes.is_empty())
        .collect();
    Report { sections }
}

fn worksheet_note(w: &Question, r: &WorksheetResult, lang: &str) -> String {
    match &r.result {
        WorksheetTally::List(l) => format!(
            "Tables' lists, {}: {} entries from {} tables (see the data export)",
            title(w, lang),
            l.entries,
            l.n
        ),
        _ => format!("Tables, {}: {} tables answered", title(w, lang), r.groups),
    }
}

/// A table worksheet's chart: orderings as the share of tables placing each option first,
/// with mean rank and the consensus order in its table; grids and choices as for participants.
fn worksheet_chart(def: &Definition, w: &Question, r: &WorksheetResult, lang: &str) -> Option<Chart> {
    match &r.result {
        WorksheetTally::Ordering(g) => Some(ordering_chart(w, g, lang)),
        WorksheetTally::List(_) => None,
        WorksheetTally::Other(t) => {
            let mut c = chart::question_chart(def, w, t, lang)?;
            c.id = format!("tables-{}", c.id);
            c.title = format!("Tables: {}", c.title);
            Some(c)
        }
    }
}

fn ordering_chart(w: &Question, g: &GroupRanking, lang: &str) -> Chart {
    let Kind::Ordering { options, .. } = &w.kind else {
        return ranked_chart(w.id.as_str(), &title(w, lang), "", 100.0, &[]);
    };
    let label = |id: &super::text::OptionId| {
        options.iter().find(|o| &o.id == id).map_or_else(|| id.to_string(), |o| o.label.get(lang).to_string())
    };
    let consensus: Vec<super::text::OptionId> = match &g.consensus {
        Some(Outcome::Done(c)) => c.order.clone(),
        _ => Vec::new(),
    };
    let rows: Vec<(String, f64, String)> = g
        .options
        .iter()
        .map(|o| {
            let p = o.percent_first.unwrap_or(0.0);
            (label(&o.id), p, format!("{}%", p.round()))
        })
        .collect();
    let title = format!("Tables: {}", title(w, lang));
    let subtitle = format!("% of tables placing each option first. N = {} tables", chart::fmt::count(g.n));
    let mut c = ranked_chart(&format!("tables-{}", w.id), &title, &subtitle, 100.0, &rows);
    let mut table_rows: Vec<(usize, Vec<TableCell>)> = g
        .options
        .iter()
        .map(|o| {
            let place = consensus.iter().position(|c| c == &o.id);
            (
                place.unwrap_or(usize::MAX),
                vec![
                    TableCell::text(label(&o.id)),
                    place.map_or(TableCell::Empty, |p| TableCell::count(p as u64 + 1)),
                    TableCell::count(o.first),
                    TableCell::number(o.percent_first, 1),
                    TableCell::number(o.mean_rank, 2),
                ],
            )
        })
        .collect();
    table_rows.sort_by_key(|(p, _)| *p);
    c.data = DataTable {
        caption: caption(&title, &subtitle),
        columns: ["Option", "Consensus place", "Tables placing it first", "% of tables", "Mean rank"]
            .map(String::from)
            .to_vec(),
        rows: table_rows.into_iter().map(|(_, r)| r).collect(),
    };
    c
}

#[cfg(test)]
mod tests;
