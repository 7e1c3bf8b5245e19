//! Static, per-locale search indexes for the site's search box.
//!
//! [`build_index`] turns a locale's pages into a small head file that
//! `www/search.js` fetches the first time a reader focuses the search box,
//! and shards of terms and pages it fetches as queries need them.
//! Titles, headings, FAQ questions and body text are indexed per section,
//! so every result links to `page-url#anchor`. Words are folded (NFKC,
//! case, accents of Latin, Greek and Cyrillic) and stemmed in eight
//! languages, Chinese, Japanese and Korean runs cut into pairs of
//! characters, the same way on both sides: see `src/analysis.rs` for the
//! pipeline and `src/format.rs` for the file.
//!
//! Why not elasticlunr-rs or Pagefind: on 10,000 synthetic pages of 500
//! words (35 MB of text), elasticlunr-rs took 17 s and wrote an index four
//! times the size of the text (and its browser side has no French stemmer);
//! Pagefind took 51 s. This crate indexes them in about 0.3 s on 2 cores
//! (`cargo bench -p technote-search`) into 23% of the text, and leaves the
//! hard parts to maintained crates: Snowball stemmers (rust-stemmers),
//! Unicode normalization (unicode-normalization), stop words (stop-words).

mod analysis;
mod collect;
mod document;
mod fold;
mod format;
mod runs;
mod varint;
mod zlib;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod probe;
#[cfg(test)]
mod relevance;

use std::sync::Arc;

use unic_langid::LanguageIdentifier;

pub use document::{SearchDocument, SearchSection, SectionStart};

use crate::analysis::Analyzer;
use crate::document::PageEntry;
use crate::format::Pipeline;

/// A file of the index, to write below `assets/search/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    /// Relative path, `<locale>/index.bin`.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Why an index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("{sections} sections are more than a search index can number (at most {max})", max = u32::MAX)]
    TooManySections { sections: usize },
}

/// Builds the search index of one locale from its pages, analyzing them on
/// every core.
///
/// `documents` are all pages of `locale`; when scores tie, results keep
/// their order. Returns the files to write below `assets/search/`: the
/// head `<locale>/index.bin` first, then its shards.
pub fn build_index(
    locale: &LanguageIdentifier,
    documents: &[SearchDocument],
) -> Result<Vec<IndexFile>, SearchError> {
    let analyzer = Arc::new(Analyzer::for_locale(locale));
    let intro_sections = number_sections(0, documents)?;
    let runs = collect::collect_runs(&analyzer, documents, &intro_sections);
    let pages: Vec<PageEntry> = documents.iter().map(PageEntry::of).collect();
    Ok(index_files(locale, &analyzer, &pages, runs))
}

/// The index of one locale, built from its pages batch by batch while a
/// site renders the next ones: each batch's text can be let go once added,
/// and the analysis runs alongside the rendering instead of after the
/// last page. Gives the same bytes as [`build_index`] on all the pages.
pub struct IndexBuilder {
    locale: LanguageIdentifier,
    analyzer: Arc<Analyzer>,
    /// One run for the whole locale: its vocabulary is learned once.
    run: collect::RunCollector,
    pages: Vec<PageEntry>,
    /// Sections numbered so far, over every page added.
    sections: usize,
}

impl IndexBuilder {
    pub fn new(locale: &LanguageIdentifier) -> Self {
        let analyzer = Arc::new(Analyzer::for_locale(locale));
        Self {
            locale: locale.clone(),
            run: collect::RunCollector::new(Arc::clone(&analyzer)),
            analyzer,
            pages: Vec::new(),
            sections: 0,
        }
    }

    /// Adds the next pages of the locale, in order, on the calling thread.
    pub fn add(&mut self, documents: &[SearchDocument]) -> Result<(), SearchError> {
        let intro_sections = number_sections(self.sections, documents)?;
        for (document, intro) in documents.iter().zip(intro_sections) {
            self.run.page(document, intro);
            self.sections += 1 + document.sections.len();
            self.pages.push(PageEntry::of(document));
        }
        Ok(())
    }

    /// The index files of every page added.
    pub fn finish(self) -> Vec<IndexFile> {
        index_files(
            &self.locale,
            &self.analyzer,
            &self.pages,
            vec![self.run.finish()],
        )
    }
}

fn index_files(
    locale: &LanguageIdentifier,
    analyzer: &Analyzer,
    pages: &[PageEntry],
    runs: Vec<collect::Run>,
) -> Vec<IndexFile> {
    let language = locale.to_string();
    let pipeline = Pipeline {
        language: &language,
        stemmer: analyzer.stemmer_name(),
    };
    let postings = collect::merge(runs);
    format::write(&pipeline, pages, &postings, analyzer.writes_cjk())
        .into_iter()
        .map(|(name, bytes)| IndexFile {
            path: format!("{language}/{name}"),
            bytes,
        })
        .collect()
}

/// The number of each page's intro section, counting on from `first`; its
/// other sections follow it.
fn number_sections(first: usize, documents: &[SearchDocument]) -> Result<Vec<u32>, SearchError> {
    let mut next = first;
    let mut firsts = Vec::with_capacity(documents.len());
    for document in documents {
        firsts.push(next);
        next += 1 + document.sections.len();
    }
    if u32::try_from(next).is_err() {
        return Err(SearchError::TooManySections { sections: next });
    }
    Ok(firsts
        .into_iter()
        .map(|first| u32::try_from(first).unwrap_or(u32::MAX))
        .collect())
}

#[cfg(test)]
mod tests;
