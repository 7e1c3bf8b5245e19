//! The synthetic corpus: every technote in every locale, written below a
//! project's `content/` folder.

mod cjk;
mod page;
mod text;
pub mod tree;

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::BenchError;
use page::{IMAGE_REL_PATH, PageSpec};

/// A tiny valid PNG, so image links resolve to a real asset.
pub(crate) const IMAGE: &[u8] = &[
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
    0x42, 0x60, 0x82,
];

/// The generated sources.
pub struct Corpus {
    pub pages: Vec<CorpusPage>,
    /// Distinct pages, translations counted once.
    pub technotes: usize,
    pub locales: usize,
    /// Size of every source file, front matter included.
    pub markdown_bytes: u64,
}

/// One generated source file.
pub struct CorpusPage {
    pub source: PathBuf,
    /// Where the site writes this page, below the output folder.
    pub output: String,
}

/// Writes `page_count` pages below `content_dir`: technotes in every locale
/// of `locales` (tags), the first being the original and the others its
/// translations. When the count does not divide evenly, the last technotes
/// lack a translation or two, as real sites do.
pub fn generate(
    content_dir: &Path,
    page_count: usize,
    locales: &[String],
) -> Result<Corpus, BenchError> {
    let technotes = page_count.div_ceil(locales.len().max(1));
    let mut pages = Vec::with_capacity(page_count);
    for (rank, tag) in locales.iter().enumerate() {
        let image = content_dir.join(tag).join(IMAGE_REL_PATH);
        create_parent(&image)?;
        fs::write(&image, IMAGE).map_err(|e| BenchError::io(&image, e))?;
        let in_this_locale = technotes.min(page_count - pages.len());
        for index in 0..in_this_locale {
            let rel = page::rel_path(index);
            let stem = rel.strip_suffix(".md").unwrap_or(&rel);
            pages.push((
                PageSpec {
                    index,
                    technotes,
                    locale_tag: tag,
                    is_translation: rank > 0,
                },
                CorpusPage {
                    source: content_dir.join(tag).join(&rel),
                    output: format!("{tag}/{stem}.html"),
                },
            ));
        }
    }
    // Folders first (one per hundred pages), then the files in parallel.
    for (_, page) in pages
        .iter()
        .filter(|(spec, _)| spec.index.is_multiple_of(page::PAGES_PER_FOLDER))
    {
        create_parent(&page.source)?;
    }
    let sizes: Vec<u64> = pages
        .par_iter()
        .map(|(spec, page)| {
            let text = page::write_page(spec);
            fs::write(&page.source, &text)
                .map(|()| text.len() as u64)
                .map_err(|e| BenchError::io(&page.source, e))
        })
        .collect::<Result<_, _>>()?;
    Ok(Corpus {
        pages: pages.into_iter().map(|(_, page)| page).collect(),
        technotes,
        locales: locales.len(),
        markdown_bytes: sizes.iter().sum(),
    })
}

pub(crate) fn create_parent(path: &Path) -> Result<(), BenchError> {
    match path.parent() {
        Some(dir) => fs::create_dir_all(dir).map_err(|e| BenchError::io(dir, e)),
        None => Ok(()),
    }
}

/// The pages of an existing project: every `.md` file below
/// `content_dir/<locale>/` (hidden files excepted, as the site skips them).
pub fn existing(content_dir: &Path, locales: &[String]) -> Result<Corpus, BenchError> {
    let mut pages = Vec::new();
    let mut paths = std::collections::HashSet::new();
    let mut markdown_bytes = 0;
    for tag in locales {
        let folder = content_dir.join(tag);
        let walk = walkdir::WalkDir::new(&folder)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| !entry.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            let entry = entry.map_err(|e| BenchError::io(&folder, e.into()))?;
            let Ok(rel) = entry.path().strip_prefix(&folder) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let Some(stem) = rel.strip_suffix(".md") else {
                continue;
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let size = entry
                .metadata()
                .map_err(|e| BenchError::io(entry.path(), e.into()))?
                .len();
            markdown_bytes += size;
            pages.push(CorpusPage {
                source: entry.path().to_path_buf(),
                output: format!("{tag}/{stem}.html"),
            });
            paths.insert(rel.clone());
        }
    }
    Ok(Corpus {
        pages,
        technotes: paths.len(),
        locales: locales.len(),
        markdown_bytes,
    })
}
