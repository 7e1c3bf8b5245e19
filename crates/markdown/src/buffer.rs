//! The transformed events of a block, waiting for pulldown-cmark's writer.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

use crate::events::Spanned;

/// What to write, in order. Most events of a block pass through the
/// transform unchanged: those are named by their index in the block and
/// moved to the writer only when it runs, rather than moved at every step.
/// Strings the transform makes (HTML the renderer writes itself, parts of
/// decoded text) share one growing string, reused from block to block,
/// rather than one allocation each; the writer borrows them.
#[derive(Default)]
pub(crate) struct Buffer<'a> {
    items: Vec<Item<'a>>,
    strings: String,
}

enum Item<'a> {
    /// The event at this index of the block, unchanged.
    Source(usize),
    /// Fixed HTML.
    Html(&'static str),
    /// Part of a text of the body.
    Text(&'a str),
    /// HTML in `Buffer::strings`.
    OwnedHtml(Range<usize>),
    /// Text in `Buffer::strings`.
    OwnedText(Range<usize>),
}

impl<'a> Buffer<'a> {
    pub(crate) fn with_capacity(items: usize, bytes: usize) -> Self {
        Self {
            items: Vec::with_capacity(items),
            strings: String::with_capacity(bytes),
        }
    }

    /// Appends the event at `index` of the block as it is.
    pub(crate) fn push_source(&mut self, index: usize) {
        self.items.push(Item::Source(index));
    }

    pub(crate) fn push_static_html(&mut self, html: &'static str) {
        self.items.push(Item::Html(html));
    }

    pub(crate) fn push_borrowed_text(&mut self, text: &'a str) {
        self.items.push(Item::Text(text));
    }

    /// Appends the HTML that `write` writes.
    pub(crate) fn push_html(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.strings.len();
        write(&mut self.strings);
        self.items.push(Item::OwnedHtml(start..self.strings.len()));
    }

    /// How many items wait: the position of the next one pushed.
    pub(crate) fn next_position(&self) -> usize {
        self.items.len()
    }

    /// Puts the HTML that `write` writes at `position` among the items.
    pub(crate) fn insert_html(&mut self, position: usize, write: impl FnOnce(&mut String)) {
        let start = self.strings.len();
        write(&mut self.strings);
        let item = Item::OwnedHtml(start..self.strings.len());
        self.items.insert(position.min(self.items.len()), item);
    }

    /// Appends a text event with a copy of `text`.
    pub(crate) fn push_text(&mut self, text: &str) {
        let start = self.strings.len();
        self.strings.push_str(text);
        self.items.push(Item::OwnedText(start..self.strings.len()));
    }

    /// Writes the items as HTML with pulldown-cmark's writer and empties the
    /// buffer. `events` is the block (or part of one) the items were
    /// transformed from; the events written are taken out of it.
    pub(crate) fn write_to(&mut self, events: &mut [Spanned<'a>], out: &mut String) {
        let strings = &self.strings;
        let owned = |range: Range<usize>| CowStr::Borrowed(strings.get(range).unwrap_or(""));
        let items = self.items.drain(..).map(|item| match item {
            Item::Source(index) => match events.get_mut(index) {
                Some((event, _)) => std::mem::replace(event, Event::Rule),
                None => Event::Text(CowStr::Borrowed("")),
            },
            Item::Html(html) => Event::Html(CowStr::Borrowed(html)),
            Item::Text(text) => Event::Text(CowStr::Borrowed(text)),
            Item::OwnedHtml(range) => Event::InlineHtml(owned(range)),
            Item::OwnedText(range) => Event::Text(owned(range)),
        });
        pulldown_cmark::html::push_html(out, items);
        self.strings.clear();
    }

    pub(crate) fn clear(&mut self) {
        self.items.clear();
        self.strings.clear();
    }
}
