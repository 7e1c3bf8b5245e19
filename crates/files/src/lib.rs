//! Opens only what a project means to publish.
//!
//! A build copies `www/` into the site and reads `templates/` and
//! `locales/`: a symbolic link there to `/etc/shadow` or to
//! `/proc/self/environ` would publish a secret, and a named pipe would hang
//! the build forever. Every file of those folders is looked at before it is
//! opened: it must be a regular file, and its real path must lie inside the
//! folder it was found in (the rule `content/` follows too).

use std::fs::{self, FileType};
use std::io;
use std::path::{Path, PathBuf};

use technote_diagnostics::Diagnostic;

/// A folder of the project whose files are read through [`Folder::read`].
pub struct Folder {
    /// As the user named it, for messages.
    shown: PathBuf,
    /// Its real path: files must resolve below it.
    real: PathBuf,
}

impl Folder {
    /// The folder `dir`, which must exist.
    pub fn open(dir: &Path) -> io::Result<Self> {
        Ok(Self {
            shown: dir.to_path_buf(),
            real: fs::canonicalize(dir)?,
        })
    }

    /// Checks that `path`, a file found in this folder, may be opened: it
    /// resolves inside the folder and is a regular file.
    pub fn check(&self, path: &Path) -> Result<(), Diagnostic> {
        let real = fs::canonicalize(path).map_err(|error| unreadable(path, &error))?;
        if !real.starts_with(&self.real) {
            return Err(Diagnostic::error(
                path,
                format!(
                    "this file is a symbolic link to {}, outside {}",
                    real.display(),
                    self.shown.display()
                ),
            )
            .with_code("symlink-outside")
            .with_help(format!(
                "copy the file into {}, or remove the link",
                self.shown.display()
            )));
        }
        check_regular(path)
    }

    /// Reads a file of this folder after [`Folder::check`].
    pub fn read(&self, path: &Path) -> Result<Vec<u8>, Diagnostic> {
        self.check(path)?;
        fs::read(path).map_err(|error| unreadable(path, &error))
    }
}

/// Checks, before opening it, that `path` (a file named on the command line
/// or in the configuration) is a regular file, not a pipe or a device that
/// would hang or flood the build.
pub fn check_regular(path: &Path) -> Result<(), Diagnostic> {
    let meta = fs::metadata(path).map_err(|error| unreadable(path, &error))?;
    match special_kind(meta.file_type()) {
        Some(kind) => Err(not_a_file(path, kind)),
        None => Ok(()),
    }
}

/// What a file that is neither a regular file nor a folder is, in words;
/// `None` for regular files and folders.
pub fn special_kind(file_type: FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some("a device");
        }
    }
    Some("not a regular file")
}

/// The diagnostic for a special file found where a file was expected.
pub fn not_a_file(path: &Path, kind: &str) -> Diagnostic {
    Diagnostic::error(path, format!("this is {kind}, not a file: it is not read"))
        .with_code("file-not-regular")
        .with_help("replace it with a regular file, or move it out of the project")
}

fn unreadable(path: &Path, error: &io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("cannot read this file: {error}"))
        .with_code("file-unreadable")
        .with_help("check that it exists and that you may read it")
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_link_inside_the_folder_is_read_and_one_leaving_it_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let www = dir.path().join("www");
        fs::create_dir_all(www.join("css")).unwrap();
        fs::write(www.join("css/site.css"), "body{}").unwrap();
        fs::write(dir.path().join("secret"), "hunter2").unwrap();
        std::os::unix::fs::symlink(www.join("css/site.css"), www.join("alias.css")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret"), www.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(dir.path(), www.join("up")).unwrap();

        let folder = Folder::open(&www).unwrap();
        assert_eq!(folder.read(&www.join("alias.css")).unwrap(), b"body{}");
        let leak = folder.read(&www.join("leak.txt")).unwrap_err();
        assert!(leak.message.contains("outside"), "{leak}");
        // A linked folder on the way is seen through too.
        let through = folder.read(&www.join("up/secret")).unwrap_err();
        assert!(through.message.contains("outside"), "{through}");
    }

    #[test]
    fn a_named_pipe_is_refused_before_it_is_opened() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("page.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap();
        assert!(made.success());
        let refused = check_regular(&pipe).unwrap_err();
        assert!(refused.message.contains("a named pipe"), "{refused}");
        let folder = Folder::open(dir.path()).unwrap();
        assert!(folder.read(&pipe).is_err());
    }
}
