//! Watching the project's sources (with the OS's file notifications, never
//! by polling) and passing on the changes a rebuild should follow.

use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use technote_site::BuildOptions;
use tokio::sync::mpsc;

use crate::error::ServeError;
use crate::terminal::complain;

/// Editors save in several steps (truncate, write, rename); waiting this long
/// after the last step builds each save once, and is still far below what a
/// person notices.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// Keeps the project watched for as long as it lives.
pub(crate) type SourceWatcher = Debouncer<RecommendedWatcher, RecommendedCache>;

/// Starts watching the sources of `options`; each batch of relevant changes
/// (absolute paths) is sent to `changes`.
pub(crate) fn watch_sources(
    options: &BuildOptions,
    changes: mpsc::UnboundedSender<Vec<PathBuf>>,
) -> Result<SourceWatcher, ServeError> {
    let sources = Sources::of(options);
    let filter = sources.clone();
    let mut debouncer =
        new_debouncer(
            DEBOUNCE,
            None,
            move |result: DebounceEventResult| match result {
                Ok(events) => {
                    let paths: Vec<PathBuf> = events
                        .into_iter()
                        // Reading a file is not changing it: the build's own reads
                        // must not trigger another build.
                        .filter(|event| !matches!(event.kind, EventKind::Access(_)))
                        .flat_map(|event| event.event.paths)
                        .filter(|path| filter.is_source(path))
                        .collect();
                    if !paths.is_empty() {
                        // A closed channel means the preview is shutting down.
                        let _ = changes.send(paths);
                    }
                }
                Err(errors) => {
                    for error in errors {
                        complain(format_args!("watching the project: {error}"));
                    }
                }
            },
        )
        .map_err(ServeError::Watch)?;

    for folder in &sources.folders {
        watch(&mut debouncer, folder, RecursiveMode::Recursive)?;
    }
    // Single files are watched through their folder: editors that save by
    // replacing the file would otherwise leave a watch on the deleted one.
    let mut parents: Vec<&Path> = sources
        .files
        .iter()
        .filter_map(|file| file.parent())
        .collect();
    parents.sort();
    parents.dedup();
    for parent in parents {
        watch(&mut debouncer, parent, RecursiveMode::NonRecursive)?;
    }
    Ok(debouncer)
}

/// Watches `path`; a missing folder is reported and skipped, because the
/// build reports what it means for the site far better than the watcher.
fn watch(
    debouncer: &mut SourceWatcher,
    path: &Path,
    mode: RecursiveMode,
) -> Result<(), ServeError> {
    if !path.exists() {
        complain(format_args!(
            "not watching {}: it does not exist (create it, then restart the preview)",
            path.display()
        ));
        return Ok(());
    }
    debouncer.watch(path, mode).map_err(ServeError::Watch)
}

/// The absolute form of `path`, as the watcher reports paths; `path` itself
/// when the current folder is unknown.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// What a rebuild depends on, as absolute paths.
#[derive(Debug, Clone)]
struct Sources {
    /// Watched with everything below them.
    folders: Vec<PathBuf>,
    /// Watched alone.
    files: Vec<PathBuf>,
    /// The preview's own output, which each build rewrites.
    out: PathBuf,
}

impl Sources {
    fn of(options: &BuildOptions) -> Self {
        let mut folders: Vec<PathBuf> = [
            &options.content,
            &options.locales,
            &options.templates,
            &options.www,
        ]
        .into_iter()
        .map(|folder| absolute(folder))
        .collect();
        let mut files = vec![absolute(&options.config)];
        // Locales read from folders of their own ([content]), with the
        // metadata.md and redirects.csv beside a `help/` folder, and the
        // release catalog the project names (the declared checks are in
        // the content folders).
        if let Ok(config) = technote_content::SiteConfig::load(&options.config) {
            files.extend(
                options
                    .catalog(&config)
                    .watched_files()
                    .iter()
                    .map(|file| absolute(file)),
            );
            for (_, folder) in &config.content_folders {
                folders.push(absolute(folder));
                if let Some(repository) = folder.parent().filter(|_| folder.ends_with("help")) {
                    let beside = [
                        technote_content::METADATA_FILE,
                        technote_content::REDIRECTS_FILE,
                    ];
                    files.extend(beside.map(|name| absolute(&repository.join(name))));
                }
            }
        }
        Self {
            folders,
            files,
            out: absolute(&options.out),
        }
    }

    /// Whether a change at `path` can change the site.
    fn is_source(&self, path: &Path) -> bool {
        if path.starts_with(&self.out) || path.components().any(is_build_scratch) {
            return false;
        }
        if path.file_name().is_some_and(is_editor_scratch) {
            return false;
        }
        self.files.iter().any(|file| file == path)
            || self.folders.iter().any(|folder| path.starts_with(folder))
    }
}

/// Staging folders of the site's atomic writes (`.technote-staging-*`,
/// `.technote-retired-*`), in case the output sits inside a watched folder.
fn is_build_scratch(component: Component<'_>) -> bool {
    matches!(component, Component::Normal(name) if name.to_string_lossy().starts_with(".technote-"))
}

/// Swap, backup and lock files that editors write next to the file being
/// edited: vim (`.x.swp`, `x~`, `4913`), emacs (`.#x`, `#x#`).
fn is_editor_scratch(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name == "4913"
        || name.ends_with('~')
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || (name.starts_with('.')
            && [".swp", ".swo", ".swx"]
                .iter()
                .any(|ext| name.ends_with(ext)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Sources {
        let root = absolute(Path::new("/project"));
        let mut options = BuildOptions::for_project(&root, &[]);
        options.out = root.join("target/technote-serve");
        Sources::of(&options)
    }

    #[test]
    fn sources_and_the_config_are_watched() {
        let sources = sources();
        for path in [
            "content/fr/technotes/a.md",
            "locales/en/site.ftl",
            "templates/base.html",
            "www/style.css",
            "technote.toml",
        ] {
            assert!(
                sources.is_source(&absolute(Path::new("/project")).join(path)),
                "{path}"
            );
        }
    }

    #[test]
    fn other_files_of_the_project_are_not() {
        let sources = sources();
        for path in [
            "README.md",
            "target/technote-serve/fr/index.html",
            ".technote-staging-public-42/x.html",
        ] {
            assert!(
                !sources.is_source(&absolute(Path::new("/project")).join(path)),
                "{path}"
            );
        }
    }

    #[test]
    fn editor_swap_and_backup_files_are_ignored() {
        let sources = sources();
        for name in [
            ".a.md.swp",
            ".a.md.swx",
            "a.md~",
            ".#a.md",
            "#a.md#",
            "4913",
        ] {
            let path = absolute(Path::new("/project/content/fr")).join(name);
            assert!(!sources.is_source(&path), "{name}");
        }
        assert!(sources.is_source(&absolute(Path::new("/project/content/fr/.well-known.md"))));
    }
}
