//! The files of a built site that grow with it, measured in its folder:
//! sitemaps, the largest locale home, and the search index (its head and
//! its shards), so that a run at scale shows what a crawler or a reader
//! would download.

use std::fs;
use std::path::Path;

use serde::Serialize;

use crate::BenchError;

/// How many files of one kind, the largest and their sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FileSizes {
    pub files: usize,
    pub largest_bytes: u64,
    pub total_bytes: u64,
}

impl FileSizes {
    fn add(&mut self, bytes: u64) {
        self.files += 1;
        self.largest_bytes = self.largest_bytes.max(bytes);
        self.total_bytes += bytes;
    }
}

/// One file, by its path in the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteFile {
    pub path: String,
    pub bytes: u64,
}

/// The outputs of the last timed build.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OutputSizes {
    /// `sitemap.xml` and, past 50,000 addresses, the sitemaps it indexes
    /// (`sitemap-<locale>.xml`, `sitemap-<locale>-2.xml`…).
    pub sitemaps: FileSizes,
    /// The largest `<locale>/index.html`.
    pub largest_home: Option<SiteFile>,
    /// Each locale's `assets/search/<locale>/index.bin`, read on the first
    /// query: the vocabulary's shard table and the page shard table.
    pub search_heads: FileSizes,
    /// `terms-*.bin`: the postings of a range of terms.
    pub search_term_shards: FileSizes,
    /// `pages-*.bin`: the titles and addresses of a range of pages.
    pub search_page_shards: FileSizes,
    /// `rest-*.bin`: the postings past each term's best, fetched only when
    /// a query needs them.
    pub search_rest_shards: FileSizes,
}

/// Where the build writes each locale's search index.
const SEARCH_FOLDER: &str = "assets/search";

/// Measures the outputs of the site built in `site`.
pub fn measure(site: &Path) -> Result<OutputSizes, BenchError> {
    let mut sizes = OutputSizes::default();
    for entry in read_dir(site)? {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with("sitemap") && name.ends_with(".xml") {
            sizes.sitemaps.add(size(&path)?);
        } else if path.is_dir() && name != "assets" {
            let home = path.join("index.html");
            if home.is_file() {
                let bytes = size(&home)?;
                if sizes.largest_home.as_ref().is_none_or(|h| bytes > h.bytes) {
                    sizes.largest_home = Some(SiteFile {
                        path: format!("{name}/index.html"),
                        bytes,
                    });
                }
            }
        }
    }
    let search = site.join(SEARCH_FOLDER);
    if search.is_dir() {
        for locale in read_dir(&search)? {
            for file in read_dir(&locale.path())? {
                let name = file.file_name().to_string_lossy().into_owned();
                let kind = match name.as_str() {
                    "index.bin" => &mut sizes.search_heads,
                    _ if name.starts_with("terms-") => &mut sizes.search_term_shards,
                    _ if name.starts_with("pages-") => &mut sizes.search_page_shards,
                    _ if name.starts_with("rest-") => &mut sizes.search_rest_shards,
                    _ => continue,
                };
                kind.add(size(&file.path())?);
            }
        }
    }
    Ok(sizes)
}

fn read_dir(folder: &Path) -> Result<Vec<fs::DirEntry>, BenchError> {
    fs::read_dir(folder)
        .and_then(Iterator::collect)
        .map_err(|e| BenchError::io(folder, e))
}

fn size(path: &Path) -> Result<u64, BenchError> {
    fs::metadata(path)
        .map(|m| m.len())
        .map_err(|e| BenchError::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_sitemaps_homes_and_search_files_of_a_site_folder() {
        let site = tempfile::tempdir().unwrap();
        let write = |path: &str, bytes: usize| {
            let path = site.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, vec![b'x'; bytes]).unwrap();
        };
        write("sitemap.xml", 100);
        write("sitemap-en.xml", 300);
        write("sitemap-fr.xml", 200);
        write("index.html", 5_000);
        write("en/index.html", 700);
        write("fr/index.html", 900);
        write("fr/technotes/a.html", 9_000);
        write("assets/search/en/index.bin", 40);
        write("assets/search/fr/index.bin", 50);
        write("assets/search/fr/terms-0a.bin", 10);
        write("assets/search/fr/terms-0b.bin", 30);
        write("assets/search/en/pages-0a.bin", 20);
        write("assets/search/en/rest-0a-0.bin", 70);
        let sizes = measure(site.path()).unwrap();
        let of = |files, largest_bytes, total_bytes| FileSizes {
            files,
            largest_bytes,
            total_bytes,
        };
        assert_eq!(sizes.sitemaps, of(3, 300, 600));
        assert_eq!(
            sizes.largest_home,
            Some(SiteFile {
                path: "fr/index.html".to_string(),
                bytes: 900
            })
        );
        assert_eq!(sizes.search_heads, of(2, 50, 90));
        assert_eq!(sizes.search_term_shards, of(2, 30, 40));
        assert_eq!(sizes.search_page_shards, of(1, 20, 20));
        assert_eq!(sizes.search_rest_shards, of(1, 70, 70));
    }
}
