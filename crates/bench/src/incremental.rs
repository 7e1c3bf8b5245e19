//! One page edited in a built site, then brought up to date by the
//! long-lived builder the preview server uses.

use std::fs;
use std::path::Path;
use std::time::Instant;

use technote_site::{BuildOptions, SiteBuilder};

use crate::corpus::Corpus;
use crate::{BenchError, Timing};

/// Builds the site into `out` once, then edits one page `runs` times, each
/// time timing the rebuild. The page is restored afterwards.
pub fn measure(
    options: &BuildOptions,
    out: &Path,
    corpus: &Corpus,
    runs: usize,
) -> Result<Timing, BenchError> {
    let mut builder = SiteBuilder::new(BuildOptions {
        out: out.to_path_buf(),
        ..options.clone()
    });
    builder.build_all().map_err(BenchError::Build)?;
    let Some(page) = corpus.pages.get(corpus.pages.len() / 2) else {
        return Ok(Timing::from_runs(&[]));
    };
    let original = fs::read_to_string(&page.source).map_err(|e| BenchError::io(&page.source, e))?;
    let mut times = Vec::with_capacity(runs);
    for run in 0..runs {
        // What a writer does: one more sentence, saved.
        let edited = format!("{original}\nThis page was edited {} times.\n", run + 1);
        fs::write(&page.source, edited).map_err(|e| BenchError::io(&page.source, e))?;
        let started = Instant::now();
        let report = builder
            .rebuild(std::slice::from_ref(&page.source))
            .map_err(BenchError::Build)?;
        times.push(started.elapsed());
        if report.files == 0 {
            return Err(BenchError::Incremental(page.source.display().to_string()));
        }
    }
    fs::write(&page.source, original).map_err(|e| BenchError::io(&page.source, e))?;
    Ok(Timing::from_runs(&times))
}
