//! What rendering a page produces.

use serde::Serialize;
use technote_diagnostics::Diagnostic;

/// A rendered page body and everything the site learns from it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Document {
    /// Plain text of the first top-level `#` heading: the page's title. The
    /// heading itself is not in [`Document::segments`]; the template writes it.
    pub title: Option<String>,
    /// The id of that heading (its `{#id}`, else a slug of the title).
    pub title_id: Option<String>,
    /// The id earlier versions gave that heading, where it differs: the
    /// template keeps it on an empty element so old links still land.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_alias: Option<String>,
    /// The body HTML, split where widgets go. Concatenated in order, the HTML
    /// segments are well-formed: elements may span a widget.
    pub segments: Vec<Segment>,
    /// Every heading from `##` to `######`, in order, tab titles included.
    pub headings: Vec<Heading>,
    /// The questions of the FAQ section, in order.
    pub faq: Vec<FaqEntry>,
    /// Every id the HTML defines (title, headings, FAQ entries, tab panels,
    /// alert titles, and the former ids of those kept as aliases), each once.
    pub anchors: Vec<Anchor>,
    /// Every `#id` link of the page, so the site can check the id exists.
    pub same_page_links: Vec<AnchorRef>,
    /// Plain text of the whole body for search, one block per line.
    pub text: String,
    /// Problems found, with file, line and column.
    pub diagnostics: Vec<Diagnostic>,
}

/// A piece of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Segment {
    /// HTML to write as is.
    Html(String),
    /// `<!-- technote:widget NAME -->`: the site renders the widget here.
    Widget { name: String, line: u32 },
}

/// A heading of the page, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 2 to 6.
    pub level: u8,
    pub id: String,
    /// Plain text.
    pub text: String,
    /// 1-based line in the file.
    pub line: u32,
}

/// One question of the FAQ section and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FaqEntry {
    pub id: String,
    /// Plain text of the question.
    pub question: String,
    /// Inline HTML of the question (what the `<summary>` holds).
    pub question_html: String,
    /// HTML of the answer (what the `faq-answer` element holds).
    pub answer_html: String,
    /// Plain text of the answer.
    pub answer_text: String,
    /// 1-based line of the question in the file.
    pub line: u32,
}

/// An id the page defines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Anchor {
    pub id: String,
    /// 1-based line in the file of what defines it.
    pub line: u32,
}

/// A `#id` link to the page itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnchorRef {
    /// The id, without `#`.
    pub id: String,
    pub line: u32,
    pub column: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_serialize_with_their_kind() {
        let segments = vec![
            Segment::Html("<p>a</p>".to_string()),
            Segment::Widget {
                name: "minimum-releases".to_string(),
                line: 4,
            },
        ];
        assert_eq!(
            serde_json::to_string(&segments).ok().as_deref(),
            Some(
                r#"[{"kind":"html","value":"<p>a</p>"},{"kind":"widget","value":{"name":"minimum-releases","line":4}}]"#
            )
        );
    }
}
