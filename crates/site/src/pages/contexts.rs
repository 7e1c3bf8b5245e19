//! What templates get, typed rather than built as `serde_json::Value`:
//! Tera makes its own copy of whatever the context holds, and listings of a
//! large site are big.

use serde::Serialize;

use super::sitemap::SitemapAlternates;

/// An `hreflang` alternate of a page.
#[derive(Serialize)]
pub(super) struct Alternate<'a> {
    pub(super) lang: &'a str,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct PageInfo<'a> {
    pub(super) title: &'a str,
    pub(super) title_id: Option<&'a str>,
    /// The title's former id, kept on an empty element (markdown's aliases).
    pub(super) title_alias: Option<&'a str>,
    pub(super) front: &'a technote_content::FrontMatter,
    pub(super) badges: &'a [crate::badges::BadgeView<'a>],
    pub(super) url: &'a str,
}

#[derive(Serialize)]
pub(super) struct TocEntry<'a> {
    pub(super) id: &'a str,
    pub(super) text: &'a str,
    pub(super) children: Vec<TocEntry<'a>>,
}

/// A URL of a sitemap; `sitemap::urls_value` gives templates a list of them.
pub(super) struct SitemapUrl<'a> {
    pub(super) loc: String,
    /// Shared by every page of a translation group, which lists the same.
    pub(super) alternates: SitemapAlternates,
    /// When git last saw the page's source change.
    pub(super) lastmod: Option<&'a str>,
}

#[derive(Serialize, Clone)]
pub(super) struct HomeItem<'a> {
    pub(super) title: &'a str,
    pub(super) description: Option<&'a str>,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct FeatureGroup<'a> {
    /// The group's name in the page's language.
    pub(super) feature: String,
    /// Its list's file name when it is too long for the home.
    #[serde(skip)]
    pub(super) slug: String,
    pub(super) items: Vec<HomeItem<'a>>,
    /// When the home shows only the first items: the link to them all.
    pub(super) more: Option<MoreLink>,
}

/// The link from a shortened group to its feature's own list.
#[derive(Serialize)]
pub(super) struct MoreLink {
    pub(super) href: String,
    pub(super) count: usize,
}

impl FeatureGroup<'_> {
    /// The group as a home shows it: at most `shown` items, then a link to
    /// the list of them all at `href`.
    pub(super) fn shortened(mut self, shown: usize, href: &str) -> Self {
        if self.items.len() > shown {
            self.more = Some(MoreLink {
                href: href.to_string(),
                count: self.items.len(),
            });
            self.items.truncate(shown);
        }
        self
    }
}

/// Where a page of a long list is among its pages.
#[derive(Serialize)]
pub(super) struct ListPager {
    pub(super) page: usize,
    pub(super) pages: usize,
    pub(super) previous: Option<String>,
    pub(super) next: Option<String>,
}

/// The pages of one guide that no TOC lists.
#[derive(Serialize)]
pub(super) struct GuidePages<'a> {
    /// The guide's folder; empty for pages at the top of the tree.
    pub(super) guide: &'a str,
    pub(super) items: Vec<HomeItem<'a>>,
}

#[derive(Serialize)]
pub(super) struct HomeLanguage<'a> {
    pub(super) lang: &'a str,
    pub(super) autonym: Option<&'a str>,
    pub(super) href: String,
}

#[derive(Serialize)]
pub(super) struct Elsewhere<'a> {
    pub(super) title: &'a str,
    pub(super) lang: &'a str,
    pub(super) languages: Vec<HomeLanguage<'a>>,
}

/// schema.org FAQPage, its fields in the order `serde_json::Value` sorts them.
#[derive(Serialize)]
pub(super) struct FaqPage<'a> {
    #[serde(rename = "@context")]
    pub(super) context: &'static str,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    #[serde(rename = "mainEntity")]
    pub(super) main_entity: Vec<FaqQuestion<'a>>,
}

#[derive(Serialize)]
pub(super) struct FaqQuestion<'a> {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    #[serde(rename = "acceptedAnswer")]
    pub(super) accepted_answer: FaqAnswer<'a>,
    pub(super) name: &'a str,
}

#[derive(Serialize)]
pub(super) struct FaqAnswer<'a> {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) text: &'a str,
}

#[derive(Serialize)]
pub(super) struct TranslationNotice<'a> {
    pub(super) machine: bool,
    pub(super) human_percent: Option<u8>,
    pub(super) workflow: &'a str,
}

/// One step of a page's breadcrumb trail.
#[derive(Serialize)]
pub(super) struct BreadcrumbLink<'a> {
    pub(super) title: &'a str,
    /// `None` for a group that is no page, and for the page itself.
    pub(super) href: Option<String>,
}

/// A previous or next page, in TOC order.
#[derive(Serialize)]
pub(super) struct Neighbour<'a> {
    pub(super) title: &'a str,
    pub(super) href: String,
}

/// schema.org BreadcrumbList.
#[derive(Serialize)]
pub(super) struct BreadcrumbList<'a> {
    #[serde(rename = "@context")]
    pub(super) context: &'static str,
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    #[serde(rename = "itemListElement")]
    pub(super) items: Vec<BreadcrumbItem<'a>>,
}

#[derive(Serialize)]
pub(super) struct BreadcrumbItem<'a> {
    #[serde(rename = "@type")]
    pub(super) kind: &'static str,
    pub(super) position: usize,
    pub(super) name: &'a str,
    pub(super) item: String,
}
