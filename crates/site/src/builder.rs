//! A long-lived builder for the live preview: it keeps what the last build
//! learnt about every page and, given the files that changed, renders again
//! only what they touch, writing in place only the files whose bytes changed.

mod update;
mod write;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

use technote_diagnostics::Diagnostic;

use crate::changes::Plan;
use crate::output::Staging;
use crate::refresh::SearchRefresh;
use crate::search::LocaleSearch;
use crate::site::{Prepared, Site, Written, relative};
use crate::{BuildOptions, BuildReport};
use update::{Undo, render_changes};
use write::write_changes;

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
        let staging = Staging::for_site(options).map_err(|d| fail(vec![d]))?;
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
            Err(Failure::Everything) => self.build_all(),
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
    /// The change reaches every page (the navigation): nothing was
    /// written, and the whole site is built again.
    Everything,
}

/// Renders what `plan` touches, checks it, then writes what changed.
fn update(options: &BuildOptions, site: &mut Site, plan: &Plan) -> Result<Update, Failure> {
    let mut undo = Undo::default();
    match render_changes(options, site, plan, &mut undo) {
        Ok(rendered) if rendered.navigation_changed => Err(Failure::Everything),
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
