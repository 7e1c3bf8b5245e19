//! Files copied into the site as they are: `www/` and the embedded assets go
//! to `assets/`; content assets (images) keep their place under their locale.

use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use technote_diagnostics::Diagnostic;
use technote_files::Folder;
use walkdir::WalkDir;

use crate::BuildOptions;
use crate::links::AssetCopy;
use crate::output::{SiteFolder, io_error};
use crate::output_guard::{SITE_MARKER, SITE_MARKER_TEXT};
use crate::pages::OutputFile;
use crate::render::PageRecord;

/// The site's marker, the embedded assets and every file of `www/` over the
/// built-in theme's (a project's file replaces the one at its path), read
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
    let mut www = Vec::new();
    // A project without the folder uses the built-in theme's files whole.
    if options.www.exists() {
        collect_dir(&options.www, &mut www)?;
    }
    for (relative, bytes) in technote_theme::under("www") {
        let path = format!("assets/{relative}");
        if !www.iter().any(|file| file.path == path) {
            www.push(OutputFile {
                path,
                bytes: bytes.to_vec(),
            });
        }
    }
    www.sort_by(|a, b| a.path.cmp(&b.path));
    files.extend(www);
    Ok(files)
}

/// Every file below `root`, in name order. Links are followed only while
/// they stay inside `root` (what is published must be the project's), and
/// pipes and devices are refused before they are opened.
fn collect_dir(root: &Path, files: &mut Vec<OutputFile>) -> Result<(), Diagnostic> {
    let folder = Folder::open(root).map_err(|e| io_error(root, "read the www folder", &e))?;
    for entry in WalkDir::new(root)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(root).to_path_buf();
            match e.into_io_error() {
                Some(io) => io_error(&path, "read a www file", &io),
                None => Diagnostic::error(&path, "this symbolic link makes a loop")
                    .with_help("remove the link, or point it at a folder that does not hold it"),
            }
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path();
        let bytes = folder.read(path)?;
        if let Ok(rel) = path.strip_prefix(root) {
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
