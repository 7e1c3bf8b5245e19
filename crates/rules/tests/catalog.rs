//! The built-in catalog: the technote's list of minimum releases, and the
//! check that keeps prose in line with it.

use technote_rules::{MinimumRelease, built_in_catalog};

#[test]
fn minimum_releases_are_the_technotes_list_in_its_order() {
    let listed: Vec<(&str, &str, &str, &str)> = built_in_catalog()
        .minimum_releases()
        .map(|minimum| {
            (
                minimum.line.as_str(),
                minimum.release.as_str(),
                minimum.build.as_str(),
                minimum.console_build.as_str(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "Gold Standard",
                "Gold Standard 11",
                "9032@d3b452f",
                "9032@d030c36"
            ),
            ("21.1", "21.1.3", "9330", "9330"),
            ("20.3", "20.3.1", "9228", "9228"),
            ("20.2", "20.2.5", "9188", "9188"),
            ("20.1", "20.1.4", "9126", "9126"),
            ("19.2", "19.2.4", "9082", "9082"),
        ]
    );
}

#[test]
fn every_line_with_its_minimum_and_console_engine() {
    let lines: Vec<(&str, Option<&str>, bool, bool)> = built_in_catalog()
        .lines()
        .iter()
        .map(|line| {
            (
                line.name.as_str(),
                line.minimum
                    .as_ref()
                    .map(|minimum| minimum.release.as_str()),
                line.release_notes_only,
                line.webview2,
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            ("18.10", None, false, false),
            ("19.1", None, false, false),
            ("19.2", Some("19.2.4"), false, false),
            ("20.1", Some("20.1.4"), false, false),
            ("20.2", Some("20.2.5"), false, false),
            ("20.3", Some("20.3.1"), true, false),
            ("21.1", Some("21.1.3"), false, false),
            ("7.2", Some("7.2.1"), false, false),
            ("7.3", Some("7.3.1"), false, true),
            ("7.4", Some("7.4.1"), false, true),
            ("Gold Standard", Some("Gold Standard 11"), false, false),
        ]
    );
}

#[test]
fn mentions_of_the_minimum_release_pass() {
    let mentions = [
        "Gold Standard 11. Learn more",
        "Gold Standard 11 (console build 9032@d030c36)",
        "Campaign Version 21.1.3.",
        "Campaign 20.2.5",
        "Campagne version 20.1.4.",
        "**19.2.4** (build 9082)",
        "20.3.1 and later lines (v7.2+) carry the new protocol",
        "9032@d030c36",
        "No release named here",
        "v7.2 and later",
    ];
    for mention in mentions {
        assert_eq!(
            built_in_catalog().check_minimum_mention(mention),
            None,
            "{mention:?}"
        );
    }
}

#[test]
fn mentions_of_another_release_of_the_line_give_the_expected_minimum() {
    let expected = |line: &str| {
        built_in_catalog()
            .lines()
            .iter()
            .find(|known| known.name == line)
            .and_then(|known| known.minimum.clone())
    };
    let cases: [(&str, &str, &str, Option<MinimumRelease>); 6] = [
        (
            "Campaign 20.2.4",
            "20.2.4 (build 9187)",
            "20.2",
            expected("20.2"),
        ),
        (
            "Gold Standard 10.",
            "Gold Standard 10",
            "Gold Standard",
            expected("Gold Standard"),
        ),
        (
            "GS 12",
            "Gold Standard 12",
            "Gold Standard",
            expected("Gold Standard"),
        ),
        (
            "Version 21.1.4 is required",
            "21.1.4",
            "21.1",
            expected("21.1"),
        ),
        ("20.3.3", "20.3.3 (build 9234)", "20.3", expected("20.3")),
        ("Campaign 19.1.8", "19.1.8 (build 9039)", "19.1", None),
    ];
    for (mention, mentioned, line, minimum) in cases {
        let mismatch = built_in_catalog()
            .check_minimum_mention(mention)
            .unwrap_or_else(|| panic!("{mention:?} should not pass"));
        assert_eq!(mismatch.mentioned, mentioned, "{mention:?}");
        assert_eq!(mismatch.line, line, "{mention:?}");
        assert_eq!(mismatch.expected, minimum, "{mention:?}");
    }
    let twenty_two = built_in_catalog()
        .check_minimum_mention("Campaign 20.2.4")
        .and_then(|mismatch| mismatch.expected);
    assert_eq!(
        twenty_two.map(|minimum| minimum.release),
        Some("20.2.5".to_owned())
    );
}

#[test]
fn mention_check_survives_any_text() {
    let long = "word ".repeat(200_000);
    assert_eq!(built_in_catalog().check_minimum_mention(&long), None);
    assert_eq!(
        built_in_catalog().check_minimum_mention("\u{202E}🎉 <script> ٢١٫١٫٣"),
        None
    );
}
