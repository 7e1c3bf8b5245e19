//! technote's default theme, carried by the binary: the templates, the
//! `www/` assets and the base Fluent strings (`locales/en`, `locales/fr`).
//!
//! A project needs none of them on disk. A file of the project at the same
//! path (`templates/base.html`, `www/style.css`, `locales/fr/site.ftl`)
//! takes the place of the built-in one, as in mdBook; `technote eject`
//! writes the built-in files out to start from.

/// One file of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File {
    /// Its path in a project, `/`-separated: `templates/base.html`.
    pub path: &'static str,
    pub bytes: &'static [u8],
}

/// Every file of the theme, sorted by path.
pub static FILES: &[File] = include!(concat!(env!("OUT_DIR"), "/files.rs"));

/// The folders of a project the theme fills.
pub const FOLDERS: [&str; 3] = ["locales", "templates", "www"];

/// The built-in file at `path`, if there is one.
pub fn get(path: &str) -> Option<&'static File> {
    FILES
        .binary_search_by(|file| file.path.cmp(path))
        .ok()
        .map(|index| &FILES[index])
}

/// The files below `folder` (`templates`, `www`, `locales/en`), each with its
/// path relative to that folder.
pub fn under(folder: &str) -> impl Iterator<Item = (&'static str, &'static [u8])> + '_ {
    FILES.iter().filter_map(move |file| {
        let relative = file.path.strip_prefix(folder)?.strip_prefix('/')?;
        Some((relative, file.bytes))
    })
}

/// The `.ftl` files of the theme as (locale tag, file name, text).
pub fn ftl_files() -> impl Iterator<Item = (&'static str, &'static str, &'static [u8])> {
    under("locales").filter_map(|(relative, bytes)| {
        let (locale, name) = relative.split_once('/')?;
        name.ends_with(".ftl").then_some((locale, name, bytes))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_holds_every_template_a_site_renders_and_both_base_locales() {
        for path in [
            "templates/base.html",
            "templates/technote.html",
            "templates/home.html",
            "templates/404.html",
            "www/style.css",
            "www/search.js",
            "locales/en/site.ftl",
            "locales/fr/site.ftl",
        ] {
            assert!(get(path).is_some_and(|f| !f.bytes.is_empty()), "{path}");
        }
        assert!(get("templates/missing.html").is_none());
    }

    #[test]
    fn files_below_a_folder_are_named_relative_to_it() {
        let templates: Vec<&str> = under("templates").map(|(name, _)| name).collect();
        assert!(templates.contains(&"widgets/check.html"));
        assert!(templates.iter().all(|name| !name.starts_with('/')));
        assert!(under("www").all(|(name, _)| !name.starts_with("templates")));
        let ftl: Vec<_> = ftl_files()
            .map(|(locale, name, _)| (locale, name))
            .collect();
        assert!(ftl.contains(&("fr", "checks.ftl")));
    }

    #[test]
    fn no_hidden_file_is_carried() {
        assert!(
            FILES
                .iter()
                .all(|f| !f.path.split('/').any(|p| p.starts_with('.')))
        );
    }
}
