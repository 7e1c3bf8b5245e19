//! Every language names itself, string files or not, and `build` says
//! which languages show UI strings of the reference language.

mod common;

use common::{Scratch, stderr};
use scraper::{Html, Selector};

/// The shipped project with three more locales that have no string files.
fn with_new_languages() -> Scratch {
    let scratch = Scratch::new();
    let config = scratch.read("technote.toml").replace(
        r#"locales = ["fr", "en"]"#,
        r#"locales = ["fr", "en", "ja-JP", "zh-Hant", "de-DE"]"#,
    );
    scratch.write("technote.toml", config);
    for tag in ["ja-JP", "zh-Hant", "de-DE"] {
        std::fs::create_dir_all(scratch.root().join("locales").join(tag)).expect("mkdir");
    }
    scratch
}

fn switcher(html: &str) -> Vec<(String, String)> {
    let document = Html::parse_document(html);
    let links = Selector::parse("main a[hreflang]").expect("selector");
    document
        .select(&links)
        .map(|a| {
            (
                a.value().attr("hreflang").unwrap_or_default().to_string(),
                a.text().collect(),
            )
        })
        .collect()
}

#[test]
fn languages_without_string_files_name_themselves_and_build_warns_once_each() {
    let scratch = with_new_languages();
    let output = scratch.build();
    let errors = stderr(&output);
    assert!(output.status.success(), "{errors}");

    let root = std::fs::read_to_string(scratch.out().join("index.html")).expect("root page");
    let named: Vec<(String, String)> = [
        ("fr", "Français"),
        ("en", "English"),
        ("ja-JP", "日本語"),
        ("zh-Hant", "繁體中文"),
        ("de-DE", "Deutsch"),
    ]
    .iter()
    .map(|(tag, name)| ((*tag).to_string(), (*name).to_string()))
    .collect();
    assert_eq!(switcher(&root), named, "{root}");

    let japanese =
        std::fs::read_to_string(scratch.out().join("ja-JP/index.html")).expect("ja-JP home");
    assert!(
        japanese.contains(r#"<html lang="ja-JP" dir="ltr">"#),
        "{japanese}"
    );

    for tag in ["ja-JP", "zh-Hant", "de-DE"] {
        let warning = format!("`{tag}` has no UI strings of its own: its pages show all");
        assert_eq!(errors.matches(&warning).count(), 1, "{tag}:\n{errors}");
    }
    assert!(
        errors.contains("[ftl-locale-incomplete]"),
        "the warning has its code:\n{errors}"
    );
    assert!(
        !errors.contains("`fr` has"),
        "French is complete:\n{errors}"
    );
}

#[test]
fn a_language_missing_a_string_file_is_told_which_and_how_many_strings() {
    // French and English are built in: a project's missing file of theirs
    // is the theme's. German has only the strings the project gives it.
    let scratch = Scratch::new();
    let config = scratch.read("technote.toml");
    scratch.write(
        "technote.toml",
        config.replace(
            r#"locales = ["fr", "en"]"#,
            r#"locales = ["fr", "en", "de"]"#,
        ),
    );
    scratch.write(
        "locales/de/site.ftl",
        "skip-to-content = Zum Inhalt springen\n",
    );
    std::fs::create_dir_all(scratch.root().join("content/de")).expect("content/de");
    let output = scratch.build();
    let errors = stderr(&output);
    assert!(output.status.success(), "{errors}");
    let warning = errors
        .lines()
        .find(|line| {
            line.contains("`de` lacks 8 string files (check-ims-2021.ftl, checker.ftl, ")
                && line.contains(" search-more.ftl, search.ftl) and 218 of the 219 UI strings")
        })
        .unwrap_or_else(|| panic!("no warning about de:\n{errors}"));
    assert!(
        warning.contains("UI strings: its pages show them in `en`"),
        "{warning}"
    );
}

#[test]
fn a_locale_folder_named_like_experience_league_is_served_at_its_configured_url() {
    let scratch = with_new_languages();
    let config = scratch.read("technote.toml");
    scratch.write(
        "technote.toml",
        format!("{config}\n[url_folders]\nja-JP = \"ja\"\n"),
    );
    let page = "technotes/using/ims-sign-in-update";
    let source = scratch.read(&format!("content/en/{page}.md"));
    scratch.write(
        &format!("content/ja-JP/{page}.md"),
        source.replace("title: ", "title: IMS "),
    );
    let output = scratch.build();
    assert!(output.status.success(), "{}", stderr(&output));

    let japanese = std::fs::read_to_string(scratch.out().join(format!("ja/{page}.html")))
        .expect("the page is under ja/");
    assert!(
        japanese.contains(r#"<html lang="ja-JP""#),
        "lang is the BCP 47 tag"
    );
    let english =
        std::fs::read_to_string(scratch.out().join(format!("en/{page}.html"))).expect("en page");
    let alternate = format!(
        r#"<link rel="alternate" hreflang="ja-JP" href="https://technotes.example.org/ja/{page}.html">"#
    );
    assert!(english.contains(&alternate), "{english}");
    let sitemap = std::fs::read_to_string(scratch.out().join("sitemap.xml")).expect("sitemap");
    assert!(
        sitemap.contains(&format!(
            r#"hreflang="ja-JP" href="https://technotes.example.org/ja/{page}.html""#
        )),
        "{sitemap}"
    );

    for (old, new) in [
        (format!("ja-JP/{page}.html"), format!("/ja/{page}.html")),
        (
            "ja-JP/index.html".to_string(),
            "https://technotes.example.org/ja/".to_string(),
        ),
    ] {
        let redirect = std::fs::read_to_string(scratch.out().join(&old))
            .unwrap_or_else(|_| panic!("no redirect page at {old}"));
        assert!(
            redirect.contains(&format!(r#"content="0; url={new}""#)),
            "{old}:\n{redirect}"
        );
    }
    let host_rules = std::fs::read_to_string(scratch.out().join("_redirects")).expect("_redirects");
    assert!(
        host_rules.contains(&format!("/ja-JP/{page}.html /ja/{page}.html 301")),
        "{host_rules}"
    );
}
