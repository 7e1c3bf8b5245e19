//! `technote eject [PATH]`: the built-in theme's files written into the
//! project, to edit. Every file written takes the place of the built-in one.

use std::fs;
use std::path::Path;

use technote_diagnostics::Diagnostic;

use crate::Created;

/// Writes the built-in files at or below `wanted` (a file such as
/// `templates/base.html`, a folder such as `www`, or every file when
/// `None`) under `root`. Refuses, writing nothing, when any of them exists.
pub fn eject(root: &Path, wanted: Option<&str>) -> Result<Created, Diagnostic> {
    let wanted = wanted.map(|w| w.trim_matches('/').replace('\\', "/"));
    let files: Vec<&technote_theme::File> = technote_theme::FILES
        .iter()
        .filter(|file| match &wanted {
            None => true,
            Some(w) => {
                file.path == w
                    || file
                        .path
                        .strip_prefix(w.as_str())
                        .is_some_and(|rest| rest.starts_with('/'))
            }
        })
        .collect();
    if files.is_empty() {
        let shown = wanted.unwrap_or_default();
        return Err(Diagnostic::error(
            Path::new(&shown),
            "this is neither a file nor a folder of the built-in theme",
        )
        .with_help(format!(
            "run `technote eject --list` for its files; folders are {}",
            technote_theme::FOLDERS.join(", ")
        )));
    }
    if let Some(existing) = files.iter().map(|f| root.join(f.path)).find(|p| p.exists()) {
        return Err(Diagnostic::error(&existing, "this file exists already")
            .with_help("nothing was written: it already replaces the built-in file; move it away to eject the default again"));
    }
    let mut created = Created::default();
    for file in files {
        let target = root.join(file.path);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| Diagnostic::error(folder, format!("cannot create it: {e}")))?;
        }
        // create_new: a file that appeared since the check above is not replaced.
        fs::File::create_new(&target)
            .and_then(|mut out| std::io::Write::write_all(&mut out, file.bytes))
            .map_err(|e| Diagnostic::error(&target, format!("cannot write it: {e}")))?;
        created.files.push(target);
    }
    Ok(created)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_or_one_folder_is_written_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let created = eject(dir.path(), Some("templates/base.html")).unwrap();
        assert_eq!(created.files, vec![dir.path().join("templates/base.html")]);
        let written = fs::read(dir.path().join("templates/base.html")).unwrap();
        assert_eq!(
            written,
            technote_theme::get("templates/base.html").unwrap().bytes
        );

        fs::write(dir.path().join("templates/base.html"), "mine").unwrap();
        let refused = eject(dir.path(), Some("templates")).unwrap_err();
        assert!(refused.message.contains("exists already"), "{refused}");
        assert_eq!(
            fs::read_to_string(dir.path().join("templates/base.html")).unwrap(),
            "mine"
        );
        // Refused as a whole: no other template was written either.
        assert!(!dir.path().join("templates/home.html").exists());

        let www = eject(dir.path(), Some("www/")).unwrap();
        assert!(
            www.files
                .iter()
                .all(|f| f.starts_with(dir.path().join("www")))
        );
        assert!(dir.path().join("www/vendor/porter2.js").is_file());
    }

    #[test]
    fn a_path_outside_the_theme_is_refused_with_the_folders_named() {
        let dir = tempfile::tempdir().unwrap();
        let refused = eject(dir.path(), Some("templates/bas")).unwrap_err();
        assert!(
            refused.help.as_deref().unwrap().contains("templates"),
            "{refused}"
        );
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
