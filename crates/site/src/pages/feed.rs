//! `<locale>/feed.xml`: an Atom feed of the locale's newest technotes, by
//! the date git last saw each source change (by title outside git), so
//! readers and chat tools hear of new and revised notes.

use serde::Serialize;
use technote_diagnostics::Diagnostic;
use tera::Context;

use super::{OutputFile, PageSet};

/// A feed names the newest technotes, not every page of a large site.
const FEED_ENTRIES: usize = 50;

/// What Atom's required `updated` says for a page git has no date for
/// (outside git, or not committed yet): a fixed date, so builds stay
/// reproducible and such entries never pass for new.
const UNKNOWN_DATE: &str = "1970-01-01T00:00:00Z";

/// The feed's path below the site root.
pub(crate) fn feed_path(locale_tag: &str) -> String {
    format!("{locale_tag}/feed.xml")
}

#[derive(Serialize)]
struct FeedEntry<'a> {
    title: &'a str,
    url: String,
    updated: &'a str,
    summary: Option<&'a str>,
}

impl PageSet<'_> {
    /// The Atom feed of `locale`.
    pub fn feed(&self, locale: usize) -> Result<OutputFile, Diagnostic> {
        let project = self.project;
        let tag = &project.locale_tags[locale];
        let base_url = &project.config.base_url;
        let mut pages: Vec<(usize, Option<&str>)> = project
            .pages
            .iter()
            .enumerate()
            .filter(|(_, page)| page.locale == locale && !page.front.hide)
            .map(|(index, _)| (index, project.updated[index].as_deref()))
            .collect();
        // Newest first; undated pages last; then by title and path, so the
        // order never depends on the file system.
        pages.sort_by(|(a, a_date), (b, b_date)| {
            b_date
                .cmp(a_date)
                .then_with(|| {
                    project.pages[*a]
                        .front
                        .title
                        .cmp(&project.pages[*b].front.title)
                })
                .then_with(|| project.pages[*a].url_path.cmp(&project.pages[*b].url_path))
        });
        pages.truncate(FEED_ENTRIES);
        let entries: Vec<FeedEntry<'_>> = pages
            .iter()
            .map(|&(index, date)| {
                let page = &project.pages[index];
                FeedEntry {
                    title: &page.front.title,
                    url: format!("{base_url}{}", page.url_path),
                    updated: date.unwrap_or(UNKNOWN_DATE),
                    summary: page.front.description.as_deref(),
                }
            })
            .collect();
        let path = feed_path(tag);
        let mut context = Context::new();
        context.insert("lang", tag);
        context.insert("site_name", &self.identity[locale].name);
        context.insert("feed_url", &format!("{base_url}{path}"));
        context.insert("home_url", &format!("{base_url}{tag}/"));
        // The feed changed when its newest entry did.
        let updated = entries.iter().map(|entry| entry.updated).max();
        context.insert("updated", updated.unwrap_or(UNKNOWN_DATE));
        context.insert("entries", &entries);
        let xml = self
            .templates
            .render(&project.locales[locale], "feed.xml", &context)?;
        Ok(OutputFile {
            path,
            bytes: xml.into_bytes(),
        })
    }
}
