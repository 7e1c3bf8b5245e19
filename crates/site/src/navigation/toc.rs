//! Reading a `TOC.md` as Experience League writes it: a `# Title {#id}`,
//! then nested `+` (or `-`) list items, each a link to a page
//! (`+ [Title](guide/using/page.md)`) or a group (`+ Group {#group-id}`)
//! whose items are indented below it; `##` headings may group items too.
//! `{hide-from-toc}` keeps an item (and what it holds) out of the sidebar.
//! The file is read as pulldown-cmark events, never by pattern over text.

use std::path::Path;

use percent_encoding::percent_decode_str;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use technote_diagnostics::{Diagnostic, LineIndex};

use crate::routes::{Routes, join_relative};

/// One entry of a TOC.
#[derive(Debug, Default)]
pub struct TocNode {
    pub title: String,
    pub target: Target,
    /// `{hide-from-toc}`: in the tree (breadcrumbs) but not in the sidebar.
    pub hidden: bool,
    pub children: Vec<TocNode>,
}

/// What an entry links to.
#[derive(Debug, Default, PartialEq, Eq)]
pub enum Target {
    /// A group, or an entry whose link leads nowhere (reported).
    #[default]
    None,
    /// A page of the site, by page index.
    Page(usize),
    /// An address outside the site.
    External(String),
}

/// A TOC file read: its title and its tree.
#[derive(Debug, Default)]
pub struct ParsedToc {
    /// The first `# Title`, else the front matter's `user-guide-title`.
    pub title: String,
    pub nodes: Vec<TocNode>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where a TOC is and how its links resolve.
pub struct TocSource<'a> {
    pub path: &'a Path,
    /// Relative to the locale's folder, e.g. `guide/TOC.md`.
    pub rel_path: &'a str,
    pub locale: usize,
    pub routes: &'a Routes,
}

/// Reads the TOC `text` (front matter included).
pub fn parse(source: &TocSource<'_>, text: &str) -> ParsedToc {
    let (front, body, body_offset) = split_front_matter(text);
    let lines = LineIndex::new(text);
    let mut toc = ParsedToc {
        title: guide_title(front).unwrap_or_default(),
        ..ParsedToc::default()
    };
    let mut reader = Reader {
        source,
        lines: &lines,
        body_offset,
        toc: &mut toc,
        headings: Vec::new(),
        items: Vec::new(),
        in_title: None,
        link: None,
    };
    for (event, range) in Parser::new(body).into_offset_iter() {
        reader.event(event, range.start);
    }
    reader.finish();
    toc
}

/// An item being read: its node and the link it opened, if any.
struct OpenItem {
    node: TocNode,
    /// The first link's destination and where it starts.
    link: Option<(String, usize)>,
    /// Whether the item's own text has ended (its nested list began).
    own_text_done: bool,
}

struct Reader<'r, 'a> {
    source: &'r TocSource<'a>,
    lines: &'r LineIndex<'r>,
    body_offset: usize,
    toc: &'r mut ParsedToc,
    /// `##` headings read as groups: (level, node).
    headings: Vec<(HeadingLevel, TocNode)>,
    items: Vec<OpenItem>,
    /// The heading being read: its level and text so far.
    in_title: Option<(HeadingLevel, String)>,
    /// Inside a link of the current item.
    link: Option<()>,
}

impl Reader<'_, '_> {
    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(Tag::Heading { level, .. }) if self.items.is_empty() => {
                self.in_title = Some((level, String::new()));
            }
            Event::End(TagEnd::Heading(_)) if self.items.is_empty() => {
                if let Some((level, text)) = self.in_title.take() {
                    self.heading(level, &text);
                }
            }
            Event::Start(Tag::Item) => {
                if let Some(parent) = self.items.last_mut() {
                    parent.own_text_done = true;
                }
                self.items.push(OpenItem {
                    node: TocNode::default(),
                    link: None,
                    own_text_done: false,
                });
            }
            Event::Start(Tag::List(_)) => {
                if let Some(parent) = self.items.last_mut() {
                    parent.own_text_done = true;
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(item) = self.items.pop() {
                    let node = self.finish_item(item);
                    self.attach(node);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(item) = self.items.last_mut()
                    && !item.own_text_done
                {
                    self.link = Some(());
                    if item.link.is_none() {
                        item.link = Some((dest_url.to_string(), offset));
                    }
                }
            }
            Event::End(TagEnd::Link) => self.link = None,
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                let (line, column) = self.position(offset);
                self.toc.diagnostics.push(
                    Diagnostic::warning(
                        self.source.path,
                        "this line is indented so deep that it reads as code, not as an entry",
                    )
                    .with_code("toc-entry-invalid")
                    .at(line, column)
                    .with_help(
                        "indent a nested entry by 2 to 4 spaces more than the entry it belongs to",
                    ),
                );
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, title)) = self.in_title.as_mut() {
            title.push_str(text);
        } else if let Some(item) = self.items.last_mut()
            && !item.own_text_done
        {
            item.node.title.push_str(text);
        }
    }

    fn position(&self, body_offset: usize) -> (u32, u32) {
        self.lines.line_col(self.body_offset + body_offset)
    }

    /// `# Title` names the TOC; deeper headings are groups.
    fn heading(&mut self, level: HeadingLevel, text: &str) {
        let (title, markers) = split_markers(text);
        if level == HeadingLevel::H1 {
            if !title.is_empty() {
                self.toc.title = title;
            }
            return;
        }
        self.close_headings(level);
        self.headings.push((
            level,
            TocNode {
                title,
                hidden: markers.hidden,
                ..TocNode::default()
            },
        ));
    }

    /// Closes the heading groups at `level` or deeper.
    fn close_headings(&mut self, level: HeadingLevel) {
        while self.headings.last().is_some_and(|(open, _)| *open >= level) {
            if let Some((_, node)) = self.headings.pop() {
                self.attach_to_headings(node);
            }
        }
    }

    fn attach_to_headings(&mut self, node: TocNode) {
        match self.headings.last_mut() {
            Some((_, parent)) => parent.children.push(node),
            None => self.toc.nodes.push(node),
        }
    }

    fn attach(&mut self, node: TocNode) {
        match self.items.last_mut() {
            Some(parent) => parent.node.children.push(node),
            None => self.attach_to_headings(node),
        }
    }

    fn finish_item(&mut self, item: OpenItem) -> TocNode {
        let OpenItem { mut node, link, .. } = item;
        let (title, markers) = split_markers(&node.title);
        node.title = technote_markdown::plain_text(&title);
        node.hidden = markers.hidden;
        if let Some((dest, offset)) = link {
            node.target = self.resolve(&dest, offset);
        }
        node
    }

    fn resolve(&mut self, dest: &str, offset: usize) -> Target {
        if dest.starts_with("http://") || dest.starts_with("https://") {
            return Target::External(dest.to_string());
        }
        let path = dest.split('#').next().unwrap_or_default();
        let decoded = percent_decode_str(path).decode_utf8_lossy();
        // `/help/guide/page.md`: from the top of the tree.
        let joined = match decoded.strip_prefix("/help/") {
            Some(from_top) => Some(from_top.to_string()),
            None => join_relative(self.source.rel_path, &decoded),
        };
        if let Some(page) = joined
            .as_deref()
            .and_then(|joined| self.source.routes.page(self.source.locale, joined))
        {
            return Target::Page(page);
        }
        let (line, column) = self.position(offset);
        self.toc.diagnostics.push(
            Diagnostic::warning(
                self.source.path,
                format!("`{dest}` is no page of this site: the entry is shown without a link"),
            )
            .with_code("toc-link-missing")
            .at(line, column)
            .with_help("fix the path (it is relative to this TOC.md), or remove the entry"),
        );
        Target::None
    }

    fn finish(&mut self) {
        while let Some(item) = self.items.pop() {
            let node = self.finish_item(item);
            self.attach(node);
        }
        self.close_headings(HeadingLevel::H1);
    }
}

/// What the `{...}` at the end of an entry says.
#[derive(Default)]
struct Markers {
    hidden: bool,
}

/// An entry's text without its trailing `{#id}` / `{hide-from-toc}`
/// groups, and what they say.
fn split_markers(text: &str) -> (String, Markers) {
    let mut markers = Markers::default();
    let mut rest = text.trim();
    while let Some(open) = rest.strip_suffix('}').and_then(|inner| inner.rfind('{')) {
        let inside = &rest[open + 1..rest.len() - 1];
        for token in inside.split_whitespace() {
            if token == "hide-from-toc" || token == "hidefromtoc" {
                markers.hidden = true;
            }
        }
        rest = rest[..open].trim_end();
    }
    (rest.to_string(), markers)
}

/// The front matter's text (between `---` lines), the body, and the byte
/// offset where the body starts.
fn split_front_matter(text: &str) -> (&str, &str, usize) {
    let Some(after) = text.strip_prefix("---\n") else {
        return ("", text, 0);
    };
    let mut offset = 0;
    for line in after.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let body_start = 4 + offset + line.len();
            return (&after[..offset], &text[body_start..], body_start);
        }
        offset += line.len();
    }
    ("", text, 0)
}

/// `user-guide-title:` of a TOC's front matter. Real TOCs repeat keys
/// (`product:` twice), which YAML refuses, so only this line is read.
fn guide_title(front: &str) -> Option<String> {
    front.lines().find_map(|line| {
        let value = line.strip_prefix("user-guide-title:")?.trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        (!value.is_empty()).then(|| value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::RouteEntry;

    fn routes() -> Routes {
        Routes::new(
            1,
            ["home.md", "guide/using/a.md", "guide/using/b.md"]
                .into_iter()
                .map(|rel_path| RouteEntry {
                    locale: 0,
                    rel_path,
                    translation_key: rel_path.to_string(),
                }),
        )
    }

    fn read(text: &str) -> ParsedToc {
        let routes = routes();
        parse(
            &TocSource {
                path: Path::new("help/TOC.md"),
                rel_path: "TOC.md",
                locale: 0,
                routes: &routes,
            },
            text,
        )
    }

    #[test]
    fn nested_entries_groups_and_markers_become_a_tree() {
        let toc = read(
            "---\nproduct: X\nproduct: Y\nuser-guide-title: Guide of X\n---\n\n# Help of X {#using}\n\n\
             + [Home](home.md)\n+ Basics {#basics}\n  + Start here {#start}\n       + [A](guide/using/a.md)\n       \
             + [B](guide/using/b.md) {hide-from-toc}\n+ [Elsewhere](https://example.org/x)\n+ [Gone](guide/using/gone.md)\n",
        );
        assert_eq!(toc.title, "Help of X");
        let titles: Vec<&str> = toc.nodes.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(titles, ["Home", "Basics", "Elsewhere", "Gone"]);
        assert_eq!(toc.nodes[0].target, Target::Page(0));
        let start = &toc.nodes[1].children[0];
        assert_eq!(start.title, "Start here");
        assert_eq!(start.children[0].target, Target::Page(1));
        assert!(start.children[1].hidden);
        assert_eq!(start.children[1].title, "B");
        assert_eq!(
            toc.nodes[2].target,
            Target::External("https://example.org/x".into())
        );
        assert_eq!(toc.nodes[3].target, Target::None);
        assert_eq!(toc.diagnostics.len(), 1);
        let problem = toc.diagnostics[0].to_string();
        assert!(problem.contains("help/TOC.md:15:3"), "{problem}");
    }

    #[test]
    fn headings_group_the_lists_below_them() {
        let toc = read(
            "# T\n\n## Part one\n\n+ [A](guide/using/a.md)\n\n## Part two\n\n+ [B](guide/using/b.md)\n",
        );
        let titles: Vec<&str> = toc.nodes.iter().map(|n| n.title.as_str()).collect();
        assert_eq!(titles, ["Part one", "Part two"]);
        assert_eq!(toc.nodes[1].children[0].target, Target::Page(2));
    }
}
