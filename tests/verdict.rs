//! `technote verdict` agrees with the shared table of cases, and reads fleets.

mod common;

use common::technote;
use serde_json::Value;

const CASES: &str = include_str!("../crates/rules/tests/cases.json");

fn flags(answers: &serde_json::Map<String, Value>) -> Vec<String> {
    answers
        .iter()
        .filter_map(|(field, value)| Some(format!("--{field}={}", value.as_str()?)))
        .collect()
}

#[test]
fn every_shared_case_gets_the_same_verdict_on_the_command_line() {
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("cases.json parses");
    assert!(
        cases.len() >= 100,
        "the shared table shrank to {}",
        cases.len()
    );
    for case in &cases {
        let name = case["name"].as_str().unwrap_or_default();
        let mut args = vec!["verdict".to_string(), "--json".to_string()];
        args.extend(flags(case["answers"].as_object().expect("answers object")));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = technote(&args);
        let verdict: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: not JSON ({e}): {}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
        assert_eq!(verdict["status"], case["status"], "{name}");
        let codes: Vec<&Value> = verdict["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .map(|f| &f["code"])
            .collect();
        let expected: Vec<&Value> = case["findings"]
            .as_array()
            .expect("expected findings")
            .iter()
            .collect();
        assert_eq!(codes, expected, "{name}");
        let fine = matches!(case["status"].as_str(), Some("ready" | "not-affected"));
        assert_eq!(
            output.status.code(),
            Some(if fine { 0 } else { 1 }),
            "{name}: exit code"
        );
        assert!(
            verdict["findings"]
                .as_array()
                .expect("findings")
                .iter()
                .all(|f| !f["text"].as_str().unwrap_or_default().is_empty())
        );
    }
}

#[test]
fn verdicts_are_worded_in_the_asked_language() {
    let output = technote(&[
        "verdict",
        "--sign-in",
        "adobe-id",
        "--hosting",
        "on-premise",
        "--server",
        "20.2.4",
        "--console",
        "20.2.4",
        "--windows",
        "windows-10",
        "--windows-updated",
        "yes",
        "--ie",
        "11",
        "--lang",
        "fr",
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("20.2.5"), "{text}");
    assert!(text.contains("Mettez à niveau le serveur"), "{text}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_wrong_choice_is_a_usage_error() {
    let output = technote(&["verdict", "--hosting", "cloud"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("use one of: hosted, on-premise, hybrid")
    );
}

#[test]
fn an_inventory_reports_bad_rows_by_line_and_checks_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fleet.csv");
    std::fs::write(
        &path,
        "\u{FEFF}machine,sign-in,hosting,server,console,windows,windows-updated,ie,owner\r\n\
         pc-ready,adobe-id,on-premise,21.1.3,21.1.3,windows-10,yes,11,ops\r\n\
         pc-bad,adobe-id,cloud,21.1.3,21.1.3,windows-10,yes,11,ops\r\n\
         pc-old,adobe-id,on-premise,20.2.4,20.2.4,windows-10,yes,11,ops\r\n\
         pc-short,adobe-id\r\n\
         pc-ie,adobe-id,on-premise,21.1.3,21.1.3,windows-10,yes,10,ops\r\n",
    )
    .expect("write csv");
    let output = technote(&["verdict", "--json", "--csv", &path.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let lines: Vec<u64> = report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["line"].as_u64())
        .collect();
    assert_eq!(lines, vec![2, 4, 6]);
    let statuses: Vec<&str> = report["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["verdict"]["status"].as_str())
        .collect();
    assert_eq!(statuses, vec!["ready", "action-needed", "blocked"]);
    let bad: Vec<u64> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| p["warning"] == false)
        .filter_map(|p| p["line"].as_u64())
        .collect();
    assert_eq!(bad, vec![3, 5]);
    assert_eq!(report["counts"]["ready"], 1);
    assert_eq!(report["counts"]["blocked"], 1);

    let text = technote(&["verdict", "--csv", &path.to_string_lossy()]);
    let stderr = String::from_utf8_lossy(&text.stderr);
    assert!(
        stderr.contains("fleet.csv:3: error: `cloud` is not a valid hosting"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&text.stdout).contains("3 machine(s) checked"));
}
