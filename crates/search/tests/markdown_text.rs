//! On the project's own technotes, rendered by the markdown crate as the
//! site renders them: `SearchDocument::from_plain_text` finds every heading
//! and FAQ question in `Document::text`, and each locale's index stays
//! under 30% of the text it covers.

use std::path::{Path, PathBuf};

use technote_markdown::Document;
use technote_markdown::{
    DEFAULT_MAX_NESTING, DEFAULT_MAX_TABLE_CELLS, KeepLinks, RenderOptions, render,
};
use technote_search::{SearchDocument, SectionStart, build_index};

fn technotes(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            technotes(&path, found);
        } else if path.extension().is_some_and(|e| e == "md") {
            found.push(path);
        }
    }
}

/// The body after the `---` front matter, and the line it starts on.
fn body(source: &str) -> (&str, u32) {
    let mut offset = 0;
    let mut fences = 0;
    for (number, line) in source.split_inclusive('\n').enumerate() {
        offset += line.len();
        if line.trim_end() == "---" {
            fences += 1;
            if fences == 2 {
                return (source.get(offset..).unwrap_or(""), number as u32 + 2);
            }
        }
    }
    (source, 1)
}

/// Every technote of `content/<locale>/`, rendered.
fn rendered(locale: &str) -> Vec<(PathBuf, Document)> {
    let content = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../content")
        .join(locale);
    let mut files = Vec::new();
    technotes(&content, &mut files);
    assert!(!files.is_empty(), "no technote under {}", content.display());
    files
        .into_iter()
        .map(|file| {
            let source = std::fs::read_to_string(&file).expect("readable technote");
            let (body, first_line) = body(&source);
            let messages = |id: &str| technote_markdown::LabelText::plain(id);
            let document = render(
                body,
                &RenderOptions {
                    file: &file,
                    first_line,
                    messages: &messages,
                    links: &KeepLinks,
                    max_nesting: DEFAULT_MAX_NESTING,
                    max_table_cells: DEFAULT_MAX_TABLE_CELLS,
                },
            );
            (file, document)
        })
        .collect()
}

/// Headings and FAQ questions in page order, as the site passes them.
fn starts(document: &Document) -> Vec<SectionStart<'_>> {
    let mut starts: Vec<(u32, SectionStart)> = document
        .headings
        .iter()
        .map(|h| {
            (
                h.line,
                SectionStart {
                    id: &h.id,
                    heading: &h.text,
                },
            )
        })
        .chain(document.faq.iter().map(|f| {
            (
                f.line,
                SectionStart {
                    id: &f.id,
                    heading: &f.question,
                },
            )
        }))
        .collect();
    starts.sort_by_key(|(line, _)| *line);
    starts.into_iter().map(|(_, start)| start).collect()
}

#[test]
fn every_heading_and_question_of_the_technotes_starts_a_section() {
    for (file, document) in rendered("fr").into_iter().chain(rendered("en")) {
        let starts = starts(&document);
        let title = document.title.as_deref().unwrap_or("");
        let search = SearchDocument::from_plain_text("x/", title, &document.text, &starts);
        // A start found in the text ends the previous section's text before
        // its own line, so no section text holds a later heading line.
        for (index, section) in search.sections.iter().enumerate() {
            for later in starts.iter().skip(index + 1) {
                assert!(
                    !section
                        .text
                        .lines()
                        .any(|line| line.trim() == later.heading.trim()),
                    "{}: `{}` was not split at `{}`",
                    file.display(),
                    section.id,
                    later.heading
                );
            }
        }
        for faq in &document.faq {
            let section = search
                .sections
                .iter()
                .find(|s| s.id == faq.id)
                .expect("FAQ section");
            assert_eq!(
                section.text.trim(),
                faq.answer_text.trim(),
                "{}: {}",
                file.display(),
                faq.id
            );
        }
    }
}

#[test]
fn each_locale_index_is_at_most_30_percent_of_its_text() {
    for locale in ["fr", "en"] {
        let pages = rendered(locale);
        let starts: Vec<Vec<SectionStart>> = pages.iter().map(|(_, d)| starts(d)).collect();
        let urls: Vec<String> = pages
            .iter()
            .map(|(file, _)| {
                format!(
                    "{locale}/technotes/using/{}/",
                    file.file_stem().unwrap_or_default().to_string_lossy()
                )
            })
            .collect();
        let documents: Vec<SearchDocument> = pages
            .iter()
            .zip(&starts)
            .zip(&urls)
            .map(|(((_, document), starts), url)| {
                let title = document.title.as_deref().unwrap_or("");
                SearchDocument::from_plain_text(url, title, &document.text, starts)
            })
            .collect();
        let text: usize = pages.iter().map(|(_, d)| d.text.len()).sum();
        let files =
            build_index(&locale.parse().expect("locale"), &documents).expect("index builds");
        let index: usize = files.iter().map(|f| f.bytes.len()).sum();
        assert!(
            index * 100 <= text * 30,
            "{locale}: index of {index} bytes for {text} bytes of text ({}%)",
            index * 100 / text
        );
    }
}
