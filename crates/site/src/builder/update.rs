//! Rendering a change: the edited pages read again, rendered with the pages
//! the change touches, and checked, with an undo log for a rejected change.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;

use crate::BuildOptions;
use crate::changes::Plan;
use crate::load::{Body, Page, duplicate_exl_ids, read_page, routes_of};
use crate::pages::OutputFile;
use crate::render::{PageFile, PageRecord, check_anchors};
use crate::routes::Routes;
use crate::site::{Listing, Site, render_listings};

/// What the change rendered, not yet written.
pub struct Rendered {
    pub pages: Vec<OutputFile>,
    pub listings: Vec<OutputFile>,
    /// Pages whose assets are copied again (their links may name new ones).
    pub touched: Vec<usize>,
    /// Locales with a page whose searchable text changed or that was
    /// hidden or shown.
    pub search_locales: BTreeSet<usize>,
    /// What a TOC's sidebar or a previous/next link shows of a page
    /// changed (its title, or whether it is hidden): sidebars are rendered
    /// once per build, so everything is built again.
    pub navigation_changed: bool,
}

/// Everything `render_changes` replaced in the site, to put back when the
/// change is rejected.
#[derive(Default)]
pub struct Undo {
    pages: Vec<(usize, Page)>,
    records: Vec<(usize, PageRecord)>,
    anchor_diagnostics: Vec<(usize, Vec<Diagnostic>)>,
    routes: Option<Routes>,
    exl_id_warnings: Option<Vec<Diagnostic>>,
}

impl Undo {
    pub fn restore(self, site: &mut Site) {
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
        if let Some(warnings) = self.exl_id_warnings {
            site.project.exl_id_warnings = warnings;
        }
    }
}

pub fn render_changes(
    options: &BuildOptions,
    site: &mut Site,
    plan: &Plan,
    undo: &mut Undo,
) -> Result<Rendered, Vec<Diagnostic>> {
    // Edited pages are read again; their new front matter replaces the old.
    let mut bodies: HashMap<usize, Body> = HashMap::new();
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
        let in_navigation = site.project.navigation.has_tocs[page.locale];
        if in_navigation
            && (page.front.title != old.front.title
                || page.front.hide != old.front.hide
                || page.front.hide_from_toc != old.front.hide_from_toc)
        {
            return Ok(Rendered {
                pages: Vec::new(),
                listings: Vec::new(),
                touched: Vec::new(),
                search_locales: BTreeSet::new(),
                navigation_changed: true,
            });
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
        let warnings = duplicate_exl_ids(&site.project.pages, &site.project.config.limits);
        undo.exl_id_warnings = Some(std::mem::replace(
            &mut site.project.exl_id_warnings,
            warnings,
        ));
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
    // Every page of the set was read above.
    let results: Vec<(usize, PageRecord, PageFile)> = render_set
        .par_iter()
        .filter_map(|&index| {
            let (record, file) = renderer.render(index, bodies.get(&index)?);
            Some((index, record, file))
        })
        .collect();
    let listings = if listings_changed {
        let locales = site.project.locales.len();
        let mut which: Vec<Listing> = (0..locales).map(Listing::Home).collect();
        which.push(Listing::SitemapAndRobots);
        which.extend((0..locales).map(Listing::Feed));
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
    // Redirects into the rendered pages may have lost their anchor.
    let redirect_anchors = site
        .project
        .redirects
        .check_anchors(&site.records, site.project.config.link_check.anchors);
    errors.extend(redirect_anchors.iter().filter(|d| d.is_error()).cloned());
    if !errors.is_empty() {
        return Err(errors);
    }
    site.redirect_anchors = redirect_anchors;
    Ok(Rendered {
        pages,
        listings,
        touched: render_set.into_iter().collect(),
        search_locales,
        navigation_changed: false,
    })
}

/// Reads pages again, in parallel: each one's new `Page` and body.
fn read_pages(
    site: &Site,
    indexes: &BTreeSet<usize>,
) -> Result<Vec<(usize, Page, Body)>, Vec<Diagnostic>> {
    let project = &site.project;
    let results: Vec<Result<(usize, Page, Body), Diagnostic>> = indexes
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
