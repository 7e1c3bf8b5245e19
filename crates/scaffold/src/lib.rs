//! `technote new`: a new locale (its configuration entry, its `.ftl` files
//! copied from the reference locale, its content folder) or a new technote
//! (front matter with a fresh `exl-id`, or a translation of a source that
//! records the source's revision); `init`, a whole project on the built-in
//! theme; `eject`, the theme's files to edit. Nothing existing is ever overwritten:
//! every target is checked before the first file is written.

mod eject;
mod init;
mod locale;
mod technote;

pub use eject::eject;
pub use init::init;
pub use locale::new_locale;
pub use technote::new_technote;

use std::path::PathBuf;

/// What a scaffold wrote, for the command to list.
#[derive(Debug, Default)]
pub struct Created {
    pub files: Vec<PathBuf>,
    /// The site configuration, when it was edited rather than created.
    pub edited: Vec<PathBuf>,
}
