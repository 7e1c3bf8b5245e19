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
            FleetRow::Verdict { verdict, .. } => self.add_verdict(verdict),
            FleetRow::Problem { .. } => self.add_problem(),
        }
    }

    /// One machine checked.
    pub fn add_verdict(&mut self, verdict: &CheckVerdict) {
        if let Some((_, count)) = self
            .by_status
            .iter_mut()
            .find(|(status, _)| *status == verdict.status)
        {
            *count += 1;
        }
    }

    /// One row that could not be checked.
    pub fn add_problem(&mut self) {
        self.problems += 1;
    }

    /// Machines checked, whatever their status.
    pub fn checked(&self) -> u64 {
        self.by_status.iter().map(|(_, count)| count).sum()
    }

    /// The statuses some machine got, with their counts, in the check's order.
    pub fn seen(&self) -> impl Iterator<Item = (&str, u64)> {
        self.by_status
            .iter()
            .filter(|(_, count)| *count > 0)
            .map(|(status, count)| (status.as_str(), *count))
    }

    /// Whether every row was checked and got one of `statuses`.
    pub fn all_among(&self, statuses: &[&str]) -> bool {
        self.problems == 0 && self.seen().all(|(status, _)| statuses.contains(&status))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Check {
        let wire = include_str!("../../../tests/checks/toy.wire");
        technote_rules::decode_check(wire.trim_end()).expect("the toy check decodes")
    }

    #[test]
    fn a_fleet_is_counted_by_status_in_the_checks_order() {
        let check = toy();
        let csv = "machine,version,hosting\n\
                   a,7.3.4,hosted\n\
                   b,7.4.1,hosted\n\
                   c,7.3.3,on-premise\n\
                   d,,hosted\n\
                   e,7.3.5,cloud\n";
        let mut counts = FleetCounts::new(&check);
        for row in DeclaredFleet::open(&check, csv.as_bytes()).expect("header fits") {
            counts.add(&row);
        }
        assert_eq!(
            counts.seen().collect::<Vec<_>>(),
            [("fine", 1), ("old", 2), (INCOMPLETE, 1)]
        );
        assert_eq!(counts.checked(), 4);
        assert_eq!(counts.problems, 1, "the hosting `cloud` is refused");
        assert!(!counts.all_decided());
        assert!(!counts.all_among(&["fine", "old"]));

        let mut decided = FleetCounts::new(&check);
        let rows = DeclaredFleet::open(
            &check,
            "version,hosting\n7.4.1,hosted\n7.3.4,on-premise\n".as_bytes(),
        )
        .unwrap();
        rows.for_each(|row| decided.add(&row));
        assert!(decided.all_decided());
        assert!(decided.all_among(&["fine", "old"]));
        assert!(!decided.all_among(&["fine"]));
    }
}
