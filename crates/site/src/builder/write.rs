//! Writing a change in place: only files whose bytes differ from what the
//! output folder holds.

use std::path::PathBuf;

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;

use super::update::Rendered;
use crate::changes::{Plan, absolute};
use crate::output::SiteFolder;
use crate::pages::OutputFile;
use crate::site::{Site, Written};
use crate::{BuildOptions, statics};

/// Writes, in place, the files of the change whose bytes differ from what
/// the output folder holds.
pub fn write_changes(
    options: &BuildOptions,
    site: &Site,
    plan: &Plan,
    rendered: &Rendered,
) -> Result<Written, Vec<Diagnostic>> {
    let folder = SiteFolder::at(&options.out);
    let mut files: Vec<&OutputFile> = rendered.pages.iter().chain(&rendered.listings).collect();
    let www = if plan.www {
        statics::www_files(options).map_err(|d| vec![d])?
    } else {
        Vec::new()
    };
    files.extend(&www);
    let mut copies: Vec<_> = rendered
        .touched
        .iter()
        .filter_map(|&index| site.records.get(index))
        .flat_map(|record| &record.assets)
        .collect();
    let edited_assets: Vec<PathBuf> = plan.assets.iter().map(|p| absolute(p)).collect();
    copies.extend(
        site.records
            .iter()
            .flat_map(|record| &record.assets)
            .filter(|copy| edited_assets.contains(&absolute(&copy.source))),
    );
    copies.sort();
    copies.dedup();

    let results: Vec<Result<Option<u64>, Diagnostic>> = files
        .par_iter()
        .map(|file| write_if_changed(folder, &file.path, &file.bytes))
        .chain(copies.par_iter().map(|copy| {
            let bytes = std::fs::read(&copy.source)
                .map_err(|e| crate::output::io_error(&copy.source, "read an asset", &e))?;
            write_if_changed(folder, &copy.output, &bytes)
        }))
        .collect();
    let mut written = Written::default();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(Some(bytes)) => written.add(bytes),
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(written)
    } else {
        Err(errors)
    }
}

/// The size written, or `None` when the file already held these bytes.
fn write_if_changed(
    folder: SiteFolder<'_>,
    path: &str,
    bytes: &[u8],
) -> Result<Option<u64>, Diagnostic> {
    folder
        .write_if_changed(path, bytes)
        .map(|wrote| wrote.then_some(bytes.len() as u64))
}
