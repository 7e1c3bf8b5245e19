//! Running builds and telling the terminal and the tabs how they went.
//!
//! One [`SiteBuilder`] lives as long as the preview: the first build renders
//! everything, and each save renders again only the pages it touches.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use technote_content::SiteConfig;
use technote_diagnostics::Diagnostic;
use technote_site::{BuildOptions, SiteBuilder};
use tokio::sync::{mpsc, watch};

use crate::status::{LatestBuild, SiteStatus, diagnostics_json};
use crate::terminal::{complain, say};
use crate::watch::absolute;

/// Why a build runs: for its line in the terminal, and for what it renders.
pub(crate) enum Trigger {
    Start,
    Changed(Vec<PathBuf>),
}

/// The preview's builder, shared with the blocking pool that runs its builds.
pub(crate) type SharedBuilder = Arc<Mutex<SiteBuilder>>;

/// Builds what `trigger` calls for and publishes the outcome. The build is
/// synchronous and CPU-bound, so it runs on the blocking pool; a panic in it
/// becomes a diagnostic instead of taking the preview down, and the next
/// change then builds everything (the builder forgets a site it was
/// changing when it stops half-way).
pub(crate) async fn build_and_publish(
    builder: &SharedBuilder,
    options: &BuildOptions,
    status: &watch::Sender<SiteStatus>,
    trigger: Trigger,
) {
    let started = Instant::now();
    let job = Arc::clone(builder);
    let changed = match &trigger {
        Trigger::Start => None,
        Trigger::Changed(paths) => Some(paths.clone()),
    };
    let outcome = tokio::task::spawn_blocking(move || {
        let mut builder = job.lock().unwrap_or_else(PoisonError::into_inner);
        match changed {
            None => builder.build_all(),
            Some(paths) => builder.rebuild(&paths),
        }
    })
    .await
    .unwrap_or_else(|crash| Err(vec![crash_diagnostic(options, crash)]));
    let elapsed_ms = started.elapsed().as_millis();
    match outcome {
        Ok(report) => {
            for warning in &report.warnings {
                complain(format_args!("{warning}"));
            }
            // The translators' and writers' warnings `technote check` gives
            // (at their .ftl lines, unpaired exl-ids, misspelt keys): the
            // build itself goes past those mistakes.
            let mut lint = fluent_warnings(options);
            lint.extend(technote_check::page_warnings(options));
            for warning in &lint {
                complain(format_args!("{warning}"));
            }
            let warnings: Vec<Diagnostic> = report.warnings.iter().cloned().chain(lint).collect();
            let what = match &trigger {
                Trigger::Start => "built".to_string(),
                Trigger::Changed(paths) => {
                    format!("{}, rebuilt", describe_changes(paths, &options.root))
                }
            };
            let pages = match (&trigger, report.pages) {
                (Trigger::Start, count) => format!("{count} pages"),
                (Trigger::Changed(_), 1) => "1 page rendered".to_string(),
                (Trigger::Changed(_), count) => format!("{count} pages rendered"),
            };
            say(format_args!("{what} in {elapsed_ms} ms ({pages})"));
            let base_path = base_path(options).unwrap_or_else(|| status.borrow().base_path.clone());
            let latest = LatestBuild::Succeeded(diagnostics_json(&warnings));
            status.send_replace(SiteStatus::new(base_path, latest));
        }
        Err(diagnostics) => publish_failure(&diagnostics, status, elapsed_ms),
    }
}

/// Prints the problems and shows them in every tab over the last good site.
fn publish_failure(
    diagnostics: &[Diagnostic],
    status: &watch::Sender<SiteStatus>,
    elapsed_ms: u128,
) {
    for diagnostic in diagnostics {
        complain(format_args!("{diagnostic}"));
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    complain(format_args!(
        "build failed with {errors} error{} in {elapsed_ms} ms; still serving the last good site",
        if errors == 1 { "" } else { "s" }
    ));
    let payload = diagnostics_json(diagnostics);
    status.send_modify(|current| current.latest = LatestBuild::Failed(payload));
}

/// Rebuilds after each batch of changes until the watcher goes away. A
/// change of the release catalog the project names rebuilds every page
/// with it (its mistakes are shown as any build's). Changes that arrive
/// during a build are merged into the next one.
pub(crate) async fn rebuild_on_changes(
    builder: SharedBuilder,
    options: BuildOptions,
    status: watch::Sender<SiteStatus>,
    mut changes: mpsc::UnboundedReceiver<Vec<PathBuf>>,
) {
    while let Some(mut paths) = changes.recv().await {
        while let Ok(more) = changes.try_recv() {
            paths.extend(more);
        }
        paths.sort();
        paths.dedup();
        build_and_publish(&builder, &options, &status, Trigger::Changed(paths)).await;
    }
}

/// The Fluent lint of every locale against the reference (a few ms).
fn fluent_warnings(options: &BuildOptions) -> Vec<Diagnostic> {
    let Ok(config) = SiteConfig::load(&options.config) else {
        return Vec::new();
    };
    technote_i18n::lint::compare_locales_over(
        &technote_site::builtin_ftl(),
        &options.locales,
        &config.reference_locale,
        &config.locales,
    )
    .diagnostics
    .into_iter()
    .map(|d| d.relative_to(&options.root))
    .collect()
}

/// The base path of the configuration that was just built with.
pub(crate) fn base_path(options: &BuildOptions) -> Option<Arc<str>> {
    SiteConfig::load(&options.config)
        .ok()
        .map(|config| Arc::from(config.base_path()))
}

fn describe_changes(paths: &[PathBuf], root: &Path) -> String {
    match paths {
        [] => "sources changed".to_string(),
        [only] => format!("{} changed", relative(only, root)),
        [first, rest @ ..] => format!("{} and {} more changed", relative(first, root), rest.len()),
    }
}

fn relative(path: &Path, root: &Path) -> String {
    path.strip_prefix(absolute(root))
        .unwrap_or(path)
        .display()
        .to_string()
}

fn crash_diagnostic(options: &BuildOptions, crash: tokio::task::JoinError) -> Diagnostic {
    let reason = match crash.try_into_panic() {
        Ok(payload) => payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string()),
        Err(cancelled) => cancelled.to_string(),
    };
    Diagnostic::error(
        &options.config,
        format!("the build stopped unexpectedly: {reason}"),
    )
    .with_code("internal-error")
    .with_help("this is a bug in technote: please report it with the file you just saved")
    .relative_to(&options.root)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_lines_name_the_file_relative_to_the_project() {
        let root = std::path::absolute("/p").unwrap();
        let one = [root.join("content/fr/a.md")];
        assert_eq!(describe_changes(&one, &root), "content/fr/a.md changed");
        let two = [root.join("content/fr/a.md"), root.join("www/site.css")];
        assert_eq!(
            describe_changes(&two, &root),
            "content/fr/a.md and 1 more changed"
        );
    }
}
