//! Text a page shows in the reference locale's words (strings copied by
//! `technote new locale` and not yet translated, or missing) says it is
//! English: `<span lang="en" dir="ltr">` inside elements, Unicode isolates
//! where no markup may go, and nothing at all once it is translated.

mod common;

use common::{Scratch, files, stderr, technote};
use scraper::{Html, Selector};

const PAGE: &str = "technotes/using/ims-sign-in-update";

/// The shipped project with `locale` added by `technote new locale`, one
/// string of it translated as `skip`, and `PAGE` translated into it.
fn with_new_locale(locale: &str, skip: &str) -> Scratch {
    let scratch = Scratch::new();
    let root = scratch.root().to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        let output = technote(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    };
    run(&["new", "locale", locale, "--root", &root]);
    let site = format!("locales/{locale}/site.ftl");
    let strings = scratch.read(&site).replace(
        "skip-to-content = Skip to content",
        &format!("skip-to-content = {skip}"),
    );
    scratch.write(&site, strings);
    let source = scratch.root().join(format!("content/en/{PAGE}.md"));
    let translation = scratch.root().join(format!("content/{locale}/{PAGE}.md"));
    run(&[
        "new",
        "technote",
        &translation.to_string_lossy(),
        "--from",
        &source.to_string_lossy(),
        "--root",
        &root,
    ]);
    let output = scratch.build();
    assert!(output.status.success(), "{}", stderr(&output));
    scratch
}

fn select<'d>(document: &'d Html, selector: &str) -> Vec<scraper::ElementRef<'d>> {
    let selector = Selector::parse(selector).expect("selector");
    document.select(&selector).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

#[test]
fn english_text_on_an_arabic_page_is_marked_english_and_left_to_right() {
    let scratch = with_new_locale("ar", "تخطَّ إلى المحتوى");
    let html = scratch.read(&format!("public/ar/{PAGE}.html"));
    let document = Html::parse_document(&html);

    // A copied string inside an element: marked up.
    let toc = select(&document, "#toc-title");
    assert_eq!(toc.len(), 1, "{html}");
    let spans = select(&document, "#toc-title > span[lang=en][dir=ltr]");
    assert_eq!(spans.iter().map(text).collect::<Vec<_>>(), ["On this page"]);

    // The translated one is not.
    let skip = select(&document, "a.skip-link");
    assert_eq!(text(&skip[0]), "تخطَّ إلى المحتوى");
    assert!(select(&document, "a.skip-link span").is_empty(), "{html}");

    // Attributes and the title take no markup: isolated left to right.
    let switcher = select(&document, "nav.language-switcher");
    assert_eq!(
        switcher[0].value().attr("aria-label"),
        Some("\u{2066}Language\u{2069}")
    );
    let title = text(&select(&document, "title")[0]);
    assert!(!title.contains('<'), "{title}");
    assert!(title.contains('\u{2066}'), "{title}");

    // The labels the Markdown renderer writes into the body (an alert's
    // title, what a screen reader says after a link leaving the site), and
    // the tab set's name, which the body holds in an attribute.
    let alert_titles = select(&document, "p.alert-title > span[lang=en][dir=ltr]");
    assert_eq!(
        alert_titles.iter().map(text).collect::<Vec<_>>(),
        ["Important", "Note"],
        "{html}"
    );
    let suffixes = select(&document, "a .visually-hidden > span[lang=en][dir=ltr]");
    assert!(!suffixes.is_empty(), "{html}");
    let tabs = select(&document, "div.tabs[data-tabs-label]");
    assert!(!tabs.is_empty(), "{html}");
    for tab_set in tabs {
        let name = tab_set.value().attr("data-tabs-label").unwrap_or_default();
        assert!(
            name.starts_with('\u{2066}') && name.ends_with('\u{2069}'),
            "{name:?}"
        );
    }

    // The check's questions, copied from English, say so too.
    let legends = select(&document, "form legend span[lang=en][dir=ltr]");
    assert!(
        !legends.is_empty(),
        "the check's questions are not marked English:\n{html}"
    );

    // The technote is still a copy of the English one: it says so.
    for part in ["h1", "nav.toc > ol", "div.technote-body"] {
        let found = select(&document, &format!("{part}[lang=en][dir=ltr]"));
        assert_eq!(found.len(), 1, "{part} is not marked English:\n{html}");
    }
    assert_eq!(
        select(&document, "main").len(),
        1,
        "the page keeps one main region"
    );

    // The marks never reach a file of the site.
    for file in files(&scratch.out()) {
        let bytes = std::fs::read(scratch.out().join(&file)).expect("read");
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains(['\u{E002}', '\u{E003}']),
            "a fallback mark is left in {}",
            file.display()
        );
    }
}

#[test]
fn a_technote_once_translated_is_no_longer_marked_english() {
    let scratch = with_new_locale("ar", "تخطَّ إلى المحتوى");
    let page = format!("content/ar/{PAGE}.md");
    let copy = scratch.read(&page);
    scratch.write(&page, format!("{copy}\nشغّل الأمر لمعرفة رقم الإصدار.\n"));
    let output = scratch.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let html = scratch.read(&format!("public/ar/{PAGE}.html"));
    let document = Html::parse_document(&html);
    assert!(
        select(&document, "div.technote-body[lang]").is_empty(),
        "{html}"
    );
    assert!(select(&document, "h1[lang]").is_empty(), "{html}");
}

#[test]
fn english_text_on_a_german_page_is_marked_english_without_isolates_and_english_pages_unmarked() {
    let scratch = with_new_locale("de", "Zum Inhalt springen");
    let html = scratch.read(&format!("public/de/{PAGE}.html"));
    let document = Html::parse_document(&html);
    let spans = select(&document, "#toc-title > span[lang=en][dir=ltr]");
    assert_eq!(spans.iter().map(text).collect::<Vec<_>>(), ["On this page"]);
    let switcher = select(&document, "nav.language-switcher");
    assert_eq!(
        switcher[0].value().attr("aria-label"),
        Some("Language"),
        "German and English run the same way: nothing to isolate"
    );

    let english = scratch.read(&format!("public/en/{PAGE}.html"));
    assert!(!english.contains("<span lang=\"en\""), "{english}");
    let french = Html::parse_document(&scratch.read(&format!("public/fr/{PAGE}.html")));
    assert!(
        select(&french, "#toc-title span").is_empty(),
        "a translated string is not marked"
    );
}
