//! Text events in the transform: the dialect's inline markers (`[!DNL …]`,
//! `[!UICONTROL …]`, `[!BADGE …]`) cut out of them, and the plain text
//! collected for search.

use pulldown_cmark::{CowStr, Event};

use crate::events::Spanned;
use crate::ids::id_marks;
use crate::inline_markers::{MarkerProblem, Piece};
use crate::renderer::Renderer;

impl<'a> Renderer<'a, '_> {
    /// Closes the `[!DNL`/`[!UICONTROL` spans opened at `depth` or deeper,
    /// whose container ends before their `]`.
    pub(crate) fn close_spans(&mut self, depth: usize) {
        for span in self.markers.close_from_depth(depth) {
            self.buffer.push_static_html("</span>");
            let keyword = span.kind.keyword();
            self.warning(
                span.offset, "marker-invalid",
                format!("`[!{keyword} …` has no closing `]`; it is closed where its text ends"),
                "close it with `]` before the end of the paragraph or of the formatting it starts in",
            );
        }
    }

    /// Transforms the text event at `index`: passed on as it is when it
    /// cannot hold a marker, else cut around its markers.
    pub(crate) fn text(&mut self, events: &[Spanned<'a>], index: usize) {
        let Some((Event::Text(text), range)) = events.get(index) else {
            return;
        };
        if self.code_depth > 0 || memchr::memchr3(b'[', b']', b'{', text.as_bytes()).is_none() {
            self.doc.text.push_str(text);
            self.buffer.push_source(index);
            return;
        }
        if id_marks(text).next().is_some() {
            self.warning(
                range.start,
                "id-misplaced",
                "`{#…}` shows as text here: ids are only read at the end of a heading, \
                 or after a bold FAQ question"
                    .to_string(),
                "move the id to a heading line, or remove it",
            );
        }
        let mut pieces = std::mem::take(&mut self.pieces);
        pieces.clear();
        self.markers
            .scan(text, self.depth, range.start, &mut pieces);
        let at = |position: usize| (range.start + position).min(range.end);
        for piece in pieces.drain(..) {
            match piece {
                Piece::Text(part) => {
                    let part_text = text.get(part.clone()).unwrap_or("");
                    self.doc.text.push_str(part_text);
                    match text {
                        CowStr::Borrowed(whole) => {
                            self.buffer
                                .push_borrowed_text(whole.get(part).unwrap_or(""));
                        }
                        _ => self.buffer.push_text(part_text),
                    }
                }
                Piece::Open(kind) => self.buffer.push_static_html(kind.open_tag()),
                Piece::Close => self.buffer.push_static_html("</span>"),
                Piece::Badge {
                    label,
                    attributes,
                    at: position,
                } => {
                    let label = text.get(label).unwrap_or("");
                    let attributes = attributes.and_then(|list| text.get(list));
                    self.badge(label, attributes, at(position));
                }
                Piece::Problem {
                    problem,
                    name,
                    at: position,
                } => {
                    let name = text.get(name).unwrap_or("");
                    self.marker_problem(problem, name, at(position));
                }
            }
        }
        self.pieces = pieces;
    }

    fn marker_problem(&mut self, problem: MarkerProblem, name: &str, offset: usize) {
        let (message, help) = match problem {
            MarkerProblem::Unknown => (
                format!("`[!{name}` is not a marker of Adobe Flavored Markdown; it shows as text"),
                "alerts: >[!NOTE], >[!TIP], >[!CAUTION], >[!IMPORTANT], >[!WARNING], >[!INFO], \
                 >[!ERROR], >[!SUCCESS], >[!ADMIN], >[!AVAILABILITY], >[!PREREQUISITES], \
                 >[!MORELIKETHIS]; inline: [!DNL …], [!UICONTROL …], [!BADGE …], [!VIDEO](url)",
            ),
            MarkerProblem::MisplacedBlockMarker => (
                format!(
                    "`[!{name}]` only works as the first line of its own blockquote; it shows as text"
                ),
                "start a line with `>[!…]`, outside lists, with a blank line before it",
            ),
            MarkerProblem::VideoWithoutLink => (
                "`[!VIDEO]` needs the video's address".to_string(),
                "write it as a link: [!VIDEO](https://…)",
            ),
            MarkerProblem::Empty => (
                format!("`[!{name}]` has no text; it shows as is"),
                "write the text after the keyword, e.g. [!DNL Adobe Campaign]",
            ),
            MarkerProblem::UnclosedBadge => (
                "`[!BADGE …` has no closing `]`; it shows as text".to_string(),
                "write the badge on one line: [!BADGE label]{type=Informative}",
            ),
        };
        self.warning(offset, "marker-invalid", message, help);
    }
}
