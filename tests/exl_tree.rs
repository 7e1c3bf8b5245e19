//! An Experience League tree (tests/fixtures/exl-tree: a repository's
//! `help/` with TOC.md files, metadata.md and redirects.csv), built in
//! place by the real binary from one technote.toml line, read as a reader
//! sees the result.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use common::{files, repo_root, stderr, technote};
use scraper::{Html, Selector};

/// A project whose only content is the fixture tree, where it lies.
struct Tree {
    dir: tempfile::TempDir,
    output: Output,
}

fn tree_folder() -> PathBuf {
    repo_root().join("tests/fixtures/exl-tree")
}

fn project(extra_config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = repo_root();
    for part in ["locales", "templates", "www"] {
        common::copy_tree(&root.join(part), &dir.path().join(part));
    }
    // No content/ folder: [content] names where the only locale lives.
    let config = format!(
        r#"base_url = "https://docs.example.org/"
locales = ["en"]
reference_locale = "en"
external_docs_base = "https://experienceleague.adobe.com/docs/skyline-mailer/using/"

[content]
en = "{}"
{extra_config}"#,
        tree_folder().join("help").display()
    );
    fs::write(dir.path().join("technote.toml"), config).unwrap();
    dir
}

fn run(command: &str, dir: &Path) -> Output {
    let root = dir.to_string_lossy().into_owned();
    technote(&[command, "--root", &root])
}

fn built() -> &'static Tree {
    static TREE: OnceLock<Tree> = OnceLock::new();
    TREE.get_or_init(|| {
        let dir = project("\n[site]\nname = \"Skyline Mailer guides\"\ntagline = \"Guides for a fictional mailer.\"\n");
        let output = run("build", dir.path());
        assert!(output.status.success(), "build failed:\n{}", stderr(&output));
        Tree { dir, output }
    })
}

fn page(path: &str) -> Html {
    let file = built().dir.path().join("public").join(path);
    Html::parse_document(&fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &scraper::ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    select(html, css).iter().map(text).collect()
}

#[test]
fn the_tree_builds_in_place_and_toc_files_are_navigation_not_pages() {
    let tree = built();
    let published = files(&tree.dir.path().join("public"));
    let has = |path: &str| published.iter().any(|p| p == Path::new(path));
    assert!(has("en/install/using/requirements.html"));
    assert!(
        has("en/reports/morehelp/legacy-exports.html"),
        "a page in no TOC is still built"
    );
    assert!(!has("en/TOC.html") && !has("en/install/TOC.html"));
    assert!(!has("en/metadata.html"));
    assert!(has("en/install/using/assets/layout.png"));
    // Nothing of the tree was copied into the project.
    assert!(!tree.dir.path().join("content").exists());
}

#[test]
fn a_guide_page_gets_its_guides_sidebar_with_itself_marked_and_its_groups_open() {
    let html = page("en/install/using/upgrade.html");
    let sidebar = select(&html, "nav#sidebar");
    assert_eq!(sidebar.len(), 1);
    let current = select(&html, "nav#sidebar a[aria-current=page]");
    assert_eq!(current.len(), 1);
    assert_eq!(text(&current[0]), "Upgrading the server");
    assert_eq!(
        current[0].value().attr("href"),
        Some("/en/install/using/upgrade.html")
    );
    // The install guide's own TOC, not the tree's: its headings are groups.
    assert_eq!(
        texts(&html, "nav#sidebar summary"),
        ["Before you start", "Setting up", "Installing the server"]
    );
    assert_eq!(
        texts(&html, "nav#sidebar details[open] > summary"),
        ["Setting up", "Installing the server"]
    );
    assert_eq!(select(&html, "a.menu-button[href='#sidebar']").len(), 1);
}

#[test]
fn tree_pages_get_the_root_toc_and_hidden_entries_stay_out_of_it() {
    let html = page("en/reports/using/dashboards.html");
    let links = texts(&html, "nav#sidebar a");
    assert!(
        links.contains(&"Exporting reports".to_string()),
        "{links:?}"
    );
    assert!(
        !links
            .iter()
            .any(|l| l.contains("glossary") || l.contains("Glossary")),
        "{links:?}"
    );
    assert!(
        links.iter().any(|l| l.starts_with("Community forum")),
        "{links:?}"
    );
    let external = select(&html, "nav#sidebar a.external");
    assert_eq!(
        external[0].value().attr("href"),
        Some("https://example.org/skyline/forum")
    );
}

#[test]
fn breadcrumbs_go_from_the_site_through_guide_and_section_to_the_page() {
    let html = page("en/install/using/upgrade.html");
    assert_eq!(
        texts(&html, "nav.breadcrumb li"),
        [
            "Skyline Mailer guides",
            "Installation guide",
            "Setting up",
            "Installing the server",
            "Upgrading the server"
        ]
    );
    let hrefs: Vec<_> = select(&html, "nav.breadcrumb a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        hrefs,
        [
            "/en/",
            "/en/install/using/requirements.html",
            "/en/install/using/server.html"
        ]
    );
    let json: Vec<serde_json::Value> = select(&html, "script[type='application/ld+json']")
        .iter()
        .map(|s| serde_json::from_str(&s.inner_html()).unwrap())
        .collect();
    let list = json
        .iter()
        .find(|j| j["@type"] == "BreadcrumbList")
        .expect("BreadcrumbList");
    let names: Vec<&str> = list["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Skyline Mailer guides",
            "Installation guide",
            "Installing the server",
            "Upgrading the server"
        ]
    );
    assert_eq!(
        list["itemListElement"][3]["item"],
        "https://docs.example.org/en/install/using/upgrade.html"
    );
    assert_eq!(list["itemListElement"][3]["position"], 4);
}

#[test]
fn previous_and_next_follow_the_toc() {
    let html = page("en/install/using/server.html");
    let previous = select(&html, "nav.pager a[rel=prev]");
    let next = select(&html, "nav.pager a[rel=next]");
    assert_eq!(
        previous[0].value().attr("href"),
        Some("/en/install/using/requirements.html")
    );
    assert_eq!(
        next[0].value().attr("href"),
        Some("/en/install/using/upgrade.html")
    );
    let first = page("en/install/using/requirements.html");
    assert!(select(&first, "nav.pager a[rel=prev]").is_empty());
}

#[test]
fn no_page_shows_a_toc_marker_and_the_site_names_itself_from_config() {
    let public = built().dir.path().join("public");
    for file in files(&public)
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = Html::parse_document(&fs::read_to_string(public.join(file)).unwrap());
        let body = texts(&html, "body").join(" ");
        for marker in ["{#", "{hide-from-toc}", "+++", "technotes"] {
            assert!(
                !body.contains(marker),
                "{} shows `{marker}`",
                file.display()
            );
        }
        assert_eq!(
            texts(&html, ".site-name"),
            ["Skyline Mailer guides"],
            "{}",
            file.display()
        );
    }
}

#[test]
fn pages_in_no_toc_are_reported_with_their_file() {
    let warnings = stderr(&built().output);
    assert!(
        warnings.contains("reports/morehelp/legacy-exports.md")
            && warnings.contains("no TOC.md lists this page"),
        "{warnings}"
    );
    assert!(
        !warnings.contains("internal-notes.md"),
        "a page marked hidefromtoc is meant to be outside the TOCs: {warnings}"
    );
    assert!(
        !warnings.contains("glossary.md: warning: no TOC.md"),
        "a hidden entry is listed: {warnings}"
    );
    let dir = project("");
    let check = run("check", dir.path());
    let reported = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        stderr(&check)
    );
    assert!(reported.contains("legacy-exports.md"), "{reported}");
}

#[test]
fn the_landing_page_is_the_home_and_the_feature_list_has_a_page_of_its_own() {
    let home = page("en/index.html");
    assert_eq!(texts(&home, "main h1"), ["Skyline Mailer documentation"]);
    let current = select(&home, "nav#sidebar a[aria-current=page]");
    assert_eq!(current[0].value().attr("href"), Some("/en/"));
    let all = select(&home, "footer a");
    assert_eq!(all[0].value().attr("href"), Some("/en/all-pages.html"));
    assert!(
        !files(&built().dir.path().join("public"))
            .iter()
            .any(|f| f.ends_with("skyline-home.html"))
    );
    // Links to the landing page lead to the home.
    let requirements = page("en/install/using/requirements.html");
    assert!(
        select(&requirements, "nav.breadcrumb a")
            .iter()
            .any(|a| a.value().attr("href") == Some("/en/"))
    );

    let list = page("en/all-pages.html");
    assert_eq!(
        texts(&list, "section.feature-group h2"),
        ["Installation", "Reporting"]
    );
    // Link previews of the list and of guide pages.
    let og = |html: &Html, name: &str| -> Vec<String> {
        select(html, &format!(r#"meta[property="og:{name}"]"#))
            .iter()
            .filter_map(|meta| meta.value().attr("content").map(str::to_string))
            .collect()
    };
    assert_eq!(og(&list, "type"), ["website"]);
    assert_eq!(og(&list, "title"), texts(&list, "main h1"));
    assert_eq!(og(&requirements, "type"), ["article"]);
    assert_eq!(
        og(&requirements, "url"),
        ["https://docs.example.org/en/install/using/requirements.html"]
    );
    assert_eq!(texts(&list, "section.unlisted h3"), ["reports"]);
    assert_eq!(
        texts(&list, "section.unlisted li a"),
        ["Legacy exports", "Internal notes"]
    );
}

#[test]
fn without_a_configured_name_the_site_is_named_by_its_metadata() {
    let dir = project("");
    let output = run("build", dir.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let html = Html::parse_document(
        &fs::read_to_string(dir.path().join("public/en/all-pages.html")).unwrap(),
    );
    assert_eq!(texts(&html, ".site-name"), ["Skyline Mailer documentation"]);
    let description = select(&html, "footer p");
    assert!(text(&description[0]).starts_with("Install, run and measure Skyline Mailer"));
}

#[test]
fn old_addresses_get_redirect_pages_and_a_redirects_file() {
    let html = page("en/install/using/old-requirements.html");
    let refresh = select(&html, "meta[http-equiv=refresh]");
    assert_eq!(
        refresh[0].value().attr("content"),
        Some("0; url=/en/install/using/requirements.html")
    );
    assert_eq!(
        select(&html, "link[rel=canonical]")[0].value().attr("href"),
        Some("https://docs.example.org/en/install/using/requirements.html")
    );
    assert_eq!(select(&html, "meta[name=robots][content=noindex]").len(), 1);
    assert_eq!(
        select(&html, "main a")[0].value().attr("href"),
        Some("/en/install/using/requirements.html")
    );
    let moved = page("en/reports/using/old-dashboards.html");
    assert_eq!(
        select(&moved, "main a")[0].value().attr("href"),
        Some("/en/reports/using/dashboards.html#reading-the-charts")
    );
    let file = fs::read_to_string(built().dir.path().join("public/_redirects")).unwrap();
    assert!(
        file.contains(
            "/en/install/using/old-requirements.html /en/install/using/requirements.html 301\n"
        ),
        "{file}"
    );
    assert!(
        file.contains(
            "/en/install/using/vendor-notes.html https://example.org/skyline/vendor-notes 301\n"
        ),
        "{file}"
    );
    assert!(file.contains(
        "/en/reports/using/retired.html https://experienceleague.adobe.com/docs/skyline-mailer/using/reports/using/never-written.html 301\n"
    ), "{file}");
    // A destination that is no page of the site is reported at its row.
    let warnings = stderr(&built().output);
    assert!(warnings.contains("redirects.csv:4: warning: `https://experienceleague.adobe.com/docs/skyline-mailer/using/reports/using/never-written.html` is no page"), "{warnings}");
}

#[test]
fn a_redirect_to_a_missing_anchor_fails_the_build_at_its_row() {
    let copy = tempfile::tempdir().unwrap();
    common::copy_tree(&tree_folder(), copy.path());
    let csv = copy.path().join("redirects.csv");
    let mut rows = fs::read_to_string(&csv).unwrap();
    rows.push_str("/docs/skyline-mailer/using/reports/old-charts.html,/docs/skyline-mailer/using/reports/using/dashboards.html#no-such-part\n");
    fs::write(&csv, rows).unwrap();
    let dir = project("");
    let config = fs::read_to_string(dir.path().join("technote.toml"))
        .unwrap()
        .replace(
            &tree_folder().join("help").display().to_string(),
            &copy.path().join("help").display().to_string(),
        );
    fs::write(dir.path().join("technote.toml"), config).unwrap();
    let output = run("build", dir.path());
    assert!(!output.status.success());
    let problems = stderr(&output);
    assert!(problems.contains("redirects.csv:6: error: the redirect of en/reports/old-charts.html leads to `#no-such-part`"), "{problems}");
}

#[test]
fn a_page_sharing_another_pages_exl_id_is_built_and_the_keeper_is_named() {
    let tree = built();
    for path in [
        "en/install/using/upgrade.html",
        "en/install/using/upgrading-from-v1.html",
    ] {
        assert!(
            tree.dir.path().join("public").join(path).is_file(),
            "{path}"
        );
    }
    let warnings = stderr(&tree.output);
    assert!(
        warnings.contains("install/using/upgrading-from-v1.md:4:1: warning: `exl-id: 8d409c31-5e6f-4071-9c23-4d5e6f708192` is also the id of ")
            && warnings.contains("install/using/upgrade.md, which keeps it"),
        "{warnings}"
    );
}

#[test]
fn denied_warnings_fail_build_and_check_by_flag_or_config_and_publish_nothing() {
    let dir = project("");
    let root = dir.path().to_string_lossy().into_owned();
    let denied = technote(&["build", "--root", &root, "--deny", "warnings"]);
    assert_eq!(denied.status.code(), Some(1), "{}", stderr(&denied));
    let printed = stderr(&denied);
    assert!(
        printed.contains("legacy-exports.md:1:1: error: no TOC.md lists this page"),
        "{printed}"
    );
    assert!(
        !dir.path().join("public").exists(),
        "a denied build published a site"
    );

    let config = dir.path().join("technote.toml");
    let written = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("deny_warnings = true\n{written}")).unwrap();
    for command in ["build", "check"] {
        let output = run(command, dir.path());
        assert_eq!(
            output.status.code(),
            Some(1),
            "{command}: {}",
            stderr(&output)
        );
    }
    assert!(
        !dir.path().join("public").exists(),
        "a denied build published a site"
    );
    fs::write(&config, written).unwrap();
    assert!(run("build", dir.path()).status.success());
}

#[test]
fn a_badge_url_is_a_link_resolved_like_the_bodys_links() {
    let html = page("en/install/using/requirements.html");
    let badges: Vec<(String, String)> = select(&html, ".page-facts a.badge")
        .iter()
        .map(|a| {
            (
                text(a),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(
        badges,
        [
            (
                "Exports (Also read the export guide)".to_string(),
                "/en/reports/using/exporting.html".to_string()
            ),
            (
                "Vendor (external site)".to_string(),
                "https://example.com/skyline/vendor".to_string()
            ),
        ]
    );
}

#[test]
fn a_badge_url_to_a_missing_page_is_reported_at_its_line() {
    let dir = project("");
    let copy = tempfile::tempdir().unwrap();
    common::copy_tree(&tree_folder(), copy.path());
    let requirements = copy.path().join("help/install/using/requirements.md");
    let text = fs::read_to_string(&requirements).unwrap();
    fs::write(&requirements, text.replace("exporting.md", "exportng.md")).unwrap();
    let config = dir.path().join("technote.toml");
    let written = fs::read_to_string(&config).unwrap();
    let moved = written.replace(
        &tree_folder().join("help").display().to_string(),
        &copy.path().join("help").display().to_string(),
    );
    fs::write(&config, moved).unwrap();
    let output = run("build", dir.path());
    assert_eq!(output.status.code(), Some(1));
    let printed = stderr(&output);
    assert!(
        printed.contains("install/using/requirements.md:6:1: error: link to `../../reports/using/exportng.md`: no page"),
        "{printed}"
    );
}

#[test]
fn the_sitemap_lists_the_home_and_the_list_of_all_pages_but_no_hidden_page() {
    let sitemap = fs::read_to_string(built().dir.path().join("public/sitemap.xml")).unwrap();
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .filter_map(|rest| rest.split_once("</loc>").map(|(loc, _)| loc))
        .collect();
    assert!(locs.contains(&"https://docs.example.org/en/"), "{locs:?}");
    assert!(
        locs.contains(&"https://docs.example.org/en/all-pages.html"),
        "{locs:?}"
    );
    assert!(
        !locs.iter().any(|loc| loc.contains("draft-roadmap")),
        "a hidden page is in the sitemap: {locs:?}"
    );
    let hidden = page("en/reports/using/draft-roadmap.html");
    assert_eq!(
        select(&hidden, r#"meta[name="robots"]"#)
            .first()
            .and_then(|m| m.value().attr("content")),
        Some("noindex")
    );
    let all = fs::read_to_string(built().dir.path().join("public/en/all-pages.html")).unwrap();
    assert!(!all.contains("draft-roadmap"), "a hidden page is listed");
}
