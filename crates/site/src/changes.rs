//! What a set of changed files means for a site that was built before.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::BuildOptions;
use crate::load::Project;

/// The work a set of changes calls for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Configuration, templates or UI strings changed, or pages or assets
    /// appeared or disappeared: everything is built again.
    pub everything: bool,
    /// Pages whose source was edited, by page index.
    pub pages: BTreeSet<usize>,
    /// Content assets (images…) that were edited, as found on disk.
    pub assets: Vec<PathBuf>,
    /// Files of `www/` were edited.
    pub www: bool,
}

impl Plan {
    /// Sorts `changed` paths (absolute or relative to the working folder)
    /// into the work they call for. Paths outside the project's inputs are
    /// ignored: the build does not read them.
    pub fn new(options: &BuildOptions, project: &Project, changed: &[PathBuf]) -> Self {
        let inputs = Inputs::new(options, project);
        let mut plan = Plan::default();
        for path in changed {
            let path = absolute(path);
            if is_editor_leftover(&path) {
                continue;
            }
            if path == inputs.config
                || inputs.catalog.contains(&path)
                || path.starts_with(&inputs.templates)
                || path.starts_with(&inputs.locales)
            {
                plan.everything = true;
            } else if path.starts_with(&inputs.www) {
                // A deleted file would stay in the site: only a full build
                // removes it. Outside the preview, a stylesheet or script
                // gets a new hashed name, which every page names.
                plan.everything |= !path.exists()
                    || (!options.live_reload && crate::statics::is_fingerprinted(&path));
                plan.www = true;
            } else if let Some((locale, inside)) = inputs.locale_of(&path) {
                plan.content(project, locale, &path, inside);
            } else if path.starts_with(&inputs.content) || inputs.tree_files.contains(&path) {
                // A new locale folder, a stray file next to them, or a
                // tree's metadata.md or redirects.csv.
                plan.everything = true;
            }
        }
        plan
    }

    /// A file of the content folder of `locale`: `inside` is its path below
    /// that folder.
    fn content(&mut self, project: &Project, locale: usize, path: &Path, inside: &Path) {
        let rel_path = inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        if rel_path.is_empty() || path.is_dir() {
            // A folder appeared or disappeared: pages in it may have too.
            self.everything = true;
            return;
        }
        let exists = path.is_file();
        if rel_path.ends_with(".check.toml") {
            // A check's declaration shapes the form of every translation of
            // its page: read again and proven by a full build.
            self.everything = true;
            return;
        }
        if rel_path.ends_with(".md") {
            match project.routes.page(locale, &rel_path) {
                Some(index) if exists => {
                    self.pages.insert(index);
                }
                // Pages added or removed change where links lead.
                _ => self.everything = true,
            }
        } else {
            let known = project
                .assets
                .get(locale)
                .is_some_and(|set| set.contains(&rel_path));
            if known && exists {
                self.assets.push(path.to_path_buf());
            } else {
                // An asset added or removed makes links to it work or break.
                self.everything = true;
            }
        }
    }
}

/// The project's inputs as absolute paths, to compare with changed paths.
struct Inputs {
    config: PathBuf,
    /// The release catalog file the site names, if any: every check and
    /// the list of minimum releases are built from it.
    catalog: Vec<PathBuf>,
    content: PathBuf,
    /// The folder of each locale, by locale index.
    locale_folders: Vec<PathBuf>,
    /// Files beside the locale folders that the build reads.
    tree_files: Vec<PathBuf>,
    locales: PathBuf,
    templates: PathBuf,
    www: PathBuf,
}

impl Inputs {
    fn new(options: &BuildOptions, project: &Project) -> Self {
        Self {
            config: absolute(&options.config),
            catalog: options
                .catalog(&project.config)
                .watched_files()
                .iter()
                .map(|f| absolute(f))
                .collect(),
            content: absolute(&options.content),
            locale_folders: project.locale_folders.iter().map(|f| absolute(f)).collect(),
            tree_files: project.tree_files.iter().map(|f| absolute(f)).collect(),
            locales: absolute(&options.locales),
            templates: absolute(&options.templates),
            www: absolute(&options.www),
        }
    }
}

impl Inputs {
    /// The locale whose folder holds `path`, and the path below it.
    fn locale_of<'p>(&self, path: &'p Path) -> Option<(usize, &'p Path)> {
        self.locale_folders
            .iter()
            .enumerate()
            .find_map(|(locale, folder)| Some((locale, path.strip_prefix(folder).ok()?)))
    }
}

/// The absolute form of `path` without `.` and `..` (resolved lexically:
/// a changed path may not exist anymore).
pub fn absolute(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut clean = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    clean
}

/// Files that discovery skips (editor backups, lock and hidden files).
fn is_editor_leftover(path: &Path) -> bool {
    path.file_name().is_some_and(|name| {
        let name = name.to_string_lossy();
        name.starts_with('.')
            || name.ends_with('~')
            || (name.starts_with('#') && name.ends_with('#'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_leftovers_are_recognized() {
        assert!(is_editor_leftover(Path::new("/p/content/fr/.a.md.swp")));
        assert!(is_editor_leftover(Path::new("/p/content/fr/a.md~")));
        assert!(is_editor_leftover(Path::new("/p/content/fr/#a.md#")));
        assert!(!is_editor_leftover(Path::new("/p/content/fr/a.md")));
    }

    #[test]
    fn absolute_paths_lose_dots() {
        assert_eq!(
            absolute(Path::new("/p/./content/../content/fr/a.md")),
            PathBuf::from("/p/content/fr/a.md")
        );
    }
}
