//! One static search index per locale, from the pages' plain text, written
//! to `assets/search/<locale>/` for `www/search.js` to load on first use.

use std::sync::Arc;

use rayon::prelude::*;

use technote_diagnostics::Diagnostic;
use technote_search::{IndexFile, SearchDocument, SearchError, SectionStart, build_index};
use unic_langid::LanguageIdentifier;

use crate::load::{Page, Project};
use crate::pages::OutputFile;
use crate::render::{PageRecord, SearchText};

/// The searchable pages of one locale, in page order: a snapshot that can
/// be indexed away from the site (the preview refreshes indexes in the
/// background).
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
            .filter(|(page, _)| page.locale == locale && is_searchable(page))
            .map(|(page, record)| (page.url_path.clone(), Arc::clone(&record.search)))
            .collect();
        Self {
            locale: project.locales[locale].clone(),
            tag: project.locale_tags[locale].clone(),
            pages,
        }
    }

    pub fn index(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        let pages: Vec<(&str, &SearchText)> = (self.pages.iter())
            .map(|(url, search)| (url.as_str(), search.as_ref()))
            .collect();
        build_index(&self.locale, &documents(&pages))
            .map(index_files)
            .map_err(|e| index_error(&self.tag, &e))
    }
}

/// Hidden pages are left out of the index, as they are from listings and
/// the sitemap.
pub fn is_searchable(page: &Page) -> bool {
    !page.front.hide
}

/// The search documents of `pages` (URL path, text): their text split at
/// their sections, on every core.
pub fn documents<'t>(pages: &[(&'t str, &'t SearchText)]) -> Vec<SearchDocument<'t>> {
    pages
        .par_iter()
        .map(|(url, search)| {
            let starts: Vec<SectionStart> = (search.starts.iter())
                .map(|(id, heading)| SectionStart { id, heading })
                .collect();
            SearchDocument::from_plain_text(url, &search.title, &search.text, &starts)
        })
        .collect()
}

/// The index files of a locale, where the site writes them.
pub fn index_files(files: Vec<IndexFile>) -> Vec<OutputFile> {
    files
        .into_iter()
        .map(|f| OutputFile {
            path: format!("assets/search/{}", f.path),
            bytes: f.bytes,
        })
        .collect()
}

pub fn index_error(tag: &str, error: &SearchError) -> Diagnostic {
    Diagnostic::error(format!("content/{tag}"), format!("search index: {error}"))
        .with_code("search-index-too-large")
        .with_help("split the largest technotes, or raise the index's section limit")
}
