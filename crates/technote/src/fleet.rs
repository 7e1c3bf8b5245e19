//! `technote verdict --csv`: a fleet's verdicts, printed as the inventory
//! is read, so that memory stays that of one row whatever the fleet's size.
//! Text goes to stdout (verdicts) and stderr (problems); `--json` prints
//! JSON Lines, one object per row or problem, then a summary with the
//! counts by status.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use technote_diagnostics::Diagnostic;
use technote_i18n::Localizer;
use technote_rules::{Catalog, Check, CheckVerdict, evaluate_check};
use technote_verdict::{
    FleetCounts, InventoryEntry, InventoryProblem, NotAnInventory, read_inventory,
};
use unic_langid::LanguageIdentifier;

use crate::declared::{Worded, verdict_json};
use crate::output::{EXIT_USAGE, Printed, decided, status, usage};
use crate::verdict::FINE_2021;

/// One line of `--json` output.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum JsonLine<'a> {
    Row {
        line: u64,
        machine: Option<&'a str>,
        verdict: &'a serde_json::Value,
    },
    Problem(&'a InventoryProblem),
    Summary(&'a Tally),
}

/// What the fleet came to, printed last (`--json`).
#[derive(Serialize)]
struct Tally {
    /// Machines checked.
    checked: u64,
    /// Machines by status (`ready`, `action-needed`…), those some machine got.
    counts: BTreeMap<String, u64>,
    /// Rows that could not be checked.
    bad_rows: u64,
}

impl Tally {
    fn of(counts: &FleetCounts) -> Self {
        Self {
            checked: counts.checked(),
            counts: counts
                .seen()
                .map(|(status, count)| (status.to_owned(), count))
                .collect(),
            bad_rows: counts.problems,
        }
    }
}

pub struct Fleet<'a> {
    pub catalog: &'a Catalog,
    pub check: &'a Check,
    pub localizer: &'a Localizer,
    pub locale: &'a LanguageIdentifier,
    pub json: bool,
    pub max_rows: u64,
}

impl Fleet<'_> {
    pub fn check(&self, path: &Path) -> Printed {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(error) => return usage(&format!("cannot read {}: {error}", path.display())),
        };
        let inventory = match read_inventory(self.check, file, self.max_rows) {
            Ok(inventory) => inventory,
            Err(refused) => return not_an_inventory(path, &refused),
        };
        let mut out = BufWriter::new(io::stdout().lock());
        let mut counts = FleetCounts::new(self.check);
        for warning in inventory.header_warnings() {
            self.problem(&mut out, path, warning)?;
        }
        for entry in inventory {
            match entry {
                Ok(InventoryEntry::Row(row)) => {
                    let verdict = evaluate_check(self.catalog, self.check, &row.answers);
                    counts.add_verdict(&verdict);
                    self.row(&mut out, row.line, row.machine.as_deref(), &verdict)?;
                }
                Ok(InventoryEntry::BadRow(problem)) => {
                    counts.add_problem();
                    self.problem(&mut out, path, &problem)?;
                }
                Err(refused) => {
                    out.flush()?;
                    return not_an_inventory(path, &refused);
                }
            }
        }
        self.summary(&mut out, &counts)?;
        out.flush()?;
        Ok(status(counts.all_among(&FINE_2021)))
    }

    fn row(
        &self,
        out: &mut impl Write,
        line: u64,
        machine: Option<&str>,
        verdict: &CheckVerdict,
    ) -> io::Result<()> {
        let text = Worded::new(self.check, verdict, self.localizer, self.locale);
        if self.json {
            return json_line(
                out,
                &JsonLine::Row {
                    line,
                    machine,
                    verdict: &verdict_json(self.check, verdict, &text),
                },
            );
        }
        let name = machine.map(|m| format!(" ({m})")).unwrap_or_default();
        writeln!(
            out,
            "line {line}{name}: [{}] {}",
            verdict.status, text.status
        )?;
        for step in text.steps.iter().chain(&text.problems).chain(&text.missing) {
            writeln!(out, "    - {step}")?;
        }
        Ok(())
    }

    fn problem(
        &self,
        out: &mut impl Write,
        path: &Path,
        problem: &InventoryProblem,
    ) -> io::Result<()> {
        if self.json {
            return json_line(out, &JsonLine::Problem(problem));
        }
        let diagnostic = if problem.warning {
            Diagnostic::warning(path, &problem.message).with_code("inventory-row-invalid")
        } else {
            Diagnostic::error(path, &problem.message).with_code("inventory-row-invalid")
        };
        let diagnostic = match problem.line {
            Some(line) => diagnostic.at_line(line_number(line)),
            None => diagnostic,
        };
        writeln!(io::stderr(), "{diagnostic}")
    }

    fn summary(&self, out: &mut impl Write, counts: &FleetCounts) -> io::Result<()> {
        if self.json {
            return json_line(out, &JsonLine::Summary(&Tally::of(counts)));
        }
        let seen: Vec<String> = counts
            .seen()
            .map(|(status, n)| format!("{n} {status}"))
            .collect();
        writeln!(
            out,
            "{} machine(s) checked: {}; {} row(s) could not be read",
            counts.checked(),
            seen.join(", "),
            counts.problems
        )
    }
}

fn json_line(out: &mut impl Write, line: &JsonLine<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *out, line)?;
    out.write_all(b"\n")
}

/// The file is no inventory: a usage error, at the line where it was seen.
fn not_an_inventory(path: &Path, refused: &NotAnInventory) -> Printed {
    let diagnostic = Diagnostic::error(path, &refused.message)
        .with_code("inventory-refused")
        .with_help(&refused.help);
    let diagnostic = match refused.line {
        Some(line) => diagnostic.at_line(line_number(line)),
        None => diagnostic,
    };
    decided(
        ExitCode::from(EXIT_USAGE),
        writeln!(io::stderr(), "{diagnostic}"),
    )
}

fn line_number(line: u64) -> u32 {
    u32::try_from(line).unwrap_or(u32::MAX)
}
