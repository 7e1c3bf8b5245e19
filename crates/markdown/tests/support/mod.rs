//! Shared by the integration tests: real labels from the locale files, a
//! resolver shaped like the site's, and a readable dump of a `Document`.

// Each test binary compiles this module and uses only part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, PatternElement};
use technote_markdown::{
    DEFAULT_MAX_NESTING, DEFAULT_MAX_TABLE_CELLS, Document, LabelText, LinkKind, LinkRef,
    LinkResolver, RenderOptions, ResolvedLink, Segment, render,
};

/// The messages of `locales/<locale>/markdown.ftl`, as plain text.
pub fn labels(locale: &str) -> HashMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../locales")
        .join(locale)
        .join("markdown.ftl");
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
    let mut labels = HashMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let text: String = message
                .value
                .iter()
                .flat_map(|pattern| &pattern.elements)
                .map(|element| match element {
                    PatternElement::TextElement { value } => value.to_string(),
                    PatternElement::Placeable { .. } => panic!("labels take no variables"),
                })
                .collect();
            labels.insert(message.id.name.to_string(), text);
        }
    }
    labels
}

/// Resolves like the site: documents outside the site (`../..`) go to the
/// external documentation, sibling pages and assets stay on the site.
pub struct SiteLike;

impl LinkResolver for SiteLike {
    fn resolve(&self, link: &LinkRef<'_>) -> Option<ResolvedLink> {
        let (path, fragment) = match link.dest.split_once('#') {
            Some((path, fragment)) => (path, format!("#{fragment}")),
            None => (link.dest, String::new()),
        };
        if let Some(outside) = path.strip_prefix("../../") {
            let page = outside
                .strip_suffix(".md")
                .map_or(outside.to_string(), |p| format!("{p}.html"));
            let base = match link.kind {
                LinkKind::Link => "https://experienceleague.adobe.com/docs/campaign-classic/using/",
                LinkKind::Image => {
                    "https://experienceleague.adobe.com/docs/campaign-classic/assets/"
                }
            };
            return Some(ResolvedLink {
                href: format!("{base}{page}{fragment}"),
                external: true,
            });
        }
        let page = path.strip_suffix(".md")?;
        Some(ResolvedLink {
            href: format!("/fr/technotes/{page}/{fragment}"),
            external: false,
        })
    }
}

pub fn render_with(body: &str, locale: &str, first_line: u32) -> Document {
    let labels = labels(locale);
    let messages = move |id: &str| {
        labels.get(id).cloned().map_or_else(
            || LabelText::plain(format!("MISSING {id}")),
            LabelText::plain,
        )
    };
    let file = PathBuf::from(format!("content/{locale}/technotes/page.md"));
    let options = RenderOptions {
        file: &file,
        first_line,
        messages: &messages,
        links: &SiteLike,
        max_nesting: DEFAULT_MAX_NESTING,
        max_table_cells: DEFAULT_MAX_TABLE_CELLS,
    };
    render(body, &options)
}

/// The body HTML with widgets shown as comments.
pub fn html(document: &Document) -> String {
    let mut html = String::new();
    for segment in &document.segments {
        match segment {
            Segment::Html(part) => html.push_str(part),
            Segment::Widget { name, line } => {
                let _ = writeln!(html, "[[widget {name} from line {line}]]");
            }
        }
    }
    html
}

/// Everything a `Document` holds, for snapshots.
pub fn describe(document: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "title: {:?} id: {:?}",
        document.title.as_deref().unwrap_or("-"),
        document.title_id.as_deref().unwrap_or("-")
    );
    let _ = writeln!(out, "\n=== html ===\n{}", html(document));
    let _ = writeln!(out, "=== headings ===");
    for heading in &document.headings {
        let _ = writeln!(
            out,
            "h{} #{} line {}: {}",
            heading.level, heading.id, heading.line, heading.text
        );
    }
    let _ = writeln!(out, "\n=== faq ===");
    for entry in &document.faq {
        let _ = writeln!(out, "#{} line {}: {}", entry.id, entry.line, entry.question);
        let _ = writeln!(out, "  question_html: {}", entry.question_html);
        let _ = writeln!(out, "  answer_text: {:?}", entry.answer_text);
    }
    let _ = writeln!(out, "\n=== anchors ===");
    for anchor in &document.anchors {
        let _ = writeln!(out, "#{} line {}", anchor.id, anchor.line);
    }
    let _ = writeln!(out, "\n=== same-page links ===");
    for link in &document.same_page_links {
        let _ = writeln!(out, "#{} at {}:{}", link.id, link.line, link.column);
    }
    let _ = writeln!(out, "\n=== diagnostics ===");
    for diagnostic in &document.diagnostics {
        let _ = writeln!(out, "{diagnostic}");
    }
    let _ = writeln!(out, "\n=== text ===\n{}", document.text);
    out
}

/// The text of `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// Every fixture's name and text.
pub fn fixtures() -> Vec<(String, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .expect("the fixtures folder exists")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = fixture(&name);
            (name, text)
        })
        .collect()
}
