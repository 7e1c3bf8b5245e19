//! Files copied into the site as they are: `www/` and the embedded assets go
//! to `assets/`; content assets (images) keep their place under their locale.

use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use technote_diagnostics::Diagnostic;

use crate::BuildOptions;
use crate::links::AssetCopy;
use crate::output::{SiteFolder, io_error};
use crate::output_guard::{SITE_MARKER, SITE_MARKER_TEXT};
use crate::pages::OutputFile;
use crate::render::PageRecord;

/// The site's marker, the embedded assets and every file of `www/`, read
/// into memory (they are few).
pub fn www_files(options: &BuildOptions) -> Result<Vec<OutputFile>, Diagnostic> {
    let mut files = vec![OutputFile {
        path: SITE_MARKER.into(),
        bytes: SITE_MARKER_TEXT.as_bytes().to_vec(),
    }];
    for (path, bytes) in options.embedded_assets {
        files.push(OutputFile {
            path: format!("assets/{path}"),
            bytes: bytes.to_vec(),
        });
    }
    collect_dir(&options.www, &options.www, &mut files)?;
    Ok(files)
}

fn collect_dir(root: &Path, dir: &Path, files: &mut Vec<OutputFile>) -> Result<(), Diagnostic> {
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, "read the www folder", &e))?;
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_dir(root, &path, files)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let bytes = std::fs::read(&path).map_err(|e| io_error(&path, "read a www file", &e))?;
            files.push(OutputFile {
                path: format!("assets/{}", rel.to_string_lossy().replace('\\', "/")),
                bytes,
            });
        }
    }
    Ok(())
}

/// The content assets the pages use, each once, in a stable order.
/// Thousands of pages share a handful of images: duplicates are told apart
/// by their place in the site, a string (hashing paths costs far more),
/// which names one source file, before the few left are sorted.
pub fn asset_copies(records: &[PageRecord]) -> Vec<AssetCopy> {
    let mut by_place: FxHashMap<&str, &AssetCopy> = FxHashMap::default();
    for copy in records.iter().flat_map(|r| &r.assets) {
        by_place.entry(copy.output.as_str()).or_insert(copy);
    }
    let mut copies: Vec<AssetCopy> = by_place.into_values().cloned().collect();
    copies.sort();
    copies
}

/// Copies content assets into the site, in parallel; returns the bytes copied.
pub fn copy_assets(folder: SiteFolder<'_>, copies: &[AssetCopy]) -> Result<u64, Diagnostic> {
    copies
        .par_iter()
        .map(|copy| folder.copy(&copy.output, &copy.source))
        .try_reduce(|| 0, |a, b| Ok(a + b))
}
