//! `technote verdict --check <id>`: a check declared beside a technote
//! (`<page>.check.toml`, see docs/checks.md), answered with flags named
//! like its inputs and evaluated by the same code as the page's form.

use std::io::{self, Write};
use std::path::Path;

use technote_i18n::{FluentArgs, Localizer};
use technote_rules::{Check, CheckVerdict, INCOMPLETE, evaluate_check, message_id};
use unic_langid::LanguageIdentifier;

use technote_live_checks::{ReleaseCatalog, find_check};
use technote_verdict::{DeclaredFleet, FleetCounts, FleetRow, answers_from_fields};

use crate::cli::VerdictArgs;
use crate::output::{Printed, decided, status, usage};
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Exit status of a verdict the answers do not decide (missing or unusable
/// answers): the same as a usage error, since the command line lacks them.
const EXIT_UNDECIDED: u8 = 2;

pub fn run(
    args: &VerdictArgs,
    id: &str,
    catalog: &ReleaseCatalog,
    localizer: &Localizer,
    locale: &LanguageIdentifier,
) -> Printed {
    let check = match find_check(
        catalog,
        &crate::verdict::declarations_folder(&args.root),
        id,
    ) {
        Ok(check) => check,
        Err(message) => return usage(&message),
    };
    if let Some(path) = &args.csv {
        return fleet(catalog, &check, path, args, localizer, locale);
    }
    let answers = match answers(&check, args) {
        Ok(read) => read,
        Err(message) => return usage(&message),
    };
    let verdict = evaluate_check(catalog.catalog(), &check, &answers);
    let code = if verdict.status == INCOMPLETE {
        ExitCode::from(EXIT_UNDECIDED)
    } else {
        ExitCode::SUCCESS
    };
    print_verdict(&check, &verdict, args.json, localizer, locale, code)
}

/// Prints one verdict, in words or as JSON, and ends with `code`.
pub fn print_verdict(
    check: &Check,
    verdict: &CheckVerdict,
    json: bool,
    localizer: &Localizer,
    locale: &LanguageIdentifier,
    code: ExitCode,
) -> Printed {
    let text = Worded::new(check, verdict, localizer, locale);
    let mut out = io::stdout().lock();
    let printing = if json {
        serde_json::to_writer_pretty(&mut out, &verdict_json(check, verdict, &text))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        text.print(&mut out)
    };
    decided(code, printing.and_then(|()| out.flush()))
}

/// The verdict as `--json` prints it: what the evaluator gave, then the
/// same in words.
pub fn verdict_json(check: &Check, verdict: &CheckVerdict, text: &Worded) -> serde_json::Value {
    serde_json::json!({
        "check": check.id,
        "status": verdict.status,
        "steps": verdict.steps,
        "missing": verdict.missing,
        "problems": verdict.problems,
        "values": verdict.values,
        "text": { "status": text.status, "steps": text.steps, "missing": text.missing, "problems": text.problems },
    })
}

/// One verdict per row of `path`, then the counts by status; exit 0 when
/// every row got a decided status, 1 otherwise, 2 for a header that does
/// not fit the check.
fn fleet(
    catalog: &ReleaseCatalog,
    check: &Check,
    path: &Path,
    args: &VerdictArgs,
    localizer: &Localizer,
    locale: &LanguageIdentifier,
) -> Printed {
    let json = args.json;
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) => return usage(&format!("{}: {error}", path.display())),
    };
    let rows = match DeclaredFleet::open(catalog.catalog(), check, file, args.max_rows) {
        Ok(rows) => rows,
        Err(error) => return usage(&format!("{}:1: {}", path.display(), error.message)),
    };
    let mut counts = FleetCounts::new(check);
    // One write per row: stdout alone would flush every line.
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut printing = Ok(());
    for row in rows {
        counts.add(&row);
        if printing.is_err() {
            continue;
        }
        printing = match &row {
            FleetRow::Verdict {
                line,
                machine,
                verdict,
            } => {
                let text = Worded::new(check, verdict, localizer, locale);
                if json {
                    let object = serde_json::json!({
                        "type": "row", "line": line, "machine": machine,
                        "status": verdict.status, "steps": verdict.steps,
                        "missing": verdict.missing, "problems": verdict.problems,
                    });
                    writeln!(out, "{object}")
                } else {
                    let name = machine.clone().unwrap_or_else(|| format!("line {line}"));
                    writeln!(out, "{name}: [{}] {}", verdict.status, text.status)
                }
            }
            FleetRow::Problem { line, reason } => {
                if json {
                    writeln!(
                        out,
                        "{}",
                        serde_json::json!({"type": "problem", "line": line, "reason": reason})
                    )
                } else {
                    writeln!(out, "{}:{line}: {reason}", path.display())
                }
            }
        };
    }
    let summary: serde_json::Map<String, serde_json::Value> = counts
        .by_status
        .iter()
        .map(|(status, count)| (status.clone(), (*count).into()))
        .collect();
    if printing.is_ok() {
        printing = if json {
            writeln!(
                out,
                "{}",
                serde_json::json!({"type": "summary", "counts": summary, "problems": counts.problems})
            )
        } else {
            let parts: Vec<String> = counts
                .by_status
                .iter()
                .map(|(status, count)| format!("{status}: {count}"))
                .collect();
            writeln!(out, "{}, problems: {}", parts.join(", "), counts.problems)
        };
    }
    decided(
        status(counts.all_decided()),
        printing.and_then(|()| out.flush()),
    )
}

/// The answers of `check` from `--<input> <value>` and `--<input>=<value>`
/// pairs (the command's own options were taken back from them by
/// [`VerdictArgs::take_options_from_answers`]); a choice is read as an
/// inventory column is (`Adobe_ID`, `on premise`).
pub fn answers(check: &Check, args: &VerdictArgs) -> Result<BTreeMap<String, String>, String> {
    let mut pairs = Vec::new();
    let mut words = args.inputs.iter();
    while let Some(word) = words.next() {
        let Some(flag) = word.strip_prefix("--") else {
            return Err(format!("`{word}` is not a flag: write --<input> <value>"));
        };
        let (name, value) = match flag.split_once('=') {
            Some((name, value)) => (name.to_owned(), value.to_owned()),
            None => match words.next() {
                Some(value) => (flag.to_owned(), value.clone()),
                None => return Err(format!("--{flag} needs a value")),
            },
        };
        if !check.inputs.iter().any(|input| input.name == name) {
            let names: Vec<String> = check
                .inputs
                .iter()
                .map(|input| format!("--{}", input.name))
                .collect();
            return Err(format!(
                "check `{}` has no input --{name}; its inputs: {}",
                check.id,
                names.join(", ")
            ));
        }
        pairs.push((name, value));
    }
    answers_from_fields(check, pairs.iter().map(|(n, v)| (n.as_str(), v.as_str())))
        .map_err(|error| format!("--{}: {error}", error.field))
}

/// The verdict in words, from the same Fluent messages as the page.
pub struct Worded {
    pub status: String,
    pub steps: Vec<String>,
    pub missing: Vec<String>,
    pub problems: Vec<String>,
}

impl Worded {
    pub fn new(
        check: &Check,
        verdict: &CheckVerdict,
        localizer: &Localizer,
        locale: &LanguageIdentifier,
    ) -> Self {
        let word = |id: String| localizer.format(locale, &id, None).unwrap_or(id);
        let own = |suffix: String| word(message_id(&check.id, &suffix));
        Self {
            // A rule may give `incomplete` itself, worded by the check.
            status: if verdict.rule.is_none() {
                word("checks-status-incomplete".to_owned())
            } else {
                own(format!("status-{}", verdict.status))
            },
            steps: {
                // Steps may name the versions read and their line's minimum.
                let mut args = FluentArgs::new();
                for value in &verdict.values {
                    args.set(value.input.clone(), value.value.clone());
                    if let Some(minimum) = &value.minimum {
                        args.set(format!("{}-minimum", value.input), minimum.clone());
                    }
                    if let Some(minimum) = &value.console_minimum {
                        args.set(format!("{}-console-minimum", value.input), minimum.clone());
                    }
                }
                verdict
                    .steps
                    .iter()
                    .map(|step| {
                        let id = message_id(&check.id, &format!("step-{step}"));
                        localizer.format(locale, &id, Some(&args)).unwrap_or(id)
                    })
                    .collect()
            },
            missing: verdict
                .missing
                .iter()
                .map(|input| format!("--{input}: {}", own(format!("{input}-label"))))
                .collect(),
            problems: verdict
                .problems
                .iter()
                .map(|problem| {
                    format!(
                        "--{}: {}",
                        problem.input,
                        word(format!("checks-problem-{}", problem.problem))
                    )
                })
                .collect(),
        }
    }

    pub fn print(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "{}", self.status)?;
        for (number, step) in self.steps.iter().enumerate() {
            writeln!(out, "{}. {step}", number + 1)?;
        }
        for line in self.problems.iter().chain(&self.missing) {
            writeln!(out, "- {line}")?;
        }
        Ok(())
    }
}
