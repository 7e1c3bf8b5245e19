//! Snapshot of every fixture: HTML, headings, FAQ, anchors, links, diagnostics, text.

mod support;

#[test]
fn fixtures_render_as_in_their_snapshots() {
    insta::glob!("fixtures/*.md", |path| {
        let body = std::fs::read_to_string(path).expect("fixtures are readable");
        let locale = if path.to_string_lossy().ends_with("-fr.md") {
            "fr"
        } else {
            "en"
        };
        let document = support::render_with(&body, locale, 1);
        insta::assert_snapshot!(support::describe(&document));
    });
}
