//! What the site tells the index about a page.

/// One page to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchDocument<'a> {
    /// The page's URL path below the site root, as the site writes it
    /// (`fr/technotes/using/ims-sign-in-update.html`); the browser puts the
    /// site's base path in front.
    pub url: &'a str,
    /// The page title, shown in results and weighted above everything else.
    pub title: &'a str,
    /// Plain text before the first section; a hit there links to the page itself.
    pub intro: &'a str,
    /// Headings and FAQ questions with the text each introduces, in page order.
    pub sections: Vec<SearchSection<'a>>,
}

/// A part of a page a result can link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchSection<'a> {
    /// The anchor (`id`) of the heading or FAQ entry: results link to `url#id`.
    pub id: &'a str,
    /// Heading text or FAQ question, shown in results.
    pub heading: &'a str,
    /// Plain text from the heading to the next section start.
    pub text: &'a str,
}

/// What the index file keeps of a page once its text is analyzed: where
/// results link, and what they show.
pub(crate) struct PageEntry {
    pub url: String,
    pub title: String,
    /// (anchor, heading) of each section.
    pub sections: Vec<(String, String)>,
}

impl PageEntry {
    pub fn of(document: &SearchDocument) -> Self {
        Self {
            url: document.url.to_string(),
            title: document.title.to_string(),
            sections: (document.sections.iter())
                .map(|s| (s.id.to_string(), s.heading.to_string()))
                .collect(),
        }
    }
}

/// Where a section starts in a page's plain text: the heading or question
/// as it appears there, on a line of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionStart<'a> {
    pub id: &'a str,
    pub heading: &'a str,
}

/// How far ahead a line is compared with the expected section starts, so a
/// heading missing from the text does not swallow the rest of the page.
const LOOKAHEAD: usize = 8;

impl<'a> SearchDocument<'a> {
    /// Splits a page's plain text (one block per line, headings and FAQ
    /// questions on lines of their own, as `technote_markdown::Document::text`
    /// is) at `starts`, which must be in page order.
    ///
    /// A start whose heading is not found as a line keeps its heading and
    /// gets no text; the text stays with the section before it.
    pub fn from_plain_text(
        url: &'a str,
        title: &'a str,
        text: &'a str,
        starts: &[SectionStart<'a>],
    ) -> Self {
        let mut sections: Vec<SearchSection<'a>> = starts
            .iter()
            .map(|start| SearchSection {
                id: start.id,
                heading: start.heading,
                text: "",
            })
            .collect();
        // Trimmed once, not once per line of the text.
        let headings: Vec<&str> = starts.iter().map(|start| start.heading.trim()).collect();
        // (section index or None for the intro, byte where its text starts)
        let mut current: (Option<usize>, usize) = (None, 0);
        let mut intro = "";
        let mut next = 0;
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let mut window = headings.iter().enumerate().skip(next).take(LOOKAHEAD);
            let Some((found, _)) = window.find(|(_, heading)| **heading == trimmed) else {
                continue;
            };
            let body = text.get(current.1..line_start).unwrap_or("");
            match current.0.and_then(|index| sections.get_mut(index)) {
                Some(section) => section.text = body,
                None => intro = body,
            }
            current = (Some(found), offset);
            next = found + 1;
        }
        let body = text.get(current.1..).unwrap_or("");
        match current.0.and_then(|index| sections.get_mut(index)) {
            Some(section) => section.text = body,
            None => intro = body,
        }
        Self {
            url,
            title,
            intro,
            sections,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Keep signing in\nIntro paragraph.\nWho is affected\nOperators who sign in.\nSecond line.\nHow to update\nUpgrade the server.\nCan I wait?\nNo.\n";

    fn start<'a>(id: &'a str, heading: &'a str) -> SectionStart<'a> {
        SectionStart { id, heading }
    }

    #[test]
    fn splits_text_at_each_heading_line() {
        let starts = [
            start("affected", "Who is affected"),
            start("update", "How to update"),
            start("wait", "Can I wait?"),
        ];
        let document = SearchDocument::from_plain_text("en/x/", "Keep signing in", TEXT, &starts);
        assert_eq!(document.intro, "Keep signing in\nIntro paragraph.\n");
        let bodies: Vec<(&str, &str)> = document.sections.iter().map(|s| (s.id, s.text)).collect();
        assert_eq!(
            bodies,
            [
                ("affected", "Operators who sign in.\nSecond line.\n"),
                ("update", "Upgrade the server.\n"),
                ("wait", "No.\n"),
            ]
        );
    }

    #[test]
    fn a_heading_missing_from_the_text_keeps_the_rest_in_place() {
        let starts = [
            start("affected", "Who is affected"),
            start("ghost", "Not in the text"),
            start("update", "How to update"),
        ];
        let document = SearchDocument::from_plain_text("en/x/", "T", TEXT, &starts);
        let bodies: Vec<(&str, &str)> = document.sections.iter().map(|s| (s.id, s.text)).collect();
        assert_eq!(
            bodies,
            [
                ("affected", "Operators who sign in.\nSecond line.\n"),
                ("ghost", ""),
                ("update", "Upgrade the server.\nCan I wait?\nNo.\n"),
            ]
        );
    }

    #[test]
    fn text_without_headings_is_all_intro() {
        let document = SearchDocument::from_plain_text("en/x/", "T", "Just text.", &[]);
        assert_eq!(document.intro, "Just text.");
        assert!(document.sections.is_empty());
    }
}
