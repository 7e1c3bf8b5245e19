//! A long-lived builder for the live preview: it keeps what the last build
//! learnt about every page and, given the files that changed, renders again
//! only what they touch, writing in place only the files whose bytes changed.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;

use crate::changes::{Plan, absolute};
use crate::load::{Page, duplicate_exl_ids, read_page, routes_of};
use crate::output::{SiteFolder, Staging};
use crate::pages::OutputFile;
use crate::refresh::SearchRefresh;
use crate::render::{PageFile, PageRecord, check_anchors};
use crate::routes::Routes;
use crate::search::LocaleSearch;
use crate::site::{Listing, Prepared, Site, Written, relative, render_listings};
use crate::{BuildOptions, BuildReport, statics};

/// Builds a site once, then again after each change, as fast as the change
/// allows. It owns `options.out`: full builds replace that folder atomically
/// (as [`crate::build`] does), rebuilds update it in place.
///
/// A change to `technote.toml`, templates or UI strings, or a page or asset
/// that appears or disappears, rebuilds everything. An edited page is
/// rendered again with the pages whose links into it must be checked again,
/// its translations when its `exl-id` changed, and the homes and sitemap
/// when what they list changed.
pub struct SiteBuilder {
    options: BuildOptions,
    site: Option<Site>,
    /// Search indexes of edited locales, rebuilt after the rebuild returns.
    search: SearchRefresh,
    /// Changes of rebuilds that failed: they are tried again with the next
    /// change, so fixing another file never hides a broken one.
    unsettled: Vec<PathBuf>,
}

impl SiteBuilder {
    pub fn new(options: BuildOptions) -> Self {
        Self {
            options,
            site: None,
            search: SearchRefresh::new(),
            unsettled: Vec::new(),
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// Builds the whole site. On errors the output folder keeps the previous
    /// site and the next [`SiteBuilder::rebuild`] builds everything.
    pub fn build_all(&mut self) -> Result<BuildReport, Vec<Diagnostic>> {
        let started = Instant::now();
        // A full build writes every index itself: no older refresh may follow it.
        self.search.cancel();
        self.site = None;
        self.unsettled.clear();
        let options = &self.options;
        let fail = |d: Vec<Diagnostic>| relative(d, &options.root);
        let prepared = Prepared::load(options).map_err(fail)?;
        let staging = Staging::create(&options.out).map_err(|d| fail(vec![d]))?;
        let (site, written) =
            Site::assemble(options, prepared, Some(staging.folder()), true).map_err(fail)?;
        staging.publish().map_err(|d| fail(vec![d]))?;
        let report = BuildReport {
            pages: site.project.pages.len(),
            files: written.files,
            bytes: written.bytes,
            elapsed: started.elapsed(),
            warnings: fail(site.warnings()),
        };
        self.site = Some(site);
        Ok(report)
    }

    /// Blocks until the search indexes of earlier rebuilds are written.
    pub fn wait_for_search(&self) {
        self.search.wait();
    }

    /// Brings the site up to date after `changed` files (absolute, or
    /// relative to the working folder) were created, edited or deleted. The
    /// report counts the pages rendered and the files written; its warnings
    /// are those of the whole site. On errors nothing is written.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<BuildReport, Vec<Diagnostic>> {
        let started = Instant::now();
        let Some(mut site) = self.site.take() else {
            return self.build_all();
        };
        let mut all_changes = std::mem::take(&mut self.unsettled);
        all_changes.extend(changed.iter().cloned());
        let plan = Plan::new(&self.options, &site.project, &all_changes);
        if plan.everything {
            return self.build_all();
        }
        let outcome = update(&self.options, &mut site, &plan);
        let root = &self.options.root;
        match outcome {
            Ok(Update {
                pages,
                written,
                search_locales,
            }) => {
                if !search_locales.is_empty() {
                    let snapshots = search_locales
                        .into_iter()
                        .map(|locale| {
                            LocaleSearch::of(
                                &site.project,
                                locale,
                                &site.project.pages,
                                &site.records,
                            )
                        })
                        .collect();
                    self.search.start(self.options.out.clone(), snapshots);
                }
                let mut warnings = site.warnings();
                warnings.extend(self.search.take_problems());
                let report = BuildReport {
                    pages,
                    files: written.files,
                    bytes: written.bytes,
                    elapsed: started.elapsed(),
                    warnings: relative(warnings, root),
                };
                self.site = Some(site);
                Ok(report)
            }
            Err(Failure::Rejected(diagnostics)) => {
                // The site in memory and on disk is still the last good one.
                self.site = Some(site);
                self.unsettled = all_changes;
                Err(relative(diagnostics, root))
            }
            // Part of the change may be on disk: the next change rebuilds everything.
            Err(Failure::Write(diagnostics)) => Err(relative(diagnostics, root)),
        }
    }
}

impl Drop for SiteBuilder {
    /// Nothing is written into the output folder once its owner is gone.
    fn drop(&mut self) {
        self.search.cancel();
    }
}

struct Update {
    pages: usize,
    written: Written,
    /// Locales whose search index must be built again.
    search_locales: BTreeSet<usize>,
}

enum Failure {
    /// The change has errors; the site was left as it was.
    Rejected(Vec<Diagnostic>),
    /// Writing failed half-way.
    Write(Vec<Diagnostic>),
}

/// Renders what `plan` touches, checks it, then writes what changed.
fn update(options: &BuildOptions, site: &mut Site, plan: &Plan) -> Result<Update, Failure> {
    let mut undo = Undo::default();
    match render_changes(options, site, plan, &mut undo) {
        Ok(rendered) => {
            let written = write_changes(options, site, plan, &rendered).map_err(Failure::Write)?;
            Ok(Update {
                pages: rendered.pages.len(),
                written,
                search_locales: rendered.search_locales,
            })
        }
        Err(diagnostics) => {
            undo.restore(site);
            Err(Failure::Rejected(diagnostics))
        }
    }
}

/// What the change rendered, not yet written.
struct Rendered {
    pages: Vec<OutputFile>,
    listings: Vec<OutputFile>,
    /// Pages whose assets are copied again (their links may name new ones).
    touched: Vec<usize>,
    /// Locales with a page whose searchable text changed or that was
    /// hidden or shown.
    search_locales: BTreeSet<usize>,
}

/// Everything `render_changes` replaced in the site, to put back when the
/// change is rejected.
#[derive(Default)]
struct Undo {
    pages: Vec<(usize, Page)>,
    records: Vec<(usize, PageRecord)>,
    anchor_diagnostics: Vec<(usize, Vec<Diagnostic>)>,
    routes: Option<Routes>,
}

impl Undo {
    fn restore(self, site: &mut Site) {
        for (index, diagnostics) in self.anchor_diagnostics {
            if let Some(slot) = site.anchor_diagnostics.get_mut(index) {
                *slot = diagnostics;
            }
        }
        for (index, record) in self.records {
            if let Some(slot) = site.records.get_mut(index) {
                *slot = record;
            }
        }
        for (index, page) in self.pages {
            if let Some(slot) = site.project.pages.get_mut(index) {
                *slot = page;
            }
        }
        if let Some(routes) = self.routes {
            site.project.routes = routes;
        }
    }
}

fn render_changes(
    options: &BuildOptions,
    site: &mut Site,
    plan: &Plan,
    undo: &mut Undo,
) -> Result<Rendered, Vec<Diagnostic>> {
    // Edited pages are read again; their new front matter replaces the old.
    let mut bodies: HashMap<usize, String> = HashMap::new();
    let mut groups_changed = false;
    let mut listings_changed = false;
    let mut render_set: BTreeSet<usize> = plan.pages.clone();
    let mut search_locales = BTreeSet::new();
    for (index, page, body) in read_pages(site, &plan.pages)? {
        let Some(old) = site.project.pages.get(index) else {
            continue;
        };
        if page.front.exl_id != old.front.exl_id {
            groups_changed = true;
            // Its former translations lose a language link.
            render_set.extend(site.project.routes.translations(index));
        }
        if page.front.hide != old.front.hide {
            search_locales.insert(page.locale);
        }
        listings_changed |= page.front.title != old.front.title
            || page.front.description != old.front.description
            || page.front.feature != old.front.feature
            || page.front.hide != old.front.hide
            || page.front.exl_id != old.front.exl_id;
        if let Some(slot) = site.project.pages.get_mut(index) {
            undo.pages.push((index, std::mem::replace(slot, page)));
        }
        bodies.insert(index, body);
    }
    if groups_changed {
        let duplicates = duplicate_exl_ids(&site.project.pages);
        if !duplicates.is_empty() {
            return Err(duplicates);
        }
        let routes = routes_of(site.project.locales.len(), &site.project.pages);
        undo.routes = Some(std::mem::replace(&mut site.project.routes, routes));
        for &index in &plan.pages {
            render_set.extend(site.project.routes.translations(index));
        }
    }
    // Translations rendered again for their language links: unchanged sources.
    let unchanged: BTreeSet<usize> = render_set.difference(&plan.pages).copied().collect();
    for (index, _, body) in read_pages(site, &unchanged)? {
        bodies.insert(index, body);
    }

    let renderer = site.renderer(options);
    let results: Vec<(usize, PageRecord, PageFile)> = render_set
        .par_iter()
        .map(|&index| {
            let body = bodies.get(&index).map_or("", String::as_str);
            let (record, file) = renderer.render(index, body);
            (index, record, file)
        })
        .collect();
    let listings = if listings_changed {
        let locales = site.project.locales.len();
        let mut which: Vec<Listing> = (0..locales).map(Listing::Home).collect();
        which.push(Listing::SitemapAndRobots);
        render_listings(renderer.page_set(), &which)
    } else {
        Ok(Vec::new())
    };
    drop(renderer);

    let mut errors = Vec::new();
    let mut pages = Vec::new();
    for (index, record, file) in results {
        errors.extend(record.diagnostics.iter().filter(|d| d.is_error()).cloned());
        match file {
            Some(Ok(file)) => pages.push(file),
            Some(Err(error)) => errors.push(error),
            None => {}
        }
        if let Some(slot) = site.records.get_mut(index) {
            if slot.search != record.search
                && let Some(page) = site.project.pages.get(index)
            {
                search_locales.insert(page.locale);
            }
            undo.records.push((index, std::mem::replace(slot, record)));
        }
    }
    let listings = listings.unwrap_or_else(|listing_errors| {
        errors.extend(listing_errors);
        Vec::new()
    });

    // Links into the rendered pages are checked again: their anchors may have changed.
    let rechecked: Vec<usize> = (0..site.records.len())
        .filter(|&index| {
            render_set.contains(&index)
                || site.records[index]
                    .pending
                    .iter()
                    .any(|link| render_set.contains(&link.target))
        })
        .collect();
    let checks: Vec<(usize, Vec<Diagnostic>)> = rechecked
        .par_iter()
        .map(|&index| (index, check_anchors(&site.project, &site.records, index)))
        .collect();
    for (index, diagnostics) in checks {
        errors.extend(diagnostics.iter().filter(|d| d.is_error()).cloned());
        if let Some(slot) = site.anchor_diagnostics.get_mut(index) {
            undo.anchor_diagnostics
                .push((index, std::mem::replace(slot, diagnostics)));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Rendered {
        pages,
        listings,
        touched: render_set.into_iter().collect(),
        search_locales,
    })
}

/// Reads pages again, in parallel: each one's new `Page` and body.
fn read_pages(
    site: &Site,
    indexes: &BTreeSet<usize>,
) -> Result<Vec<(usize, Page, String)>, Vec<Diagnostic>> {
    let project = &site.project;
    let results: Vec<Result<(usize, Page, String), Diagnostic>> = indexes
        .par_iter()
        .filter_map(|&index| {
            let source = project.pages.get(index)?.source.clone();
            Some(
                read_page(source, &project.locales, &project.config)
                    .map(|(page, body)| (index, page, body)),
            )
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(page) => pages.push(page),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}

/// Writes, in place, the files of the change whose bytes differ from what
/// the output folder holds.
fn write_changes(
    options: &BuildOptions,
    site: &Site,
    plan: &Plan,
    rendered: &Rendered,
) -> Result<Written, Vec<Diagnostic>> {
    let folder = SiteFolder { root: &options.out };
    let mut files: Vec<&OutputFile> = rendered.pages.iter().chain(&rendered.listings).collect();
    let www = if plan.www {
        statics::www_files(options).map_err(|d| vec![d])?
    } else {
        Vec::new()
    };
    files.extend(&www);
    let mut copies: Vec<_> = rendered
        .touched
        .iter()
        .filter_map(|&index| site.records.get(index))
        .flat_map(|record| &record.assets)
        .collect();
    let edited_assets: Vec<PathBuf> = plan.assets.iter().map(|p| absolute(p)).collect();
    copies.extend(
        site.records
            .iter()
            .flat_map(|record| &record.assets)
            .filter(|copy| edited_assets.contains(&absolute(&copy.source))),
    );
    copies.sort();
    copies.dedup();

    let results: Vec<Result<Option<u64>, Diagnostic>> = files
        .par_iter()
        .map(|file| write_if_changed(folder, &file.path, &file.bytes))
        .chain(copies.par_iter().map(|copy| {
            let bytes = std::fs::read(&copy.source)
                .map_err(|e| crate::output::io_error(&copy.source, "read an asset", &e))?;
            write_if_changed(folder, &copy.output, &bytes)
        }))
        .collect();
    let mut written = Written::default();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(Some(bytes)) => {
                written.files += 1;
                written.bytes += bytes;
            }
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(written)
    } else {
        Err(errors)
    }
}

/// The size written, or `None` when the file already held these bytes.
fn write_if_changed(
    folder: SiteFolder<'_>,
    path: &str,
    bytes: &[u8],
) -> Result<Option<u64>, Diagnostic> {
    folder
        .write_if_changed(path, bytes)
        .map(|wrote| wrote.then_some(bytes.len() as u64))
}
