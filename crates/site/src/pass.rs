//! The page pass of a full build: pages are rendered and written in
//! batches, locale by locale (sources are sorted that way), and each batch
//! is added to its locale's search index while the next batch renders. The
//! text of a batch is let go once indexed, and the indexes are done soon
//! after the last page instead of starting then.

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;
use technote_search::IndexBuilder;

use crate::load::{Page, Project, read_body};
use crate::output::SiteFolder;
use crate::pages::OutputFile;
use crate::render::{PageRecord, PageRenderer, SearchText};
use crate::search::{documents, index_error, index_files, is_searchable};
use crate::site::Written;

/// At most this many pages are rendered in a row by one task: a page
/// takes about 0.1 ms, a task a microsecond or two.
const PAGES_PER_TASK: usize = 8;

/// Pages rendered before their text is indexed (on one core, while the
/// next batch renders on the others): what is left to index after the last
/// page is at most this many pages.
const PAGES_PER_BATCH: usize = 500;

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
/// `keep_text`, a page's text is released once it is indexed. Without a
/// folder (a check) nothing is written, so nothing is indexed.
/// `after_pages` runs on the records of every page as soon as the last one
/// renders, alongside the indexing of the last batch (the checks across
/// pages need no index, and the index alone would leave cores idle).
pub fn run<After: Send>(
    project: &Project,
    renderer: &PageRenderer<'_>,
    folder: Option<SiteFolder<'_>>,
    keep_text: bool,
    after_pages: impl FnOnce(&[PageRecord]) -> After + Send,
) -> (PassOutcome, After) {
    let batches = batches(&project.pages);
    let mut indexes = folder.map(|_| Indexes::new(project));
    let mut records: Vec<PageRecord> = Vec::with_capacity(project.pages.len());
    let mut written = Written::default();
    let mut template_errors = Vec::new();
    for (position, range) in batches.iter().enumerate() {
        let render = || render_batch(project, renderer, range.clone(), folder);
        // The batch before this one is indexed while this one renders.
        let previous = position.checked_sub(1);
        let rendered = match (previous, indexes.as_mut()) {
            (Some(done), Some(indexes)) => {
                rayon::join(render, || indexes.add(&records, &batches, done)).0
            }
            _ => render(),
        };
        if let Some(done) = previous {
            release_text(&mut records, &batches[done], keep_text);
        }
        for (record, result) in rendered {
            match result {
                Ok(bytes) => written.add(bytes),
                Err(error) => template_errors.push(error),
            }
            records.push(record);
        }
    }
    let after = match (batches.len().checked_sub(1), indexes.as_mut()) {
        (Some(last), Some(indexes)) => {
            let (after, ()) = rayon::join(
                || after_pages(&records),
                || indexes.add(&records, &batches, last),
            );
            after
        }
        _ => after_pages(&records),
    };
    let search = indexes.map_or(Ok(Vec::new()), Indexes::finish);
    let outcome = PassOutcome {
        records,
        written,
        template_errors,
        search,
    };
    (outcome, after)
}

/// Lets go of the text of `batch`, indexed by now (or never, in a check),
/// unless it is `kept`: the preview indexes again after edits.
fn release_text(records: &mut [PageRecord], batch: &Range<usize>, kept: bool) {
    if kept {
        return;
    }
    let released = Arc::new(SearchText::default());
    for record in records.get_mut(batch.clone()).unwrap_or_default() {
        record.search = Arc::clone(&released);
    }
}

/// The search index of every locale, as batches are added.
struct Indexes<'p> {
    project: &'p Project,
    /// By locale, its index until its last batch is in.
    building: Vec<Option<IndexBuilder>>,
    /// The files of every finished locale, or the first failure.
    files: Result<Vec<OutputFile>, Diagnostic>,
}

impl<'p> Indexes<'p> {
    fn new(project: &'p Project) -> Self {
        Self {
            project,
            building: project
                .locales
                .iter()
                .map(|l| Some(IndexBuilder::new(l)))
                .collect(),
            files: Ok(Vec::new()),
        }
    }

    /// Indexes the rendered pages of `batches[batch]` (pages of one locale),
    /// and finishes the locale's index when they are its last.
    fn add(&mut self, records: &[PageRecord], batches: &[Range<usize>], batch: usize) {
        let project = self.project;
        let Some(range) = batches.get(batch) else {
            return;
        };
        let Some(locale) = project.pages.get(range.start).map(|page| page.locale) else {
            return;
        };
        let Some(index) = self.building.get_mut(locale).and_then(Option::as_mut) else {
            return;
        };
        let pages: Vec<(&str, &SearchText)> =
            (project.pages.get(range.clone()).unwrap_or_default())
                .iter()
                .zip(records.get(range.clone()).unwrap_or_default())
                .filter(|(page, _)| is_searchable(page))
                .map(|(page, record)| (page.url_path.as_str(), record.search.as_ref()))
                .collect();
        if let Err(error) = index.add(&documents(&pages)) {
            self.building[locale] = None;
            if self.files.is_ok() {
                self.files = Err(index_error(&project.locale_tags[locale], &error));
            }
            return;
        }
        let last = batches
            .get(batch + 1)
            .and_then(|next| project.pages.get(next.start))
            .is_none_or(|next| next.locale != locale);
        if last {
            self.finish_locale(locale);
        }
    }

    fn finish_locale(&mut self, locale: usize) {
        let finished = self.building.get_mut(locale).and_then(Option::take);
        if let (Some(index), Ok(files)) = (finished, &mut self.files) {
            files.extend(index_files(index.finish()));
        }
    }

    /// Every locale's files; locales without pages get an empty index.
    fn finish(mut self) -> Result<Vec<OutputFile>, Diagnostic> {
        for locale in 0..self.building.len() {
            self.finish_locale(locale);
        }
        self.files
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
            let page = &project.pages[index];
            let body = match &page.unreadable {
                Some(problem) => Err(Diagnostic::clone(problem)),
                None => read_body(page, &project.config),
            };
            let (record, file) = match body {
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

/// Runs of at most [`PAGES_PER_BATCH`] consecutive pages of one locale.
fn batches(pages: &[Page]) -> Vec<Range<usize>> {
    let mut batches = Vec::new();
    let mut start = 0;
    for end in 1..=pages.len() {
        let boundary = end - start == PAGES_PER_BATCH
            || pages
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
