//! Where every source lands in the site, and how pages find each other.
//!
//! All lookups go through maps built once, so resolving a link or a
//! translation costs the same on a 10-page site and on a 20,000-page one.
//! They hash with FxHash: every link of every page is looked up, and the
//! keys are the site's own paths, not a visitor's input.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use rustc_hash::{FxHashMap, FxHashSet};

/// The URL path of a page below the site root, without a leading slash:
/// `technotes/using/ims.md` in `fr` becomes `fr/technotes/using/ims.html`;
/// `folder` is the locale's folder in URLs (`SiteConfig::url_folder`).
///
/// Pages are `.html` files, as on Experience League, where technotes come
/// from (and where links outside the site go, `.md` becoming `.html` there
/// too): any static host serves them without rewriting folder URLs to an
/// `index.html`, and a site of 10,000 pages is 10,000 files rather than
/// as many files plus as many folders to create and, a build later, remove.
///
/// The path is percent-encoded (`my page.md` becomes `my%20page.html`), so
/// that canonical links, hreflang alternates, the sitemap and every link
/// to the page are valid URLs whatever the file is called.
pub fn page_url_path(folder: &str, rel_path: &str) -> String {
    encode_url_path(&page_file_path(folder, rel_path)).into_owned()
}

/// A path below the site root as it goes in a URL: percent-encoded.
pub fn encode_url_path(path: &str) -> Cow<'_, str> {
    utf8_percent_encode(path, URL_PATH).into()
}

/// The file a page is written to below the site root: its URL path, not
/// encoded.
pub fn page_file_path(folder: &str, rel_path: &str) -> String {
    let stem = rel_path.strip_suffix(".md").unwrap_or(rel_path);
    format!("{folder}/{stem}.html")
}

/// What a path segment of a URL cannot hold as it is (RFC 3986 with the
/// WHATWG path set), `/` excepted: it separates the segments. Bytes past
/// ASCII are always encoded.
const URL_PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The file a URL path is written to: a page's own, or a folder's
/// `index.html` (the homes, `fr/`).
pub fn output_file(url_path: &str) -> String {
    if url_path.is_empty() || url_path.ends_with('/') {
        format!("{url_path}index.html")
    } else {
        url_path.to_string()
    }
}

/// Indexes of the pages, by locale and relative path, and by translation group.
pub struct Routes {
    /// Per locale, so a lookup borrows the path instead of building a key.
    by_path: Vec<FxHashMap<String, usize>>,
    top_folders: Vec<FxHashSet<String>>,
    groups: FxHashMap<String, Vec<usize>>,
    group_of: Vec<String>,
}

/// What `Routes` needs to know about one page.
pub struct RouteEntry<'a> {
    pub locale: usize,
    pub rel_path: &'a str,
    /// Translations share an `exl-id`; pages without one pair by path.
    pub translation_key: String,
}

impl Routes {
    pub fn new<'a>(locale_count: usize, entries: impl IntoIterator<Item = RouteEntry<'a>>) -> Self {
        let mut routes = Self {
            by_path: vec![FxHashMap::default(); locale_count],
            top_folders: vec![FxHashSet::default(); locale_count],
            groups: FxHashMap::default(),
            group_of: Vec::new(),
        };
        for (index, entry) in entries.into_iter().enumerate() {
            if let Some(paths) = routes.by_path.get_mut(entry.locale) {
                paths.insert(entry.rel_path.to_string(), index);
            }
            if let Some(top) = top_folder(entry.rel_path) {
                routes.top_folders[entry.locale].insert(top.to_string());
            }
            routes
                .groups
                .entry(entry.translation_key.clone())
                .or_default()
                .push(index);
            routes.group_of.push(entry.translation_key);
        }
        routes
    }

    pub fn page(&self, locale: usize, rel_path: &str) -> Option<usize> {
        self.by_path.get(locale)?.get(rel_path).copied()
    }

    /// Whether `rel_path` lies in a folder this locale's content has, so a
    /// missing page there is a broken link rather than a document of the
    /// external documentation tree.
    pub fn is_site_folder(&self, locale: usize, rel_path: &str) -> bool {
        match top_folder(rel_path) {
            Some(top) => self
                .top_folders
                .get(locale)
                .is_some_and(|set| set.contains(top)),
            None => true,
        }
    }

    /// Every page in the same translation group as `page`, itself included.
    pub fn translations(&self, page: usize) -> &[usize] {
        self.group_of
            .get(page)
            .and_then(|key| self.groups.get(key))
            .map_or(&[], Vec::as_slice)
    }

    /// Translation groups, each listed once, in first-seen order of their pages.
    pub fn group_keys(&self) -> impl Iterator<Item = &str> {
        let mut seen = FxHashSet::default();
        self.group_of
            .iter()
            .filter(move |key| seen.insert(key.as_str()))
            .map(String::as_str)
    }

    pub fn group(&self, key: &str) -> &[usize] {
        self.groups.get(key).map_or(&[], Vec::as_slice)
    }
}

fn top_folder(rel_path: &str) -> Option<&str> {
    rel_path.split_once('/').map(|(top, _)| top)
}

/// Joins a relative link to the folder of the page it appears in, resolving
/// `.` and `..`. Returns `None` when the result would climb above the root.
pub fn join_relative(page_rel_path: &str, link_path: &str) -> Option<String> {
    let mut parts: Vec<&str> = page_rel_path.split('/').collect();
    parts.pop();
    for part in link_path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_of_odd_file_names_are_encoded_and_their_files_are_not() {
        let ja = "ja";
        assert_eq!(
            page_url_path(ja, "guide/my page #2?50%.md"),
            "ja/guide/my%20page%20%232%3F50%25.html"
        );
        assert_eq!(page_url_path(ja, "概要.md"), "ja/%E6%A6%82%E8%A6%81.html");
        assert_eq!(
            page_file_path(ja, "guide/my page #2?50%.md"),
            "ja/guide/my page #2?50%.html"
        );
    }

    #[test]
    fn pages_get_html_urls_under_their_locale() {
        let fr = "fr";
        assert_eq!(
            page_url_path(fr, "technotes/using/ims.md"),
            "fr/technotes/using/ims.html"
        );
        assert_eq!(
            output_file("fr/technotes/using/ims.html"),
            "fr/technotes/using/ims.html"
        );
        assert_eq!(output_file("fr/"), "fr/index.html");
    }

    #[test]
    fn relative_links_resolve_and_never_climb_out() {
        assert_eq!(
            join_relative("technotes/using/a.md", "b.md").as_deref(),
            Some("technotes/using/b.md")
        );
        assert_eq!(
            join_relative("technotes/using/a.md", "../../rn/using/c.md").as_deref(),
            Some("rn/using/c.md")
        );
        assert_eq!(
            join_relative("technotes/using/a.md", "../../../../etc/passwd"),
            None
        );
        assert_eq!(
            join_relative("a.md", "./img/x.png").as_deref(),
            Some("img/x.png")
        );
    }

    #[test]
    fn translations_pair_by_key_and_folders_are_known() {
        let routes = Routes::new(
            2,
            [
                RouteEntry {
                    locale: 0,
                    rel_path: "technotes/a.md",
                    translation_key: "id-1".into(),
                },
                RouteEntry {
                    locale: 1,
                    rel_path: "technotes/a.md",
                    translation_key: "id-1".into(),
                },
                RouteEntry {
                    locale: 1,
                    rel_path: "technotes/b.md",
                    translation_key: "id-2".into(),
                },
            ],
        );
        assert_eq!(routes.translations(0), &[0, 1]);
        assert_eq!(routes.page(1, "technotes/b.md"), Some(2));
        assert!(routes.is_site_folder(0, "technotes/zzz.md"));
        assert!(!routes.is_site_folder(0, "rn/using/c.md"));
        assert_eq!(
            routes.group_keys().collect::<Vec<_>>(),
            vec!["id-1", "id-2"]
        );
    }
}
