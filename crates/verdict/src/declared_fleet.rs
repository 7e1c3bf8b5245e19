//! A fleet answered for a declared check (`technote verdict --check <id>
//! --csv fleet.csv`): one column per input of the check, named like it
//! (plus an optional `machine`), one environment per row, the header checked
//! before any row, and the verdicts counted by status. Rows are read one at
//! a time, so memory stays that of one row whatever the fleet.

use std::collections::BTreeMap;
use std::io::Read;

use crate::inventory::{fatal, guarded_csv};
use crate::text_guard::TextGuard;
use technote_rules::{Check, CheckVerdict, INCOMPLETE, InputKind, evaluate_check};

/// The optional column that names each row in the output.
const MACHINE_COLUMN: &str = "machine";

/// A header that does not fit the check, with what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderError {
    pub message: String,
}

/// One row, evaluated or refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FleetRow {
    Verdict {
        line: u64,
        machine: Option<String>,
        verdict: CheckVerdict,
    },
    /// The row cannot be evaluated (a choice the check lacks, a malformed
    /// CSV record); the reason names the column.
    Problem { line: u64, reason: String },
}

/// Counts by status, in the check's order, then `incomplete`, then rows
/// with problems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FleetCounts {
    pub by_status: Vec<(String, u64)>,
    pub problems: u64,
}

impl FleetCounts {
    pub fn new(check: &Check) -> Self {
        let mut by_status: Vec<(String, u64)> = check
            .statuses
            .iter()
            .map(|status| (status.clone(), 0))
            .collect();
        by_status.push((INCOMPLETE.to_owned(), 0));
        Self {
            by_status,
            problems: 0,
        }
    }

    pub fn add(&mut self, row: &FleetRow) {
        match row {
            FleetRow::Verdict { verdict, .. } => {
                if let Some((_, count)) = self
                    .by_status
                    .iter_mut()
                    .find(|(status, _)| *status == verdict.status)
                {
                    *count += 1;
                }
            }
            FleetRow::Problem { .. } => self.problems += 1,
        }
    }

    /// Whether every row got a decided status.
    pub fn all_decided(&self) -> bool {
        self.problems == 0
            && self
                .by_status
                .iter()
                .all(|(status, count)| status != INCOMPLETE || *count == 0)
    }
}

/// Reads the header of `input` against `check`, then hands over each row.
pub struct DeclaredFleet<'c, R: Read> {
    check: &'c Check,
    records: csv::StringRecordsIntoIter<TextGuard<R>>,
    /// Set once the file proved not to be text: nothing more is read.
    stopped: bool,
    /// For each column, the input it answers (`None`: the machine column).
    columns: Vec<Option<String>>,
}

impl<'c, R: Read> DeclaredFleet<'c, R> {
    pub fn open(check: &'c Check, input: R) -> Result<Self, HeaderError> {
        let mut reader = guarded_csv(csv::ReaderBuilder::new().flexible(false), input);
        let header = reader.headers().map_err(|error| HeaderError {
            message: match error.kind() {
                csv::ErrorKind::Io(_) => fatal(error, 1).message,
                _ => format!("cannot read the header: {error}"),
            },
        })?;
        let names: Vec<String> = check
            .inputs
            .iter()
            .map(|input| input.name.clone())
            .collect();
        let mut columns = Vec::new();
        for column in header {
            let column = column.trim();
            if column == MACHINE_COLUMN {
                columns.push(None);
            } else if names.iter().any(|name| name == column) {
                if columns.iter().any(|known| known.as_deref() == Some(column)) {
                    return Err(HeaderError {
                        message: format!("column `{column}` appears twice"),
                    });
                }
                columns.push(Some(column.to_owned()));
            } else {
                return Err(HeaderError {
                    message: format!(
                        "column `{column}` is no input of check `{}`: name the columns {} (and optionally {MACHINE_COLUMN})",
                        check.id,
                        names.join(", ")
                    ),
                });
            }
        }
        if columns.iter().all(Option::is_none) {
            return Err(HeaderError {
                message: format!(
                    "the header names no input of check `{}`: {}",
                    check.id,
                    names.join(", ")
                ),
            });
        }
        Ok(Self {
            check,
            records: reader.into_records(),
            stopped: false,
            columns,
        })
    }
}

impl<R: Read> Iterator for DeclaredFleet<'_, R> {
    type Item = FleetRow;

    fn next(&mut self) -> Option<FleetRow> {
        if self.stopped {
            return None;
        }
        let record = match self.records.next()? {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                if let csv::ErrorKind::Io(_) = error.kind() {
                    // The guard refused the rest of the file.
                    self.stopped = true;
                    return Some(FleetRow::Problem {
                        line,
                        reason: fatal(error, line).message,
                    });
                }
                return Some(FleetRow::Problem {
                    line,
                    reason: error.to_string(),
                });
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let mut answers = BTreeMap::new();
        let mut machine = None;
        for (column, value) in self.columns.iter().zip(record.iter()) {
            match column {
                None => machine = Some(value.to_owned()),
                Some(name) => {
                    let input = self.check.inputs.iter().find(|input| &input.name == name);
                    if let Some(InputKind::Choice { choices, .. }) = input.map(|input| &input.kind)
                        && !value.trim().is_empty()
                        && !choices.iter().any(|choice| choice == value.trim())
                    {
                        return Some(FleetRow::Problem {
                            line,
                            reason: format!(
                                "{name}: `{value}` is not one of {}",
                                choices.join(", ")
                            ),
                        });
                    }
                    answers.insert(name.clone(), value.to_owned());
                }
            }
        }
        Some(FleetRow::Verdict {
            line,
            machine,
            verdict: evaluate_check(self.check, &answers),
        })
    }
}
