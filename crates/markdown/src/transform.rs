//! The event transform: rewrites one block's events for the dialect
//! (alerts, inline markers, headings; links and images in `link_events.rs`)
//! into the buffer that pulldown-cmark's writer turns into HTML, collecting
//! plain text on the way.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::blocks::heading_number;
use crate::document::Heading;
use crate::events::Spanned;
use crate::html::push_alias;
use crate::link_events::is_video_text;
use crate::renderer::{AssignedId, FinishedHeading, HeadingInProgress, Renderer};

impl<'a> Renderer<'a, '_> {
    /// Transforms a block (or part of one) into `self.buffer`, which then
    /// writes these same `events`.
    pub(crate) fn transform(&mut self, events: &mut [Spanned<'a>]) {
        let mut index = 0;
        while index < events.len() {
            index = self.transform_at(events, index);
        }
        // Only spans opened directly in the slice can still be open here (a
        // question's text has no enclosing paragraph end in the slice).
        self.close_spans(0);
        self.depth = 0;
    }

    /// Transforms the event at `index`; returns the index of the next event
    /// to transform (later events are only ever looked at, or trimmed).
    pub(crate) fn transform_at(&mut self, events: &mut [Spanned<'a>], index: usize) -> usize {
        let Some((event, range)) = events.get(index) else {
            return index + 1;
        };
        match event {
            Event::Start(_) => {
                let range = range.clone();
                return self.start(events, index, range);
            }
            Event::End(end) => {
                let end = *end;
                self.end(end, events, index);
            }
            Event::Text(_) => self.text(events, index),
            Event::Code(code) => {
                self.doc.text.push_str(code);
                self.buffer.push_source(index);
            }
            Event::SoftBreak => {
                self.doc.text.push(' ');
                self.buffer.push_source(index);
            }
            Event::HardBreak => {
                self.doc.text.push('\n');
                self.buffer.push_source(index);
            }
            Event::InlineHtml(_) => self.inline_html(events, index),
            _ => self.buffer.push_source(index),
        }
        index + 1
    }

    fn start(&mut self, events: &mut [Spanned<'a>], index: usize, range: Range<usize>) -> usize {
        // Block constructs with a file of their own, tried in order: the
        // first that recognises the element writes it and says where to go
        // on. A new construct is one handler and one line here.
        let handlers: [BlockHandler<'a, '_>; 6] = [
            Self::collapsible_paragraph, // collapsible.rs
            Self::list_item,             // collapsible.rs
            Self::table_with_attributes, // table_attributes.rs
            Self::blockquote,            // alerts.rs
            Self::html_block,            // raw_html.rs
            Self::code_block,            // code_blocks.rs
        ];
        for handler in handlers {
            if let Some(next) = handler(self, events, index) {
                return next;
            }
        }
        let Some((Event::Start(tag), _)) = events.get(index) else {
            return index + 1;
        };
        match tag {
            Tag::Link { .. } | Tag::Image { .. } => {
                // Taken out, as it is not written: its destination is read
                // while the events after it are trimmed.
                let taken = events
                    .get_mut(index)
                    .map(|(event, _)| std::mem::replace(event, Event::Rule));
                return match taken {
                    Some(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        ..
                    })) => self.link_start(link_type, &dest_url, &title, events, index, range),
                    Some(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        ..
                    })) => self.image(link_type, &dest_url, &title, events, index, range),
                    _ => index + 1,
                };
            }
            Tag::Paragraph if is_video_paragraph(events, index) => {
                self.paragraph_is_figure = true;
                self.buffer.push_static_html("<figure class=\"video\">");
            }
            Tag::Heading { .. } => self.heading_start(events, index, range),
            Tag::CodeBlock(_) => {
                self.code_depth += 1;
                self.buffer.push_source(index);
            }
            Tag::List(_) => {
                self.end_text_line();
                self.buffer.push_source(index);
            }
            Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => {
                let html = self.table.start(tag);
                self.buffer.push_static_html(html);
            }
            _ => self.buffer.push_source(index),
        }
        self.depth += 1;
        index + 1
    }

    /// Starts collecting a heading's text; its id goes in when it ends.
    fn heading_start(&mut self, events: &mut [Spanned<'a>], index: usize, range: Range<usize>) {
        let Some((
            Event::Start(Tag::Heading {
                level, id, attrs, ..
            }),
            _,
        )) = events.get_mut(index)
        else {
            return;
        };
        let level = heading_number(*level);
        let explicit_id = id.take();
        let attrs = std::mem::take(attrs);
        if !attrs.is_empty() {
            let names: Vec<&str> = attrs.iter().map(|(name, _)| name.as_ref()).collect();
            self.warning(
                range.start,
                "attribute-dropped",
                format!(
                    "heading attributes other than `#id` and `.class` are dropped: {}",
                    names.join(", ")
                ),
                "keep only `{#id}` (and classes) after a heading",
            );
        }
        self.heading = Some(HeadingInProgress {
            event_index: index,
            level,
            explicit_id,
            text_start: self.doc.text.len(),
            offset: range.start,
            buffer_at: self.buffer.next_position(),
        });
        self.buffer.push_source(index);
    }

    fn end(&mut self, end: TagEnd, events: &mut [Spanned<'a>], index: usize) {
        // At nearly every end of an element, no span is open.
        if self.markers.any_open_from(self.depth) {
            self.close_spans(self.depth);
        }
        self.depth = self.depth.saturating_sub(1);
        if self
            .collapsibles
            .last()
            .is_some_and(|open| open.depth > self.depth)
        {
            self.close_collapsibles_deeper_than(self.depth, false);
        }
        match end {
            TagEnd::BlockQuote(_) => self.blockquote_end(index),
            TagEnd::Paragraph if std::mem::take(&mut self.paragraph_is_figure) => {
                self.buffer.push_static_html("</figure>\n");
                self.end_text_line();
            }
            TagEnd::Heading(_) => self.heading_end(events, index),
            TagEnd::Link => self.link_end(),
            TagEnd::CodeBlock => {
                self.code_depth = self.code_depth.saturating_sub(1);
                self.buffer.push_source(index);
                self.end_text_line();
            }
            TagEnd::Paragraph | TagEnd::Item => {
                self.buffer.push_source(index);
                self.end_text_line();
            }
            TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell => {
                let html = self.table.end(end);
                self.buffer.push_static_html(html);
                if end == TagEnd::TableCell {
                    self.doc.text.push(' ');
                } else {
                    self.end_text_line();
                }
            }
            _ => self.buffer.push_source(index),
        }
    }

    /// Removes a block marker from the paragraph at `paragraph` (its first
    /// text starts with the marker; `rest_len` bytes follow the `]`).
    /// Returns the index to go on from: the paragraph itself when text
    /// remains in it, else the event after it.
    pub(crate) fn skip_marker(
        &mut self,
        events: &mut [Spanned<'a>],
        paragraph: usize,
        rest_len: usize,
    ) -> usize {
        let text_index = paragraph + 1;
        let Some((Event::Text(text), range)) = events.get_mut(text_index) else {
            return paragraph;
        };
        let rest_start = text.len().saturating_sub(rest_len);
        let rest = sub_cow(text, rest_start..text.len());
        let blank = rest.trim().is_empty();
        let leading = rest.len() - rest.trim_start().len();
        *text = sub_cow(&rest, leading..rest.len());
        range.start = (range.start + rest_start + leading).min(range.end);
        match events.get_mut(text_index + 1) {
            Some((Event::End(TagEnd::Paragraph), _)) if blank => text_index + 2,
            Some((line_break @ (Event::SoftBreak | Event::HardBreak), _)) if blank => {
                *line_break = Event::Text(CowStr::Borrowed(""));
                paragraph
            }
            _ => paragraph,
        }
    }

    fn heading_end(&mut self, events: &mut [Spanned<'a>], index: usize) {
        if let Some(heading) = self.heading.take() {
            let text = self
                .doc
                .text
                .get(heading.text_start..)
                .unwrap_or("")
                .trim()
                .to_string();
            let fallback = if self.title_pending {
                "title"
            } else {
                "section"
            };
            let AssignedId { id, alias } = self.assign_id(
                heading.explicit_id.as_ref(),
                &text,
                fallback,
                heading.offset,
            );
            let is_faq = text.eq_ignore_ascii_case("faq") || id == "faq";
            if self.title_pending {
                self.doc.title = Some(text);
                self.doc.title_id = Some(id);
                self.doc.title_alias = alias;
            } else {
                if alias.is_some() {
                    self.buffer.insert_html(heading.buffer_at + 1, |html| {
                        push_alias(html, alias.as_deref());
                    });
                }
                if let Some((Event::Start(Tag::Heading { id: slot, .. }), _)) =
                    events.get_mut(heading.event_index)
                {
                    *slot = match heading.explicit_id {
                        Some(written) if *written == id => Some(written),
                        _ => Some(CowStr::from(id.clone())),
                    };
                }
                if heading.level >= 2 {
                    let line = self.positions.line(heading.offset);
                    self.doc.headings.push(Heading {
                        level: heading.level,
                        id,
                        text,
                        line,
                    });
                }
            }
            self.last_heading = Some(FinishedHeading { is_faq });
        }
        self.buffer.push_source(index);
        self.end_text_line();
    }
}

/// A block construct's handler: given the start event at `index`, writes
/// the element and returns the index to go on from, or returns `None`
/// (having done nothing) when the element is not its construct.
type BlockHandler<'a, 'o> = fn(&mut Renderer<'a, 'o>, &mut [Spanned<'a>], usize) -> Option<usize>;

/// Whether the paragraph at `index` holds only `[!VIDEO](url)` (and maybe
/// its attribute list): it becomes a figure.
pub(crate) fn is_video_paragraph(events: &[Spanned<'_>], index: usize) -> bool {
    let link = matches!(
        events.get(index + 1),
        Some((Event::Start(Tag::Link { .. }), _))
    ) && is_video_text(events.get(index + 2))
        && matches!(events.get(index + 3), Some((Event::End(TagEnd::Link), _)));
    let paragraph_ends =
        |at: usize| matches!(events.get(at), Some((Event::End(TagEnd::Paragraph), _)));
    link && (paragraph_ends(index + 4)
        || (matches!(events.get(index + 4), Some((Event::Text(text), _))
                if text.trim().starts_with('{') && text.trim().ends_with('}'))
            && paragraph_ends(index + 5)))
}

/// A part of a text event, borrowing from the body when the event does.
pub(crate) fn sub_cow<'a>(text: &CowStr<'a>, range: Range<usize>) -> CowStr<'a> {
    match text {
        CowStr::Borrowed(borrowed) => CowStr::Borrowed(borrowed.get(range).unwrap_or("")),
        owned => CowStr::from(owned.get(range).unwrap_or("").to_string()),
    }
}
