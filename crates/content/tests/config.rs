//! technote.toml: what a site owner writes and what they are told when it is wrong.

use std::path::Path;

use technote_content::{Limits, SiteConfig};
use technote_diagnostics::Severity;

const MINIMAL: &str = r#"
base_url = "https://technotes.example.org"
locales = ["fr", "en"]
reference_locale = "en"
external_docs_base = "https://experienceleague.adobe.com/docs/campaign-classic/using"
"#;

fn parse(text: &str) -> Result<SiteConfig, technote_diagnostics::Diagnostic> {
    SiteConfig::from_toml(Path::new("technote.toml"), text)
}

#[test]
fn minimal_config_gets_defaults_and_trailing_slashes() {
    let config = parse(MINIMAL).unwrap();
    assert_eq!(config.base_url, "https://technotes.example.org/");
    assert_eq!(config.base_path(), "/");
    assert_eq!(
        config.external_docs_base,
        "https://experienceleague.adobe.com/docs/campaign-classic/using/"
    );
    let tags: Vec<String> = config.locales.iter().map(ToString::to_string).collect();
    assert_eq!(tags, ["fr", "en"]);
    assert_eq!(config.reference_locale.to_string(), "en");
    assert_eq!(config.link_check.internal, Severity::Error);
    assert_eq!(config.limits, Limits::default());
    assert_eq!(config.limits.max_file_bytes, 8 * 1024 * 1024);
}

#[test]
fn base_path_is_the_folder_the_site_is_published_in() {
    let text = MINIMAL.replace("https://technotes.example.org", "https://example.org/docs");
    assert_eq!(parse(&text).unwrap().base_path(), "/docs/");
}

#[test]
fn link_check_and_limits_are_read() {
    let text = format!(
        "{MINIMAL}\n[link_check]\nanchors = \"warning\"\n\n[limits]\nmax_file_bytes = 1024\nmax_pages = 10\n"
    );
    let config = parse(&text).unwrap();
    assert_eq!(config.link_check.anchors, Severity::Warning);
    assert_eq!(config.link_check.assets, Severity::Error);
    assert_eq!(config.limits.max_file_bytes, 1024);
    assert_eq!(config.limits.max_pages, 10);
    assert_eq!(config.limits.max_nesting, 256);
}

#[test]
fn unknown_keys_are_rejected_at_their_line() {
    let text = format!("{MINIMAL}base_ulr = \"x\"\n");
    let error = parse(&text).unwrap_err();
    assert!(error.message.contains("base_ulr"), "{error}");
    assert_eq!(error.line, Some(6));
    assert!(error.help.is_some());
}

#[test]
fn toml_syntax_errors_have_a_position() {
    let error = parse("base_url = \"https://x.org/\nlocales = []\n").unwrap_err();
    assert_eq!(error.line, Some(1));
    assert!(error.column.is_some());
}

#[test]
fn reference_locale_must_be_listed() {
    let text = MINIMAL.replace("reference_locale = \"en\"", "reference_locale = \"de\"");
    let error = parse(&text).unwrap_err();
    assert!(error.message.contains("`de`"), "{error}");
    assert_eq!(error.line, Some(4));
}

#[test]
fn bad_locale_tags_and_duplicates_are_pointed_at() {
    let bad = MINIMAL.replace("[\"fr\", \"en\"]", "[\"fr\", \"en_US!\", \"en\"]");
    let error = parse(&bad).unwrap_err();
    assert!(error.message.contains("en_US!"), "{error}");
    assert_eq!((error.line, error.column), (Some(3), Some(18)));

    let twice = MINIMAL.replace("[\"fr\", \"en\"]", "[\"fr\", \"en\", \"FR\"]");
    assert!(parse(&twice).unwrap_err().message.contains("twice"));
}

#[test]
fn urls_must_be_absolute_http() {
    let relative = MINIMAL.replace("https://technotes.example.org", "/docs/");
    let error = parse(&relative).unwrap_err();
    assert!(error.message.contains("base_url"), "{error}");
    assert_eq!(error.line, Some(2));

    let ftp = MINIMAL.replace("https://experienceleague", "ftp://experienceleague");
    assert!(parse(&ftp).unwrap_err().message.contains("http"));
}

#[test]
fn zero_limits_are_rejected() {
    let text = format!("{MINIMAL}\n[limits]\nmax_pages = 0\n");
    let error = parse(&text).unwrap_err();
    assert!(error.message.contains("max_pages"), "{error}");
    assert_eq!(error.line, Some(8));
}

#[test]
fn bad_link_check_level_is_rejected() {
    let text = format!("{MINIMAL}\n[link_check]\ninternal = \"fatal\"\n");
    let error = parse(&text).unwrap_err();
    assert_eq!(error.line, Some(8));
}

#[test]
fn load_reports_a_missing_file() {
    let error = SiteConfig::load(Path::new("/nonexistent/technote.toml")).unwrap_err();
    assert!(error.message.contains("cannot read"), "{error}");
}

#[test]
fn content_folders_and_site_texts_are_read_per_locale() {
    let text = format!(
        "{MINIMAL}\n[content]\nen = \"../product.en/help\"\n\n[site]\nname = {{ en = \"Product help\", fr = \"Aide du produit\" }}\ntagline = \"One text for all\"\nhome = \"product-home.md\"\n"
    );
    let config = SiteConfig::from_toml(Path::new("/projects/site/technote.toml"), &text).unwrap();
    let en = "en".parse().unwrap();
    let fr = "fr".parse().unwrap();
    assert_eq!(
        config.content_folder(Path::new("/projects/site/content"), &en),
        Path::new("/projects/site/../product.en/help")
    );
    assert_eq!(
        config.content_folder(Path::new("/projects/site/content"), &fr),
        Path::new("/projects/site/content/fr")
    );
    assert_eq!(
        config.site.name.as_ref().unwrap().get(&fr),
        Some("Aide du produit")
    );
    assert_eq!(
        config.site.tagline.as_ref().unwrap().get(&en),
        Some("One text for all")
    );
    assert_eq!(config.site.home.as_deref(), Some("product-home.md"));
}

#[test]
fn url_folders_map_a_locale_to_its_folder_in_urls() {
    let text = format!("{MINIMAL}\n[url_folders]\nfr = \"francais\"\n");
    let config = SiteConfig::from_toml(Path::new("technote.toml"), &text).unwrap();
    assert_eq!(config.url_folder(&"fr".parse().unwrap()), "francais");
    assert_eq!(config.url_folder(&"en".parse().unwrap()), "en");
}

#[test]
fn content_and_site_mistakes_name_the_key() {
    let cases = [
        (
            "[content]\nde = \"../product.de/help\"\n",
            "[content] names `de`, which is not one of `locales`",
        ),
        ("[content]\nen = \"\"\n", "the folder of `en` is empty"),
        (
            "[site]\nname = { en = \"A\", de = \"B\" }\n",
            "`name` has a text for `de`, which is not one of `locales`",
        ),
        ("[site]\ntagline = \"  \"\n", "`tagline` is empty"),
        ("[site]\nhome = \"home.html\"\n", "`home` must name a page"),
        (
            "[url_folders]\nde = \"de\"\n",
            "[url_folders] names `de`, which is not one of `locales`",
        ),
        (
            "[url_folders]\nen = \"en/us\"\n",
            "`en/us` cannot be the URL folder of `en`",
        ),
        (
            "[url_folders]\nen = \"assets\"\n",
            "`assets` cannot be the URL folder of `en`",
        ),
        (
            "[url_folders]\nen = \"fr\"\n",
            "`fr` is already the folder of another locale",
        ),
        (
            "[site]\nedit_url = \"https://github.com/o/r/edit/main/\"\n",
            "`edit_url` has no `{path}`",
        ),
        (
            "[site]\nedit_url = \"https://github.com/o/r/edit/{branch}/{path}\"\n",
            "placeholder other than `{path}` and `{locale}`",
        ),
        (
            "[site]\nedit_url = \"github.com/{locale}/{path}\"\n",
            "`edit_url` is not an http(s) address",
        ),
    ];
    for (table, expected) in cases {
        let problem = parse(&format!("{MINIMAL}\n{table}"))
            .unwrap_err()
            .to_string();
        assert!(problem.contains(expected), "{table}: {problem}");
        assert!(problem.starts_with("technote.toml:"), "{problem}");
    }
}

#[test]
fn edit_url_is_kept_as_written_and_absent_by_default() {
    let pattern = "https://github.com/org/repo/edit/main/{locale}/{path}";
    let config = parse(&format!("{MINIMAL}\n[site]\nedit_url = \"{pattern}\"\n")).unwrap();
    assert_eq!(config.site.edit_url.as_deref(), Some(pattern));
    assert_eq!(parse(MINIMAL).unwrap().site.edit_url, None);
}

#[test]
fn the_release_catalog_is_the_built_in_one_unless_checks_names_a_file() {
    assert_eq!(parse(MINIMAL).unwrap().catalog, None);
    let text = format!("{MINIMAL}\n[checks]\ncatalog = \"facts/releases.toml\"\n");
    let config = SiteConfig::from_toml(Path::new("/projects/site/technote.toml"), &text).unwrap();
    assert_eq!(
        config.catalog.as_deref(),
        Some(Path::new("/projects/site/facts/releases.toml"))
    );

    let empty = parse(&format!("{MINIMAL}\n[checks]\ncatalog = \"\"\n")).unwrap_err();
    assert_eq!(empty.line, Some(8), "{empty}");
    assert!(
        empty.to_string().contains("`catalog` of [checks] is empty"),
        "{empty}"
    );
    let misspelt = parse(&format!("{MINIMAL}\n[checks]\ncatalogue = \"r.toml\"\n")).unwrap_err();
    assert!(misspelt.to_string().contains("catalogue"), "{misspelt}");
}
