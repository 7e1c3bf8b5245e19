//! Running a build and telling the user how it went.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use technote_diagnostics::Diagnostic;
use technote_site::BuildOptions;

use crate::cli::{CheckArgs, Format};
use crate::output::{Printed, decided, status};

pub fn build(options: &BuildOptions) -> Printed {
    let mut err = io::stderr().lock();
    match technote_site::build(options) {
        Ok(report) => {
            let printing = print_diagnostics(&mut err, &report.warnings).and_then(|()| {
                writeln!(
                    err,
                    "built {} pages ({} files, {:.1} KiB) into {} in {:.0} ms",
                    report.pages,
                    report.files,
                    report.bytes as f64 / 1024.0,
                    options.out.display(),
                    report.elapsed.as_secs_f64() * 1000.0
                )
            });
            decided(ExitCode::SUCCESS, printing)
        }
        Err(diagnostics) => {
            let diagnostics = distinct(diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let printing = print_diagnostics(&mut err, &diagnostics).and_then(|()| {
                writeln!(
                    err,
                    "build failed with {errors} error(s); {} was left untouched",
                    options.out.display()
                )
            });
            decided(ExitCode::FAILURE, printing)
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

fn print_diagnostics(out: &mut impl Write, diagnostics: &[Diagnostic]) -> io::Result<()> {
    for diagnostic in diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    Ok(())
}

pub fn serve(result: Result<(), technote_serve::ServeError>) -> Printed {
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(error) => decided(ExitCode::FAILURE, writeln!(io::stderr(), "error: {error}")),
    }
}

pub fn check(args: &CheckArgs, options: &BuildOptions) -> Printed {
    let report = technote_check::check(options);
    let denied = args.deny.is_some() || report.deny_warnings;
    let failed = report.errors() > 0 || (denied && report.warnings() > 0);
    let mut out = BufWriter::new(io::stdout().lock());
    let printing = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut out, &report)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Sarif => serde_json::to_writer_pretty(&mut out, &technote_check::sarif(&report))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
        Format::Text => print_check(&mut out, &report),
    };
    decided(status(!failed), printing.and_then(|()| out.flush()))
}

fn print_check(out: &mut impl Write, report: &technote_check::CheckReport) -> io::Result<()> {
    print_diagnostics(out, &report.diagnostics)?;
    for locale in &report.locales {
        writeln!(
            out,
            "{}: interface {}/{} strings, technotes {}/{}",
            locale.locale,
            locale.ui_translated,
            locale.ui_total,
            locale.technotes_translated,
            locale.technotes_total
        )?;
        for missing in &locale.missing_technotes {
            writeln!(out, "  not translated: {missing}")?;
        }
        for copied in &locale.copied_technotes {
            writeln!(out, "  copied, not translated: {copied}")?;
        }
        if locale.ui_translated == 0 && locale.ui_unchanged.len() == locale.ui_total {
            // A language `technote new locale` just made: one line, not 236 ids.
            writeln!(
                out,
                "  every string is still the reference's text: translate locales/{}/*.ftl (`--format json` lists them)",
                locale.locale
            )?;
        } else if !locale.ui_unchanged.is_empty() {
            writeln!(
                out,
                "  same text as the reference (counted as untranslated; mark one `# unchanged: <why>` if meant): {}",
                locale.ui_unchanged.join(", ")
            )?;
        }
        for fallback in &locale.fallbacks {
            writeln!(
                out,
                "  falls back to {}: {}",
                fallback.from, fallback.message
            )?;
        }
    }
    writeln!(
        out,
        "{} error(s), {} warning(s)",
        report.errors(),
        report.warnings()
    )
}
