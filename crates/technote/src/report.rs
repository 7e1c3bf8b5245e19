//! Running a build and telling the user how it went.

use std::process::ExitCode;

use technote_diagnostics::Diagnostic;
use technote_site::BuildOptions;

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

pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("{diagnostic}");
    }
}

pub fn serve(result: Result<(), technote_serve::ServeError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
