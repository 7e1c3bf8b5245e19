//! The `technote` command line: argument parsing and printing only; the work
//! lives in the library crates.

mod allocator;
mod checker_assets;
mod cli;
mod declared;
mod fleet;
mod new;
mod output;
mod report;
mod usage;
mod verdict;

use std::process::ExitCode;

use clap::Parser;
use technote_site::BuildOptions;

use crate::cli::{Cli, Command};
use crate::output::Printed;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let printed = match cli.command {
        Command::Build(args) => {
            let mut options = args.project.options(checker_assets::CHECKER_ASSETS);
            options.force = args.output.force;
            options.deny_warnings = args.deny.is_some();
            options.base_url = args.deploy.base_url;
            options.precompress = args.precompress;
            on_project(&options, report::build)
        }
        Command::Check(args) => on_project(
            &args.project.options(checker_assets::CHECKER_ASSETS),
            |options| report::check(&args, options),
        ),
        Command::Serve(args) => {
            let mut build = args.project.options(checker_assets::CHECKER_ASSETS);
            build.force = args.output.force;
            if args.project.out.is_none() {
                build.out = args.project.root.join("target").join("technote-serve");
            }
            on_project(&build, |build| {
                report::serve(technote_serve::serve(technote_serve::ServeOptions {
                    build: build.clone(),
                    address: args.address,
                }))
            })
        }
        Command::Verdict(mut args) => match args.take_options_from_answers() {
            Ok(()) => verdict::run(&args),
            Err(message) => output::usage(&message),
        },
        Command::Bench(args) => Ok(args.run(checker_assets::CHECKER_ASSETS)),
        Command::New(command) => new::run(&command),
        Command::Init { dir } => new::init(&dir),
        Command::Eject(args) => new::eject(&args),
    };
    output::exit_code(printed)
}

/// Runs `command` on the project `options` names, unless the command line
/// names paths that are not there.
fn on_project(options: &BuildOptions, command: impl FnOnce(&BuildOptions) -> Printed) -> Printed {
    match usage::project_paths(options) {
        Ok(()) => command(options),
        Err(message) => output::usage(&message),
    }
}
