//! Renders a folder of technotes (their bodies, as the site reads them) with
//! `technote_markdown::render` and with plain pulldown-cmark HTML, for
//! instruction counts under callgrind:
//!
//! ```sh
//! CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release -p technote-markdown --example render_corpus
//! valgrind --tool=callgrind target/release/examples/render_corpus /dev/shm/bench1k/project/content
//! callgrind_annotate --inclusive=yes callgrind.out.* | grep -E 'render_all|pulldown_all'
//! ```
//!
//! Each of `render_all` and `pulldown_all` renders every page once; their
//! inclusive counts divided by the page count are the cost per page. With a
//! repeat count after the folder, both run that many times and the best
//! wall-clock time per page of each is printed (noisy on a loaded machine).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use technote_markdown::{
    DEFAULT_MAX_NESTING, DEFAULT_MAX_TABLE_CELLS, KeepLinks, RenderOptions, Segment, render,
};

fn main() {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: render_corpus CONTENT_FOLDER [REPEAT]");
        std::process::exit(2);
    };
    let repeat: u32 = std::env::args()
        .nth(2)
        .and_then(|count| count.parse().ok())
        .unwrap_or(0);
    let mut files = Vec::new();
    collect_markdown(Path::new(&folder), &mut files);
    files.sort();
    let limits = technote_content::Limits::default();
    let bodies: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let bytes = technote_content::read_source(path, &limits).ok()?;
            let (body, _) = technote_content::source_body(path, &bytes, &limits).ok()?;
            Some(body)
        })
        .collect();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let html = pulldown_all(&bodies);
    let rendered = render_all(&bodies);
    println!(
        "{} pages, {bytes} bytes of Markdown; {html} bytes of plain HTML, {rendered} bytes rendered",
        bodies.len()
    );
    if repeat > 0 {
        let per_page = |run: &dyn Fn()| {
            let best = (0..repeat)
                .map(|_| {
                    let start = Instant::now();
                    run();
                    start.elapsed()
                })
                .min()
                .unwrap_or(Duration::ZERO);
            best / u32::try_from(bodies.len().max(1)).unwrap_or(u32::MAX)
        };
        let plain = per_page(&|| {
            pulldown_all(&bodies);
        });
        let technote = per_page(&|| {
            render_all(&bodies);
        });
        println!("best per page: pulldown-cmark {plain:?}, technote_markdown::render {technote:?}");
    }
}

#[inline(never)]
fn render_all(bodies: &[String]) -> usize {
    let messages = |id: &str| technote_markdown::LabelText::plain(id);
    let options = RenderOptions {
        file: Path::new("page.md"),
        first_line: 1,
        messages: &messages,
        links: &KeepLinks,
        max_nesting: DEFAULT_MAX_NESTING,
        max_table_cells: DEFAULT_MAX_TABLE_CELLS,
    };
    bodies
        .iter()
        .map(|body| {
            let document = black_box(render(black_box(body), &options));
            document
                .segments
                .iter()
                .map(|segment| match segment {
                    Segment::Html(html) => html.len(),
                    Segment::Widget { .. } => 0,
                })
                .sum::<usize>()
        })
        .sum()
}

#[inline(never)]
fn pulldown_all(bodies: &[String]) -> usize {
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    bodies
        .iter()
        .map(|body| {
            let parser = pulldown_cmark::Parser::new_ext(black_box(body), options);
            let mut html = String::with_capacity(body.len() * 5 / 4);
            pulldown_cmark::html::push_html(&mut html, parser);
            black_box(html).len()
        })
        .sum()
}

fn collect_markdown(folder: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_markdown(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
}
