//! Deterministic zip archives: the same files give the same bytes on any device and at any
//! time.
//!
//! Every entry is deflated at one fixed level, dated 1980-01-01 00:00:00 (the zip epoch; no
//! clock is read), marked as made on Unix with permissions `rw-r--r--`, and written in the
//! order given. An entry switches to ZIP64 only when it must (4 GiB and more), which depends on
//! its size alone.

use std::io::{self, Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

/// The deflate level of every entry. On these repetitive tables level 3 is about three times
/// as fast as the default level 6 for files 7% larger (level 1: twice as large again).
const LEVEL: i64 = 3;

fn options(large: bool) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .last_modified_time(DateTime::default())
        .system(System::Unix)
        .unix_permissions(0o644)
        .large_file(large)
}

/// A zip of `files` (name, contents), in that order, deflated; see the module doc for what
/// makes it deterministic. Names are used as given (use `/` for folders).
pub fn zip_files(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    zip_with(&names, |i, out| out.write_all(&files[i].1)).unwrap_or_default()
}

/// A zip of one entry per name, entry `i` written by `write(i, entry)` as it is compressed, so
/// that no uncompressed file needs to be held in memory. `write` must write the same bytes when
/// called again for the same entry (it is, should the entry need ZIP64).
pub(crate) fn zip_with(
    names: &[&str],
    mut write: impl FnMut(usize, &mut dyn Write) -> io::Result<()>,
) -> io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (i, name) in names.iter().enumerate() {
        zip.start_file(*name, options(false))?;
        if write(i, &mut NoFlush(&mut zip)).is_err() {
            // Over 4 GiB the writer drops the entry: write it again as ZIP64.
            if zip.is_writing_file() {
                zip.abort_file()?;
            }
            zip.start_file(*name, options(true))?;
            write(i, &mut NoFlush(&mut zip))?;
        }
    }
    let cursor = zip.finish()?;
    let end = cursor.position() as usize;
    let mut bytes = cursor.into_inner();
    // An entry written twice may leave bytes behind the end.
    bytes.truncate(end);
    Ok(bytes)
}

/// An entry being written, deaf to `flush`: a flush would end a deflate block early (a sync
/// flush), so the compressed bytes would depend on when writers flush rather than on the data.
struct NoFlush<'a, W: Write>(&'a mut W);

impl<W: Write> Write for NoFlush<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
