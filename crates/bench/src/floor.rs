//! The floor: what pulldown-cmark alone takes to read, render and write the
//! same Markdown into the same file layout, on every core. A build cannot be
//! faster than this; the benchmark reports how far above it the build is.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

use crate::BenchError;
use crate::corpus::CorpusPage;

/// The extensions the technote renderer enables, so both parse the same syntax.
const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_STRIKETHROUGH);

/// Renders every page into `out` (emptied first, outside the timing) and
/// returns the time it took.
pub fn run(pages: &[CorpusPage], out: &Path) -> Result<Duration, BenchError> {
    crate::project::remove_if_present(out)?;
    let started = Instant::now();
    pages
        .par_iter()
        .try_for_each(|page| render_one(page, out))?;
    Ok(started.elapsed())
}

fn render_one(page: &CorpusPage, out: &Path) -> Result<(), BenchError> {
    let source = fs::read_to_string(&page.source).map_err(|e| BenchError::io(&page.source, e))?;
    let body = body_of(&source);
    let mut rendered = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut rendered, Parser::new_ext(body, MARKDOWN_OPTIONS));
    let target = out.join(&page.output);
    // Folders are made when a page finds its own missing, as the site's
    // writer does.
    match fs::write(&target, &rendered) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = target.parent() {
                fs::create_dir_all(dir).map_err(|e| BenchError::io(dir, e))?;
            }
            fs::write(&target, rendered)
        }
        written => written,
    }
    .map_err(|e| BenchError::io(&target, e))
}

/// The Markdown after the `---` front matter block (all of it when there is none).
fn body_of(source: &str) -> &str {
    source
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(source, |(_, body)| body)
}

#[cfg(test)]
mod tests {
    use super::body_of;

    #[test]
    fn the_front_matter_is_not_rendered() {
        assert_eq!(body_of("---\ntitle: x\n---\n# Hi\n"), "# Hi\n");
        assert_eq!(body_of("# No front matter\n"), "# No front matter\n");
    }
}
