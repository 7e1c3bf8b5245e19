//! The project paths a command line names, checked before any work starts:
//! a root, configuration or content folder that is not there is a mistake
//! on the command line (exit 2), not a broken project (exit 1).

use std::path::Path;

use technote_site::BuildOptions;

/// Why `options` cannot name a project, as one line for the user.
pub fn project_paths(options: &BuildOptions) -> Result<(), String> {
    if !options.root.is_dir() {
        return Err(format!(
            "{} is not a folder: pass the project folder with --root",
            shown(&options.root)
        ));
    }
    if !options.config.is_file() {
        return Err(format!(
            "{} is not a file: run technote from the project folder, or pass --root or --config",
            shown(&options.config)
        ));
    }
    // A missing content folder is fine when `[content]` reads every locale
    // from a folder of its own; a configuration that does not load is the
    // build's to report, with its line.
    let every_locale_elsewhere = || {
        technote_content::SiteConfig::load(&options.config)
            .is_ok_and(|config| config.locales.iter().all(|l| config.has_own_folder(l)))
    };
    if !options.content.is_dir() && !every_locale_elsewhere() {
        return Err(format!(
            "{} is not a folder: create it with one folder per locale, or pass --content",
            shown(&options.content)
        ));
    }
    Ok(())
}

fn shown(path: &Path) -> String {
    format!("`{}`", path.display())
}
