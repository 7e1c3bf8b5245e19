//! The exported class as `www/checks.js` calls it: the check and the
//! catalog in their compact forms, the answers joined by U+001F, the
//! verdict back as JSON.

use serde_json::Value;
use technote_checker::DeclaredCheck;

const IMS_2021: &str = include_str!("../../../tests/checks/ims-2021.wire");
const INPUTS: [&str; 7] = [
    "sign-in",
    "hosting",
    "server",
    "console",
    "windows",
    "windows-updated",
    "ie",
];

fn verdict(answers: &[(&str, &str)]) -> Value {
    let catalog = technote_rules::built_in_catalog_wire();
    let check = DeclaredCheck::new(IMS_2021, catalog).expect("the stored check decodes");
    let text: Vec<&str> = INPUTS
        .iter()
        .map(|input| {
            answers
                .iter()
                .find(|(name, _)| name == input)
                .map_or("", |(_, value)| *value)
        })
        .collect();
    let json = check.evaluate(&text.join("\u{1f}")).expect("a verdict");
    serde_json::from_str(&json).expect("the verdict is JSON")
}

#[test]
fn an_old_server_gets_its_steps_and_the_minimum_of_its_line() {
    let verdict = verdict(&[
        ("sign-in", "adobe-id"),
        ("hosting", "on-premise"),
        ("server", "20.2.4"),
        ("console", "9187"),
        ("windows", "windows-10"),
        ("windows-updated", "yes"),
        ("ie", "11"),
    ]);
    assert_eq!(verdict["status"], "action-needed");
    assert_eq!(
        verdict["steps"],
        serde_json::json!(["server-upgrade-needed", "console-upgrade-needed"])
    );
    assert_eq!(verdict["values"][0]["minimum"], "20.2.5 (build 9188)");
}

#[test]
fn hostile_text_gets_a_verdict_never_an_error() {
    let long = "9".repeat(10_000);
    for text in [long.as_str(), "\u{0}\u{202e}\"\\", "-9368", "２１.１.３"] {
        let verdict = verdict(&[("sign-in", "adobe-id"), ("server", text), ("console", text)]);
        assert_eq!(verdict["status"], "incomplete", "{text:?}");
    }
}

#[test]
fn a_check_in_another_format_is_refused() {
    let catalog = technote_rules::built_in_catalog_wire();
    assert!(DeclaredCheck::new("not a check", catalog).is_err());
    assert!(DeclaredCheck::new(IMS_2021, "not a catalog").is_err());
}
