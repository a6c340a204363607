//! Charts of results as self-contained SVG, drawn the way the 2020 "We, the Internet" global
//! report drew them, each with the table of its numbers for screen readers and CSV.
//!
//! A [`Chart`] is a title, a subtitle that carries N, a [`ChartBody`] and a [`DataTable`]:
//!
//! - [`Stacked`]: 100% stacked horizontal bars, segments in scale order and "no clear opinion"
//!   last (a single choice or scale question: one bar; a grid: a bar per item; a breakdown: a
//!   bar per group; before / after: two bars per item).
//! - [`Ranked`]: horizontal bars sorted by value (% choosing each option of a multiple choice,
//!   % placing an option first, a mean on 0-8...).
//! - [`Columns`]: a column per value of a numeric 0..max question.
//!
//! [`Chart::svg`] draws it: SVG 1.1 with a `viewBox` and no pixel size, so it fills its
//! container from a 360 px phone to a shared 1280 px screen (the smallest text is 19 viewBox
//! units of 600, 11.4 px at 360 px; [`Chart::svg_wide`] lays the same out 960 wide for landscape
//! screens); labels sit above their bars; `role="img"` with a `<title>`
//! and a `<desc>` that says every number. [`Chart::table_html`] gives the same numbers as an
//! HTML table. Output is deterministic: the same chart gives the same bytes.
//! [`question_chart`], [`change_chart`], [`before_after_chart`] and [`breakdown_chart`] make
//! charts from the tallies of [`crate::core::tally`]; [`ranked_chart`] makes a ranked list of
//! anything. `docs/charts.md` describes the charts and the palette.

pub mod fmt;
mod from_breakdown;
mod from_change;
mod from_tally;
pub mod palette;
mod svg;
mod table;

#[cfg(test)]
mod preview;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod xml_check;

pub use fmt::escape;
pub use from_breakdown::breakdown_chart;
pub use from_change::{before_after_chart, change_chart};
pub use from_tally::question_chart;
pub use table::{DataTable, TableCell};

/// One answer category of a stacked chart, with its colour (`#rrggbb`).
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub label: String,
    pub color: String,
}

/// 100% stacked bars: rows (an item, a group), each with one or more bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Stacked {
    /// In drawing order: scale points or options, then "no clear opinion".
    pub categories: Vec<Category>,
    pub rows: Vec<StackRow>,
    /// Print each bar's N by its label (when bars have different N: grid items, groups).
    pub each_n: bool,
}

/// A row of a stacked chart: a label above one or more bars.
#[derive(Clone, Debug, PartialEq)]
pub struct StackRow {
    /// Empty for the one bar of a single question.
    pub label: String,
    pub bars: Vec<StackBar>,
}

/// One 100% bar.
#[derive(Clone, Debug, PartialEq)]
pub struct StackBar {
    /// Shown above the bar when a row has several bars ("At the start", a group).
    pub label: Option<String>,
    /// The base of the percentages: valid answers, no clear opinion included.
    pub n: u64,
    /// Answers per category, in the order of [`Stacked::categories`].
    pub counts: Vec<u64>,
}

/// Horizontal bars sorted by value.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// The value of a full-width bar (100 for percentages, 8 for a 0-8 mean).
    pub max: f64,
    pub rows: Vec<RankRow>,
}

/// A row of a ranked chart: a label above one or more bars.
#[derive(Clone, Debug, PartialEq)]
pub struct RankRow {
    pub label: String,
    pub bars: Vec<RankBar>,
}

/// One bar of a ranked chart.
#[derive(Clone, Debug, PartialEq)]
pub struct RankBar {
    /// Shown above the bar when a row has several bars (a group).
    pub label: Option<String>,
    pub value: f64,
    /// The value as printed at the end of the bar (`48%`, `6.2`).
    pub display: String,
    /// The base of the value, printed by the label when given (a group's N).
    pub n: Option<u64>,
}

/// Columns over the values of a numeric question.
#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    /// The value of a full-height column.
    pub max: f64,
    pub columns: Vec<Column>,
    /// What the first and the last value mean ("not at all", "very well").
    pub start_label: String,
    pub end_label: String,
}

/// One column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Under the column (`0`, `1`...).
    pub label: String,
    pub value: f64,
    /// Above the column when it fits (`12%`).
    pub display: String,
}

/// What a chart draws.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartBody {
    Stacked(Stacked),
    Ranked(Ranked),
    Columns(Columns),
}

/// A chart: a title, a subtitle with its N, what it draws, and its numbers as a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Names the chart in element ids and file names (letters, digits, `-`, `_` are kept).
    pub id: String,
    pub title: String,
    /// Says N ("N = 4,503 valid answers") and anything else the reader needs.
    pub subtitle: String,
    pub body: ChartBody,
    /// The numbers, for screen readers, a "show as table" toggle and CSV.
    pub data: DataTable,
}

impl Chart {
    /// The chart as a standalone SVG 1.1 document (no XML declaration, so that it can also be
    /// inserted into HTML as it is), laid out 600 units wide: for phones, pages and print.
    pub fn svg(&self) -> String {
        svg::render(self, svg::WIDTH)
    }

    /// The same, laid out 960 units wide with the same text sizes: for a landscape screen
    /// (a shared Zoom screen, a slide), where it is shorter than [`Chart::svg`] and so fits
    /// more of a chart on the screen. Below about 580 px wide, use [`Chart::svg`].
    pub fn svg_wide(&self) -> String {
        svg::render(self, svg::WIDE)
    }

    /// The chart's numbers.
    pub fn table(&self) -> &DataTable {
        &self.data
    }

    /// The chart's numbers as an HTML `<table>`.
    pub fn table_html(&self) -> String {
        self.data.to_html()
    }

    /// A file name for the SVG: the id with anything but `a-z 0-9 - _` replaced, and `.svg`.
    pub fn file_name(&self) -> String {
        format!("{}.svg", svg::safe_id(&self.id))
    }
}

/// The caption of a chart's table: its title and subtitle.
pub fn caption(title: &str, subtitle: &str) -> String {
    if subtitle.is_empty() { title.to_string() } else { format!("{title} ({subtitle})") }
}

/// A ranked list: one bar per `(label, value, display)`, sorted by value, highest first (ties
/// keep the given order). `max` is the value of a full-width bar: 100 for percentages, 8 for a
/// mean on 0-8. The subtitle should say N. The table has the columns "Item" and "Value" (two
/// decimals); replace [`Chart::data`] for other headers.
pub fn ranked_chart(
    id: &str,
    title: &str,
    subtitle: &str,
    max: f64,
    rows: &[(String, f64, String)],
) -> Chart {
    let mut sorted: Vec<&(String, f64, String)> = rows.iter().collect();
    sorted.sort_by(|a, b| b.1.total_cmp(&a.1));
    let ranked = Ranked {
        max,
        rows: sorted
            .iter()
            .map(|(label, value, display)| RankRow {
                label: label.clone(),
                bars: vec![RankBar { label: None, value: *value, display: display.clone(), n: None }],
            })
            .collect(),
    };
    let data = table::ranked_table(&caption(title, subtitle), &ranked, ["Item", "Value"], None, 2);
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        subtitle: subtitle.to_string(),
        body: ChartBody::Ranked(ranked),
        data,
    }
}
