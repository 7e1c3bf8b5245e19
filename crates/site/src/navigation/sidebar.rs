//! A TOC's sidebar, rendered once: every page it lists gets the same HTML
//! with its own link marked `aria-current="page"` and the groups around it
//! open, spliced in at offsets recorded while rendering. A 700-page tree
//! is rendered once, not 700 times.

use std::fmt::Write;

use html_escape::{encode_double_quoted_attribute, encode_text};

use super::toc::{Target, TocNode};

const CURRENT: &str = " aria-current=\"page\"";
const OPEN: &str = " open";

/// The sidebar HTML of one TOC, and where each listed page's marks go.
pub struct Sidebar {
    html: String,
    /// By page index: where its link's `aria-current` goes (none for a
    /// page hidden from the sidebar) and where the groups around it open.
    marks: rustc_hash::FxHashMap<usize, Mark>,
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
        };
        let mut opens = Vec::new();
        sidebar.list(nodes, links, &mut opens, false);
        sidebar
    }

    /// The sidebar as page `page` shows it; `None` for a page it does not list.
    pub fn for_page(&self, page: usize) -> Option<String> {
        let mark = self.marks.get(&page)?;
        let mut inserts: Vec<(usize, &str)> = mark.opens.iter().map(|&at| (at, OPEN)).collect();
        inserts.extend(mark.current.map(|at| (at, CURRENT)));
        inserts.sort_unstable_by_key(|(at, _)| *at);
        let extra: usize = inserts.iter().map(|(_, text)| text.len()).sum();
        let mut html = String::with_capacity(self.html.len() + extra);
        let mut from = 0;
        for (at, text) in inserts {
            html.push_str(&self.html[from..at]);
            html.push_str(text);
            from = at;
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
        self.html.push_str("<li><details");
        opens.push(self.html.len());
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
}
