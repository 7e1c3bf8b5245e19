//! The `technote` command line: argument parsing and printing only; the work
//! lives in the library crates.

mod allocator;
mod checker_assets;
mod cli;
mod fleet;
mod output;
mod report;
mod verdict;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let printed = match cli.command {
        Command::Build(args) => {
            let mut options = args.project.options(checker_assets::CHECKER_ASSETS);
            options.force = args.output.force;
            report::build(&options)
        }
        Command::Check(args) => {
            report::check(&args, &args.project.options(checker_assets::CHECKER_ASSETS))
        }
        Command::Serve(args) => {
            let mut build = args.project.options(checker_assets::CHECKER_ASSETS);
            build.force = args.output.force;
            if args.project.out.is_none() {
                build.out = args.project.root.join("target").join("technote-serve");
            }
            report::serve(technote_serve::serve(technote_serve::ServeOptions {
                build,
                address: args.address,
                stop_on_catalog_change: args.stop_on_catalog_change,
            }))
        }
        Command::Verdict(args) => verdict::run(&args),
        Command::Bench(args) => Ok(args.run(checker_assets::CHECKER_ASSETS)),
    };
    output::exit_code(printed)
}
