//! The transformed events of a block, waiting for pulldown-cmark's writer.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

/// Events in order, and the strings the transform made for them: HTML the
/// renderer writes itself and parts of decoded text. Those strings share one
/// growing string, reused from block to block, rather than one allocation
/// each; the writer borrows them.
#[derive(Default)]
pub(crate) struct Buffer<'a> {
    items: Vec<Item<'a>>,
    strings: String,
}

enum Item<'a> {
    Event(Event<'a>),
    /// HTML in `Buffer::strings`.
    Html(Range<usize>),
    /// Text in `Buffer::strings`.
    Text(Range<usize>),
}

impl<'a> Buffer<'a> {
    pub(crate) fn with_capacity(events: usize, bytes: usize) -> Self {
        Self {
            items: Vec::with_capacity(events),
            strings: String::with_capacity(bytes),
        }
    }

    pub(crate) fn push(&mut self, event: Event<'a>) {
        self.items.push(Item::Event(event));
    }

    /// Appends the HTML that `write` writes.
    pub(crate) fn push_html(&mut self, write: impl FnOnce(&mut String)) {
        let start = self.strings.len();
        write(&mut self.strings);
        self.items.push(Item::Html(start..self.strings.len()));
    }

    /// Appends a text event with a copy of `text`.
    pub(crate) fn push_text(&mut self, text: &str) {
        let start = self.strings.len();
        self.strings.push_str(text);
        self.items.push(Item::Text(start..self.strings.len()));
    }

    /// How many events were pushed: the index of the next one.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The event pushed at `index` with [`Buffer::push`].
    pub(crate) fn event_mut(&mut self, index: usize) -> Option<&mut Event<'a>> {
        match self.items.get_mut(index) {
            Some(Item::Event(event)) => Some(event),
            _ => None,
        }
    }

    /// Writes the events as HTML with pulldown-cmark's writer and empties the buffer.
    pub(crate) fn write_to(&mut self, out: &mut String) {
        let strings = &self.strings;
        let events = self.items.drain(..).map(|item| match item {
            Item::Event(event) => event,
            Item::Html(range) => {
                Event::InlineHtml(CowStr::Borrowed(strings.get(range).unwrap_or("")))
            }
            Item::Text(range) => Event::Text(CowStr::Borrowed(strings.get(range).unwrap_or(""))),
        });
        pulldown_cmark::html::push_html(out, events);
        self.strings.clear();
    }

    pub(crate) fn clear(&mut self) {
        self.items.clear();
        self.strings.clear();
    }
}
