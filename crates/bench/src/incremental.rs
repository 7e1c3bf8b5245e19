//! One page edited in a built site, then brought up to date by the
//! long-lived builder the preview server uses.

use std::fs;
use std::path::Path;
use std::time::Instant;

use technote_site::{BuildOptions, SiteBuilder};

use crate::corpus::Corpus;
use crate::{BenchError, Timing};

/// One-page rebuilds, and the background refresh of the page's search
/// index that follows each.
pub struct Incremental {
    pub rebuild: Timing,
    pub search_refresh: Timing,
}

/// Builds the site into `out` once, then edits one page `runs` times, each
/// time timing the rebuild, then how long its locale's search index takes
/// to follow (before the next edit). The page is restored afterwards.
pub fn measure(
    options: &BuildOptions,
    out: &Path,
    corpus: &Corpus,
    runs: usize,
) -> Result<Incremental, BenchError> {
    let mut builder = SiteBuilder::new(BuildOptions {
        out: out.to_path_buf(),
        ..options.clone()
    });
    builder.build_all().map_err(BenchError::Build)?;
    let Some(page) = corpus.pages.get(corpus.pages.len() / 2) else {
        return Ok(Incremental {
            rebuild: Timing::from_runs(&[]),
            search_refresh: Timing::from_runs(&[]),
        });
    };
    let original = fs::read_to_string(&page.source).map_err(|e| BenchError::io(&page.source, e))?;
    let mut times = Vec::with_capacity(runs);
    let mut refreshes = Vec::with_capacity(runs);
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
        let refresh_started = Instant::now();
        builder.wait_for_search();
        refreshes.push(refresh_started.elapsed());
    }
    fs::write(&page.source, original).map_err(|e| BenchError::io(&page.source, e))?;
    Ok(Incremental {
        rebuild: Timing::from_runs(&times),
        search_refresh: Timing::from_runs(&refreshes),
    })
}
