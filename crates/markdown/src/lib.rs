//! Adobe Flavored Markdown (AFM) to HTML, as a pulldown-cmark event transform.
//!
//! [`render`] parses a page body (front matter already removed) with
//! pulldown-cmark, rewrites the event stream for the dialect's extensions and
//! lets pulldown-cmark's own writer produce the HTML. No regular expression
//! ever runs over HTML. Alongside the HTML, the [`Document`] carries what the
//! site needs: the title, the headings for a table of contents, the FAQ for
//! schema.org data, the ids the page defines and the `#id` links it uses, the
//! plain text for search, and every problem found as a [`Diagnostic`].
//!
//! # Markup contract
//!
//! Pages run under a strict Content-Security-Policy: the output has no inline
//! style, no inline script and no event handler attribute. The site's
//! stylesheet and script rely on these classes and shapes:
//!
//! | source | HTML |
//! | --- | --- |
//! | `## Title {#id}` | `<h2 id="id">`; without `{#id}` the id is a slug of the text |
//! | `>[!NOTE]` blockquote (every type: NOTE, TIP, IMPORTANT, CAUTION, WARNING, INFO, ERROR, SUCCESS, ADMIN, AVAILABILITY, PREREQUISITES, MORELIKETHIS) | `<aside class="alert alert-note" role="note" aria-labelledby="L"><p class="alert-title" id="L">Note</p>…</aside>` |
//! | `>[!SIDEBAR]`, a type the dialect does not know | the same, `class="alert alert-note alert-other"`, titled `Sidebar` (and a warning) |
//! | `>[!CONTEXTUALHELP]` | nothing: in-product help data |
//! | `+++ Title {#id}` … `+++` | `<details class="collapsible" id><summary class="collapsible-title">Title</summary><div class="collapsible-body">…</div></details>` |
//! | `[!DNL text]` | `<span translate="no">text</span>` |
//! | `[!UICONTROL text]` | `<span class="uicontrol">text</span>` |
//! | `[!BADGE v7]{type=Informative tooltip="…"}` | `<span class="badge badge-informative" title="…">v7<span class="badge-tooltip"> (…)</span></span>`; `<a class="badge …" href>` with `url=` |
//! | `[!VIDEO](url)` alone in a paragraph (or a quote) | `<figure class="video"><a class="video-link" href="url">Watch the video</a></figure>`; the link's title, when given, is the text |
//! | external link | `<a class="external" href>…<span class="visually-hidden"> (external site)</span></a>` |
//! | `{target="_blank"}` after a link | `target="_blank" rel="noopener noreferrer"` plus a hidden "opens in a new tab" note |
//! | `![alt](path)` | `<img src alt loading="lazy">` |
//! | `{width="50%" align=center zoomable=yes}` after an image | `class="image-center width-50"`, the image inside `<a class="image-zoom" href>` |
//! | FAQ section | `<div class="faq"><details class="faq-entry" id><summary class="faq-question">…</summary><div class="faq-answer">…</div></details>…</div>` |
//! | tab set | `<div class="tabs" data-tabs-label="…"><section class="tab-panel" id><hN class="tab-title">Title</hN>…</section>…</div>` |
//! | ```` ```rust ```` fenced code naming a language the grammars know | `<pre><code class="language-rust">` with tokens in `<span class="hl-keyword">` (`hl-comment`, `hl-string`, `hl-number`, `hl-function`, `hl-type`, `hl-tag`, `hl-attribute`); other code as written |
//! | pipe table column alignment | `class="align-left"`, `align-center`, `align-right` on `th`/`td` (never `style`) |
//!
//! Alerts use `role="note"`, never `role="alert"`: `alert` is a live region
//! meant for messages that appear while the reader is on the page, and on a
//! static page it would either interrupt the reader at load or say nothing.
//! `<aside>` alone would be a complementary landmark, which an alert inside
//! the text is not; `role="note"` (allowed on `aside`) says what it is, and
//! the visible, localized title names it through `aria-labelledby`.
//!
//! Tab sets read as plain sections without JavaScript: each panel is a
//! `<section class="tab-panel">` with an id and a heading of class
//! `tab-title`, one level below the section the set appears in. The site's
//! script turns the direct `.tab-panel` children of `.tabs` into a WAI-ARIA
//! tablist named by the container's `data-tabs-label`, taking each tab's name
//! from the panel's `.tab-title` and selecting the panel whose id is in the
//! URL's fragment.
//!
//! FAQ entries are `<details>` elements: keyboard and screen-reader friendly
//! with no script; the site's script opens the one a fragment points to.
//!
//! Every id in the output is unique on the page and listed in
//! [`Document::anchors`]. Raw HTML written by authors (tables…) is trusted and
//! passed through, except that its `<a href>` and `<img src>` go through the
//! [`LinkResolver`] like Markdown links, inline `style` becomes classes,
//! event handler attributes are dropped and comments are left out.

pub mod attributes;

mod alerts;
mod blocks;
mod buffer;
mod code_blocks;
mod collapsible;
mod document;
mod events;
mod html;
mod ids;
mod inline_markers;
mod labels;
mod link_events;
mod links;
mod marker_events;
mod markers;
mod positions;
mod raw_html;
mod renderer;
mod table_attributes;
mod tables;
mod transform;

use std::path::Path;

pub use document::{Anchor, AnchorRef, Document, FaqEntry, Heading, Segment};
pub use inline_markers::plain_text;
pub use labels::{LabelText, MESSAGE_IDS};
pub use technote_diagnostics::Diagnostic;

/// What [`render`] needs besides the Markdown body.
pub struct RenderOptions<'a> {
    /// The source file, named in diagnostics.
    pub file: &'a Path,
    /// 1-based line of the body's first line in the file (after the front matter).
    pub first_line: u32,
    /// Localized UI label for a Fluent message id of [`MESSAGE_IDS`], e.g. `alert-note`.
    pub messages: &'a dyn Fn(&str) -> LabelText,
    /// Rewrites relative link and image destinations.
    pub links: &'a dyn LinkResolver,
    /// Deepest nesting of Markdown elements accepted (lists in lists, quotes
    /// in quotes, emphasis inside them...). A deeper block is reported as an
    /// error and left out of the HTML, so hostile input cannot make the page
    /// (or a browser's parser) arbitrarily deep.
    pub max_nesting: usize,
    /// Most cells the page's pipe tables may have together, counting the
    /// empty cells of rows shorter than their header. They are counted
    /// before parsing, because pulldown-cmark builds every cell of the page
    /// before the first event; the table that goes over and the tables
    /// after it are reported and left out.
    pub max_table_cells: usize,
}

/// The nesting limit sites use unless their configuration says otherwise.
pub const DEFAULT_MAX_NESTING: usize = 256;

/// The table cell limit sites use unless their configuration says otherwise.
pub const DEFAULT_MAX_TABLE_CELLS: usize = 100_000;

/// Turns the relative destinations written in Markdown into the hrefs of the
/// built site.
pub trait LinkResolver {
    /// Called for every link and image destination that is not an absolute
    /// URL (`scheme:` or `//host`), not `mailto:` and not a same-page
    /// `#anchor`. Returns the href to write, or `None` to keep the destination
    /// unchanged. The resolver reports its own problems (missing pages…).
    fn resolve(&self, link: &LinkRef<'_>) -> Option<ResolvedLink>;
}

/// A resolver that keeps every destination as written, for callers that have
/// no site around the page (previews, tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct KeepLinks;

impl LinkResolver for KeepLinks {
    fn resolve(&self, _link: &LinkRef<'_>) -> Option<ResolvedLink> {
        None
    }
}

/// A destination found in the Markdown, with its position in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkRef<'a> {
    /// The destination as written (entities decoded), e.g. `../a.md#x`.
    pub dest: &'a str,
    pub kind: LinkKind,
    /// 1-based line in the file.
    pub line: u32,
    /// 1-based column in characters.
    pub column: u32,
}

/// Whether a destination is followed (link) or embedded (image).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    Link,
    Image,
}

/// The href a [`LinkResolver`] chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedLink {
    pub href: String,
    /// True when the href leaves the site: the link is marked as external.
    pub external: bool,
}

/// Renders one page body. Never panics on any input; problems are in
/// [`Document::diagnostics`].
pub fn render(body: &str, options: &RenderOptions<'_>) -> Document {
    let Some(over) = tables::cells::over_budget(body, options.max_table_cells) else {
        return renderer::Renderer::new(body, options).run();
    };
    let mut document = renderer::Renderer::new(&over.without_tables(body), options).run();
    document.diagnostics.push(over.diagnostic(body, options));
    document
}
