//! What a user reads in the verdict: the values substituted into messages,
//! and the JSON the browser checker receives.

use serde_json::json;
use technote_rules::{
    Answers, ArgName, FindingCode, Hosting, SignIn, Status, Topic, Tristate, Verdict, evaluate,
};

fn ims_user(server: &str, console: &str) -> Answers {
    Answers {
        sign_in: Some(SignIn::AdobeId),
        hosting: Some(Hosting::OnPremise),
        server: Some(server.to_owned()),
        console: Some(console.to_owned()),
        windows: Some("windows-10".to_owned()),
        windows_updated: Some(Tristate::Yes),
        ie: Some("11".to_owned()),
    }
}

fn args_of(verdict: &Verdict, code: FindingCode) -> Vec<(&'static str, String)> {
    let finding = verdict
        .findings
        .iter()
        .find(|finding| finding.code == code)
        .unwrap_or_else(|| panic!("no {} in {verdict:?}", code.as_str()));
    finding
        .args
        .iter()
        .map(|arg| (arg.name.as_str(), arg.value.clone()))
        .collect()
}

#[test]
fn upgrade_findings_name_the_current_and_the_minimum_release() {
    let verdict = evaluate(&ims_user("20.2.4", "20.2.4"));
    assert_eq!(
        args_of(&verdict, FindingCode::ServerUpgradeNeeded),
        [
            ("server", "20.2.4 (build 9187)".to_owned()),
            ("minimum", "20.2.5 (build 9188)".to_owned())
        ]
    );
    assert_eq!(
        args_of(&verdict, FindingCode::ConsoleUpgradeNeeded),
        [
            ("console", "20.2.4 (build 9187)".to_owned()),
            ("minimum", "20.2.5 (build 9188)".to_owned())
        ]
    );
}

#[test]
fn a_gold_standard_11_console_is_sent_to_the_console_fix() {
    let verdict = evaluate(&ims_user("9032@d3b452f", "9032@10c2709"));
    assert_eq!(
        args_of(&verdict, FindingCode::ConsoleUpgradeNeeded),
        [
            (
                "console",
                "Gold Standard 11 (build 9032@10c2709)".to_owned()
            ),
            (
                "minimum",
                "Gold Standard 11 (build 9032@d030c36)".to_owned()
            )
        ]
    );
}

#[test]
fn console_and_server_mismatch_names_both() {
    let verdict = evaluate(&ims_user("21.1.3", "9282"));
    assert_eq!(
        args_of(&verdict, FindingCode::ConsoleOlderThanServer),
        [
            ("console", "21.1.2 (build 9282)".to_owned()),
            ("server", "21.1.3 (build 9330)".to_owned())
        ]
    );
}

#[test]
fn release_notes_readiness_names_the_line_and_its_first_release() {
    let verdict = evaluate(&ims_user("20.3.3", "20.3.3"));
    assert_eq!(verdict.status, Status::Ready);
    assert_eq!(
        args_of(&verdict, FindingCode::ReadinessFromReleaseNotes),
        [
            ("line", "20.3".to_owned()),
            ("minimum", "20.3.1 (build 9228)".to_owned())
        ]
    );
}

#[test]
fn unsupported_windows_lists_what_the_console_supports() {
    let mut answers = ims_user("21.1.3", "21.1.3");
    answers.windows = Some("Windows 11".to_owned());
    let verdict = evaluate(&answers);
    assert_eq!(
        args_of(&verdict, FindingCode::WindowsNotSupported),
        [
            ("windows", "Windows 11".to_owned()),
            (
                "supported",
                "Windows 8, Windows 8.1, Windows 10, Windows Server 2012, Windows Server 2016"
                    .to_owned()
            )
        ]
    );
    answers.console = Some("7.3.1".to_owned());
    answers.server = Some("7.3.1".to_owned());
    answers.windows = Some("Windows Server 2012".to_owned());
    let verdict = evaluate(&answers);
    assert_eq!(
        args_of(&verdict, FindingCode::WindowsNotSupported),
        [
            ("windows", "Windows Server 2012".to_owned()),
            (
                "supported",
                "Windows 10, Windows 11, Windows Server 2016, Windows Server 2019, Windows Server 2022".to_owned()
            )
        ]
    );
}

#[test]
fn old_internet_explorer_blocks_and_names_its_version() {
    let mut answers = ims_user("21.1.3", "21.1.3");
    answers.ie = Some("MSIE 8.0".to_owned());
    let verdict = evaluate(&answers);
    assert_eq!(verdict.status, Status::Blocked);
    assert_eq!(
        args_of(&verdict, FindingCode::IeTooOld),
        [("ie", "8".to_owned())]
    );
}

#[test]
fn text_not_understood_is_quoted_short_and_harmless() {
    let verdict = evaluate(&ims_user("banana", "21.1.3"));
    assert_eq!(
        args_of(&verdict, FindingCode::ServerNotUnderstood),
        [
            ("input", "banana".to_owned()),
            (
                "examples",
                "21.1.3, build 9330, 9032@d030c36, Gold Standard 11".to_owned()
            )
        ]
    );

    let huge = format!("\u{202E}evil\u{7}{}", "x".repeat(1 << 20));
    let verdict = evaluate(&ims_user("21.1.3", &huge));
    let args = args_of(&verdict, FindingCode::ConsoleNotUnderstood);
    let quoted = &args
        .first()
        .map(|(_, value)| value.clone())
        .unwrap_or_default();
    assert_eq!(quoted.chars().count(), 33, "32 characters and an ellipsis");
    assert!(quoted.starts_with("\u{FFFD}evil\u{FFFD}xx"), "{quoted:?}");
    assert!(quoted.ends_with('…'));
}

#[test]
fn answers_and_verdicts_travel_as_kebab_case_json() {
    let answers: Answers = serde_json::from_value(json!({
        "sign-in": "adobe-id",
        "hosting": "on-premise",
        "server": "20.2.4",
        "console": "20.2.5",
        "windows": "windows-10",
        "windows-updated": "yes",
        "ie": "11"
    }))
    .unwrap_or_else(|error| panic!("{error}"));
    let verdict =
        serde_json::to_value(evaluate(&answers)).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(
        verdict,
        json!({
            "status": "action-needed",
            "findings": [
                {
                    "code": "server-upgrade-needed",
                    "args": [
                        { "name": "server", "value": "20.2.4 (build 9187)" },
                        { "name": "minimum", "value": "20.2.5 (build 9188)" }
                    ],
                    "topic": "how-to-update"
                },
                {
                    "code": "console-newer-than-server",
                    "args": [
                        { "name": "console", "value": "20.2.5 (build 9188)" },
                        { "name": "server", "value": "20.2.4 (build 9187)" }
                    ],
                    "topic": "how-to-update"
                }
            ]
        })
    );
    let round_trip: Verdict =
        serde_json::from_value(verdict).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(round_trip, evaluate(&answers));
}

#[test]
fn absent_keys_and_hosted_are_read_from_json() {
    let answers: Answers =
        serde_json::from_value(json!({ "sign-in": "unknown", "hosting": "hosted" }))
            .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(answers.hosting, Some(Hosting::Hosted));
    assert_eq!(answers.server, None);
    assert_eq!(evaluate(&answers).status, Status::Incomplete);
}

#[test]
fn as_str_spells_every_name_as_json_does() {
    let serialized =
        |value: serde_json::Value| value.as_str().map(str::to_owned).unwrap_or_default();
    for status in Status::ALL {
        assert_eq!(serialized(json!(status)), status.as_str());
    }
    for code in FindingCode::ALL {
        assert_eq!(serialized(json!(code)), code.as_str());
    }
    for topic in Topic::ALL {
        assert_eq!(serialized(json!(topic)), topic.as_str());
    }
    for name in ArgName::ALL {
        assert_eq!(serialized(json!(name)), name.as_str());
    }
}

#[test]
fn topics_are_the_technote_anchor_ids() {
    let ids: Vec<&str> = Topic::ALL.iter().map(Topic::as_str).collect();
    assert_eq!(
        ids,
        [
            "what-changed",
            "are-you-affected",
            "how-to-update",
            "check-version",
            "check-ims",
            "sign-in-warning",
            "update-required",
            "minimum-releases"
        ]
    );
    let ims_unknown = Answers {
        sign_in: Some(SignIn::Unknown),
        ..Answers::default()
    };
    let first = evaluate(&ims_unknown)
        .findings
        .into_iter()
        .next()
        .map(|finding| finding.topic);
    assert_eq!(first, Some(Topic::CheckIms));
}
