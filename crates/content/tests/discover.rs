//! discover: which files of content/ become pages and assets.

use std::fs;
use std::path::Path;

use technote_content::{SiteConfig, discover};

fn config() -> SiteConfig {
    SiteConfig::from_toml(
        Path::new("technote.toml"),
        r#"
base_url = "https://technotes.example.org/"
locales = ["fr", "en", "zh-Hant-TW"]
reference_locale = "en"
external_docs_base = "https://experienceleague.adobe.com/docs/campaign-classic/using/"
"#,
    )
    .unwrap()
}

fn write(root: &Path, rel: &str) {
    let path = root.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, "---\ntitle: T\n---\n").unwrap();
}

#[test]
fn pages_and_assets_come_sorted_by_configured_locale_then_path() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    for rel in [
        "en/technotes/b.md",
        "en/technotes/a.md",
        "en/img/console.png",
        "fr/technotes/a.md",
        "zh-Hant-TW/index.md",
    ] {
        write(content, rel);
    }
    let found = discover(content, &config()).unwrap();
    let pages: Vec<(String, &str)> = found
        .pages
        .iter()
        .map(|p| (p.locale.to_string(), p.rel_path.as_str()))
        .collect();
    assert_eq!(
        pages,
        [
            ("fr".to_string(), "technotes/a.md"),
            ("en".to_string(), "technotes/a.md"),
            ("en".to_string(), "technotes/b.md"),
            ("zh-Hant-TW".to_string(), "index.md"),
        ]
    );
    assert_eq!(found.assets.len(), 1);
    assert_eq!(found.assets[0].rel_path, "img/console.png");
    assert_eq!(found.pages[0].path, content.join("fr/technotes/a.md"));
}

#[test]
fn swap_backup_and_hidden_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path();
    for rel in [
        "en/a.md",
        "en/.a.md.swp",
        "en/a.md~",
        "en/.#a.md",
        "en/#a.md#",
        "en/.DS_Store",
        "en/.git/config.md",
        ".hidden-at-root",
    ] {
        write(content, rel);
    }
    let found = discover(content, &config()).unwrap();
    let pages: Vec<&str> = found.pages.iter().map(|p| p.rel_path.as_str()).collect();
    assert_eq!(pages, ["a.md"]);
    assert!(found.assets.is_empty());
}

#[test]
fn a_folder_that_is_not_a_locale_tag_is_named_with_the_configured_tags() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/a.md");
    write(dir.path(), "_static/a.png");
    write(dir.path(), "de/a.md");
    let problems = discover(dir.path(), &config()).unwrap_err();
    assert_eq!(problems.len(), 2);
    let not_a_tag = &problems[0];
    assert!(
        not_a_tag.message.contains("`_static` is not a BCP 47"),
        "{not_a_tag}"
    );
    let not_configured = &problems[1];
    assert!(
        not_configured
            .message
            .contains("`de` is not a configured locale"),
        "{not_configured}"
    );
    assert!(
        not_configured
            .help
            .as_deref()
            .unwrap()
            .contains("fr, en, zh-Hant-TW")
    );
    assert!(
        not_a_tag
            .help
            .as_deref()
            .unwrap()
            .contains("fr, en, zh-Hant-TW")
    );
}

#[test]
fn a_file_directly_under_content_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README.md");
    let problems = discover(dir.path(), &config()).unwrap_err();
    assert!(problems[0].message.contains("not inside a locale folder"));
}

#[cfg(unix)]
#[test]
fn symlinks_escaping_the_content_folder_are_rejected_by_name() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    write(&content, "en/a.md");
    write(dir.path(), "outside/secret.md");
    symlink(
        dir.path().join("outside/secret.md"),
        content.join("en/secret.md"),
    )
    .unwrap();
    symlink(dir.path().join("outside"), content.join("en/more")).unwrap();
    symlink(dir.path().join("outside"), content.join("fr")).unwrap();
    let problems = discover(&content, &config()).unwrap_err();
    let named: Vec<_> = problems.iter().map(|p| p.file.clone()).collect();
    assert_eq!(
        named,
        [
            content.join("en/more"),
            content.join("en/secret.md"),
            content.join("fr")
        ]
    );
    assert!(
        problems
            .iter()
            .all(|p| p.message.contains("outside the content folder"))
    );
}

#[cfg(unix)]
#[test]
fn symlinks_inside_the_content_folder_are_followed() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/shared/a.md");
    symlink(dir.path().join("en/shared"), dir.path().join("en/alias")).unwrap();
    let found = discover(dir.path(), &config()).unwrap();
    let pages: Vec<&str> = found.pages.iter().map(|p| p.rel_path.as_str()).collect();
    assert_eq!(pages, ["alias/a.md", "shared/a.md"]);
}

#[cfg(unix)]
#[test]
fn broken_links_and_loops_are_reported() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "en/a.md");
    symlink(
        dir.path().join("en/missing.md"),
        dir.path().join("en/broken.md"),
    )
    .unwrap();
    symlink(dir.path().join("en"), dir.path().join("en/loop")).unwrap();
    let problems = discover(dir.path(), &config()).unwrap_err();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "this symbolic link points to nothing",
            "this symbolic link makes a loop"
        ]
    );
}

#[test]
fn a_missing_content_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let problems = discover(&dir.path().join("nope"), &config()).unwrap_err();
    assert!(problems[0].message.contains("content folder"));
}

#[test]
fn a_locale_reads_its_own_folder_anywhere_and_tree_files_are_not_pages() {
    let dir = tempfile::tempdir().unwrap();
    let repository = dir.path().join("product.en");
    for rel in [
        "help/TOC.md",
        "help/home.md",
        "help/guide/TOC.md",
        "help/guide/using/page.md",
        "help/guide/using/assets/shot.png",
        "metadata.md",
    ] {
        write(&repository, rel);
    }
    fs::write(repository.join("redirects.csv"), "source,destination\n").unwrap();
    let project = dir.path().join("site");
    write(&project, "content/fr/a.md");
    let config = SiteConfig::from_toml(
        &project.join("technote.toml"),
        r#"
base_url = "https://docs.example.org/"
locales = ["en", "fr"]
reference_locale = "en"
external_docs_base = "https://experienceleague.adobe.com/docs/product/using/"
[content]
en = "../product.en/help"
"#,
    )
    .unwrap();
    let found = discover(&project.join("content"), &config).unwrap();
    let rel = |files: &[technote_content::SourceFile]| {
        files
            .iter()
            .map(|f| format!("{}:{}", f.locale, f.rel_path))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rel(&found.pages),
        ["en:guide/using/page.md", "en:home.md", "fr:a.md"]
    );
    assert_eq!(rel(&found.assets), ["en:guide/using/assets/shot.png"]);
    assert_eq!(rel(&found.tocs), ["en:TOC.md", "en:guide/TOC.md"]);
    assert_eq!(
        rel(&found.tree_files),
        ["en:metadata.md", "en:redirects.csv"]
    );
    assert_eq!(
        found.tree_files[0].path,
        project.join("../product.en/metadata.md")
    );
}

#[test]
fn a_shared_folder_of_a_locale_that_has_its_own_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "tree/a.md");
    write(dir.path(), "content/en/b.md");
    let config = SiteConfig::from_toml(
        &dir.path().join("technote.toml"),
        r#"
base_url = "https://docs.example.org/"
locales = ["en"]
reference_locale = "en"
external_docs_base = "https://experienceleague.adobe.com/docs/product/using/"
[content]
en = "tree"
"#,
    )
    .unwrap();
    let problems = discover(&dir.path().join("content"), &config).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].to_string().contains("content/en"),
        "{}",
        problems[0]
    );
    assert!(problems[0].to_string().contains("folder of its own"));
}
