//! Resolving the links of one page while it renders, and verifying them
//! once every page has rendered (anchors are only known then).

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use technote_content::LinkCheck;
use technote_diagnostics::Diagnostic;
use technote_markdown::{LinkKind, LinkRef, LinkResolver, ResolvedLink};

use percent_encoding::percent_decode_str;

use crate::routes::{Routes, encode_url_path, join_relative};

/// A link to another page whose `#anchor` must be checked after rendering.
pub struct PendingAnchor {
    pub target: usize,
    pub anchor: String,
    pub line: u32,
    pub column: u32,
}

/// An asset file the page uses, to copy into the site.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AssetCopy {
    pub source: PathBuf,
    /// Path below the site root.
    pub output: String,
}

/// What the resolver needs to know about the site.
pub struct SiteLinks<'a> {
    pub routes: &'a Routes,
    pub base_path: &'a str,
    pub external_docs_base: &'a str,
    /// Per locale, the folder its sources (and assets) are read from.
    pub locale_folders: &'a [PathBuf],
    /// The project's folder, which messages name files relative to.
    pub root: &'a Path,
    pub locale_tags: &'a [String],
    pub reference_locale: usize,
    pub page_urls: &'a [String],
    /// Per locale, the files of the content folder that are not pages.
    pub assets: &'a [HashSet<String>],
    pub check: &'a LinkCheck,
}

/// Resolves the links of one page; collects what must be checked or copied.
pub struct PageLinks<'a> {
    site: &'a SiteLinks<'a>,
    locale: usize,
    rel_path: &'a str,
    file: &'a Path,
    pub anchors: RefCell<Vec<PendingAnchor>>,
    pub assets: RefCell<Vec<AssetCopy>>,
    pub diagnostics: RefCell<Vec<Diagnostic>>,
}

impl<'a> PageLinks<'a> {
    pub fn new(site: &'a SiteLinks<'a>, locale: usize, rel_path: &'a str, file: &'a Path) -> Self {
        Self {
            site,
            locale,
            rel_path,
            file,
            anchors: RefCell::new(Vec::new()),
            assets: RefCell::new(Vec::new()),
            diagnostics: RefCell::new(Vec::new()),
        }
    }

    fn report(
        &self,
        link: &LinkRef,
        severity: technote_diagnostics::Severity,
        code: &'static str,
        message: String,
        help: &str,
    ) {
        self.diagnostics.borrow_mut().push(
            Diagnostic::error(self.file, message)
                .with_code(code)
                .at(link.line, link.column)
                .with_help(help)
                .with_severity(severity),
        );
    }

    fn resolve_page(
        &self,
        link: &LinkRef,
        path: &str,
        fragment: Option<&str>,
    ) -> Option<ResolvedLink> {
        let site = self.site;
        let target = site
            .routes
            .page(self.locale, path)
            .or_else(|| site.routes.page(site.reference_locale, path))
            .or_else(|| (0..site.locale_tags.len()).find_map(|l| site.routes.page(l, path)));
        if let Some(target) = target {
            if let Some(anchor) = fragment.filter(|a| !a.is_empty()) {
                self.anchors.borrow_mut().push(PendingAnchor {
                    target,
                    // `#%E6%A6%82…`, as a browser's address bar copies it, is `#概…`.
                    anchor: percent_decode_str(anchor).decode_utf8_lossy().into_owned(),
                    line: link.line,
                    column: link.column,
                });
            }
            let page_url = site.page_urls.get(target).map_or("", String::as_str);
            return Some(ResolvedLink {
                href: joined_href(&[site.base_path, page_url], fragment),
                external: false,
            });
        }
        if site.routes.is_site_folder(self.locale, path) {
            self.report(
                link,
                site.check.internal,
                "link-missing-page",
                format!("link to `{}`: no page `{path}` in this site", link.dest),
                "fix the path (it is relative to this file), or create the page",
            );
            return None;
        }
        Some(
            self.external(
                path.strip_suffix(".md")
                    .map(|s| format!("{s}.html"))
                    .as_deref()
                    .unwrap_or(path),
                fragment,
            ),
        )
    }

    fn resolve_asset(
        &self,
        link: &LinkRef,
        path: &str,
        fragment: Option<&str>,
    ) -> Option<ResolvedLink> {
        let site = self.site;
        let candidates = [self.locale, site.reference_locale];
        for locale in candidates {
            let tag = &site.locale_tags[locale];
            let exists = site
                .assets
                .get(locale)
                .is_some_and(|set| set.contains(path))
                || site.routes.page(locale, path).is_some();
            if exists {
                let source = site.locale_folders[locale].join(path);
                let output = format!("{tag}/{path}");
                let href = joined_href(&[site.base_path, &encode_url_path(&output)], fragment);
                self.assets.borrow_mut().push(AssetCopy { source, output });
                return Some(ResolvedLink {
                    href,
                    external: false,
                });
            }
        }
        if site.routes.is_site_folder(self.locale, path) {
            self.report(
                link,
                site.check.assets,
                "link-missing-file",
                format!(
                    "`{}` points to a file that does not exist: {}",
                    link.dest,
                    relative_display(site.root, &site.locale_folders[self.locale].join(path))
                ),
                "add the file, or fix the path (it is relative to this file)",
            );
            return None;
        }
        Some(self.external(path, fragment))
    }

    fn external(&self, path: &str, fragment: Option<&str>) -> ResolvedLink {
        ResolvedLink {
            href: joined_href(&[self.site.external_docs_base, path], fragment),
            external: true,
        }
    }
}

impl LinkResolver for PageLinks<'_> {
    fn resolve(&self, link: &LinkRef) -> Option<ResolvedLink> {
        let (path, fragment) = match link.dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (link.dest, None),
        };
        // `/help/guide/using/page.md`, as Experience League trees write a
        // link from their root: the locale's folder is that `help/` folder.
        let (from, path) = match path.strip_prefix("/help/") {
            Some(rooted) => ("", rooted),
            None if path.starts_with('/') => return None,
            None => (self.rel_path, path),
        };
        // `my%20page.md` names the file `my page.md`, as in a browser.
        let decoded = percent_decode_str(path).decode_utf8_lossy();
        let Some(joined) = join_relative(from, &decoded) else {
            self.report(
                link,
                technote_diagnostics::Severity::Error,
                "link-escapes-content",
                format!("`{}` climbs out of the content folder", link.dest),
                "links and images must stay inside content/<locale>/; link to documents elsewhere by URL",
            );
            return None;
        };
        if path.ends_with(".md") && link.kind == LinkKind::Link {
            self.resolve_page(link, &joined, fragment)
        } else {
            self.resolve_asset(link, &joined, fragment)
        }
    }
}

/// `path` relative to the project folder when it lies inside it.
fn relative_display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// `parts` one after the other, then `#fragment` when there is one: every
/// page has links, so the URL is built in one allocation.
fn joined_href(parts: &[&str], fragment: Option<&str>) -> String {
    let length = parts.iter().map(|p| p.len()).sum::<usize>() + fragment.map_or(0, |f| f.len() + 1);
    let mut href = String::with_capacity(length);
    for part in parts {
        href.push_str(part);
    }
    if let Some(fragment) = fragment {
        href.push('#');
        href.push_str(fragment);
    }
    href
}
