//! Blockquotes: alerts (`>[!NOTE]` and every other type, known or not),
//! `>[!CONTEXTUALHELP]` data left out of the page, `>[!VIDEO](url)` shown
//! without its quote, and ordinary quotes.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::events::Spanned;
use crate::html::{push_attribute, push_text};
use crate::labels::Label;
use crate::markers::{AlertKind, BlockMarker, parse_block_marker};
use crate::renderer::Renderer;
use crate::transform::is_video_paragraph;

/// What an open blockquote was written as, so its end writes the matching tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quote {
    /// `<blockquote>`, written by pulldown-cmark's writer.
    Plain,
    /// `<aside class="alert …">`.
    Alert,
    /// Nothing: the quote only wrapped a video.
    Unwrapped,
}

/// The alert types authors may write, for help texts.
const ALERT_TYPES: &str = "NOTE, TIP, IMPORTANT, CAUTION, WARNING, INFO, ERROR, SUCCESS, ADMIN, \
                           AVAILABILITY, PREREQUISITES, MORELIKETHIS";

/// How an alert box is titled.
enum AlertTitle {
    Known(AlertKind),
    /// A type the dialect does not know, titled with its own word.
    Unknown(String),
}

/// The marker a blockquote starts with.
enum QuoteMarker {
    /// An alert, and the byte length of the text after the marker's `]`.
    Alert(AlertTitle, usize),
    ContextualHelp,
}

impl<'a> Renderer<'a, '_> {
    /// Block handler: the blockquote starting at `index`.
    pub(crate) fn blockquote(&mut self, events: &mut [Spanned<'a>], index: usize) -> Option<usize> {
        let range = match events.get(index) {
            Some((Event::Start(Tag::BlockQuote(_)), range)) => range.clone(),
            _ => return None,
        };
        Some(self.alert_or_quote(events, index, range))
    }

    fn alert_or_quote(
        &mut self,
        events: &mut [Spanned<'a>],
        index: usize,
        range: Range<usize>,
    ) -> usize {
        let marker = match (events.get(index + 1), events.get(index + 2)) {
            (Some((Event::Start(Tag::Paragraph), _)), Some((Event::Text(text), _))) => {
                parse_block_marker(text).and_then(|parsed| {
                    let rest_len = parsed.rest.len();
                    match parsed.marker {
                        BlockMarker::Alert(kind) => {
                            Some(QuoteMarker::Alert(AlertTitle::Known(kind), rest_len))
                        }
                        BlockMarker::UnknownAlert(name) => Some(QuoteMarker::Alert(
                            AlertTitle::Unknown(name.to_string()),
                            rest_len,
                        )),
                        BlockMarker::ContextualHelp => Some(QuoteMarker::ContextualHelp),
                        // Tab markers only work at the top level (the block pass).
                        BlockMarker::BeginTabs | BlockMarker::Tab(_) | BlockMarker::EndTabs => None,
                    }
                })
            }
            _ => None,
        };
        let (title, rest_len) = match marker {
            Some(QuoteMarker::ContextualHelp) => return quote_end(events, index) + 1,
            Some(QuoteMarker::Alert(title, rest_len)) => (title, rest_len),
            None => {
                self.depth += 1;
                if quotes_only_a_video(events, index) {
                    self.blockquotes.push(Quote::Unwrapped);
                } else {
                    self.blockquotes.push(Quote::Plain);
                    self.buffer.push_source(index);
                }
                return index + 1;
            }
        };
        self.depth += 1;
        let (class, id_base, label, keyword) = match title {
            AlertTitle::Known(kind) => (
                kind.message_id(),
                kind.message_id().to_string(),
                self.labels.html(Label::Alert(kind)).to_string(),
                kind.keyword().to_string(),
            ),
            AlertTitle::Unknown(name) => {
                self.warning(
                    range.start,
                    "alert-unknown",
                    format!(
                        "`[!{name}]` is not an alert type of Adobe Flavored Markdown; it is shown \
                         as a note titled with its name"
                    ),
                    &format!("use one of {ALERT_TYPES}"),
                );
                (
                    "alert-note alert-other",
                    format!("alert-{}", name.to_ascii_lowercase()),
                    {
                        let mut title = String::new();
                        push_text(&mut title, &title_case(&name));
                        title
                    },
                    name,
                )
            }
        };
        let id = self.generated_id(id_base, range.start);
        self.buffer.push_html(|html| {
            // Classes are fixed words: nothing to escape.
            html.push_str("<aside class=\"alert ");
            html.push_str(class);
            html.push_str("\" role=\"note\"");
            push_attribute(html, "aria-labelledby", &id);
            html.push_str(">\n<p class=\"alert-title\"");
            push_attribute(html, "id", &id);
            html.push('>');
            // HTML already: the label's, or the escaped name.
            html.push_str(&label);
            html.push_str("</p>\n");
        });
        self.blockquotes.push(Quote::Alert);
        let next = self.skip_marker(events, index + 1, rest_len);
        if matches!(
            events.get(next),
            Some((Event::End(TagEnd::BlockQuote(_)), _))
        ) {
            self.warning(
                range.start,
                "alert-empty",
                format!("this `[!{keyword}]` alert is empty"),
                "write its text on the following `>` lines, or remove it",
            );
        }
        next
    }

    /// Writes the end of the innermost open blockquote.
    pub(crate) fn blockquote_end(&mut self, index: usize) {
        match self.blockquotes.pop() {
            Some(Quote::Alert) => self.buffer.push_static_html("</aside>\n"),
            Some(Quote::Unwrapped) => {}
            Some(Quote::Plain) | None => self.buffer.push_source(index),
        }
        self.end_text_line();
    }
}

/// The index of the end of the blockquote starting at `start`.
fn quote_end(events: &[Spanned<'_>], start: usize) -> usize {
    let mut depth = 0usize;
    for (position, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return position;
                }
            }
            _ => {}
        }
    }
    events.len()
}

/// Whether the blockquote at `index` holds only a `[!VIDEO](url)` paragraph,
/// as Experience League sources write videos (`>[!VIDEO](url)`).
fn quotes_only_a_video(events: &[Spanned<'_>], index: usize) -> bool {
    let paragraph = index + 1;
    if !is_video_paragraph(events, paragraph) {
        return false;
    }
    let paragraph_end = events
        .iter()
        .skip(paragraph)
        .position(|(event, _)| matches!(event, Event::End(TagEnd::Paragraph)))
        .map_or(events.len(), |position| paragraph + position);
    matches!(
        events.get(paragraph_end + 1),
        Some((Event::End(TagEnd::BlockQuote(_)), _))
    )
}

/// `SIDEBAR` as `Sidebar`.
fn title_case(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}
