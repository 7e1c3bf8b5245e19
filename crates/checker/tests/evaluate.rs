//! The exported function as the page script calls it: strings in, verdict
//! JSON out.

use serde_json::Value;
use technote_checker::evaluate;

/// Calls `evaluate` with the named answers, every other field left empty.
fn verdict(answers: &[(&str, &str)]) -> Result<Value, String> {
    let answer = |field: &str| {
        answers
            .iter()
            .find(|(name, _)| *name == field)
            .map_or("", |(_, value)| *value)
    };
    let json = evaluate(
        answer("sign-in"),
        answer("hosting"),
        answer("server"),
        answer("console"),
        answer("windows"),
        answer("windows-updated"),
        answer("ie"),
    )?;
    serde_json::from_str(&json).map_err(|error| error.to_string())
}

fn codes(verdict: &Value) -> Vec<&str> {
    verdict["findings"]
        .as_array()
        .map(|findings| findings.iter().filter_map(|f| f["code"].as_str()).collect())
        .unwrap_or_default()
}

#[test]
fn password_sign_in_is_not_affected() {
    let verdict = verdict(&[("sign-in", "password")]).expect("a verdict");
    assert_eq!(verdict["status"], "not-affected");
}

#[test]
fn no_answer_is_incomplete() {
    let verdict = verdict(&[]).expect("a verdict");
    assert_eq!(verdict["status"], "incomplete");
}

#[test]
fn ready_environment_is_ready() {
    let verdict = verdict(&[
        ("sign-in", "adobe-id"),
        ("hosting", "on-premise"),
        ("server", "21.1.3"),
        ("console", "build 9330"),
        ("windows", "windows-10"),
        ("windows-updated", "yes"),
        ("ie", "11"),
    ])
    .expect("a verdict");
    assert_eq!(verdict["status"], "ready", "{verdict}");
    assert!(codes(&verdict).is_empty(), "{verdict}");
}

#[test]
fn findings_carry_code_arguments_and_topic() {
    let verdict = verdict(&[
        ("sign-in", "adobe-id"),
        ("hosting", "on-premise"),
        ("server", "20.2.4"),
    ])
    .expect("a verdict");
    assert_eq!(verdict["status"], "action-needed", "{verdict}");
    let findings = verdict["findings"].as_array().expect("a list of findings");
    let first = findings.first().expect("at least one finding");
    assert!(first["code"].is_string(), "{first}");
    assert!(first["topic"].is_string(), "{first}");
    let args = first["args"].as_array().expect("a list of arguments");
    assert!(
        args.iter().any(|arg| arg["name"] == "minimum"
            && arg["value"]
                .as_str()
                .is_some_and(|value| value.starts_with("20.2.5"))),
        "the server finding names the minimum release: {first}"
    );
}

#[test]
fn typed_garbage_gets_a_verdict() {
    let typed = "<script>alert(1)</script> 🍌 \u{202e}";
    let verdict = verdict(&[("sign-in", "adobe-id"), ("server", typed)]).expect("a verdict");
    assert_eq!(verdict["status"], "incomplete", "{verdict}");
}

#[test]
fn unknown_choice_is_an_error_naming_it() {
    let error = verdict(&[("hosting", "cloud")]).expect_err("an unknown choice");
    assert!(error.contains("cloud"), "{error}");
}
