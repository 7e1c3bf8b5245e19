//! Files copied into the site as they are: `www/` and the embedded assets go
//! to `assets/`; content assets (images) keep their place under their locale.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
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
    // The preview keeps names: an edited stylesheet is then rewritten alone,
    // and the preview's responses are never cached anyway.
    let fingerprinted: Vec<OutputFile> = www
        .iter()
        .filter(|_| !options.live_reload)
        .filter_map(|file| {
            let relative = file.path.strip_prefix("assets/")?;
            Some(OutputFile {
                path: format!("assets/{}", fingerprinted_name(relative, &file.bytes)?),
                bytes: file.bytes.clone(),
            })
        })
        .collect();
    files.extend(www);
    files.extend(fingerprinted);
    Ok(files)
}

/// Extensions of the `www/` files that templates name through `asset()`
/// and that get a second, content-hashed name: a host may keep those a year.
/// Only files at the top of `www/`: the files scripts import by relative
/// name (`vendor/`, the checker's glue) keep theirs.
const FINGERPRINTED: [&str; 3] = ["css", "js", "svg"];

/// `style.css` → `style.0123456789.css`, from the first ten hex digits of
/// the SHA-256 of its bytes; `None` for a file that keeps only its name.
pub fn fingerprinted_name(relative: &str, bytes: &[u8]) -> Option<String> {
    if relative.contains('/') {
        return None;
    }
    let (stem, extension) = relative.rsplit_once('.')?;
    if !FINGERPRINTED.contains(&extension) {
        return None;
    }
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    Some(format!("{stem}.{hash}.{extension}"))
}

/// Whether a change of `www/` file `path` changes the name pages use for it.
pub fn is_fingerprinted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| FINGERPRINTED.contains(&e))
}

/// Every `www/` file as `asset(path=...)` names it (`style.css`,
/// `vendor/porter2.js`), with its name in the site below `assets/`
/// (content-hashed where it has such a name, except in the preview).
pub fn asset_names(options: &BuildOptions) -> Result<BTreeMap<String, String>, Diagnostic> {
    let files = www_files(options)?;
    let embedded = options.embedded_assets.len();
    // The marker, then the embedded files, then `www/`'s, then the copies.
    Ok(files
        .iter()
        .skip(1 + embedded)
        .filter_map(|file| {
            let relative = file.path.strip_prefix("assets/")?;
            let published =
                fingerprinted_name(relative, &file.bytes).filter(|_| !options.live_reload)?;
            Some((relative.to_string(), published))
        })
        .chain(files.iter().skip(1 + embedded).filter_map(|file| {
            let relative = file.path.strip_prefix("assets/")?;
            Some((relative.to_string(), relative.to_string()))
        }))
        .fold(BTreeMap::new(), |mut names, (relative, published)| {
            names.entry(relative).or_insert(published);
            names
        }))
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
                    .with_code("symlink-loop")
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
