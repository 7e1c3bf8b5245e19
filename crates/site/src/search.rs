//! One static search index per locale, from the pages' plain text, written
//! to `assets/search/<locale>/` for `www/search.js` to load on first use.

use std::sync::Arc;

use rayon::prelude::*;

use technote_diagnostics::Diagnostic;
use technote_search::{SearchDocument, SectionStart, build_index};
use unic_langid::LanguageIdentifier;

use crate::load::{Page, Project};
use crate::pages::OutputFile;
use crate::render::{PageRecord, SearchText};

/// The searchable pages of one locale, in page order: a snapshot that can
/// be indexed away from the site (the preview refreshes indexes in the
/// background). Hidden pages are left out, as they are from listings and
/// the sitemap.
pub struct LocaleSearch {
    locale: LanguageIdentifier,
    tag: String,
    /// URL path and text of each page.
    pages: Vec<(String, Arc<SearchText>)>,
}

impl LocaleSearch {
    /// The pages of `locale` among `pages`, whose records are `records`
    /// (same order).
    pub fn of(project: &Project, locale: usize, pages: &[Page], records: &[PageRecord]) -> Self {
        let pages = pages
            .iter()
            .zip(records)
            .filter(|(page, _)| page.locale == locale && !page.front.hide)
            .map(|(page, record)| (page.url_path.clone(), Arc::clone(&record.search)))
            .collect();
        Self {
            locale: project.locales[locale].clone(),
            tag: project.locale_tags[locale].clone(),
            pages,
        }
    }

    pub fn index(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        // Both on every core: the last locale's index is the end of a build.
        let starts: Vec<Vec<SectionStart>> = self
            .pages
            .par_iter()
            .map(|(_, search)| {
                search
                    .starts
                    .iter()
                    .map(|(id, heading)| SectionStart { id, heading })
                    .collect()
            })
            .collect();
        let documents: Vec<SearchDocument> = self
            .pages
            .par_iter()
            .zip(&starts)
            .map(|((url, search), starts)| {
                SearchDocument::from_plain_text(url, &search.title, &search.text, starts)
            })
            .collect();
        let files = build_index(&self.locale, &documents).map_err(|e| {
            Diagnostic::error(
                format!("content/{}", self.tag),
                format!("search index: {e}"),
            )
            .with_help("split the largest technotes, or raise the index's section limit")
        })?;
        Ok(files
            .into_iter()
            .map(|f| OutputFile {
                path: format!("assets/search/{}", f.path),
                bytes: f.bytes,
            })
            .collect())
    }
}
