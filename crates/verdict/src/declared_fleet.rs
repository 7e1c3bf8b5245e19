//! A fleet answered for a declared check (`technote verdict --check <id>
//! --csv fleet.csv`): one column per input of the check, named like it
//! (plus an optional `machine`), one environment per row, the header checked
//! before any row, and the verdicts counted by status. Rows are read one at
//! a time, so memory stays that of one row whatever the fleet.

use std::io::Read;

use crate::inventory::{Inventory, InventoryEntry, read_inventory};
use technote_rules::{Catalog, Check, CheckVerdict, INCOMPLETE, evaluate_check};

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

/// The rows of an inventory read against `check`, its versions placed in
/// `catalog`, by the one fleet reader
/// ([`crate::read_inventory`]), with a header checked strictly: a column
/// that is no input of the check (nor `machine`) is refused before any row,
/// since a script's misspelt column would otherwise leave every row
/// incomplete.
pub struct DeclaredFleet<'c, R: Read> {
    catalog: &'c Catalog,
    check: &'c Check,
    inventory: Inventory<'c, R>,
}

impl<'c, R: Read> DeclaredFleet<'c, R> {
    pub fn open(
        catalog: &'c Catalog,
        check: &'c Check,
        input: R,
        max_rows: u64,
    ) -> Result<Self, HeaderError> {
        let inventory = read_inventory(check, input, max_rows).map_err(|refused| HeaderError {
            message: refused.message,
        })?;
        let names: Vec<&str> = check
            .inputs
            .iter()
            .map(|input| input.name.as_str())
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        for column in inventory.columns() {
            if column == MACHINE_COLUMN {
                continue;
            }
            if !names.contains(&column.as_str()) {
                return Err(HeaderError {
                    message: format!(
                        "column `{column}` is no input of check `{}`: name the columns {} (and optionally {MACHINE_COLUMN})",
                        check.id,
                        names.join(", ")
                    ),
                });
            }
            if seen.contains(&column.as_str()) {
                return Err(HeaderError {
                    message: format!("column `{column}` appears twice"),
                });
            }
            seen.push(column);
        }
        Ok(Self {
            catalog,
            check,
            inventory,
        })
    }
}

impl<R: Read> Iterator for DeclaredFleet<'_, R> {
    type Item = FleetRow;

    /// Rows in file order; a problem that stops the reading is the last.
    fn next(&mut self) -> Option<FleetRow> {
        Some(match self.inventory.next()? {
            Ok(InventoryEntry::Row(row)) => FleetRow::Verdict {
                line: row.line,
                verdict: evaluate_check(self.catalog, self.check, &row.answers),
                machine: row.machine,
            },
            Ok(InventoryEntry::BadRow(problem)) => FleetRow::Problem {
                line: problem.line.unwrap_or(0),
                reason: problem.message,
            },
            Err(refused) => FleetRow::Problem {
                line: refused.line.unwrap_or(0),
                reason: refused.message,
            },
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
        for row in DeclaredFleet::open(
            technote_rules::built_in_catalog(),
            &check,
            csv.as_bytes(),
            100,
        )
        .expect("header fits")
        {
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
            technote_rules::built_in_catalog(),
            &check,
            "version,hosting\n7.4.1,hosted\n7.3.4,on-premise\n".as_bytes(),
            100,
        )
        .unwrap();
        rows.for_each(|row| decided.add(&row));
        assert!(decided.all_decided());
        assert!(decided.all_among(&["fine", "old"]));
        assert!(!decided.all_among(&["fine"]));
    }

    #[test]
    fn the_fleet_reader_guards_a_declared_checks_fleet_too() {
        let check = toy();
        // More rows than allowed: the reading stops with the line.
        let csv = "version,hosting\n7.4.1,hosted\n7.4.1,hosted\n7.4.1,hosted\n";
        let rows: Vec<FleetRow> = DeclaredFleet::open(
            technote_rules::built_in_catalog(),
            &check,
            csv.as_bytes(),
            2,
        )
        .unwrap()
        .collect();
        assert_eq!(rows.len(), 3);
        assert!(
            matches!(&rows[2], FleetRow::Problem { line: 4, reason } if reason.contains("more than 2 rows")),
            "{rows:?}"
        );
        // A quoted line break does not shift the lines of the rows after it.
        let csv = "machine,version,hosting\n\"two\nlines\",7.4.1,hosted\nb,7.3.4,cloud\n";
        let rows: Vec<FleetRow> = DeclaredFleet::open(
            technote_rules::built_in_catalog(),
            &check,
            csv.as_bytes(),
            10,
        )
        .unwrap()
        .collect();
        assert!(
            matches!(&rows[1], FleetRow::Problem { line: 4, .. }),
            "{rows:?}"
        );
        // Column names as spreadsheets write them; a misspelt one is refused.
        assert!(
            DeclaredFleet::open(
                technote_rules::built_in_catalog(),
                &check,
                "Version,HOSTING\n7.4.1,hosted\n".as_bytes(),
                10
            )
            .is_ok()
        );
        let refused = DeclaredFleet::open(
            technote_rules::built_in_catalog(),
            &check,
            "version,hostin\n".as_bytes(),
            10,
        )
        .err()
        .expect("refused");
        assert!(
            refused.message.contains("column `hostin` is no input"),
            "{refused:?}"
        );
    }
}
