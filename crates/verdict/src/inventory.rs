//! An inventory of machines as CSV: one machine per row, one answer per column.

use serde::Serialize;
use technote_rules::Answers;

use crate::answers::{FIELDS, answers_from_fields};

/// Columns that name the machine rather than answer a question.
const NAME_COLUMNS: [&str; 3] = ["machine", "name", "host"];

#[derive(Debug, Clone)]
pub struct InventoryRow {
    /// 1-based line of the row in the file.
    pub line: u64,
    pub machine: Option<String>,
    pub answers: Answers,
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

#[derive(Debug, Clone, Default)]
pub struct Inventory {
    pub rows: Vec<InventoryRow>,
    pub problems: Vec<InventoryProblem>,
}

impl Inventory {
    pub fn has_bad_rows(&self) -> bool {
        self.problems.iter().any(|p| !p.warning)
    }
}

/// Reads an inventory. The header names the columns (`sign-in`, `hosting`,
/// `server`, `console`, `windows`, `windows-updated`, `ie`, optionally
/// `machine`; `_` and case are accepted). A bad row is reported with its line
/// and skipped; the others are still checked. A BOM and CRLF are fine.
pub fn read_inventory(bytes: &[u8]) -> Inventory {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut inventory = Inventory::default();
    let headers = match reader.headers() {
        Ok(headers) => headers.iter().map(normalize_column).collect::<Vec<_>>(),
        Err(error) => {
            inventory.problems.push(problem(
                Some(1),
                format!("the header row cannot be read: {error}"),
                false,
            ));
            return inventory;
        }
    };
    for column in &headers {
        if !FIELDS.contains(&column.as_str()) && !NAME_COLUMNS.contains(&column.as_str()) {
            inventory.problems.push(problem(
                Some(1),
                format!(
                    "column `{column}` is not an answer and is ignored; answer columns are: {}",
                    FIELDS.join(", ")
                ),
                true,
            ));
        }
    }
    let missing: Vec<&str> = FIELDS
        .iter()
        .copied()
        .filter(|f| !headers.iter().any(|h| h == f))
        .collect();
    if !missing.is_empty() {
        inventory.problems.push(problem(
            Some(1),
            format!(
                "no column for {}: those answers count as missing on every row",
                missing.join(", ")
            ),
            true,
        ));
    }
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map(|p| p.line() + 1);
                inventory.problems.push(problem(
                    line,
                    format!("the row cannot be read: {error}"),
                    false,
                ));
                continue;
            }
        };
        // The csv crate counts the header as line 0.
        let line = record.position().map_or(0, |p| p.line() + 1);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() != headers.len() {
            inventory.problems.push(problem(
                Some(line),
                format!(
                    "the row has {} fields but the header has {}",
                    record.len(),
                    headers.len()
                ),
                false,
            ));
            continue;
        }
        let fields = headers.iter().map(String::as_str).zip(record.iter());
        match answers_from_fields(fields) {
            Ok(answers) => {
                let machine = headers
                    .iter()
                    .position(|h| NAME_COLUMNS.contains(&h.as_str()))
                    .and_then(|i| record.get(i))
                    .filter(|m| !m.is_empty())
                    .map(str::to_string);
                inventory.rows.push(InventoryRow {
                    line,
                    machine,
                    answers,
                });
            }
            Err(error) => inventory
                .problems
                .push(problem(Some(line), error.to_string(), false)),
        }
    }
    inventory
}

fn normalize_column(column: &str) -> String {
    column.trim().to_ascii_lowercase().replace(['_', ' '], "-")
}

fn problem(line: Option<u64>, message: String, warning: bool) -> InventoryProblem {
    InventoryProblem {
        line,
        message,
        warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_crlf_and_a_bad_row_leave_the_good_rows_checked() {
        let csv = "\u{FEFF}machine,sign-in,hosting,server,console,windows,windows-updated,ie\r\n\
                   pc-1,adobe-id,on-premise,21.1.3,21.1.3,windows-10,yes,11\r\n\
                   pc-2,adobe-id,cloud,21.1.3,21.1.3,windows-10,yes,11\r\n\
                   pc-3,adobe-id,on-premise,20.2.4\r\n\
                   pc-4,password,hosted,,,,,\r\n";
        let inventory = read_inventory(csv.as_bytes());
        let lines: Vec<u64> = inventory.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 5]);
        assert_eq!(inventory.rows[0].machine.as_deref(), Some("pc-1"));
        let bad: Vec<(Option<u64>, &str)> = inventory
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert_eq!(bad[0].0, Some(3));
        assert!(bad[0].1.contains("`cloud` is not a valid hosting"));
        assert_eq!(
            bad[1],
            (Some(4), "the row has 4 fields but the header has 8")
        );
    }

    #[test]
    fn missing_and_extra_columns_are_warnings() {
        let inventory = read_inventory(b"Sign_In,Server,Owner\nadobe-id,21.1.3,ops\n");
        assert_eq!(inventory.rows.len(), 1);
        assert!(!inventory.has_bad_rows());
        let messages: Vec<&str> = inventory
            .problems
            .iter()
            .map(|p| p.message.as_str())
            .collect();
        assert!(
            messages[0].starts_with("column `owner` is not an answer"),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("no column for hosting, console, windows, windows-updated, ie"),
            "{messages:?}"
        );
    }
}
