//! Writing the site so that readers never see half of it.
//!
//! Every build writes into a fresh staging folder beside the output folder;
//! only a successful build is swapped into place. On Linux the swap is one
//! `renameat2(RENAME_EXCHANGE)`, so even a build killed at any instant leaves
//! either the old site or the new one. Staging folders of killed builds are
//! removed by the next build.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use technote_diagnostics::Diagnostic;

const STAGING_PREFIX: &str = ".technote-staging-";
const RETIRED_PREFIX: &str = ".technote-retired-";

/// A folder being filled with the next version of the site.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
}

impl Staging {
    /// Creates an empty staging folder next to `target`, after removing the
    /// litter of builds that were killed before they could clean up.
    pub fn create(target: &Path) -> Result<Self, Diagnostic> {
        let parent = parent_of(target);
        fs::create_dir_all(&parent)
            .map_err(|e| io_error(&parent, "create the output's parent folder", &e))?;
        let name = file_name(target);
        remove_litter(&parent, &name);
        let staging = parent.join(format!("{STAGING_PREFIX}{name}-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)
                .map_err(|e| io_error(&staging, "remove an old staging folder", &e))?;
        }
        fs::create_dir(&staging)
            .map_err(|e| io_error(&staging, "create the staging folder", &e))?;
        Ok(Self {
            target: target.to_path_buf(),
            staging,
        })
    }

    /// Writes one file of the site, creating its folders.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.staging.join(relative);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .map_err(|e| io_error(dir, "create a folder of the site", &e))?;
        }
        fs::write(&path, bytes).map_err(|e| io_error(&path, "write a file of the site", &e))
    }

    /// Puts the finished site in place of the previous one.
    pub fn publish(self) -> Result<(), Diagnostic> {
        let parent = parent_of(&self.target);
        if self.target.exists() {
            if swap(&self.staging, &self.target).is_ok() {
                // The staging path now holds the previous site.
                let _ = fs::remove_dir_all(&self.staging);
                return Ok(());
            }
            // Filesystems without an atomic exchange: move the old site aside first.
            let retired = parent.join(format!(
                "{RETIRED_PREFIX}{}-{}",
                file_name(&self.target),
                std::process::id()
            ));
            fs::rename(&self.target, &retired)
                .map_err(|e| io_error(&self.target, "move the previous site aside", &e))?;
            fs::rename(&self.staging, &self.target)
                .map_err(|e| io_error(&self.target, "put the new site in place", &e))?;
            let _ = fs::remove_dir_all(&retired);
            return Ok(());
        }
        fs::rename(&self.staging, &self.target)
            .map_err(|e| io_error(&self.target, "put the new site in place", &e))
    }
}

impl Drop for Staging {
    /// A failed build leaves nothing behind; after `publish` this is a no-op.
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.staging);
    }
}

#[cfg(target_os = "linux")]
fn swap(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn swap(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

fn remove_litter(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let ours = [STAGING_PREFIX, RETIRED_PREFIX].iter().any(|prefix| {
            file_name
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(&format!("{name}-")))
        });
        if ours {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "public".to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

pub(crate) fn io_error(path: &Path, action: &str, error: &io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("could not {action}: {error}"))
        .with_help("check that the folder exists, is writable and that the disk is not full")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_replaces_the_previous_site_and_leaves_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();

        let staging = Staging::create(&out).unwrap();
        staging.write("fr/index.html", b"new").unwrap();
        staging.publish().unwrap();

        assert!(!out.join("old.html").exists());
        assert_eq!(
            fs::read_to_string(out.join("fr/index.html")).unwrap(),
            "new"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn a_failed_build_leaves_the_previous_site_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();
        {
            let staging = Staging::create(&out).unwrap();
            staging.write("half.html", b"half").unwrap();
            // Dropped without publish, as when a later step fails.
        }
        assert_eq!(fs::read_to_string(out.join("old.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn litter_of_a_killed_build_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let litter = dir.path().join(format!("{STAGING_PREFIX}public-999999"));
        fs::create_dir(&litter).unwrap();
        let staging = Staging::create(&out).unwrap();
        assert!(!litter.exists());
        staging.publish().unwrap();
    }
}
