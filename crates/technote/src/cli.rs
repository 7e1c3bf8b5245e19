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
    Build(ProjectArgs),
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
        options
    }
}
