//! Whatever a visitor types, the checker answers: never a panic, and text it
//! cannot read gives an `incomplete` verdict that says so. Run on the June
//! 2021 check as the WebAssembly module receives it
//! (`tests/checks/ims-2021.wire`).

use std::collections::BTreeMap;

use proptest::prelude::*;
use technote_rules::{
    Check, CheckVerdict, INCOMPLETE, MAX_ANSWER_LENGTH, VersionError, built_in_catalog,
    decode_check, evaluate_check, parse_version, parse_windows,
};

const IMS_2021: &str = include_str!("../../../tests/checks/ims-2021.wire");

fn check() -> Check {
    decode_check(IMS_2021.trim_end()).expect("tests/checks/ims-2021.wire decodes")
}

fn ready_answers() -> BTreeMap<String, String> {
    [
        ("sign-in", "adobe-id"),
        ("hosting", "on-premise"),
        ("server", "21.1.3"),
        ("console", "21.1.3"),
        ("windows", "windows-10"),
        ("windows-updated", "yes"),
        ("ie", "11"),
    ]
    .into_iter()
    .map(|(input, answer)| (input.to_owned(), answer.to_owned()))
    .collect()
}

/// The ready answers with `input` answered `text` instead.
fn ready_but(input: &str, text: &str) -> CheckVerdict {
    let mut answers = ready_answers();
    answers.insert(input.to_owned(), text.to_owned());
    evaluate_check(built_in_catalog(), &check(), &answers)
}

fn unusable(verdict: &CheckVerdict, input: &str) -> bool {
    verdict
        .problems
        .iter()
        .any(|problem| problem.input == input)
}

/// Any text, text made of the characters versions use, and very long text.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9a-zA-Z .@()vV:,\\-]{0,80}",
        "(gs|GS|build|Gold Standard|v|Campaign|IE|Windows|Server)? ?[0-9]{1,6}([.@][0-9a-f]{0,9}){0,4}",
        ("[ -~]{0,4}", 0usize..4).prop_map(|(unit, times)| unit.repeat(times * 40)),
    ]
}

fn not_understood(text: &str, readable: bool) -> bool {
    !text.trim().is_empty() && !readable
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parsing_any_text_returns_without_panicking(text in any_text()) {
        let parsed = parse_version(built_in_catalog(), &text);
        if text.len() > MAX_ANSWER_LENGTH {
            prop_assert_eq!(parsed.err(), Some(VersionError::TooLong));
        }
    }

    #[test]
    fn an_unreadable_version_gives_incomplete(text in any_text(), input in prop_oneof![Just("server"), Just("console")]) {
        let readable = !matches!(
            parse_version(built_in_catalog(), &text),
            Err(VersionError::Empty | VersionError::TooLong | VersionError::NotUnderstood)
        );
        prop_assume!(not_understood(&text, readable));
        let verdict = ready_but(input, &text);
        prop_assert_eq!(verdict.status.as_str(), INCOMPLETE);
        prop_assert!(unusable(&verdict, input), "{:?}", verdict);
    }

    #[test]
    fn an_unreadable_windows_version_gives_incomplete(text in any_text()) {
        prop_assume!(not_understood(&text, parse_windows(&text).is_some()));
        let verdict = ready_but("windows", &text);
        prop_assert_eq!(verdict.status.as_str(), INCOMPLETE);
        prop_assert!(unusable(&verdict, "windows"), "{:?}", verdict);
    }

    #[test]
    fn an_unreadable_internet_explorer_version_gives_incomplete(text in any_text()) {
        let verdict = ready_but("ie", &text);
        if text.trim().is_empty() || unusable(&verdict, "ie") {
            prop_assert_eq!(verdict.status.as_str(), INCOMPLETE);
        } else {
            // Read as a version: 11 keeps the verdict ready, older blocks.
            prop_assert!(matches!(verdict.status.as_str(), "ready" | "blocked"), "{:?}", verdict);
        }
    }

    #[test]
    fn any_answers_give_a_well_formed_verdict(
        sign_in in proptest::option::of(prop_oneof![Just("adobe-id"), Just("password"), Just("unknown"), Just("cloud")]),
        hosting in proptest::option::of(prop_oneof![Just("hosted"), Just("on-premise"), Just("hybrid")]),
        windows_updated in proptest::option::of(prop_oneof![Just("yes"), Just("no"), Just("unknown")]),
        server in proptest::option::of(any_text()),
        console in proptest::option::of(any_text()),
        windows in proptest::option::of(any_text()),
        ie in proptest::option::of(any_text()),
    ) {
        let check = check();
        let mut answers = BTreeMap::new();
        let given = [
            ("sign-in", sign_in.map(str::to_owned)),
            ("hosting", hosting.map(str::to_owned)),
            ("windows-updated", windows_updated.map(str::to_owned)),
            ("server", server),
            ("console", console),
            ("windows", windows),
            ("ie", ie),
        ];
        for (input, answer) in given {
            if let Some(answer) = answer {
                answers.insert(input.to_owned(), answer);
            }
        }
        let verdict = evaluate_check(built_in_catalog(), &check, &answers);
        prop_assert!(verdict.status == INCOMPLETE || check.statuses.contains(&verdict.status));
        prop_assert_eq!(verdict.status == "not-affected", sign_in == Some("password"));
        for step in &verdict.steps {
            prop_assert!(check.steps.iter().any(|known| &known.name == step), "{}", step);
        }
        let mut steps = verdict.steps.clone();
        steps.dedup();
        prop_assert_eq!(steps.len(), verdict.steps.len(), "a step is repeated");
    }
}
