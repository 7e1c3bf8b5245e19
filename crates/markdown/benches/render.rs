//! Rendering cost against pulldown-cmark's plain HTML rendering of the same
//! Markdown (the budget is at most 4× that).

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use technote_markdown::{
    DEFAULT_MAX_NESTING, DEFAULT_MAX_TABLE_CELLS, KeepLinks, RenderOptions, render,
};

/// Every fixture in one body: a page that uses each construct of the dialect.
fn page() -> String {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&folder)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect::<Vec<_>>()
        .join("\n")
}

fn compare(c: &mut Criterion) {
    let body = page();
    let messages = |id: &str| technote_markdown::LabelText::plain(id);
    let options = RenderOptions {
        file: Path::new("bench.md"),
        first_line: 1,
        messages: &messages,
        links: &KeepLinks,
        max_nesting: DEFAULT_MAX_NESTING,
        max_table_cells: DEFAULT_MAX_TABLE_CELLS,
    };
    let mut group = c.benchmark_group("page");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("pulldown_cmark_html", |b| {
        b.iter(|| {
            let parser = pulldown_cmark::Parser::new_ext(
                black_box(&body),
                pulldown_cmark::Options::ENABLE_TABLES
                    | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
                    | pulldown_cmark::Options::ENABLE_STRIKETHROUGH,
            );
            let mut html = String::with_capacity(body.len() * 5 / 4);
            pulldown_cmark::html::push_html(&mut html, parser);
            html
        })
    });
    group.bench_function("technote_markdown_render", |b| {
        b.iter(|| render(black_box(&body), &options))
    });
    group.finish();
}

criterion_group!(benches, compare);
criterion_main!(benches);
