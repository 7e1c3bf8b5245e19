//! Which folders a build may replace.
//!
//! A build swaps a whole new site in place of its output folder, so the old
//! folder's files are gone afterwards. That is right for a site technote
//! wrote, and a disaster for `--out content` or `--out ~`. A folder may be
//! replaced only when it is missing, empty, or carries the marker file every
//! site technote writes (or the user says `--force`); the project's own
//! folders, the home folder and anything holding them are never replaced.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use technote_diagnostics::Diagnostic;

use crate::BuildOptions;

/// The file every site carries, so that the next build knows the folder is
/// one technote wrote and may be replaced whole.
pub const SITE_MARKER: &str = ".technote-site";

/// What the marker file says to someone who finds it.
pub const SITE_MARKER_TEXT: &str = "This folder is a site written by technote. \
     `technote build` replaces it whole: keep nothing else here.\n";

/// A folder the output must never be, hold, or (for `inside`) lie in.
pub struct Protected {
    pub path: PathBuf,
    /// How the message calls it: "the project folder", "your home folder"…
    pub name: String,
    /// Whether an output inside this folder is refused too (sources: yes;
    /// the project folder, which holds `public/`: no).
    pub inside: bool,
}

/// The folders a build of `options` must never replace.
pub fn protected_folders(options: &BuildOptions) -> Vec<Protected> {
    let mut folders = vec![Protected {
        path: options.root.clone(),
        name: "the project folder".into(),
        inside: false,
    }];
    for (path, name) in [
        (&options.content, "the content folder"),
        (&options.templates, "the templates folder"),
        (&options.locales, "the locales folder"),
        (&options.www, "the www folder"),
    ] {
        folders.push(Protected {
            path: path.clone(),
            name: name.into(),
            inside: true,
        });
    }
    if let Some(config_folder) = options.config.parent() {
        folders.push(Protected {
            path: config_folder.to_path_buf(),
            name: "the folder of the configuration file".into(),
            inside: false,
        });
    }
    if let Some(home) = std::env::home_dir().filter(|home| !home.as_os_str().is_empty()) {
        folders.push(Protected {
            path: home,
            name: "your home folder".into(),
            inside: false,
        });
    }
    folders
}

/// Checks that the site may be written to `out`: refuses an output folder
/// that is, holds or lies in a protected folder (whatever `force` says),
/// and, unless `force`, one that holds files technote did not write (no
/// `marker` file).
pub fn check_output_folder(
    out: &Path,
    protected: &[Protected],
    marker: &str,
    force: bool,
) -> Result<(), Diagnostic> {
    let resolved = resolve(out);
    for folder in protected {
        let folder_path = resolve(&folder.path);
        let relation = if resolved == folder_path {
            Some("is")
        } else if folder_path.starts_with(&resolved) {
            Some("holds")
        } else if folder.inside && resolved.starts_with(&folder_path) {
            Some("lies inside")
        } else {
            None
        };
        if let Some(relation) = relation {
            return Err(Diagnostic::error(
                out,
                format!(
                    "the output folder {relation} {} ({}): a build replaces its output folder \
                     whole, which would delete it",
                    folder.name,
                    folder.path.display()
                ),
            )
            .with_code("output-refused")
            .with_help(
                "write the site to a folder of its own, such as `public` (the default); \
                 --force does not lift this",
            ));
        }
    }
    match fs::symlink_metadata(out) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(Diagnostic::error(
            out,
            format!("cannot look at the output folder: {error}"),
        )
        .with_code("output-unreadable")
        .with_help("check that you may read the folder's parent")),
        Ok(meta) if meta.file_type().is_symlink() => Err(Diagnostic::error(
            out,
            "the output folder is a symbolic link; a build would replace the link, not the \
             folder it points to",
        )
        .with_code("output-refused")
        .with_help(format!(
            "name the folder itself with --out{}",
            fs::canonicalize(out)
                .map(|target| format!(" {}", target.display()))
                .unwrap_or_default()
        ))),
        Ok(meta) if !meta.is_dir() => Err(Diagnostic::error(
            out,
            "the output path is a file, not a folder",
        )
        .with_code("output-refused")
        .with_help("choose a folder for the site, such as `public` (the default)")),
        Ok(_) if force => Ok(()),
        Ok(_) => foreign_files(out, marker),
    }
}

/// Refuses a folder that holds anything and no marker.
fn foreign_files(out: &Path, marker: &str) -> Result<(), Diagnostic> {
    let entries = fs::read_dir(out).map_err(|error| {
        Diagnostic::error(out, format!("cannot read the output folder: {error}"))
            .with_code("output-unreadable")
            .with_help("check that you may read it, or choose another folder")
    })?;
    let mut names = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name == marker {
            return Ok(());
        }
        names.push(name.to_string_lossy().into_owned());
    }
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    const SHOWN: usize = 3;
    let mut listed = names
        .iter()
        .take(SHOWN)
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        listed.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    Err(Diagnostic::error(
        out,
        format!(
            "the output folder holds files technote did not write ({listed}); a build replaces \
             its output folder whole, which would delete them"
        ),
    )
    .with_code("output-refused")
    .with_help(
        "choose a new or empty folder, or pass --force to replace this one and everything in it",
    ))
}

/// `path` made absolute, through the links of the part that exists, with
/// `.` and `..` of the part that does not yet exist resolved by name.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let (mut resolved, tail) = absolute
        .ancestors()
        .find_map(|existing| {
            let real = fs::canonicalize(existing).ok()?;
            Some((real, absolute.strip_prefix(existing).ok()?))
        })
        .unwrap_or((PathBuf::new(), absolute.as_path()));
    for component in tail.components() {
        match component {
            Component::ParentDir => {
                resolved.pop();
            }
            Component::CurDir => {}
            other => resolved.push(other),
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected(root: &Path) -> Vec<Protected> {
        protected_folders(&BuildOptions::for_project(root, &[]))
    }

    #[test]
    fn a_missing_or_empty_folder_or_a_previous_site_may_be_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let folders = protected(&dir.path().join("project"));
        let out = dir.path().join("public");
        assert!(check_output_folder(&out, &folders, SITE_MARKER, false).is_ok());
        fs::create_dir(&out).unwrap();
        assert!(check_output_folder(&out, &folders, SITE_MARKER, false).is_ok());
        fs::write(out.join("index.html"), "old").unwrap();
        fs::write(out.join(SITE_MARKER), SITE_MARKER_TEXT).unwrap();
        assert!(check_output_folder(&out, &folders, SITE_MARKER, false).is_ok());
    }

    #[test]
    fn a_folder_of_other_files_needs_force() {
        let dir = tempfile::tempdir().unwrap();
        let folders = protected(&dir.path().join("project"));
        let out = dir.path().join("notes");
        fs::create_dir(&out).unwrap();
        for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
            fs::write(out.join(name), "mine").unwrap();
        }
        let refused = check_output_folder(&out, &folders, SITE_MARKER, false).unwrap_err();
        assert!(
            refused
                .message
                .contains("(`a.txt`, `b.txt`, `c.txt` and 1 more)"),
            "{refused}"
        );
        assert!(refused.help.unwrap().contains("--force"));
        assert!(check_output_folder(&out, &folders, SITE_MARKER, true).is_ok());
    }

    #[test]
    fn the_project_and_its_sources_are_refused_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        fs::create_dir_all(root.join("content/en")).unwrap();
        let folders = protected(&root);
        let refused = |out: PathBuf| {
            check_output_folder(&out, &folders, SITE_MARKER, true)
                .unwrap_err()
                .message
        };
        assert!(refused(root.clone()).contains("is the project folder"));
        assert!(refused(root.join("content")).contains("is the content folder"));
        assert!(refused(root.join("content/en/out")).contains("lies inside the content folder"));
        assert!(refused(root.join("templates/./x/..")).contains("is the templates folder"));
        assert!(refused(dir.path().to_path_buf()).contains("holds the project folder"));
        assert!(refused(root.join("public/..")).contains("is the project folder"));
        assert!(check_output_folder(&root.join("public"), &folders, SITE_MARKER, false).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_protected_folder_is_seen_through() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        fs::create_dir_all(root.join("content")).unwrap();
        std::os::unix::fs::symlink(root.join("content"), dir.path().join("site")).unwrap();
        let refused = check_output_folder(
            &dir.path().join("site"),
            &protected(&root),
            SITE_MARKER,
            true,
        )
        .unwrap_err();
        assert!(refused.message.contains("content folder"), "{refused}");
    }

    #[test]
    fn a_file_is_not_an_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::write(&out, "a file").unwrap();
        let refused =
            check_output_folder(&out, &protected(&dir.path().join("p")), SITE_MARKER, true)
                .unwrap_err();
        assert!(refused.message.contains("is a file"), "{refused}");
    }
}
