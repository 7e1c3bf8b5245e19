//! Properties every rendered page keeps, whatever its content.

mod support;

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::Path;

use technote_markdown::{
    DEFAULT_MAX_NESTING, DEFAULT_MAX_TABLE_CELLS, Document, KeepLinks, LinkKind, LinkRef,
    LinkResolver, MESSAGE_IDS, RenderOptions, ResolvedLink, render,
};

/// Every piece of HTML a document hands to the site.
fn all_html(document: &Document) -> Vec<String> {
    let mut html = vec![support::html(document)];
    for entry in &document.faq {
        html.push(entry.question_html.clone());
        html.push(entry.answer_html.clone());
    }
    html
}

#[test]
fn the_page_using_every_construct_renders_each_one() {
    let body = support::fixture("every-construct.md");
    let document = support::render_with(&body, "en", 1);
    let html = support::html(&document);
    for shape in [
        "alert alert-info",
        "alert alert-error",
        "alert alert-success",
        "alert alert-morelikethis",
        r#"<details class="collapsible" id="folded">"#,
        r#"<section class="tab-panel" id="hosted">"#,
        r#"class="image-center width-60""#,
        r#"<figure class="video"><a href="https://video.tv.adobe.com/v/99" class="video-link external">A short tour"#,
        r#"<table class="width-80">"#,
        r#"<td class="align-center"><a href="/fr/technotes/other-page/#alerts">"#,
        r#"<details class="faq-entry" id="does-it-fold">"#,
    ] {
        assert!(html.contains(shape), "`{shape}` missing from\n{html}");
    }
    assert!(!html.contains("<blockquote"), "{html}");
    assert!(!html.contains("settings_help"), "{html}");
    assert!(!document.diagnostics.iter().any(|d| d.is_error()));
}

#[test]
fn no_output_keeps_dialect_syntax_or_double_escaped_entities() {
    for (name, body) in support::fixtures() {
        let document = support::render_with(&body, "en", 1);
        for html in all_html(&document) {
            for forbidden in [
                "[!",
                "{#",
                "+++",
                "{hide-from-toc}",
                "{style",
                "{_blank",
                "<!--",
                " style=",
                "&amp;#",
                "{target",
                "{type",
            ] {
                assert!(
                    !html.contains(forbidden),
                    "{name}: `{forbidden}` in\n{html}"
                );
            }
        }
        for text in [
            &document.text,
            document.title.as_ref().unwrap_or(&String::new()),
        ] {
            for forbidden in ["[!", "{#", "+++", "{hide-from-toc}", "&#39;", "&amp;"] {
                assert!(
                    !text.contains(forbidden),
                    "{name}: `{forbidden}` in the text"
                );
            }
        }
    }
}

#[test]
fn no_output_needs_inline_style_or_script() {
    for (name, body) in support::fixtures() {
        let document = support::render_with(&body, "en", 1);
        let html = support::html(&document);
        for forbidden in [
            " style=",
            "<script",
            " onclick=",
            " onmouseover=",
            "javascript:",
        ] {
            assert!(
                !html.contains(forbidden),
                "{name}: `{forbidden}` in\n{html}"
            );
        }
    }
}

#[test]
fn every_id_is_unique_and_listed_as_an_anchor() {
    for (name, body) in support::fixtures() {
        let document = support::render_with(&body, "en", 1);
        let mut seen = HashSet::new();
        for anchor in &document.anchors {
            assert!(
                seen.insert(anchor.id.as_str()),
                "{name}: id {} twice",
                anchor.id
            );
        }
        let html = support::html(&document);
        let in_html: Vec<&str> = html
            .split(" id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        let unique: HashSet<&str> = in_html.iter().copied().collect();
        assert_eq!(
            unique.len(),
            in_html.len(),
            "{name}: an id repeats in the HTML"
        );
        for id in &in_html {
            assert!(seen.contains(id), "{name}: `{id}` is not in anchors");
        }
        // The title's id (and its alias) are the only anchors the template
        // writes, not the body.
        assert_eq!(
            in_html.len() + 1 + usize::from(document.title_alias.is_some()),
            seen.len(),
            "{name}: anchors without an element"
        );
    }
}

#[test]
fn faq_answers_are_the_html_the_page_shows() {
    let document = support::render_with(&support::fixture("technote-fr.md"), "fr", 1);
    let html = support::html(&document);
    assert_eq!(document.faq.len(), 2);
    for entry in &document.faq {
        assert!(html.contains(&entry.answer_html), "{}", entry.id);
        // The summary holds the question, after the empty element of its
        // former id when it has one.
        let question_end = format!("{}</summary>", entry.question_html);
        let at = html.find(&question_end).expect("the question's summary");
        let opening = "<summary class=\"faq-question\">";
        let before = &html[..at];
        let between = &before[before.rfind(opening).expect("its opening tag") + opening.len()..];
        assert!(
            between.is_empty()
                || (between.starts_with("<span id=\"") && between.ends_with("\"></span>")),
            "{between}"
        );
    }
    assert!(document.faq[0].answer_html.contains("<img src="));
    assert!(
        document.faq[1]
            .answer_html
            .contains("class=\"alert alert-note\"")
    );
}

#[test]
fn a_widget_inside_an_answer_splits_the_segments_but_not_the_answer() {
    let body = "## FAQ\n\n**Which release?**\n\nThe minimums:\n\n<!-- technote:widget minimum-releases -->\n\nPick yours.\n";
    let document = support::render_with(body, "en", 1);
    assert_eq!(document.segments.len(), 3);
    let [entry] = document.faq.as_slice() else {
        panic!("one question expected")
    };
    assert_eq!(
        entry.answer_html,
        "<p>The minimums:</p>\n<p>Pick yours.</p>"
    );
    assert_eq!(entry.answer_text, "The minimums:\nPick yours.");
}

#[test]
fn entities_are_decoded_exactly_once() {
    let document = support::render_with(
        "Qu&#39;est-ce que l&#39;IMS ? Écrivez à ops&#64;example.com &amp; co.\n",
        "fr",
        1,
    );
    let html = support::html(&document);
    assert_eq!(
        html,
        "<p>Qu'est-ce que l'IMS ? Écrivez à ops@example.com &amp; co.</p>\n"
    );
    assert_eq!(
        document.text,
        "Qu'est-ce que l'IMS ? Écrivez à ops@example.com & co."
    );
}

#[test]
fn code_keeps_dialect_syntax_literally() {
    let document = support::render_with(
        "Write `[!DNL name]` or `{#id}`.\n\n```\n>[!NOTE]\n[!UICONTROL Save]\n```\n",
        "en",
        1,
    );
    let html = support::html(&document);
    assert!(html.contains("<code>[!DNL name]</code>"));
    assert!(html.contains("<code>{#id}</code>"));
    assert!(html.contains("&gt;[!NOTE]\n[!UICONTROL Save]"));
    assert!(
        document.diagnostics.is_empty(),
        "{:#?}",
        document.diagnostics
    );
}

/// Records what the renderer asks, and answers like a site.
#[derive(Default)]
struct Recorder {
    asked: RefCell<Vec<(String, LinkKind, u32, u32)>>,
}

impl LinkResolver for Recorder {
    fn resolve(&self, link: &LinkRef<'_>) -> Option<ResolvedLink> {
        self.asked
            .borrow_mut()
            .push((link.dest.to_string(), link.kind, link.line, link.column));
        None
    }
}

#[test]
fn the_resolver_sees_relative_destinations_with_their_file_positions() {
    let body = "Intro [a](page.md#x), [b](https://e.com), [c](#top), <me@e.com>, [d](mailto:me@e.com).\n\n* ![shot](assets/s.png) and [!BADGE v7]{url=../v7.md}\n";
    let recorder = Recorder::default();
    let messages = |id: &str| technote_markdown::LabelText::plain(id);
    let options = RenderOptions {
        file: Path::new("p.md"),
        first_line: 20,
        messages: &messages,
        links: &recorder,
        max_nesting: DEFAULT_MAX_NESTING,
        max_table_cells: DEFAULT_MAX_TABLE_CELLS,
    };
    let document = render(body, &options);
    assert_eq!(
        recorder.asked.into_inner(),
        vec![
            ("page.md#x".to_string(), LinkKind::Link, 20, 7),
            ("assets/s.png".to_string(), LinkKind::Image, 22, 3),
            ("../v7.md".to_string(), LinkKind::Link, 22, 29),
        ]
    );
    let same_page: Vec<(&str, u32, u32)> = document
        .same_page_links
        .iter()
        .map(|l| (l.id.as_str(), l.line, l.column))
        .collect();
    assert_eq!(same_page, vec![("top", 20, 43)]);
}

#[test]
fn the_locale_files_define_exactly_the_message_ids() {
    let expected: HashSet<&str> = MESSAGE_IDS.iter().copied().collect();
    for locale in ["en", "fr"] {
        let labels = support::labels(locale);
        let defined: HashSet<&str> = labels.keys().map(String::as_str).collect();
        assert_eq!(defined, expected, "locales/{locale}/markdown.ftl");
        assert!(
            labels.values().all(|label| !label.trim().is_empty()),
            "{locale}: empty label"
        );
    }
}

#[test]
fn any_prefix_of_any_fixture_renders_without_panicking() {
    let messages = |id: &str| technote_markdown::LabelText::plain(id);
    let options = RenderOptions {
        file: Path::new("p.md"),
        first_line: 1,
        messages: &messages,
        links: &KeepLinks,
        max_nesting: DEFAULT_MAX_NESTING,
        max_table_cells: DEFAULT_MAX_TABLE_CELLS,
    };
    for (_, body) in support::fixtures() {
        for (cut, _) in body.char_indices().step_by(3) {
            let _ = render(&body[..cut], &options);
        }
    }
    for odd in [
        "",
        "[!",
        "[!DNL",
        ">[!TAB",
        ">[!BEGINTABS]",
        "**",
        "** {#}",
        "{",
        "[x](y){",
        "![",
        "> > >[!NOTE]",
        "\u{0}",
        "## {#}",
    ] {
        let _ = render(odd, &options);
    }
}
