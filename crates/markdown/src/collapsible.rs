//! Collapsible blocks: a line `+++ Title {#id}`, the content, a line `+++`.
//!
//! ```text
//! +++ What does the console keep? {#console-data}
//!
//! Its settings and the last server it reached.
//!
//! +++
//! ```
//!
//! becomes `<details class="collapsible" id="console-data"><summary
//! class="collapsible-title">What does the console keep?</summary><div
//! class="collapsible-body">…</div></details>`: readable and linkable
//! without script (the site's script opens the block a URL points to).
//!
//! pulldown-cmark sees the marker lines as text: alone in a paragraph when
//! blank lines surround them, else as lines of the paragraph (or of a tight
//! list item) they touch. So any line of a paragraph or item text may be a
//! marker; the lines around it stay paragraphs of their own. A block opens
//! and closes in one container (the page, a list item, a quote): one still
//! open when its container ends is closed there and reported.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::events::Spanned;
use crate::html::{push_alias, push_attribute};
use crate::inline_markers::plain_text;
use crate::renderer::{AssignedId, Renderer};
use crate::transform::sub_cow;

/// A collapsible block whose closing `+++` is still to come.
pub(crate) struct OpenCollapsible {
    /// Event nesting depth of its container (0 for the page itself).
    pub(crate) depth: usize,
    /// Byte offset of its `+++` line, for diagnostics.
    offset: usize,
}

/// A marker line.
#[derive(Clone, Copy)]
enum Marker {
    /// `+++ Title {#id}`.
    Open,
    /// `+++` alone.
    Close,
}

const CLOSE_HTML: &str = "</div>\n</details>\n";

impl<'a> Renderer<'a, '_> {
    /// Block handler: a paragraph with a `+++` line.
    pub(crate) fn collapsible_paragraph(
        &mut self,
        events: &mut [Spanned<'a>],
        index: usize,
    ) -> Option<usize> {
        if !matches!(events.get(index), Some((Event::Start(Tag::Paragraph), _))) {
            return None;
        }
        let end = paragraph_end(events, index);
        self.collapsible_run(events, index + 1, end, true)
            .map(|end| end + 1)
    }

    /// Block handler: a list item, whose text (in a tight list) may hold
    /// `+++` lines.
    pub(crate) fn list_item(&mut self, events: &mut [Spanned<'a>], index: usize) -> Option<usize> {
        if !matches!(events.get(index), Some((Event::Start(Tag::Item), _))) {
            return None;
        }
        self.end_text_line();
        self.buffer.push_source(index);
        self.depth += 1;
        let text_end = item_text_end(events, index + 1);
        Some(
            self.collapsible_run(events, index + 1, text_end, false)
                .unwrap_or(index + 1),
        )
    }

    /// Transforms the inline run `events[start..end]` (a paragraph's content
    /// when `paragraph`, else a tight list item's text) when one of its lines
    /// is a `+++` marker; returns `None`, having done nothing, when none is.
    fn collapsible_run(
        &mut self,
        events: &mut [Spanned<'a>],
        start: usize,
        end: usize,
        paragraph: bool,
    ) -> Option<usize> {
        let markers = marker_lines(events, start, end);
        if markers.is_empty() {
            return None;
        }
        let mut open_paragraph = false;
        let mut index = start;
        let mut markers = markers.into_iter().peekable();
        while index < end {
            if let Some(&(line_start, line_end, marker)) = markers.peek()
                && line_start == index
            {
                markers.next();
                if open_paragraph {
                    self.end_paragraph(paragraph);
                    open_paragraph = false;
                }
                match marker {
                    Marker::Open => self.open_collapsible(events, line_start, line_end),
                    Marker::Close => self.close_collapsible(events, line_start),
                }
                // The line break after the marker goes with it.
                index = line_end + 1;
                continue;
            }
            let is_break = matches!(
                events.get(index),
                Some((Event::SoftBreak | Event::HardBreak, _))
            );
            let before_marker = markers
                .peek()
                .is_some_and(|&(line, _, _)| line == index + 1);
            if is_break && (before_marker || !open_paragraph) {
                index += 1;
                continue;
            }
            if !open_paragraph {
                open_paragraph = true;
                if paragraph {
                    self.buffer.push_static_html("<p>");
                }
                self.depth += 1;
            }
            index = self.transform_at(events, index);
        }
        if open_paragraph {
            self.end_paragraph(paragraph);
        }
        Some(end)
    }

    fn end_paragraph(&mut self, paragraph: bool) {
        if self.markers.any_open_from(self.depth) {
            self.close_spans(self.depth);
        }
        self.depth = self.depth.saturating_sub(1);
        if paragraph {
            self.buffer.push_static_html("</p>\n");
        }
        self.end_text_line();
    }

    /// Opens a block at the title line `events[start..end]`. The title
    /// keeps its inline markup (`[!DNL …]`, emphasis, code) in the summary.
    fn open_collapsible(&mut self, events: &mut [Spanned<'a>], start: usize, end: usize) {
        let offset = events.get(start).map_or(0, |(_, range)| range.start);
        let mut line = String::new();
        for (event, _) in events.get(start..end).unwrap_or_default() {
            if let Event::Text(text) | Event::Code(text) = event {
                line.push_str(text);
            }
        }
        let written = line.trim_start().trim_start_matches('+').trim();
        let (title, explicit_id) = split_id(written);
        let id_suffix = written.len() - title.len();
        let title = plain_text(title.trim());
        if title.is_empty() {
            self.warning(
                offset,
                "collapsible-invalid",
                "this collapsible block has no title".to_string(),
                "write the title after the `+++`: `+++ What the console keeps`",
            );
        }
        let explicit = explicit_id.map(|id| CowStr::from(id.to_string()));
        let AssignedId { id, alias } = self.assign_id(explicit.as_ref(), &title, "details", offset);
        strip_title_line(events, start, end, id_suffix);
        self.buffer.push_html(|html| {
            html.push_str("<details class=\"collapsible\"");
            push_attribute(html, "id", &id);
            html.push_str(">\n<summary class=\"collapsible-title\">");
            push_alias(html, alias.as_deref());
        });
        let depth = self.depth;
        let mut index = start;
        while index < end {
            index = self.transform_at(events, index);
        }
        if self.markers.any_open_from(depth) {
            self.close_spans(depth);
        }
        self.depth = depth;
        self.buffer
            .push_static_html("</summary>\n<div class=\"collapsible-body\">\n");
        self.end_text_line();
        self.collapsibles.push(OpenCollapsible {
            depth: self.depth,
            offset,
        });
    }

    fn close_collapsible(&mut self, events: &[Spanned<'a>], start: usize) {
        match self.collapsibles.last() {
            Some(open) if open.depth == self.depth => {
                self.collapsibles.pop();
                self.buffer.push_static_html(CLOSE_HTML);
            }
            _ => {
                let offset = events.get(start).map_or(0, |(_, range)| range.start);
                self.warning(
                    offset,
                    "collapsible-invalid",
                    "this `+++` closes no collapsible block here; it is left out".to_string(),
                    "open the block with a `+++ Title` line in the same list item or quote, \
                     or remove this line",
                );
            }
        }
    }

    /// Closes the blocks opened deeper than `depth` (their container ended),
    /// reporting each. `direct` writes straight to the page's HTML (between
    /// top-level blocks), else to the block's buffer.
    pub(crate) fn close_collapsibles_deeper_than(&mut self, depth: usize, direct: bool) {
        while let Some(open) = self.collapsibles.pop_if(|open| open.depth > depth) {
            self.report_unclosed(open.offset);
            self.push_close(direct);
        }
    }

    /// Closes every open block, reporting each: a structure around them
    /// (tab set, FAQ entry, the page) ends.
    pub(crate) fn close_all_collapsibles(&mut self) {
        while let Some(open) = self.collapsibles.pop() {
            self.report_unclosed(open.offset);
            self.push_close(true);
        }
    }

    fn push_close(&mut self, direct: bool) {
        if direct {
            self.out.push_str(CLOSE_HTML);
        } else {
            self.buffer.push_static_html(CLOSE_HTML);
        }
    }

    fn report_unclosed(&mut self, offset: usize) {
        self.warning(
            offset,
            "collapsible-invalid",
            "this collapsible block has no closing `+++`; it ends with what contains it"
                .to_string(),
            "end the block with a line `+++` (in the same list item or quote as its title)",
        );
    }
}

/// The marker lines of the inline run `events[start..end]`: each line's
/// first and past-the-end event indexes and what it is.
fn marker_lines(events: &[Spanned<'_>], start: usize, end: usize) -> Vec<(usize, usize, Marker)> {
    let mut found = Vec::new();
    let mut line_start = start;
    for index in start..=end {
        let line_ends = index == end
            || matches!(
                events.get(index),
                Some((Event::SoftBreak | Event::HardBreak, _))
            );
        if !line_ends {
            continue;
        }
        if let Some((Event::Text(text), _)) = events.get(line_start)
            && let Some(after) = text.trim_start().strip_prefix("+++")
        {
            let alone = index == line_start + 1;
            let marker = if alone && after.trim().is_empty() {
                Marker::Close
            } else {
                Marker::Open
            };
            found.push((line_start, index, marker));
        }
        line_start = index + 1;
    }
    found
}

/// Removes the `+++` from the first text of a title line and the `{#id}`
/// (`id_suffix` bytes, white space included) from its last one.
fn strip_title_line(events: &mut [Spanned<'_>], start: usize, end: usize, id_suffix: usize) {
    if let Some((Event::Text(text), range)) = events.get_mut(start) {
        let marker = text.len() - text.trim_start().trim_start_matches('+').trim_start().len();
        *text = sub_cow(text, marker..text.len());
        range.start = (range.start + marker).min(range.end);
    }
    if id_suffix == 0 {
        return;
    }
    let last = end.saturating_sub(1).max(start);
    if let Some((Event::Text(text), range)) = events.get_mut(last) {
        let trimmed = text.trim_end();
        let keep = trimmed.len().saturating_sub(id_suffix.min(trimmed.len()));
        let keep = trimmed.get(..keep).map_or(0, |kept| kept.trim_end().len());
        *text = sub_cow(text, 0..keep);
        range.end = (range.start + keep).min(range.end);
    }
}

/// `Title {#id}` as the title and the id.
fn split_id(written: &str) -> (&str, Option<&str>) {
    if let Some(without_brace) = written.strip_suffix('}')
        && let Some(open) = without_brace.rfind("{#")
    {
        let id = without_brace.get(open + 2..).unwrap_or("").trim();
        return (without_brace.get(..open).unwrap_or(""), Some(id));
    }
    (written, None)
}

/// The end of the inline run of a tight list item starting at `start`: the
/// first block-level element or the item's end.
fn item_text_end(events: &[Spanned<'_>], start: usize) -> usize {
    events
        .iter()
        .skip(start)
        .position(|(event, _)| {
            matches!(
                event,
                Event::Start(
                    Tag::Paragraph
                        | Tag::List(_)
                        | Tag::Item
                        | Tag::CodeBlock(_)
                        | Tag::BlockQuote(_)
                        | Tag::Heading { .. }
                        | Tag::Table(_)
                        | Tag::HtmlBlock
                ) | Event::End(TagEnd::Item)
            )
        })
        .map_or(events.len(), |position| start + position)
}

/// The index of the end of the paragraph starting at `start`.
fn paragraph_end(events: &[Spanned<'_>], start: usize) -> usize {
    events
        .iter()
        .skip(start)
        .position(|(event, _)| matches!(event, Event::End(TagEnd::Paragraph)))
        .map_or(events.len(), |position| start + position)
}
