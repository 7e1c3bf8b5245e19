//! Lines for the person running the preview.
//!
//! `println!` panics when the terminal is gone (a closed pipe); the preview
//! must keep serving then, so write errors are ignored here on purpose.

use std::fmt;
use std::io::Write;

/// A progress line, on standard output.
pub(crate) fn say(line: fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stdout().lock(), "{line}");
}

/// Diagnostics and problems, on standard error.
pub(crate) fn complain(line: fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}
