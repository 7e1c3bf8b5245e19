//! The project's own checks through the seam the site uses: both
//! declarations read and proven with the project's messages, and every
//! Fluent message of a check's form named after its check.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use technote_i18n::Localizer;
use technote_live_checks::{ReleaseCatalog, SiteChecks, WIDGET_PREFIX};
use unic_langid::LanguageIdentifier;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn declarations(content: &Path) -> HashSet<String> {
    let folder = content.join("technotes/using");
    std::fs::read_dir(&folder)
        .expect("the technotes folder")
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.ends_with(technote_live_checks::DECLARATION_SUFFIX))
        .map(|name| format!("technotes/using/{name}"))
        .collect()
}

fn message_ids(locale: &str) -> Vec<String> {
    let folder = workspace().join("locales").join(locale);
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(folder).expect("locale folder").flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && id.starts_with("check")
                && !id.contains(' ')
            {
                ids.push(id.to_owned());
            }
        }
    }
    ids
}

#[test]
fn the_projects_checks_load_and_their_messages_are_named_after_them() {
    let en: LanguageIdentifier = "en".parse().unwrap();
    let fr: LanguageIdentifier = "fr".parse().unwrap();
    let locales = [fr.clone(), en.clone()];
    let localizer = Localizer::load(&workspace().join("locales"), &locales, &en)
        .expect("the project's messages load");
    let content = workspace().join("content/en");
    let checks = SiteChecks::load(
        &ReleaseCatalog::built_in(),
        &content,
        &declarations(&content),
        &localizer,
        &locales,
        &en,
    )
    .unwrap_or_else(|problems| panic!("{problems:#?}"));
    let mut widgets: Vec<String> = checks.widget_names().collect();
    widgets.sort();
    assert_eq!(widgets, ["check-ims-2021", "check-ims-migration"]);
    for widget in &widgets {
        for locale in &locales {
            let data = checks
                .page_data(widget.strip_prefix(WIDGET_PREFIX).unwrap(), locale)
                .expect("page data in every locale");
            assert!(!data.contains('<'), "script-safe JSON");
        }
    }

    // A message of a check's form belongs to a declared check, or to all.
    for locale in ["en", "fr"] {
        for id in message_ids(locale) {
            let owned = id.starts_with("checks-")
                || widgets
                    .iter()
                    .any(|widget| id.starts_with(&format!("{widget}-")));
            assert!(
                owned,
                "locales/{locale}: `{id}` names no declared check (check-<id>-… or checks-…)"
            );
        }
    }
}

#[test]
fn a_missing_message_is_reported_at_the_declarations_line() {
    let en: LanguageIdentifier = "en".parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content/en");
    std::fs::create_dir_all(content.join("technotes/using")).unwrap();
    std::fs::copy(
        workspace().join("tests/fixtures/checks/toy.check.toml"),
        content.join("technotes/using/toy.check.toml"),
    )
    .unwrap();
    let locales = dir.path().join("locales/en");
    std::fs::create_dir_all(&locales).unwrap();
    std::fs::write(locales.join("checks.ftl"), "check-toy-title = Toy\n").unwrap();
    let localizer =
        Localizer::load(&dir.path().join("locales"), std::slice::from_ref(&en), &en).unwrap();
    let problems = match SiteChecks::load(
        &ReleaseCatalog::built_in(),
        &content,
        &declarations(&content),
        &localizer,
        std::slice::from_ref(&en),
        &en,
    ) {
        Ok(_) => panic!("accepted without its messages"),
        Err(problems) => problems,
    };
    let intro = problems
        .iter()
        .find(|p| p.message.contains("check-toy-intro"))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(intro.code, Some("check-message-missing"));
    assert!(intro.line.is_some() && intro.column.is_some(), "{intro:?}");
    assert!(intro.file.ends_with("toy.check.toml"));
}
