//! Checks declared as data, end to end through the binary: the table of
//! cases of each declared check on `technote verdict --check`, and a writer
//! adding a third check to a project without touching Rust: the site builds
//! its form, the CLI answers it, and its mistakes stop the build at their
//! line and column with the previous site kept.

mod common;

use common::{Scratch, repo_root, stderr, technote};
use serde_json::Value;

const MIGRATION_CASES: &str = include_str!("checks/ims-migration.json");

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_ims_migration_table_gets_the_same_verdicts_on_the_command_line() {
    let root = repo_root().to_string_lossy().into_owned();
    run_table_on_the_command_line(&root, "ims-migration", MIGRATION_CASES);
}

/// Each case of a check's table (`tests/checks/<id>.json`, also run by the
/// rules crate's tests and in WebAssembly) answered by `technote verdict
/// --check <id>` in the project at `root`: the same status, steps, missing
/// inputs and problems, every step worded, and the exit status of a
/// verdict (0) or of answers that decide none (2).
fn run_table_on_the_command_line(root: &str, id: &str, table: &str) {
    let cases: Vec<Value> = serde_json::from_str(table).expect("cases parse");
    for case in &cases {
        let name = case["name"].as_str().unwrap_or_default();
        let answers = case["answers"].as_object().expect("answers");
        // A choice the check does not know is refused as a usage error on the
        // command line (the page never sends one).
        let refused_choice = case["problems"].to_string().contains("not-a-choice");
        let mut args = vec!["verdict", "--root", root, "--json", "--check", id];
        let flags: Vec<String> = answers
            .iter()
            .filter_map(|(input, value)| Some(format!("--{input}={}", value.as_str()?)))
            .collect();
        args.extend(flags.iter().map(String::as_str));
        let output = technote(&args);
        if refused_choice {
            assert_eq!(output.status.code(), Some(2), "{name}");
            assert!(
                stderr(&output).contains("is not a valid"),
                "{name}: {}",
                stderr(&output)
            );
            continue;
        }
        let verdict: Value = serde_json::from_slice(&output.stdout)
            .unwrap_or_else(|error| panic!("{name}: not JSON ({error}): {}", stderr(&output)));
        assert_eq!(verdict["status"], case["status"], "{name}");
        assert_eq!(
            strings(&verdict["steps"]),
            strings(&case["steps"]),
            "{name}"
        );
        assert_eq!(
            strings(&verdict["missing"]),
            strings(&case["missing"]),
            "{name}"
        );
        let given: Vec<String> = verdict["problems"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                format!(
                    "{}:{}",
                    p["input"].as_str().unwrap_or(""),
                    p["problem"].as_str().unwrap_or("")
                )
            })
            .collect();
        let expected: Vec<String> = case["problems"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|pair| strings(pair).join(":"))
            .collect();
        assert_eq!(given, expected, "{name}");
        let worded = verdict["text"]["steps"].as_array().map_or(0, Vec::len);
        assert_eq!(
            worded,
            strings(&case["steps"]).len(),
            "{name}: every step worded"
        );
        let undecided = case["status"] == "incomplete";
        assert_eq!(
            output.status.code(),
            Some(if undecided { 2 } else { 0 }),
            "{name}"
        );
    }
}

#[test]
fn the_2021_check_also_answers_to_its_id() {
    let with_id = technote(&[
        "verdict",
        "--json",
        "--check",
        "ims-2021",
        "--sign-in",
        "password",
    ]);
    let without = technote(&["verdict", "--json", "--sign-in", "password"]);
    let declared: Value = serde_json::from_slice(&with_id.stdout).expect("JSON");
    let hand_written: Value = serde_json::from_slice(&without.stdout).expect("JSON");
    assert_eq!(declared["status"], "not-affected");
    assert_eq!(declared["status"], hand_written["status"]);
    assert_eq!(declared["steps"], serde_json::json!(["native-sign-in"]));
}

/// The declared 2021 check names the versions read and the minimum of
/// their line in its steps, from the flags of the id-free command line.
#[test]
fn the_declared_2021_check_names_the_release_to_upgrade_to() {
    let output = technote(&[
        "verdict",
        "--check",
        "ims-2021",
        "--sign-in",
        "adobe-id",
        "--hosting",
        "on-premise",
        "--server",
        "20.2.4",
        "--console",
        "9187",
        "--windows",
        "Windows 10 Pro",
        "--windows-updated",
        "yes",
        "--ie",
        "11",
    ]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.starts_with("Action needed"), "{text}");
    assert!(
        text.contains("1. Upgrade the Campaign server from 20.2.4 (build 9187) to 20.2.5 (build 9188) or later"),
        "{text}"
    );
    assert!(
        text.contains(
            "2. Upgrade the client console from 20.2.4 (build 9187) to 20.2.5 (build 9188)"
        ),
        "{text}"
    );
}

/// The toy check the rules crate's tests also use.
const TOY: &str = include_str!("fixtures/checks/toy.check.toml");
const TOY_CASES: &str = include_str!("checks/toy.json");

const TOY_MESSAGES: &str = "
check-toy-title = Toy check
check-toy-intro = Two questions.
check-toy-version-label = Toy version
check-toy-version-hint = Any release.
check-toy-hosting-label = Toy hosting
check-toy-hosting-hint = Who runs it.
check-toy-hosting-hosted = Adobe
check-toy-hosting-on-premise = Us
check-toy-status-fine = Toy fine
check-toy-status-old = Toy too old
check-toy-step-upgrade = Toy upgrade step
check-toy-rule-recent = Toy recent case
check-toy-rule-older = Toy older case
";

fn toy_project() -> Scratch {
    let project = Scratch::new();
    project.write("content/en/technotes/using/toy.check.toml", TOY);
    project.write(
        "content/en/technotes/using/toy.md",
        "---\ntitle: Toy\ndescription: A toy check\nexl-id: 0f3c2a10-5b8e-4c1d-9a77-3e2b1c4d5e6f\n---\n\n# Toy {#toy}\n\n<!-- technote:widget check-toy -->\n",
    );
    let mut messages = project.read("locales/en/checks.ftl");
    messages.push_str(TOY_MESSAGES);
    project.write("locales/en/checks.ftl", messages);
    project
}

#[test]
fn a_writer_adds_a_third_check_without_touching_rust() {
    let project = toy_project();
    let build = project.build();
    assert!(build.status.success(), "{}", stderr(&build));
    let page = project.read("public/en/technotes/using/toy.html");
    for expected in [
        "Toy version",
        "Toy hosting",
        "value=\"on-premise\"",
        "Toy older case",
        "Toy upgrade step",
        "check-data",
    ] {
        assert!(page.contains(expected), "the toy page lacks {expected:?}");
    }
    // The toy's table of cases, which the rules crate's tests run natively
    // and tests/checker/checks.test.mjs in WebAssembly.
    let root = project.root().to_string_lossy().into_owned();
    run_table_on_the_command_line(&root, "toy", TOY_CASES);
    // Worded by the project's own messages.
    let output = technote(&[
        "verdict",
        "--root",
        &root,
        "--check",
        "toy",
        "--version",
        "7.3.4",
        "--hosting",
        "hosted",
        "--json",
    ]);
    let verdict: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(verdict["text"]["status"], "Toy too old");
}

#[test]
fn a_mistaken_declaration_stops_the_build_at_its_line_and_keeps_the_site() {
    let project = toy_project();
    assert!(project.build().status.success());
    let before = project.read("public/en/technotes/using/toy.html");

    project.write(
        "content/en/technotes/using/toy.check.toml",
        TOY.replace("at-least = \"7.3.5\"", "at-least = \"7.3.9\""),
    );
    let build = project.build();
    assert!(!build.status.success());
    let errors = stderr(&build);
    assert!(errors.contains("toy.check.toml:19:33"), "{errors}");
    assert!(errors.contains("no release \"7.3.9\""), "{errors}");
    assert_eq!(project.read("public/en/technotes/using/toy.html"), before);

    // A message the declaration needs and the locale lacks.
    project.write("content/en/technotes/using/toy.check.toml", TOY);
    let messages = project
        .read("locales/en/checks.ftl")
        .replace("check-toy-step-upgrade = Toy upgrade step\n", "");
    project.write("locales/en/checks.ftl", messages);
    let root = project.root().to_string_lossy().into_owned();
    let check = technote(&["check", "--root", &root]);
    assert!(!check.status.success());
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        stderr(&check)
    );
    assert!(report.contains("toy.check.toml:14:8"), "{report}");
    assert!(report.contains("check-toy-step-upgrade"), "{report}");
}

#[test]
fn the_minimum_releases_table_gives_server_and_console_builds_apart() {
    let project = Scratch::new();
    let build = project.build();
    assert!(build.status.success(), "{}", stderr(&build));
    let page = project.read("public/en/technotes/using/ims-sign-in-update.html");
    assert!(page.contains(
        "<th scope=\"col\">Server build</th><th scope=\"col\">Client Console build</th>"
    ));
    // Gold Standard 11: the server's first drop, the console's later fix.
    assert!(page.contains("<td><bdi dir=\"ltr\">Gold Standard 11</bdi></td><td><bdi dir=\"ltr\">9032@d3b452f</bdi></td><td><bdi dir=\"ltr\">9032@d030c36</bdi></td>"));
}

#[test]
fn a_fleet_csv_gets_one_verdict_per_row_and_counts_by_status() {
    let project = Scratch::new();
    project.write(
        "fleet.csv",
        "machine,version,hosting,api,technical-accounts,sign-in,restrictions\n\
         pc-1,7.3.4,managed,none,no,native,no\n\
         pc-2,7.4.2,hosted,both,yes,adobe-id,yes\n\
         pc-3,latest,on-premise,none,no,native,no\n\
         pc-4,7.4.1,cloud,none,no,native,no\n",
    );
    let root = project.root().to_string_lossy().into_owned();
    let csv = project
        .root()
        .join("fleet.csv")
        .to_string_lossy()
        .into_owned();
    let output = technote(&[
        "verdict",
        "--root",
        &root,
        "--check",
        "ims-migration",
        "--csv",
        &csv,
        "--json",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a row undecided and a row refused"
    );
    let lines: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON Lines"))
        .collect();
    let statuses: Vec<&str> = lines
        .iter()
        .filter_map(|line| line["status"].as_str())
        .collect();
    assert_eq!(statuses, ["upgrade-first", "complete", "incomplete"]);
    assert_eq!(lines[3]["type"], "problem");
    assert_eq!(lines[3]["line"], 5);
    let summary = lines.last().expect("summary");
    assert_eq!(summary["counts"]["upgrade-first"], 1);
    assert_eq!(summary["counts"]["complete"], 1);
    assert_eq!(summary["counts"]["ready"], 0);
    assert_eq!(summary["problems"], 1);

    project.write("fleet.csv", "version,host\n7.3.5,managed\n");
    let output = technote(&[
        "verdict",
        "--root",
        &root,
        "--check",
        "ims-migration",
        "--csv",
        &csv,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("column `host` is no input of check `ims-migration`"),
        "{}",
        stderr(&output)
    );

    // A binary file is refused as the 2021 check's fleet reader refuses it,
    // not read into memory.
    project.write("fleet.csv", b"version,hosting\n\0\0\0\0");
    let output = technote(&[
        "verdict",
        "--root",
        &root,
        "--check",
        "ims-migration",
        "--csv",
        &csv,
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("NUL bytes"), "{}", stderr(&output));
}

#[test]
fn the_migration_check_answers_outside_a_project_with_options_after_the_answers() {
    // What an administrator's script runs: no project, the answers first,
    // the command's own options after them.
    let nowhere = tempfile::tempdir().expect("temp dir");
    let root = nowhere.path().to_string_lossy().into_owned();
    let output = technote(&[
        "verdict",
        "--check",
        "ims-migration",
        "--version",
        "7.3.3.IMS",
        "--hosting",
        "on-premise",
        "--api",
        "marketing",
        "--technical-accounts",
        "no",
        "--sign-in",
        "native",
        "--restrictions",
        "no",
        "--root",
        &root,
        "--lang",
        "fr",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let verdict: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(verdict["status"], "ready");
    assert!(!strings(&verdict["steps"]).is_empty());
    let worded = verdict["text"]["status"].as_str().unwrap_or_default();
    assert!(worded.starts_with("Prêt"), "worded in French: {worded}");

    let missing_value = technote(&[
        "verdict",
        "--check",
        "ims-migration",
        "--version",
        "7.3.5",
        "--lang",
    ]);
    assert_eq!(missing_value.status.code(), Some(2));
    assert!(stderr(&missing_value).contains("--lang needs a value"));

    // Every flag of the built-in checks is in the help, from their declarations.
    let help = technote(&["verdict", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    for flag in [
        "--version <release or build>",
        "--hosting managed|hosted|on-premise|hybrid",
        "--api none|marketing|message-center|both",
        "--technical-accounts yes|no",
        "--sign-in native|adobe-id|both",
        "--restrictions yes|no",
        "--windows-updated yes|no|unknown",
    ] {
        assert!(help.contains(flag), "help lacks {flag:?}:\n{help}");
    }
}

#[test]
fn verdict_finds_a_check_declared_in_the_reference_locales_own_folder() {
    // An Experience League repository's `help/` read in place ([content]).
    let project = Scratch::new();
    project.write("help-en/technotes/using/toy.check.toml", TOY);
    let config = project.read("technote.toml");
    project.write(
        "technote.toml",
        format!("{config}\n[content]\nen = \"help-en\"\n"),
    );
    let root = project.root().to_string_lossy().into_owned();
    let output = technote(&[
        "verdict",
        "--root",
        &root,
        "--check",
        "toy",
        "--version",
        "7.4.1",
        "--hosting",
        "hosted",
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let verdict: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(verdict["status"], "fine");
}
