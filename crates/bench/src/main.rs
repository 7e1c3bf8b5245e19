//! `technote-bench`: the benchmark on its own, without the checker assets the
//! `technote` binary embeds (the same as `technote bench` otherwise).

// A link to the technote binary's allocator.rs: one file, inside each
// crate's folder, so that both package.
mod allocator;

use std::process::ExitCode;

use clap::Parser;
use technote_bench::cli::BenchArgs;

#[derive(Parser)]
#[command(name = "technote-bench", version)]
struct Cli {
    #[command(flatten)]
    bench: BenchArgs,
}

fn main() -> ExitCode {
    Cli::parse().bench.run(&[])
}
