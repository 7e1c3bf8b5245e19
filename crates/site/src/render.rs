//! One page from Markdown to its HTML file, and the checks that need every
//! page rendered (anchors of other pages).
//!
//! A page's HTML depends only on its own Markdown and on where the other
//! pages are, so each page is rendered, templated and written in one go and
//! only a small [`PageRecord`] stays in memory: a 10,000-page site never
//! holds 10,000 pages of HTML.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use technote_diagnostics::Diagnostic;
use technote_i18n::has_fallback_marks;
use technote_markdown::{Document, LabelText, MESSAGE_IDS, RenderOptions};

use crate::badges::badge_views;
use crate::links::{AssetCopy, PageLinks, PendingAnchor, SiteLinks};
use crate::load::{Body, Project};
use crate::pages::{OutputFile, PageSet};
use crate::templates::Templates;
use crate::widgets::Widgets;

/// What rendering a page leaves behind: enough to check links into and out
/// of it, and to copy its assets, without keeping its HTML.
pub struct PageRecord {
    pub anchors: AnchorSet,
    /// Links to other pages whose `#anchor` is checked once every page rendered.
    pub pending: Vec<PendingAnchor>,
    pub assets: Vec<AssetCopy>,
    /// Problems of the page itself: Markdown, prose, links, `#id` links.
    pub diagnostics: Vec<Diagnostic>,
    /// What the locale's search index needs of the page; shared with the
    /// snapshots the preview indexes in the background.
    pub search: Arc<SearchText>,
}

impl PageRecord {
    /// The record of a page that could not be read: only its problem.
    pub fn unreadable(problem: Diagnostic) -> Self {
        Self {
            anchors: AnchorSet::default(),
            pending: Vec::new(),
            assets: Vec::new(),
            diagnostics: vec![problem],
            search: Arc::new(SearchText::default()),
        }
    }
}

/// A page's plain text, cut into sections at its headings and FAQ questions.
#[derive(Default, PartialEq, Eq)]
pub struct SearchText {
    pub title: String,
    pub text: String,
    /// (anchor id, heading or question), in page order.
    pub starts: Vec<(String, String)>,
}

impl SearchText {
    fn from_document(document: &mut Document, fallback_title: &str) -> Self {
        let mut starts: Vec<(u32, String, String)> = document
            .headings
            .iter()
            .map(|h| (h.line, h.id.clone(), h.text.clone()))
            .chain(
                document
                    .faq
                    .iter()
                    .map(|f| (f.line, f.id.clone(), f.question.clone())),
            )
            .collect();
        starts.sort_by_key(|(line, _, _)| *line);
        let mut text = std::mem::take(&mut document.text);
        // Kept for every page until the index is built: no spare capacity.
        text.shrink_to_fit();
        Self {
            title: document
                .title
                .clone()
                .unwrap_or_else(|| fallback_title.to_string()),
            text,
            starts: starts
                .into_iter()
                .map(|(_, id, heading)| (id, heading))
                .collect(),
        }
    }
}

/// A page's HTML file: `None` when the page has errors (they are in its
/// record), an error when its template failed.
pub type PageFile = Option<Result<OutputFile, Diagnostic>>;

/// Everything pages need to render, prepared once per build.
pub struct PageRenderer<'a> {
    project: &'a Project,
    links: SiteLinks<'a>,
    page_set: PageSet<'a>,
    /// The Markdown labels of each locale, formatted once per build.
    labels: Vec<HashMap<&'static str, LabelText>>,
}

impl<'a> PageRenderer<'a> {
    pub fn new(
        project: &'a Project,
        root: &'a Path,
        templates: &'a Templates,
        widgets: &'a Widgets,
        live_reload: bool,
    ) -> Self {
        let links = SiteLinks {
            routes: &project.routes,
            base_path: project.config.base_path(),
            external_docs_base: &project.config.external_docs_base,
            locale_folders: &project.locale_folders,
            root,
            locale_tags: &project.locale_tags,
            reference_locale: project.reference,
            page_urls: &project.page_urls,
            assets: &project.assets,
            check: &project.config.link_check,
        };
        let labels = project
            .locales
            .iter()
            .map(|locale| {
                MESSAGE_IDS
                    .iter()
                    .filter_map(|&id| {
                        // Marked when in the reference locale's words, and
                        // resolved here as `fallback_text` resolves a
                        // template's marks: the body needs no pass of its own.
                        let localizer = &project.localizer;
                        let text = localizer.format_for_page(locale, id, None).ok()?;
                        let label = if has_fallback_marks(&text) {
                            LabelText::marked_up(
                                localizer.isolate_fallbacks(&text, locale),
                                &text,
                                |html| localizer.mark_up_fallbacks(html),
                            )
                        } else {
                            LabelText::plain(text)
                        };
                        Some((id, label))
                    })
                    .collect()
            })
            .collect();
        Self {
            project,
            links,
            page_set: PageSet::new(project, templates, widgets, live_reload),
            labels,
        }
    }

    /// The templates of the pages that are not technotes (homes, sitemap…).
    pub fn page_set(&self) -> &PageSet<'a> {
        &self.page_set
    }

    /// Renders the technote at `index` from its Markdown `body`.
    pub fn render(&self, index: usize, body: &Body) -> (PageRecord, PageFile) {
        let project = self.project;
        let page = &project.pages[index];
        let links = PageLinks::new(
            &self.links,
            page.locale,
            &page.source.rel_path,
            &page.source.path,
        );
        let labels = self.labels.get(page.locale);
        let messages = |id: &str| {
            labels
                .and_then(|labels| labels.get(id))
                .cloned()
                .unwrap_or_else(|| LabelText::plain(id))
        };
        let options = RenderOptions {
            file: &page.source.path,
            first_line: body.first_line,
            messages: &messages,
            links: &links,
            max_nesting: project.config.limits.max_nesting,
            max_table_cells: project.config.limits.max_table_cells,
        };
        let mut document = technote_markdown::render(&body.markdown, &options);
        let mut diagnostics = body.warnings.clone();
        diagnostics.append(&mut document.diagnostics);
        diagnostics.extend(crate::prose::check_minimum_mentions(
            self.page_set.widgets().release_catalog(),
            page,
            body,
            &document,
        ));
        diagnostics.extend(links.diagnostics.take());
        let anchors = AnchorSet::new(document.anchors.iter().map(|a| a.id.as_str()));
        diagnostics.extend(same_page_anchors(project, index, &document, &anchors));
        let badges = badge_views(page, &links, &project.config.limits);
        diagnostics.extend(links.diagnostics.take());
        let has_errors = diagnostics.iter().any(Diagnostic::is_error);
        let copied = copied_from(project, index, body);
        let file = (!has_errors).then(|| self.page_set.technote(index, &document, &badges, copied));
        let record = PageRecord {
            anchors,
            pending: links.anchors.take(),
            assets: links.assets.take(),
            diagnostics,
            search: Arc::new(SearchText::from_document(&mut document, &page.front.title)),
        };
        (record, file)
    }
}

/// The reference-locale page whose Markdown page `index` still is, word for
/// word (`technote new technote --from` copied it, nobody translated it
/// yet): its text is in that page's language, which the page then says.
/// Only a translation into another language reads its source again.
fn copied_from(project: &Project, index: usize, body: &Body) -> Option<usize> {
    let page = &project.pages[index];
    let reference = &project.locales[project.reference];
    if project.locales[page.locale].language == reference.language {
        return None;
    }
    let source = project
        .routes
        .translations(index)
        .iter()
        .copied()
        .find(|&other| project.pages[other].locale == project.reference)?;
    let path = &project.pages[source].source.path;
    let limits = &project.config.limits;
    let bytes = technote_content::read_source(path, limits).ok()?;
    let (markdown, _) = technote_content::source_body(path, &bytes, limits).ok()?;
    (markdown == body.markdown).then_some(source)
}

/// Every `#anchor` link of a page must name an id the page defines.
fn same_page_anchors(
    project: &Project,
    index: usize,
    document: &Document,
    anchors: &AnchorSet,
) -> Vec<Diagnostic> {
    let file = &project.pages[index].source.path;
    let severity = project.config.link_check.anchors;
    document
        .same_page_links
        .iter()
        // `#%E6%A6%82…` names the id `概…`, as in a browser.
        .filter(|link| {
            let id = percent_encoding::percent_decode_str(&link.id).decode_utf8_lossy();
            !id.is_empty() && !anchors.contains(&id)
        })
        .map(|link| {
            Diagnostic::error(
                file,
                format!("`#{}` is not an anchor of this page", link.id),
            )
            .with_code("anchor-missing")
            .at(link.line, link.column)
            .with_help(suggestion(anchors))
            .with_severity(severity)
        })
        .collect()
}

/// Every `page.md#anchor` link of page `index` must name an id the target
/// defines; `records` holds every page, by index.
pub fn check_anchors(project: &Project, records: &[PageRecord], index: usize) -> Vec<Diagnostic> {
    let Some(record) = records.get(index) else {
        return Vec::new();
    };
    let file = &project.pages[index].source.path;
    let severity = project.config.link_check.anchors;
    let mut diagnostics = Vec::new();
    for pending in &record.pending {
        let Some(target) = records.get(pending.target) else {
            continue;
        };
        if !target.anchors.contains(&pending.anchor) {
            let target_file = &project.pages[pending.target].source.path;
            diagnostics.push(
                Diagnostic::error(
                    file,
                    format!(
                        "`#{}` is not an anchor of {}",
                        pending.anchor,
                        target_file.display()
                    ),
                )
                .with_code("anchor-missing")
                .at(pending.line, pending.column)
                .with_help(suggestion(&target.anchors))
                .with_severity(severity),
            );
        }
    }
    diagnostics
}

fn suggestion(anchors: &AnchorSet) -> String {
    let first: Vec<&str> = anchors.ids.iter().take(12).map(AsRef::as_ref).collect();
    format!("anchors there include: {}", first.join(", "))
}

/// The ids a page defines, sorted: every page's set is kept until all links
/// are checked, so it is as small as a sorted list is.
#[derive(Default)]
pub struct AnchorSet {
    ids: Box<[Box<str>]>,
}

impl AnchorSet {
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut ids: Vec<Box<str>> = ids.into_iter().map(Box::from).collect();
        ids.sort_unstable();
        ids.dedup();
        Self {
            ids: ids.into_boxed_slice(),
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.binary_search_by(|probe| (**probe).cmp(id)).is_ok()
    }
}
