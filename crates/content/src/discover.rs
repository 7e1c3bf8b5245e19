//! Finding the sources: `content/<locale>/**/*.md` (or the folder
//! `[content]` names for the locale) are pages, every other file under a
//! locale folder is an asset, except the files that describe an
//! Experience League tree: `TOC.md` (navigation), and `metadata.md` and
//! `redirects.csv` at the locale folder's top or, for a folder named
//! `help`, beside it (the repository's root).

use std::fs;
use std::path::{Path, PathBuf};

use technote_diagnostics::Diagnostic;
use unic_langid::LanguageIdentifier;
use walkdir::{DirEntry, WalkDir};

use crate::SiteConfig;

/// One file under `content/<locale>/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub locale: LanguageIdentifier,
    /// Full path, as found under the content folder.
    pub path: PathBuf,
    /// Relative to `content/<locale>/`, `/`-separated, e.g. `campaign/ims-faq.md`.
    pub rel_path: String,
}

/// Pages and assets, each sorted by locale (in config order) then path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Discovered {
    pub pages: Vec<SourceFile>,
    pub assets: Vec<SourceFile>,
    /// Every `TOC.md`, by locale then path: navigation, not pages.
    pub tocs: Vec<SourceFile>,
    /// Each locale's `metadata.md` and `redirects.csv`, when it has them
    /// (`rel_path` is the file name).
    pub tree_files: Vec<SourceFile>,
}

/// The navigation file of a guide (or of the whole tree, at its top).
pub const TOC_FILE: &str = "TOC.md";
/// The product's description, at the top of an Experience League repository.
pub const METADATA_FILE: &str = "metadata.md";
/// Old addresses and where they went, at the top of an Experience League repository.
pub const REDIRECTS_FILE: &str = "redirects.csv";
/// The folder of an Experience League repository that holds the pages.
const HELP_FOLDER: &str = "help";

/// Walks `content_dir/<locale>/**`, or the folder `[content]` names for a
/// locale. Every folder directly under `content_dir` must be a locale of
/// the config that has no folder of its own. Hidden files and folders and
/// editor leftovers are skipped; symlinks are followed only while they stay
/// inside the locale's content folder.
pub fn discover(content_dir: &Path, config: &SiteConfig) -> Result<Discovered, Vec<Diagnostic>> {
    let mut found = Discovered::default();
    let mut problems = Vec::new();
    let shared_needed = config.locales.iter().any(|l| !config.has_own_folder(l));
    if shared_needed || content_dir.exists() {
        walk_shared(content_dir, config, &mut found, &mut problems);
    }
    for (locale, folder) in &config.content_folders {
        match fs::canonicalize(folder) {
            Ok(root) => walk_locale(&root, folder, locale, &mut found, &mut problems),
            Err(error) => problems.push(
                Diagnostic::error(folder, format!("cannot open the content folder of `{locale}`: {error}"))
                    .with_code("content-unreadable")
                    .with_help("fix the folder under [content] in technote.toml (it is relative to technote.toml)"),
            ),
        }
    }
    for locale in &config.locales {
        tree_files(
            &config.content_folder(content_dir, locale),
            locale,
            &mut found,
        );
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let locale_rank = |file: &SourceFile| config.locales.iter().position(|l| *l == file.locale);
    for files in [&mut found.pages, &mut found.assets, &mut found.tocs] {
        files.sort_by(|a, b| (locale_rank(a), &a.rel_path).cmp(&(locale_rank(b), &b.rel_path)));
    }
    Ok(found)
}

/// The locale folders of the shared content folder.
fn walk_shared(
    content_dir: &Path,
    config: &SiteConfig,
    found: &mut Discovered,
    problems: &mut Vec<Diagnostic>,
) {
    let root = match fs::canonicalize(content_dir) {
        Ok(root) => root,
        Err(error) => {
            problems.push(
                Diagnostic::error(
                    content_dir,
                    format!("cannot open the content folder: {error}"),
                )
                .with_code("content-unreadable")
                .with_help("create it with one folder per locale, e.g. content/en/"),
            );
            return;
        }
    };
    for entry in WalkDir::new(content_dir)
        .min_depth(1)
        .max_depth(1)
        .follow_links(true)
        .sort_by_file_name()
    {
        match entry {
            Ok(entry) if is_ignored(&entry) => {}
            Ok(entry) if escapes(&root, &entry) => problems.push(escaping_link(&entry)),
            Ok(entry) => match locale_folder(&entry, config) {
                Ok(locale) if config.has_own_folder(&locale) => problems.push(
                    Diagnostic::error(entry.path(), format!("this folder is not read: [content] in technote.toml gives `{locale}` a folder of its own"))
                        .with_code("content-folder-ignored")
                        .with_help("remove this folder, or the locale's line under [content]"),
                ),
                Ok(locale) => walk_locale(&root, entry.path(), &locale, found, problems),
                Err(problem) => problems.push(problem),
            },
            Err(error) => problems.push(walk_error(content_dir, &error)),
        }
    }
}

/// `metadata.md` and `redirects.csv` of a locale: at the top of its folder,
/// or beside a folder named `help`.
fn tree_files(folder: &Path, locale: &LanguageIdentifier, found: &mut Discovered) {
    let beside = folder
        .file_name()
        .is_some_and(|name| name == HELP_FOLDER)
        .then(|| folder.parent())
        .flatten();
    for name in [METADATA_FILE, REDIRECTS_FILE] {
        let place = std::iter::once(folder)
            .chain(beside)
            .map(|dir| dir.join(name))
            .find(|path| path.is_file());
        if let Some(path) = place {
            found.tree_files.push(SourceFile {
                locale: locale.clone(),
                path,
                rel_path: name.to_string(),
            });
        }
    }
}

/// Checks that an entry directly under the content folder is the folder of a
/// configured locale, and returns that locale.
fn locale_folder(entry: &DirEntry, config: &SiteConfig) -> Result<LanguageIdentifier, Diagnostic> {
    let configured = || {
        config
            .locales
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let name = entry.file_name().to_string_lossy();
    if !entry.file_type().is_dir() {
        return Err(
            Diagnostic::error(entry.path(), "this file is not inside a locale folder")
                .with_code("content-outside-locale")
                .with_help(format!(
                    "move it into the folder of its locale (configured: {})",
                    configured()
                )),
        );
    }
    let Ok(locale) = name.parse::<LanguageIdentifier>() else {
        return Err(Diagnostic::error(
            entry.path(),
            format!("folder `{name}` is not a BCP 47 language tag"),
        )
        .with_code("locale-folder-invalid")
        .with_help(format!(
            "folders directly under the content folder are locales; configured: {}",
            configured()
        )));
    };
    config
        .locales
        .iter()
        .find(|l| **l == locale)
        .cloned()
        .ok_or_else(|| {
            Diagnostic::error(entry.path(), format!("folder `{name}` is not a configured locale"))
                .with_code("locale-folder-unknown")
                .with_help(format!(
                    "folders directly under the content folder are locales; rename it to one of \
                     the configured locales ({}), or add \"{locale}\" to `locales` in technote.toml",
                    configured()
                ))
        })
}

fn walk_locale(
    root: &Path,
    locale_dir: &Path,
    locale: &LanguageIdentifier,
    found: &mut Discovered,
    problems: &mut Vec<Diagnostic>,
) {
    let mut walk = WalkDir::new(locale_dir)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                problems.push(walk_error(locale_dir, &error));
                continue;
            }
        };
        if is_ignored(&entry) {
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        if escapes(root, &entry) {
            problems.push(escaping_link(&entry));
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_dir() {
            continue;
        }
        // Links are followed: this is the type of what the entry names. A
        // pipe would hang the build the moment it is read.
        if let Some(kind) = technote_files::special_kind(entry.file_type()) {
            problems.push(technote_files::not_a_file(entry.path(), kind));
            continue;
        }
        match relative_path(locale_dir, entry.path()) {
            Ok(rel_path) => {
                let file = SourceFile {
                    locale: locale.clone(),
                    path: entry.into_path(),
                    rel_path,
                };
                let name = file.rel_path.rsplit('/').next().unwrap_or_default();
                let at_top = !file.rel_path.contains('/');
                if name == TOC_FILE {
                    found.tocs.push(file);
                } else if at_top && (name == METADATA_FILE || name == REDIRECTS_FILE) {
                    // Read by the site as the tree's description (tree_files).
                } else if file.rel_path.ends_with(".md") {
                    found.pages.push(file);
                } else {
                    found.assets.push(file);
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
}

/// Hidden files and folders (`.git`, `.DS_Store`, vim's `.page.md.swp`,
/// emacs's `.#page.md` lock) and backups (`page.md~`, `#page.md#`) are never
/// content.
fn is_ignored(entry: &DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || (name.starts_with('#') && name.ends_with('#'))
}

/// Whether the entry is a symbolic link whose final target lies outside the
/// (canonical) content folder. Checking every link is enough: a path can only
/// leave the folder through one.
fn escapes(root: &Path, entry: &DirEntry) -> bool {
    entry.path_is_symlink()
        && !fs::canonicalize(entry.path()).is_ok_and(|target| target.starts_with(root))
}

fn escaping_link(entry: &DirEntry) -> Diagnostic {
    Diagnostic::error(
        entry.path(),
        "this symbolic link points outside the content folder",
    )
    .with_code("symlink-outside")
    .with_help("copy the file into the content folder, or remove the link")
}

fn relative_path(base: &Path, path: &Path) -> Result<String, Diagnostic> {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let mut parts = Vec::new();
    for component in rel.components() {
        let Some(part) = component.as_os_str().to_str() else {
            return Err(Diagnostic::error(path, "this file name is not valid UTF-8")
                .with_code("file-name-not-utf8")
                .with_help("rename the file using UTF-8 characters"));
        };
        parts.push(part);
    }
    Ok(parts.join("/"))
}

fn walk_error(folder: &Path, error: &walkdir::Error) -> Diagnostic {
    let path = error.path().unwrap_or(folder);
    if error.loop_ancestor().is_some() {
        return Diagnostic::error(path, "this symbolic link makes a loop")
            .with_code("symlink-loop")
            .with_help("remove the link, or point it at a folder that does not contain it");
    }
    let broken_link = error
        .io_error()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        && path.is_symlink();
    if broken_link {
        return Diagnostic::error(path, "this symbolic link points to nothing")
            .with_code("symlink-dangling")
            .with_help("remove the link or fix its target");
    }
    Diagnostic::error(path, format!("cannot read this path: {error}"))
        .with_code("file-unreadable")
        .with_help("check that the file exists and that you may read it")
}
