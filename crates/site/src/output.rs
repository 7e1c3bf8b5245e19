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

use crate::BuildOptions;
use crate::output_guard::{SITE_MARKER, check_output_folder, protected_folders};

const STAGING_PREFIX: &str = ".technote-staging-";
const RETIRED_PREFIX: &str = ".technote-retired-";

/// A folder being filled with the next version of the site.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
}

impl Staging {
    /// The staging folder of a build of `options`, once its output folder
    /// is known to be one the build may replace.
    pub fn for_site(options: &BuildOptions) -> Result<Self, Diagnostic> {
        check_output_folder(
            &options.out,
            &protected_folders(options),
            SITE_MARKER,
            options.force,
        )?;
        Self::create(&options.out)
    }

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

    /// The staging folder, to write the site's files into. A file the
    /// previous site already holds byte for byte is linked from it rather
    /// than written again: it keeps its modification time (deploy tools and
    /// caches see it unchanged), and replacing the previous site then frees
    /// only what changed.
    pub fn folder(&self) -> SiteFolder<'_> {
        SiteFolder {
            root: &self.staging,
            previous: Some(&self.target),
        }
    }

    /// Puts the finished site in place of the previous one.
    pub fn publish(self) -> Result<(), Diagnostic> {
        let parent = parent_of(&self.target);
        if self.target.exists() {
            if swap(&self.staging, &self.target).is_ok() {
                // The staging path now holds the previous site.
                remove_tree(&self.staging);
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
            remove_tree(&retired);
            return Ok(());
        }
        fs::rename(&self.staging, &self.target)
            .map_err(|e| io_error(&self.target, "put the new site in place", &e))
    }
}

impl Drop for Staging {
    /// A failed build leaves nothing behind; after `publish` this is a no-op.
    fn drop(&mut self) {
        remove_tree(&self.staging);
    }
}

/// A folder the site's files are written into: the staging folder of a
/// full build, or the output folder a long-lived builder updates in place.
#[derive(Clone, Copy)]
pub struct SiteFolder<'a> {
    pub root: &'a Path,
    /// The site this one replaces, whose unchanged files are linked.
    pub previous: Option<&'a Path>,
}

impl<'a> SiteFolder<'a> {
    /// The folder `root`, written in place.
    pub fn at(root: &'a Path) -> Self {
        Self {
            root,
            previous: None,
        }
    }

    /// Writes one file of the site, creating its folders.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.root.join(relative);
        if let Some(previous) = self.previous.map(|p| p.join(relative))
            && holds(&previous, bytes)
            && in_folder(&path, || fs::hard_link(&previous, &path)).is_ok()
        {
            return Ok(());
        }
        in_folder(&path, || write_new(&path, bytes))
            .map_err(|e| e.diagnostic(&self.published(relative), "write a file of the site"))
    }

    /// Where the file `relative` will be once the site is in place, for
    /// messages: the staging folder is a detail the user never sees.
    fn published(&self, relative: &str) -> PathBuf {
        self.previous.unwrap_or(self.root).join(relative)
    }

    /// Writes one file unless it already holds exactly `bytes`, so that an
    /// unchanged page keeps its modification time; returns whether it wrote.
    pub fn write_if_changed(&self, relative: &str, bytes: &[u8]) -> Result<bool, Diagnostic> {
        if holds(&self.root.join(relative), bytes) {
            return Ok(false);
        }
        self.write(relative, bytes).map(|()| true)
    }

    /// Puts an asset into the site, returning its size: a hard link to the
    /// source when the file system allows one (a tree's hundreds of
    /// megabytes of images are then neither copied nor stored twice), a copy
    /// otherwise. Nothing ever writes through a site's file (files are
    /// replaced, never rewritten), so the link cannot change the source.
    pub fn copy(&self, relative: &str, source: &Path) -> Result<u64, Diagnostic> {
        let path = self.root.join(relative);
        // A linked file must never be written through: that would change
        // the previous site too.
        if path.exists() {
            fs::remove_file(&path)
                .map_err(|e| io_error(&path, "replace a file of the site", &e))?;
        }
        let link_or_copy = || match fs::hard_link(source, &path) {
            Ok(()) => fs::metadata(&path).map(|meta| meta.len()),
            Err(_) => fs::copy(source, &path),
        };
        in_folder(&path, link_or_copy).map_err(|e| {
            e.diagnostic(&self.published(relative), "copy an asset into the site")
                .with_help(format!(
                    "the asset is {}; check that the output folder is writable and that the disk is not full",
                    source.display()
                ))
        })
    }
}

/// Writes a file under a fresh name, so that a file linked from the
/// previous site is replaced rather than written through.
fn write_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let create = || {
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
    };
    let mut file = match create() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            create()?
        }
        opened => opened?,
    };
    io::Write::write_all(&mut file, bytes)
}

/// Whether the file at `path` holds exactly `bytes`. Every page of a
/// rebuild asks this of its previous version, so it costs one `open`, one
/// `read` and one `close`: asking for one byte more than expected, a read of
/// a regular file that returns exactly `bytes.len()` has met the file's end.
/// A shorter read, whatever its cause, only means the file is written anew.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    thread_local! {
        /// Pages are read into one buffer per thread. The few large files
        /// (listings, search indexes) get their own, freed after: kept, their
        /// megabytes would stay with every thread.
        static PREVIOUS: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    const REUSED_UP_TO: usize = 256 * 1024;
    let Ok(mut file) = fs::File::open(path) else {
        return false;
    };
    let mut same = |previous: &mut Vec<u8>| {
        previous.resize(bytes.len() + 1, 0);
        io::Read::read(&mut file, previous).is_ok_and(|read| read == bytes.len())
            && previous.get(..bytes.len()) == Some(bytes)
    };
    if bytes.len() < REUSED_UP_TO {
        PREVIOUS.with_borrow_mut(same)
    } else {
        same(&mut Vec::new())
    }
}

/// Why a file could not be made: its folder, or the file itself.
enum MakeError {
    Folder(io::Error),
    File(io::Error),
}

impl MakeError {
    fn diagnostic(&self, file: &Path, action: &str) -> Diagnostic {
        match self {
            Self::Folder(error) => io_error(
                file.parent().unwrap_or(file),
                "create a folder of the site",
                error,
            ),
            Self::File(error) => io_error(file, action, error),
        }
    }
}

/// Runs `make`, which creates the file `path`, creating the file's folder
/// first if `make` finds it missing. Thousands of pages share a few
/// folders: each is made on its first file's failure instead of checked
/// before every file.
fn in_folder<T>(path: &Path, make: impl Fn() -> io::Result<T>) -> Result<T, MakeError> {
    match make() {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).map_err(MakeError::Folder)?;
            }
            make().map_err(MakeError::File)
        }
        made => made.map_err(MakeError::File),
    }
}

/// Removes a previous site, or a staging folder. Its thousands of files are
/// removed from every core, each by its name in an open folder: a path
/// from the root would be walked again for every file.
fn remove_tree(dir: &Path) {
    #[cfg(unix)]
    if removal::remove_tree(dir).is_ok() {
        return;
    }
    // Whatever that could not remove (a racing writer, an odd filesystem).
    let _ = fs::remove_dir_all(dir);
}

#[cfg(unix)]
mod removal {
    use std::path::Path;

    use rayon::prelude::*;
    use rustix::fd::{AsFd, BorrowedFd, OwnedFd};
    use rustix::fs::{AtFlags, CWD, Dir, FileType, Mode, OFlags, openat, statat, unlinkat};
    use rustix::io::Result;

    pub fn remove_tree(dir: &Path) -> Result<()> {
        empty(open_folder(CWD, dir)?)?;
        unlinkat(CWD, dir, AtFlags::REMOVEDIR)
    }

    fn open_folder<P: rustix::path::Arg>(parent: BorrowedFd<'_>, name: P) -> Result<OwnedFd> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        openat(parent, name, flags, Mode::empty())
    }

    /// Removes what the folder `folder` holds: its files, then its
    /// subfolders in parallel. Names are read in full first, as `rm -r`
    /// does, since removing while reading may skip entries elsewhere.
    fn empty(folder: OwnedFd) -> Result<()> {
        let mut entries = Dir::new(folder)?;
        let mut names = Vec::new();
        for entry in &mut entries {
            let entry = entry?;
            if !matches!(entry.file_name().to_bytes(), b"." | b"..") {
                names.push((entry.file_name().to_owned(), entry.file_type()));
            }
        }
        let folder = entries.fd()?;
        let mut files = Vec::new();
        let mut subfolders = Vec::new();
        for (name, file_type) in names {
            let file_type = match file_type {
                // Filesystems that do not say: ask, without following links.
                FileType::Unknown => FileType::from_raw_mode(
                    statat(folder, name.as_c_str(), AtFlags::SYMLINK_NOFOLLOW)?.st_mode,
                ),
                known => known,
            };
            if file_type == FileType::Directory {
                subfolders.push(name);
            } else {
                files.push(name);
            }
        }
        for name in &files {
            unlinkat(folder, name.as_c_str(), AtFlags::empty())?;
        }
        subfolders.par_iter().try_for_each(|name| {
            empty(open_folder(folder.as_fd(), name.as_c_str())?)?;
            unlinkat(folder, name.as_c_str(), AtFlags::REMOVEDIR)
        })
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
            remove_tree(&entry.path());
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
        .with_code("output-write-failed")
        .with_help("check that the folder exists, is writable and that the disk is not full")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `dir` holds, sorted: the site and nothing left beside it.
    fn names_in(dir: &Path) -> Vec<std::ffi::OsString> {
        let mut names: Vec<_> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn publish_replaces_the_previous_site_and_leaves_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();

        let staging = Staging::create(&out).unwrap();
        staging.folder().write("fr/index.html", b"new").unwrap();
        staging.publish().unwrap();

        assert!(!out.join("old.html").exists());
        assert_eq!(
            fs::read_to_string(out.join("fr/index.html")).unwrap(),
            "new"
        );
        assert_eq!(names_in(dir.path()), ["public"]);
    }

    #[test]
    fn a_failed_build_leaves_the_previous_site_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();
        {
            let staging = Staging::create(&out).unwrap();
            staging.folder().write("half.html", b"half").unwrap();
            // Dropped without publish, as when a later step fails.
        }
        assert_eq!(fs::read_to_string(out.join("old.html")).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unchanged_files_of_the_previous_site_are_kept_and_changed_ones_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let old = || {
            let staging = Staging::create(&out).unwrap();
            staging.folder().write("same.html", b"same").unwrap();
            staging.folder().write("changed.html", b"before").unwrap();
            staging.publish().unwrap();
        };
        old();
        let kept = fs::metadata(out.join("same.html"))
            .unwrap()
            .modified()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));

        let staging = Staging::create(&out).unwrap();
        staging.folder().write("same.html", b"same").unwrap();
        staging.folder().write("changed.html", b"before").unwrap();
        staging.folder().write("changed.html", b"after").unwrap();
        assert_eq!(
            fs::read_to_string(out.join("changed.html")).unwrap(),
            "before",
            "the published site is untouched until the new one is in place"
        );
        staging.publish().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("changed.html")).unwrap(),
            "after"
        );
        let now = fs::metadata(out.join("same.html"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(now, kept, "an unchanged file keeps its modification time");
    }

    #[test]
    fn unchanged_files_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let folder = SiteFolder::at(dir.path());
        assert!(folder.write_if_changed("fr/a/index.html", b"one").unwrap());
        assert!(!folder.write_if_changed("fr/a/index.html", b"one").unwrap());
        assert!(folder.write_if_changed("fr/a/index.html", b"two").unwrap());
        assert_eq!(
            fs::read_to_string(dir.path().join("fr/a/index.html")).unwrap(),
            "two"
        );
    }

    #[cfg(unix)]
    #[test]
    fn assets_are_hard_linked_and_replacing_them_leaves_the_source_alone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("shot.png");
        fs::write(&source, b"image").unwrap();
        let site = dir.path().join("site");
        let folder = SiteFolder::at(&site);
        assert_eq!(folder.copy("en/assets/shot.png", &source).unwrap(), 5);
        let published = dir.path().join("site/en/assets/shot.png");
        assert_eq!(
            fs::metadata(&published).unwrap().ino(),
            fs::metadata(&source).unwrap().ino(),
            "the asset is the source's file, not a copy"
        );
        folder.write("en/assets/shot.png", b"other").unwrap();
        assert_eq!(fs::read(&source).unwrap(), b"image");
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

    #[cfg(unix)]
    #[test]
    fn replacing_a_site_removes_its_whole_tree_but_nothing_a_link_points_to() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let elsewhere = dir.path().join("elsewhere");
        fs::create_dir_all(out.join("fr/technotes/deep")).unwrap();
        fs::write(out.join("fr/technotes/deep/index.html"), "old").unwrap();
        fs::create_dir(&elsewhere).unwrap();
        fs::write(elsewhere.join("keep.txt"), "mine").unwrap();
        // A link a user (or a deploy tool) left in the old site.
        std::os::unix::fs::symlink(&elsewhere, out.join("fr/link")).unwrap();

        let staging = Staging::create(&out).unwrap();
        staging.folder().write("en/index.html", b"new").unwrap();
        staging.publish().unwrap();

        assert!(!out.join("fr").exists());
        assert_eq!(
            fs::read_to_string(elsewhere.join("keep.txt")).unwrap(),
            "mine"
        );
        assert_eq!(names_in(dir.path()), ["elsewhere", "public"]);
    }
}
