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
