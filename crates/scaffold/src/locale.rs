//! `technote new locale <tag>`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use technote_content::SiteConfig;
use technote_diagnostics::Diagnostic;
use unic_langid::LanguageIdentifier;

use crate::Created;

/// Heads each copied `.ftl` file: the copy counts as untranslated in
/// `technote check` (its text is the reference's) until translated.
fn header(reference: &LanguageIdentifier) -> String {
    format!(
        "### Copied from locales/{reference}/ by `technote new locale`: every message is\n\
         ### still in {reference}, and `technote check` counts each as untranslated\n\
         ### until its text is yours.\n\n"
    )
}

/// Adds `tag` to the site: its entry in `locales = [...]` of `config_path`,
/// `locales_dir/<tag>/` with a copy of each reference `.ftl` file, and an
/// empty `content_dir/<tag>/`. Refuses, writing nothing, when the locale is
/// configured already or any of these exists.
pub fn new_locale(
    config_path: &Path,
    locales_dir: &Path,
    content_dir: &Path,
    tag: &str,
) -> Result<Created, Diagnostic> {
    let locale: LanguageIdentifier = tag.parse().map_err(|_| {
        Diagnostic::error(config_path, format!("`{tag}` is not a language tag"))
            .with_code("new-refused")
            .with_help("use a BCP 47 tag such as `de`, `pt-BR` or `zh-Hant`")
    })?;
    let config = SiteConfig::load(config_path)?;
    if config.locales.contains(&locale) {
        return Err(Diagnostic::error(
            config_path,
            format!("locale `{locale}` is already in `locales`"),
        )
        .with_code("new-refused")
        .with_help("nothing was written; pick another tag"));
    }
    let ftl_dir = locales_dir.join(locale.to_string());
    let pages_dir = content_dir.join(locale.to_string());
    for existing in [&ftl_dir, &pages_dir] {
        if existing.exists() {
            return Err(Diagnostic::error(existing, "this folder exists already")
                .with_code("new-refused")
                .with_help("nothing was written: move it away first, or add the locale by hand"));
        }
    }
    let text = fs::read_to_string(config_path).map_err(|e| {
        Diagnostic::error(config_path, format!("cannot read it: {e}")).with_code("file-unreadable")
    })?;
    let edited = with_locale(&text, &locale).ok_or_else(|| {
        Diagnostic::error(
            config_path,
            "cannot find a one-line `locales = [...]` to add to",
        )
        .with_code("new-refused")
        .with_help(format!(
            "nothing was written: add \"{locale}\" to `locales` by hand"
        ))
    })?;
    let reference_dir = locales_dir.join(config.reference_locale.to_string());
    let sources = reference_files(&reference_dir)?;

    let mut created = Created::default();
    let unwritable = |path: &Path, e: std::io::Error| {
        Diagnostic::error(path, format!("cannot write it: {e}")).with_code("output-write-failed")
    };
    fs::create_dir_all(&ftl_dir).map_err(|e| unwritable(&ftl_dir, e))?;
    for (name, text) in sources {
        let target = ftl_dir.join(&name);
        let copy = format!("{}{text}", header(&config.reference_locale));
        fs::write(&target, copy).map_err(|e| unwritable(&target, e))?;
        created.files.push(target);
    }
    fs::create_dir_all(&pages_dir).map_err(|e| unwritable(&pages_dir, e))?;
    created.files.push(pages_dir);
    fs::write(config_path, edited).map_err(|e| unwritable(config_path, e))?;
    created.edited.push(config_path.to_path_buf());
    Ok(created)
}

/// The reference locale's `.ftl` files, (name, text), sorted by name: the
/// project's, and the built-in theme's it does not replace (a project with
/// no `locales/` folder uses them all).
fn reference_files(dir: &Path) -> Result<Vec<(PathBuf, String)>, Diagnostic> {
    let mut files = BTreeMap::new();
    let tag = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    for (name, bytes) in technote_theme::under(&format!("locales/{tag}")) {
        if let Ok(text) = std::str::from_utf8(bytes) {
            files.insert(PathBuf::from(name), text.to_string());
        }
    }
    if files.is_empty() || dir.exists() {
        let entries = fs::read_dir(dir).map_err(|e| {
            Diagnostic::error(
                dir,
                format!("cannot read the reference locale's folder: {e}"),
            )
            .with_code("file-unreadable")
        })?;
        for entry in entries.flatten() {
            let path = entry.path();
            let is_ftl = path.extension().is_some_and(|e| e == "ftl");
            if is_ftl && entry.file_type().is_ok_and(|t| t.is_file()) {
                let text = fs::read_to_string(&path).map_err(|e| {
                    Diagnostic::error(&path, format!("cannot read it: {e}"))
                        .with_code("file-unreadable")
                })?;
                files.insert(PathBuf::from(entry.file_name()), text);
            }
        }
    }
    Ok(files.into_iter().collect())
}

/// `config` with `"<locale>"` appended to its one-line `locales = [...]`,
/// when that line is there and the result still reads as TOML with the
/// locale in it; comments and layout are kept.
fn with_locale(config: &str, locale: &LanguageIdentifier) -> Option<String> {
    let mut done = false;
    let lines: Vec<String> = config
        .lines()
        .map(|line| {
            let is_locales = line
                .strip_prefix("locales")
                .is_some_and(|rest| rest.trim_start().starts_with('='));
            match line.find(']') {
                Some(end) if is_locales && !done && line.contains('[') => {
                    done = true;
                    let (before, after) = line.split_at(end);
                    let separator = if before.trim_end().ends_with('[') {
                        ""
                    } else {
                        ", "
                    };
                    format!("{}{separator}\"{locale}\"{after}", before.trim_end())
                }
                _ => line.to_string(),
            }
        })
        .collect();
    let mut edited = lines.join("\n");
    if config.ends_with('\n') {
        edited.push('\n');
    }
    let parsed: toml::Table = edited.parse().ok()?;
    let listed = parsed.get("locales")?.as_array()?;
    listed
        .iter()
        .any(|l| l.as_str() == Some(&locale.to_string()))
        .then_some(edited)
}

#[cfg(test)]
mod tests {
    use super::with_locale;

    #[test]
    fn the_locale_is_appended_and_the_rest_kept() {
        let config = "# Locales\nlocales = [\"fr\", \"en\"] # order\nreference_locale = \"en\"\n";
        assert_eq!(
            with_locale(config, &"de".parse().unwrap()).unwrap(),
            "# Locales\nlocales = [\"fr\", \"en\", \"de\"] # order\nreference_locale = \"en\"\n"
        );
        assert_eq!(
            with_locale("locales = [\n\"en\"]\n", &"de".parse().unwrap()),
            None
        );
    }
}
