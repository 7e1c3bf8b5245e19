//! Builds a technote site: reads the project, renders every page in
//! parallel, verifies links, and writes the result atomically.

mod links;
mod load;
mod output;
mod pages;
mod prose;
mod render;
mod routes;
mod templates;
mod widgets;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;

use crate::load::Project;
use crate::output::Staging;
use crate::pages::{OutputFile, PageSet};
use crate::templates::Templates;
use crate::widgets::Widgets;

/// Files the binary carries and writes into every site (the checker's
/// WebAssembly module and glue), as paths below `assets/`.
pub type EmbeddedAssets = &'static [(&'static str, &'static [u8])];

/// Where the project's parts are.
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
    /// Pages load the preview server's reload script (`technote serve` only).
    pub live_reload: bool,
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
            live_reload: false,
        }
    }
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub files: usize,
    pub bytes: u64,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
}

/// Builds the site into `options.out`. On any error nothing is written there.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let site = assemble(options)?;
    let staging = Staging::create(&options.out).map_err(|d| vec![d])?;
    let write_errors: Vec<Diagnostic> = site
        .files
        .par_iter()
        .filter_map(|file| staging.write(&file.path, &file.bytes).err())
        .collect();
    if !write_errors.is_empty() {
        return Err(relative(write_errors, &options.root));
    }
    staging.publish().map_err(|d| vec![d])?;
    Ok(BuildReport {
        pages: site.pages,
        files: site.files.len(),
        bytes: site.files.iter().map(|f| f.bytes.len() as u64).sum(),
        elapsed: started.elapsed(),
        warnings: relative(site.warnings, &options.root),
    })
}

/// Runs every check of a build without writing anything.
pub fn check(options: &BuildOptions) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    assemble(options).map(|site| relative(site.warnings, &options.root))
}

struct AssembledSite {
    pages: usize,
    files: Vec<OutputFile>,
    warnings: Vec<Diagnostic>,
}

fn assemble(options: &BuildOptions) -> Result<AssembledSite, Vec<Diagnostic>> {
    let fail = |d: Vec<Diagnostic>| relative(d, &options.root);
    let project = Project::load(options).map_err(fail)?;
    let templates = Templates::load(&options.templates, &project.locales, &project.localizer)
        .map_err(|d| fail(vec![d]))?;
    let widgets =
        Widgets::prepare(&options.templates, &project.localizer, &project.locales).map_err(fail)?;

    let (rendered, diagnostics) = render::render_all(&project, &options.content);
    let (errors, warnings): (Vec<_>, Vec<_>) =
        diagnostics.into_iter().partition(Diagnostic::is_error);
    if !errors.is_empty() {
        return Err(fail(errors));
    }

    let set = PageSet {
        project: &project,
        rendered: &rendered,
        templates: &templates,
        widgets: &widgets,
        live_reload: options.live_reload,
    };
    let mut results: Vec<Result<OutputFile, Diagnostic>> = (0..project.pages.len())
        .into_par_iter()
        .map(|i| set.technote(i))
        .collect();
    results.extend((0..project.locales.len()).map(|l| set.home(l)));
    results.extend((0..project.locales.len()).map(|l| set.not_found(Some(l))));
    results.push(set.root());
    results.push(set.not_found(None));
    match set.sitemap_and_robots() {
        Ok(files) => results.extend(files.into_iter().map(Ok)),
        Err(d) => results.push(Err(d)),
    }

    let mut files = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(d) => errors.push(d),
        }
    }
    files.extend(static_files(options, &rendered).map_err(|d| fail(vec![d]))?);
    if !errors.is_empty() {
        return Err(fail(errors));
    }
    Ok(AssembledSite {
        pages: project.pages.len(),
        files,
        warnings,
    })
}

/// `www/` and the embedded assets go to `assets/`; content assets (images)
/// keep their place under their locale.
fn static_files(
    options: &BuildOptions,
    rendered: &[render::RenderedPage],
) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut files = Vec::new();
    for (path, bytes) in options.embedded_assets {
        files.push(OutputFile {
            path: format!("assets/{path}"),
            bytes: bytes.to_vec(),
        });
    }
    collect_dir(&options.www, &options.www, &mut files)?;
    let mut copies: Vec<&links::AssetCopy> = rendered.iter().flat_map(|p| &p.assets).collect();
    copies.sort();
    copies.dedup();
    for copy in copies {
        let bytes = std::fs::read(&copy.source)
            .map_err(|e| output::io_error(&copy.source, "read an asset", &e))?;
        files.push(OutputFile {
            path: copy.output.clone(),
            bytes,
        });
    }
    Ok(files)
}

fn collect_dir(root: &Path, dir: &Path, files: &mut Vec<OutputFile>) -> Result<(), Diagnostic> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| output::io_error(dir, "read the www folder", &e))?;
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_dir(root, &path, files)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let bytes =
                std::fs::read(&path).map_err(|e| output::io_error(&path, "read a www file", &e))?;
            files.push(OutputFile {
                path: format!("assets/{}", rel.to_string_lossy().replace('\\', "/")),
                bytes,
            });
        }
    }
    Ok(())
}

fn relative(diagnostics: Vec<Diagnostic>, root: &Path) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|d| d.relative_to(root))
        .collect()
}
