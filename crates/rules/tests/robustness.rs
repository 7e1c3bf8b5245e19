//! Whatever a visitor types, the checker answers: never a panic, and text it
//! cannot read gives an `incomplete` verdict that says so.

use proptest::prelude::*;
use technote_rules::{
    Answers, FindingCode, Hosting, MAX_ANSWER_LENGTH, SignIn, Status, Tristate, VersionError,
    evaluate, parse_version, parse_windows,
};

fn ready_answers() -> Answers {
    Answers {
        sign_in: Some(SignIn::AdobeId),
        hosting: Some(Hosting::OnPremise),
        server: Some("21.1.3".to_owned()),
        console: Some("21.1.3".to_owned()),
        windows: Some("windows-10".to_owned()),
        windows_updated: Some(Tristate::Yes),
        ie: Some("11".to_owned()),
    }
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
        let parsed = parse_version(&text);
        if text.len() > MAX_ANSWER_LENGTH {
            prop_assert_eq!(parsed.err(), Some(VersionError::TooLong));
        }
    }

    #[test]
    fn an_unreadable_server_version_gives_incomplete(text in any_text()) {
        let readable = !matches!(
            parse_version(&text),
            Err(VersionError::Empty | VersionError::TooLong | VersionError::NotUnderstood)
        );
        prop_assume!(not_understood(&text, readable));
        let verdict = evaluate(&Answers { server: Some(text), ..ready_answers() });
        prop_assert_eq!(verdict.status, Status::Incomplete);
        prop_assert!(verdict.findings.iter().any(|finding| finding.code == FindingCode::ServerNotUnderstood));
    }

    #[test]
    fn an_unreadable_console_version_gives_incomplete(text in any_text()) {
        let readable = !matches!(
            parse_version(&text),
            Err(VersionError::Empty | VersionError::TooLong | VersionError::NotUnderstood)
        );
        prop_assume!(not_understood(&text, readable));
        let verdict = evaluate(&Answers { console: Some(text), ..ready_answers() });
        prop_assert_eq!(verdict.status, Status::Incomplete);
        prop_assert!(verdict.findings.iter().any(|finding| finding.code == FindingCode::ConsoleNotUnderstood));
    }

    #[test]
    fn an_unreadable_windows_version_gives_incomplete(text in any_text()) {
        prop_assume!(not_understood(&text, parse_windows(&text).is_some()));
        let verdict = evaluate(&Answers { windows: Some(text), ..ready_answers() });
        prop_assert_eq!(verdict.status, Status::Incomplete);
        prop_assert!(verdict.findings.iter().any(|finding| finding.code == FindingCode::WindowsNotUnderstood));
    }

    #[test]
    fn an_unreadable_internet_explorer_version_gives_incomplete(text in any_text()) {
        let verdict = evaluate(&Answers { ie: Some(text.clone()), ..ready_answers() });
        let not_understood = verdict.findings.iter().any(|finding| finding.code == FindingCode::IeNotUnderstood);
        if text.trim().is_empty() || not_understood {
            prop_assert_eq!(verdict.status, Status::Incomplete);
        } else {
            // Read as a version: 11 keeps the verdict ready, older blocks.
            prop_assert!(matches!(verdict.status, Status::Ready | Status::Blocked), "{:?}", verdict);
        }
    }

    #[test]
    fn any_answers_give_a_well_formed_verdict(
        sign_in in proptest::option::of(prop_oneof![Just(SignIn::AdobeId), Just(SignIn::Password), Just(SignIn::Unknown)]),
        hosting in proptest::option::of(prop_oneof![Just(Hosting::Hosted), Just(Hosting::OnPremise), Just(Hosting::Hybrid)]),
        windows_updated in proptest::option::of(prop_oneof![Just(Tristate::Yes), Just(Tristate::No), Just(Tristate::Unknown)]),
        server in proptest::option::of(any_text()),
        console in proptest::option::of(any_text()),
        windows in proptest::option::of(any_text()),
        ie in proptest::option::of(any_text()),
    ) {
        let verdict = evaluate(&Answers { sign_in, hosting, server, console, windows, windows_updated, ie });
        prop_assert!(Status::ALL.contains(&verdict.status));
        prop_assert_eq!(verdict.status == Status::NotAffected, sign_in == Some(SignIn::Password));
        for finding in &verdict.findings {
            let names: Vec<_> = finding.args.iter().map(|arg| arg.name).collect();
            prop_assert_eq!(names.as_slice(), finding.code.arg_names());
            prop_assert_eq!(finding.topic, finding.code.topic());
        }
        let mut codes: Vec<_> = verdict.findings.iter().map(|finding| (finding.code, &finding.args)).collect();
        codes.dedup();
        prop_assert_eq!(codes.len(), verdict.findings.len(), "a finding is repeated");
    }
}
