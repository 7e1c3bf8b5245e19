//! `technote verdict`: the readiness rules on the command line, for one
//! machine (flags) or a fleet (`--csv`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use include_dir::{Dir, include_dir};
use technote_i18n::Localizer;
use technote_verdict::{LocalizedVerdict, answers_from_fields, localize, read_inventory};
use unic_langid::LanguageIdentifier;

use crate::cli::VerdictArgs;

/// The project's Fluent files, so the binary words verdicts anywhere.
static EMBEDDED_LOCALES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../locales");

const EXIT_USAGE: u8 = 2;

pub fn run(args: &VerdictArgs) -> ExitCode {
    let locale: LanguageIdentifier = match args.lang.parse() {
        Ok(locale) => locale,
        Err(_) => {
            return usage(&format!(
                "`{}` is not a language tag (try fr or en)",
                args.lang
            ));
        }
    };
    let localizer = match load_localizer(args.locales.as_deref(), &locale) {
        Ok(localizer) => localizer,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    match &args.csv {
        Some(path) => fleet(path, args.json, &localizer, &locale),
        None => single(args, &localizer, &locale),
    }
}

fn single(args: &VerdictArgs, localizer: &Localizer, locale: &LanguageIdentifier) -> ExitCode {
    let fields = [
        ("sign-in", args.sign_in.as_deref()),
        ("hosting", args.hosting.as_deref()),
        ("server", args.server.as_deref()),
        ("console", args.console.as_deref()),
        ("windows", args.windows.as_deref()),
        ("windows-updated", args.windows_updated.as_deref()),
        ("ie", args.ie.as_deref()),
    ];
    let answers = match answers_from_fields(fields.iter().filter_map(|(f, v)| v.map(|v| (*f, v)))) {
        Ok(answers) => answers,
        Err(error) => return usage(&format!("--{}: {error}", error.field)),
    };
    let verdict = match localize(&technote_rules::evaluate(&answers), localizer, locale) {
        Ok(verdict) => verdict,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&verdict).unwrap_or_default()
        );
    } else {
        print_verdict(&verdict, "");
    }
    exit_for(verdict.is_fine())
}

fn fleet(path: &Path, json: bool, localizer: &Localizer, locale: &LanguageIdentifier) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return usage(&format!("cannot read {}: {error}", path.display())),
    };
    let inventory = read_inventory(&bytes);
    let mut results = Vec::new();
    for row in &inventory.rows {
        match localize(&technote_rules::evaluate(&row.answers), localizer, locale) {
            Ok(verdict) => results.push((row, verdict)),
            Err(error) => {
                eprintln!("error: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut counts = std::collections::BTreeMap::new();
    for (_, verdict) in &results {
        *counts.entry(verdict.status.as_str()).or_insert(0usize) += 1;
    }
    let all_fine = !inventory.has_bad_rows() && results.iter().all(|(_, v)| v.is_fine());
    if json {
        let rows: Vec<_> = results
            .iter()
            .map(|(row, verdict)| serde_json::json!({"line": row.line, "machine": row.machine, "verdict": verdict}))
            .collect();
        let counts: serde_json::Map<String, serde_json::Value> = counts
            .iter()
            .map(|(status, n)| ((*status).to_string(), (*n).into()))
            .collect();
        let report =
            serde_json::json!({"rows": rows, "problems": inventory.problems, "counts": counts});
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        for problem in &inventory.problems {
            let level = if problem.warning { "warning" } else { "error" };
            match problem.line {
                Some(line) => eprintln!("{}:{line}: {level}: {}", path.display(), problem.message),
                None => eprintln!("{}: {level}: {}", path.display(), problem.message),
            }
        }
        for (row, verdict) in &results {
            let name = row
                .machine
                .as_deref()
                .map(|m| format!(" ({m})"))
                .unwrap_or_default();
            println!(
                "line {}{name}: [{}] {}",
                row.line,
                verdict.status.as_str(),
                verdict.status_text
            );
            for finding in &verdict.findings {
                println!("    - {} [#{}]", finding.text, finding.topic);
            }
        }
        let summary: Vec<String> = counts
            .iter()
            .map(|(status, n)| format!("{n} {status}"))
            .collect();
        let bad = inventory.problems.iter().filter(|p| !p.warning).count();
        println!(
            "{} machine(s) checked: {}; {bad} row(s) could not be read",
            results.len(),
            summary.join(", ")
        );
    }
    exit_for(all_fine)
}

fn print_verdict(verdict: &LocalizedVerdict, indent: &str) {
    println!(
        "{indent}[{}] {}",
        verdict.status.as_str(),
        verdict.status_text
    );
    for (number, finding) in verdict.findings.iter().enumerate() {
        println!(
            "{indent}{}. {} [#{}]",
            number + 1,
            finding.text,
            finding.topic
        );
    }
}

/// Locales from `--locales`, else the ones built into the binary.
fn load_localizer(dir: Option<&Path>, locale: &LanguageIdentifier) -> Result<Localizer, String> {
    let reference: LanguageIdentifier = "en"
        .parse()
        .map_err(|_| "bad reference locale".to_string())?;
    let locales = vec![locale.clone(), reference.clone()];
    let result = match dir {
        Some(dir) => Localizer::load(dir, &locales, &reference),
        None => Localizer::from_sources(embedded_sources(locale, &reference), &reference),
    };
    result.map_err(|diagnostics| {
        diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn embedded_sources(
    locale: &LanguageIdentifier,
    reference: &LanguageIdentifier,
) -> Vec<(LanguageIdentifier, PathBuf, String)> {
    let mut sources = Vec::new();
    for wanted in [locale, reference] {
        for candidate in embedded_chain(wanted) {
            let Some(dir) = EMBEDDED_LOCALES.get_dir(candidate.to_string()) else {
                continue;
            };
            for file in dir.files() {
                if let Some(text) = file.contents_utf8() {
                    sources.push((
                        candidate.clone(),
                        Path::new("locales").join(file.path()),
                        text.to_string(),
                    ));
                }
            }
        }
    }
    sources.sort_by(|a, b| (a.0.to_string(), &a.1).cmp(&(b.0.to_string(), &b.1)));
    sources.dedup_by(|a, b| a.1 == b.1);
    sources
}

/// `fr-CA` → `fr-CA`, `fr`: the embedded folders that may serve it.
fn embedded_chain(locale: &LanguageIdentifier) -> Vec<LanguageIdentifier> {
    let mut chain = vec![locale.clone()];
    let language: Result<LanguageIdentifier, _> = locale.language.as_str().parse();
    if let Ok(language) = language
        && language != *locale
    {
        chain.push(language);
    }
    chain
}

fn exit_for(fine: bool) -> ExitCode {
    if fine {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn usage(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_USAGE)
}
