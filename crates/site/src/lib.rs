//! Builds a technote site: reads the project, renders every page in
//! parallel, verifies links, and writes the result atomically.

mod badges;
mod builder;
mod changes;
mod fallback_text;
mod git_dates;
mod host_files;
mod language_choice;
mod links;
mod load;
mod navigation;
mod output;
mod output_guard;
mod page_meta;
mod pages;
mod pass;
mod precompress;
mod prose;
mod redirects;
mod refresh;
mod render;
mod routes;
mod search;
mod site;
mod statics;
mod templates;
mod tree;
mod widgets;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use technote_diagnostics::{Diagnostic, Severity};

pub use crate::builder::SiteBuilder;
pub use crate::host_files::CONTENT_SECURITY_POLICY;
use crate::output::Staging;
pub use crate::output_guard::{Protected, SITE_MARKER, check_output_folder, protected_folders};
use crate::site::{Prepared, Site, relative};

/// Files the binary carries and writes into every site (the checker's
/// WebAssembly module and glue), as paths below `assets/`.
pub type EmbeddedAssets = &'static [(&'static str, &'static [u8])];

/// The built-in theme's `.ftl` files, beneath the project's `locales/`.
pub fn builtin_ftl() -> Vec<technote_i18n::BuiltinFtl<'static>> {
    technote_theme::ftl_files().collect()
}

/// Where the project's parts are. `locales`, `templates` and `www` may be
/// missing or partial: the built-in theme (`technote-theme`) fills them.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    pub config: PathBuf,
    pub content: PathBuf,
    pub locales: PathBuf,
    pub templates: PathBuf,
    pub www: PathBuf,
    pub out: PathBuf,
    pub embedded_assets: EmbeddedAssets,
    /// The address the site is published at for this build, in place of the
    /// configuration's `base_url` (a deploy preview); already normalized
    /// with `technote_content::parse_base_url`.
    pub base_url: Option<String>,
    /// Write a `.gz` and a `.br` copy beside each text file of the site.
    pub precompress: bool,
    /// Pages load the preview server's reload script (`technote serve` only).
    pub live_reload: bool,
    /// Replace an output folder that holds files technote did not write
    /// (`--force`); the project's own folders stay refused.
    pub force: bool,
    /// Warnings fail the build (`--deny warnings`; `deny_warnings = true`
    /// in technote.toml does the same).
    pub deny_warnings: bool,
    /// The release catalog for this build (`--catalog`), in place of the
    /// configuration's `[checks] catalog`.
    pub catalog: Option<PathBuf>,
}

impl BuildOptions {
    /// The standard layout of a project rooted at `root`.
    pub fn for_project(root: &Path, embedded_assets: EmbeddedAssets) -> Self {
        Self {
            root: root.to_path_buf(),
            config: root.join("technote.toml"),
            content: root.join("content"),
            locales: root.join("locales"),
            templates: root.join("templates"),
            www: root.join("www"),
            out: root.join("public"),
            embedded_assets,
            base_url: None,
            precompress: false,
            live_reload: false,
            force: false,
            deny_warnings: false,
            catalog: None,
        }
    }

    /// The release catalog the site's checks are built with: `--catalog`,
    /// else `[checks] catalog` of `config`, else the one built into technote.
    pub fn catalog(
        &self,
        config: &technote_content::SiteConfig,
    ) -> technote_live_checks::SiteCatalog {
        technote_live_checks::SiteCatalog::new(
            self.catalog.as_deref().or(config.catalog.as_deref()),
        )
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Pages rendered: all of them, or those a [`SiteBuilder::rebuild`] touched.
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    pub elapsed: Duration,
    /// Every warning of the site as it now stands.
    pub warnings: Vec<Diagnostic>,
}

/// Builds the site into `options.out`. On any error nothing is written there.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let fail = |d: Vec<Diagnostic>| relative(d, &options.root);
    let prepared = Prepared::load(options).map_err(fail)?;
    let staging = Staging::for_site(options).map_err(|d| fail(vec![d]))?;
    let (site, mut written) =
        Site::assemble(options, prepared, Some(staging.folder()), false).map_err(fail)?;
    let pages = site.project.pages.len();
    let warnings = fail(site.warnings());
    if (options.deny_warnings || site.project.config.deny_warnings) && !warnings.is_empty() {
        let denied = warnings
            .into_iter()
            .map(|w| w.with_severity(Severity::Error));
        return Err(denied.collect());
    }
    if options.precompress {
        let compressed = precompress::precompress(staging.folder()).map_err(|d| fail(vec![d]))?;
        written.files += compressed.files;
        written.bytes += compressed.bytes;
    }
    // Freeing the site's thousands of records is work like removing the
    // previous site's thousands of files: each gets a core.
    let (published, ()) = rayon::join(|| staging.publish(), move || drop(site));
    published.map_err(|d| fail(vec![d]))?;
    Ok(BuildReport {
        pages,
        files: written.files,
        bytes: written.bytes,
        elapsed: started.elapsed(),
        warnings,
    })
}

/// What [`check`] found, and the pages it read.
pub struct CheckOutcome {
    /// The errors of the site or, when it has none, its warnings; paths
    /// relative to the project.
    pub diagnostics: Vec<Diagnostic>,
    /// Every technote with its front matter; empty when the project could
    /// not be read.
    pub pages: Vec<CheckedPage>,
}

/// A technote as a check read it.
pub struct CheckedPage {
    pub file: technote_content::SourceFile,
    pub front: technote_content::FrontMatter,
}

/// Runs every check of a build without writing anything (nor building the
/// search index, which only a written site needs).
pub fn check(options: &BuildOptions) -> CheckOutcome {
    let fail = |d: Vec<Diagnostic>| relative(d, &options.root);
    let prepared = match Prepared::load(options) {
        Ok(prepared) => prepared,
        Err(problems) => {
            return CheckOutcome {
                diagnostics: fail(problems),
                pages: Vec::new(),
            };
        }
    };
    let pages = prepared
        .project
        .pages
        .iter()
        .filter(|page| page.unreadable.is_none())
        .map(|page| CheckedPage {
            file: page.source.clone(),
            front: page.front.clone(),
        })
        .collect();
    let diagnostics = match Site::assemble(options, prepared, None, false) {
        Ok((site, _)) => fail(site.warnings()),
        Err(problems) => fail(problems),
    };
    CheckOutcome { diagnostics, pages }
}
