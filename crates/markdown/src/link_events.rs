//! Links, images and badges: destinations through the site's resolver,
//! attribute lists after them, and the hidden notes for screen readers.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::attributes::{self, Attribute};
use crate::document::AnchorRef;
use crate::events::Spanned;
use crate::html::{push_attribute, push_text, push_url_attribute};
use crate::inline_markers::plain_text;
use crate::labels::{Label, Labels};
use crate::links::{
    Destination, ImageAttributes, LinkAttributes, LinkTag, Rejected, TARGETS, classify, write_image,
};
use crate::renderer::{LinkClose, Renderer};
use crate::transform::sub_cow;
use crate::{LinkKind, LinkRef};

/// A destination after resolution.
pub(crate) struct Href<'d> {
    pub(crate) href: Cow<'d, str>,
    pub(crate) external: bool,
}

impl<'a> Renderer<'a, '_> {
    pub(crate) fn badge(&mut self, label: &str, attributes: Option<&str>, offset: usize) {
        let mut kind = None;
        let mut tooltip = None;
        let mut url = None;
        for Attribute { key, value } in self.attribute_values(attributes, offset) {
            match key.as_str() {
                "type" => kind = Some(value),
                "tooltip" => tooltip = Some(value),
                "url" => url = Some(value),
                other => self.warning(
                    offset,
                    "attribute-dropped",
                    format!("the attribute `{other}` is not allowed on a badge; it is dropped"),
                    "allowed attributes: type, tooltip, url",
                ),
            }
        }
        let kind_class = kind.and_then(|mut kind| {
            let valid =
                !kind.is_empty() && kind.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
            if !valid {
                self.warning(
                    offset,
                    "marker-invalid",
                    format!("`type=\"{kind}\"` is not a badge type"),
                    "use one word, e.g. type=Informative",
                );
            }
            kind.make_ascii_lowercase();
            valid.then_some(kind)
        });
        let href = url
            .as_deref()
            .map(|url| self.resolve(LinkType::Inline, url, LinkKind::Link, offset));
        let external = href.as_ref().is_some_and(|href| href.external);
        let labels = &self.labels;
        self.buffer.push_html(|html| {
            let element = if href.is_some() { "a" } else { "span" };
            html.push('<');
            html.push_str(element);
            if let Some(href) = &href {
                push_url_attribute(html, "href", &href.href);
            }
            // The type was checked to be letters, digits and `-`: nothing to escape.
            html.push_str(" class=\"badge");
            if let Some(kind) = &kind_class {
                html.push_str(" badge-");
                html.push_str(kind);
            }
            if external {
                html.push_str(" external");
            }
            html.push('"');
            if let Some(tooltip) = &tooltip {
                push_attribute(html, "title", tooltip);
            }
            html.push('>');
            push_text(html, label);
            if let Some(tooltip) = &tooltip {
                // `title` alone reaches neither keyboards nor most screen readers.
                html.push_str("<span class=\"badge-tooltip\"> (");
                push_text(html, tooltip);
                html.push_str(")</span>");
            }
            if external {
                push_hidden_suffix(labels, html, true, false);
            }
            html.push_str("</");
            html.push_str(element);
            html.push('>');
        });
        self.doc.text.push_str(label);
    }

    /// Parses an attribute list's text, reporting a syntax error.
    fn attribute_values(&mut self, list: Option<&str>, offset: usize) -> Vec<Attribute> {
        let Some(list) = list else {
            return Vec::new();
        };
        attributes::parse(list).unwrap_or_else(|message| {
            self.warning(
                offset,
                "attribute-list-invalid",
                format!("the attribute list `{{{list}}}` cannot be read: {message}"),
                "write it as {key=\"value\" key2=value2}",
            );
            Vec::new()
        })
    }

    /// Takes the `{…}` attribute list that starts the text event at `index`
    /// (right after a link or image), leaving the rest of the text in place.
    fn take_attribute_list(
        &mut self,
        events: &mut [Spanned<'a>],
        index: usize,
    ) -> Option<(Vec<Attribute>, usize)> {
        let Some((Event::Text(text), range)) = events.get_mut(index) else {
            return None;
        };
        if !text.starts_with('{') {
            return None;
        }
        let close = text.find('}')?;
        let offset = range.start;
        let inner = text.get(1..close).unwrap_or("");
        let parsed = attributes::parse(inner).or_else(|message| {
            // `{_blank}`, as some published trees write it: what the author
            // meant is plain, so it is kept, with the spelling to use.
            let target = inner.trim();
            if TARGETS.contains(&target) {
                self.warning(
                    offset,
                    "attribute-list-invalid",
                    format!(
                        "`{{{target}}}` is not an attribute list; it is read as target=\"{target}\""
                    ),
                    &format!("write {{target=\"{target}\"}}"),
                );
                Ok(vec![Attribute {
                    key: "target".to_string(),
                    value: target.to_string(),
                }])
            } else {
                Err(message)
            }
        });
        match parsed {
            Ok(list) => {
                let rest = sub_cow(text, close + 1..text.len());
                *text = rest;
                range.start = (range.start + close + 1).min(range.end);
                Some((list, offset))
            }
            Err(message) => {
                let message = format!("the attribute list `{{{inner}}}` cannot be read: {message}");
                self.warning(
                    offset,
                    "attribute-list-invalid",
                    message,
                    "write it as {key=\"value\" key2=value2}",
                );
                None
            }
        }
    }

    fn report_rejected(&mut self, rejected: Vec<Rejected>, offset: usize) {
        for Rejected { message, help } in rejected {
            self.warning(offset, "attribute-dropped", message, &help);
        }
    }

    pub(crate) fn resolve<'d>(
        &mut self,
        link_type: LinkType,
        dest: &'d str,
        kind: LinkKind,
        offset: usize,
    ) -> Href<'d> {
        match classify(link_type, dest, kind) {
            Destination::Email => Href {
                href: Cow::Owned(format!("mailto:{dest}")),
                external: false,
            },
            Destination::SamePage(id) => {
                if !id.is_empty() {
                    let (line, column) = self.positions.line_column(offset);
                    self.doc.same_page_links.push(AnchorRef {
                        id: id.to_string(),
                        line,
                        column,
                    });
                }
                Href {
                    href: Cow::Borrowed(dest),
                    external: false,
                }
            }
            Destination::Unsafe => {
                self.warning(
                    offset,
                    "link-script",
                    format!("`{dest}` would run code in the reader's browser; the link is emptied"),
                    "link to a web page instead",
                );
                Href {
                    href: Cow::Borrowed(""),
                    external: false,
                }
            }
            Destination::Absolute { external } => Href {
                href: Cow::Borrowed(dest),
                external,
            },
            Destination::Relative => {
                let (line, column) = self.positions.line_column(offset);
                let link = LinkRef {
                    dest,
                    kind,
                    line,
                    column,
                };
                match self.options.links.resolve(&link) {
                    Some(resolved) => Href {
                        href: Cow::Owned(resolved.href),
                        external: resolved.external,
                    },
                    None => Href {
                        href: Cow::Borrowed(dest),
                        external: false,
                    },
                }
            }
        }
    }

    pub(crate) fn link_start(
        &mut self,
        link_type: LinkType,
        dest: &str,
        title: &str,
        events: &mut [Spanned<'a>],
        index: usize,
        range: Range<usize>,
    ) -> usize {
        let end = events
            .iter()
            .skip(index + 1)
            .position(|(event, _)| matches!(event, Event::End(TagEnd::Link)))
            .map_or(events.len(), |position| index + 1 + position);
        let is_video = end == index + 2 && is_video_text(events.get(index + 1));
        let mut rejected = Vec::new();
        let attributes = match self.take_attribute_list(events, end + 1) {
            Some((list, offset)) => {
                let attributes = LinkAttributes::from_list(list, &mut rejected);
                self.report_rejected(rejected, offset);
                attributes
            }
            None => LinkAttributes::default(),
        };
        let href = self.resolve(link_type, dest, LinkKind::Link, range.start);
        let classes: &[&str] = match (href.external, is_video) {
            (true, true) => &["video-link", "external"],
            (true, false) => &["external"],
            (false, true) => &["video-link"],
            (false, false) => &[],
        };
        // A video's card shows its title when it has one, else a label.
        let video_title = if is_video { title } else { "" };
        self.buffer.push_html(|html| {
            LinkTag {
                href: &href.href,
                classes,
                title: if is_video { "" } else { title },
                attributes: &attributes,
            }
            .write(html);
        });
        self.links.push(LinkClose {
            external: href.external,
            new_tab: attributes.opens_new_tab(),
        });
        self.depth += 1;
        if is_video {
            if video_title.is_empty() {
                let label = self.labels.html(Label::VideoPlay);
                self.buffer.push_html(|html| html.push_str(label));
            } else {
                self.buffer.push_text(video_title);
                self.doc.text.push_str(video_title);
            }
            // The `!VIDEO` text is replaced by the label.
            return index + 2;
        }
        index + 1
    }

    pub(crate) fn link_end(&mut self) {
        let close = self.links.pop().unwrap_or(LinkClose {
            external: false,
            new_tab: false,
        });
        let labels = &self.labels;
        self.buffer.push_html(|html| {
            push_hidden_suffix(labels, html, close.external, close.new_tab);
            html.push_str("</a>");
        });
    }

    pub(crate) fn image(
        &mut self,
        link_type: LinkType,
        dest: &str,
        title: &str,
        events: &mut [Spanned<'a>],
        index: usize,
        range: Range<usize>,
    ) -> usize {
        let mut nesting = 1usize;
        let mut end = events.len();
        let mut alt = String::new();
        for (position, (event, _)) in events.iter().enumerate().skip(index + 1) {
            match event {
                Event::Start(Tag::Image { .. }) => nesting += 1,
                Event::End(TagEnd::Image) => {
                    nesting -= 1;
                    if nesting == 0 {
                        end = position;
                        break;
                    }
                }
                Event::Text(text) | Event::Code(text) => alt.push_str(text),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        let mut rejected = Vec::new();
        let attributes = match self.take_attribute_list(events, end + 1) {
            Some((list, offset)) => {
                let attributes = ImageAttributes::from_list(list, &mut rejected);
                self.report_rejected(rejected, offset);
                attributes
            }
            None => ImageAttributes::default(),
        };
        let src = self.resolve(link_type, dest, LinkKind::Image, range.start);
        let alt = plain_text(&alt);
        let labels = &self.labels;
        self.buffer.push_html(|html| {
            if src.external {
                // Loading it would be a request to another site (and the CSP
                // forbids it): the reader gets a link and decides.
                html.push_str("<a class=\"external external-image\"");
                push_url_attribute(html, "href", &src.href);
                html.push('>');
                html.push_str(labels.html(Label::ImageExternal));
                if !alt.is_empty() {
                    html.push_str(": ");
                    push_text(html, &alt);
                }
                push_hidden_suffix(labels, html, true, false);
                html.push_str("</a>");
            } else {
                write_image(html, &src.href, &alt, title, &attributes);
            }
        });
        end + 1
    }
}

/// Writes what a screen reader says after a link's text: that it leaves the
/// site, that it opens a new tab. Sighted readers get an icon from CSS.
fn push_hidden_suffix(labels: &Labels<'_>, html: &mut String, external: bool, new_tab: bool) {
    if !external && !new_tab {
        return;
    }
    html.push_str("<span class=\"visually-hidden\">");
    if external {
        html.push(' ');
        html.push_str(labels.html(Label::LinkExternal));
    }
    if new_tab {
        html.push(' ');
        html.push_str(labels.html(Label::LinkNewTab));
    }
    html.push_str("</span>");
}

/// Whether the event is the `!VIDEO` text of `[!VIDEO](url)`.
pub(crate) fn is_video_text(event: Option<&Spanned<'_>>) -> bool {
    matches!(event, Some((Event::Text(text), _)) if text.as_ref() == "!VIDEO")
}
