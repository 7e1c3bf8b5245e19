//! Navigation from `TOC.md` files: each becomes the sidebar of the pages it
//! lists (the most specific TOC of a page wins: its guide's over the
//! tree's), their breadcrumbs and their previous/next links; the page the
//! root TOC starts with (or `[site] home`) becomes its locale's home.
//! Built once per full build, used by every page render, full or not.

mod sidebar;
mod toc;

use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
use technote_content::{SiteConfig, SourceFile, TOC_FILE};
use technote_diagnostics::Diagnostic;

use crate::load::Page;
use crate::routes::Routes;
use sidebar::{Sidebar, SidebarLinks};
use toc::{Target, TocNode, TocSource};

/// The navigation of every locale.
#[derive(Default)]
pub struct Navigation {
    tocs: Vec<Guide>,
    /// By page index, where it sits in its TOC.
    places: FxHashMap<usize, Place>,
    /// By locale, its landing page: the locale's home.
    pub landing: Vec<Option<usize>>,
    /// Per locale, whether it has any TOC (then pages outside them are reported).
    pub has_tocs: Vec<bool>,
    /// Problems of the TOC files and pages no TOC lists.
    pub diagnostics: Vec<Diagnostic>,
}

/// One TOC, rendered.
struct Guide {
    locale: usize,
    title: String,
    /// The TOC at the top of the locale's folder: its title is the site's.
    is_root: bool,
    /// Its first page, which the guide's breadcrumb links to.
    first_page: Option<usize>,
    sidebar: Sidebar,
    /// Every entry, parents before children.
    entries: Vec<Entry>,
    /// Pages in reading order, each once, as previous/next follow them.
    order: Vec<usize>,
    in_order: FxHashSet<usize>,
}

struct Entry {
    title: String,
    page: Option<usize>,
    parent: Option<usize>,
}

#[derive(Clone, Copy)]
struct Place {
    toc: usize,
    entry: usize,
    /// Position in the TOC's reading order, if the page is shown there.
    order: Option<usize>,
}

/// One step of a breadcrumb trail.
#[derive(Debug, Clone)]
pub struct Crumb<'n> {
    pub title: &'n str,
    /// The page it links to; `None` for a group that is no page.
    pub page: Option<usize>,
}

/// The place of a page in its guide, as its template shows it.
pub struct PageNavigation<'n> {
    pub sidebar: String,
    /// From the guide down to the page's parent (the site and the page
    /// itself are added by the template's context).
    pub trail: Vec<Crumb<'n>>,
    pub previous: Option<usize>,
    pub next: Option<usize>,
}

/// What building the navigation reads.
pub struct NavigationInput<'a> {
    pub tocs: &'a [SourceFile],
    pub pages: &'a [Page],
    pub routes: &'a Routes,
    pub config: &'a SiteConfig,
    pub locales: &'a [unic_langid::LanguageIdentifier],
    pub page_urls: &'a [String],
    pub external_label: &'a dyn Fn(usize) -> String,
    /// technote.toml, which a wrong `[site] home` is reported at.
    pub config_path: &'a Path,
}

impl Navigation {
    /// Reads every TOC. The landing page of each locale gets the URL of
    /// its home (`en/`), which the sidebars link to; the caller gives the
    /// page that URL too ([`Navigation::landing`]).
    pub fn build(input: &NavigationInput<'_>) -> Self {
        let locale_count = input.locales.len();
        let mut navigation = Self {
            landing: vec![None; locale_count],
            has_tocs: vec![false; locale_count],
            ..Self::default()
        };
        let hidden = |page: usize| {
            input
                .pages
                .get(page)
                .is_some_and(|p| p.front.hide || p.front.hide_from_toc)
        };
        let mut parsed = Vec::new();
        for file in input.tocs {
            let Some(locale) = input.locales.iter().position(|l| *l == file.locale) else {
                continue;
            };
            match read_toc(file, input.config) {
                Ok(text) => {
                    let toc = toc::parse(
                        &TocSource {
                            path: &file.path,
                            rel_path: &file.rel_path,
                            locale,
                            routes: input.routes,
                        },
                        &text,
                    );
                    navigation.has_tocs[locale] = true;
                    if file.rel_path == TOC_FILE {
                        navigation.landing[locale] = first_page(&toc.nodes, &hidden);
                    }
                    parsed.push((locale, file, toc));
                }
                Err(problem) => navigation.diagnostics.push(problem),
            }
        }
        navigation.configured_landing(input);
        let mut urls = input.page_urls.to_vec();
        for (locale, landing) in navigation.landing.iter().enumerate() {
            if let Some(url) = landing.and_then(|page| urls.get_mut(page)) {
                *url = format!("{}/", input.config.url_folder(&input.locales[locale]));
            }
        }
        // Deeper TOCs first, so a guide's own TOC claims its pages before
        // the tree's.
        parsed.sort_by_key(|(_, file, _)| std::cmp::Reverse(file.rel_path.matches('/').count()));
        for (locale, file, toc) in parsed {
            navigation.diagnostics.extend(toc.diagnostics);
            let label = (input.external_label)(locale);
            let sidebar = Sidebar::render(
                &toc.nodes,
                &SidebarLinks {
                    base_path: input.config.base_path(),
                    page_urls: &urls,
                    hidden: &hidden,
                    external_label: &label,
                },
            );
            let mut guide = Guide {
                locale,
                title: toc.title,
                is_root: file.rel_path == TOC_FILE,
                first_page: None,
                sidebar,
                entries: Vec::new(),
                order: Vec::new(),
                in_order: FxHashSet::default(),
            };
            let index = navigation.tocs.len();
            flatten(
                &toc.nodes,
                None,
                false,
                &mut guide,
                &mut |page, entry, shown, order| {
                    navigation.places.entry(page).or_insert(Place {
                        toc: index,
                        entry,
                        order: shown.then_some(order),
                    });
                },
                &hidden,
            );
            guide.first_page = guide.order.first().copied();
            navigation.tocs.push(guide);
        }
        navigation
            .diagnostics
            .extend(navigation.unlisted(input.pages));
        navigation
    }

    /// `[site] home` names the landing page of every locale.
    fn configured_landing(&mut self, input: &NavigationInput<'_>) {
        let Some(home) = &input.config.site.home else {
            return;
        };
        for (locale, tag) in input.locales.iter().enumerate() {
            match input.routes.page(locale, home) {
                Some(page) => self.landing[locale] = Some(page),
                None => self.diagnostics.push(
                    Diagnostic::warning(
                        input.config_path,
                        format!("`[site] home = \"{home}\"` is no page of locale `{tag}`: its home lists its pages instead"),
                    )
                    .with_code("home-page-missing")
                    .with_help("fix `home` in technote.toml (it is relative to each locale's folder)"),
                ),
            }
        }
    }

    /// Pages of a locale with TOCs that no TOC lists: still built and
    /// listed under their guide on the page of all pages.
    fn unlisted(&self, pages: &[Page]) -> Vec<Diagnostic> {
        pages
            .iter()
            .enumerate()
            .filter(|(index, page)| {
                self.has_tocs[page.locale]
                    && !page.front.hide
                    && !page.front.hide_from_toc
                    && !self.places.contains_key(index)
                    && self.landing[page.locale] != Some(*index)
            })
            .map(|(_, page)| {
                Diagnostic::warning(&page.source.path, "no TOC.md lists this page: readers reach it only from the list of all pages")
                    .with_code("page-unlisted")
                    // The page as a whole is the problem: its first line.
                    .at(1, 1)
                    .with_help("add it to the TOC.md of its guide, or set `hidefromtoc: true` if it is meant to stay out of the navigation")
            })
            .collect()
    }

    /// Whether page `index` is listed by a TOC.
    pub fn is_listed(&self, index: usize) -> bool {
        self.places.contains_key(&index)
    }

    /// The title of the root TOC of `locale`, if it has one with a title.
    pub fn tree_title(&self, locale: usize) -> Option<&str> {
        self.tocs
            .iter()
            .find(|g| g.is_root && g.locale == locale && !g.title.is_empty())
            .map(|g| g.title.as_str())
    }

    /// Page `index`'s sidebar, trail and neighbours, if a TOC lists it.
    pub fn for_page(&self, index: usize) -> Option<PageNavigation<'_>> {
        let place = *self.places.get(&index)?;
        let guide = self.tocs.get(place.toc)?;
        let mut trail = Vec::new();
        let mut at = guide.entries.get(place.entry)?.parent;
        while let Some(entry) = at.and_then(|i| guide.entries.get(i)) {
            trail.push(Crumb {
                title: &entry.title,
                page: entry.page.filter(|&p| p != index),
            });
            at = entry.parent;
        }
        if !guide.is_root && !guide.title.is_empty() {
            trail.push(Crumb {
                title: &guide.title,
                page: guide.first_page.filter(|&p| p != index),
            });
        }
        trail.reverse();
        let neighbour = |step: isize| {
            let position = place.order?.checked_add_signed(step)?;
            guide.order.get(position).copied()
        };
        Some(PageNavigation {
            sidebar: guide.sidebar.for_page(index)?,
            trail,
            previous: neighbour(-1),
            next: neighbour(1),
        })
    }
}

/// The first page an entry of `nodes` links to, in reading order.
fn first_page(nodes: &[TocNode], hidden: &dyn Fn(usize) -> bool) -> Option<usize> {
    nodes
        .iter()
        .filter(|node| !node.hidden)
        .find_map(|node| match node.target {
            Target::Page(page) if !hidden(page) => Some(page),
            _ => first_page(&node.children, hidden),
        })
}

/// Lists every entry of `nodes` in `guide`, parents first, and tells
/// `place` where each page is.
fn flatten(
    nodes: &[TocNode],
    parent: Option<usize>,
    hidden: bool,
    guide: &mut Guide,
    place: &mut dyn FnMut(usize, usize, bool, usize),
    is_hidden_page: &dyn Fn(usize) -> bool,
) {
    for node in nodes {
        let entry = guide.entries.len();
        let page = match node.target {
            Target::Page(page) => Some(page),
            _ => None,
        };
        guide.entries.push(Entry {
            title: node.title.clone(),
            page,
            parent,
        });
        let hidden = hidden || node.hidden;
        if let Some(page) = page {
            let shown = !hidden && !is_hidden_page(page) && guide.in_order.insert(page);
            if shown {
                guide.order.push(page);
            }
            place(page, entry, shown, guide.order.len().saturating_sub(1));
        }
        flatten(
            &node.children,
            Some(entry),
            hidden,
            guide,
            place,
            is_hidden_page,
        );
    }
}

/// A TOC's text, read with the limits and checks of every source.
fn read_toc(file: &SourceFile, config: &SiteConfig) -> Result<String, Diagnostic> {
    let bytes = technote_content::read_source(&file.path, &config.limits)?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) =
            technote_diagnostics::invalid_utf8_position(e.as_bytes(), &e.utf8_error());
        Diagnostic::error(&file.path, "this TOC is not valid UTF-8")
            .with_code("file-not-utf8")
            .at(line, column)
            .with_help("save the file as UTF-8")
    })
}
