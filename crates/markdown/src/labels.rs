//! Localized UI labels the HTML needs, asked once per page.

use std::cell::OnceCell;

use crate::html::push_text;
use crate::markers::AlertKind;

/// Every Fluent message id the renderer asks for, so the site can check that
/// each locale defines them.
pub const MESSAGE_IDS: &[&str] = &[
    "alert-note",
    "alert-caution",
    "alert-important",
    "alert-tip",
    "alert-warning",
    "alert-admin",
    "alert-availability",
    "alert-prerequisites",
    "alert-morelikethis",
    "alert-info",
    "alert-error",
    "alert-success",
    "video-play",
    "link-external",
    "link-new-tab",
    "tabs-label",
    "image-external",
];

/// A label of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    Alert(AlertKind),
    /// The text of a `[!VIDEO]` link.
    VideoPlay,
    /// Hidden suffix of links that leave the site.
    LinkExternal,
    /// Hidden suffix of links that open a new tab.
    LinkNewTab,
    /// Name of the tablist the site's script builds from a tab set.
    TabSetName,
    /// Text of the link an image hosted elsewhere becomes.
    ImageExternal,
}

impl Label {
    pub(crate) fn message_id(self) -> &'static str {
        match self {
            Label::Alert(kind) => kind.message_id(),
            Label::VideoPlay => "video-play",
            Label::LinkExternal => "link-external",
            Label::LinkNewTab => "link-new-tab",
            Label::TabSetName => "tabs-label",
            Label::ImageExternal => "image-external",
        }
    }

    fn slot(self) -> usize {
        match self {
            Label::Alert(kind) => kind.index(),
            Label::VideoPlay => AlertKind::ALL.len(),
            Label::LinkExternal => AlertKind::ALL.len() + 1,
            Label::LinkNewTab => AlertKind::ALL.len() + 2,
            Label::TabSetName => AlertKind::ALL.len() + 3,
            Label::ImageExternal => AlertKind::ALL.len() + 4,
        }
    }
}

const LABEL_COUNT: usize = AlertKind::ALL.len() + 5;

/// A UI label in the two forms the HTML needs it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelText {
    /// Plain text, escaped where it is written (attributes).
    text: String,
    /// The same text as element content: HTML, written as it is.
    html: String,
}

impl LabelText {
    /// A label that is plain text everywhere.
    pub fn plain(text: impl Into<String>) -> Self {
        let text = text.into();
        let mut html = String::with_capacity(text.len());
        push_text(&mut html, &text);
        Self { text, html }
    }

    /// A label whose element content says more than its text can, such as
    /// which language it is in: `text` goes into attributes (escaped), and
    /// `mark_up` turns `content`, escaped, into the HTML of element content.
    /// The site passes its fallback marks so: the renderer is where text is
    /// told from attributes, so no later pass over the page has to.
    pub fn marked_up(
        text: impl Into<String>,
        content: &str,
        mark_up: impl FnOnce(&str) -> String,
    ) -> Self {
        let mut escaped = String::with_capacity(content.len());
        push_text(&mut escaped, content);
        Self {
            text: text.into(),
            html: mark_up(&escaped),
        }
    }
}

impl From<String> for LabelText {
    fn from(text: String) -> Self {
        Self::plain(text)
    }
}

/// Labels asked from the `messages` callback at most once each per page.
pub(crate) struct Labels<'o> {
    messages: &'o dyn Fn(&str) -> LabelText,
    cache: [OnceCell<LabelText>; LABEL_COUNT],
}

impl<'o> Labels<'o> {
    pub(crate) fn new(messages: &'o dyn Fn(&str) -> LabelText) -> Self {
        Self {
            messages,
            cache: Default::default(),
        }
    }

    fn get(&self, label: Label) -> Option<&LabelText> {
        // None is unreachable by construction (the slots cover every
        // label); an empty label is the harmless answer.
        let cell = self.cache.get(label.slot())?;
        Some(cell.get_or_init(|| (self.messages)(label.message_id())))
    }

    /// The label as plain text, for an attribute value.
    pub(crate) fn text(&self, label: Label) -> &str {
        self.get(label).map_or("", |label| &label.text)
    }

    /// The label as element content, HTML.
    pub(crate) fn html(&self, label: Label) -> &str {
        self.get(label).map_or("", |label| &label.html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn every_label_has_a_listed_message_id_and_its_own_slot() {
        let mut labels: Vec<Label> = AlertKind::ALL.iter().map(|&k| Label::Alert(k)).collect();
        labels.extend([
            Label::VideoPlay,
            Label::LinkExternal,
            Label::LinkNewTab,
            Label::TabSetName,
            Label::ImageExternal,
        ]);
        assert_eq!(labels.len(), MESSAGE_IDS.len());
        for (slot, label) in labels.iter().enumerate() {
            assert_eq!(label.slot(), slot);
            assert!(MESSAGE_IDS.contains(&label.message_id()));
        }
    }

    #[test]
    fn each_message_is_asked_once() {
        let calls = Cell::new(0);
        let messages = |id: &str| {
            calls.set(calls.get() + 1);
            LabelText::plain(format!("<{id}>"))
        };
        let labels = Labels::new(&messages);
        assert_eq!(labels.text(Label::LinkExternal), "<link-external>");
        assert_eq!(labels.html(Label::LinkExternal), "&lt;link-external&gt;");
        assert_eq!(labels.text(Label::LinkExternal), "<link-external>");
        assert_eq!(calls.get(), 1);
    }
}
