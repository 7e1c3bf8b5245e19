//! Version parsing and ordering as users meet them: every spelling people
//! type, the Gold Standard drops, builds the catalog does not list.

use std::cmp::Ordering;

use technote_rules::{VersionError, built_in_catalog, parse_version};

fn canonical(input: &str) -> String {
    match parse_version(built_in_catalog(), input) {
        Ok(version) => version.to_string(),
        Err(error) => panic!("{input:?} should parse, got {error:?}"),
    }
}

fn order(left: &str, right: &str) -> Option<Ordering> {
    let left = parse_version(built_in_catalog(), left)
        .unwrap_or_else(|error| panic!("{left:?}: {error:?}"));
    let right = parse_version(built_in_catalog(), right)
        .unwrap_or_else(|error| panic!("{right:?}: {error:?}"));
    left.partial_cmp(&right)
}

#[test]
fn every_spelling_people_type_is_understood() {
    let cases = [
        ("21.1.3", "21.1.3 (build 9330)"),
        ("v21.1.3", "21.1.3 (build 9330)"),
        ("Campaign 21.1.3", "21.1.3 (build 9330)"),
        ("7.0 build 9330", "21.1.3 (build 9330)"),
        ("build 9330", "21.1.3 (build 9330)"),
        ("Build9330", "21.1.3 (build 9330)"),
        ("9330", "21.1.3 (build 9330)"),
        ("  21.1.3  ", "21.1.3 (build 9330)"),
        ("CAMPAIGN   21.1.3", "21.1.3 (build 9330)"),
        ("21.1.3 (build 9330)", "21.1.3 (build 9330)"),
        ("9032@d030c36", "Gold Standard 11 (build 9032@d030c36)"),
        ("9032@D030C36", "Gold Standard 11 (build 9032@d030c36)"),
        (
            "9032@d030c36aa0b1c2d3e4f",
            "Gold Standard 11 (build 9032@d030c36)",
        ),
        ("Gold Standard 11", "Gold Standard 11"),
        ("gold standard 11", "Gold Standard 11"),
        ("GS11", "Gold Standard 11"),
        ("gs 11", "Gold Standard 11"),
        ("GS 12", "Gold Standard 12"),
        (
            "Gold Standard 11 build 9032@d030c36",
            "Gold Standard 11 (build 9032@d030c36)",
        ),
        ("7.3.2", "7.3.2 (build 9356)"),
        ("v7.4.1", "7.4.1 (build 9383)"),
        ("Campaign Classic 20.2.5", "20.2.5 (build 9188)"),
        (
            "Adobe Campaign Classic v7 build 9188",
            "20.2.5 (build 9188)",
        ),
        ("19.2", "19.2 (build 9080)"),
        ("18.10", "18.10 (build 8977)"),
        ("19.1.4", "19.1.4 (build 9032)"),
        ("21.1.4", "21.1.4"),
        ("9343", "21.1.4 (build 9343)"),
        ("Campaign\u{a0}21.1.3", "21.1.3 (build 9330)"),
    ];
    for (input, expected) in cases {
        assert_eq!(canonical(input), expected, "input {input:?}");
    }
}

#[test]
fn versions_outside_the_catalog_are_placed_and_flagged() {
    let cases = [
        ("9125", "build 9125", Some("20.1")),
        ("build 9450", "build 9450", Some("7.4")),
        ("9200", "build 9200", Some("20.2")),
        ("8000", "build 8000", None),
        ("19.2.2", "19.2.2", Some("19.2")),
        ("7.4.9", "7.4.9", Some("7.4")),
        ("GS 7", "Gold Standard 7", Some("Gold Standard")),
        ("7.4.9 build 9450", "build 9450", Some("7.4")),
    ];
    for (input, expected, line) in cases {
        let version = parse_version(built_in_catalog(), input)
            .unwrap_or_else(|error| panic!("{input:?}: {error:?}"));
        assert_eq!(version.to_string(), expected, "input {input:?}");
        assert!(!version.in_catalog(), "{input:?} is not in the catalog");
        assert_eq!(
            version.line().map(|line| line.name.as_str()),
            line,
            "line of {input:?}"
        );
    }
}

#[test]
fn a_line_name_alone_covers_the_whole_line() {
    let version =
        parse_version(built_in_catalog(), "20.2").unwrap_or_else(|error| panic!("{error:?}"));
    assert_eq!(version.to_string(), "20.2");
    assert!(version.in_catalog());
    assert_eq!(order("20.2", "20.2.4"), None);
    assert_eq!(order("20.2", "20.1.4"), Some(Ordering::Greater));
    assert_eq!(order("20.2", "20.3.1"), Some(Ordering::Less));
    assert_eq!(order("20.2", "v20.2"), Some(Ordering::Equal));
}

#[test]
fn what_is_not_a_version_is_rejected_with_the_reason() {
    let cases = [
        ("", VersionError::Empty),
        ("   ", VersionError::Empty),
        ("banana", VersionError::NotUnderstood),
        ("9032", VersionError::AmbiguousBuild),
        ("build 9032", VersionError::AmbiguousBuild),
        ("8.1.2", VersionError::UnknownRelease),
        ("7.0", VersionError::UnknownRelease),
        ("Gold Standard 30", VersionError::UnknownRelease),
        ("GS 0", VersionError::NotUnderstood),
        ("9032@0000000", VersionError::UnknownRelease),
        ("21.1.3 build 9188", VersionError::NotUnderstood),
        ("21.1.3-beta", VersionError::NotUnderstood),
        ("021.1.3", VersionError::NotUnderstood),
        ("21.1.3.4", VersionError::NotUnderstood),
        ("21.01.3", VersionError::NotUnderstood),
        ("21..3", VersionError::NotUnderstood),
        ("21.1.", VersionError::NotUnderstood),
        ("-7.3.5", VersionError::NotUnderstood),
        ("7.-3.5", VersionError::NotUnderstood),
        ("99999999999999999999.1.1", VersionError::NotUnderstood),
        ("933", VersionError::NotUnderstood),
        ("9330@xyz", VersionError::NotUnderstood),
        ("build", VersionError::NotUnderstood),
        ("build 9330 9331", VersionError::NotUnderstood),
        ("gs", VersionError::NotUnderstood),
        ("Gold Standard", VersionError::NotUnderstood),
        ("２１.１.３", VersionError::NotUnderstood),
        ("21.1.3 🎉", VersionError::NotUnderstood),
        ("<script>alert(1)</script>", VersionError::NotUnderstood),
        ("\u{202E}3.1.12", VersionError::NotUnderstood),
        ("21.1.3\u{0}", VersionError::NotUnderstood),
        ("campaign campaign campaign", VersionError::NotUnderstood),
    ];
    for (input, expected) in cases {
        assert_eq!(
            parse_version(built_in_catalog(), input).map(|version| version.to_string()),
            Err(expected),
            "input {input:?}"
        );
    }
}

#[test]
fn overlong_input_is_rejected_before_parsing() {
    let long = "21.1.3 ".repeat(10);
    assert_eq!(
        parse_version(built_in_catalog(), &long).err(),
        Some(VersionError::TooLong)
    );
    let huge = "9".repeat(1 << 20);
    assert_eq!(
        parse_version(built_in_catalog(), &huge).err(),
        Some(VersionError::TooLong)
    );
}

#[test]
fn builds_order_by_number_and_releases_of_one_build_are_equal() {
    assert_eq!(order("20.2.4", "20.2.5"), Some(Ordering::Less));
    assert_eq!(order("9330", "21.1.3"), Some(Ordering::Equal));
    assert_eq!(order("9342", "9343"), Some(Ordering::Equal));
    assert_eq!(order("21.1.4", "9343"), Some(Ordering::Equal));
    assert_eq!(order("9125", "20.1.3"), Some(Ordering::Greater));
    assert_eq!(order("9125", "20.1.4"), Some(Ordering::Less));
    assert_eq!(order("7.2.1", "21.1.4"), Some(Ordering::Greater));
    assert_eq!(order("19.2.2", "19.2.3"), Some(Ordering::Less));
    assert_eq!(order("19.2.2", "19.2"), Some(Ordering::Greater));
    assert_eq!(order("19.2.2", "19.2.1"), None);
    assert_eq!(order("7.4.2", "7.4.1"), Some(Ordering::Greater));
}

#[test]
fn gold_standard_drops_order_by_date_not_by_suffix() {
    // The suffixes sort the other way round from the dates.
    assert_eq!(order("9032@d3b452f", "9032@10c2709"), Some(Ordering::Less));
    assert_eq!(order("9032@10c2709", "9032@d030c36"), Some(Ordering::Less));
    assert_eq!(order("9032@cee805c", "9032@554dbcd"), Some(Ordering::Less));
    assert_eq!(order("GS 10", "9032@d3b452f"), Some(Ordering::Less));
    assert_eq!(order("GS 12", "9032@d030c36"), Some(Ordering::Greater));
    assert_eq!(order("GS 7", "GS 6"), Some(Ordering::Greater));
    assert_eq!(order("GS 7", "GS 8"), Some(Ordering::Less));
    // Gold Standard 11 has three drops: it is neither before nor after one.
    assert_eq!(order("Gold Standard 11", "9032@10c2709"), None);
    assert_eq!(order("Gold Standard 11", "GS11"), Some(Ordering::Equal));
    // Every drop follows plain build 9032, which is 19.1.4.
    assert_eq!(order("19.1.4", "9032@cee805c"), Some(Ordering::Less));
    assert_eq!(order("9032@554dbcd", "19.1.5"), Some(Ordering::Less));
}

#[test]
fn ims_patches_of_the_catalog_are_read_and_others_refused() {
    for (input, expected) in [
        ("7.3.3.IMS", "7.3.3.IMS (build 9359)"),
        ("v7.3.2.ims", "7.3.2.IMS (build 9356)"),
    ] {
        let version = parse_version(built_in_catalog(), input)
            .unwrap_or_else(|error| panic!("{input:?}: {error:?}"));
        assert_eq!(version.to_string(), expected);
        assert_eq!(version.patch(), Some("IMS"));
    }
    assert_eq!(
        parse_version(built_in_catalog(), "7.3.3").map(|v| v.patch()),
        Ok(None)
    );
    // 7.3.4 had no IMS patch, and no release has a "FOO" patch.
    assert_eq!(
        parse_version(built_in_catalog(), "7.3.4.IMS").err(),
        Some(VersionError::UnknownRelease)
    );
    assert_eq!(
        parse_version(built_in_catalog(), "7.3.3.FOO").err(),
        Some(VersionError::UnknownRelease)
    );
    assert_eq!(
        parse_version(built_in_catalog(), "7.3.IMS").err(),
        Some(VersionError::UnknownRelease)
    );
}
