//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use technote_site::{BuildOptions, EmbeddedAssets};

#[derive(Parser)]
#[command(
    name = "technote",
    version,
    about = "Static sites from localized Adobe Flavored Markdown technotes, with live checks"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Build the site into the output folder (atomically: a failed build leaves the previous site).
    Build(BuildArgs),
    /// Run every check of a build, plus translators' reports, writing nothing.
    ///
    /// Exit code: 1 when there are errors (or warnings with --deny warnings), 0 otherwise.
    Check(CheckArgs),
    /// Build, serve on loopback and rebuild on every change; the browser reloads by itself.
    Serve(ServeArgs),
    /// IMS readiness verdict for one machine, or for an inventory with --csv.
    ///
    /// Exit code without --check (the June 2021 check): 0 when every verdict is ready or
    /// not-affected, 1 otherwise. With --check: 0 for a verdict, 2 when the answers decide
    /// none; a fleet 0 when every row got one, 1 otherwise. 2 for a usage error.
    #[command(after_help = crate::verdict::built_in_check_flags())]
    Verdict(VerdictArgs),
    /// Time full and one-page builds of a synthetic site (or of this project) against a
    /// pulldown-cmark floor, with peak memory; see BENCHMARKS.md.
    Bench(technote_bench::cli::BenchArgs),
    /// Start a new locale or technote, laid out so that `technote check` passes;
    /// never overwrites a file.
    #[command(subcommand)]
    New(NewCommand),
    /// Start a project in DIR: technote.toml and a first technote in English and French,
    /// on the built-in theme; `technote build` and `technote check` pass at once.
    Init {
        /// The project folder, created if missing; it must not hold a technote.toml or content/.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Copy files of the built-in theme into the project to edit them: each copy replaces
    /// the built-in file at its path. Never overwrites a file.
    Eject(EjectArgs),
}

#[derive(Args)]
pub struct EjectArgs {
    /// A file or folder of the theme, such as templates/base.html, www or locales/fr;
    /// every file when left out.
    pub path: Option<String>,
    /// List the theme's files instead, marking those the project replaces.
    #[arg(long)]
    pub list: bool,
    /// Project folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

#[derive(Subcommand)]
pub enum NewCommand {
    /// Add a locale: its entry in technote.toml, locales/<tag>/ with the reference
    /// locale's .ftl files to translate, and an empty content/<tag>/.
    Locale {
        /// Language tag, such as de, pt-BR or zh-Hant.
        tag: String,
        #[command(flatten)]
        project: ProjectArgs,
    },
    /// Write a technote at PATH (under content/<locale>/): a title and a fresh exl-id,
    /// or with --from a translation of SOURCE that records its revision.
    Technote {
        /// Where the new .md file goes, e.g. content/de/technotes/using/ims.md.
        path: PathBuf,
        /// The technote it translates: its front matter and text are copied.
        #[arg(long)]
        from: Option<PathBuf>,
        #[command(flatten)]
        project: ProjectArgs,
    },
}

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Also fail on warnings, publishing nothing: `--deny warnings`
    /// (or `deny_warnings = true` in technote.toml).
    #[arg(long, value_parser = ["warnings"])]
    pub deny: Option<String>,
    #[command(flatten)]
    pub deploy: DeployArgs,
    /// Also write a gzip (.gz) and a brotli (.br) copy of each text file, for hosts that
    /// serve them as they are.
    #[arg(long)]
    pub precompress: bool,
}

/// Where this build of the site is published.
#[derive(Args)]
pub struct DeployArgs {
    /// The address the site is published at, in place of technote.toml's base_url
    /// (a deploy preview, GitHub Pages' https://OWNER.github.io/REPOSITORY/).
    #[arg(long, env = "TECHNOTE_BASE_URL", value_parser = base_url)]
    pub base_url: Option<String>,
}

fn base_url(text: &str) -> Result<String, String> {
    technote_content::parse_base_url(text)
}

/// How far the build may go in replacing its output folder.
#[derive(Args)]
pub struct OutputArgs {
    /// Replace the output folder even if it holds files technote did not write
    /// (they are deleted). The project's own folders and your home folder are
    /// refused all the same.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also fail on warnings: `--deny warnings`.
    #[arg(long, value_parser = ["warnings"])]
    pub deny: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// SARIF 2.1.0, for CI annotations (GitHub code scanning and others).
    Sarif,
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Address to listen on; loopback unless you say otherwise.
    #[arg(long, default_value_t = technote_serve::DEFAULT_ADDRESS)]
    pub address: std::net::SocketAddr,
}

#[derive(Args)]
pub struct VerdictArgs {
    /// A check declared beside a technote (`<page>.check.toml` in the reference locale's
    /// folder) or built in, e.g. ims-migration, answered by `--<input> <value>` flags named
    /// like its inputs (listed below). `ims-2021`, the June 2021 sign-in check, is the default.
    #[arg(long)]
    pub check: Option<String>,
    /// Project folder whose declared checks `--check` looks up, and whose
    /// `[checks] catalog` places the versions.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Release catalog to place versions in [default: `[checks] catalog` of the project's
    /// technote.toml, else the catalog built into technote].
    #[arg(long)]
    pub catalog: Option<PathBuf>,
    /// The answers: `--version 7.3.5 --api none ...`, one flag per input of the check.
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        num_args = 0..,
        value_name = "--INPUT VALUE",
        hide = true
    )]
    pub inputs: Vec<String>,
    /// Inventory CSV: one machine per row, columns named like the check's flags (plus an
    /// optional `machine`).
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Language of the verdict's text.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Folder of Fluent files to use instead of the ones built in.
    #[arg(long)]
    pub locales: Option<PathBuf>,
    /// With --csv, how many rows to read at most before taking the file for
    /// something else than an inventory.
    #[arg(long, default_value_t = technote_verdict::DEFAULT_MAX_ROWS, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_rows: u64,
    /// Print JSON instead of text (with --csv, JSON Lines: one object per row
    /// or problem, then a summary with the counts by status).
    #[arg(long)]
    pub json: bool,
}

impl VerdictArgs {
    /// Once the first answer of a declared check is read, clap hands every
    /// later word over as an answer: the command's own options among them
    /// (`--lang fr`, `--json`, `--csv fleet.csv`...) are taken back here.
    pub fn take_options_from_answers(&mut self) -> Result<(), String> {
        let mut answers = Vec::new();
        let mut words = std::mem::take(&mut self.inputs).into_iter();
        while let Some(word) = words.next() {
            let (flag, inline) = match word.split_once('=') {
                Some((flag, value)) => (flag.to_owned(), Some(value.to_owned())),
                None => (word.clone(), None),
            };
            if flag == "--json" && inline.is_none() {
                self.json = true;
                continue;
            }
            if ![
                "--check",
                "--lang",
                "--root",
                "--catalog",
                "--locales",
                "--csv",
                "--max-rows",
            ]
            .contains(&flag.as_str())
            {
                answers.push(word);
                continue;
            }
            let Some(value) = inline.or_else(|| words.next()) else {
                return Err(format!("{flag} needs a value"));
            };
            match flag.as_str() {
                "--check" => self.check = Some(value),
                "--lang" => self.lang = value,
                "--root" => self.root = PathBuf::from(value),
                "--catalog" => self.catalog = Some(PathBuf::from(value)),
                "--locales" => self.locales = Some(PathBuf::from(value)),
                "--csv" => self.csv = Some(PathBuf::from(value)),
                _ => {
                    self.max_rows =
                        value.parse().ok().filter(|rows| *rows > 0).ok_or_else(|| {
                            format!("--max-rows: `{value}` is not a whole number above 0")
                        })?;
                }
            }
        }
        self.inputs = answers;
        Ok(())
    }
}

/// Where the project's parts are; each defaults to the standard layout under `--root`.
#[derive(Args)]
pub struct ProjectArgs {
    /// Project folder.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Site configuration file [default: ROOT/technote.toml].
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Content folder holding one folder per locale [default: ROOT/content].
    #[arg(long)]
    pub content: Option<PathBuf>,
    /// Output folder [default: ROOT/public].
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Release catalog the live checks are built with [default: `[checks] catalog` of
    /// the configuration, else the one built into technote].
    #[arg(long)]
    pub catalog: Option<PathBuf>,
}

impl ProjectArgs {
    pub fn options(&self, embedded_assets: EmbeddedAssets) -> BuildOptions {
        let mut options = BuildOptions::for_project(&self.root, embedded_assets);
        if let Some(config) = &self.config {
            options.config.clone_from(config);
        }
        if let Some(content) = &self.content {
            options.content.clone_from(content);
        }
        if let Some(out) = &self.out {
            options.out.clone_from(out);
        }
        options.catalog.clone_from(&self.catalog);
        options
    }
}
