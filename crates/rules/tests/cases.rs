//! Runs the shared table `tests/cases.json` (also run by the CLI and the
//! WebAssembly checker): each case's status and ordered finding codes.

use serde::Deserialize;
use technote_rules::{Answers, Status, evaluate};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    answers: Answers,
    status: Status,
    findings: Vec<String>,
}

fn cases() -> Vec<Case> {
    serde_json::from_str(include_str!("cases.json"))
        .unwrap_or_else(|error| panic!("cases.json: {error}"))
}

#[test]
fn every_case_of_the_shared_table_gets_its_verdict() {
    let mut failures = Vec::new();
    for case in cases() {
        let verdict = evaluate(&case.answers);
        let codes: Vec<&str> = verdict
            .findings
            .iter()
            .map(|finding| finding.code.as_str())
            .collect();
        if verdict.status != case.status || codes != case.findings {
            failures.push(format!(
                "{}: expected {} {:?}, got {} {:?}",
                case.name,
                case.status.as_str(),
                case.findings,
                verdict.status.as_str(),
                codes
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_finding_carries_exactly_its_documented_arguments_and_topic() {
    for case in cases() {
        for finding in evaluate(&case.answers).findings {
            let names: Vec<_> = finding.args.iter().map(|arg| arg.name).collect();
            assert_eq!(
                names,
                finding.code.arg_names(),
                "{}: {}",
                case.name,
                finding.code.as_str()
            );
            assert_eq!(finding.topic, finding.code.topic(), "{}", case.name);
            assert!(
                finding.args.iter().all(|arg| !arg.value.is_empty()),
                "{}: empty argument",
                case.name
            );
        }
    }
}

#[test]
fn the_table_covers_every_status_and_finding_code() {
    let cases = cases();
    for status in Status::ALL {
        assert!(
            cases.iter().any(|case| case.status == *status),
            "no case for status {}",
            status.as_str()
        );
    }
    for code in technote_rules::FindingCode::ALL {
        let covered = cases
            .iter()
            .any(|case| case.findings.iter().any(|found| found == code.as_str()));
        assert!(covered, "no case for finding {}", code.as_str());
    }
}
