//! A full build: the project read, every page rendered and written in one
//! parallel pass, then the checks across pages and the site-wide files.

use std::path::Path;

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;

use crate::BuildOptions;
use crate::load::Project;
use crate::output::SiteFolder;
use crate::pages::{OutputFile, PageSet};
use crate::pass::{self, PassOutcome};
use crate::render::{PageRecord, PageRenderer, check_anchors};
use crate::statics;
use crate::templates::{AssetUrls, Templates};
use crate::widgets::Widgets;

/// A project read and its templates prepared, before any page is rendered.
pub struct Prepared {
    pub project: Project,
    pub templates: Templates,
    pub widgets: Widgets,
}

impl Prepared {
    /// Reads everything a build needs. Diagnostics name files as found.
    pub fn load(options: &BuildOptions) -> Result<Self, Vec<Diagnostic>> {
        let project = Project::load(options)?;
        let assets = statics::asset_names(options).map_err(|d| vec![d])?;
        let templates = Templates::load(
            &options.templates,
            &project.locales,
            &project.localizer,
            AssetUrls::new(project.config.base_path(), assets),
        )
        .map_err(|d| vec![d])?;
        let reference = project
            .locales
            .get(project.reference)
            .cloned()
            .unwrap_or_default();
        let widgets = Widgets::prepare(
            &templates,
            &options.catalog(&project.config),
            &project.locale_folders[project.reference],
            &project.assets[project.reference],
            &project.localizer,
            &project.locales,
            &reference,
        )?;
        Ok(Self {
            project,
            templates,
            widgets,
        })
    }
}

/// A built site: what a long-lived builder keeps to rebuild parts of it.
pub struct Site {
    pub project: Project,
    pub templates: Templates,
    pub widgets: Widgets,
    /// One per page, by page index.
    pub records: Vec<PageRecord>,
    /// Per page, the problems of its links into other pages' anchors.
    pub anchor_diagnostics: Vec<Vec<Diagnostic>>,
    /// Redirects to an `#anchor` their page lacks.
    pub redirect_anchors: Vec<Diagnostic>,
}

/// What a build wrote.
#[derive(Debug, Default, Clone, Copy)]
pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

impl Written {
    /// Counts one file of `bytes` bytes.
    pub fn add(&mut self, bytes: u64) {
        self.files += 1;
        self.bytes += bytes;
    }
}

impl std::ops::AddAssign for Written {
    fn add_assign(&mut self, other: Self) {
        self.files += other.files;
        self.bytes += other.bytes;
    }
}

impl Site {
    /// Renders every page and writes the whole site into `folder` (nothing
    /// is written with `None`: a check). On errors the folder may hold part
    /// of the site; callers write into a staging folder. The pages' plain
    /// text is kept after indexing only with `keep_search_text` (a builder
    /// that indexes again after edits needs it; a one-off build does not).
    pub fn assemble(
        options: &BuildOptions,
        prepared: Prepared,
        folder: Option<SiteFolder<'_>>,
        keep_search_text: bool,
    ) -> Result<(Self, Written), Vec<Diagnostic>> {
        let Prepared {
            project,
            templates,
            widgets,
        } = prepared;
        let renderer = PageRenderer::new(
            &project,
            &options.root,
            &templates,
            &widgets,
            options.live_reload,
        );
        // Listings need only the front matter: they are rendered and written
        // while the pages render, so their memory is reused by the pages'
        // records instead of adding to them at the end. What needs every
        // page's record but no search index runs while the last batch of
        // pages is indexed.
        let after_pages = |records: &[PageRecord]| {
            let anchors: Vec<Vec<Diagnostic>> = (0..records.len())
                .into_par_iter()
                .map(|index| check_anchors(&project, records, index))
                .collect();
            let redirect_anchors = project
                .redirects
                .check_anchors(records, project.config.link_check.anchors);
            (
                (anchors, redirect_anchors),
                statics::asset_copies(records),
                statics::www_files(options),
            )
        };
        let ((outcome, ((anchor_diagnostics, redirect_anchors), copies, www)), listed) =
            rayon::join(
                || pass::run(&project, &renderer, folder, keep_search_text, after_pages),
                || write_listings(renderer.page_set(), project.locales.len(), folder),
            );
        let PassOutcome {
            records,
            mut written,
            template_errors,
            search,
        } = outcome;
        // Every error of the run at once: a writer fixes them in one go.
        let mut errors: Vec<Diagnostic> =
            site_diagnostics(&records, &anchor_diagnostics, &project, &redirect_anchors)
                .filter(|d| d.is_error())
                .cloned()
                .collect();
        errors.extend(template_errors);
        if !errors.is_empty() {
            return Err(errors);
        }

        let search = search.map_err(|d| vec![d])?;
        written += listed?;
        let www = www.map_err(|d| vec![d])?;
        // The checker's WebAssembly and the search indexes weigh megabytes:
        // they are compared with the previous site's copies on every core.
        let sizes: Vec<u64> = www
            .par_iter()
            .chain(search.par_iter())
            .map(|file| write(folder, file))
            .collect::<Result<_, _>>()
            .map_err(|d| vec![d])?;
        sizes.into_iter().for_each(|bytes| written.add(bytes));
        if let Some(folder) = folder {
            written.bytes += statics::copy_assets(folder, &copies).map_err(|d| vec![d])?;
        }
        written.files += copies.len();
        drop(renderer);
        let site = Self {
            project,
            templates,
            widgets,
            records,
            anchor_diagnostics,
            redirect_anchors,
        };
        Ok((site, written))
    }

    /// Every warning of the site: pages first, then links between pages,
    /// then the navigation's.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        site_diagnostics(
            &self.records,
            &self.anchor_diagnostics,
            &self.project,
            &self.redirect_anchors,
        )
        .filter(|d| !d.is_error())
        .cloned()
        .collect()
    }

    /// A renderer for pages of this site.
    pub fn renderer<'a>(&'a self, options: &'a BuildOptions) -> PageRenderer<'a> {
        PageRenderer::new(
            &self.project,
            &options.root,
            &self.templates,
            &self.widgets,
            options.live_reload,
        )
    }
}

/// A file that lists pages rather than shows one.
#[derive(Debug, Clone, Copy)]
pub enum Listing {
    /// A locale's home, and the lists of its features too long for it.
    Home(usize),
    /// One per locale, and one at the root (`None`).
    NotFound(Option<usize>),
    Root,
    SitemapAndRobots,
    /// A locale's Atom feed.
    Feed(usize),
    /// The pages of old addresses and `_redirects`.
    Redirects,
}

impl Listing {
    /// Every listing of a site with `locale_count` locales.
    pub fn all(locale_count: usize) -> Vec<Listing> {
        let mut all: Vec<Listing> = (0..locale_count).map(Listing::Home).collect();
        all.extend((0..locale_count).map(|l| Listing::NotFound(Some(l))));
        all.extend((0..locale_count).map(Listing::Feed));
        all.extend([
            Listing::Root,
            Listing::NotFound(None),
            Listing::SitemapAndRobots,
            Listing::Redirects,
        ]);
        all
    }

    fn render(self, set: &PageSet<'_>) -> Result<Vec<OutputFile>, Diagnostic> {
        match self {
            Listing::Home(locale) => set.home(locale),
            Listing::NotFound(locale) => set.not_found(locale).map(|file| vec![file]),
            Listing::Root => set.root().map(|file| vec![file]),
            Listing::SitemapAndRobots => set.sitemap_and_robots(),
            Listing::Feed(locale) => set.feed(locale).map(|file| vec![file]),
            Listing::Redirects => set.redirects(),
        }
    }
}

/// Renders listings in parallel with each other (a home lists every page).
pub fn render_listings(
    set: &PageSet<'_>,
    listings: &[Listing],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let results: Vec<Result<Vec<OutputFile>, Diagnostic>> = listings
        .par_iter()
        .map(|listing| listing.render(set))
        .collect();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(more) => files.extend(more),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Renders every listing and writes it when there is a folder.
fn write_listings(
    set: &PageSet<'_>,
    locale_count: usize,
    folder: Option<SiteFolder<'_>>,
) -> Result<Written, Vec<Diagnostic>> {
    let mut written = Written::default();
    for file in render_listings(set, &Listing::all(locale_count))? {
        written.add(write(folder, &file).map_err(|d| vec![d])?);
    }
    Ok(written)
}

/// Writes one file when there is a folder; returns its size.
pub fn write(folder: Option<SiteFolder<'_>>, file: &OutputFile) -> Result<u64, Diagnostic> {
    if let Some(folder) = folder {
        folder.write(&file.path, &file.bytes)?;
    }
    Ok(file.bytes.len() as u64)
}

/// Diagnostics with paths relative to the project, as users read them.
pub fn relative(diagnostics: Vec<Diagnostic>, root: &Path) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|d| d.relative_to(root))
        .collect()
}

/// Every diagnostic of a built site, in the order it is reported: pages,
/// links between pages, the navigation, the redirects and their anchors,
/// the locales that show strings of the reference locale.
/// One list for the build's errors and the site's warnings alike.
fn site_diagnostics<'a>(
    records: &'a [PageRecord],
    anchor_diagnostics: &'a [Vec<Diagnostic>],
    project: &'a Project,
    redirect_anchors: &'a [Diagnostic],
) -> impl Iterator<Item = &'a Diagnostic> {
    records
        .iter()
        .flat_map(|r| &r.diagnostics)
        .chain(anchor_diagnostics.iter().flatten())
        .chain(&project.exl_id_warnings)
        .chain(&project.navigation.diagnostics)
        .chain(&project.redirects.diagnostics)
        .chain(redirect_anchors)
        .chain(&project.string_warnings)
}
