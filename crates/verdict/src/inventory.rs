//! An inventory of machines as CSV: one machine per row, one answer per
//! column. It is read as a stream, one row at a time, so a fleet of any size
//! takes the memory of one row; input that is no inventory at all (empty,
//! binary, a row that never ends, more rows than allowed) stops the reading
//! with the line where it was seen.

use std::fmt;
use std::io::Read;

use std::collections::BTreeMap;

use serde::Serialize;
use technote_rules::Check;

use crate::answers::{answers_from_fields, field_names};
use crate::text_guard::TextGuard;

/// Columns that name the machine rather than answer a question.
const NAME_COLUMNS: [&str; 3] = ["machine", "name", "host"];

/// Rows read before the input is taken for something else than a fleet;
/// the largest Campaign fleets have thousands of machines.
pub const DEFAULT_MAX_ROWS: u64 = 1_000_000;

/// The longest row accepted; a machine's answers take well under 1 KiB.
const MAX_ROW_BYTES: u64 = 64 * 1024;

/// How much the CSV parser reads ahead of the row it parses.
const READ_AHEAD: usize = 8 * 1024;

#[derive(Debug, Clone)]
pub struct InventoryRow {
    /// 1-based line of the row in the file.
    pub line: u64,
    pub machine: Option<String>,
    /// By input name, as [`answers_from_fields`] reads them.
    pub answers: BTreeMap<String, String>,
}

/// A row, column or file that could not be read as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InventoryProblem {
    /// 1-based line, when the problem is one row's.
    pub line: Option<u64>,
    pub message: String,
    /// A problem of the file's shape that leaves every row checkable.
    pub warning: bool,
}

/// One step through the inventory: a machine to check, or a row that
/// cannot be checked (reported, and the next rows are still read).
#[derive(Debug, Clone)]
pub enum InventoryEntry {
    Row(InventoryRow),
    BadRow(InventoryProblem),
}

/// Input that is not an inventory: reading stops here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAnInventory {
    /// 1-based line where it was seen, when the file has lines at all.
    pub line: Option<u64>,
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl NotAnInventory {
    pub(crate) fn at(line: u64, message: String, help: &str) -> Self {
        Self {
            line: Some(line),
            message,
            help: help.to_string(),
        }
    }

    fn whole_file(message: &str, help: &str) -> Self {
        Self {
            line: None,
            message: message.to_string(),
            help: help.to_string(),
        }
    }
}

impl fmt::Display for NotAnInventory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NotAnInventory {}

/// An inventory being read; iterate over it for its rows.
pub struct Inventory<'c, R> {
    check: &'c Check,
    reader: csv::Reader<TextGuard<R>>,
    headers: Vec<String>,
    machine_column: Option<usize>,
    warnings: Vec<InventoryProblem>,
    record: csv::StringRecord,
    max_rows: u64,
    /// Records read, blank ones included (they cost time too).
    records: u64,
    /// Records with something in them.
    filled: u64,
    finished: bool,
}

/// Starts reading an inventory for `check`: the header names the columns,
/// named like the check's inputs (for the 2021 check `sign-in`, `hosting`,
/// `server`, `console`, `windows`, `windows-updated`, `ie`), optionally
/// `machine`; `_` and case are accepted. A header without any answer
/// column, an empty file or one that is not text is refused here. A BOM
/// and CRLF are fine.
pub fn read_inventory<'c, R: Read>(
    check: &'c Check,
    input: R,
    max_rows: u64,
) -> Result<Inventory<'c, R>, NotAnInventory> {
    let fields = field_names(check);
    let mut reader = guarded_csv(csv::ReaderBuilder::new().flexible(true), input);
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(normalize_column).collect(),
        Err(error) => return Err(fatal(error, 1)),
    };
    if headers.iter().all(String::is_empty) {
        return Err(NotAnInventory::whole_file(
            "the file is empty",
            &format!(
                "an inventory starts with a header row naming its columns ({}), then one machine per line",
                fields.join(",")
            ),
        ));
    }
    if !headers.iter().any(|h| fields.contains(&h.as_str())) {
        return Err(NotAnInventory::at(
            1,
            format!(
                "line 1 is not an inventory header: none of its columns is an answer ({})",
                quoted_start(&headers)
            ),
            &format!(
                "the first line names the columns, among: {}, machine",
                fields.join(", ")
            ),
        ));
    }
    let end = reader.position().byte();
    reader.get_mut().row_starts_at(end);
    let warnings = header_warnings(&headers, &fields);
    let machine_column = headers
        .iter()
        .position(|h| NAME_COLUMNS.contains(&h.as_str()));
    Ok(Inventory {
        check,
        reader,
        headers,
        machine_column,
        warnings,
        record: csv::StringRecord::new(),
        max_rows,
        records: 0,
        filled: 0,
        finished: false,
    })
}

impl<R: Read> Inventory<'_, R> {
    /// The header's columns, normalized (`Windows_Updated` is `windows-updated`).
    pub(crate) fn columns(&self) -> &[String] {
        &self.headers
    }

    /// Problems of the header that leave every row checkable: unknown
    /// columns, answers without a column.
    pub fn header_warnings(&self) -> &[InventoryProblem] {
        &self.warnings
    }

    /// The line of the record just read: the line of its last byte (its
    /// line break, or the file's last byte) less the line breaks quoted
    /// inside it. Also lets the next row start where this one ended.
    fn line_of_record(&mut self) -> u64 {
        let end = self.reader.position().byte();
        let guard = self.reader.get_mut();
        let last_line = guard.line_of(end.saturating_sub(1));
        guard.row_starts_at(end);
        let quoted_breaks: u64 = self
            .record
            .iter()
            .map(|field| field.bytes().filter(|&b| b == b'\n').count() as u64)
            .sum();
        last_line.saturating_sub(quoted_breaks)
    }

    fn next_entry(&mut self) -> Option<Result<InventoryEntry, NotAnInventory>> {
        loop {
            let read = self.reader.read_record(&mut self.record);
            let line = self.line_of_record();
            let readable = match read {
                Ok(true) => true,
                Ok(false) => return (self.filled == 0).then(|| Err(no_rows())),
                Err(error) if matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) => false,
                Err(error) => return Some(Err(fatal(error, line))),
            };
            self.records += 1;
            if self.records > self.max_rows {
                return Some(Err(too_many_rows(line, self.max_rows)));
            }
            if !readable {
                self.filled += 1;
                return Some(Ok(bad_row(
                    line,
                    "the row is not UTF-8 text; save the inventory as UTF-8 CSV".into(),
                )));
            }
            self.record.trim();
            if self.record.iter().all(str::is_empty) {
                continue;
            }
            self.filled += 1;
            return Some(Ok(self.entry(line)));
        }
    }

    fn entry(&self, line: u64) -> InventoryEntry {
        if self.record.len() != self.headers.len() {
            return bad_row(
                line,
                format!(
                    "the row has {} fields but the header has {}",
                    self.record.len(),
                    self.headers.len()
                ),
            );
        }
        let fields = self
            .headers
            .iter()
            .map(String::as_str)
            .zip(self.record.iter());
        match answers_from_fields(self.check, fields) {
            Ok(answers) => InventoryEntry::Row(InventoryRow {
                line,
                machine: self
                    .machine_column
                    .and_then(|i| self.record.get(i))
                    .filter(|m| !m.is_empty())
                    .map(str::to_string),
                answers,
            }),
            Err(error) => bad_row(line, error.to_string()),
        }
    }
}

impl<R: Read> Iterator for Inventory<'_, R> {
    type Item = Result<InventoryEntry, NotAnInventory>;

    /// Rows in file order; after an error that stops the reading, nothing.
    fn next(&mut self) -> Option<Self::Item> {
        if self.finished {
            return None;
        }
        let entry = self.next_entry();
        self.finished = !matches!(entry, Some(Ok(_)));
        entry
    }
}

fn header_warnings(headers: &[String], fields: &[&str]) -> Vec<InventoryProblem> {
    let mut warnings = Vec::new();
    for column in headers {
        if !fields.contains(&column.as_str()) && !NAME_COLUMNS.contains(&column.as_str()) {
            warnings.push(warning(format!(
                "column `{column}` is not an answer and is ignored; answer columns are: {}",
                fields.join(", ")
            )));
        }
    }
    let missing: Vec<&str> = fields
        .iter()
        .copied()
        .filter(|f| !headers.iter().any(|h| h == f))
        .collect();
    if !missing.is_empty() {
        warnings.push(warning(format!(
            "no column for {}: those answers count as missing on every row",
            missing.join(", ")
        )));
    }
    warnings
}

/// The first columns of a header, as written, for a message.
fn quoted_start(headers: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut shown: Vec<String> = headers
        .iter()
        .take(SHOWN)
        .map(|h| {
            let mut chars = h.chars();
            let start: String = chars.by_ref().take(40).collect();
            let more = if chars.next().is_some() { "…" } else { "" };
            format!("`{start}{more}`")
        })
        .collect();
    if headers.len() > SHOWN {
        shown.push(format!("and {} more", headers.len() - SHOWN));
    }
    shown.join(", ")
}

/// A CSV reader over `input` behind the guard every fleet file is read
/// through: NUL bytes, UTF-16 and rows past `MAX_ROW_BYTES` stop it, so
/// memory stays bounded whatever the file holds.
pub(crate) fn guarded_csv<R: Read>(
    builder: &mut csv::ReaderBuilder,
    input: R,
) -> csv::Reader<TextGuard<R>> {
    builder
        .buffer_capacity(READ_AHEAD)
        .from_reader(TextGuard::new(input, MAX_ROW_BYTES, READ_AHEAD as u64))
}

/// A reading error that stops the reading: the guard's own, or the input's.
pub(crate) fn fatal(error: csv::Error, line: u64) -> NotAnInventory {
    match error.kind() {
        csv::ErrorKind::Io(io) => match io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<NotAnInventory>())
        {
            Some(refused) => refused.clone(),
            None => NotAnInventory::at(
                line,
                format!("the file cannot be read: {io}"),
                "check that it is a readable file",
            ),
        },
        csv::ErrorKind::Utf8 { .. } => NotAnInventory::at(
            line,
            "the header is not UTF-8 text".into(),
            "save the inventory as UTF-8 CSV",
        ),
        _ => NotAnInventory::at(
            line,
            format!("the file cannot be read as CSV: {error}"),
            "export the inventory as CSV: text, one machine per line",
        ),
    }
}

fn no_rows() -> NotAnInventory {
    NotAnInventory::whole_file(
        "the file has a header but no machine rows",
        "add one line per machine below the header",
    )
}

fn too_many_rows(line: u64, max_rows: u64) -> NotAnInventory {
    NotAnInventory::at(
        line,
        format!("more than {max_rows} rows: reading stopped here"),
        "check that this is the inventory; for a larger fleet, raise the limit (--max-rows) or split the file",
    )
}

fn normalize_column(column: &str) -> String {
    column.trim().to_ascii_lowercase().replace(['_', ' '], "-")
}

fn bad_row(line: u64, message: String) -> InventoryEntry {
    InventoryEntry::BadRow(InventoryProblem {
        line: Some(line),
        message,
        warning: false,
    })
}

fn warning(message: String) -> InventoryProblem {
    InventoryProblem {
        line: Some(1),
        message,
        warning: true,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    const HEADER: &str = "machine,sign-in,hosting,server,console,windows,windows-updated,ie";

    fn ims_2021() -> Check {
        let wire = include_str!("../../../tests/checks/ims-2021.wire");
        technote_rules::decode_check(wire.trim_end()).expect("the 2021 check decodes")
    }

    /// Rows' lines, bad rows' (line, message), and the error that stopped
    /// the reading, if any.
    type Outcome = (Vec<u64>, Vec<(u64, String)>, Option<NotAnInventory>);

    fn read_all(input: impl std::io::Read, max_rows: u64) -> Outcome {
        let mut rows = Vec::new();
        let mut bad = Vec::new();
        let check = ims_2021();
        let inventory = match read_inventory(&check, input, max_rows) {
            Ok(inventory) => inventory,
            Err(error) => return (rows, bad, Some(error)),
        };
        for entry in inventory {
            match entry {
                Ok(InventoryEntry::Row(row)) => rows.push(row.line),
                Ok(InventoryEntry::BadRow(problem)) => {
                    bad.push((problem.line.expect("a line"), problem.message))
                }
                Err(error) => return (rows, bad, Some(error)),
            }
        }
        (rows, bad, None)
    }

    fn read_text(text: &str) -> Outcome {
        read_all(text.as_bytes(), DEFAULT_MAX_ROWS)
    }

    #[test]
    fn bom_crlf_and_a_bad_row_leave_the_good_rows_checked() {
        let csv = "\u{FEFF}machine,sign-in,hosting,server,console,windows,windows-updated,ie\r\n\
                   pc-1,adobe-id,on-premise,21.1.3,21.1.3,windows-10,yes,11\r\n\
                   pc-2,adobe-id,cloud,21.1.3,21.1.3,windows-10,yes,11\r\n\
                   pc-3,adobe-id,on-premise,20.2.4\r\n\
                   pc-4,password,hosted,,,,,\r\n";
        let check = ims_2021();
        let mut inventory = read_inventory(&check, csv.as_bytes(), DEFAULT_MAX_ROWS).unwrap();
        assert!(inventory.header_warnings().is_empty());
        let Some(Ok(InventoryEntry::Row(first))) = inventory.next() else {
            panic!("the first row is checkable");
        };
        assert_eq!(first.machine.as_deref(), Some("pc-1"));
        let (rows, bad, error) = read_text(csv);
        assert_eq!(rows, vec![2, 5]);
        assert_eq!(error, None);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert_eq!(bad[0].0, 3);
        assert!(bad[0].1.contains("`cloud` is not a valid hosting"));
        assert_eq!(
            bad[1],
            (4, "the row has 4 fields but the header has 8".to_string())
        );
    }

    #[test]
    fn lines_are_exact_with_lf_and_crlf_blank_lines_and_quoted_breaks() {
        let lines = [
            HEADER,
            "pc-1,adobe-id,cloud,,,,,",
            "",
            "\"pc\n2\",adobe-id,cloud,,,,,",
            ",,,,,,,",
            "pc-3,adobe-id,cloud,,,,,",
        ];
        for ending in ["\n", "\r\n"] {
            let text = lines.join(ending);
            let (_, bad, error) = read_text(&text);
            let bad_lines: Vec<u64> = bad.iter().map(|(line, _)| *line).collect();
            assert_eq!(bad_lines, vec![2, 4, 7], "{ending:?}");
            assert_eq!(error, None);
            let (_, bad, _) = read_text(&format!("{text}{ending}"));
            assert_eq!(bad.last().map(|b| b.0), Some(7), "{ending:?} at the end");
        }
    }

    #[test]
    fn missing_and_extra_columns_are_warnings() {
        let check = ims_2021();
        let inventory = read_inventory(
            &check,
            &b"Sign_In,Server,Owner\nadobe-id,21.1.3,ops\n"[..],
            10,
        )
        .unwrap();
        let messages: Vec<String> = inventory
            .header_warnings()
            .iter()
            .map(|p| p.message.clone())
            .collect();
        assert!(
            messages[0].starts_with("column `owner` is not an answer"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("no column for hosting, console, windows, windows-updated, ie"),
            "{messages:?}"
        );
        let entries: Vec<_> = inventory.collect();
        assert!(matches!(entries[..], [Ok(InventoryEntry::Row(_))]));
    }

    #[test]
    fn an_empty_or_header_only_file_is_no_inventory() {
        for empty in ["", "\n\n", "\u{FEFF}"] {
            let (_, _, error) = read_text(empty);
            assert_eq!(error.expect("refused").message, "the file is empty");
        }
        for header_only in [HEADER.to_string(), format!("{HEADER}\r\n\r\n,,,,,,,\r\n")] {
            let (_, _, error) = read_text(&header_only);
            let error = error.expect("refused");
            assert_eq!(error.message, "the file has a header but no machine rows");
            assert_eq!(error.line, None);
        }
    }

    #[test]
    fn a_header_without_answers_is_no_inventory() {
        let (_, _, error) = read_text("Dear team,\nhere is the list\n");
        let error = error.expect("refused");
        assert_eq!(error.line, Some(1));
        assert_eq!(
            error.message,
            "line 1 is not an inventory header: none of its columns is an answer (`dear-team`, ``)"
        );
    }

    #[test]
    fn binary_input_is_refused_at_the_line_of_its_first_nul() {
        let mut bytes = format!("{HEADER}\npc-1,adobe-id,hosted,,,,,\n").into_bytes();
        bytes.extend_from_slice(b"pc-\0,adobe-id,hosted,,,,,\n");
        let (rows, _, error) = read_all(&bytes[..], DEFAULT_MAX_ROWS);
        let error = error.expect("refused");
        assert_eq!(error.line, Some(3));
        assert!(error.message.contains("NUL bytes"), "{}", error.message);
        assert!(rows.len() <= 1);
        let (_, _, error) = read_all(std::io::repeat(0), DEFAULT_MAX_ROWS);
        assert_eq!(error.expect("refused").line, Some(1), "like /dev/zero");
        let utf16: Vec<u8> = "\u{FEFF}machine,sign-in\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let (_, _, error) = read_all(&utf16[..], DEFAULT_MAX_ROWS);
        let error = error.expect("refused");
        assert_eq!(
            (error.line, error.message.as_str()),
            (Some(1), "this file is UTF-16 text; an inventory is UTF-8")
        );
    }

    #[test]
    fn a_row_that_never_ends_is_refused_before_it_fills_memory() {
        let endless = format!("{HEADER}\n\"pc-1").into_bytes();
        let input = (&endless[..]).chain(std::io::repeat(b'a'));
        let (_, _, error) = read_all(input, DEFAULT_MAX_ROWS);
        let error = error.expect("refused");
        assert_eq!(error.line, Some(2));
        assert!(
            error.message.contains("longer than 64 KiB"),
            "{}",
            error.message
        );
        let (_, _, error) = read_all(std::io::repeat(b'a'), DEFAULT_MAX_ROWS);
        assert_eq!(error.expect("refused").line, Some(1));
    }

    #[test]
    fn more_rows_than_allowed_stop_the_reading_at_the_first_one_too_many() {
        let text = format!("{HEADER}\n{}", "pc,password,hosted,,,,,\n".repeat(5));
        let (rows, _, error) = read_all(text.as_bytes(), 3);
        assert_eq!(rows, vec![2, 3, 4]);
        let error = error.expect("refused");
        assert_eq!(error.line, Some(5));
        assert_eq!(error.message, "more than 3 rows: reading stopped here");
        let (rows, _, error) = read_all(text.as_bytes(), 5);
        assert_eq!((rows.len(), error), (5, None));
    }
}
