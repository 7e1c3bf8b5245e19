//! Old addresses that keep working: each locale's `redirects.csv`
//! (Experience League's `source,destination` rows) becomes a static
//! redirect page at the old address (meta refresh, canonical link, a
//! visible link, `noindex`) and a line of the site's `_redirects` file,
//! which Netlify-style hosts answer with a 301 before any file.
//!
//! Addresses map onto this site the way links out of it do: an address
//! below `external_docs_base` (`https://experienceleague.adobe.com/docs/
//! product/using/guide/using/page.html`, or the same path alone) is the
//! locale's `guide/using/page.html`. A destination that is a page of the
//! site leads to that page (its `#anchor` checked once pages rendered);
//! any other is kept as an absolute address, with a warning when it lies
//! below `external_docs_base` (the page it names is not in the site).
//! A source with a `#fragment` names no file and is skipped: the page
//! it names stays the page it is.

use std::collections::HashSet;

use technote_content::{REDIRECTS_FILE, SourceFile};
use technote_diagnostics::{Diagnostic, Severity};

use crate::render::PageRecord;
use crate::routes::{Routes, encode_url_path, output_file};

/// Where a redirect leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Page {
        index: usize,
        fragment: Option<String>,
    },
    /// An absolute address outside the site.
    Elsewhere(String),
}

/// One old address of the site.
#[derive(Debug, Clone)]
pub struct Redirect {
    pub locale: usize,
    /// Below the site root, as written: `en/guide/using/old.html`.
    pub file: String,
    pub destination: Destination,
    /// redirects.csv and the row's line, for the anchor check.
    pub source: std::path::PathBuf,
    pub line: u32,
}

/// Every redirect of the site and the problems of its rows.
#[derive(Default)]
pub struct Redirects {
    pub redirects: Vec<Redirect>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What reading redirects needs of the site.
pub struct RedirectInput<'a> {
    pub files: &'a [SourceFile],
    pub locales: &'a [unic_langid::LanguageIdentifier],
    /// Each locale's folder in URLs.
    pub url_folders: &'a [String],
    pub routes: &'a Routes,
    pub external_docs_base: &'a str,
    pub limits: &'a technote_content::Limits,
    /// Files the site writes itself (pages, homes), which no redirect may replace.
    pub written: &'a HashSet<String>,
}

impl Redirects {
    pub fn read(input: &RedirectInput<'_>) -> Self {
        let mut redirects = Self::default();
        let mut seen = HashSet::new();
        for file in input.files.iter().filter(|f| f.rel_path == REDIRECTS_FILE) {
            let Some(locale) = input.locales.iter().position(|l| *l == file.locale) else {
                continue;
            };
            match technote_content::read_source(&file.path, input.limits) {
                Ok(bytes) => redirects.rows(input, file, locale, &bytes, &mut seen),
                Err(problem) => redirects.diagnostics.push(problem),
            }
        }
        redirects
    }

    fn rows(
        &mut self,
        input: &RedirectInput<'_>,
        file: &SourceFile,
        locale: usize,
        bytes: &[u8],
        seen: &mut HashSet<String>,
    ) {
        let tag = &input.url_folders[locale];
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        for record in reader.records() {
            let record = match record {
                Ok(record) => record,
                Err(error) => {
                    let line = error.position().map_or(1, |p| p.line());
                    self.warn(
                        file,
                        line,
                        format!("this row cannot be read: {error}"),
                        "write each row as source,destination",
                    );
                    continue;
                }
            };
            let line = record.position().map_or(1, |p| p.line());
            let (Some(from), Some(to), None) = (record.get(0), record.get(1), record.get(2)) else {
                if !record.iter().all(str::is_empty) {
                    self.warn(
                        file,
                        line,
                        "a row needs two addresses: source,destination".into(),
                        "write each row as source,destination",
                    );
                }
                continue;
            };
            if line == 1 && from == "source" && to == "destination" {
                continue;
            }
            if from.contains('#') {
                continue;
            }
            let Some(old) = below_docs(from, input.external_docs_base) else {
                self.warn(
                    file,
                    line,
                    format!("`{from}` is not an address of this documentation"),
                    "sources start with external_docs_base of technote.toml (or its path)",
                );
                continue;
            };
            let Some(old_file) = old_file(tag, &old) else {
                self.warn(
                    file,
                    line,
                    format!("`{from}` is no .html address: only the _redirects file can carry it"),
                    "hosts serve pages at .html or folder addresses",
                );
                continue;
            };
            if input.written.contains(&old_file) {
                self.warn(
                    file,
                    line,
                    format!("`{from}` is still a page of this site: it is not redirected"),
                    "remove the row, or the page",
                );
                continue;
            }
            if !seen.insert(old_file.clone()) {
                self.warn(
                    file,
                    line,
                    format!("`{from}` is redirected by an earlier row: this one is ignored"),
                    "keep one row per old address",
                );
                continue;
            }
            let destination = self.destination(input, file, line, locale, to);
            self.redirects.push(Redirect {
                locale,
                file: old_file,
                destination,
                source: file.path.clone(),
                line: u32::try_from(line).unwrap_or(u32::MAX),
            });
        }
    }

    fn destination(
        &mut self,
        input: &RedirectInput<'_>,
        file: &SourceFile,
        line: u64,
        locale: usize,
        to: &str,
    ) -> Destination {
        let (path, fragment) = match to.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment.to_string())),
            None => (to, None),
        };
        let Some(new) = below_docs(path, input.external_docs_base) else {
            return Destination::Elsewhere(absolute(to, input.external_docs_base));
        };
        let page = new
            .strip_suffix(".html")
            .map(|stem| format!("{stem}.md"))
            .and_then(|rel| input.routes.page(locale, &rel));
        if let Some(index) = page {
            return Destination::Page { index, fragment };
        }
        self.warn(
            file,
            line,
            format!("`{to}` is no page of this site: the redirect leads to Experience League"),
            "fix the destination, or add the page",
        );
        Destination::Elsewhere(absolute(to, input.external_docs_base))
    }

    fn warn(&mut self, file: &SourceFile, line: u64, message: String, help: &str) {
        self.diagnostics.push(
            Diagnostic::warning(&file.path, message)
                .with_code("redirect-invalid")
                .at_line(u32::try_from(line).unwrap_or(u32::MAX))
                .with_help(help),
        );
    }

    /// The redirects whose `#anchor` the page they lead to lacks.
    pub fn check_anchors(&self, records: &[PageRecord], severity: Severity) -> Vec<Diagnostic> {
        self.redirects
            .iter()
            .filter_map(|redirect| {
                let Destination::Page { index, fragment: Some(anchor) } = &redirect.destination else {
                    return None;
                };
                let record = records.get(*index)?;
                (!anchor.is_empty() && !record.anchors.contains(anchor)).then(|| {
                    Diagnostic::error(&redirect.source, format!("the redirect of {} leads to `#{anchor}`, which is not an anchor of its page", redirect.file))
                        .with_code("anchor-missing")
                        .at_line(redirect.line)
                        .with_help("fix the destination's #anchor")
                        .with_severity(severity)
                })
            })
            .collect()
    }
}

/// The part of `address` below the documentation's folder, if it is there.
fn below_docs(address: &str, external_docs_base: &str) -> Option<String> {
    let base_path = path_of(external_docs_base);
    let path = path_of(address);
    if address.contains("://") && origin_of(address) != origin_of(external_docs_base) {
        return None;
    }
    path.strip_prefix(base_path).map(str::to_string)
}

fn origin_of(url: &str) -> &str {
    let after = url.find("://").map_or(0, |i| i + 3);
    url.get(after..)
        .and_then(|rest| rest.find('/').map(|i| &url[..after + i]))
        .unwrap_or(url)
}

fn path_of(url: &str) -> &str {
    match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or("/", |j| &url[i + 3 + j..]),
        None => url,
    }
}

/// `address` as an absolute URL: a path alone is on Experience League's host.
fn absolute(address: &str, external_docs_base: &str) -> String {
    if address.contains("://") {
        address.to_string()
    } else {
        format!("{}{address}", origin_of(external_docs_base))
    }
}

/// The file an old address is served from: `guide/old.html` or a
/// folder's `index.html`; `None` for anything a static host would not
/// serve as a page.
fn old_file(tag: &str, old: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(old).decode_utf8_lossy();
    let path = format!("{tag}/{decoded}");
    if path.split('/').any(|part| part == "..") {
        return None;
    }
    (path.ends_with(".html") || path.ends_with('/')).then(|| output_file(&path))
}

/// The address a redirect leads to, below the site (`/en/page.html#a`)
/// or absolute.
pub fn target_href(redirect: &Redirect, base_path: &str, page_urls: &[String]) -> String {
    match &redirect.destination {
        Destination::Page { index, fragment } => {
            let url = page_urls.get(*index).map_or("", String::as_str);
            match fragment {
                Some(fragment) => format!("{base_path}{url}#{fragment}"),
                None => format!("{base_path}{url}"),
            }
        }
        Destination::Elsewhere(url) => url.clone(),
    }
}

/// The `_redirects` line of a redirect (Netlify, Cloudflare Pages).
pub fn redirects_line(redirect: &Redirect, base_path: &str, page_urls: &[String]) -> String {
    let from = redirect
        .file
        .strip_suffix("index.html")
        .unwrap_or(&redirect.file);
    format!(
        "{base_path}{} {} 301\n",
        encode_url_path(from),
        target_href(redirect, base_path, page_urls)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://experienceleague.adobe.com/docs/product/using/";

    #[test]
    fn addresses_below_the_documentation_map_onto_the_locale() {
        assert_eq!(
            below_docs(
                "https://experienceleague.adobe.com/docs/product/using/a/b.html",
                BASE
            )
            .as_deref(),
            Some("a/b.html")
        );
        assert_eq!(
            below_docs("/docs/product/using/a/b.html", BASE).as_deref(),
            Some("a/b.html")
        );
        assert_eq!(
            below_docs("https://example.org/docs/product/using/a.html", BASE),
            None
        );
        assert_eq!(below_docs("/docs/other/using/a.html", BASE), None);
        assert_eq!(old_file("en", "a/b.html").as_deref(), Some("en/a/b.html"));
        assert_eq!(old_file("en", "a/").as_deref(), Some("en/a/index.html"));
        assert_eq!(old_file("en", "a/b"), None);
        assert_eq!(old_file("en", "../../x.html"), None);
        assert_eq!(
            absolute("/docs/other/x.html", BASE),
            "https://experienceleague.adobe.com/docs/other/x.html"
        );
    }
}
