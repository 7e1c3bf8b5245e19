//! Markdown to page bodies, in parallel, then the checks that need every
//! page rendered (anchors of other pages).

use std::collections::HashSet;

use rayon::prelude::*;
use technote_diagnostics::Diagnostic;
use technote_markdown::{Document, RenderOptions};

use crate::links::{AssetCopy, PageLinks, PendingAnchor, SiteLinks};
use crate::load::Project;

/// One page after Markdown rendering.
pub struct RenderedPage {
    pub document: Document,
    pub anchors: HashSet<String>,
    pub pending: Vec<PendingAnchor>,
    pub assets: Vec<AssetCopy>,
}

/// Renders every page's Markdown; returns the pages and every problem found.
pub fn render_all(
    project: &Project,
    content_dir: &std::path::Path,
) -> (Vec<RenderedPage>, Vec<Diagnostic>) {
    let site = SiteLinks {
        routes: &project.routes,
        base_path: project.config.base_path(),
        external_docs_base: &project.config.external_docs_base,
        content_dir,
        locale_tags: &project.locale_tags,
        reference_locale: project.reference,
        page_urls: &project.page_urls,
        check: &project.config.link_check,
    };
    let results: Vec<(RenderedPage, Vec<Diagnostic>)> = project
        .pages
        .par_iter()
        .map(|page| {
            let locale = &project.locales[page.locale];
            let links =
                PageLinks::new(&site, page.locale, &page.source.rel_path, &page.source.path);
            let messages = |id: &str| {
                project
                    .localizer
                    .format(locale, id, None)
                    .unwrap_or_else(|_| id.to_string())
            };
            let options = RenderOptions {
                file: &page.source.path,
                first_line: page.body_line,
                messages: &messages,
                links: &links,
                max_nesting: project.config.limits.max_nesting,
            };
            let document = technote_markdown::render(&page.body, &options);
            let mut diagnostics = document.diagnostics.clone();
            diagnostics.extend(crate::prose::check_minimum_mentions(page, &document));
            diagnostics.extend(links.diagnostics.take());
            let anchors = document.anchors.iter().map(|a| a.id.clone()).collect();
            let rendered = RenderedPage {
                anchors,
                pending: links.anchors.take(),
                assets: links.assets.take(),
                document,
            };
            (rendered, diagnostics)
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut diagnostics = Vec::new();
    for (page, d) in results {
        pages.push(page);
        diagnostics.extend(d);
    }
    diagnostics.extend(check_anchors(project, &pages));
    (pages, diagnostics)
}

/// Every `page.md#anchor` and `#anchor` must name an id the target defines.
fn check_anchors(project: &Project, rendered: &[RenderedPage]) -> Vec<Diagnostic> {
    let severity = project.config.link_check.anchors;
    let mut diagnostics = Vec::new();
    for (index, page) in rendered.iter().enumerate() {
        let file = &project.pages[index].source.path;
        for pending in &page.pending {
            let Some(target) = rendered.get(pending.target) else {
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
                    .at(pending.line, pending.column)
                    .with_help(suggestion(&target.anchors))
                    .with_severity(severity),
                );
            }
        }
        for link in &page.document.same_page_links {
            if !link.id.is_empty() && !page.anchors.contains(&link.id) {
                diagnostics.push(
                    Diagnostic::error(
                        file,
                        format!("`#{}` is not an anchor of this page", link.id),
                    )
                    .at(link.line, link.column)
                    .with_help(suggestion(&page.anchors))
                    .with_severity(severity),
                );
            }
        }
    }
    diagnostics
}

fn suggestion(anchors: &HashSet<String>) -> String {
    let mut ids: Vec<&str> = anchors.iter().map(String::as_str).collect();
    ids.sort_unstable();
    ids.truncate(12);
    format!("anchors there include: {}", ids.join(", "))
}
