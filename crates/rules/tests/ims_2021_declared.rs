//! The June 2021 check declared as data
//! (`content/en/technotes/using/ims-sign-in-update.check.toml`) gives the
//! same answers as the shared table `cases.json`: the same status, and the
//! same findings, as its steps, its unanswered questions and the answers it
//! could not use. Its table in the declared form, `tests/checks/ims-2021.json`,
//! which the CLI and WebAssembly tests run, is the declared verdicts of
//! those same cases (`TECHNOTE_WRITE_CASES=1` rewrites it).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use technote_rules::{CheckVerdict, built_in_catalog, evaluate_check, read_declaration};

fn declaration_text() -> String {
    let path = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .join("content/en/technotes/using/ims-sign-in-update.check.toml");
    std::fs::read_to_string(&path).expect("declaration readable")
}

fn declared() -> technote_rules::Check {
    let text = declaration_text();
    match read_declaration(built_in_catalog(), &text) {
        Ok(read) => read.check,
        Err(problems) => panic!("ims-sign-in-update.check.toml: {problems:#?}"),
    }
}

/// The finding of the hand-written check that says what a verdict's
/// unanswered question or unusable answer says.
fn finding_of(input: &str, problem: Option<&str>) -> Option<String> {
    let code = match (input, problem) {
        // Hosting only matters for a server version left out; the findings
        // never asked for it.
        ("hosting", _) => return None,
        ("windows-updated", None) => "windows-updates-unknown".to_owned(),
        ("ie", None) => "ie-missing".to_owned(),
        (input, None) => format!("{input}-missing"),
        (_, Some("imprecise")) => "build-needed".to_owned(),
        ("ie", Some(_)) => "ie-not-understood".to_owned(),
        (input, Some("not-understood" | "too-long" | "windows-not-understood")) => {
            format!("{input}-not-understood")
        }
        (input, Some("unknown-release")) => format!("{input}-release-unknown"),
        (input, Some("ambiguous-build")) => format!("{input}-build-ambiguous"),
        (input, Some(other)) => format!("{input}-{other}"),
    };
    Some(code)
}

fn findings(verdict: &CheckVerdict) -> Vec<String> {
    let mut found: Vec<String> = verdict.steps.clone();
    found.extend(
        verdict
            .missing
            .iter()
            .filter_map(|input| finding_of(input, None)),
    );
    found.extend(
        verdict
            .problems
            .iter()
            .filter_map(|problem| finding_of(&problem.input, Some(&problem.problem))),
    );
    found.sort();
    found.dedup();
    found
}

#[test]
fn the_declared_2021_check_answers_every_case_of_the_shared_table_alike() {
    let check = declared();
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases.json")).expect("cases.json is JSON");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let answers: BTreeMap<String, String> =
            serde_json::from_value(case["answers"].clone()).expect("answers are strings");
        let verdict = evaluate_check(built_in_catalog(), &check, &answers);
        let mut expected: Vec<String> = case["findings"]
            .as_array()
            .map(|codes| {
                codes
                    .iter()
                    .filter_map(|code| code.as_str().map(str::to_owned))
                    // The declared check names no build outside the
                    // catalog: the verdict shows the version as read.
                    .filter(|code| code != "version-not-in-catalog")
                    .collect()
            })
            .unwrap_or_default();
        expected.sort();
        let got = findings(&verdict);
        if verdict.status != case["status"].as_str().unwrap_or("?") || got != expected {
            failures.push(format!(
                "{name}: expected {} {expected:?}, got {} {got:?}",
                case["status"], verdict.status
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} case(s) differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// One line of `tests/checks/<id>.json` for a case and its verdict.
fn table_line(case: &Value, verdict: &CheckVerdict) -> String {
    let mut entry = serde_json::Map::new();
    entry.insert("name".to_owned(), case["name"].clone());
    entry.insert("answers".to_owned(), case["answers"].clone());
    entry.insert("status".to_owned(), verdict.status.clone().into());
    if !verdict.steps.is_empty() {
        entry.insert("steps".to_owned(), verdict.steps.clone().into());
    }
    if !verdict.missing.is_empty() {
        entry.insert("missing".to_owned(), verdict.missing.clone().into());
    }
    if !verdict.problems.is_empty() {
        let pairs: Vec<Value> = verdict
            .problems
            .iter()
            .map(|problem| serde_json::json!([problem.input, problem.problem]))
            .collect();
        entry.insert("problems".to_owned(), pairs.into());
    }
    format!("  {}", Value::Object(entry))
}

#[test]
fn the_declared_table_of_the_2021_check_is_current() {
    let check = declared();
    let cases: Vec<Value> =
        serde_json::from_str(include_str!("cases.json")).expect("cases.json is JSON");
    let lines: Vec<String> = cases
        .iter()
        .map(|case| {
            let answers: BTreeMap<String, String> =
                serde_json::from_value(case["answers"].clone()).expect("answers are strings");
            table_line(case, &evaluate_check(built_in_catalog(), &check, &answers))
        })
        .collect();
    let table = format!("[\n{}\n]\n", lines.join(",\n"));
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/checks/ims-2021.json"
    ));
    if std::env::var_os("TECHNOTE_WRITE_CASES").is_some() {
        std::fs::write(path, &table).expect("table written");
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == table,
        "{} is out of date: run TECHNOTE_WRITE_CASES=1 cargo test -p technote-rules --features declarations --test ims_2021_declared",
        path.display()
    );
}

/// The proof of a declaration skips the answers that cannot change what
/// it finds; on this check, the largest (a million combinations), a rule
/// edited out of shape is still caught, at the rule, with an example.
#[test]
fn mistakes_in_the_2021_rules_are_found() {
    let text = declaration_text();
    let edits = [
        // `all-ready` no longer waits for the Internet Explorer version.
        (
            ", \"ie-missing\"] }\nstatus = \"ready\"",
            "] }\nstatus = \"ready\"",
            "rules `answers-missing` and `all-ready` both apply to sign-in=adobe-id",
        ),
        // Windows left without its updates is no longer an action.
        (
            ", { is = \"windows-not-updated\" }] }\nstatus = \"action-needed\"",
            "] }\nstatus = \"action-needed\"",
            "no rule applies to sign-in=adobe-id, hosting=hosted,",
        ),
        // Hosting both given and not given.
        (
            "when = { sign-in = \"adobe-id\", is = \"ie-too-old\" }",
            "when = { sign-in = \"adobe-id\", is = \"ie-too-old\", hosting = \"hosted\", not = { answered = \"hosting\" } }",
            "rule `old-browser` can never apply",
        ),
        // A step about a server left out, on the rule of complete answers.
        (
            "steps = [\"hosted-server-upgraded\", \"readiness-from-release-notes\", \"ie-not-used\"]",
            "steps = [\"hosted-server-upgraded\", \"readiness-from-release-notes\", \"ie-not-used\", \"server-missing\"]",
            "rule `all-ready` lists step `server-missing`, whose `when` never holds",
        ),
    ];
    for (before, after, expected) in edits {
        assert!(text.contains(before), "the declaration changed: {before}");
        let problems = match read_declaration(built_in_catalog(), &text.replacen(before, after, 1))
        {
            Ok(_) => panic!("{after}: no problem found"),
            Err(problems) => problems,
        };
        assert!(
            problems
                .iter()
                .any(|problem| problem.message.contains(expected)),
            "{after}: {problems:#?}"
        );
    }
}
