//! Pipe tables from bytes, under a small cell budget.

use std::path::Path;

use technote_markdown::{KeepLinks, RenderOptions, Segment, render};

/// Low enough that the fuzzer crosses it with short inputs.
const MAX_TABLE_CELLS: usize = 48;

/// Renders the bytes as a page body. The cells written never exceed the
/// budget: the count made before parsing never falls short of the cells
/// pulldown-cmark builds, empty cells of short rows included.
pub fn tables(data: &[u8]) {
    // Raw HTML is passed through as written: without `<`, every `<td>` and
    // `<th>` in the output is a table cell.
    let body = String::from_utf8_lossy(data).replace('<', " ");
    let messages = |id: &str| technote_markdown::LabelText::plain(format!("[{id}]"));
    let options = RenderOptions {
        file: Path::new("content/en/technotes/fuzz.md"),
        first_line: 1,
        messages: &messages,
        links: &KeepLinks,
        max_nesting: technote_markdown::DEFAULT_MAX_NESTING,
        max_table_cells: MAX_TABLE_CELLS,
    };
    let document = render(&body, &options);
    let cells: usize = document
        .segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Html(html) => Some(html),
            _ => None,
        })
        .map(|html| {
            ["<td>", "<td ", "<th>", "<th "]
                .iter()
                .map(|tag| html.matches(tag).count())
                .sum::<usize>()
        })
        .sum();
    assert!(
        cells <= MAX_TABLE_CELLS,
        "{cells} cells written, the budget is {MAX_TABLE_CELLS}"
    );
    let lines = u32::try_from(body.lines().count().max(1)).unwrap_or(u32::MAX);
    for diagnostic in &document.diagnostics {
        if let Some(line) = diagnostic.line {
            assert!(
                (1..=lines).contains(&line),
                "{diagnostic} is outside the body"
            );
        }
    }
}
