//! The dialect's markers inside text: `[!DNL text]`, `[!UICONTROL text]` and
//! `[!BADGE label]{attributes}`.
//!
//! pulldown-cmark leaves these as literal text (they are not links), so a
//! scanner reads them from text events. A `DNL` or `UICONTROL` span may hold
//! formatting (`[!UICONTROL **Save** now]`): it opens in one text event and
//! closes at the `]` of a later one at the same nesting depth. Square
//! brackets inside a span are counted so `[!DNL a [b] c]` closes at the last
//! `]`. A span still open when its container ends is closed there (and
//! reported), so the HTML stays well-formed.

use std::ops::Range;

use crate::markers::{InlineKeyword, Keyword};

/// The spans that wrap formatted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanKind {
    /// `[!DNL …]`: a name that is never translated.
    Dnl,
    /// `[!UICONTROL …]`: a label of the product's interface.
    UiControl,
}

impl SpanKind {
    pub(crate) fn open_tag(self) -> &'static str {
        match self {
            SpanKind::Dnl => r#"<span translate="no">"#,
            SpanKind::UiControl => r#"<span class="uicontrol">"#,
        }
    }

    pub(crate) fn keyword(self) -> &'static str {
        match self {
            SpanKind::Dnl => "DNL",
            SpanKind::UiControl => "UICONTROL",
        }
    }
}

/// What a text event turns into. Ranges index the scanned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(Range<usize>),
    Open(SpanKind),
    /// Closes the innermost open span.
    Close,
    /// `[!BADGE label]` with the text between the braces that follow, if any.
    Badge {
        label: Range<usize>,
        attributes: Option<Range<usize>>,
        at: usize,
    },
    /// A marker written where it does nothing; it stays as text.
    Problem {
        problem: MarkerProblem,
        name: Range<usize>,
        at: usize,
    },
}

/// Why a `[!…` in text is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkerProblem {
    /// Not a keyword of the dialect.
    Unknown,
    /// An alert or tab marker that does not open a blockquote.
    MisplacedBlockMarker,
    /// `[!VIDEO` not written as a link `[!VIDEO](url)`.
    VideoWithoutLink,
    /// `[!DNL]`, `[!UICONTROL]` or `[!BADGE]` without text.
    Empty,
    /// `[!BADGE label` without `]` in the same text.
    UnclosedBadge,
}

/// A span opened and not closed yet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OpenSpan {
    pub(crate) kind: SpanKind,
    /// Event nesting depth where it opened; it closes at the same depth.
    depth: usize,
    /// `[` seen inside the span and not closed yet.
    brackets: u32,
    /// Byte offset of the marker in the body, for diagnostics.
    pub(crate) offset: usize,
}

/// Scanner state across the text events of a block.
#[derive(Default)]
pub(crate) struct InlineMarkers {
    open: Vec<OpenSpan>,
}

impl InlineMarkers {
    /// Scans `text` found at `depth`, whose first byte is at `offset` in the
    /// body, appending what it turns into to `pieces`.
    pub(crate) fn scan(
        &mut self,
        text: &str,
        depth: usize,
        offset: usize,
        pieces: &mut Vec<Piece>,
    ) {
        let bytes = text.as_bytes();
        let mut literal_start = 0;
        let mut search_from = 0;
        while let Some(found) = bytes
            .get(search_from..)
            .and_then(|rest| memchr::memchr2(b'[', b']', rest))
        {
            let at = search_from + found;
            let opens = bytes.get(at) == Some(&b'[');
            if opens && bytes.get(at + 1) == Some(&b'!') {
                let step = self.marker(text, at, depth, offset, pieces, &mut literal_start);
                search_from = step;
            } else if opens {
                if let Some(top) = self.open.last_mut().filter(|top| top.depth == depth) {
                    top.brackets += 1;
                }
                search_from = at + 1;
            } else {
                match self.open.last_mut().filter(|top| top.depth == depth) {
                    Some(top) if top.brackets > 0 => top.brackets -= 1,
                    Some(_) => {
                        push_literal(pieces, literal_start..at);
                        pieces.push(Piece::Close);
                        self.open.pop();
                        literal_start = at + 1;
                    }
                    None => {}
                }
                search_from = at + 1;
            }
        }
        push_literal(pieces, literal_start..text.len());
    }

    /// Handles the `[!` at `at`; returns where scanning goes on.
    fn marker(
        &mut self,
        text: &str,
        at: usize,
        depth: usize,
        offset: usize,
        pieces: &mut Vec<Piece>,
        literal_start: &mut usize,
    ) -> usize {
        let name_start = at + 2;
        let name_len = text.get(name_start..).map_or(0, |rest| {
            rest.find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len())
        });
        let name_end = name_start + name_len;
        let name = text.get(name_start..name_end).unwrap_or("");
        if name.is_empty() {
            // `[!` followed by no keyword: an ordinary bracket.
            if let Some(top) = self.open.last_mut().filter(|top| top.depth == depth) {
                top.brackets += 1;
            }
            return at + 1;
        }
        let next = text.get(name_end..).and_then(|rest| rest.chars().next());
        let separated = next.is_none_or(char::is_whitespace);
        let problem = |problem| Piece::Problem {
            problem,
            name: name_start..name_end,
            at,
        };
        match Keyword::from_name(name) {
            Keyword::Inline(keyword @ (InlineKeyword::Dnl | InlineKeyword::UiControl))
                if separated =>
            {
                let kind = if keyword == InlineKeyword::Dnl {
                    SpanKind::Dnl
                } else {
                    SpanKind::UiControl
                };
                push_literal(pieces, *literal_start..at);
                pieces.push(Piece::Open(kind));
                self.open.push(OpenSpan {
                    kind,
                    depth,
                    brackets: 0,
                    offset: offset + at,
                });
                let content_start = text.get(name_end..).map_or(name_end, |rest| {
                    name_end + (rest.len() - rest.trim_start().len())
                });
                *literal_start = content_start;
                content_start
            }
            Keyword::Inline(InlineKeyword::Badge) if separated => {
                let Some(close) = text.get(name_end..).and_then(|rest| rest.find(']')) else {
                    pieces.push(problem(MarkerProblem::UnclosedBadge));
                    return name_end;
                };
                let close = name_end + close;
                let label = trimmed(text, name_end..close);
                if label.is_empty() {
                    pieces.push(problem(MarkerProblem::Empty));
                    return close + 1;
                }
                let (attributes, end) = match text.get(close + 1..) {
                    Some(rest) if rest.starts_with('{') => match rest.find('}') {
                        Some(brace) => (Some(close + 2..close + 1 + brace), close + 2 + brace),
                        None => (None, close + 1),
                    },
                    _ => (None, close + 1),
                };
                push_literal(pieces, *literal_start..at);
                pieces.push(Piece::Badge {
                    label,
                    attributes,
                    at,
                });
                *literal_start = end;
                end
            }
            Keyword::Inline(
                InlineKeyword::Dnl | InlineKeyword::UiControl | InlineKeyword::Badge,
            ) => {
                pieces.push(problem(MarkerProblem::Empty));
                name_end
            }
            Keyword::Inline(InlineKeyword::Video) => {
                pieces.push(problem(MarkerProblem::VideoWithoutLink));
                name_end
            }
            Keyword::Alert(_)
            | Keyword::BeginTabs
            | Keyword::Tab
            | Keyword::EndTabs
            | Keyword::ContextualHelp => {
                pieces.push(problem(MarkerProblem::MisplacedBlockMarker));
                name_end
            }
            Keyword::Unknown => {
                pieces.push(problem(MarkerProblem::Unknown));
                name_end
            }
        }
    }

    /// Whether a span opened at `depth` or deeper is still open.
    pub(crate) fn any_open_from(&self, depth: usize) -> bool {
        // Spans open deeper and deeper: the innermost is the deepest.
        self.open.last().is_some_and(|span| span.depth >= depth)
    }

    /// Removes and returns the spans opened at `depth` or deeper, innermost
    /// last, when their container ends before their `]`.
    pub(crate) fn close_from_depth(&mut self, depth: usize) -> Vec<OpenSpan> {
        let keep = self.open.partition_point(|span| span.depth < depth);
        self.open.split_off(keep)
    }
}

fn push_literal(pieces: &mut Vec<Piece>, range: Range<usize>) {
    if !range.is_empty() {
        pieces.push(Piece::Text(range));
    }
}

/// `range` without the white space at both ends of its text.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let inner = text.get(range.clone()).unwrap_or("");
    let start = range.start + (inner.len() - inner.trim_start().len());
    let end = start + inner.trim().len();
    start..end
}

/// The plain text of `text` with its inline markers removed (for image alt
/// text, which cannot hold spans, and front matter titles and descriptions):
/// `Le [!UICONTROL bouton]` is `Le bouton`.
pub fn plain_text(text: &str) -> String {
    if !text.contains("[!") {
        return text.to_string();
    }
    let mut scanner = InlineMarkers::default();
    let mut pieces = Vec::new();
    scanner.scan(text, 0, 0, &mut pieces);
    let mut plain = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(range) | Piece::Badge { label: range, .. } => {
                plain.push_str(text.get(range).unwrap_or(""));
            }
            Piece::Open(_) | Piece::Close | Piece::Problem { .. } => {}
        }
    }
    plain
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders pieces as a compact string: text as is, spans as `<DNL>…</>`.
    fn scan_all(texts: &[(&str, usize)]) -> String {
        let mut scanner = InlineMarkers::default();
        let mut shown = String::new();
        for &(text, depth) in texts {
            let mut pieces = Vec::new();
            scanner.scan(text, depth, 0, &mut pieces);
            for piece in pieces {
                match piece {
                    Piece::Text(range) => shown.push_str(&text[range]),
                    Piece::Open(kind) => shown.push_str(&format!("<{}>", kind.keyword())),
                    Piece::Close => shown.push_str("</>"),
                    Piece::Badge {
                        label, attributes, ..
                    } => shown.push_str(&format!(
                        "<BADGE {}|{}>",
                        &text[label],
                        attributes.map_or("", |a| &text[a])
                    )),
                    Piece::Problem { problem, name, .. } => {
                        shown.push_str(&format!("<{problem:?} {}>", &text[name]))
                    }
                }
            }
            for span in scanner.close_from_depth(depth) {
                shown.push_str(&format!("<unclosed {}>", span.kind.keyword()));
            }
        }
        shown
    }

    #[test]
    fn spans_open_and_close_in_one_text() {
        assert_eq!(
            scan_all(&[("Open [!UICONTROL Help] > [!UICONTROL About].", 1)]),
            "Open <UICONTROL>Help</> > <UICONTROL>About</>."
        );
    }

    #[test]
    fn a_span_closes_in_a_later_text_at_the_same_depth() {
        let mut scanner = InlineMarkers::default();
        let mut pieces = Vec::new();
        scanner.scan("[!UICONTROL ", 1, 0, &mut pieces);
        scanner.scan("Save]", 2, 0, &mut pieces);
        scanner.scan(" now] done", 1, 0, &mut pieces);
        assert!(scanner.close_from_depth(0).is_empty());
        assert_eq!(
            pieces,
            vec![
                Piece::Open(SpanKind::UiControl),
                Piece::Text(0..5),
                Piece::Text(0..4),
                Piece::Close,
                Piece::Text(5..10),
            ]
        );
    }

    #[test]
    fn brackets_inside_a_span_are_balanced() {
        assert_eq!(scan_all(&[("[!DNL a [b] c] d", 1)]), "<DNL>a [b] c</> d");
    }

    #[test]
    fn badges_take_the_attribute_list_that_follows() {
        assert_eq!(
            scan_all(&[("x [!BADGE v7]{type=Informative} y [!BADGE Beta] z", 1)]),
            "x <BADGE v7|type=Informative> y <BADGE Beta|> z"
        );
    }

    #[test]
    fn misplaced_unknown_and_empty_markers_stay_as_text_and_are_reported() {
        assert_eq!(
            scan_all(&[("[!NOTE] [!FOO bar] [!DNL] [!VIDEO] [!BADGE x", 1)]),
            "<MisplacedBlockMarker NOTE><Unknown FOO><Empty DNL><VideoWithoutLink VIDEO>\
             <UnclosedBadge BADGE>[!NOTE] [!FOO bar] [!DNL] [!VIDEO] [!BADGE x"
        );
    }

    #[test]
    fn an_unclosed_span_is_closed_with_its_container() {
        assert_eq!(scan_all(&[("[!DNL Adobe", 1)]), "<DNL>Adobe<unclosed DNL>");
    }

    #[test]
    fn plain_text_drops_the_markers() {
        assert_eq!(
            plain_text("Le [!UICONTROL bouton] de [!DNL Campaign]"),
            "Le bouton de Campaign"
        );
    }
}
