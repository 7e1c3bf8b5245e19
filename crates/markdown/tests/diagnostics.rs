//! Problems are reported with the file's line numbers (the body starts at
//! `first_line`), the right severity and a message naming what is wrong.

mod support;

use technote_markdown::Diagnostic;
use technote_markdown::Document;

/// The body of every test starts on line 10 of its file, as after a front matter.
const FIRST_LINE: u32 = 10;

fn diagnostics(body: &str) -> Vec<Diagnostic> {
    let document: Document = support::render_with(body, "en", FIRST_LINE);
    document.diagnostics
}

fn only(body: &str) -> Diagnostic {
    let mut found = diagnostics(body);
    assert_eq!(found.len(), 1, "expected one diagnostic, got {found:#?}");
    found.remove(0)
}

#[test]
fn a_duplicate_heading_id_is_an_error_naming_both_lines() {
    let body = "# Title\n\n## First {#setup}\n\nText.\n\n## Second {#setup}\n";
    let diagnostic = only(body);
    assert!(diagnostic.is_error());
    assert_eq!((diagnostic.line, diagnostic.column), (Some(16), Some(1)));
    assert_eq!(
        diagnostic.message,
        "the id `setup` is already used on line 12"
    );
    assert_eq!(
        diagnostic.to_string().lines().next(),
        Some(
            "content/en/technotes/page.md:16:1: error: the id `setup` is already used on line 12 [id-duplicate]"
        )
    );
}

#[test]
fn a_faq_id_that_repeats_a_heading_id_is_an_error() {
    let body = "## Check {#check}\n\n## FAQ\n\n**How do I check?** {#check}\n\nLike this.\n";
    let diagnostic = only(body);
    assert!(diagnostic.is_error());
    assert_eq!(diagnostic.line, Some(14));
    assert_eq!(
        diagnostic.message,
        "the id `check` is already used on line 10"
    );
}

#[test]
fn the_duplicate_still_gets_a_unique_id_in_the_html() {
    let document = support::render_with("## A {#x}\n\n## B {#x}\n", "en", 1);
    let ids: Vec<&str> = document.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, vec!["x", "x-2"]);
}

#[test]
fn an_unclosed_tab_set_is_an_error_at_its_beginning() {
    let body = "## Setup\n\nIntro.\n\n>[!BEGINTABS]\n\n>[!TAB One]\n\nText.\n";
    let diagnostic = only(body);
    assert!(diagnostic.is_error());
    assert_eq!(diagnostic.line, Some(14));
    assert!(
        diagnostic.message.contains("no `>[!ENDTABS]`"),
        "{diagnostic}"
    );
}

#[test]
fn an_unclosed_tab_set_is_still_closed_in_the_html() {
    let document = support::render_with(">[!BEGINTABS]\n\n>[!TAB One]\n\nText.\n", "en", 1);
    let html = support::html(&document);
    assert!(html.ends_with("</section>\n</div>\n"), "{html}");
}

#[test]
fn an_empty_alert_is_a_warning_at_its_line() {
    let body = "Intro.\n\n>[!WARNING]\n>\n\nAfter.\n";
    let diagnostic = only(body);
    assert!(!diagnostic.is_error());
    assert_eq!((diagnostic.line, diagnostic.column), (Some(12), Some(1)));
    assert_eq!(diagnostic.message, "this `[!WARNING]` alert is empty");
}

#[test]
fn stray_tab_markers_are_warnings_and_nested_sets_errors() {
    let found = diagnostics(
        ">[!TAB Lost]\n\n>[!ENDTABS]\n\n>[!BEGINTABS]\n\n>[!BEGINTABS]\n\n>[!ENDTABS]\n",
    );
    let summary: Vec<(bool, Option<u32>, &str)> = found
        .iter()
        .map(|d| (d.is_error(), d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                false,
                Some(10),
                "`[!TAB …]` outside a tab set; its title is left out and its content shown \
                 as ordinary text"
            ),
            (
                false,
                Some(12),
                "`[!ENDTABS]` without a tab set to end; it is left out"
            ),
            (
                true,
                Some(16),
                "a tab set cannot start inside another tab set"
            ),
        ]
    );
}

#[test]
fn content_before_the_first_tab_is_a_warning() {
    let diagnostic = only(">[!BEGINTABS]\n\nStray.\n\n>[!TAB One]\n\nText.\n\n>[!ENDTABS]\n");
    assert_eq!(diagnostic.line, Some(12));
    assert!(diagnostic.message.contains("belongs to no tab"));
}

#[test]
fn misplaced_unknown_and_unclosed_markers_are_warnings_with_columns() {
    let found = diagnostics("Text [!NOTE] here.\n\nA [!FANCY thing].\n\nOpen [!DNL Adobe\n");
    let summary: Vec<(Option<u32>, Option<u32>, bool)> = found
        .iter()
        .map(|d| (d.line, d.column, d.is_error()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Some(10), Some(6), false),
            (Some(12), Some(3), false),
            (Some(14), Some(6), false),
        ]
    );
    assert!(
        found[0]
            .message
            .contains("first line of its own blockquote")
    );
    assert!(found[1].message.contains("`[!FANCY`"));
    assert!(found[2].message.contains("no closing `]`"));
}

#[test]
fn disallowed_link_attributes_are_dropped_with_a_warning() {
    let body = "See [the guide](https://example.com){target=\"_blank\" onmouseover=\"x()\"}.\n";
    let document = support::render_with(body, "en", FIRST_LINE);
    let html = support::html(&document);
    assert!(!html.contains("onmouseover"), "{html}");
    assert!(
        html.contains(r#"target="_blank" rel="noopener noreferrer""#),
        "{html}"
    );
    let [diagnostic] = document.diagnostics.as_slice() else {
        panic!("expected one diagnostic: {:#?}", document.diagnostics);
    };
    assert_eq!((diagnostic.line, diagnostic.column), (Some(10), Some(37)));
    assert!(diagnostic.message.contains("`onmouseover`"));
}

#[test]
fn an_unreadable_attribute_list_stays_as_text_with_a_warning() {
    let body = "See [the guide](https://example.com){target=\"_blank}.\n";
    let document = support::render_with(body, "en", FIRST_LINE);
    assert!(support::html(&document).contains("{target=\"_blank}"));
    let [diagnostic] = document.diagnostics.as_slice() else {
        panic!("expected one diagnostic: {:#?}", document.diagnostics);
    };
    assert!(diagnostic.message.contains("closing quote"), "{diagnostic}");
}

#[test]
fn a_second_title_and_heading_attributes_are_warnings() {
    let found = diagnostics("# Title\n\n## Part {#part data-x=1}\n\n# Another title\n");
    let messages: Vec<(Option<u32>, &str)> =
        found.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(
        messages,
        vec![
            (
                Some(12),
                "heading attributes other than `#id` and `.class` are dropped: data-x"
            ),
            (
                Some(14),
                "a page has one `#` heading, its title; this one is rendered as a second title"
            ),
        ]
    );
}

#[test]
fn misplaced_or_misnamed_widgets_are_warnings_and_are_left_out() {
    let body = "* <!-- technote:widget in-a-list -->\n\n<!-- technote:widget Bad_Name -->\n";
    let document = support::render_with(body, "en", FIRST_LINE);
    let lines: Vec<Option<u32>> = document.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![Some(10), Some(12)]);
    let html = support::html(&document);
    assert!(!html.contains("<!--"), "{html}");
    assert!(!html.contains("[[widget"));
}

#[test]
fn an_id_outside_a_heading_or_question_is_a_warning() {
    let diagnostic = only("**Bold, but not in a FAQ.** {#not-here}\n");
    assert_eq!(diagnostic.line, Some(10));
    assert!(diagnostic.message.contains("`{#…}` shows as text"));
}

#[test]
fn a_widget_comment_with_more_on_its_line_is_a_warning() {
    let document = support::render_with(
        "<!-- technote:widget minimum-releases --> and more\n",
        "en",
        FIRST_LINE,
    );
    assert!(
        document
            .segments
            .iter()
            .all(|s| matches!(s, technote_markdown::Segment::Html(_)))
    );
    let [diagnostic] = document.diagnostics.as_slice() else {
        panic!("expected one diagnostic: {:#?}", document.diagnostics);
    };
    assert_eq!(diagnostic.line, Some(10));
    assert!(diagnostic.message.contains("alone on its line"));
}

#[test]
fn script_urls_are_never_written() {
    let document = support::render_with("Click [here](javascript:alert(1)).\n", "en", FIRST_LINE);
    let html = support::html(&document);
    assert_eq!(html, "<p>Click <a href=\"\">here</a>.</p>\n");
    let [diagnostic] = document.diagnostics.as_slice() else {
        panic!("expected one diagnostic: {:#?}", document.diagnostics);
    };
    assert_eq!((diagnostic.line, diagnostic.column), (Some(10), Some(7)));
}

#[test]
fn lists_nested_beyond_the_limit_are_an_error_and_left_out() {
    // `- - x` opens a list inside a list item on one line: 10,000 levels
    // in 20 kB, as a hostile or broken file could.
    let body = format!("Before.\n\n{}x\n\nAfter.\n", "- ".repeat(10_000));
    let document = support::render_with(&body, "en", FIRST_LINE);
    assert_eq!(document.diagnostics.len(), 1, "{:#?}", document.diagnostics);
    let diagnostic = &document.diagnostics[0];
    assert!(diagnostic.is_error());
    assert_eq!(diagnostic.line, Some(FIRST_LINE + 2));
    assert_eq!(
        diagnostic.message,
        "the Markdown nests more than 256 levels deep here"
    );
    let html = support::html(&document);
    assert!(
        html.contains("Before.") && html.contains("After."),
        "{html}"
    );
    assert!(
        !html.contains("<li>"),
        "the too deep list is left out: {html}"
    );
}

#[test]
fn nesting_up_to_the_limit_renders() {
    let body = format!("{}x\n", ">".repeat(255));
    assert_eq!(diagnostics(&body), Vec::new());
}
