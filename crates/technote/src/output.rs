//! Printing without panics. When whoever reads technote's output stops
//! early (`technote verdict --csv fleet.csv | head`), the command ends
//! quietly: with status 0, as ripgrep does, when its work was cut short;
//! with its own status when that was already decided (a failed build still
//! exits 1 if nobody reads why).

use std::io::{self, Write};
use std::process::ExitCode;

/// A command's status, or the printing error that cut it short.
pub type Printed = io::Result<ExitCode>;

/// A usage error: a bad flag or value, or input named on the command line
/// that cannot be used (clap's own errors exit 2 too).
pub const EXIT_USAGE: u8 = 2;

pub fn exit_code(printed: Printed) -> ExitCode {
    match printed {
        Ok(code) => code,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            // Nowhere else to say it: if stderr fails too, the status tells.
            let _ = writeln!(io::stderr(), "error: cannot print the output: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `code`, whether or not the report of the work that decided it could be
/// printed: a closed reader does not change how a build went.
pub fn decided(code: ExitCode, printing: io::Result<()>) -> Printed {
    match printing {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => Err(error),
        _ => Ok(code),
    }
}

/// Prints `error: message` and returns the usage status.
pub fn usage(message: &str) -> Printed {
    decided(
        ExitCode::from(EXIT_USAGE),
        writeln!(io::stderr(), "error: {message}"),
    )
}

/// 0 when everything is fine, 1 otherwise.
pub fn status(fine: bool) -> ExitCode {
    if fine {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
