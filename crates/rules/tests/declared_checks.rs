//! Checks declared as data: the project's declarations read without
//! mistakes, their tables of cases (`tests/checks/<id>.json`, shared with
//! the CLI and WebAssembly tests) answered by the evaluator, and every kind
//! of mistake a writer can make reported at its line and column.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use technote_rules::{
    Check, DeclarationProblem, built_in_catalog, evaluate_check, read_declaration,
};

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The checks with a table of cases, with the declaration of each: the
/// project's two, and the toy check a test adds to a project as a writer
/// would (`tests/declared_checks.rs`).
const PROJECT_CHECKS: [(&str, &str); 3] = [
    (
        "ims-migration",
        "content/en/technotes/using/ims-migration.check.toml",
    ),
    (
        "ims-2021",
        "content/en/technotes/using/ims-sign-in-update.check.toml",
    ),
    ("toy", "tests/fixtures/checks/toy.check.toml"),
];

fn project_check(id: &str) -> Check {
    let declaration = PROJECT_CHECKS
        .iter()
        .find(|(known, _)| *known == id)
        .map(|(_, declaration)| *declaration)
        .expect("a check with a table");
    let path = workspace().join(declaration);
    let text = std::fs::read_to_string(&path).expect("declaration readable");
    match read_declaration(built_in_catalog(), &text) {
        Ok(read) => read.check,
        Err(problems) => panic!("{}: {problems:#?}", path.display()),
    }
}

fn strings(value: Option<&Value>) -> Vec<String> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_case_of_each_project_table_gets_its_verdict() {
    let mut failures = Vec::new();
    for (id, _) in PROJECT_CHECKS {
        failures.extend(table_failures(id));
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn table_failures(id: &str) -> Vec<String> {
    let check = project_check(id);
    let text = std::fs::read_to_string(workspace().join(format!("tests/checks/{id}.json")))
        .expect("cases readable");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("cases are JSON");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap_or("?");
        let answers: BTreeMap<String, String> =
            serde_json::from_value(case["answers"].clone()).expect("answers are strings");
        let verdict = evaluate_check(built_in_catalog(), &check, &answers);
        let problems: Vec<Vec<String>> = verdict
            .problems
            .iter()
            .map(|problem| vec![problem.input.clone(), problem.problem.clone()])
            .collect();
        let expected_problems: Vec<Vec<String>> = case
            .get("problems")
            .and_then(Value::as_array)
            .map(|items| items.iter().map(|pair| strings(Some(pair))).collect())
            .unwrap_or_default();
        let matches = verdict.status == case["status"].as_str().unwrap_or("?")
            && verdict.steps == strings(case.get("steps"))
            && verdict.missing == strings(case.get("missing"))
            && problems == expected_problems;
        if !matches {
            failures.push(format!("{id}: {name}: got {verdict:?}"));
        }
    }
    failures
}

/// A small, valid declaration the mistakes below are made in.
const TOY: &str = include_str!("../../../tests/fixtures/checks/toy.check.toml");

fn problems(text: &str) -> Vec<DeclarationProblem> {
    match read_declaration(built_in_catalog(), text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(problems) => problems,
    }
}

fn one_problem(text: &str, line: u32, column: u32, words: &str) {
    let problems = problems(text);
    assert!(
        problems.iter().any(|problem| problem.line == line
            && problem.column == column
            && problem.message.contains(words)
            && problem.help.is_some()),
        "expected {line}:{column} {words:?}, got {problems:#?}"
    );
}

#[test]
fn the_toy_check_reads_and_names_its_messages() {
    let read = read_declaration(built_in_catalog(), TOY).expect("valid");
    let ids: Vec<&str> = read
        .messages
        .iter()
        .map(|message| message.id.as_str())
        .collect();
    for id in [
        "check-toy-title",
        "check-toy-version-label",
        "check-toy-hosting-on-premise",
        "check-toy-status-old",
        "check-toy-step-upgrade",
        "check-toy-rule-recent",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let answers = BTreeMap::from([
        ("version".to_owned(), "7.3.4".to_owned()),
        ("hosting".to_owned(), "on-premise".to_owned()),
    ]);
    let verdict = evaluate_check(built_in_catalog(), &read.check, &answers);
    assert_eq!(
        (verdict.status.as_str(), verdict.steps),
        ("old", vec!["upgrade".to_owned()])
    );
}

#[test]
fn syntax_errors_are_placed() {
    one_problem(
        &TOY.replace(
            "choices = [\"hosted\", \"on-premise\"]",
            "choices = [\"hosted\"",
        ),
        13,
        1,
        "not valid TOML",
    );
}

#[test]
fn unknown_input_types_and_keys_are_named() {
    one_problem(
        &TOY.replace("type = \"choice\"", "type = \"dropdown\""),
        10,
        8,
        "unknown input type \"dropdown\"",
    );
    // The rules and steps that name the input are not reported as naming
    // nothing: the one mistake is its type.
    let dropdown = problems(&TOY.replace("type = \"choice\"", "type = \"dropdown\""));
    assert_eq!(dropdown.len(), 1, "{dropdown:#?}");
    one_problem(
        &TOY.replace("name = \"upgrade\"\n", "name = \"upgrade\"\nwhen_ = 1\n"),
        15,
        1,
        "unknown key `when_`",
    );
}

#[test]
fn releases_the_catalog_lacks_are_refused() {
    one_problem(
        &TOY.replace("at-least = \"7.3.5\"", "at-least = \"7.3.9\""),
        19,
        33,
        "no release \"7.3.9\"",
    );
    one_problem(
        &TOY.replace("below = \"7.3.5\"", "below = \"v7.3.5\""),
        24,
        30,
        "not how the catalog names",
    );
}

#[test]
fn unknown_names_are_refused() {
    one_problem(
        &TOY.replace("status = \"old\"", "status = \"stale\""),
        25,
        10,
        "unknown status \"stale\"",
    );
    one_problem(
        &TOY.replace("steps = [\"upgrade\"]", "steps = [\"upgrad\"]"),
        26,
        10,
        "unknown step \"upgrad\"",
    );
    one_problem(
        &TOY.replace("{ hosting = \"on-premise\" }", "{ hosting = \"cloud\" }"),
        15,
        20,
        "no choice \"cloud\"",
    );
    one_problem(
        &TOY.replace("{ hosting = \"on-premise\" }", "{ host = \"hosted\" }"),
        15,
        10,
        "no input is named `host`",
    );
}

#[test]
fn unreachable_overlapping_and_missing_rules_are_found() {
    // Below 7.2.1 and at least 7.3.5 at once: never.
    one_problem(
        &TOY.replace(
            "{ version = { below = \"7.3.5\" } }",
            "{ version = { below = \"7.2.1\", at-least = \"7.3.5\" } }",
        ),
        23,
        8,
        "rule `older` can never apply",
    );
    // Both rules answer 7.4.1.
    one_problem(
        &TOY.replace("below = \"7.3.5\"", "below = \"7.4.2\""),
        23,
        8,
        "rules `recent` and `older` both apply to version=7.3.5",
    );
    // Nothing answers 7.3.4.
    one_problem(
        &TOY.replace("below = \"7.3.5\"", "below = \"7.3.4\""),
        1,
        6,
        "no rule applies to version=7.3.4",
    );
}

#[test]
fn inputs_statuses_and_steps_nobody_uses_are_reported() {
    one_problem(
        &TOY.replace("when = { hosting = \"on-premise\" }\n", ""),
        9,
        8,
        "no rule or step reads input `hosting`",
    );
    one_problem(
        &TOY.replace("steps = [\"upgrade\"]\n", ""),
        14,
        8,
        "no rule lists step `upgrade`",
    );
    one_problem(
        &TOY.replace("[\"fine\", \"old\"]", "[\"fine\", \"old\", \"unsure\"]"),
        2,
        28,
        "no rule gives status \"unsure\"",
    );
    one_problem(
        &TOY.replace("[\"fine\", \"old\"]", "[\"fine\", \"old\", \"incomplete\"]"),
        2,
        28,
        "no rule gives status \"incomplete\"",
    );
}

#[test]
fn the_compact_form_for_webassembly_gives_back_the_same_check() {
    for (id, _) in PROJECT_CHECKS {
        let check = project_check(id);
        let encoded = technote_rules::encode_check(&check);
        assert_eq!(technote_rules::decode_check(&encoded), Some(check), "{id}");
    }
    let encoded = technote_rules::encode_check(&project_check("ims-migration"));
    assert_eq!(
        technote_rules::decode_check(&format!("{encoded}\textra")),
        None
    );
    assert_eq!(technote_rules::decode_check("toy\t1\tversion\tq"), None);
}

/// The Node tests of the WebAssembly module read each check and the
/// built-in catalog in the form the page hands them over
/// (`tests/checks/<id>.wire`, `tests/checks/catalog.wire`); this keeps those
/// copies equal to the declarations and the catalog. `TECHNOTE_WRITE_WIRE=1`
/// rewrites them.
#[test]
fn the_webassembly_copy_of_each_check_is_current() {
    let copies = PROJECT_CHECKS
        .iter()
        .map(|(id, _)| (*id, technote_rules::encode_check(&project_check(id))))
        .chain([(
            "catalog",
            technote_rules::built_in_catalog_wire().to_owned(),
        )]);
    for (id, encoded) in copies {
        let path = workspace().join(format!("tests/checks/{id}.wire"));
        if std::env::var_os("TECHNOTE_WRITE_WIRE").is_some() {
            std::fs::write(&path, &encoded).expect("fixture written");
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            stored == encoded,
            "{} is out of date: run TECHNOTE_WRITE_WIRE=1 cargo test -p technote-rules --features declarations --test declared_checks",
            path.display()
        );
    }
}

/// A declaration proven once (technote's built-in ones) reads to the same
/// check without the proof.
#[test]
fn a_trusted_declaration_reads_to_the_same_check() {
    for (id, declaration) in PROJECT_CHECKS {
        let text = std::fs::read_to_string(workspace().join(declaration)).expect("readable");
        let trusted = technote_rules::read_trusted_declaration(built_in_catalog(), &text)
            .map(|read| read.check)
            .ok();
        assert_eq!(trusted, Some(project_check(id)), "{id}");
    }
}
