//! The page pass of a full build: pages are rendered and written locale by
//! locale (sources are sorted that way), and each locale's search index is
//! built while the next locale's pages render. Neither the index of the
//! first locales nor their pages' text then waits for the whole site.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;

use crate::load::{Page, Project, read_body};
use crate::output::SiteFolder;
use crate::pages::OutputFile;
use crate::render::{PageRecord, PageRenderer, SearchText};
use crate::search::LocaleSearch;
use crate::site::Written;

/// At most this many pages are rendered in a row by one task: a page
/// takes about 0.1 ms, a task a microsecond or two.
const PAGES_PER_TASK: usize = 8;

/// What the page pass produced.
pub struct PassOutcome {
    /// One per page, by page index.
    pub records: Vec<PageRecord>,
    pub written: Written,
    /// Pages whose template failed.
    pub template_errors: Vec<Diagnostic>,
    /// The search index files of every locale, or why one failed.
    pub search: Result<Vec<OutputFile>, Diagnostic>,
}

/// Renders and writes every page, and indexes every locale. Without
/// `keep_text`, a locale's page text is released once it is indexed.
/// Without a folder (a check) nothing is written, so nothing is indexed.
/// `after_pages` runs on the records of every page as soon as the last one
/// renders, alongside the last locale's index (the checks across pages
/// need no index, and the index alone would leave cores idle).
pub fn run<After: Send>(
    project: &Project,
    renderer: &PageRenderer<'_>,
    folder: Option<SiteFolder<'_>>,
    keep_text: bool,
    after_pages: impl FnOnce(&[PageRecord]) -> After + Send,
) -> (PassOutcome, After) {
    let batches = locale_batches(&project.pages);
    let index = |locale: usize, pages: &[Page], records: &[PageRecord]| match folder {
        Some(_) => LocaleSearch::of(project, locale, pages, records).index(),
        None => Ok(Vec::new()),
    };

    let mut outcome = PassOutcome {
        records: Vec::with_capacity(project.pages.len()),
        written: Written::default(),
        template_errors: Vec::new(),
        search: Ok(Vec::new()),
    };
    // A locale whose pages are all rendered: (locale, end of its last batch).
    let mut ready: Option<(usize, usize)> = None;
    for (position, range) in batches.iter().enumerate() {
        let render = || render_batch(project, renderer, range.clone(), folder);
        let (rendered, indexed) = match ready.take() {
            Some((locale, end)) => {
                let pages = project.pages.get(..end).unwrap_or_default();
                let records = outcome.records.get(..end).unwrap_or_default();
                let (rendered, indexed) = rayon::join(render, || index(locale, pages, records));
                (rendered, Some((locale, end, indexed)))
            }
            None => (render(), None),
        };
        if let Some((locale, end, indexed)) = indexed {
            outcome.add_index(project, locale, end, indexed, keep_text);
        }
        for (record, result) in rendered {
            match result {
                Ok(bytes) => {
                    outcome.written.files += 1;
                    outcome.written.bytes += bytes;
                }
                Err(error) => outcome.template_errors.push(error),
            }
            outcome.records.push(record);
        }
        let locale = project.pages.get(range.start).map(|p| p.locale);
        let later = batches.get(position + 1..).unwrap_or_default();
        if let Some(locale) = locale
            && !later
                .iter()
                .any(|r| project.pages.get(r.start).map(|p| p.locale) == Some(locale))
        {
            ready = Some((locale, range.end));
        }
    }
    let after = match ready {
        Some((locale, end)) => {
            let pages = project.pages.get(..end).unwrap_or_default();
            let records = outcome.records.get(..end).unwrap_or_default();
            let (indexed, after) = rayon::join(
                || index(locale, pages, records),
                || after_pages(&outcome.records),
            );
            // The last locale's text goes when the records go: releasing
            // it here frees nothing for later pages and would keep one core
            // busy while the other waits.
            outcome.add_index(project, locale, end, indexed, true);
            after
        }
        None => after_pages(&outcome.records),
    };
    // Locales without pages still get an (empty) index.
    let mut has_pages = vec![false; project.locales.len()];
    for page in &project.pages {
        if let Some(flag) = has_pages.get_mut(page.locale) {
            *flag = true;
        }
    }
    for locale in (0..project.locales.len()).filter(|&l| !has_pages[l]) {
        let empty = index(locale, &[], &[]);
        outcome.add_index(project, locale, 0, empty, keep_text);
    }
    (outcome, after)
}

impl PassOutcome {
    fn add_index(
        &mut self,
        project: &Project,
        locale: usize,
        end: usize,
        indexed: Result<Vec<OutputFile>, Diagnostic>,
        keep_text: bool,
    ) {
        match (&mut self.search, indexed) {
            (Ok(files), Ok(more)) => files.extend(more),
            (Ok(_), Err(error)) => self.search = Err(error),
            (Err(_), _) => {}
        }
        if keep_text {
            return;
        }
        let released = Arc::new(SearchText::default());
        for (page, record) in project.pages.iter().zip(&mut self.records).take(end) {
            if page.locale == locale {
                record.search = Arc::clone(&released);
            }
        }
    }
}

/// Each page's body is read, rendered and dropped, and its file written, in
/// one go: only the page's record stays.
fn render_batch(
    project: &Project,
    renderer: &PageRenderer<'_>,
    pages: Range<usize>,
    folder: Option<SiteFolder<'_>>,
) -> Vec<(PageRecord, Result<u64, Diagnostic>)> {
    pages
        .into_par_iter()
        // Small pieces, so that the last pages of a locale are shared out
        // instead of left to one core while the other waits.
        .with_max_len(PAGES_PER_TASK)
        .map(|index| {
            let (record, file) = match read_body(&project.pages[index], &project.config) {
                Ok(body) => renderer.render(index, &body),
                Err(problem) => (PageRecord::unreadable(problem), None),
            };
            let written = match file {
                Some(Ok(file)) => crate::site::write(folder, &file),
                Some(Err(error)) => Err(error),
                None => Ok(0),
            };
            (record, written)
        })
        .collect()
}

/// Runs of consecutive pages of one locale.
fn locale_batches(pages: &[Page]) -> Vec<Range<usize>> {
    let mut batches = Vec::new();
    let mut start = 0;
    for end in 1..=pages.len() {
        let boundary = pages
            .get(end)
            .zip(pages.get(start))
            .is_none_or(|(next, first)| next.locale != first.locale);
        if boundary {
            batches.push(start..end);
            start = end;
        }
    }
    batches
}
