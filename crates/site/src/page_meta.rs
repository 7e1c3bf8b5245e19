//! What a technote page says about itself besides its body: when its
//! source last changed (git), where to edit it (`[site] edit_url`), and
//! the OpenGraph locale that link previews want.

use serde::Serialize;

use crate::load::{Page, Project};
use crate::routes::encode_url_path;

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
