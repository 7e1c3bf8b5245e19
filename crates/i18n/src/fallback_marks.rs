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
        let mut start_bytes = [0; 4];
        let mut end_bytes = [0; 4];
        let start = start.map_or("", |c| c.encode_utf8(&mut start_bytes));
        let end = end.map_or("", |c| c.encode_utf8(&mut end_bytes));
        replace_marks(text, start, end)
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
        replace_marks(html, &open, "</span>")
    }
}

/// `text` with each start mark replaced by `start` and each end mark by
/// `end`. Whole pages go through here (a template's attributes), so the
/// marks are found with memchr: both begin with the byte 0xEE, which only
/// private-use characters do.
fn replace_marks(text: &str, start: &str, end: &str) -> String {
    let mut replaced = String::with_capacity(text.len() + start.len().max(end.len()) * 4);
    let mut copied = 0;
    for at in memchr::memchr_iter(0xEE, text.as_bytes()) {
        let rest = &text[at..];
        let (mark, replacement) = if rest.starts_with(FALLBACK_START) {
            (FALLBACK_START, start)
        } else if rest.starts_with(FALLBACK_END) {
            (FALLBACK_END, end)
        } else {
            continue;
        };
        replaced.push_str(&text[copied..at]);
        replaced.push_str(replacement);
        copied = at + mark.len_utf8();
    }
    replaced.push_str(&text[copied..]);
    replaced
}
