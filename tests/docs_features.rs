//! What docs sites are expected to have, on a scratch copy of the shipped
//! project built by the real binary: highlighted code, dates from git,
//! OpenGraph tags, Atom feeds and "edit this page" links.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Scratch, stderr};
use scraper::{Html, Selector};

const PRIVACY_EN: &str = "public/en/technotes/using/checker-privacy.html";
const IMS_FR: &str = "public/fr/technotes/using/ims-sign-in-update.html";

fn built(scratch: &Scratch) {
    let output = scratch.build();
    assert!(
        output.status.success(),
        "build failed:\n{}",
        stderr(&output)
    );
}

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).expect("valid selector");
    html.select(&selector).map(|e| e.html()).collect()
}

fn attrs(html: &Html, css: &str, name: &str) -> Vec<String> {
    let selector = Selector::parse(css).expect("valid selector");
    html.select(&selector)
        .filter_map(|e| e.value().attr(name).map(str::to_string))
        .collect()
}

/// Runs git in `dir` with a fixed identity and commit date.
fn git(dir: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Writer",
            "-c",
            "user.email=writer@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// The scratch project as a repository: everything committed on one day,
/// then the English privacy note changed later.
fn committed_scratch() -> Scratch {
    let scratch = Scratch::new();
    let root = scratch.root();
    git(root, &["init", "-q"], "2026-01-10T09:00:00+02:00");
    git(root, &["add", "."], "2026-01-10T09:00:00+02:00");
    git(
        root,
        &["commit", "-qm", "first"],
        "2026-01-10T09:00:00+02:00",
    );
    let privacy = "content/en/technotes/using/checker-privacy.md";
    let text = scratch.read(privacy);
    scratch.write(privacy, text + "\nOne more sentence.\n");
    git(root, &["commit", "-qam", "second"], "2026-03-04T05:06:07Z");
    scratch
}

#[test]
fn fenced_code_is_highlighted_with_classes_and_unknown_languages_stay_plain() {
    let scratch = Scratch::new();
    let page = "content/en/technotes/using/checker-privacy.md";
    let text = scratch.read(page);
    scratch.write(
        page,
        text + "\n```json\n{\"answers\": \"none\", \"sent\": 0}\n```\n\n```no-such-language\nleft <as> is\n```\n",
    );
    built(&scratch);
    let source = scratch.read(PRIVACY_EN);
    let html = Html::parse_document(&source);
    let json = select(&html, "pre code.language-json");
    assert_eq!(json.len(), 1, "{json:?}");
    assert!(
        json[0].contains(r#"<span class="hl-string">"answers"</span>"#),
        "{}",
        json[0]
    );
    assert!(
        json[0].contains(r#"<span class="hl-number">0</span>"#),
        "{}",
        json[0]
    );
    let plain = select(&html, "pre code.language-no-such-language");
    assert_eq!(
        plain,
        vec![
            r#"<code class="language-no-such-language">left &lt;as&gt; is
</code>"#
                .to_string()
        ]
    );
    // The CSP forbids inline styles: colours come from the stylesheet.
    assert!(!source.contains("style="), "inline style in the page");
    let css = scratch.read("public/assets/style.css");
    for class in ["hl-string", "hl-number", "hl-comment", "hl-keyword"] {
        assert!(
            css.contains(&format!(".{class} {{")),
            "{class} has no colour"
        );
    }
}

#[test]
fn pages_show_their_last_git_change_and_the_sitemap_and_feed_use_it() {
    let scratch = committed_scratch();
    built(&scratch);
    let privacy = Html::parse_document(&scratch.read(PRIVACY_EN));
    assert_eq!(
        select(&privacy, ".page-meta time"),
        vec![r#"<time datetime="2026-03-04T05:06:07Z">Updated on 2026-03-04</time>"#.to_string()]
    );
    // Dates are in UTC, whatever the committer's time zone.
    let ims_fr = Html::parse_document(&scratch.read(IMS_FR));
    assert_eq!(
        select(&ims_fr, ".page-meta time"),
        vec![
            r#"<time datetime="2026-01-10T07:00:00Z">Mis à jour le 2026-01-10</time>"#.to_string()
        ]
    );

    let sitemap = scratch.read("public/sitemap.xml");
    let sitemap = roxmltree::Document::parse(&sitemap).expect("the sitemap is XML");
    let lastmod_of = |url: &str| {
        sitemap
            .descendants()
            .find(|n| n.has_tag_name("loc") && n.text() == Some(url))
            .and_then(|loc| loc.parent())
            .and_then(|entry| entry.children().find(|n| n.has_tag_name("lastmod")))
            .and_then(|n| n.text().map(str::to_string))
    };
    assert_eq!(
        lastmod_of("https://technotes.example.org/en/technotes/using/checker-privacy.html")
            .as_deref(),
        Some("2026-03-04T05:06:07Z")
    );

    let feed = scratch.read("public/en/feed.xml");
    let titles = feed_titles(&feed);
    assert_eq!(
        titles.first().map(String::as_str),
        Some("Technote - What the IMS readiness checker does with your answers"),
        "the page changed last comes first: {titles:?}"
    );
}

/// The entry titles of an Atom feed, checked as a feed reader would read it.
fn feed_titles(feed: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(feed).expect("the feed is well-formed XML");
    let root = doc.root_element();
    let atom = "http://www.w3.org/2005/Atom";
    assert_eq!(root.tag_name().namespace(), Some(atom));
    assert_eq!(root.tag_name().name(), "feed");
    for required in ["id", "title", "updated", "author"] {
        assert!(
            root.children().any(|n| n.has_tag_name((atom, required))),
            "the feed has no <{required}>"
        );
    }
    root.children()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .map(|entry| {
            for required in ["id", "title", "updated", "link"] {
                assert!(
                    entry.children().any(|n| n.has_tag_name((atom, required))),
                    "an entry has no <{required}>"
                );
            }
            entry
                .children()
                .find(|n| n.has_tag_name((atom, "title")))
                .and_then(|n| n.text())
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn outside_git_pages_have_no_date_and_feeds_go_by_title() {
    let scratch = Scratch::new();
    built(&scratch);
    let privacy = scratch.read(PRIVACY_EN);
    assert!(!privacy.contains("<time"), "a date without git");
    assert!(!scratch.read("public/sitemap.xml").contains("<lastmod>"));
    for locale in ["en", "fr"] {
        let titles = feed_titles(&scratch.read(&format!("public/{locale}/feed.xml")));
        assert!(titles.len() >= 3, "{locale}: {titles:?}");
        let mut sorted = titles.clone();
        sorted.sort();
        assert_eq!(titles, sorted, "{locale}");
    }
    let html = Html::parse_document(&privacy);
    assert_eq!(
        attrs(
            &html,
            r#"link[rel="alternate"][type="application/atom+xml"]"#,
            "href"
        ),
        vec!["/en/feed.xml".to_string()]
    );
}

#[test]
fn pages_carry_opengraph_and_twitter_card_tags() {
    let scratch = Scratch::new();
    built(&scratch);
    let html = Html::parse_document(&scratch.read(IMS_FR));
    let property = |name: &str| attrs(&html, &format!(r#"meta[property="{name}"]"#), "content");
    assert_eq!(property("og:type"), vec!["article"]);
    assert_eq!(property("og:locale"), vec!["fr"]);
    assert_eq!(
        property("og:url"),
        vec!["https://technotes.example.org/fr/technotes/using/ims-sign-in-update.html"]
    );
    assert_eq!(property("og:site_name").len(), 1);
    let title = attrs(&html, "h1", "id");
    assert!(!title.is_empty());
    assert_eq!(
        property("og:title"),
        select(&html, "h1")
            .iter()
            .map(|h1| Html::parse_fragment(h1)
                .root_element()
                .text()
                .collect::<String>())
            .collect::<Vec<_>>()
    );
    assert_eq!(
        property("og:description"),
        attrs(&html, r#"meta[name="description"]"#, "content")
    );
    assert_eq!(
        attrs(&html, r#"meta[name="twitter:card"]"#, "content"),
        vec!["summary"]
    );
}

#[test]
fn edit_links_follow_the_configured_pattern_and_are_absent_without_it() {
    let scratch = Scratch::new();
    built(&scratch);
    let html = Html::parse_document(&scratch.read(PRIVACY_EN));
    assert!(select(&html, "a.edit-link").is_empty());

    let config = scratch.read("technote.toml");
    scratch.write(
        "technote.toml",
        config.replace(
            "[link_check]",
            "[site]\nedit_url = \"https://github.com/org/notes/edit/main/content/{locale}/{path}\"\n\n[link_check]",
        ),
    );
    built(&scratch);
    let en = Html::parse_document(&scratch.read(PRIVACY_EN));
    assert_eq!(
        attrs(&en, "a.edit-link", "href"),
        vec![
            "https://github.com/org/notes/edit/main/content/en/technotes/using/checker-privacy.md"
        ]
    );
    assert!(select(&en, "a.edit-link")[0].contains("Edit this page"));
    let fr = Html::parse_document(&scratch.read(IMS_FR));
    assert_eq!(
        attrs(&fr, "a.edit-link", "href"),
        vec![
            "https://github.com/org/notes/edit/main/content/fr/technotes/using/ims-sign-in-update.md"
        ]
    );
    assert!(select(&fr, "a.edit-link")[0].contains("Modifier cette page"));
}

#[test]
fn a_locale_folder_that_is_a_repository_of_its_own_takes_its_dates_from_it() {
    let scratch = Scratch::new();
    let root = scratch.root();
    std::fs::rename(root.join("content/fr"), root.join("fr-help")).expect("move fr");
    let config = scratch.read("technote.toml");
    scratch.write(
        "technote.toml",
        config.replace(
            "[link_check]",
            "[content]\nfr = \"fr-help\"\n\n[link_check]",
        ),
    );
    let fr_repo = root.join("fr-help");
    git(&fr_repo, &["init", "-q"], "2026-05-06T07:08:09Z");
    git(&fr_repo, &["add", "."], "2026-05-06T07:08:09Z");
    git(&fr_repo, &["commit", "-qm", "fr"], "2026-05-06T07:08:09Z");
    scratch.write(".gitignore", "fr-help/\npublic/\n");
    git(root, &["init", "-q"], "2026-01-10T09:00:00Z");
    git(root, &["add", "."], "2026-01-10T09:00:00Z");
    git(root, &["commit", "-qm", "en"], "2026-01-10T09:00:00Z");
    built(&scratch);
    let time = |path: &str| {
        attrs(
            &Html::parse_document(&scratch.read(path)),
            ".page-meta time",
            "datetime",
        )
    };
    assert_eq!(time(IMS_FR), vec!["2026-05-06T07:08:09Z"]);
    assert_eq!(time(PRIVACY_EN), vec!["2026-01-10T09:00:00Z"]);
}

/// The OpenGraph `(og:type, og:title, og:url)` of the page at `path`, and
/// whether its description, when it has one, matches the page's own.
fn opengraph(scratch: &Scratch, path: &str) -> Option<(String, String, String)> {
    let html = Html::parse_document(&scratch.read(path));
    let property = |name: &str| attrs(&html, &format!(r#"meta[property="{name}"]"#), "content");
    let kind = property("og:type").pop()?;
    assert_eq!(property("og:title").len(), 1, "{path}");
    assert_eq!(
        property("og:url"),
        attrs(&html, r#"link[rel="canonical"]"#, "href"),
        "{path}"
    );
    assert_eq!(property("og:locale").len(), 1, "{path}");
    assert_eq!(
        property("og:description"),
        attrs(&html, r#"meta[name="description"]"#, "content"),
        "{path}"
    );
    Some((
        kind,
        property("og:title").remove(0),
        property("og:url").remove(0),
    ))
}

#[test]
fn homes_lists_and_the_root_carry_opengraph_tags_too() {
    let scratch = Scratch::new();
    // One page a feature on the homes: every feature gets a list of its own.
    let config = scratch.read("technote.toml") + "\n[listing]\nper_group = 1\n";
    scratch.write("technote.toml", config);
    built(&scratch);
    let (kind, title, url) = opengraph(&scratch, "public/index.html").expect("root");
    assert_eq!(kind, "website");
    assert_eq!(url, "https://technotes.example.org/");
    assert!(!title.is_empty());
    for home in ["public/fr/index.html", "public/en/index.html"] {
        let (kind, title, _) = opengraph(&scratch, home).expect(home);
        assert_eq!(kind, "website", "{home}");
        let html = Html::parse_document(&scratch.read(home));
        assert_eq!(
            vec![title],
            select(&html, "main h1")
                .iter()
                .map(|h1| Html::parse_fragment(h1)
                    .root_element()
                    .text()
                    .collect::<String>())
                .collect::<Vec<_>>()
        );
    }
    let lists: Vec<String> = common::files(&scratch.out().join("fr/all-pages"))
        .iter()
        .map(|f| format!("public/fr/all-pages/{}", f.to_string_lossy()))
        .collect();
    assert!(!lists.is_empty(), "per_group = 1 makes feature lists");
    for list in &lists {
        let (kind, title, url) = opengraph(&scratch, list).expect(list);
        assert_eq!(kind, "website", "{list}");
        assert!(url.ends_with(list.trim_start_matches("public/")), "{url}");
        let html = Html::parse_document(&scratch.read(list));
        assert_eq!(
            attrs(&html, r#"meta[name="description"]"#, "content").len(),
            1,
            "{list}: its description is its lead line"
        );
        assert!(!title.is_empty());
    }
    assert_eq!(opengraph(&scratch, "public/404.html"), None);
    assert_eq!(opengraph(&scratch, "public/fr/404.html"), None);
}
