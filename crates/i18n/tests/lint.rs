//! The translators' lint: each locale against the reference.

use std::fs;
use std::path::Path;

use technote_diagnostics::{Diagnostic, Severity};
use technote_i18n::lint::{Coverage, compare_locales};
use unic_langid::LanguageIdentifier;

fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

const EN: &str = "\
nav-home = Home
checker-finding = Upgrade to { $version } or later.
field = Version
    .placeholder = e.g. 21.1.3
    .title = Your Campaign version
plural = { $count ->
    [one] One page
   *[other] { $count } pages
}
";

fn find<'a>(diagnostics: &'a [Diagnostic], needle: &str) -> &'a Diagnostic {
    diagnostics
        .iter()
        .find(|d| d.message.contains(needle))
        .unwrap_or_else(|| panic!("no diagnostic contains {needle:?} in {diagnostics:#?}"))
}

#[test]
fn a_complete_translation_is_clean_and_fully_covered() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/ui.ftl", EN);
    write(
        dir.path(),
        "fr/ui.ftl",
        "\
nav-home = Accueil
checker-finding = Passez à { $version } ou plus récent.
field = Version
    .placeholder = p. ex. 21.1.3
    .title = Votre version de Campaign
plural = { $count ->
    [one] Une page
   *[other] { $count } pages
}
",
    );
    let report = compare_locales(dir.path(), &lang("en"), &[lang("fr"), lang("en")]);
    assert_eq!(report.diagnostics, []);
    assert_eq!(
        report.coverage,
        [Coverage {
            locale: lang("fr"),
            translated: 4,
            total: 4,
            unchanged: vec![],
        }]
    );
}

#[test]
fn missing_obsolete_and_differing_messages_are_warnings_with_positions() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/ui.ftl", EN);
    write(
        dir.path(),
        "fr/ui.ftl",
        "\
checker-finding = Passez à { $versoin } ou plus récent.
field = Version
    .placeholder = p. ex. 21.1.3
    .tooltip = Obsolète
old-message = Plus utilisé
plural = { \"\" }
",
    );
    let report = compare_locales(dir.path(), &lang("en"), &[lang("fr")]);
    let d = &report.diagnostics;
    assert!(d.iter().all(|d| d.severity == Severity::Warning), "{d:#?}");
    assert!(!report.has_errors());

    let missing = find(d, "`nav-home` is not translated into fr");
    assert_eq!(missing.file, dir.path().join("fr/ui.ftl"));
    assert!(missing.message.contains("en/ui.ftl:1:1"), "{missing}");

    // The misspelt variable is shown where it is; the one left out, at
    // its message.
    let unknown = find(d, "uses { $versoin }");
    assert_eq!((unknown.line, unknown.column), (Some(1), Some(30)));
    let unused = find(d, "does not use { $version }");
    assert_eq!((unused.line, unused.column), (Some(1), Some(1)));

    let missing_attribute = find(d, "has no `.title` attribute");
    assert_eq!(missing_attribute.line, Some(2));
    let obsolete_attribute = find(d, "`field.tooltip` is not in the reference locale en");
    assert_eq!(
        (obsolete_attribute.line, obsolete_attribute.column),
        (Some(4), Some(6))
    );

    let obsolete = find(d, "`old-message` is not in the reference locale en");
    assert_eq!(obsolete.line, Some(5));

    let empty = find(d, "`plural` is empty");
    assert_eq!(empty.line, Some(6));
    find(d, "`plural` does not use { $count }");

    assert_eq!(
        report.coverage,
        [Coverage {
            locale: lang("fr"),
            translated: 2,
            total: 4,
            unchanged: vec![],
        }]
    );
}

#[test]
fn syntax_errors_and_missing_default_variants_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/ui.ftl", EN);
    write(
        dir.path(),
        "fr/ui.ftl",
        "\
nav-home = Accueil
plural = { $count ->
    [one] Une page
    [other] { $count } pages
}
broken = { $x
",
    );
    let report = compare_locales(dir.path(), &lang("en"), &[lang("fr")]);
    assert!(report.has_errors());
    let no_default = find(&report.diagnostics, "no default variant");
    assert_eq!(no_default.severity, Severity::Error);
    assert_eq!(no_default.line, Some(2));
    assert!(no_default.help.as_deref().unwrap().contains("*[other]"));
    let broken = find(&report.diagnostics, "broken = { $x");
    assert_eq!(broken.line, Some(6));
}

#[test]
fn duplicates_across_files_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/a.ftl", "nav-home = Home\n");
    write(dir.path(), "en/b.ftl", "\nnav-home = Home again\n");
    let report = compare_locales(dir.path(), &lang("en"), &[lang("en")]);
    let duplicate = find(&report.diagnostics, "defined twice");
    assert_eq!(duplicate.severity, Severity::Error);
    assert_eq!(duplicate.file, dir.path().join("en/b.ftl"));
    assert_eq!(duplicate.line, Some(2));
    assert!(duplicate.message.contains("a.ftl:1"), "{duplicate}");
}

#[test]
fn a_missing_locale_folder_is_reported_with_zero_coverage() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/ui.ftl", EN);
    let report = compare_locales(dir.path(), &lang("en"), &[lang("de")]);
    let missing_folder = &report.diagnostics[0];
    assert_eq!(missing_folder.file, dir.path().join("de"));
    assert_eq!(report.coverage[0].translated, 0);
    assert_eq!(report.coverage[0].total, 4);
}

#[test]
fn plural_variants_are_checked_against_each_locales_cldr_categories() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/ui.ftl", EN);
    write(
        dir.path(),
        "pl/ui.ftl",
        "plural = { $count ->\n    [one] Jedna strona\n   *[other] { $count } stron\n}\n",
    );
    write(
        dir.path(),
        "de/ui.ftl",
        "plural = { $count ->\n    [one] Eine Seite\n    [few] Wenige Seiten\n    [tausend] Tausend Seiten\n   *[other] { $count } Seiten\n}\n",
    );
    let report = compare_locales(dir.path(), &lang("en"), &[lang("pl"), lang("de")]);
    let missing = find(&report.diagnostics, "has no `[few]`, `[many]` variant");
    assert_eq!(missing.code, Some("plural-missing"));
    assert_eq!(missing.file, dir.path().join("pl/ui.ftl"));
    assert_eq!((missing.line, missing.column), (Some(2), Some(6)));
    assert!(
        missing.message.contains("one, few, many, other"),
        "{missing}"
    );
    assert!(
        missing
            .help
            .as_deref()
            .unwrap()
            .contains("`[few] …` (2, 3, 4, 22)"),
        "{missing}"
    );
    let few = find(
        &report.diagnostics,
        "`[few]` of `plural` can never be chosen",
    );
    assert_eq!(few.code, Some("plural-impossible"));
    assert_eq!((few.line, few.column), (Some(3), Some(6)));
    assert!(few.message.contains("no number is `few` in de"), "{few}");
    let tausend = find(&report.diagnostics, "`[tausend]` of `plural`");
    assert_eq!(tausend.code, Some("plural-impossible"));
    assert_eq!((tausend.line, tausend.column), (Some(4), Some(6)));
    assert!(
        !report
            .diagnostics
            .iter()
            .any(|d| d.message.contains("has no `[one]`")),
        "{:#?}",
        report.diagnostics
    );
}

#[test]
fn a_select_on_words_is_not_taken_for_a_plural() {
    let dir = tempfile::tempdir().unwrap();
    let en = "role = { $role ->\n    [admin] Administrator\n   *[other] User\n}\n";
    write(dir.path(), "en/ui.ftl", en);
    write(
        dir.path(),
        "pl/ui.ftl",
        "role = { $role ->\n    [admin] Administrator\n   *[other] Użytkownik\n}\n",
    );
    let report = compare_locales(dir.path(), &lang("en"), &[lang("pl")]);
    assert_eq!(report.diagnostics, []);
}

#[test]
fn a_copied_reference_text_counts_as_untranslated_unless_marked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/ui.ftl", EN);
    let copy = EN.replace(
        "nav-home = Home",
        "# unchanged: the product's own word\nnav-home = Home",
    );
    write(dir.path(), "de/ui.ftl", &copy);
    write(dir.path(), "fr/ui.ftl", EN);
    let report = compare_locales(dir.path(), &lang("en"), &[lang("fr"), lang("de")]);
    let french = &report.coverage[0];
    assert_eq!((french.translated, french.total), (0, 4));
    assert_eq!(
        french.unchanged,
        ["checker-finding", "field", "nav-home", "plural"]
    );
    let german = &report.coverage[1];
    assert_eq!((german.translated, german.total), (1, 4));
    assert!(!german.unchanged.contains(&"nav-home".to_string()));
}
