//! Running a build and telling the user how it went.

use std::process::ExitCode;

use technote_diagnostics::Diagnostic;
use technote_site::BuildOptions;

use crate::cli::{CheckArgs, Format};

pub fn build(options: &BuildOptions) -> ExitCode {
    match technote_site::build(options) {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            eprintln!(
                "built {} pages ({} files, {:.1} KiB) into {} in {:.0} ms",
                report.pages,
                report.files,
                report.bytes as f64 / 1024.0,
                options.out.display(),
                report.elapsed.as_secs_f64() * 1000.0
            );
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            let diagnostics = distinct(diagnostics);
            print_diagnostics(&diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "build failed with {errors} error(s); {} was left untouched",
                options.out.display()
            );
            ExitCode::FAILURE
        }
    }
}

/// Drops repeats, keeping the first of each: a template shared by several
/// pages (the root and English 404 pages) reports the same problem for each.
fn distinct(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    diagnostics
        .into_iter()
        .filter(|d| seen.insert(d.to_string()))
        .collect()
}

pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

/// `serve`'s status when the release catalog changed (sysexits' EX_TEMPFAIL:
/// try again, here with technote built anew).
const CATALOG_CHANGED: u8 = 75;

pub fn serve(result: Result<technote_serve::Ended, technote_serve::ServeError>) -> ExitCode {
    match result {
        Ok(technote_serve::Ended::ServerClosed) => ExitCode::SUCCESS,
        Ok(technote_serve::Ended::CatalogChanged) => ExitCode::from(CATALOG_CHANGED),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

pub fn check(args: &CheckArgs, options: &BuildOptions) -> ExitCode {
    let report = technote_check::check(options);
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        ),
        Format::Text => print_check(&report),
    }
    let failed = report.errors() > 0 || (args.deny.is_some() && report.warnings() > 0);
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_check(report: &technote_check::CheckReport) {
    for diagnostic in &report.diagnostics {
        println!("{diagnostic}");
    }
    for locale in &report.locales {
        println!(
            "{}: interface {}/{} strings, technotes {}/{}",
            locale.locale,
            locale.ui_translated,
            locale.ui_total,
            locale.technotes_translated,
            locale.technotes_total
        );
        for missing in &locale.missing_technotes {
            println!("  not translated: {missing}");
        }
        for fallback in &locale.fallbacks {
            println!("  falls back to {}: {}", fallback.from, fallback.message);
        }
    }
    println!(
        "{} error(s), {} warning(s)",
        report.errors(),
        report.warnings()
    );
}
