//! The home page lists every technote of its language once: grouped by
//! feature, group names in the page's language, pages without a feature too.

mod common;

use common::Scratch;

fn home(scratch: &Scratch, locale: &str) -> String {
    let output = scratch.build();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read_to_string(scratch.out().join(locale).join("index.html")).expect("home page")
}

#[test]
fn every_page_is_listed_once_under_a_translated_group_even_without_a_feature() {
    let scratch = Scratch::new();
    let path = "content/fr/technotes/using/ims-sign-in-update.md";
    let page = scratch.read(path);
    let without_feature: String = page
        .lines()
        .filter(|l| !l.starts_with("feature:"))
        .map(|l| format!("{l}\n"))
        .collect();
    scratch.write(path, without_feature);
    let french = home(&scratch, "fr");
    for listed in [
        "/fr/technotes/using/ims-sign-in-update.html",
        "/fr/technotes/using/console-windows-requirements.html",
    ] {
        let links = french.matches(&format!("href=\"{listed}\"")).count();
        assert_eq!(links, 1, "{listed} is listed {links} times:\n{french}");
    }
    assert!(french.contains(">Autres notes techniques</h2>"), "{french}");
    assert!(french.contains(">Installation</h2>"), "{french}");
    let english = std::fs::read_to_string(scratch.out().join("en/index.html")).expect("en home");
    assert!(english.contains(">Upgrade</h2>"), "{english}");
    assert!(
        !english.contains(">Technote</h2>"),
        "a feature every page shares is no group"
    );
}

/// `count` more English technotes about Security, numbered from 1.
fn security_pages(scratch: &Scratch, count: usize) {
    for n in 1..=count {
        scratch.write(
            &format!("content/en/technotes/using/hardening-{n:02}.md"),
            format!("---\ntitle: Hardening step {n:02}\nfeature: Technote, Security\n---\n\n# Hardening step {n:02}\n\nStep {n} of the hardening.\n"),
        );
    }
}

fn hrefs(html: &str, prefix: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(href, _)| href.to_string()))
        .filter(|href| href.starts_with(prefix))
        .collect()
}

#[test]
fn a_feature_longer_than_the_home_shows_gets_its_own_list_in_pages() {
    let scratch = Scratch::new();
    security_pages(&scratch, 9);
    let config = scratch.read("technote.toml");
    scratch.write(
        "technote.toml",
        format!("{config}\n[listing]\nper_group = 3\nper_page = 4\n"),
    );
    let english = home(&scratch, "en");
    // The shipped Security technote and nine more: the home shows three,
    // the shipped one (listed first) and two of the new ones.
    let shown: Vec<String> = hrefs(&english, "/en/technotes/using/hardening-");
    assert_eq!(shown.len(), 2, "{english}");
    assert!(
        english.contains("<a href=\"/en/all-pages/security.html\">All 10 pages about Security</a>"),
        "{english}"
    );
    // The other groups are short: no link of their own.
    assert!(!english.contains("/en/all-pages/upgrade.html"), "{english}");

    let list = |name: &str| {
        std::fs::read_to_string(scratch.out().join("en/all-pages").join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let pages = ["security.html", "security-2.html", "security-3.html"].map(list);
    let listed: Vec<usize> = pages
        .iter()
        .map(|page| hrefs(page, "/en/technotes/using/").len())
        .collect();
    assert_eq!(listed, [4, 4, 2]);
    assert!(pages[0].contains("<h1>Security</h1>"));
    assert!(pages[1].contains("Page 2 of 3."));
    assert!(pages[1].contains("<a rel=\"prev\" href=\"/en/all-pages/security.html\">"));
    assert!(pages[1].contains("<a rel=\"next\" href=\"/en/all-pages/security-3.html\">"));
    assert!(!pages[2].contains("rel=\"next\""));
    assert!(!scratch.out().join("en/all-pages/security-4.html").exists());
    // In French, where Security has one page, nothing is cut.
    let french = std::fs::read_to_string(scratch.out().join("fr/index.html")).unwrap();
    assert!(!french.contains("/fr/all-pages/"), "{french}");
}

#[test]
fn a_page_in_the_folder_of_the_feature_lists_is_refused() {
    let scratch = Scratch::new();
    scratch.write(
        "content/en/all-pages/security.md",
        "---\ntitle: A page where a list goes\n---\n\nText.\n",
    );
    let output = scratch.build();
    assert_eq!(output.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&output.stderr);
    assert!(
        printed.contains(
            "content/en/all-pages/security.md:1: error: this page would be written into all-pages/"
        ),
        "{printed}"
    );
}
