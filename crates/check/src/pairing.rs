//! Translations pair by `exl-id`: a translation whose id matches nothing is
//! silently unpaired (its language switcher points at other languages' home
//! pages), so each such id is reported, with the id it most likely meant.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use technote_content::SiteConfig;
use technote_diagnostics::Diagnostic;
use technote_site::CheckedPage;

use crate::front_lines::key_or_top;

/// Ids within this Levenshtein distance of one in use are taken for typos.
const NEAR_MISS: usize = 2;

pub fn pairing_problems(pages: &[CheckedPage], config: &SiteConfig) -> Vec<Diagnostic> {
    // exl-id → locales that have it, and a page of each for messages.
    let mut by_id: BTreeMap<&str, BTreeMap<String, &CheckedPage>> = BTreeMap::new();
    for page in pages {
        if let Some(id) = page.front.exl_id.as_deref() {
            by_id
                .entry(id)
                .or_default()
                .insert(page.file.locale.to_string(), page);
        }
    }
    let mut found = Vec::new();
    for page in pages {
        let path = page.file.path.as_path();
        let locale = page.file.locale.to_string();
        let Some(id) = page.front.exl_id.as_deref() else {
            found.push(missing_id(path, config));
            continue;
        };
        let paired = by_id
            .get(id)
            .is_some_and(|locales| locales.keys().any(|l| *l != locale));
        if paired || page.file.locale == config.reference_locale {
            continue;
        }
        // Ids of other languages that no page of this one uses already.
        let candidates: BTreeSet<(usize, &str)> = by_id
            .iter()
            .filter(|(other, locales)| {
                **other != id && !locales.contains_key(&locale) && !locales.is_empty()
            })
            .map(|(other, _)| (strsim::levenshtein(id, other), *other))
            .filter(|(distance, _)| *distance <= NEAR_MISS)
            .collect();
        let claims_translation =
            page.front.workflow_type.is_some() || page.front.source_git_commit.is_some();
        let diagnostic = match candidates.first() {
            Some(&(_, near)) => {
                let source = by_id
                    .get(near)
                    .and_then(|locales| locales.values().next())
                    .map(|p| shown(&p.file.path))
                    .unwrap_or_default();
                Diagnostic::warning(
                    path,
                    format!(
                        "`exl-id: {id}` matches no technote in another language; did you mean `{near}` ({source})?"
                    ),
                )
                .with_help(format!(
                    "set `exl-id: {near}` so that this page and {source} are translations of each other"
                ))
            }
            None if claims_translation => Diagnostic::warning(
                path,
                format!(
                    "this translation's `exl-id: {id}` matches no technote in another language"
                ),
            )
            .with_help(format!(
                "copy the `exl-id` of the technote it translates (in content/{}/)",
                config.reference_locale
            )),
            None => continue,
        };
        // Read only for a warning: a source page with no pair is left alone.
        let (line, column) = key_or_top(path, config, "exl-id");
        found.push(diagnostic.at(line, column).with_code("exl-id-unpaired"));
    }
    found
}

fn missing_id(path: &Path, config: &SiteConfig) -> Diagnostic {
    let fresh = uuid::Uuid::new_v4();
    Diagnostic::warning(
        path,
        "this technote has no `exl-id`, so no translation can be paired with it",
    )
    .at(1, 1)
    .with_code("exl-id-missing")
    .with_help(format!(
        "add `exl-id: {fresh}` (a new id) to its front matter, and the same line to each of its translations (the reference language is {})",
        config.reference_locale
    ))
}

/// `path` as messages name files: `technote check` run in the project
/// folder finds `./content/en/a.md`, which the translator knows as
/// `content/en/a.md` (the diagnostic's own file is shortened the same way).
fn shown(path: &Path) -> String {
    let inside: PathBuf = path
        .components()
        .skip_while(|part| matches!(part, Component::CurDir))
        .collect();
    inside.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_found_from_the_project_folder_is_named_without_dot_slash() {
        assert_eq!(
            shown(Path::new("./content/en/a.md")),
            Path::new("content/en/a.md").display().to_string()
        );
        assert_eq!(
            shown(Path::new("/p/content/en/a.md")),
            Path::new("/p/content/en/a.md").display().to_string()
        );
    }
}
