//! Localized UI labels the HTML needs, asked once per page.

use std::cell::OnceCell;

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

/// Labels asked from the `messages` callback at most once each per page.
pub(crate) struct Labels<'o> {
    messages: &'o dyn Fn(&str) -> String,
    cache: [OnceCell<String>; LABEL_COUNT],
}

impl<'o> Labels<'o> {
    pub(crate) fn new(messages: &'o dyn Fn(&str) -> String) -> Self {
        Self {
            messages,
            cache: Default::default(),
        }
    }

    pub(crate) fn get(&self, label: Label) -> &str {
        match self.cache.get(label.slot()) {
            Some(cell) => cell.get_or_init(|| (self.messages)(label.message_id())),
            // Unreachable by construction (the slots cover every label);
            // an empty label is the harmless answer.
            None => "",
        }
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
            format!("<{id}>")
        };
        let labels = Labels::new(&messages);
        assert_eq!(labels.get(Label::LinkExternal), "<link-external>");
        assert_eq!(labels.get(Label::LinkExternal), "<link-external>");
        assert_eq!(calls.get(), 1);
    }
}
