//! Localizer: what templates and the CLI get back for each locale.

use std::fs;
use std::path::{Path, PathBuf};

use technote_i18n::{FluentArgs, FluentValue, Localizer};
use unic_langid::LanguageIdentifier;

fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

fn localizer(sources: &[(&str, &str)]) -> Localizer {
    let sources = sources
        .iter()
        .map(|(tag, text)| {
            (
                lang(tag),
                PathBuf::from(format!("{tag}/ui.ftl")),
                (*text).to_string(),
            )
        })
        .collect();
    Localizer::from_sources(sources, &lang("en")).unwrap()
}

const EN: &str = "
nav-home = Home
greeting = Hello, { $name }!
only-en = English only
checker-finding = Upgrade to { $version } or later.
field = Version
    .placeholder = e.g. 21.1.3
apostrophe = { -brand }'s notes
-brand = Campaign
";

#[test]
fn formats_in_the_locale_then_falls_back_to_the_reference() {
    let l10n = localizer(&[("en", EN), ("fr", "nav-home = Accueil\n")]);
    assert_eq!(
        l10n.format(&lang("fr"), "nav-home", None).unwrap(),
        "Accueil"
    );
    assert_eq!(
        l10n.format(&lang("fr"), "only-en", None).unwrap(),
        "English only"
    );
    assert_eq!(l10n.provider(&lang("fr"), "nav-home"), Some(lang("fr")));
    assert_eq!(l10n.provider(&lang("fr"), "only-en"), Some(lang("en")));
    assert_eq!(l10n.provider(&lang("fr"), "nope"), None);
}

#[test]
fn variables_are_inserted_without_isolation_marks() {
    let l10n = localizer(&[("en", EN)]);
    let mut args = FluentArgs::new();
    args.set("name", FluentValue::from("Ana"));
    assert_eq!(
        l10n.format(&lang("en"), "greeting", Some(&args)).unwrap(),
        "Hello, Ana!"
    );
    assert_eq!(
        l10n.format(&lang("en"), "apostrophe", None).unwrap(),
        "Campaign's notes"
    );
}

#[test]
fn attributes_are_addressed_with_a_dot() {
    let l10n = localizer(&[("en", EN)]);
    assert_eq!(
        l10n.format(&lang("en"), "field.placeholder", None).unwrap(),
        "e.g. 21.1.3"
    );
    assert!(l10n.format(&lang("en"), "field.missing", None).is_err());
}

#[test]
fn fallback_chain_walks_less_specific_locales_then_the_reference() {
    let l10n = localizer(&[
        ("en", EN),
        ("fr", "nav-home = Accueil\n"),
        ("fr-CA", "greeting = Bonjour, { $name }!\n"),
        ("zh", "nav-home = 首页\n"),
        ("zh-Hant", "only-en = 繁體\n"),
    ]);
    assert_eq!(
        l10n.fallback_chain(&lang("fr-CA")),
        [lang("fr-CA"), lang("fr"), lang("en")]
    );
    assert_eq!(
        l10n.fallback_chain(&lang("zh-Hant-TW")),
        [lang("zh-Hant"), lang("zh"), lang("en")]
    );
    assert_eq!(l10n.fallback_chain(&lang("en")), [lang("en")]);
    assert_eq!(l10n.fallback_chain(&lang("de")), [lang("en")]);
    assert_eq!(
        l10n.format(&lang("fr-CA"), "nav-home", None).unwrap(),
        "Accueil"
    );
    assert_eq!(
        l10n.format(&lang("zh-Hant-TW"), "only-en", None).unwrap(),
        "繁體"
    );
    assert_eq!(
        l10n.format(&lang("zh-Hant-TW"), "nav-home", None).unwrap(),
        "首页"
    );
}

#[test]
fn message_ids_cover_the_whole_chain_sorted() {
    let l10n = localizer(&[
        ("en", "b = B\na = A\n-term = T\n"),
        ("fr", "c = C\na = A\n"),
    ]);
    assert_eq!(l10n.message_ids(&lang("fr")), ["a", "b", "c"]);
    assert_eq!(l10n.message_ids(&lang("en")), ["a", "b"]);
}

#[test]
fn formatting_errors_are_errors_not_half_strings() {
    let l10n = localizer(&[("en", EN)]);
    let error = l10n.format(&lang("fr"), "greeting", None).unwrap_err();
    assert_eq!(error.id, "greeting");
    assert_eq!(error.locale, lang("fr"));
    assert!(error.to_string().contains("greeting"), "{error}");
    assert!(error.reason.contains("name"), "{error}");

    let missing = l10n.format(&lang("fr"), "nope", None).unwrap_err();
    assert!(missing.reason.contains("en"), "{missing}");
}

#[test]
fn template_leaves_sentinels_for_the_browser() {
    let l10n = localizer(&[("en", EN)]);
    assert_eq!(
        l10n.template(&lang("en"), "checker-finding").unwrap(),
        "Upgrade to \u{E000}version\u{E001} or later."
    );
}

#[test]
fn syntax_errors_name_file_line_column_and_quote_the_line() {
    let sources = vec![(
        lang("en"),
        PathBuf::from("en/ui.ftl"),
        "ok = fine\nbroken = { $x\nnext = n\n".to_string(),
    )];
    let problems = Localizer::from_sources(sources, &lang("en")).err().unwrap();
    assert_eq!(problems.len(), 1);
    let problem = &problems[0];
    assert_eq!(problem.file, Path::new("en/ui.ftl"));
    assert_eq!(problem.line, Some(2));
    assert!(problem.column.is_some());
    assert!(problem.message.contains("broken = { $x"), "{problem}");
}

#[test]
fn a_malformed_comment_fails_loading_as_it_fails_the_lint() {
    // The runtime parser alone skips comments; found by fuzzing (fuzz/).
    let sources = vec![(
        lang("en"),
        PathBuf::from("en/ui.ftl"),
        "ok = fine\n##x = commented out?\n".to_string(),
    )];
    let problems = Localizer::from_sources(sources, &lang("en")).err().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0].line, problems[0].column), (Some(2), Some(3)));
}

#[test]
fn a_message_defined_twice_names_both_files() {
    let sources = vec![
        (lang("en"), PathBuf::from("en/a.ftl"), "x = 1\n".to_string()),
        (
            lang("en"),
            PathBuf::from("en/b.ftl"),
            "y = 2\n\nx = 3\n".to_string(),
        ),
    ];
    let problems = Localizer::from_sources(sources, &lang("en")).err().unwrap();
    assert_eq!(problems.len(), 1);
    let problem = &problems[0];
    assert_eq!(problem.file, Path::new("en/b.ftl"));
    assert_eq!((problem.line, problem.column), (Some(3), Some(1)));
    assert!(problem.message.contains("en/a.ftl"), "{problem}");
}

#[test]
fn load_reads_sorted_ftl_files_of_each_locale_folder() {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in [
        ("en/b.ftl", "second = Second\n"),
        ("en/a.ftl", "first = First\n"),
        ("en/notes.txt", "not = fluent {\n"),
        ("en/.#a.ftl", "lock = {\n"),
        ("fr/a.ftl", "first = Premier\n"),
    ] {
        let path = dir.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let l10n = Localizer::load(dir.path(), &[lang("fr"), lang("en")], &lang("en")).unwrap();
    assert_eq!(l10n.format(&lang("fr"), "first", None).unwrap(), "Premier");
    assert_eq!(l10n.format(&lang("fr"), "second", None).unwrap(), "Second");
}

#[test]
fn load_reports_invalid_utf8_and_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("en")).unwrap();
    fs::write(dir.path().join("en/ui.ftl"), b"ok = caf\xE9\n").unwrap();
    let problems = Localizer::load(dir.path(), &[lang("fr"), lang("en")], &lang("en"))
        .err()
        .unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0].file, dir.path().join("fr"));
    assert!(problems[1].message.contains("UTF-8"), "{}", problems[1]);
    assert_eq!((problems[1].line, problems[1].column), (Some(1), Some(9)));
}

#[test]
fn localizer_can_be_shared_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Localizer>();
}

#[test]
fn a_five_megabyte_ftl_loads_and_a_five_megabyte_mistake_is_summed_up() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("en")).unwrap();
    let many: String = (0..80_000)
        .map(|i| format!("big-message-{i} = A long enough text to fill the file, number {i}\n"))
        .collect();
    assert!(many.len() > 5_000_000);
    fs::write(dir.path().join("en/big.ftl"), &many).unwrap();
    let l10n = Localizer::load(dir.path(), &[lang("en")], &lang("en")).unwrap();
    assert_eq!(
        l10n.format(&lang("en"), "big-message-79999", None).unwrap(),
        "A long enough text to fill the file, number 79999"
    );

    fs::write(
        dir.path().join("en/big.ftl"),
        "garbage { line without its closing brace\n".repeat(130_000),
    )
    .unwrap();
    let problems = Localizer::load(dir.path(), &[lang("en")], &lang("en"))
        .err()
        .unwrap();
    assert_eq!(problems.len(), 21, "20 errors, then how many more");
    assert_eq!(problems[19].line, Some(20));
    assert!(
        problems[20]
            .message
            .ends_with("more syntax errors in this file are not shown"),
        "{}",
        problems[20]
    );
}

/// Result counts as the search box shows them, in three languages whose
/// plurals English does not prepare a translator for.
const PLURAL_EN: &str =
    "results = { $count ->\n    [one] { $count } result\n   *[other] { $count } results\n}\n";
const PLURAL_PL: &str = "results = { $count ->\n    [one] { $count } wynik\n    [few] { $count } wyniki\n    [many] { $count } wyników\n   *[other] { $count } wyniku\n}\n";
const PLURAL_RU: &str = "results = { $count ->\n    [one] { $count } результат\n    [few] { $count } результата\n    [many] { $count } результатов\n   *[other] { $count } результата\n}\n";
const PLURAL_AR: &str = "results = { $count ->\n    [zero] لا نتائج\n    [one] نتيجة واحدة\n    [two] نتيجتان\n    [few] { $count } نتائج\n    [many] { $count } نتيجة\n   *[other] { $count } نتيجة\n}\n";

#[test]
fn counts_select_the_cldr_plural_form_of_each_language() {
    let l10n = localizer(&[
        ("en", PLURAL_EN),
        ("pl", PLURAL_PL),
        ("ru", PLURAL_RU),
        ("ar", PLURAL_AR),
    ]);
    let counts = [0, 1, 2, 5, 22, 101];
    let shown = |tag: &str| -> Vec<String> {
        counts
            .iter()
            .map(|&count| {
                let mut args = FluentArgs::new();
                // As the site's templates pass numbers: a float.
                args.set("count", FluentValue::from(f64::from(count)));
                l10n.format(&lang(tag), "results", Some(&args)).unwrap()
            })
            .collect()
    };
    assert_eq!(
        shown("pl"),
        [
            "0 wyników",
            "1 wynik",
            "2 wyniki",
            "5 wyników",
            "22 wyniki",
            "101 wyników"
        ]
    );
    assert_eq!(
        shown("ru"),
        [
            "0 результатов",
            "1 результат",
            "2 результата",
            "5 результатов",
            "22 результата",
            "101 результат"
        ]
    );
    assert_eq!(
        shown("ar"),
        [
            "لا نتائج",
            "نتيجة واحدة",
            "نتيجتان",
            "5 نتائج",
            "22 نتيجة",
            "101 نتيجة"
        ]
    );
}

#[test]
fn plural_templates_give_the_browser_one_text_per_form() {
    let en = "results = { $count ->\n    [0] Nothing found\n    [one] One result\n   *[other] { $count } results\n}\n";
    let l10n = localizer(&[("en", en), ("pl", PLURAL_PL)]);
    let polish = l10n.plural_templates(&lang("pl"), "results").unwrap();
    let keys: Vec<&str> = polish.keys().map(String::as_str).collect();
    assert_eq!(keys, ["few", "many", "one", "other"]);
    assert_eq!(polish["few"], "\u{E000}count\u{E001} wyniki");
    assert_eq!(polish["many"], "\u{E000}count\u{E001} wyników");
    let english = l10n.plural_templates(&lang("en"), "results").unwrap();
    assert_eq!(english["=0"], "Nothing found");
    assert_eq!(english["one"], "One result");
    assert_eq!(english["other"], "\u{E000}count\u{E001} results");
}

#[test]
fn a_copy_of_the_reference_text_is_marked_as_the_reference_language_unless_kept_on_purpose() {
    let l10n = localizer(&[
        ("en", EN),
        (
            "ar",
            "nav-home = Home\nfield = Version\n    .placeholder = e.g. 21.1.3\n# unchanged: the product's name\n-brand = Campaign\n# unchanged: the product's name\nonly-en = English only\ngreeting = مرحبا { $name }!\n",
        ),
    ]);
    let marked = |id: &str| l10n.format_for_page(&lang("ar"), id, None).unwrap();
    assert_eq!(
        marked("nav-home"),
        "\u{E002}Home\u{E003}",
        "copied, not translated"
    );
    assert_eq!(marked("field.placeholder"), "\u{E002}e.g. 21.1.3\u{E003}");
    assert_eq!(marked("only-en"), "English only", "kept on purpose");
    let mut args = technote_i18n::FluentArgs::new();
    args.set("name", "Sam");
    assert_eq!(
        l10n.format_for_page(&lang("ar"), "greeting", Some(&args))
            .unwrap(),
        "مرحبا Sam!",
        "translated"
    );
}

#[test]
fn a_fallback_in_another_language_is_marked_then_isolated_or_marked_up() {
    let l10n = localizer(&[
        ("en", EN),
        ("ar", "nav-home = الرئيسية\n"),
        ("fr", ""),
        ("en-GB", ""),
    ]);
    let arabic = l10n.format_for_page(&lang("ar"), "only-en", None).unwrap();
    assert_eq!(arabic, "\u{E002}English only\u{E003}");
    assert_eq!(
        l10n.isolate_fallbacks(&arabic, &lang("ar")),
        "\u{2066}English only\u{2069}",
        "in an attribute of a right-to-left page, isolated left to right"
    );
    assert_eq!(
        l10n.mark_up_fallbacks(&format!("<a>{arabic}</a>")),
        "<a><span lang=\"en\" dir=\"ltr\">English only</span></a>"
    );
    assert_eq!(
        l10n.format_for_page(&lang("ar"), "nav-home", None).unwrap(),
        "الرئيسية"
    );
    let french = l10n.format_for_page(&lang("fr"), "only-en", None).unwrap();
    assert_eq!(
        french, "\u{E002}English only\u{E003}",
        "English on a French page is marked"
    );
    assert_eq!(
        l10n.isolate_fallbacks(&french, &lang("fr")),
        "English only",
        "French and English both run left to right: nothing to isolate"
    );
    assert_eq!(
        l10n.format_for_page(&lang("en-GB"), "only-en", None)
            .unwrap(),
        "English only",
        "British English showing English text shows its own language"
    );
    // Other private-use characters (the check messages' variable marks)
    // begin with the same byte as the fallback marks and stay as they are.
    let around = format!("\u{E000}version\u{E001} {arabic} \u{E000}\u{E001}{arabic}");
    assert_eq!(
        l10n.isolate_fallbacks(&around, &lang("ar")),
        "\u{E000}version\u{E001} \u{2066}English only\u{2069} \u{E000}\u{E001}\u{2066}English only\u{2069}"
    );
    assert_eq!(
        l10n.mark_up_fallbacks(&around),
        "\u{E000}version\u{E001} <span lang=\"en\" dir=\"ltr\">English only</span> \u{E000}\u{E001}<span lang=\"en\" dir=\"ltr\">English only</span>"
    );
}

#[test]
fn a_project_file_replaces_the_builtin_file_of_its_name_and_the_others_stay() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("en")).unwrap();
    fs::write(dir.path().join("en/site.ftl"), "site-name = Our notes\n").unwrap();
    let builtin = [
        (
            "en",
            "site.ftl",
            &b"site-name = Technotes\nsite-tagline = Built in\n"[..],
        ),
        ("en", "search.ftl", &b"search-label = Search\n"[..]),
        // A locale the project has no folder for is read from the builtin files alone.
        ("fr", "site.ftl", &b"site-name = Notes techniques\n"[..]),
    ];
    let l10n =
        Localizer::load_over(&builtin, dir.path(), &[lang("en"), lang("fr")], &lang("en")).unwrap();
    let text = |locale: &str, id: &str| l10n.format(&lang(locale), id, None).unwrap();
    assert_eq!(text("en", "site-name"), "Our notes");
    assert_eq!(text("en", "search-label"), "Search");
    assert_eq!(text("fr", "site-name"), "Notes techniques");
    // The replaced file's other messages are gone with it, as with a template.
    assert!(l10n.format(&lang("en"), "site-tagline", None).is_err());
    // Without builtin files, the missing folder is the problem it always was.
    let problems = Localizer::load(dir.path(), &[lang("en"), lang("fr")], &lang("en"))
        .err()
        .unwrap();
    assert!(problems[0].file.ends_with("fr"), "{problems:?}");
}

/// A locale tree: each `(path, text)` under a temporary `locales/`.
fn locales_tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (rel, text) in files {
        let path = dir.path().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn pt_br_falls_back_to_pt_before_the_reference_locale() {
    let dir = locales_tree(&[
        (
            "en/site.ftl",
            "save = Save\ncancel = Cancel\nclose = Close\n",
        ),
        ("pt/site.ftl", "save = Guardar\ncancel = Cancelar\n"),
        ("pt-BR/site.ftl", "save = Salvar\n"),
    ]);
    let l10n = Localizer::load(dir.path(), &[lang("en"), lang("pt-BR")], &lang("en")).unwrap();
    let pt_br = lang("pt-BR");
    assert_eq!(l10n.format(&pt_br, "save", None).unwrap(), "Salvar");
    assert_eq!(l10n.format(&pt_br, "cancel", None).unwrap(), "Cancelar");
    assert_eq!(l10n.format(&pt_br, "close", None).unwrap(), "Close");
    assert_eq!(
        l10n.fallback_chain(&pt_br),
        [lang("pt-BR"), lang("pt"), lang("en")]
    );
    assert_eq!(l10n.fallbacks(&pt_br).missing_messages, 1);
}

#[test]
fn a_locale_without_string_files_gets_one_warning_with_the_count() {
    let dir = locales_tree(&[
        ("en/site.ftl", "save = Save\ncancel = Cancel\n"),
        ("en/search.ftl", "search = Search\n"),
        ("de/site.ftl", "save = Speichern\n"),
        ("sv/.keep", ""),
    ]);
    let locales = [lang("en"), lang("de"), lang("sv")];
    let l10n = Localizer::load(dir.path(), &locales, &lang("en")).unwrap();
    let warnings = l10n.fallback_warnings(dir.path(), &locales);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(warnings[0].file, dir.path().join("de"));
    assert_eq!(
        warnings[0].message,
        "`de` lacks the string file search.ftl and 2 of the 3 UI strings: its pages show them in `en`"
    );
    assert_eq!(warnings[0].code, Some("ftl-locale-incomplete"));
    assert_eq!(
        warnings[1].message,
        "`sv` has no UI strings of its own: its pages show all 3 in `en`"
    );
    assert_eq!(l10n.format(&lang("sv"), "save", None).unwrap(), "Save");
}
