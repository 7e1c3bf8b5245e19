//! What a page says about itself besides its body: when a technote's
//! source last changed (git), where to edit it (`[site] edit_url`), and
//! what link previews show of every page (OpenGraph).

use serde::Serialize;

use crate::load::{Page, Project};
use crate::routes::encode_url_path;

/// What link previews (`partials/social.html`: OpenGraph, Twitter's card)
/// show of a page. Every page but the 404s and redirects has one.
#[derive(Serialize)]
pub(crate) struct Social<'a> {
    /// `article` for a technote, `website` for homes and lists of pages.
    pub(crate) kind: &'static str,
    pub(crate) title: &'a str,
    pub(crate) description: Option<&'a str>,
}

impl<'a> Social<'a> {
    pub(crate) fn article(title: &'a str, description: Option<&'a str>) -> Self {
        Self {
            kind: "article",
            title,
            description,
        }
    }

    pub(crate) fn website(title: &'a str, description: &'a str) -> Self {
        Self {
            kind: "website",
            title,
            description: Some(description).filter(|d| !d.is_empty()),
        }
    }
}

/// The page's "Updated on" line and `<time datetime>`.
#[derive(Serialize)]
pub(crate) struct Updated<'a> {
    /// RFC 3339, as git gives it.
    pub(crate) datetime: &'a str,
    /// `YYYY-MM-DD`, the part readers are shown.
    pub(crate) date: &'a str,
}

impl<'a> Updated<'a> {
    pub(crate) fn of(project: &'a Project, index: usize) -> Option<Self> {
        let datetime = project.updated.get(index)?.as_deref()?;
        Some(Self {
            datetime,
            date: datetime.get(..10).unwrap_or(datetime),
        })
    }
}

/// The page's "edit this page" address: `[site] edit_url` with `{path}`
/// (the source below its locale's folder, percent-encoded) and `{locale}`
/// filled in; `None` without the setting.
pub(crate) fn edit_href(project: &Project, page: &Page) -> Option<String> {
    let pattern = project.config.site.edit_url.as_deref()?;
    let locale = project.locale_tags.get(page.locale)?;
    Some(
        pattern
            .replace("{locale}", locale)
            .replace("{path}", &encode_url_path(&page.source.rel_path)),
    )
}

/// A BCP 47 tag as `og:locale` writes it: language and region joined by
/// `_` (`pt-BR` → `pt_BR`); a script subtag has no place there
/// (`zh-Hant-TW` → `zh_TW`), and a tag without a region stays its language.
pub(crate) fn og_locale(locale: &unic_langid::LanguageIdentifier) -> String {
    match locale.region {
        Some(region) => format!("{}_{}", locale.language, region),
        None => locale.language.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn og_locale_keeps_language_and_region() {
        let og = |tag: &str| og_locale(&tag.parse().unwrap());
        assert_eq!(og("pt-BR"), "pt_BR");
        assert_eq!(og("zh-Hant-TW"), "zh_TW");
        assert_eq!(og("fr"), "fr");
    }
}
