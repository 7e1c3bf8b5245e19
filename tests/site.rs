//! The shipped site, built by the real binary, checked as a reader would see it.

mod common;

use std::fs;
use std::sync::OnceLock;

use common::{Scratch, files, stderr};
use scraper::{Html, Selector};

const IMS_FR: &str = "fr/technotes/using/ims-sign-in-update.html";
const IMS_EN: &str = "en/technotes/using/ims-sign-in-update.html";

/// The shipped project built once for all the tests of this file.
fn site() -> &'static Scratch {
    static SITE: OnceLock<Scratch> = OnceLock::new();
    SITE.get_or_init(|| {
        let scratch = Scratch::new();
        let output = scratch.build();
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
        scratch
    })
}

fn page(path: &str) -> Html {
    Html::parse_document(&site().read(&format!("public/{path}")))
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    html.select(&selector).collect()
}

fn attr(element: &scraper::ElementRef, name: &str) -> String {
    element.value().attr(name).unwrap_or_default().to_string()
}

#[test]
fn both_languages_have_the_ims_technote_with_its_faq_entries() {
    for path in [IMS_FR, IMS_EN] {
        let html = page(path);
        let entries = select(&html, "details.faq-entry");
        let ids: Vec<String> = entries.iter().map(|e| attr(e, "id")).collect();
        for id in [
            "check-version",
            "check-ims",
            "sign-in-warning",
            "update-required",
        ] {
            assert!(
                ids.iter().any(|i| i == id),
                "{path}: FAQ entry #{id} missing; found {ids:?}"
            );
        }
        for entry in &entries {
            assert_eq!(
                select_in(entry, "summary").len(),
                1,
                "{path}: FAQ entry without a question"
            );
        }
        for id in ["what-changed", "are-you-affected", "how-to-update", "faq"] {
            assert_eq!(
                select(&html, &format!("h2#{id}")).len(),
                1,
                "{path}: heading #{id} missing"
            );
        }
    }
}

fn select_in<'a>(element: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    element.select(&selector).collect()
}

#[test]
fn faq_json_ld_lists_every_question_of_the_page() {
    let html = page(IMS_FR);
    let scripts: Vec<serde_json::Value> = select(&html, r#"script[type="application/ld+json"]"#)
        .iter()
        .map(|script| serde_json::from_str(&script.inner_html()).expect("JSON-LD parses"))
        .collect();
    let kinds: Vec<&str> = scripts.iter().filter_map(|s| s["@type"].as_str()).collect();
    assert_eq!(kinds, ["FAQPage", "BreadcrumbList"]);
    let data = &scripts[0];
    let questions = data["mainEntity"].as_array().expect("mainEntity list");
    assert_eq!(questions.len(), select(&html, "details.faq-entry").len());
    assert!(
        questions
            .iter()
            .all(|q| q["@type"] == "Question" && q["acceptedAnswer"]["text"].is_string())
    );
}

#[test]
fn translations_point_at_each_other_with_hreflang_and_the_switcher() {
    let fr = page(IMS_FR);
    let alternates: Vec<(String, String)> = select(&fr, r#"link[rel="alternate"]"#)
        .iter()
        .map(|l| (attr(l, "hreflang"), attr(l, "href")))
        .collect();
    let en_url = "https://technotes.example.org/en/technotes/using/ims-sign-in-update.html";
    assert!(
        alternates.contains(&("en".into(), en_url.into())),
        "{alternates:?}"
    );
    assert!(
        alternates.contains(&("x-default".into(), en_url.into())),
        "{alternates:?}"
    );
    assert!(alternates.iter().any(|(lang, _)| lang == "fr"));

    let switch: Vec<String> = select(&fr, r#".language-switcher a[hreflang="en"]"#)
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(
        switch,
        vec!["/en/technotes/using/ims-sign-in-update.html".to_string()]
    );
    let canonical = select(&fr, r#"link[rel="canonical"]"#);
    assert_eq!(
        attr(&canonical[0], "href"),
        "https://technotes.example.org/fr/technotes/using/ims-sign-in-update.html"
    );
}

#[test]
fn no_page_shows_an_unrendered_marker() {
    let out = site().out();
    for file in files(&out)
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = Html::parse_document(&fs::read_to_string(out.join(file)).expect("read page"));
        let body = select(&html, "body");
        let text: String = body[0].text().collect();
        for marker in ["[!", "{#", "&amp;#", "&#39;", "technote:widget"] {
            assert!(
                !text.contains(marker),
                "{}: shows `{marker}`",
                file.display()
            );
        }
    }
}

#[test]
fn external_documents_go_to_the_external_base() {
    let html = page(IMS_EN);
    let hrefs: Vec<String> = select(&html, ".technote-body a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert!(
        hrefs.iter().any(|h| h == "https://experienceleague.adobe.com/docs/campaign-classic/using/rn/using/compatibility-matrix.html#ClientConsoleoperatingsystems"),
        "{hrefs:?}"
    );
    assert!(
        hrefs
            .iter()
            .all(|h| !h.ends_with(".md") && !h.contains(".md#")),
        "{hrefs:?}"
    );
}

#[test]
fn a_technote_missing_in_french_is_announced_on_the_french_home() {
    let home = page("fr/index.html");
    let links: Vec<String> = select(&home, ".elsewhere a")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(
        links,
        vec!["/en/technotes/using/checker-privacy.html".to_string()]
    );
    // The switcher of a page without translation leads to the other home, never to a dead link.
    let privacy = page("en/technotes/using/checker-privacy.html");
    let to_fr: Vec<String> = select(&privacy, r#".language-switcher a[hreflang="fr"]"#)
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert_eq!(to_fr, vec!["/fr/".to_string()]);
}

#[test]
fn every_internal_link_of_the_site_reaches_a_file() {
    let out = site().out();
    for file in files(&out)
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "html"))
    {
        let html = Html::parse_document(&fs::read_to_string(out.join(file)).expect("read page"));
        for element in select(&html, "a[href], link[href], script[src]") {
            let target = attr(&element, "href") + &attr(&element, "src");
            let Some(path) = target.strip_prefix('/') else {
                continue;
            };
            let path = path.split('#').next().unwrap_or_default();
            let on_disk = out.join(path);
            let exists = if path.is_empty() || path.ends_with('/') {
                on_disk.join("index.html").is_file()
            } else {
                on_disk.is_file()
            };
            assert!(exists, "{}: link to /{path} leads nowhere", file.display());
        }
    }
}

#[test]
fn sitemap_has_hreflang_alternates_and_robots_points_to_it() {
    let sitemap = site().read("public/sitemap.xml");
    assert!(sitemap.contains(
        "<loc>https://technotes.example.org/fr/technotes/using/ims-sign-in-update.html</loc>"
    ));
    assert!(sitemap.contains(r#"hreflang="en" href="https://technotes.example.org/en/technotes/using/ims-sign-in-update.html""#));
    assert!(
        site()
            .read("public/robots.txt")
            .contains("Sitemap: https://technotes.example.org/sitemap.xml")
    );
}

#[test]
fn pages_carry_a_strict_content_security_policy_and_no_inline_code() {
    let html = page(IMS_FR);
    let csp = select(&html, r#"meta[http-equiv="Content-Security-Policy"]"#);
    let policy = attr(&csp[0], "content");
    assert!(
        policy.contains("default-src 'self'") && policy.contains("object-src 'none'"),
        "{policy}"
    );
    for script in select(&html, "script") {
        let kind = attr(&script, "type");
        assert!(
            !attr(&script, "src").is_empty()
                || kind == "application/json"
                || kind == "application/ld+json",
            "inline executable script"
        );
    }
    assert!(select(&html, "style, [style]").is_empty(), "inline style");
    for link in select(&html, r#"a[target="_blank"]"#) {
        assert!(attr(&link, "rel").contains("noopener"));
    }
}

#[test]
fn translated_pages_say_how_they_were_translated() {
    let fr = page(IMS_FR);
    let notice: String = select(&fr, ".translation-notice")[0].text().collect();
    assert!(notice.contains("100"), "{notice}");
    assert!(select(&page(IMS_EN), ".translation-notice").is_empty());
}

#[test]
fn unchanged_input_gives_byte_identical_output() {
    let scratch = Scratch::new();
    assert!(scratch.build().status.success());
    let first: Vec<(std::path::PathBuf, Vec<u8>)> = files(&scratch.out())
        .into_iter()
        .map(|f| {
            let b = fs::read(scratch.out().join(&f)).unwrap();
            (f, b)
        })
        .collect();
    assert!(scratch.build().status.success());
    let second: Vec<(std::path::PathBuf, Vec<u8>)> = files(&scratch.out())
        .into_iter()
        .map(|f| {
            let b = fs::read(scratch.out().join(&f)).unwrap();
            (f, b)
        })
        .collect();
    assert!(first == second, "two builds of the same input differ");
}

#[test]
fn hidden_pages_are_built_but_not_listed_nor_in_the_sitemap() {
    let scratch = Scratch::new();
    scratch.write(
        "content/en/technotes/using/internal-note.md",
        "---\ntitle: Internal note\nfeature: Technote, Upgrade\nhide: true\nrole: Admin\n---\n\n# Internal note {#internal-note}\n\nOnly for people who have the link.\n",
    );
    let output = scratch.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        scratch
            .out()
            .join("en/technotes/using/internal-note.html")
            .is_file()
    );
    assert!(
        !scratch
            .read("public/en/index.html")
            .contains("internal-note")
    );
    assert!(!scratch.read("public/sitemap.xml").contains("internal-note"));
    // Nor announced as missing on the French home.
    assert!(
        !scratch
            .read("public/fr/index.html")
            .contains("Internal note")
    );
}

#[test]
fn each_locale_gets_its_own_search_index_behind_a_hidden_box() {
    for lang in ["fr", "en"] {
        let index = site().out().join(format!("assets/search/{lang}/index.bin"));
        assert!(
            fs::metadata(&index).map(|m| m.len() > 0).unwrap_or(false),
            "{} missing",
            index.display()
        );
        let home = page(&format!("{lang}/index.html"));
        let boxes = select(&home, "[data-search]");
        assert_eq!(boxes.len(), 1, "{lang}: search box");
        assert!(
            boxes[0].value().attr("hidden").is_some(),
            "{lang}: the box must stay hidden without JavaScript"
        );
        assert_eq!(
            attr(&boxes[0], "data-index"),
            format!("/assets/search/{lang}/index.bin")
        );
    }
}

#[test]
fn pages_with_spaces_and_url_characters_in_their_names_get_valid_urls() {
    let scratch = Scratch::new();
    let page = |title: &str, link: &str, exl: &str| {
        format!(
            "---\ntitle: {title}\nfeature: Technote\nexl-id: {exl}\n---\n\n# {title} {{#top}}\n\nSee [the other page]({link}) and ![a chart](my%20chart.png).\n"
        )
    };
    let exl = "0c6b5a52-6a51-4f6c-9b1b-6f1e7c1b2a10";
    scratch.write(
        "content/en/technotes/using/rates 50% #2?.md",
        page("Rates", "index%20of%20rates.md#top", exl),
    );
    scratch.write(
        "content/en/technotes/using/index of rates.md",
        page(
            "Index",
            "rates%2050%25%20%232%3F.md",
            "0c6b5a52-6a51-4f6c-9b1b-6f1e7c1b2a11",
        ),
    );
    scratch.write("content/en/technotes/using/my chart.png", b"\x89PNG");
    scratch.write(
        "content/fr/technotes/using/taux 50% #2?.md",
        page("Taux", "../using/rates%2050%25%20%232%3F.md", exl),
    );
    let output = scratch.build();
    assert!(output.status.success(), "{}", stderr(&output));

    let encoded = "technotes/using/rates%2050%25%20%232%3F.html";
    let html = Html::parse_document(&scratch.read("public/en/technotes/using/rates 50% #2?.html"));
    let canonical = select(&html, r#"link[rel="canonical"]"#);
    assert_eq!(
        attr(&canonical[0], "href"),
        format!("https://technotes.example.org/en/{encoded}")
    );
    let alternates: Vec<String> = select(&html, r#"link[rel="alternate"][hreflang]"#)
        .iter()
        .map(|l| attr(l, "href"))
        .collect();
    assert!(
        alternates.contains(
            &"https://technotes.example.org/fr/technotes/using/taux%2050%25%20%232%3F.html"
                .to_string()
        ),
        "{alternates:?}"
    );
    let links: Vec<String> = select(&html, "main a[href], article a[href]")
        .iter()
        .map(|a| attr(a, "href"))
        .collect();
    assert!(
        links.contains(&"/en/technotes/using/index%20of%20rates.html#top".to_string()),
        "{links:?}"
    );
    let images: Vec<String> = select(&html, "img")
        .iter()
        .map(|i| attr(i, "src"))
        .collect();
    assert!(
        images.contains(&"/en/technotes/using/my%20chart.png".to_string()),
        "{images:?}"
    );
    assert!(
        scratch
            .out()
            .join("en/technotes/using/my chart.png")
            .is_file()
    );
    let sitemap = scratch.read("public/sitemap.xml");
    assert!(sitemap.contains(&format!("https://technotes.example.org/en/{encoded}")));
    assert!(!sitemap.contains("rates 50%"), "no raw name in the sitemap");
}
