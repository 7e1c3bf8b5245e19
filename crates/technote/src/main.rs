//! The `technote` command line: argument parsing and printing only; the work
//! lives in the library crates.

mod checker_assets;
mod cli;
mod report;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => report::build(&args.options(checker_assets::CHECKER_ASSETS)),
    }
}
