//! The state of one page being rendered, shared by the block pass
//! (`blocks.rs`) and the event transform (`transform.rs`).

use std::borrow::Cow;

use pulldown_cmark::{CowStr, Event, Parser};
use technote_diagnostics::Diagnostic;

use crate::RenderOptions;
use crate::alerts::Quote;
use crate::buffer::Buffer;
use crate::collapsible::OpenCollapsible;
use crate::document::{Anchor, Document, Segment};
use crate::events::{Spanned, TextRuns, parser_options};
use crate::ids::{Duplicate, IdRegistry, id_marks, is_valid_explicit_id, legacy_slug, slug_or};
use crate::inline_markers::{InlineMarkers, Piece};
use crate::labels::Labels;
use crate::positions::Positions;
use crate::tables::TableWriter;

/// A structure opened by a block and closed by a later one.
pub(crate) enum Open {
    /// After `## FAQ`, until the next `#`/`##` heading.
    FaqSection {
        /// Whether `<div class="faq">` was written (at the first question).
        list_open: bool,
    },
    /// A question whose answer is being rendered.
    FaqEntry {
        /// Index in `Document::faq`.
        entry: usize,
        /// Where the answer starts in the current HTML segment.
        answer_start: usize,
        /// Answer HTML of earlier segments, when a widget split the answer.
        answer_before: String,
        /// Where the answer starts in `Document::text`.
        text_start: usize,
    },
    /// `[!BEGINTABS]` until `[!ENDTABS]`.
    Tabs {
        /// File line of `[!BEGINTABS]`.
        line: u32,
        /// Level of the tab title headings.
        title_level: u8,
        panel_open: bool,
        /// Whether content before the first tab was already reported.
        stray_reported: bool,
    },
}

/// A heading whose text is being collected.
pub(crate) struct HeadingInProgress<'a> {
    /// Index of its start event in the events transformed, patched with the id.
    pub(crate) event_index: usize,
    pub(crate) level: u8,
    pub(crate) explicit_id: Option<CowStr<'a>>,
    pub(crate) text_start: usize,
    pub(crate) offset: usize,
    /// Where its start event is in the buffer, for an alias to follow it.
    pub(crate) buffer_at: usize,
}

/// An element's id, and the id earlier versions generated for it when
/// that differs, which the element keeps on an empty `<span>` at its start.
pub(crate) struct AssignedId {
    pub(crate) id: String,
    pub(crate) alias: Option<String>,
}

/// A heading just rendered, for the block pass to act on.
pub(crate) struct FinishedHeading {
    /// `FAQ` (in any case) or `{#faq}`: the heading opens the FAQ section.
    pub(crate) is_faq: bool,
}

/// What closes at the end of a link.
pub(crate) struct LinkClose {
    pub(crate) external: bool,
    pub(crate) new_tab: bool,
}

pub(crate) struct Renderer<'a, 'o> {
    pub(crate) body: &'a str,
    pub(crate) options: &'o RenderOptions<'o>,
    pub(crate) positions: Positions<'a>,
    pub(crate) labels: Labels<'o>,
    pub(crate) ids: IdRegistry<'a>,
    pub(crate) doc: Document,
    /// HTML of the current segment.
    pub(crate) out: String,
    /// Transformed events of the current block, waiting for pulldown-cmark's writer.
    pub(crate) buffer: Buffer<'a>,
    /// Collapsible blocks whose `+++` end is still to come, outermost first.
    pub(crate) collapsibles: Vec<OpenCollapsible>,
    /// Open FAQ and tab structures, outermost first.
    pub(crate) stack: Vec<Open>,
    /// Level of the last heading outside tab sets (1 for the title).
    pub(crate) section_level: u8,
    /// Set while the page title heading is transformed.
    pub(crate) title_pending: bool,
    pub(crate) heading: Option<HeadingInProgress<'a>>,
    pub(crate) last_heading: Option<FinishedHeading>,
    /// Nesting depth of start/end events in the current block.
    pub(crate) depth: usize,
    /// Inside a code block: text is literal.
    pub(crate) code_depth: usize,
    /// One entry per open blockquote.
    pub(crate) blockquotes: Vec<Quote>,
    pub(crate) links: Vec<LinkClose>,
    /// The open paragraph became a video figure.
    pub(crate) paragraph_is_figure: bool,
    pub(crate) table: TableWriter,
    pub(crate) markers: InlineMarkers,
    /// Reused scratch space for the pieces of a text event.
    pub(crate) pieces: Vec<Piece>,
}

impl<'a, 'o> Renderer<'a, 'o> {
    pub(crate) fn new(body: &'a str, options: &'o RenderOptions<'o>) -> Self {
        Self {
            body,
            options,
            positions: Positions::new(body, options.first_line),
            labels: Labels::new(options.messages),
            ids: IdRegistry::default(),
            doc: Document {
                text: String::with_capacity(body.len()),
                ..Document::default()
            },
            out: String::with_capacity(body.len() + body.len() / 4),
            // Room for the events and strings of most blocks.
            buffer: Buffer::with_capacity(64, 512),
            collapsibles: Vec::new(),
            stack: Vec::new(),
            section_level: 1,
            title_pending: false,
            heading: None,
            last_heading: None,
            depth: 0,
            code_depth: 0,
            blockquotes: Vec::new(),
            links: Vec::new(),
            paragraph_is_figure: false,
            table: TableWriter::default(),
            markers: InlineMarkers::default(),
            pieces: Vec::new(),
        }
    }

    /// Renders the whole body, one top-level block at a time (the events of
    /// a block are all a transform ever looks at).
    pub(crate) fn run(mut self) -> Document {
        self.reserve_explicit_ids();
        let mut block: Vec<Spanned<'a>> = Vec::with_capacity(64);
        let mut runs = TextRuns::default();
        let mut depth = 0usize;
        // Set once the current block went deeper than the limit: its events
        // are dropped until it ends.
        let mut too_deep = false;
        for spanned in Parser::new_ext(self.body, parser_options()).into_offset_iter() {
            match spanned.0 {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > self.options.max_nesting && !too_deep {
                too_deep = true;
                block.clear();
                runs = TextRuns::default();
                self.too_deep(spanned.1.start);
            }
            if !too_deep {
                runs.push(self.body, &mut block, spanned);
            }
            if depth == 0 {
                if !too_deep {
                    runs.end(self.body, &mut block);
                    self.block(&mut block);
                }
                block.clear();
                too_deep = false;
            }
        }
        if !block.is_empty() {
            runs.end(self.body, &mut block);
            self.block(&mut block);
        }
        self.finish()
    }

    fn too_deep(&mut self, offset: usize) {
        let limit = self.options.max_nesting;
        self.error(
            offset,
            "nesting-too-deep",
            format!("the Markdown nests more than {limit} levels deep here"),
            "flatten the lists or quotes; if the depth is intended, raise `max_nesting` \
             under [limits] in technote.toml",
        );
    }

    /// Reserves every `{#id}` written in the source (headings, FAQ
    /// questions), so no generated id takes one before its author's element
    /// claims it. Reserving one too many (in code, say) only makes a
    /// generated id pick a suffix.
    fn reserve_explicit_ids(&mut self) {
        for at in id_marks(self.body) {
            let rest = self.body.get(at + 2..).unwrap_or("");
            let end = rest
                .find(|c: char| c == '}' || c.is_whitespace())
                .unwrap_or(rest.len());
            let id = rest.get(..end).unwrap_or("");
            if is_valid_explicit_id(id) {
                self.ids.reserve(id);
            }
        }
        // Room for the alert titles, tab panels and slugs of a usual page too.
        let expected = self.ids.make_room(16);
        self.doc.anchors.reserve(expected);
    }

    fn finish(mut self) -> Document {
        self.close_all_collapsibles();
        while let Some(open) = self.stack.pop() {
            self.close(open);
        }
        self.split_segment();
        let trimmed = self.doc.text.trim_end().len();
        self.doc.text.truncate(trimmed);
        self.doc
    }

    /// Ends the current HTML segment (before a widget, or at the end).
    pub(crate) fn split_segment(&mut self) {
        if self.out.is_empty() {
            return;
        }
        for open in &mut self.stack {
            if let Open::FaqEntry {
                answer_start,
                answer_before,
                ..
            } = open
            {
                answer_before.push_str(self.out.get(*answer_start..).unwrap_or(""));
                *answer_start = 0;
            }
        }
        let html = std::mem::take(&mut self.out);
        self.doc.segments.push(Segment::Html(html));
    }

    /// Writes the buffered events of a block with pulldown-cmark's writer;
    /// `events` are those just transformed.
    pub(crate) fn flush(&mut self, events: &mut [Spanned<'a>]) {
        self.buffer.write_to(events, &mut self.out);
    }

    /// Gives an element its id: the author's `{#id}` when valid and free,
    /// else a slug of `text` (or `fallback`), made unique, with the
    /// transliterated slug of earlier versions as its alias.
    pub(crate) fn assign_id(
        &mut self,
        explicit: Option<&CowStr<'a>>,
        text: &str,
        fallback: &str,
        offset: usize,
    ) -> AssignedId {
        let line = self.positions.line(offset);
        let mut base = None;
        if let Some(written) = explicit {
            let id: &str = written;
            if !is_valid_explicit_id(id) {
                self.warning(
                    offset,
                    "id-invalid",
                    format!("`{{#{id}}}` is not a usable id"),
                    "ids are one word without spaces, quotes, `#`, `<`, `>`, `&` or braces",
                );
            } else {
                let key = match written {
                    CowStr::Borrowed(body_id) => Cow::Borrowed(*body_id),
                    _ => Cow::Owned(id.to_string()),
                };
                match self.ids.claim_explicit(key, line) {
                    Ok(()) => {
                        self.doc.anchors.push(Anchor {
                            id: id.to_string(),
                            line,
                        });
                        return AssignedId {
                            id: id.to_string(),
                            alias: None,
                        };
                    }
                    Err(Duplicate { first_line }) => {
                        self.error(
                            offset,
                            "id-duplicate",
                            format!("the id `{id}` is already used on line {first_line}"),
                            "every id of a page must be unique: change one of the two `{#…}`",
                        );
                        base = Some(id.to_string());
                    }
                }
            }
        }
        if let Some(base) = base {
            return AssignedId {
                id: self.generated_id(base, offset),
                alias: None,
            };
        }
        let slug = slug_or(text, fallback);
        let legacy = legacy_slug(text, &slug);
        let id = self.generated_id(slug, offset);
        // Claimed like any generated id: unique in the page, and numbered
        // as the id was when it was this slug.
        let alias = legacy.map(|legacy| self.generated_id(legacy, offset));
        AssignedId { id, alias }
    }

    /// Claims `base` (made unique) for an element authors give no id, such
    /// as an alert title.
    pub(crate) fn generated_id(&mut self, base: String, offset: usize) -> String {
        let line = self.positions.line(offset);
        let id = self.ids.claim_generated(base, line);
        self.doc.anchors.push(Anchor {
            id: id.clone(),
            line,
        });
        id
    }

    /// Ends the plain text's current line.
    #[inline]
    pub(crate) fn end_text_line(&mut self) {
        let trimmed = self.doc.text.trim_end_matches(' ').len();
        self.doc.text.truncate(trimmed);
        if !self.doc.text.is_empty() && !self.doc.text.ends_with('\n') {
            self.doc.text.push('\n');
        }
    }

    /// Reports a problem at `offset`; `code` is its stable name in
    /// TRANSLATING.md's table of diagnostic codes.
    pub(crate) fn warning(
        &mut self,
        offset: usize,
        code: &'static str,
        message: String,
        help: &str,
    ) {
        let diagnostic = Diagnostic::warning(self.options.file, message).with_code(code);
        self.report(diagnostic, offset, help);
    }

    pub(crate) fn error(&mut self, offset: usize, code: &'static str, message: String, help: &str) {
        let diagnostic = Diagnostic::error(self.options.file, message).with_code(code);
        self.report(diagnostic, offset, help);
    }

    fn report(&mut self, diagnostic: Diagnostic, offset: usize, help: &str) {
        let (line, column) = self.positions.line_column(offset);
        self.doc
            .diagnostics
            .push(diagnostic.at(line, column).with_help(help));
    }
}

/// The id of a FAQ question's ` {#id}` suffix text.
pub(crate) fn question_id(text: &str) -> Option<&str> {
    text.trim()
        .strip_prefix("{#")?
        .strip_suffix('}')
        .filter(|id| is_valid_explicit_id(id))
}
