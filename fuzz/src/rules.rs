//! The readiness checker's rules on whatever a visitor types: the June 2021
//! check and the built-in catalog as the page's WebAssembly module receives
//! them; and the module's catalog decoder on any text.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use technote_rules::{
    Catalog, Check, built_in_catalog, decode_check, evaluate_check, parse_version, parse_windows,
};

const IMS_2021: &str = include_str!("../../tests/checks/ims-2021.wire");

/// Parses the typed versions, compares them both ways and evaluates the answers.
pub fn rules(data: &[u8]) {
    let Some(check) = decode_check(IMS_2021.trim_end()) else {
        panic!("tests/checks/ims-2021.wire decodes");
    };
    // A page hands the module its catalog as text: no text may panic it.
    let _ = Catalog::decode(&String::from_utf8_lossy(data));
    let catalog = built_in_catalog();
    let answers = answers(data);
    let versions: Vec<_> = ["server", "console"]
        .into_iter()
        .filter_map(|input| answers.get(input))
        .filter_map(|text| parse_version(catalog, text).ok())
        .collect();
    for a in &versions {
        assert_eq!(
            a.partial_cmp(a),
            Some(Ordering::Equal),
            "{a:?} equals itself"
        );
        for b in &versions {
            assert_eq!(
                a.partial_cmp(b),
                b.partial_cmp(a).map(Ordering::reverse),
                "{a:?} and {b:?} compare consistently both ways"
            );
        }
    }
    if let Some(windows) = answers.get("windows") {
        let _ = parse_windows(windows);
    }

    let verdict = evaluate_check(catalog, &check, &answers);
    assert!(
        verdict.status == technote_rules::INCOMPLETE || check.statuses.contains(&verdict.status),
        "{verdict:?} has a status of the check"
    );
    for step in &verdict.steps {
        assert!(known_step(&check, step), "{step} is a step of the check");
    }
    assert_eq!(
        evaluate_check(catalog, &check, &answers),
        verdict,
        "the verdict is deterministic"
    );
}

fn known_step(check: &Check, name: &str) -> bool {
    check.steps.iter().any(|step| step.name == name)
}

/// Three bytes pick the choices (sign-in, hosting, Windows updated; 0 is
/// "not answered"), then NUL-separated texts fill server, console, Windows
/// and Internet Explorer, so seeds are easy to write by hand.
fn answers(data: &[u8]) -> BTreeMap<String, String> {
    let choice = |index: usize| usize::from(data.get(index).map_or(0, |b| b % 4));
    let mut answers = BTreeMap::new();
    let choices = [
        ("sign-in", ["adobe-id", "password", "unknown"]),
        ("hosting", ["hosted", "on-premise", "hybrid"]),
        ("windows-updated", ["yes", "no", "unknown"]),
    ];
    for (index, (input, words)) in choices.iter().enumerate() {
        if let Some(word) = choice(index).checked_sub(1).and_then(|at| words.get(at)) {
            answers.insert((*input).to_owned(), (*word).to_owned());
        }
    }
    let texts = data
        .get(3..)
        .unwrap_or_default()
        .split(|&b| b == 0)
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned());
    for (input, text) in ["server", "console", "windows", "ie"]
        .into_iter()
        .zip(texts)
    {
        answers.insert(input.to_owned(), text);
    }
    answers
}
