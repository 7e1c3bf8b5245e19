//! How a site's URLs are cut into sitemap files. The protocol allows
//! 50,000 URLs and 50 MB in one file; a small site keeps one
//! `sitemap.xml`, a larger one gets `sitemap.xml` as a sitemap index of one
//! sitemap per locale (`sitemap-fr.xml`), each cut in parts
//! (`sitemap-fr-2.xml`) where it would pass either limit.

use std::collections::BTreeMap;

use tera::Value;

use super::contexts::{Alternate, SitemapUrl};

/// The protocol's limit of URLs in one sitemap.
const URLS_PER_FILE: usize = 50_000;

/// Well under the protocol's 50 MB: [`estimated_bytes`] counts the URLs'
/// own text, and a template's markup around each may differ.
const BYTES_PER_FILE: usize = 40 * 1024 * 1024;

/// The sitemap files of a site.
pub(super) enum SitemapFiles<'a> {
    /// Every URL in `sitemap.xml`.
    Single(Vec<SitemapUrl<'a>>),
    /// `sitemap.xml` lists these files, by name, each with its URLs.
    Index(Vec<(String, Vec<SitemapUrl<'a>>)>),
}

/// Cuts `urls` (each with its locale) into sitemap files.
pub(super) fn sitemap_files<'a>(
    urls: Vec<(usize, SitemapUrl<'a>)>,
    locale_tags: &[String],
) -> SitemapFiles<'a> {
    let total_bytes: usize = urls.iter().map(|(_, url)| estimated_bytes(url)).sum();
    if urls.len() <= URLS_PER_FILE && total_bytes <= BYTES_PER_FILE {
        return SitemapFiles::Single(urls.into_iter().map(|(_, url)| url).collect());
    }
    let mut by_locale: Vec<Vec<SitemapUrl<'a>>> = locale_tags.iter().map(|_| Vec::new()).collect();
    for (locale, url) in urls {
        if let Some(list) = by_locale.get_mut(locale) {
            list.push(url);
        }
    }
    let mut files = Vec::new();
    for (tag, urls) in locale_tags.iter().zip(by_locale) {
        let mut part: Vec<SitemapUrl<'a>> = Vec::new();
        let mut bytes = 0;
        let mut parts = Vec::new();
        for url in urls {
            let size = estimated_bytes(&url);
            if !part.is_empty() && (part.len() == URLS_PER_FILE || bytes + size > BYTES_PER_FILE) {
                parts.push(std::mem::take(&mut part));
                bytes = 0;
            }
            bytes += size;
            part.push(url);
        }
        if !part.is_empty() {
            parts.push(part);
        }
        for (at, part) in parts.into_iter().enumerate() {
            let name = if at == 0 {
                format!("sitemap-{tag}.xml")
            } else {
                format!("sitemap-{tag}-{}.xml", at + 1)
            };
            files.push((name, part));
        }
    }
    SitemapFiles::Index(files)
}

/// A translation group's alternates as the sitemap template gets them
/// (`lang`, `href`): one Tera list that the group's pages share (Tera's
/// lists are reference-counted, so a copy costs nothing), where converting
/// each page's own copy was most of the cost of a twelve-locale sitemap.
#[derive(Clone)]
pub(super) struct SitemapAlternates {
    value: Value,
    /// About the bytes the template writes for them.
    bytes: usize,
}

impl SitemapAlternates {
    pub(super) fn new(alternates: &[Alternate<'_>]) -> Self {
        const ALTERNATE_MARKUP: usize = 60;
        let list: Vec<Value> = alternates
            .iter()
            .map(|alternate| {
                Value::from(BTreeMap::from([
                    ("lang", Value::from(alternate.lang)),
                    ("href", Value::from(alternate.href.as_str())),
                ]))
            })
            .collect();
        Self {
            value: Value::from(list),
            bytes: alternates
                .iter()
                .map(|a| a.lang.len() + a.href.len() + ALTERNATE_MARKUP)
                .sum(),
        }
    }
}

/// `urls` as the sitemap template's `urls`: each with its `loc`, its
/// `lastmod` (none when git has no date) and its `alternates`.
pub(super) fn urls_value(urls: &[SitemapUrl<'_>]) -> Value {
    let list: Vec<Value> = urls
        .iter()
        .map(|url| {
            Value::from(BTreeMap::from([
                ("loc", Value::from(url.loc.as_str())),
                ("alternates", url.alternates.value.clone()),
                ("lastmod", Value::from(url.lastmod)),
            ]))
        })
        .collect();
    Value::from(list)
}

/// About what `templates/sitemap.xml` writes for `url`: its addresses and
/// the markup around each.
fn estimated_bytes(url: &SitemapUrl<'_>) -> usize {
    const URL_MARKUP: usize = 40;
    url.loc.len() + URL_MARKUP + url.alternates.bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(n: usize) -> SitemapUrl<'static> {
        SitemapUrl {
            loc: format!("https://docs.example.org/en/page-{n}.html"),
            alternates: SitemapAlternates::new(&[Alternate {
                lang: "fr",
                href: format!("https://docs.example.org/fr/page-{n}.html"),
            }]),
            lastmod: None,
        }
    }

    #[test]
    fn a_small_site_has_one_sitemap_and_a_large_one_a_sitemap_per_locale_in_parts() {
        let tags = ["en".to_string(), "fr".to_string()];
        let small: Vec<_> = (0..10).map(|n| (n % 2, url(n))).collect();
        assert!(
            matches!(sitemap_files(small, &tags), SitemapFiles::Single(urls) if urls.len() == 10)
        );

        // 120,001 URLs: English 70,001 (two parts), French 50,000 (one).
        let large: Vec<_> = (0..120_001)
            .map(|n| (usize::from(n >= 70_001), url(n)))
            .collect();
        let SitemapFiles::Index(files) = sitemap_files(large, &tags) else {
            panic!("one sitemap for 120,001 URLs");
        };
        let shape: Vec<(&str, usize)> = files
            .iter()
            .map(|(name, urls)| (name.as_str(), urls.len()))
            .collect();
        assert_eq!(
            shape,
            [
                ("sitemap-en.xml", 50_000),
                ("sitemap-en-2.xml", 20_001),
                ("sitemap-fr.xml", 50_000)
            ]
        );
    }
}
