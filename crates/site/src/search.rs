//! One static search index per locale, from the pages' plain text, written
//! to `assets/search/<locale>/` for `www/search.js` to load on first use.

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;
use technote_search::{SearchDocument, SectionStart, build_index};

use crate::load::Project;
use crate::pages::OutputFile;
use crate::render::PageRecord;

/// The index files of every locale. Hidden pages are left out, as they are
/// from listings and the sitemap.
pub fn index_files(
    project: &Project,
    records: &[PageRecord],
) -> Result<Vec<OutputFile>, Diagnostic> {
    let per_locale: Vec<Result<Vec<OutputFile>, Diagnostic>> = (0..project.locales.len())
        .into_par_iter()
        .map(|locale| {
            let starts: Vec<Vec<SectionStart>> = records
                .iter()
                .map(|r| {
                    r.search
                        .starts
                        .iter()
                        .map(|(id, heading)| SectionStart { id, heading })
                        .collect()
                })
                .collect();
            let documents: Vec<SearchDocument> = project
                .pages
                .iter()
                .zip(records)
                .zip(&starts)
                .filter(|((page, _), _)| page.locale == locale && !page.front.hide)
                .map(|((page, record), starts)| {
                    SearchDocument::from_plain_text(
                        &page.url_path,
                        &record.search.title,
                        &record.search.text,
                        starts,
                    )
                })
                .collect();
            let files = build_index(&project.locales[locale], &documents).map_err(|e| {
                Diagnostic::error(
                    format!("content/{}", project.locale_tags[locale]),
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
        })
        .collect();
    let mut files = Vec::new();
    for result in per_locale {
        files.extend(result?);
    }
    Ok(files)
}
