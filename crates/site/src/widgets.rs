//! Widgets placed in sources with `<!-- technote:widget NAME -->`: each is
//! rendered from `templates/widgets/NAME.html` with the page's context plus
//! the release catalog. A declared check (`<page>.check.toml` beside its
//! technote) is the widget `check-<id>`, rendered from
//! `templates/widgets/check.html`; what it needs comes from
//! `technote-live-checks`, the site's one door to the checks.

use std::collections::HashSet;
use std::path::Path;

use technote_diagnostics::Diagnostic;
use technote_i18n::Localizer;
use technote_markdown::Segment;
use tera::Context;
use unic_langid::LanguageIdentifier;

use crate::templates::Templates;
use technote_live_checks::{ReleaseCatalog, SiteCatalog, SiteChecks};

/// The template of every declared check's form.
const CHECK_TEMPLATE: &str = "widgets/check.html";

/// Data the widget templates need, prepared once per build.
pub struct Widgets {
    release_catalog: ReleaseCatalog,
    catalog: serde_json::Value,
    names: Vec<String>,
    checks: SiteChecks,
}

impl Widgets {
    /// Reads and proves the site's release catalog, then its declared
    /// checks against it; every problem of the checks is reported at once.
    pub fn prepare(
        templates: &Templates,
        catalog: &SiteCatalog,
        reference_content: &Path,
        reference_files: &HashSet<String>,
        localizer: &Localizer,
        locales: &[LanguageIdentifier],
        reference: &LanguageIdentifier,
    ) -> Result<Self, Vec<Diagnostic>> {
        // Checks name the catalog's releases: they are proven only against
        // a catalog that holds.
        let release_catalog = catalog.load()?;
        let checks = SiteChecks::load(
            &release_catalog,
            reference_content,
            reference_files,
            localizer,
            locales,
            reference,
        )?;
        let names = templates
            .widget_templates()
            .into_iter()
            .filter(|template| template != CHECK_TEMPLATE)
            .filter_map(|template| {
                let name = template.strip_prefix("widgets/")?.strip_suffix(".html")?;
                Some(name.to_string())
            })
            .collect();
        Ok(Self {
            catalog: release_catalog.minimum_releases_data(),
            release_catalog,
            names,
            checks,
        })
    }

    /// The release catalog the site is built with.
    pub fn release_catalog(&self) -> &ReleaseCatalog {
        &self.release_catalog
    }

    /// Joins a page's segments into its body HTML, rendering its widgets.
    pub fn body(
        &self,
        templates: &Templates,
        locale: &LanguageIdentifier,
        file: &Path,
        segments: &[Segment],
        context: &mut Context,
    ) -> Result<String, Diagnostic> {
        // Widget data is sizeable: only pages with widgets carry it.
        let has_widgets = segments
            .iter()
            .any(|segment| matches!(segment, Segment::Widget { .. }));
        if has_widgets {
            context.insert("catalog", &self.catalog);
        }
        let html_len: usize = segments
            .iter()
            .map(|segment| match segment {
                Segment::Html(html) => html.len(),
                Segment::Widget { .. } => 0,
            })
            .sum();
        let mut body = String::with_capacity(html_len);
        for segment in segments {
            match segment {
                Segment::Html(html) => body.push_str(html),
                Segment::Widget { name, line } => {
                    if let Some((view, id)) = self.checks.for_widget(name) {
                        context.insert("check", view);
                        context.insert(
                            "check_data",
                            self.checks.page_data(id, locale).unwrap_or("{}"),
                        );
                        if let Some(texts) = self.checks.decision_steps(id, locale) {
                            context.insert("check_steps", texts);
                        }
                        body.push_str(&templates.render(locale, CHECK_TEMPLATE, context)?);
                        continue;
                    }
                    if !self.names.iter().any(|n| n == name) {
                        let known: Vec<String> = self
                            .names
                            .iter()
                            .cloned()
                            .chain(self.checks.widget_names())
                            .collect();
                        return Err(Diagnostic::error(file, format!("unknown widget `{name}`"))
                            .with_code("widget-unknown")
                            .at_line(*line)
                            .with_help(format!(
                                "known widgets: {} (a check is the widget check-<id> of its <page>.check.toml)",
                                known.join(", ")
                            )));
                    }
                    body.push_str(&templates.render(
                        locale,
                        &format!("widgets/{name}.html"),
                        context,
                    )?);
                }
            }
        }
        Ok(body)
    }
}
