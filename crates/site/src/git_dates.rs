//! When each page's source last changed, from git: one `git log` of the
//! content folder for the locales under it, and one for each locale whose
//! `[content]` folder lives elsewhere (often a repository of its own),
//! never one per page. Outside git, or when git is missing, pages simply
//! have no date.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::load::Page;

/// The git history of a site's sources, read once per build.
pub(crate) struct ChangeLog {
    /// Of the content folder, by `<locale>/<path>`.
    shared: LastChanges,
    /// Per locale with a `[content]` folder of its own, by path in it.
    own: Vec<Option<LastChanges>>,
}

impl ChangeLog {
    /// `own_folders[locale]` is the locale's `[content]` folder, or `None`
    /// when its sources are `<content_dir>/<locale>/`.
    pub(crate) fn read(content_dir: &Path, own_folders: &[Option<PathBuf>]) -> Self {
        let shared = if own_folders.iter().any(Option::is_none) {
            LastChanges::of_folder(content_dir)
        } else {
            LastChanges::default()
        };
        Self {
            shared,
            own: own_folders
                .iter()
                .map(|folder| folder.as_deref().map(LastChanges::of_folder))
                .collect(),
        }
    }

    /// Per page (in the order of `pages`), the committer date (RFC 3339, UTC)
    /// of the last commit that touched its source, or `None`.
    pub(crate) fn dates(&self, pages: &[Page], locale_tags: &[String]) -> Vec<Option<String>> {
        pages
            .iter()
            .map(|page| {
                let date = match self.own.get(page.locale) {
                    Some(Some(own)) => own.get(&page.source.rel_path),
                    _ => locale_tags.get(page.locale).and_then(|tag| {
                        self.shared.get(&format!("{tag}/{}", page.source.rel_path))
                    }),
                };
                date.map(str::to_string)
            })
            .collect()
    }
}

/// The date of the newest commit touching each file of a folder, by path
/// relative to the folder.
#[derive(Default)]
struct LastChanges(HashMap<String, String>);

impl LastChanges {
    fn of_folder(folder: &Path) -> Self {
        let output = Command::new("git")
            .arg("-C")
            .arg(folder)
            .args([
                "log",
                "--format=%x01%cd",
                "--date=iso-strict-local",
                "--name-only",
                "-z",
                "--relative",
                "--no-renames",
                "--",
                ".",
            ])
            // Dates in UTC: the same whoever committed, and in order as text.
            .env("TZ", "UTC")
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output();
        match output {
            Ok(output) if output.status.success() => {
                Self::parse(&String::from_utf8_lossy(&output.stdout))
            }
            _ => Self::default(),
        }
    }

    /// Reads `git log --format=%x01%cd --name-only -z`: each commit is
    /// `\x01<date>\0\n<path>\0<path>\0…`, newest first, so a path's first
    /// date is its last change.
    fn parse(log: &str) -> Self {
        let mut dates = HashMap::new();
        for commit in log.split('\u{1}').skip(1) {
            let mut fields = commit.split('\0');
            let Some(date) = fields.next().filter(|date| !date.is_empty()) else {
                continue;
            };
            for path in fields {
                let path = path.trim_start_matches('\n');
                if !path.is_empty() {
                    dates
                        .entry(path.to_string())
                        .or_insert_with(|| date.to_string());
                }
            }
        }
        Self(dates)
    }

    fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_takes_the_date_of_its_newest_commit() {
        let log = "\u{1}2026-02-03T00:00:00Z\0\nen/a.md\0\u{1}2026-01-02T03:04:05+01:00\0\nen/a.md\0fr/b é.md\0";
        let changes = LastChanges::parse(log);
        assert_eq!(changes.get("en/a.md"), Some("2026-02-03T00:00:00Z"));
        assert_eq!(changes.get("fr/b é.md"), Some("2026-01-02T03:04:05+01:00"));
        assert_eq!(changes.get("en/new.md"), None);
    }

    #[test]
    fn a_folder_outside_git_has_no_dates() {
        let folder = tempfile::tempdir().unwrap();
        assert!(LastChanges::of_folder(folder.path()).0.is_empty());
    }
}
