//! The table behind every chart: what a screen reader reads instead of the picture, what a
//! "show as table" toggle shows, and what a CSV export writes.
//!
//! A [`DataTable`] is a caption, column headers and rows of text or number cells. It renders
//! as an escaped HTML `<table>` (caption, `<th scope="col">` headers, the first cell of each
//! row a `<th scope="row">`) and as CSV (numbers without thousands separators; text that a
//! spreadsheet would take for a formula is prefixed with `'`).

use super::fmt::{escape, fixed, grouped};
use super::{Ranked, Stacked};
use crate::core::export;

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub enum TableCell {
    Text(String),
    /// A number shown with a fixed number of decimals.
    Number {
        value: f64,
        decimals: usize,
    },
    /// No value (a mean of no answers).
    Empty,
}

impl TableCell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> TableCell {
        TableCell::Text(s.into())
    }

    /// A count.
    pub fn count(n: u64) -> TableCell {
        TableCell::Number { value: n as f64, decimals: 0 }
    }

    /// A number with `decimals` decimals, or an empty cell for `None`.
    pub fn number(v: Option<f64>, decimals: usize) -> TableCell {
        v.map_or(TableCell::Empty, |value| TableCell::Number { value, decimals })
    }

    /// The cell as shown: numbers with thousands separators (`4,503`, `47.8`).
    pub fn display(&self) -> String {
        match self {
            TableCell::Text(s) => s.clone(),
            TableCell::Number { value, decimals } => grouped(*value, *decimals),
            TableCell::Empty => String::new(),
        }
    }
}

/// A chart's data as a table.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<TableCell>>,
}

impl DataTable {
    /// The table as HTML, every text escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::from("<table class=\"chart-table\">");
        out.push_str(&format!("<caption>{}</caption><thead><tr>", escape(&self.caption)));
        for c in &self.columns {
            out.push_str(&format!("<th scope=\"col\">{}</th>", escape(c)));
        }
        out.push_str("</tr></thead><tbody>");
        for row in &self.rows {
            out.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let text = escape(&cell.display());
                match (i, cell) {
                    (0, _) => out.push_str(&format!("<th scope=\"row\">{text}</th>")),
                    (_, TableCell::Number { .. }) => out.push_str(&format!("<td class=\"num\">{text}</td>")),
                    _ => out.push_str(&format!("<td>{text}</td>")),
                }
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table>");
        out
    }

    /// The table as CSV (header line, then the rows; `\n` line ends), written by
    /// [`export::table_csv`]: texts safe from formula injection, numbers plain (`4503`, `47.8`).
    pub fn to_csv(&self) -> String {
        let cell = |c: &TableCell| match c {
            TableCell::Text(s) => export::Cell::Text(s.clone()),
            TableCell::Number { value, decimals } => export::Cell::Formatted(fixed(*value, *decimals)),
            TableCell::Empty => export::Cell::Empty,
        };
        let rows: Vec<Vec<export::Cell>> = self.rows.iter().map(|r| r.iter().map(cell).collect()).collect();
        export::table_csv(&self.columns, &rows)
    }
}

/// The table of a stacked chart. One bar: a row per category (answer, count, %). Several: a
/// row per bar (row label, bar label when `bar_header` is given, N, then % per category).
pub fn stacked_table(caption: &str, s: &Stacked, row_header: &str, bar_header: Option<&str>) -> DataTable {
    let bars: Vec<_> = s.rows.iter().flat_map(|r| r.bars.iter().map(move |b| (r, b))).collect();
    if let [(_, bar)] = bars.as_slice() {
        let rows = s
            .categories
            .iter()
            .zip(&bar.counts)
            .map(|(c, &count)| {
                vec![
                    TableCell::text(c.label.as_str()),
                    TableCell::count(count),
                    TableCell::number(pct(count, bar.n), 1),
                ]
            })
            .collect();
        let columns = vec!["Answer".into(), "Count".into(), "%".into()];
        return DataTable { caption: caption.to_string(), columns, rows };
    }
    let mut columns = vec![row_header.to_string()];
    columns.extend(bar_header.map(str::to_string));
    columns.push("N".into());
    columns.extend(s.categories.iter().map(|c| format!("{} (%)", c.label)));
    let rows = bars
        .iter()
        .map(|(row, bar)| {
            let mut cells = vec![TableCell::text(row.label.as_str())];
            if bar_header.is_some() {
                cells.push(TableCell::text(bar.label.clone().unwrap_or_default()));
            }
            cells.push(TableCell::count(bar.n));
            cells.extend(bar.counts.iter().map(|&c| TableCell::number(pct(c, bar.n), 1)));
            cells
        })
        .collect();
    DataTable { caption: caption.to_string(), columns, rows }
}

/// The table of a ranked chart: row label, bar label when `bar_header` is given, the value.
pub fn ranked_table(
    caption: &str,
    r: &Ranked,
    headers: [&str; 2],
    bar_header: Option<&str>,
    decimals: usize,
) -> DataTable {
    let mut columns = vec![headers[0].to_string()];
    columns.extend(bar_header.map(str::to_string));
    columns.push(headers[1].to_string());
    let rows = r
        .rows
        .iter()
        .flat_map(|row| {
            row.bars.iter().map(move |bar| {
                let mut cells = vec![TableCell::text(row.label.as_str())];
                if bar_header.is_some() {
                    cells.push(TableCell::text(bar.label.clone().unwrap_or_default()));
                }
                cells.push(TableCell::number(Some(bar.value), decimals));
                cells
            })
        })
        .collect();
    DataTable { caption: caption.to_string(), columns, rows }
}

/// `100 * count / n`, `None` for `n = 0`.
pub fn pct(count: u64, n: u64) -> Option<f64> {
    (n > 0).then(|| 100.0 * count as f64 / n as f64)
}
