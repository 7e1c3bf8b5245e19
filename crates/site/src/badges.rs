//! Front-matter badges with `url=`: a link like those of the body, so a
//! relative `url="../guide/page.md"` is resolved, checked and rewritten by
//! the page's own link resolver, and a web address stays as written.

use serde::Serialize;
use technote_content::{Badge, Limits};
use technote_markdown::{LinkKind, LinkRef, LinkResolver};

use crate::links::PageLinks;
use crate::load::Page;

/// A badge as the page header shows it.
#[derive(Serialize)]
pub struct BadgeView<'a> {
    pub label: &'a str,
    pub kind: &'a str,
    pub tooltip: Option<&'a str>,
    /// Where the badge links to; `None` shows it as text (no `url=`, or one
    /// to a missing page, which `links` has reported).
    pub href: Option<String>,
    pub external: bool,
}

/// The badges of `page`, their links resolved by `links`.
pub fn badge_views<'a>(
    page: &'a Page,
    links: &PageLinks<'_>,
    limits: &Limits,
) -> Vec<BadgeView<'a>> {
    page.front
        .badges
        .iter()
        .map(|badge| {
            let (href, external) = match badge.url.as_deref() {
                None => (None, false),
                Some(url) if is_web_address(url) => (Some(url.to_string()), true),
                Some(url) => resolve(page, badge, url, links, limits),
            };
            BadgeView {
                label: &badge.label,
                kind: &badge.kind,
                tooltip: badge.tooltip.as_deref(),
                href,
                external,
            }
        })
        .collect()
}

fn resolve(
    page: &Page,
    badge: &Badge,
    url: &str,
    links: &PageLinks<'_>,
    limits: &Limits,
) -> (Option<String>, bool) {
    let key = if badge.key == "badge" {
        "badge".to_string()
    } else {
        format!("badge-{}", badge.key)
    };
    let (line, column) = technote_content::front_matter_key_or_top(&page.source.path, limits, &key);
    let reported = links.diagnostics.borrow().len();
    let link = LinkRef {
        dest: url,
        kind: LinkKind::Link,
        line,
        column,
    };
    match links.resolve(&link) {
        Some(resolved) => (Some(resolved.href), resolved.external),
        // Reported (a page that is not there): the badge shows as text.
        None if links.diagnostics.borrow().len() > reported => (None, false),
        // A path of the site outside the tree (`/docs/...`): as written.
        None => (Some(url.to_string()), false),
    }
}

fn is_web_address(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}
