//! The top-level block pass: title, sections, FAQ, tab sets and widgets.
//!
//! Each top-level block is classified here, the structures that span blocks
//! (FAQ list, tab sets) are opened and closed around it, and its events go
//! through the transform (`transform.rs`) and pulldown-cmark's writer.

use std::sync::LazyLock;

use memchr::memmem;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use crate::document::{FaqEntry, Heading, Segment};
use crate::events::Spanned;
use crate::html::{push_alias, push_attribute, push_text};
use crate::labels::Label;
use crate::markers::{BlockMarker, parse_block_marker};
use crate::renderer::{AssignedId, Open, Renderer, question_id};

impl<'a> Renderer<'a, '_> {
    pub(crate) fn block(&mut self, block: &mut [Spanned<'a>]) {
        let Some((first, range)) = block.first() else {
            return;
        };
        let offset = range.start;
        let kind = match first {
            Event::Start(Tag::Heading { level, .. }) => BlockKind::Heading(*level),
            Event::Start(Tag::BlockQuote(_)) => match tab_marker(block) {
                Some((marker, rest_len)) => BlockKind::TabMarker(marker, rest_len),
                None => BlockKind::Other,
            },
            Event::Start(Tag::HtmlBlock) => BlockKind::Html,
            Event::Start(Tag::Paragraph) if self.in_question_position() => {
                match question_shape(block) {
                    Some(shape) => BlockKind::Question(shape),
                    None => BlockKind::Other,
                }
            }
            _ => BlockKind::Other,
        };
        match kind {
            BlockKind::Heading(level) => self.heading_block(block, level),
            BlockKind::TabMarker(marker, rest_len) => {
                self.close_all_collapsibles();
                self.tab_marker_block(block, marker, rest_len, offset);
            }
            BlockKind::Html => match self.widget_name(block, offset) {
                Some(name) => {
                    let line = self.positions.line(offset);
                    self.split_segment();
                    self.doc.segments.push(Segment::Widget { name, line });
                }
                None => self.ordinary_block(block),
            },
            BlockKind::Question(shape) => {
                self.close_all_collapsibles();
                self.question(block, shape, offset);
            }
            BlockKind::Other => self.ordinary_block(block),
        }
    }

    fn ordinary_block(&mut self, block: &mut [Spanned<'a>]) {
        if let Some(Open::Tabs {
            panel_open: false,
            stray_reported,
            ..
        }) = self.stack.last_mut()
            && !*stray_reported
        {
            *stray_reported = true;
            let offset = block.first().map_or(0, |(_, range)| range.start);
            self.warning(
                offset, "tabs-invalid",
                "this content comes before the first `[!TAB …]` of its tab set and belongs to no tab"
                    .to_string(),
                "move it into a tab, or before `>[!BEGINTABS]`",
            );
        }
        self.transform(block);
        self.flush(block);
        self.end_text_line();
    }

    fn heading_block(&mut self, block: &mut [Spanned<'a>], level: HeadingLevel) {
        let inside_tabs = self.tabs_open();
        if level <= HeadingLevel::H2 && !inside_tabs {
            self.close_faq_section();
        }
        let is_title = level == HeadingLevel::H1 && self.doc.title.is_none() && !inside_tabs;
        if level == HeadingLevel::H1 && !is_title {
            let offset = block.first().map_or(0, |(_, range)| range.start);
            self.warning(
                offset,
                "heading-second-title",
                "a page has one `#` heading, its title; this one is rendered as a second title"
                    .to_string(),
                "use `##` for sections",
            );
        }
        self.title_pending = is_title;
        self.transform(block);
        if is_title {
            self.buffer.clear();
            self.title_pending = false;
        } else {
            self.flush(block);
        }
        self.end_text_line();
        let Some(finished) = self.last_heading.take() else {
            return;
        };
        if !inside_tabs {
            self.section_level = heading_number(level);
            if level == HeadingLevel::H2 && finished.is_faq {
                self.stack.push(Open::FaqSection { list_open: false });
            }
        }
    }

    fn tabs_open(&self) -> bool {
        self.stack
            .iter()
            .any(|open| matches!(open, Open::Tabs { .. }))
    }

    fn close_faq_section(&mut self) {
        let Some(position) = self
            .stack
            .iter()
            .position(|open| matches!(open, Open::FaqSection { .. }))
        else {
            return;
        };
        self.close_all_collapsibles();
        while self.stack.len() > position {
            if let Some(open) = self.stack.pop() {
                self.close(open);
            }
        }
    }

    /// Writes the end of a structure; an unclosed tab set is an error.
    pub(crate) fn close(&mut self, open: Open) {
        match open {
            Open::FaqSection { list_open } => {
                if list_open {
                    self.out.push_str("</div>\n");
                }
            }
            Open::FaqEntry {
                entry,
                answer_start,
                mut answer_before,
                text_start,
            } => {
                answer_before.push_str(self.out.get(answer_start..).unwrap_or(""));
                let answer_text = self
                    .doc
                    .text
                    .get(text_start..)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                if let Some(faq) = self.doc.faq.get_mut(entry) {
                    faq.answer_html = answer_before.trim().to_string();
                    faq.answer_text = answer_text;
                }
                self.out.push_str("</div>\n</details>\n");
            }
            Open::Tabs {
                line, panel_open, ..
            } => {
                if panel_open {
                    self.out.push_str("</section>\n");
                }
                self.out.push_str("</div>\n");
                self.doc.diagnostics.push(
                    technote_diagnostics::Diagnostic::error(
                        self.options.file,
                        "this tab set has no `>[!ENDTABS]`",
                    )
                    .with_code("tabs-unclosed")
                    .at_line(line)
                    .with_help("end the tab set with a `>[!ENDTABS]` line after its last tab"),
                );
            }
        }
    }

    fn tab_marker_block(
        &mut self,
        block: &mut [Spanned<'a>],
        marker: TabMarker,
        rest_len: usize,
        offset: usize,
    ) {
        match &marker {
            TabMarker::Begin => self.begin_tabs(offset),
            TabMarker::Tab(title) => self.open_tab(title, offset),
            TabMarker::End => self.end_tabs(offset),
        }
        // Whatever the marker's blockquote holds after the marker belongs to
        // the tab (or comes between tabs); the quote itself is dropped.
        let inner_end = block.len().saturating_sub(1);
        let next = self.skip_marker(block, 1, rest_len);
        if let Some(content) = block.get_mut(next..inner_end)
            && !content.is_empty()
        {
            self.transform(content);
            self.flush(content);
            self.end_text_line();
        }
    }

    fn begin_tabs(&mut self, offset: usize) {
        if self.tabs_open() {
            self.error(
                offset,
                "tabs-nested",
                "a tab set cannot start inside another tab set".to_string(),
                "close the first set with `>[!ENDTABS]` before starting another",
            );
            return;
        }
        let line = self.positions.line(offset);
        let label = self.labels.text(Label::TabSetName).to_string();
        self.out.push_str(r#"<div class="tabs""#);
        push_attribute(&mut self.out, "data-tabs-label", &label);
        self.out.push_str(">\n");
        self.stack.push(Open::Tabs {
            line,
            title_level: self.section_level.saturating_add(1).min(6),
            panel_open: false,
            stray_reported: false,
        });
    }

    fn open_tab(&mut self, title: &str, offset: usize) {
        let Some(Open::Tabs {
            title_level,
            panel_open,
            ..
        }) = self.stack.last()
        else {
            self.warning(
                offset,
                "tabs-invalid",
                "`[!TAB …]` outside a tab set; its title is left out and its content shown \
                 as ordinary text"
                    .to_string(),
                "start the set with a `>[!BEGINTABS]` line before its first tab",
            );
            return;
        };
        let (title_level, was_open) = (*title_level, *panel_open);
        if title.is_empty() {
            self.warning(
                offset,
                "tabs-invalid",
                "this tab has no title".to_string(),
                "write the title after the keyword: `>[!TAB Hosted]`",
            );
        }
        if was_open {
            self.out.push_str("</section>\n");
        }
        let AssignedId { id, alias } = self.assign_id(None, title, "tab", offset);
        self.out.push_str(r#"<section class="tab-panel""#);
        push_attribute(&mut self.out, "id", &id);
        // Levels are 1 to 6: one digit.
        let level = char::from(b'0' + title_level);
        self.out.push_str(">\n<h");
        self.out.push(level);
        self.out.push_str(" class=\"tab-title\">");
        push_alias(&mut self.out, alias.as_deref());
        push_text(&mut self.out, title);
        self.out.push_str("</h");
        self.out.push(level);
        self.out.push_str(">\n");
        self.doc.text.push_str(title);
        self.end_text_line();
        let line = self.positions.line(offset);
        self.doc.headings.push(Heading {
            level: title_level,
            id,
            text: title.to_string(),
            line,
        });
        if let Some(Open::Tabs { panel_open, .. }) = self.stack.last_mut() {
            *panel_open = true;
        }
    }

    fn end_tabs(&mut self, offset: usize) {
        match self.stack.last() {
            Some(Open::Tabs { panel_open, .. }) => {
                if *panel_open {
                    self.out.push_str("</section>\n");
                }
                self.out.push_str("</div>\n");
                self.stack.pop();
            }
            _ => self.warning(
                offset,
                "tabs-invalid",
                "`[!ENDTABS]` without a tab set to end; it is left out".to_string(),
                "remove it, or start the set with `>[!BEGINTABS]`",
            ),
        }
    }

    /// The widget name of `<!-- technote:widget NAME -->` alone in its block.
    fn widget_name(&mut self, block: &[Spanned<'a>], offset: usize) -> Option<String> {
        let comment = match block {
            [_, (Event::Html(html), _), _] => widget_comment(html),
            _ => None,
        };
        let Some(name) = comment else {
            if block
                .iter()
                .any(|(event, _)| matches!(event, Event::Html(html) if mentions_widget(html)))
            {
                self.warning(
                    offset,
                    "widget-misplaced",
                    "a widget comment must be alone on its line, with blank lines around it; \
                     it is left out"
                        .to_string(),
                    "write `<!-- technote:widget NAME -->` on a line of its own",
                );
            }
            return None;
        };
        let valid = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            self.warning(
                offset,
                "widget-unknown",
                format!("`{name}` is not a widget name; the comment is left out"),
                "widget names are lowercase words joined by `-`, e.g. `minimum-releases`",
            );
            return None;
        }
        Some(name.to_string())
    }

    fn in_question_position(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Open::FaqSection { .. } | Open::FaqEntry { .. })
        )
    }

    fn question(&mut self, block: &mut [Spanned<'a>], shape: QuestionShape<'a>, offset: usize) {
        if matches!(self.stack.last(), Some(Open::FaqEntry { .. }))
            && let Some(entry) = self.stack.pop()
        {
            self.close(entry);
        }
        if let Some(Open::FaqSection { list_open }) = self.stack.last_mut()
            && !*list_open
        {
            *list_open = true;
            self.out.push_str("<div class=\"faq\">\n");
        }
        let text_start = self.doc.text.len();
        let inner = block.get_mut(2..shape.strong_end).unwrap_or_default();
        self.transform(inner);
        let question = self
            .doc
            .text
            .get(text_start..)
            .unwrap_or("")
            .trim()
            .to_string();
        self.end_text_line();
        let mut question_html = String::new();
        self.buffer.write_to(inner, &mut question_html);
        let AssignedId { id, alias } =
            self.assign_id(shape.explicit_id.as_ref(), &question, "question", offset);
        self.out.push_str(r#"<details class="faq-entry""#);
        push_attribute(&mut self.out, "id", &id);
        self.out.push_str(">\n<summary class=\"faq-question\">");
        // Inside the summary: a link to it opens the answer (site.js).
        push_alias(&mut self.out, alias.as_deref());
        self.out.push_str(&question_html);
        self.out
            .push_str("</summary>\n<div class=\"faq-answer\">\n");
        let line = self.positions.line(offset);
        self.doc.faq.push(FaqEntry {
            id,
            question,
            question_html,
            answer_html: String::new(),
            answer_text: String::new(),
            line,
        });
        self.stack.push(Open::FaqEntry {
            entry: self.doc.faq.len().saturating_sub(1),
            answer_start: self.out.len(),
            answer_before: String::new(),
            text_start: self.doc.text.len(),
        });
    }
}

/// How a top-level block is handled.
enum BlockKind<'a> {
    Heading(HeadingLevel),
    /// A tab marker and the byte length of the text after its `]`.
    TabMarker(TabMarker, usize),
    Html,
    Question(QuestionShape<'a>),
    Other,
}

/// The markers of a tab set.
enum TabMarker {
    Begin,
    Tab(String),
    End,
}

/// A paragraph that is entirely bold, optionally followed by ` {#id}`.
struct QuestionShape<'a> {
    /// Index of the bold's end event.
    strong_end: usize,
    explicit_id: Option<CowStr<'a>>,
}

fn question_shape<'a>(block: &[Spanned<'a>]) -> Option<QuestionShape<'a>> {
    if !matches!(block.get(1), Some((Event::Start(Tag::Strong), _))) {
        return None;
    }
    let mut depth = 0usize;
    let mut strong_end = None;
    for (index, (event, _)) in block.iter().enumerate().skip(1) {
        match event {
            Event::Start(Tag::Strong) => depth += 1,
            Event::End(TagEnd::Strong) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    strong_end = Some(index);
                    break;
                }
            }
            _ => {}
        }
    }
    let strong_end = strong_end?;
    let explicit_id = match block.get(strong_end + 1..)? {
        [(Event::End(TagEnd::Paragraph), _)] => None,
        [
            (Event::Text(CowStr::Borrowed(text)), _),
            (Event::End(TagEnd::Paragraph), _),
        ] => Some(CowStr::Borrowed(question_id(text)?)),
        [(Event::Text(text), _), (Event::End(TagEnd::Paragraph), _)] => {
            Some(CowStr::from(question_id(text)?.to_string()))
        }
        _ => return None,
    };
    Some(QuestionShape {
        strong_end,
        explicit_id,
    })
}

/// The tab marker opening a top-level blockquote, and the byte length of
/// the text after its `]` (kept as tab content).
fn tab_marker(block: &[Spanned<'_>]) -> Option<(TabMarker, usize)> {
    let (Some((Event::Start(Tag::Paragraph), _)), Some((Event::Text(text), _))) =
        (block.get(1), block.get(2))
    else {
        return None;
    };
    let parsed = parse_block_marker(text)?;
    let marker = match parsed.marker {
        BlockMarker::Alert(_) | BlockMarker::UnknownAlert(_) | BlockMarker::ContextualHelp => {
            return None;
        }
        BlockMarker::BeginTabs => TabMarker::Begin,
        BlockMarker::Tab(title) => TabMarker::Tab(title.to_string()),
        BlockMarker::EndTabs => TabMarker::End,
    };
    Some((marker, parsed.rest.len()))
}

/// The name in `<!-- technote:widget NAME -->` when that is all the line holds.
fn widget_comment(html: &str) -> Option<&str> {
    let inner = html
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim();
    let name = inner.strip_prefix("technote:widget")?;
    name.starts_with(char::is_whitespace).then(|| name.trim())
}

/// Whether raw HTML holds a widget comment's keyword.
pub(crate) fn mentions_widget(html: &str) -> bool {
    // Built once: building a searcher costs more than most searches.
    static KEYWORD: LazyLock<memmem::Finder<'static>> =
        LazyLock::new(|| memmem::Finder::new("technote:widget"));
    KEYWORD.find(html.as_bytes()).is_some()
}

pub(crate) fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
