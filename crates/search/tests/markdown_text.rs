//! `SearchDocument::from_plain_text` relies on the markdown crate writing
//! each heading and FAQ question on a line of its own in `Document::text`.
//! Checked on every technote of the project.

use std::path::{Path, PathBuf};

use technote_markdown::{DEFAULT_MAX_NESTING, KeepLinks, RenderOptions, render};
use technote_search::{SearchDocument, SectionStart};

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

#[test]
fn every_heading_and_question_of_the_technotes_starts_a_section() {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let mut files = Vec::new();
    technotes(&content, &mut files);
    assert!(!files.is_empty(), "no technote under {}", content.display());
    for file in files {
        let source = std::fs::read_to_string(&file).expect("readable technote");
        let (body, first_line) = body(&source);
        let messages = |id: &str| id.to_string();
        let document = render(
            body,
            &RenderOptions {
                file: &file,
                first_line,
                messages: &messages,
                links: &KeepLinks,
                max_nesting: DEFAULT_MAX_NESTING,
            },
        );
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
        let starts: Vec<SectionStart> = starts.into_iter().map(|(_, start)| start).collect();
        let title = document.title.as_deref().unwrap_or("");
        let search = SearchDocument::from_plain_text("x/", title, &document.text, &starts);
        // A start found in the text ends the previous section's text before
        // its own line, so no section text contains a later heading line.
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
