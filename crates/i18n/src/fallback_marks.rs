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
    holds_fallback_marks(text.as_bytes())
}

/// Whether `bytes`, UTF-8 such as a template's output, hold fallback marks.
pub fn holds_fallback_marks(bytes: &[u8]) -> bool {
    marks(bytes).next().is_some()
}

/// Where each mark of `bytes` starts, and which it is. Whole pages are
/// searched, so with memchr: both marks begin with the byte 0xEE, which
/// only private-use characters do.
fn marks(bytes: &[u8]) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr_iter(0xEE, bytes).filter_map(move |at| {
        [FALLBACK_START, FALLBACK_END].into_iter().find_map(|mark| {
            let mut encoded = [0; 4];
            let encoded = mark.encode_utf8(&mut encoded).as_bytes();
            bytes[at..].starts_with(encoded).then_some((at, mark))
        })
    })
}

impl Localizer {
    /// `text` with its fallback marks made directional isolates (LRI or
    /// RLI … PDI) when the reference locale is written the other way than
    /// `page`, or dropped: where no markup may go, this keeps punctuation
    /// from flipping.
    pub fn isolate_fallbacks(&self, text: &str, page: &LanguageIdentifier) -> String {
        let reference = self.reference().character_direction();
        let (start, end) = if reference == page.character_direction() {
            ("", "")
        } else if reference == CharacterDirection::RTL {
            ("\u{2067}", "\u{2069}")
        } else {
            ("\u{2066}", "\u{2069}")
        };
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
/// `end`.
fn replace_marks(text: &str, start: &str, end: &str) -> String {
    let mut replaced = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, mark) in marks(text.as_bytes()) {
        replaced.push_str(&text[copied..at]);
        replaced.push_str(if mark == FALLBACK_START { start } else { end });
        copied = at + mark.len_utf8();
    }
    replaced.push_str(&text[copied..]);
    replaced
}
