//! Marks around a UI string that a page shows in the reference locale's
//! words (English on an Arabic page), so that the site can say which
//! language that text is in. [`Localizer::format_for_page`] puts them in;
//! a template's output cannot tell an element's content from an attribute,
//! so the site turns them into markup (`<span lang="en" dir="ltr">`) where
//! markup may go, and into Unicode directional isolates elsewhere
//! (attributes, `<title>`, `<option>`, feeds).
//!
//! The marks are private-use characters a Fluent string never holds. One
//! character each, so that a text split into pieces by an HTML parser never
//! splits a mark; they need not name the language, because a page falls
//! back to another language only through the reference locale (a less
//! specific locale, `pt` for `pt-BR`, speaks the same one).

use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::Localizer;

/// Starts text in the reference locale's words.
pub const FALLBACK_START: char = '\u{E002}';
/// Ends it.
pub const FALLBACK_END: char = '\u{E003}';

/// Whether `text` holds fallback marks.
pub fn has_fallback_marks(text: &str) -> bool {
    // One character each: std searches for it with memchr, which a set of
    // characters would not.
    text.contains(FALLBACK_START) || text.contains(FALLBACK_END)
}

impl Localizer {
    /// `text` with its fallback marks made directional isolates (LRI or
    /// RLI … PDI) when the reference locale is written the other way than
    /// `page`, or dropped: where no markup may go, this keeps punctuation
    /// from flipping.
    pub fn isolate_fallbacks(&self, text: &str, page: &LanguageIdentifier) -> String {
        let reference = self.reference().character_direction();
        let (start, end) = if reference == page.character_direction() {
            (None, None)
        } else if reference == CharacterDirection::RTL {
            (Some('\u{2067}'), Some('\u{2069}'))
        } else {
            (Some('\u{2066}'), Some('\u{2069}'))
        };
        text.chars()
            .filter_map(|c| match c {
                FALLBACK_START => start,
                FALLBACK_END => end,
                other => Some(other),
            })
            .collect()
    }

    /// `html`, an element's content, with each marked text wrapped in
    /// `<span lang="…" dir="…">`: screen readers then speak it in its own
    /// language and the browser lays it out in its own direction.
    pub fn mark_up_fallbacks(&self, html: &str) -> String {
        let reference = self.reference();
        let direction = match reference.character_direction() {
            CharacterDirection::RTL => "rtl",
            _ => "ltr",
        };
        let open = format!("<span lang=\"{reference}\" dir=\"{direction}\">");
        let mut marked = String::with_capacity(html.len() + open.len());
        for c in html.chars() {
            match c {
                FALLBACK_START => marked.push_str(&open),
                FALLBACK_END => marked.push_str("</span>"),
                other => marked.push(other),
            }
        }
        marked
    }
}
