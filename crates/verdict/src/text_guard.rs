//! What the CSV parser reads through: it stops at bytes no inventory holds
//! (NUL, as in a binary file or `/dev/zero`) and at a row that never ends,
//! so that no input costs more than one row of memory, and it counts line
//! breaks, so that rows are reported at their exact line whatever the file's
//! line endings.

use std::collections::VecDeque;
use std::io::{self, Read};

use crate::inventory::NotAnInventory;

/// A UTF-8 byte order mark, which spreadsheets write at the start of a CSV.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) struct TextGuard<R> {
    inner: R,
    /// Bytes handed to the parser so far (after any BOM).
    offset: u64,
    /// Offsets of the line breaks handed out but not yet counted in `lines_before`.
    breaks: VecDeque<u64>,
    /// Line breaks before the first of `breaks`.
    counted: u64,
    /// The parser may not read beyond this offset: the current row's start
    /// plus the longest row and the parser's read-ahead.
    limit: u64,
    /// The longest row accepted.
    max_row_bytes: u64,
    /// Bytes a row may take beyond its start before it is refused: the
    /// longest row plus what the parser reads ahead of it.
    allowance: u64,
    at_start: bool,
    /// The first bytes, read to look for a BOM, when they are not one.
    pending: Vec<u8>,
}

impl<R: Read> TextGuard<R> {
    pub(crate) fn new(inner: R, max_row_bytes: u64, read_ahead: u64) -> Self {
        let allowance = max_row_bytes + read_ahead;
        Self {
            inner,
            offset: 0,
            breaks: VecDeque::new(),
            counted: 0,
            limit: allowance,
            max_row_bytes,
            allowance,
            at_start: true,
            pending: Vec::new(),
        }
    }

    /// The 1-based line of byte `offset`. Offsets must not go backwards from
    /// one call to the next.
    pub(crate) fn line_of(&mut self, offset: u64) -> u64 {
        while self.breaks.front().is_some_and(|&at| at < offset) {
            self.breaks.pop_front();
            self.counted += 1;
        }
        self.counted + 1
    }

    /// A row starts at `offset`: it may take the allowance from there.
    pub(crate) fn row_starts_at(&mut self, offset: u64) {
        self.limit = offset.saturating_add(self.allowance);
    }

    fn strip_bom(&mut self) -> io::Result<Vec<u8>> {
        let mut start = Vec::with_capacity(BOM.len());
        (&mut self.inner)
            .take(BOM.len() as u64)
            .read_to_end(&mut start)?;
        if start == BOM {
            start.clear();
        }
        Ok(start)
    }

    fn refuse(&mut self, line_offset: u64, message: String, help: &str) -> io::Error {
        let line = self.line_of(line_offset);
        io::Error::new(
            io::ErrorKind::InvalidData,
            NotAnInventory::at(line, message, help),
        )
    }
}

impl<R: Read> Read for TextGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let room = usize::try_from(self.limit.saturating_sub(self.offset)).unwrap_or(usize::MAX);
        if room == 0 {
            let row_start = self.limit - self.allowance;
            return Err(self.refuse(
                // The line break that ended the previous row may be the first byte.
                row_start + 1,
                format!(
                    "this row is longer than {} KiB, which no inventory row needs",
                    self.max_row_bytes / 1024
                ),
                "check that this is the inventory CSV; a quote (\") that is never closed makes the rest of the file one field",
            ));
        }
        let wanted = buf.len().min(room);
        if self.at_start {
            self.at_start = false;
            self.pending = self.strip_bom()?;
            // Spreadsheets' "Unicode text" export: NUL bytes everywhere,
            // but not a binary file, and easy to save again.
            if self.pending.starts_with(b"\xFF\xFE") || self.pending.starts_with(b"\xFE\xFF") {
                return Err(self.refuse(
                    0,
                    "this file is UTF-16 text; an inventory is UTF-8".into(),
                    "save it again as CSV in UTF-8 (spreadsheets call it \"CSV UTF-8\")",
                ));
            }
        }
        let read = if self.pending.is_empty() {
            self.inner.read(&mut buf[..wanted])?
        } else {
            let n = self.pending.len().min(wanted);
            buf[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
            n
        };
        let chunk = &buf[..read];
        for (index, &byte) in chunk.iter().enumerate() {
            let at = self.offset + index as u64;
            match byte {
                b'\n' => self.breaks.push_back(at),
                0 => {
                    return Err(self.refuse(
                        at,
                        "this is not a CSV file: it holds NUL bytes, as binary files do".into(),
                        "export the inventory as CSV: text, one machine per line",
                    ));
                }
                _ => {}
            }
        }
        self.offset += read as u64;
        Ok(read)
    }
}
