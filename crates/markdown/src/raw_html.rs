//! Raw HTML written by authors (tables, `<a>`, `<img>`…), rewritten with
//! lol_html's tokenizer, never with patterns over the text:
//!
//! - `href` of `<a>` and `src` of `<img>` go through the same resolver and
//!   checks as Markdown links and images (pages, anchors, assets copied);
//!   an image hosted elsewhere becomes a link, as in Markdown;
//! - inline `style` (which the site's Content-Security-Policy blocks) becomes
//!   the classes that say the same (`text-align` → `align-*`, a width in
//!   percent → `width-N`, a width in pixels on an image → `width`); what no
//!   class says is dropped with a warning;
//! - event handler attributes (`onclick`…), blocked by the CSP, are dropped
//!   with a warning;
//! - comments (drafts, notes between writers) never reach readers. The
//!   widget directive, alone in its block, is read before this runs.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use lol_html::html_content::{ContentType, Element};
use lol_html::{ElementContentHandlers, RewriteStrSettings, Selector, doc_comments, rewrite_str};
use memchr::memmem;
use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::LinkKind;
use crate::blocks::mentions_widget;
use crate::events::Spanned;
use crate::html::{push_text, push_url_attribute};
use crate::labels::Label;
use crate::renderer::Renderer;

/// The elements rewritten, parsed once rather than for every fragment.
struct Selectors {
    links: Selector,
    images: Selector,
    any: Selector,
}

/// `None` only if lol_html stopped reading these selectors, which its own
/// tests would show; raw HTML would then pass through as written.
static SELECTORS: LazyLock<Option<Selectors>> = LazyLock::new(|| {
    Some(Selectors {
        links: "a[href], area[href]".parse().ok()?,
        images: "img[src]".parse().ok()?,
        any: "*".parse().ok()?,
    })
});

/// Where the pieces of a fragment come from: pulldown-cmark strips the
/// indentation (and `>`) of HTML lines inside lists and quotes, so the
/// fragment is not one slice of the body.
struct FragmentMap(Vec<(usize, usize)>);

impl FragmentMap {
    /// The body offset of byte `at` of the fragment.
    fn body_offset(&self, at: usize) -> usize {
        let index = self.0.partition_point(|&(start, _)| start <= at);
        match index.checked_sub(1).and_then(|i| self.0.get(i)) {
            Some(&(start, body)) => body + (at - start),
            None => self.0.first().map_or(0, |&(_, body)| body),
        }
    }
}

impl<'a> Renderer<'a, '_> {
    /// Block handler: the HTML block starting at `index`.
    pub(crate) fn html_block(&mut self, events: &mut [Spanned<'a>], index: usize) -> Option<usize> {
        if !matches!(events.get(index), Some((Event::Start(Tag::HtmlBlock), _))) {
            return None;
        }
        let end = events
            .iter()
            .skip(index)
            .position(|(event, _)| matches!(event, Event::End(TagEnd::HtmlBlock)))
            .map_or(events.len(), |position| index + position);
        let mut fragment = String::new();
        let mut pieces = Vec::new();
        for (event, range) in events.get(index + 1..end).unwrap_or_default() {
            if let Event::Html(html) | Event::Text(html) = event {
                // depth 0 is a top-level HTML block, already checked as a widget.
                if self.depth > 0 && mentions_widget(html) {
                    self.nested_widget(range.start);
                }
                pieces.push((fragment.len(), range.start));
                fragment.push_str(html);
            }
        }
        self.buffer.push_source(index);
        match self.rewrite(&fragment, &FragmentMap(pieces)) {
            Some(rewritten) => self.buffer.push_html(|html| html.push_str(&rewritten)),
            None => {
                for inner in index + 1..end {
                    self.buffer.push_source(inner);
                }
            }
        }
        if end < events.len() {
            self.buffer.push_source(end);
        }
        self.end_text_line();
        Some(end + 1)
    }

    /// Transforms an inline HTML tag or comment at `index`.
    pub(crate) fn inline_html(&mut self, events: &[Spanned<'a>], index: usize) {
        let Some((Event::InlineHtml(html), range)) = events.get(index) else {
            self.buffer.push_source(index);
            return;
        };
        if mentions_widget(html) {
            self.nested_widget(range.start);
        }
        match self.rewrite(html, &FragmentMap(vec![(0, range.start)])) {
            Some(rewritten) => self.buffer.push_html(|out| out.push_str(&rewritten)),
            None => self.buffer.push_source(index),
        }
    }

    fn nested_widget(&mut self, offset: usize) {
        self.warning(
            offset,
            "widget-misplaced",
            "a widget comment only works alone on its line, outside lists, quotes and \
             paragraphs; it is left out"
                .to_string(),
            "put `<!-- technote:widget NAME -->` on a line of its own with blank lines around it",
        );
    }

    /// The fragment rewritten, or `None` when it holds nothing to rewrite.
    fn rewrite(&mut self, fragment: &str, map: &FragmentMap) -> Option<String> {
        if !needs_rewriting(fragment) {
            return None;
        }
        let selectors = SELECTORS.as_ref()?;
        let this = RefCell::new(&mut *self);
        let settings = RewriteStrSettings::new()
            .with_strict(false)
            .append_element_content_handler((
                Cow::Borrowed(&selectors.links),
                ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                    let at = map.body_offset(el.source_location().bytes().start);
                    this.borrow_mut().rewrite_link(el, at);
                    Ok(())
                }),
            ))
            .append_element_content_handler((
                Cow::Borrowed(&selectors.images),
                ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                    let at = map.body_offset(el.source_location().bytes().start);
                    this.borrow_mut().rewrite_image(el, at);
                    Ok(())
                }),
            ))
            .append_element_content_handler((
                Cow::Borrowed(&selectors.any),
                ElementContentHandlers::default().element(|el: &mut Element<'_, '_>| {
                    let at = map.body_offset(el.source_location().bytes().start);
                    this.borrow_mut().rewrite_blocked_attributes(el, at);
                    Ok(())
                }),
            ))
            .append_document_content_handler(doc_comments!(|comment| {
                comment.remove();
                Ok(())
            }));
        let rewritten = rewrite_str(fragment, settings);
        match rewritten {
            Ok(html) => Some(html),
            Err(error) => {
                let offset = map.body_offset(0);
                self.warning(
                    offset,
                    "html-unreadable",
                    format!("this HTML cannot be read ({error}); it is left out"),
                    "check that its tags are complete, or write it in Markdown",
                );
                Some(String::new())
            }
        }
    }

    fn rewrite_link(&mut self, el: &mut Element<'_, '_>, offset: usize) {
        let Some(href) = el.get_attribute("href") else {
            return;
        };
        let resolved = self.resolve(LinkType::Inline, &href, LinkKind::Link, offset);
        if resolved.href != href {
            let _valid_name = el.set_attribute("href", &resolved.href);
        }
        if resolved.external {
            add_classes(el, &["external"]);
        }
    }

    fn rewrite_image(&mut self, el: &mut Element<'_, '_>, offset: usize) {
        let Some(src) = el.get_attribute("src") else {
            return;
        };
        let resolved = self.resolve(LinkType::Inline, &src, LinkKind::Image, offset);
        if resolved.external {
            // As in Markdown: a request to another site (which the CSP
            // forbids anyway) only when the reader follows the link.
            let alt = el.get_attribute("alt").unwrap_or_default();
            let mut link = String::from("<a class=\"external external-image\"");
            push_url_attribute(&mut link, "href", &resolved.href);
            link.push('>');
            link.push_str(self.labels.html(Label::ImageExternal));
            if !alt.is_empty() {
                link.push_str(": ");
                push_text(&mut link, &alt);
            }
            link.push_str("<span class=\"visually-hidden\"> ");
            link.push_str(self.labels.html(Label::LinkExternal));
            link.push_str("</span></a>");
            el.replace(&link, ContentType::Html);
            return;
        }
        if resolved.href != src {
            let _valid_name = el.set_attribute("src", &resolved.href);
        }
        if let Some(width) = el.get_attribute("width")
            && let Some(percent) = percent_class(&width)
        {
            el.remove_attribute("width");
            add_classes(el, &[&percent]);
        }
    }

    /// Replaces `style` by classes and drops event handlers.
    fn rewrite_blocked_attributes(&mut self, el: &mut Element<'_, '_>, offset: usize) {
        let handlers: Vec<String> = el
            .attributes()
            .iter()
            .map(|attribute| attribute.name())
            .filter(|name| name.starts_with("on"))
            .collect();
        for name in handlers {
            el.remove_attribute(&name);
            self.warning(
                offset, "html-script-dropped",
                format!("the `{name}` attribute would run a script, which the site does not allow; it is dropped"),
                "link to a page or use the site's widgets instead",
            );
        }
        let Some(style) = el.get_attribute("style") else {
            return;
        };
        el.remove_attribute("style");
        let is_image = el.tag_name() == "img";
        let mut classes = Vec::new();
        let mut lost = Vec::new();
        for declaration in style.split(';') {
            let Some((property, value)) = declaration.split_once(':') else {
                if !declaration.trim().is_empty() {
                    lost.push(declaration.trim().to_string());
                }
                continue;
            };
            let property = property.trim().to_ascii_lowercase();
            let value = value.trim().to_ascii_lowercase();
            match (property.as_str(), value.as_str()) {
                ("text-align", "left" | "center" | "right") => {
                    classes.push(format!("align-{value}"))
                }
                // What a browser does anyway: nothing is lost.
                ("table-layout", "auto") => {}
                ("width", width) if percent_class(width).is_some() => {
                    classes.extend(percent_class(width));
                }
                ("width", width) if is_image && pixels(width).is_some() => {
                    let _valid_name = el.set_attribute("width", pixels(width).unwrap_or(""));
                }
                _ => lost.push(format!("{property}: {value}")),
            }
        }
        let class_refs: Vec<&str> = classes.iter().map(String::as_str).collect();
        add_classes(el, &class_refs);
        if !lost.is_empty() {
            self.warning(
                offset,
                "style-dropped",
                format!(
                    "inline styles are blocked by the site's security policy; `{}` is dropped",
                    lost.join("; ")
                ),
                "keep to text-align, a width in percent (or pixels on an image), or write the \
                 content in Markdown",
            );
        }
    }
}

/// Adds classes to an element's `class` attribute.
fn add_classes(el: &mut Element<'_, '_>, classes: &[&str]) {
    if classes.is_empty() {
        return;
    }
    let mut value = el.get_attribute("class").unwrap_or_default();
    for class in classes {
        if !value.split_whitespace().any(|existing| existing == *class) {
            if !value.is_empty() {
                value.push(' ');
            }
            value.push_str(class);
        }
    }
    let _valid_name = el.set_attribute("class", &value);
}

/// `50%` as the class `width-50` (rounded to 5, as for Markdown images).
fn percent_class(value: &str) -> Option<String> {
    let share: f32 = value.trim().strip_suffix('%')?.trim().parse().ok()?;
    if !(share > 0.0 && share <= 100.0) {
        return None;
    }
    let rounded = ((share / 5.0).round() * 5.0).clamp(5.0, 100.0);
    Some(format!("width-{rounded}"))
}

/// `40px` or `40` as `40`.
fn pixels(value: &str) -> Option<&str> {
    let number = value
        .trim()
        .strip_suffix("px")
        .unwrap_or(value.trim())
        .trim_end();
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(number)
}

/// Whether a fragment may hold a link, an image, a style, an event handler
/// or a comment (most raw HTML, table markup, holds none of them). It errs
/// on the side of yes: a false yes costs a rewrite, a false no would let a
/// handler through.
fn needs_rewriting(fragment: &str) -> bool {
    let lower = fragment.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    if ["<!--", "href", "src", "style"]
        .iter()
        .any(|needle| memmem::find(bytes, needle.as_bytes()).is_some())
    {
        return true;
    }
    // `onclick=` and the like: `on` after white space or `/`, letters, `=`.
    memmem::find_iter(bytes, b"on").any(|at| {
        let before = at.checked_sub(1).and_then(|i| bytes.get(i));
        let attribute_start = before.is_some_and(|b| b.is_ascii_whitespace() || *b == b'/');
        let rest = bytes.get(at + 2..).unwrap_or_default();
        let name_len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let after_name = rest.get(name_len..).unwrap_or_default();
        attribute_start
            && name_len > 0
            && after_name
                .iter()
                .find(|b| !b.is_ascii_whitespace())
                .is_some_and(|b| *b == b'=')
    })
}
