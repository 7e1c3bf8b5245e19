//! `technote check`: runs every check of a build without writing anything,
//! and adds what translators need: the Fluent lint against the reference
//! locale, coverage of UI strings and technotes, the fallbacks readers would
//! see, and translations whose source has changed since they were made.

mod freshness;
mod front_keys;
mod front_lines;
mod pairing;
mod sarif;
pub mod source_hash;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use technote_content::SiteConfig;
use technote_diagnostics::{Diagnostic, Severity};
use technote_i18n::Localizer;
use technote_site::{BuildOptions, CheckedPage};

pub use sarif::sarif;

/// Everything `technote check` found.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub diagnostics: Vec<Diagnostic>,
    pub locales: Vec<LocaleReport>,
    /// `deny_warnings = true` in technote.toml: warnings fail the check.
    #[serde(skip)]
    pub deny_warnings: bool,
}

/// Coverage of one locale.
#[derive(Debug, Serialize)]
pub struct LocaleReport {
    pub locale: String,
    pub ui_translated: usize,
    pub ui_total: usize,
    /// Messages whose text is the reference's word for word (copied, not
    /// translated), not counted in `ui_translated`.
    pub ui_unchanged: Vec<String>,
    /// Messages this locale takes from another locale of its fallback chain.
    pub fallbacks: Vec<Fallback>,
    pub technotes_translated: usize,
    pub technotes_total: usize,
    /// Technotes (by path in the locale that has them) missing in this locale.
    pub missing_technotes: Vec<String>,
    /// Technotes of this locale whose body is their source's, unchanged:
    /// copied, not translated, so not counted in `technotes_translated`.
    pub copied_technotes: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct Fallback {
    pub message: String,
    pub from: String,
}

impl CheckReport {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The checks of pages a build does not make, without git: unpaired and
/// missing `exl-id`s and misspelt front-matter keys, for the preview to show
/// as a writer saves (the staleness check waits for `check`: it asks git).
pub fn page_warnings(options: &BuildOptions) -> Vec<Diagnostic> {
    let Ok(config) = SiteConfig::load(&options.config) else {
        return Vec::new();
    };
    let pages = readable_pages(options, &config);
    pairing::pairing_problems(&pages, &config)
        .into_iter()
        .chain(front_keys::unknown_key_problems(&pages, &config))
        .map(|d| d.relative_to(&options.root))
        .collect()
}

/// Runs every check. Never writes a file.
pub fn check(options: &BuildOptions) -> CheckReport {
    let checked = technote_site::check(options);
    let mut diagnostics = checked.diagnostics;
    let Ok(config) = SiteConfig::load(&options.config) else {
        // The site check above already reported the config problem.
        return CheckReport {
            diagnostics,
            locales: Vec::new(),
            deny_warnings: false,
        };
    };
    let lint = technote_i18n::lint::compare_locales_over(
        &technote_site::builtin_ftl(),
        &options.locales,
        &config.reference_locale,
        &config.locales,
    );
    let reference_total = lint.coverage.first().map_or(0, |c| c.total);
    let ui_coverage: BTreeMap<String, (usize, usize, Vec<String>)> = lint
        .coverage
        .iter()
        .map(|c| {
            let coverage = (c.translated, c.total, c.unchanged.clone());
            (c.locale.to_string(), coverage)
        })
        .collect();
    // The build reports the same syntax errors the lint does.
    let mut seen: HashSet<Diagnostic> = diagnostics.iter().cloned().collect();
    for diagnostic in lint
        .diagnostics
        .into_iter()
        .map(|d| d.relative_to(&options.root))
    {
        if seen.insert(diagnostic.clone()) {
            diagnostics.push(diagnostic);
        }
    }

    let localizer = Localizer::load_over(
        &technote_site::builtin_ftl(),
        &options.locales,
        &config.locales,
        &config.reference_locale,
    )
    .ok();
    let pages = if checked.pages.is_empty() {
        readable_pages(options, &config)
    } else {
        checked.pages
    };
    let groups = translation_groups(&pages);
    let copies = copied_technotes(&pages, &config);
    diagnostics.extend(
        pairing::pairing_problems(&pages, &config)
            .into_iter()
            .chain(front_keys::unknown_key_problems(&pages, &config))
            .map(|d| d.relative_to(&options.root)),
    );
    diagnostics.extend(
        freshness::stale_translations(&options.root, &options.content, &pages, &config)
            .into_iter()
            .map(|d| d.relative_to(&options.root)),
    );

    let reference_ids: Vec<String> = localizer
        .as_ref()
        .map(|l| l.message_ids(&config.reference_locale))
        .unwrap_or_default();
    let locales = config
        .locales
        .iter()
        .map(|locale| {
            let tag = locale.to_string();
            let fallbacks = localizer
                .as_ref()
                .map(|l| {
                    reference_ids
                        .iter()
                        .filter_map(|id| {
                            let provider = l.provider(locale, id)?;
                            (provider != *locale).then(|| Fallback {
                                message: id.clone(),
                                from: provider.to_string(),
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            // The reference locale is complete by definition.
            let (ui_translated, ui_total, ui_unchanged) = ui_coverage
                .get(&tag)
                .cloned()
                .unwrap_or((reference_total, reference_total, Vec::new()));
            let copied_technotes: Vec<String> = copies
                .iter()
                .filter(|(locale, _)| *locale == tag)
                .map(|(_, path)| path.clone())
                .collect();
            let missing_technotes: Vec<String> = groups
                .values()
                .filter(|members| !members.contains_key(&tag))
                .filter_map(|members| members.values().next().cloned())
                .collect();
            LocaleReport {
                technotes_translated: groups.len()
                    - missing_technotes.len()
                    - copied_technotes.len(),
                ui_unchanged,
                copied_technotes,
                technotes_total: groups.len(),
                locale: tag,
                ui_translated,
                ui_total,
                fallbacks,
                missing_technotes,
            }
        })
        .collect();
    diagnostics.sort_by(|a, b| {
        (a.severity, &a.file, a.line, a.column).cmp(&(b.severity, &b.file, b.line, b.column))
    });
    CheckReport {
        diagnostics,
        locales,
        deny_warnings: config.deny_warnings,
    }
}

/// The pages whose front matter can be read, when the site could not be
/// read as a whole: coverage is still worth reporting then.
fn readable_pages(options: &BuildOptions, config: &SiteConfig) -> Vec<CheckedPage> {
    let files = technote_content::discover(&options.content, config)
        .map(|d| d.pages)
        .unwrap_or_default();
    files
        .into_par_iter()
        .filter_map(|file| {
            let bytes = technote_content::read_source(&file.path, &config.limits).ok()?;
            let front =
                technote_content::parse_front_matter(&file.path, &bytes, &config.limits).ok()?;
            Some(CheckedPage { file, front })
        })
        .collect()
}

/// (locale, display path) of each page whose body is, byte for byte, the
/// body of the reference-locale page with its `exl-id`.
fn copied_technotes(pages: &[CheckedPage], config: &SiteConfig) -> Vec<(String, String)> {
    let body = |page: &CheckedPage| {
        let bytes = technote_content::read_source(&page.file.path, &config.limits).ok()?;
        technote_content::source_body(&page.file.path, &bytes, &config.limits)
            .ok()
            .map(|(body, _)| body)
    };
    let sources: BTreeMap<&str, &CheckedPage> = pages
        .iter()
        .filter(|p| p.file.locale == config.reference_locale)
        .filter_map(|p| Some((p.front.exl_id.as_deref()?, p)))
        .collect();
    let mut copies: Vec<(String, String)> = pages
        .par_iter()
        .filter(|p| p.file.locale != config.reference_locale)
        .filter_map(|page| {
            let source = sources.get(page.front.exl_id.as_deref()?)?;
            let (mine, theirs) = (body(page)?, body(source)?);
            (!mine.trim().is_empty() && mine == theirs).then(|| {
                let display = PathBuf::from("content")
                    .join(page.file.locale.to_string())
                    .join(&page.file.rel_path);
                (
                    page.file.locale.to_string(),
                    display.to_string_lossy().into_owned(),
                )
            })
        })
        .collect();
    copies.sort();
    copies
}

/// Translation group (exl-id, else path) → locale → display path.
fn translation_groups(pages: &[CheckedPage]) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut groups: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for page in pages {
        let key = page
            .front
            .exl_id
            .clone()
            .unwrap_or_else(|| format!("path:{}", page.file.rel_path));
        let display = PathBuf::from("content")
            .join(page.file.locale.to_string())
            .join(&page.file.rel_path);
        groups.entry(key).or_default().insert(
            page.file.locale.to_string(),
            display.to_string_lossy().into_owned(),
        );
    }
    groups
}
