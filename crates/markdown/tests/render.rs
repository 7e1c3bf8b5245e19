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

#[test]
fn cjk_headings_keep_their_letters_and_their_former_ids_stay_anchors() {
    // Labels in English: the ids do not depend on them.
    for (fixture, id, former) in [
        ("headings-ja.md", "概要と設定", "gai-yao-toshe-ding"),
        ("headings-zh.md", "设置ims步骤-1", "she-zhi-ims-bu-zou-1"),
        ("headings-ko.md", "ims-설정-방법", "ims-seoljeong-bangbeob"),
    ] {
        let document = support::render_with(&support::fixture(fixture), "en", 1);
        let heading = document.headings.iter().find(|h| h.id == id);
        assert!(heading.is_some(), "{fixture}: no heading #{id}");
        let anchors: Vec<&str> = document.anchors.iter().map(|a| a.id.as_str()).collect();
        assert!(
            anchors.contains(&id) && anchors.contains(&former),
            "{fixture}: {anchors:?}"
        );
        let html = support::html(&document);
        assert!(
            html.contains(&format!("id=\"{id}\"><span id=\"{former}\"></span>")),
            "{fixture}: the former id is not at the start of the heading\n{html}"
        );
    }
}
