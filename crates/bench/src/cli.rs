//! `technote bench`: the arguments, for the CLI to flatten into its own
//! subcommand, and their execution.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use technote_site::EmbeddedAssets;

use crate::{BenchOptions, ChildBuild, Workload};

/// Generate a synthetic site, then time full builds against a pulldown-cmark
/// floor, measure peak memory and time one-page rebuilds.
#[derive(Debug, Clone, Args)]
pub struct BenchArgs {
    /// Pages across all locales (10000 with 2 locales: 5,000 technotes in each).
    #[arg(long, default_value_t = 10_000, value_parser = at_least_one())]
    pub pages: usize,
    /// Benchmark the project's own content (a copy of it) instead of generated pages.
    #[arg(long, conflicts_with_all = ["pages", "locales"])]
    pub project: bool,
    /// Generate an Experience League tree of --pages pages instead (one locale: guides
    /// with TOC.md, accordions, raw HTML tables, an image per page, redirects.csv).
    #[arg(long, conflicts_with_all = ["project", "locales"])]
    pub tree: bool,
    /// Locales of the generated site; past the project's own, UI strings are
    /// copies of the reference locale's.
    #[arg(long, default_value_t = 2, value_parser = at_least_one())]
    pub locales: usize,
    /// Timed runs; medians and minimums are reported.
    #[arg(long, default_value_t = 5, value_parser = at_least_one())]
    pub runs: usize,
    /// Working folder, kept afterwards (put it on /dev/shm to leave the disk
    /// out of the measurement) [default: a temporary folder, removed].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Project whose technote.toml, templates/, locales/ and www/ the
    /// generated site uses.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Internal: build this project once and exit, so that the parent can
    /// read the build's peak memory.
    #[arg(long, hide = true, value_name = "PROJECT")]
    pub measure_build: Option<PathBuf>,
}

impl BenchArgs {
    /// Runs the benchmark and prints its report (or runs the hidden child
    /// build). `embedded_assets` are the files the binary adds to sites.
    pub fn run(&self, embedded_assets: EmbeddedAssets) -> ExitCode {
        if let Some(project) = &self.measure_build {
            return exit(crate::build_once(project, embedded_assets));
        }
        // A temporary working folder lives until the report is printed.
        let temporary;
        let work_dir = match &self.out {
            Some(out) => out.clone(),
            None => match tempfile::tempdir() {
                Ok(dir) => {
                    temporary = dir;
                    temporary.path().to_path_buf()
                }
                Err(e) => {
                    eprintln!("error: could not create a temporary folder: {e}");
                    return ExitCode::FAILURE;
                }
            },
        };
        let workload = if self.project {
            Workload::Project
        } else if self.tree {
            Workload::Tree { pages: self.pages }
        } else {
            Workload::Synthetic {
                pages: self.pages,
                locales: self.locales,
            }
        };
        let options = BenchOptions {
            workload,
            runs: self.runs,
            work_dir,
            source_root: self.root.clone(),
            embedded_assets,
            child_build: self_as_child(),
        };
        exit(crate::run(&options).map(|report| {
            let mut out = std::io::stdout().lock();
            let printed = if self.json {
                serde_json::to_writer_pretty(&mut out, &report)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(out))
            } else {
                write!(out, "{report}")
            };
            // A reader that stopped early (`| head`) has what it wanted.
            if let Err(e) = printed.and_then(|()| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                eprintln!("error: cannot print the report: {e}");
            }
        }))
    }
}

/// A count of one or more: zero is refused by clap as a usage error (exit 2).
fn at_least_one() -> clap::builder::RangedU64ValueParser<usize> {
    clap::builder::RangedU64ValueParser::new().range(1..)
}

/// This very command line plus `--measure-build`: the child parses the same
/// arguments and reaches [`BenchArgs::run`] with the project to build.
fn self_as_child() -> Option<ChildBuild> {
    let program = std::env::current_exe().ok()?;
    let mut args: Vec<_> = std::env::args_os().skip(1).collect();
    args.push("--measure-build".into());
    Some(ChildBuild { program, args })
}

fn exit(result: Result<(), crate::BenchError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
