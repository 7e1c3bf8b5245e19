//! How fast `technote build` is, measured against what pulldown-cmark alone
//! needs for the same Markdown.
//!
//! [`run`] writes a synthetic project (the real templates, UI strings and
//! static files, and generated technotes that use every construct of the
//! dialect) into a working folder, builds it several times with
//! [`technote_site::build`], runs the pulldown-cmark floor between builds so
//! both see the same machine state, measures a build's peak memory in a
//! child process, and times one-page rebuilds with
//! [`technote_site::SiteBuilder`].
//!
//! Layout of the working folder: `project/` (sources and `project/public/`,
//! the built site), `floor/` (the floor's output) and `preview/` (the
//! incremental builder's output).

pub mod cli;
mod corpus;
mod floor;
mod incremental;
mod measure;
mod outputs;
mod project;
mod report;

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;
use technote_diagnostics::Diagnostic;
use technote_site::{BuildOptions, EmbeddedAssets};

pub use measure::{ChildBuild, Timing};
pub use outputs::{FileSizes, OutputSizes, SiteFile};

use crate::project::BenchProject;

/// What the benchmark builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workload {
    /// Generated technotes: `pages` across `locales` (10,000 pages in 2
    /// locales is 5,000 technotes, each in both), the reference locale first.
    Synthetic { pages: usize, locales: usize },
    /// The source project's own content, copied into the working folder.
    Project,
    /// A generated Experience League tree of `pages` pages in one locale,
    /// read in place through `[content]`.
    Tree { pages: usize },
}

/// What to benchmark.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub workload: Workload,
    /// Timed full builds (and floor runs, and one-page rebuilds).
    pub runs: usize,
    /// Working folder; put it on a memory-backed file system (/dev/shm) to
    /// measure the build rather than the disk.
    pub work_dir: PathBuf,
    /// The project whose `technote.toml`, `templates/`, `locales/` and `www/`
    /// the benchmarked site uses (and its `content/` for [`Workload::Project`]).
    pub source_root: PathBuf,
    /// Files the `technote` binary adds to every site.
    pub embedded_assets: EmbeddedAssets,
    /// How to build once in a child process, to measure peak memory; `None`
    /// skips the measurement.
    pub child_build: Option<ChildBuild>,
}

/// Results of a benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct BenchReport {
    pub pages: usize,
    pub technotes: usize,
    pub locales: usize,
    /// Files in the built site (pages, homes, sitemap, assets…).
    pub files: usize,
    /// Size of the Markdown sources, front matter included.
    pub markdown_bytes: u64,
    /// Size of the built site.
    pub output_bytes: u64,
    /// Sitemaps, the largest locale home and the search index files.
    pub outputs: OutputSizes,
    /// Full builds with `technote_site::build`.
    pub build: Timing,
    /// pulldown-cmark alone reading, rendering and writing the same pages.
    pub floor: Timing,
    /// Median build over median floor.
    pub ratio_to_floor: f64,
    /// CPU time (user and system, every thread) of each build: what the
    /// build costs whatever else the machine runs. Over 2 cores, a build
    /// that keeps both busy takes half of it in wall time.
    pub build_cpu: Timing,
    /// CPU time of each floor run.
    pub floor_cpu: Timing,
    /// Pages per second at the median build time.
    pub pages_per_second: f64,
    /// Megabytes (10^6 bytes) of Markdown per second at the median build time.
    pub markdown_mb_per_second: f64,
    /// Largest resident set of a build run in a child process.
    pub peak_rss_bytes: Option<u64>,
    /// One page edited, then rebuilt and written by a long-lived builder.
    pub one_page_rebuild: Timing,
    /// After each one-page rebuild, until the builder's background refresh
    /// of the edited locale's search index is written.
    pub search_refresh: Timing,
}

/// Why a benchmark could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("--pages is 0: a benchmark needs at least one page to build")]
    NoPages,
    #[error("{0} has no pages to build")]
    EmptyProject(PathBuf),
    #[error("--runs is 0: a benchmark needs at least one timed run")]
    NoRuns,
    #[error("--locales is {asked}: choose between 1 and {max}")]
    Locales { asked: usize, max: usize },
    #[error("could not use {path}: {source} (is the output folder writable?)")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the project the benchmark copies is not usable: {0}")]
    Project(Diagnostic),
    #[error("the generated site did not build:\n{}", join(.0))]
    Build(Vec<Diagnostic>),
    #[error("the child build for the memory measurement failed: {0}")]
    Child(String),
    #[error("could not read this process's CPU time: {0}")]
    CpuTime(nix::errno::Errno),
    #[error("the one-page rebuild wrote nothing: {0}")]
    Incremental(String),
    #[error("{0}")]
    WorkFolder(Diagnostic),
}

/// The file a benchmark leaves in its working folder, so that the next run
/// may replace what it finds there.
const WORK_MARKER: &str = ".technote-bench";

impl BenchError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

fn join(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Generates the project, then measures builds, the floor, peak memory and
/// one-page rebuilds. Files stay in `options.work_dir` for inspection.
pub fn run(options: &BenchOptions) -> Result<BenchReport, BenchError> {
    if let Workload::Synthetic { pages: 0, .. } | Workload::Tree { pages: 0 } = options.workload {
        return Err(BenchError::NoPages);
    }
    if options.runs == 0 {
        return Err(BenchError::NoRuns);
    }
    // The benchmark replaces what it finds in its working folder: only a
    // folder an earlier benchmark made, or an empty one, is used.
    let protected = technote_site::protected_folders(&BuildOptions::for_project(
        &options.source_root,
        options.embedded_assets,
    ));
    technote_site::check_output_folder(&options.work_dir, &protected, WORK_MARKER, false).map_err(
        |refused| {
            BenchError::WorkFolder(refused.with_help("choose a new or empty folder for --out"))
        },
    )?;
    fs::create_dir_all(&options.work_dir).map_err(|e| BenchError::io(&options.work_dir, e))?;
    let marker = options.work_dir.join(WORK_MARKER);
    fs::write(
        &marker,
        "Working folder of `technote bench`, replaced by its next run.\n",
    )
    .map_err(|e| BenchError::io(&marker, e))?;
    let project = BenchProject::create(
        &options.source_root,
        &options.work_dir.join("project"),
        options.workload,
    )?;
    let build_options = BuildOptions::for_project(&project.root, options.embedded_assets);
    let floor_dir = options.work_dir.join("floor");

    let mut builds = Vec::with_capacity(options.runs);
    let mut floors = Vec::with_capacity(options.runs);
    let mut build_cpu = Vec::with_capacity(options.runs);
    let mut floor_cpu = Vec::with_capacity(options.runs);
    let mut last = None;
    for _ in 0..options.runs {
        let before = measure::cpu_time()?;
        let report = technote_site::build(&build_options).map_err(BenchError::Build)?;
        let between = measure::cpu_time()?;
        builds.push(report.elapsed);
        floors.push(floor::run(&project.corpus.pages, &floor_dir)?);
        let after = measure::cpu_time()?;
        build_cpu.push(between.saturating_sub(before));
        floor_cpu.push(after.saturating_sub(between));
        last = Some(report);
    }
    let (files, output_bytes) = last.map_or((0, 0), |report| (report.files, report.bytes));
    let outputs = outputs::measure(&build_options.out)?;
    let peak_rss_bytes = match &options.child_build {
        Some(child) => Some(measure::child_peak_rss(child, &project.root)?),
        None => None,
    };
    let incremental = incremental::measure(
        &build_options,
        &options.work_dir.join("preview"),
        &project.corpus,
        options.runs,
    )?;

    let build = Timing::from_runs(&builds);
    let floor = Timing::from_runs(&floors);
    let seconds = build.median_ms / 1000.0;
    let per_second = |amount: f64| if seconds > 0.0 { amount / seconds } else { 0.0 };
    Ok(BenchReport {
        pages: project.corpus.pages.len(),
        technotes: project.corpus.technotes,
        locales: project.corpus.locales,
        files,
        markdown_bytes: project.corpus.markdown_bytes,
        output_bytes,
        outputs,
        ratio_to_floor: if floor.median_ms > 0.0 {
            build.median_ms / floor.median_ms
        } else {
            0.0
        },
        pages_per_second: per_second(project.corpus.pages.len() as f64),
        markdown_mb_per_second: per_second(project.corpus.markdown_bytes as f64 / 1e6),
        build,
        floor,
        build_cpu: Timing::from_runs(&build_cpu),
        floor_cpu: Timing::from_runs(&floor_cpu),
        peak_rss_bytes,
        one_page_rebuild: incremental.rebuild,
        search_refresh: incremental.search_refresh,
    })
}

/// Builds the project at `project_root` once, for [`ChildBuild`] commands.
pub fn build_once(project_root: &Path, embedded_assets: EmbeddedAssets) -> Result<(), BenchError> {
    technote_site::build(&BuildOptions::for_project(project_root, embedded_assets))
        .map_err(BenchError::Build)?;
    let peak = measure::own_peak_rss()
        .ok_or_else(|| BenchError::Child("/proc/self/status has no VmHWM line".to_string()))?;
    println!("{}{peak}", measure::PEAK_RSS_LINE);
    Ok(())
}
