//! A technote source from bytes to HTML: front matter, then Markdown.

use std::path::Path;

use technote_content::{Limits, parse_source};
use technote_markdown::{
    Document, LinkKind, LinkRef, LinkResolver, RenderOptions, ResolvedLink, Segment, render,
};

/// Low enough that the fuzzer reaches the nesting limit with short inputs.
const MAX_NESTING: usize = 32;

/// Low enough that the fuzzer reaches the table cell limit with short inputs.
const MAX_TABLE_CELLS: usize = 64;

/// Splits the front matter off and renders the body. A source the front
/// matter parser rejects is still rendered whole as Markdown, so the
/// renderer sees every input.
pub fn page(data: &[u8]) {
    let file = Path::new("content/en/technotes/fuzz.md");
    let limits = Limits {
        max_nesting: MAX_NESTING,
        max_table_cells: MAX_TABLE_CELLS,
        ..Limits::default()
    };
    let (body, first_line) = match parse_source(file, data, &limits) {
        Ok(source) => (source.body, source.body_line),
        Err(diagnostic) => {
            assert!(diagnostic.is_error(), "a rejected source is an error");
            (String::from_utf8_lossy(data).into_owned(), 1)
        }
    };
    let messages = |id: &str| technote_markdown::LabelText::plain(format!("[{id}]"));
    let options = RenderOptions {
        file,
        first_line,
        messages: &messages,
        links: &AlternateResolver,
        max_nesting: MAX_NESTING,
        max_table_cells: MAX_TABLE_CELLS,
    };
    let document = render(&body, &options);
    check(&document, &body, first_line);
}

/// Resolves links to `.md` pages and keeps every other destination, so both
/// of the renderer's paths run.
struct AlternateResolver;

impl LinkResolver for AlternateResolver {
    fn resolve(&self, link: &LinkRef<'_>) -> Option<ResolvedLink> {
        let page = link.dest.split('#').next().unwrap_or("");
        page.ends_with(".md").then(|| ResolvedLink {
            href: format!("/en/{}/", page.trim_end_matches(".md")),
            external: link.kind == LinkKind::Image,
        })
    }
}

/// What the site relies on: positions inside the file, ids unique.
fn check(document: &Document, body: &str, first_line: u32) {
    let last_line =
        first_line.saturating_add(u32::try_from(body.lines().count()).unwrap_or(u32::MAX));
    for diagnostic in &document.diagnostics {
        if let Some(line) = diagnostic.line {
            assert!(
                (first_line..=last_line).contains(&line),
                "{diagnostic} is outside lines {first_line}..={last_line}"
            );
        }
    }
    let mut ids: Vec<&str> = document.anchors.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    let count = ids.len();
    ids.dedup();
    assert_eq!(
        ids.len(),
        count,
        "every anchor is unique: {:?}",
        document.anchors
    );
    for segment in &document.segments {
        if let Segment::Html(html) = segment {
            assert!(!html.is_empty(), "no empty HTML segment");
        }
    }
}
