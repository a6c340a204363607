//! Exports for analysts: CSV files that spreadsheets cannot turn into formulas, and the whole
//! dataset as a tidy Frictionless Data Package (zipped, byte-identical for the same inputs).
//!
//! - [`safe_cell`] neutralises a text cell that a spreadsheet would read as a formula (the
//!   OWASP rule: a leading `'` before `=`, `+`, `-`, `@`, tab or carriage return). Every text
//!   cell written here goes through it; numbers we write ourselves are written as numbers.
//! - [`table_csv`] writes any results table (a chart's data, a question's tally) as CSV.
//! - [`data_package`] writes the records as tidy tables (long answers of participants and of
//!   tables, a wide table of participants, the records, a codebook) with a `datapackage.json`;
//!   [`zip_files`] packs them into a deterministic zip, and [`data_package_zip`] does both
//!   without holding the uncompressed files in memory.
//!
//! CSV files are UTF-8 **without** a byte-order mark, comma-separated, `\n`-terminated, quoted
//! only where needed (RFC 4180 quoting). The format is documented in `docs/export-format.md`.
//! No file system, thread or clock is used: this runs the same in the browser.

use std::borrow::Cow;
use std::io::Write;

mod archive;
mod codebook;
mod package;
mod schema;
mod tidy;
mod wide;

#[cfg(test)]
mod tests;

pub use archive::zip_files;
pub use package::{
    CODEBOOK, DESCRIPTOR, PARTICIPANTS, PARTICIPANTS_WIDE, RECORDS, WORKSHEETS, data_package,
    data_package_zip,
};

/// The characters that make a spreadsheet read a cell as a formula when they come first.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `s` as a CSV text cell that no spreadsheet evaluates: a text beginning with `=`, `+`, `-`,
/// `@`, tab or carriage return gets a leading `'` (OWASP's advice for CSV injection); anything
/// else is returned unchanged (markup such as `<script>` is plain text in a CSV file).
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) { Cow::Owned(format!("'{s}")) } else { Cow::Borrowed(s) }
}

/// One cell of a results table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// No value (missing): an empty field.
    Empty,
    /// A text, written through [`safe_cell`].
    Text(String),
    /// A whole number, written as is.
    Int(i64),
    /// A number, written in Rust's shortest round-trip form (`12.5`, `0.1`, `3`); a NaN or
    /// infinity is written as empty.
    Number(f64),
    /// A number the caller formatted (`47.80`, fixed decimals), written as is.
    Formatted(String),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}

impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        i64::try_from(n).map_or(Cell::Number(n as f64), Cell::Int)
    }
}

impl From<f64> for Cell {
    fn from(x: f64) -> Cell {
        Cell::Number(x)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(v: Option<T>) -> Cell {
        v.map_or(Cell::Empty, Into::into)
    }
}

impl Cell {
    /// The field as written in the CSV file.
    fn field(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => safe_cell(s),
            Cell::Int(n) => Cow::Owned(n.to_string()),
            Cell::Number(x) if !x.is_finite() => Cow::Borrowed(""),
            // Negative zero is written as plain 0.
            Cell::Number(x) if *x == 0.0 => Cow::Borrowed("0"),
            Cell::Number(x) => Cow::Owned(x.to_string()),
            Cell::Formatted(s) => Cow::Borrowed(s),
        }
    }
}

/// A results table as CSV: the header (texts, through [`safe_cell`]) then one line per row.
/// A row shorter than the header is padded with empty cells.
pub fn table_csv(header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut w = csv_writer(Vec::new());
    let mut write = || -> csv::Result<()> {
        w.write_record(header.iter().map(|h| safe_cell(h).into_owned()))?;
        for row in rows {
            for cell in row {
                w.write_field(cell.field().as_bytes())?;
            }
            for _ in row.len()..header.len() {
                w.write_field("")?;
            }
            w.write_record(None::<&[u8]>)?;
        }
        Ok(())
    };
    // Writing to memory cannot fail, and every field is UTF-8 text.
    let _ = write();
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The one CSV dialect of every export: `,`, `"` quoting where needed, `\n` line ends.
pub(crate) fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 16)
        .from_writer(out)
}

/// `n` in decimal, without allocating.
pub(crate) fn int_field(n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}
