//! A TOC's sidebar, rendered once: every page it lists gets the same HTML
//! with its own link marked `aria-current="page"` and the groups around it
//! open, spliced in at offsets recorded while rendering. A 700-page tree
//! is rendered once, not 700 times.
//!
//! A TOC of more than [`FOLD_ABOVE_LINKS`] links (a root TOC listing a
//! whole product) would weigh tens of kilobytes on every page: there, each
//! group off the page's own path is folded to one link to its first page,
//! so a page carries its path and the siblings along it, not the tree.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute, encode_text};

use super::toc::{Target, TocNode};

const CURRENT: &str = " aria-current=\"page\"";
const OPEN: &str = " open";

/// Sidebars of at most this many links are shown whole on every page
/// (an Experience League guide's TOC has a few dozen to a few hundred).
const FOLD_ABOVE_LINKS: usize = 200;

/// The sidebar HTML of one TOC, and where each listed page's marks go.
pub struct Sidebar {
    html: String,
    /// By page index: where its link's `aria-current` goes (none for a
    /// page hidden from the sidebar) and where the groups around it open.
    marks: rustc_hash::FxHashMap<usize, Mark>,
    /// Every group, in document order, when the sidebar is large enough to
    /// fold; empty otherwise.
    folds: Vec<Fold>,
    links: usize,
}

/// A group of a large sidebar, and what stands for it when folded.
struct Fold {
    /// Its `<li>…</li>` in `html`.
    range: std::ops::Range<usize>,
    /// Where its `open` goes: the group is on a page's path when the page's
    /// marks open it.
    open_at: usize,
    stub: String,
}

struct Mark {
    current: Option<usize>,
    opens: Vec<usize>,
}

/// How a sidebar names pages.
pub struct SidebarLinks<'a> {
    pub base_path: &'a str,
    pub page_urls: &'a [String],
    /// Whether a page is kept out of navigation (`hide`, `hidefromtoc`).
    pub hidden: &'a dyn Fn(usize) -> bool,
    /// Words read by screen readers after an external link.
    pub external_label: &'a str,
}

impl Sidebar {
    pub fn render(nodes: &[TocNode], links: &SidebarLinks<'_>) -> Self {
        let mut sidebar = Self {
            html: String::with_capacity(nodes.len() * 96),
            marks: rustc_hash::FxHashMap::default(),
            folds: Vec::new(),
            links: 0,
        };
        let mut opens = Vec::new();
        sidebar.list(nodes, links, &mut opens, false);
        if sidebar.links <= FOLD_ABOVE_LINKS {
            sidebar.folds = Vec::new();
        }
        // Groups were recorded as they closed, inner ones first.
        sidebar.folds.sort_unstable_by_key(|fold| fold.range.start);
        sidebar
    }

    /// The sidebar as page `page` shows it; `None` for a page it does not list.
    pub fn for_page(&self, page: usize) -> Option<String> {
        let mark = self.marks.get(&page)?;
        // Each edit replaces `html[range]` with its text: marks insert
        // (an empty range), folds replace a whole group.
        let mut edits: Vec<(std::ops::Range<usize>, &str)> =
            mark.opens.iter().map(|&at| (at..at, OPEN)).collect();
        edits.extend(mark.current.map(|at| (at..at, CURRENT)));
        let mut folded_to = 0;
        for fold in &self.folds {
            if fold.range.start >= folded_to && !mark.opens.contains(&fold.open_at) {
                edits.push((fold.range.clone(), fold.stub.as_str()));
                folded_to = fold.range.end;
            }
        }
        edits.sort_unstable_by_key(|(range, _)| range.start);
        let mut html = String::with_capacity(if self.folds.is_empty() {
            self.html.len() + edits.iter().map(|(_, text)| text.len()).sum::<usize>()
        } else {
            1024
        });
        let mut from = 0;
        for (range, text) in edits {
            html.push_str(&self.html[from..range.start]);
            html.push_str(text);
            from = range.end;
        }
        html.push_str(&self.html[from..]);
        Some(html)
    }

    fn list(
        &mut self,
        nodes: &[TocNode],
        links: &SidebarLinks<'_>,
        opens: &mut Vec<usize>,
        hidden: bool,
    ) {
        if hidden {
            self.items(nodes, links, opens, true);
            return;
        }
        self.html.push_str("<ul>");
        self.items(nodes, links, opens, false);
        self.html.push_str("</ul>");
    }

    /// The `<li>` of each of `nodes`; `hidden` ones only leave their marks.
    fn items(
        &mut self,
        nodes: &[TocNode],
        links: &SidebarLinks<'_>,
        opens: &mut Vec<usize>,
        hidden: bool,
    ) {
        for node in nodes {
            let hidden = hidden
                || node.hidden
                || matches!(node.target, Target::Page(p) if (links.hidden)(p));
            if node.children.is_empty() {
                self.leaf(node, links, opens, hidden);
            } else {
                self.group(node, links, opens, hidden);
            }
        }
    }

    fn leaf(&mut self, node: &TocNode, links: &SidebarLinks<'_>, opens: &[usize], hidden: bool) {
        if let Target::Page(page) = node.target {
            self.page_link(page, &node.title, links, opens, hidden);
            return;
        }
        if hidden {
            return;
        }
        match &node.target {
            Target::External(url) => {
                let _ = write!(
                    self.html,
                    "<li><a class=\"external\" href=\"{}\">{}<span class=\"visually-hidden\"> {}</span></a></li>",
                    encode_double_quoted_attribute(url),
                    encode_text(&node.title),
                    encode_text(links.external_label),
                );
            }
            _ => {
                let _ = write!(
                    self.html,
                    "<li><span>{}</span></li>",
                    encode_text(&node.title)
                );
            }
        }
    }

    /// A group opens as `<details>`; its own page, if it has one, is its
    /// first entry (a link inside `<summary>` would fight the toggle).
    fn group(
        &mut self,
        node: &TocNode,
        links: &SidebarLinks<'_>,
        opens: &mut Vec<usize>,
        hidden: bool,
    ) {
        if hidden {
            if let Target::Page(page) = node.target {
                self.page_link(page, &node.title, links, opens, true);
            }
            self.list(&node.children, links, opens, true);
            return;
        }
        let start = self.html.len();
        self.html.push_str("<li><details");
        let open_at = self.html.len();
        opens.push(open_at);
        let _ = write!(
            self.html,
            "><summary>{}</summary>",
            encode_text(&node.title)
        );
        if let Target::Page(page) = node.target {
            self.html.push_str("<ul>");
            self.page_link(page, &node.title, links, opens, false);
            self.items(&node.children, links, opens, false);
            self.html.push_str("</ul>");
        } else {
            self.list(&node.children, links, opens, false);
        }
        self.html.push_str("</details></li>");
        opens.pop();
        self.folds.push(Fold {
            range: start..self.html.len(),
            open_at,
            stub: folded(node, links),
        });
    }

    fn page_link(
        &mut self,
        page: usize,
        title: &str,
        links: &SidebarLinks<'_>,
        opens: &[usize],
        hidden: bool,
    ) {
        let current = if hidden {
            None
        } else {
            self.links += 1;
            self.html.push_str("<li><a");
            let at = self.html.len();
            let url = links.page_urls.get(page).map_or("", String::as_str);
            let _ = write!(
                self.html,
                " href=\"{}{}\">{}</a></li>",
                links.base_path,
                encode_double_quoted_attribute(url),
                encode_text(title)
            );
            Some(at)
        };
        // A page listed twice is marked where it first shows.
        let mark = self.marks.entry(page).or_insert(Mark {
            current: None,
            opens: opens.to_vec(),
        });
        if mark.current.is_none() && current.is_some() {
            mark.current = current;
            mark.opens = opens.to_vec();
        }
    }
}

/// A folded group: a link to its first page shown in the sidebar, where
/// the group opens (or its title alone when it shows no page).
fn folded(node: &TocNode, links: &SidebarLinks<'_>) -> String {
    let title = encode_text(&node.title);
    match first_page(node, links) {
        Some(page) => format!(
            "<li class=\"folded\"><a href=\"{}{}\">{title}</a></li>",
            links.base_path,
            encode_double_quoted_attribute(links.page_urls.get(page).map_or("", String::as_str)),
        ),
        None => format!("<li class=\"folded\"><span>{title}</span></li>"),
    }
}

fn first_page(node: &TocNode, links: &SidebarLinks<'_>) -> Option<usize> {
    if node.hidden {
        return None;
    }
    match node.target {
        Target::Page(page) if !(links.hidden)(page) => Some(page),
        _ => node
            .children
            .iter()
            .find_map(|child| first_page(child, links)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(title: &str, target: Target, children: Vec<TocNode>) -> TocNode {
        TocNode {
            title: title.into(),
            target,
            hidden: false,
            children,
        }
    }

    #[test]
    fn a_page_sees_its_link_marked_and_its_groups_open_and_no_other() {
        let nodes = vec![
            node("Home & more", Target::Page(0), vec![]),
            node(
                "Basics",
                Target::None,
                vec![node(
                    "Start",
                    Target::Page(1),
                    vec![node("Deep", Target::Page(2), vec![])],
                )],
            ),
            node(
                "Other",
                Target::None,
                vec![node("Far", Target::Page(3), vec![])],
            ),
        ];
        let urls: Vec<String> = (0..4).map(|i| format!("en/p{i}.html")).collect();
        let sidebar = Sidebar::render(
            &nodes,
            &SidebarLinks {
                base_path: "/",
                page_urls: &urls,
                hidden: &|_| false,
                external_label: "(external)",
            },
        );
        let deep = sidebar.for_page(2).unwrap();
        assert_eq!(deep.matches(" open").count(), 2);
        assert_eq!(deep.matches("aria-current").count(), 1);
        assert!(deep.contains("<a aria-current=\"page\" href=\"/en/p2.html\">Deep</a>"));
        assert!(deep.contains("<details open><summary>Basics"));
        assert!(deep.contains("<details><summary>Other"));
        let home = sidebar.for_page(0).unwrap();
        assert!(home.contains("Home &amp; more"));
        assert!(!home.contains(" open"));
        // The group's own page is its first entry, inside the open group.
        let start = sidebar.for_page(1).unwrap();
        assert!(start.contains("<summary>Start</summary><ul><li><a aria-current=\"page\" href=\"/en/p1.html\">Start</a>"));
        assert_eq!(sidebar.for_page(9), None);
    }

    #[test]
    fn a_large_sidebar_folds_the_groups_off_the_pages_path_to_a_link() {
        // Guides of sections of pages: 3 × 4 × 20 = 240 links.
        let mut page = 0;
        let mut guides = Vec::new();
        for g in 0..3 {
            let mut sections = Vec::new();
            for s in 0..4 {
                let pages = (0..20)
                    .map(|_| {
                        page += 1;
                        node(
                            &format!("Page {}", page - 1),
                            Target::Page(page - 1),
                            vec![],
                        )
                    })
                    .collect();
                sections.push(node(&format!("Section {g}.{s}"), Target::None, pages));
            }
            guides.push(node(&format!("Guide {g}"), Target::None, sections));
        }
        let urls: Vec<String> = (0..page).map(|i| format!("en/p{i}.html")).collect();
        let links = SidebarLinks {
            base_path: "/",
            page_urls: &urls,
            hidden: &|_| false,
            external_label: "(external)",
        };
        let sidebar = Sidebar::render(&guides, &links);
        // Page 25 is in guide 0, section 1.
        let shown = sidebar.for_page(25).unwrap();
        assert!(shown.contains("<details open><summary>Guide 0</summary>"));
        assert!(shown.contains("<details open><summary>Section 0.1</summary>"));
        assert!(shown.contains("<a aria-current=\"page\" href=\"/en/p25.html\">Page 25</a>"));
        // Its section's pages are all there; the sections beside it and
        // the other guides are one link each, to their first page.
        assert_eq!(shown.matches("<a ").count(), 20 + 3 + 2);
        assert!(
            shown.contains("<li class=\"folded\"><a href=\"/en/p0.html\">Section 0.0</a></li>")
        );
        assert!(shown.contains("<li class=\"folded\"><a href=\"/en/p80.html\">Guide 1</a></li>"));
        assert!(
            shown.len() < sidebar.html.len() / 5,
            "{} of {}",
            shown.len(),
            sidebar.html.len()
        );
    }
}
