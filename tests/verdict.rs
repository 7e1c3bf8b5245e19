//! `technote verdict` without `--check` is the June 2021 check, run by the
//! declared check's evaluator: it agrees with the check's table
//! (`tests/checks/ims-2021.json`, the declared verdicts of the shared
//! cases), and reads fleets.

mod common;

use common::technote;
use serde_json::Value;

const CASES: &str = include_str!("checks/ims-2021.json");

fn flags(answers: &serde_json::Map<String, Value>) -> Vec<String> {
    answers
        .iter()
        .filter_map(|(field, value)| Some(format!("--{field}={}", value.as_str()?)))
        .collect()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|items| items.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn every_case_of_the_2021_table_gets_the_same_verdict_on_the_id_free_command_line() {
    let cases: Vec<Value> = serde_json::from_str(CASES).expect("ims-2021.json parses");
    assert!(cases.len() >= 100, "the table shrank to {}", cases.len());
    for case in &cases {
        let name = case["name"].as_str().unwrap_or_default();
        let answers = case["answers"].as_object().expect("answers object");
        // A choice the check lacks is a usage error on the command line.
        if case["problems"].to_string().contains("not-a-choice") {
            continue;
        }
        let mut args = vec!["verdict".to_string(), "--json".to_string()];
        args.extend(flags(answers));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = technote(&args);
        let verdict: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "{name}: not JSON ({e}): {}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
        assert_eq!(verdict["check"], "ims-2021", "{name}");
        assert_eq!(verdict["status"], case["status"], "{name}");
        assert_eq!(
            strings(&verdict["steps"]),
            strings(&case["steps"]),
            "{name}"
        );
        let fine = matches!(case["status"].as_str(), Some("ready" | "not-affected"));
        assert_eq!(
            output.status.code(),
            Some(if fine { 0 } else { 1 }),
            "{name}: exit code"
        );
        assert!(
            verdict["text"]["steps"]
                .as_array()
                .expect("steps in words")
                .iter()
                .all(|text| !text.as_str().unwrap_or_default().is_empty()),
            "{name}"
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
    assert!(String::from_utf8_lossy(&output.stderr).contains(
        "--hosting: `cloud` is not a valid hosting; use one of: hosted, on-premise, hybrid"
    ));
}

/// `--json` with `--csv`: JSON Lines, one object per line.
fn json_lines(output: &std::process::Output) -> Vec<Value> {
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect()
}

fn of_type<'a>(lines: &'a [Value], kind: &str) -> Vec<&'a Value> {
    lines.iter().filter(|l| l["type"] == kind).collect()
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
    let lines = json_lines(&output);
    let rows = of_type(&lines, "row");
    let row_lines: Vec<u64> = rows.iter().filter_map(|r| r["line"].as_u64()).collect();
    assert_eq!(row_lines, vec![2, 4, 6]);
    let statuses: Vec<&str> = rows
        .iter()
        .filter_map(|r| r["verdict"]["status"].as_str())
        .collect();
    assert_eq!(statuses, vec!["ready", "action-needed", "blocked"]);
    let bad: Vec<u64> = of_type(&lines, "problem")
        .iter()
        .filter(|p| p["warning"] == false)
        .filter_map(|p| p["line"].as_u64())
        .collect();
    assert_eq!(bad, vec![3, 5]);
    let summary = lines.last().expect("a summary");
    assert_eq!(summary["type"], "summary", "the summary comes last");
    assert_eq!(summary["checked"], 3);
    assert_eq!(summary["bad_rows"], 2);
    assert_eq!(summary["counts"]["ready"], 1);
    assert_eq!(summary["counts"]["blocked"], 1);

    let text = technote(&["verdict", "--csv", &path.to_string_lossy()]);
    let stderr = String::from_utf8_lossy(&text.stderr);
    assert!(
        stderr.contains("fleet.csv:3: error: `cloud` is not a valid hosting"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&text.stdout).contains("3 machine(s) checked"));
}

/// A scratch file of `name` holding `contents`, for one test.
struct Input {
    dir: tempfile::TempDir,
}

impl Input {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write input");
        path.to_string_lossy().into_owned()
    }
}

const HEADER: &str = "machine,sign-in,hosting,server,console,windows,windows-updated,ie";

#[test]
fn csv_line_numbers_are_exact_for_lf_and_crlf_files() {
    let input = Input::new();
    let rows = [
        HEADER,
        "pc-1,adobe-id,hosted,,,,,",
        "pc-2,adobe-id,cloud,,,,,",
        "",
        "pc-4,adobe-id,hosted,,,,,",
    ];
    for (name, ending) in [("lf.csv", "\n"), ("crlf.csv", "\r\n")] {
        let path = input.file(name, rows.join(ending) + ending);
        let output = technote(&["verdict", "--csv", &path]);
        let stderr = common::stderr(&output);
        assert!(
            stderr.contains(&format!("{name}:3: error: `cloud` is not a valid hosting")),
            "{stderr}"
        );
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("line 2 (pc-1)"), "{stdout}");
        assert!(stdout.contains("line 5 (pc-4)"), "{stdout}");
    }
}

/// Runs `verdict --csv` on `contents`; asserts the usage status and returns stderr.
fn refused_inventory(name: &str, contents: impl AsRef<[u8]>, extra: &[&str]) -> String {
    let input = Input::new();
    let path = input.file(name, contents);
    let mut args = vec!["verdict", "--csv", &path];
    args.extend_from_slice(extra);
    let output = technote(&args);
    let stderr = common::stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{name}: {stderr}");
    assert!(output.stdout.is_empty() || extra.contains(&"--max-rows"));
    assert!(stderr.contains(name), "{name} is named: {stderr}");
    stderr
}

#[test]
fn input_that_is_no_inventory_is_a_usage_error_naming_the_file_and_line() {
    let stderr = refused_inventory("empty.csv", "", &[]);
    assert!(
        stderr.contains("empty.csv: error: the file is empty"),
        "{stderr}"
    );

    let stderr = refused_inventory("header.csv", format!("{HEADER}\r\n"), &[]);
    assert!(
        stderr.contains("header.csv: error: the file has a header but no machine rows"),
        "{stderr}"
    );

    let mut binary = format!("{HEADER}\n").into_bytes();
    binary.extend_from_slice(b"\x7fELF\x02\x01\x01\0\0\0");
    let stderr = refused_inventory("tool.bin", binary, &[]);
    assert!(
        stderr.contains("tool.bin:2: error: this is not a CSV file: it holds NUL bytes"),
        "{stderr}"
    );

    let stderr = refused_inventory("notes.txt", "Servers to check:\nparis, lyon\n", &[]);
    assert!(
        stderr.contains("notes.txt:1: error: line 1 is not an inventory header"),
        "{stderr}"
    );

    let endless = format!("{HEADER}\npc-1,\"adobe-id,{}", "x".repeat(200_000));
    let stderr = refused_inventory("unclosed.csv", endless, &[]);
    assert!(
        stderr.contains("unclosed.csv:2: error: this row is longer than 64 KiB"),
        "{stderr}"
    );

    let many = format!("{HEADER}\n{}", "pc,password,hosted,,,,,\n".repeat(4));
    let stderr = refused_inventory("many.csv", many, &["--max-rows", "3"]);
    assert!(
        stderr.contains("many.csv:5: error: more than 3 rows: reading stopped here"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn dev_zero_as_an_inventory_ends_at_once_with_an_error() {
    let output = technote(&["verdict", "--csv", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        common::stderr(&output).contains("/dev/zero:1: error: this is not a CSV file"),
        "{}",
        common::stderr(&output)
    );
}

#[test]
fn usage_errors_exit_2() {
    let input = Input::new();
    let missing = input.dir.path().join("missing.csv");
    let missing = missing.to_string_lossy();
    let folder = input.dir.path().to_string_lossy();
    for args in [
        vec!["verdict", "--csv", &missing],
        vec!["verdict", "--csv", &folder],
        vec!["verdict", "--lang", "not a tag"],
        vec!["verdict", "--max-rows", "0", "--csv", &missing],
        vec!["verdict", "--ie", "11", "--csv", &missing],
        vec!["verdict", "--no-such-flag"],
        vec!["verdict", "--windows-updated", "maybe"],
        vec!["verdict", "--locales", &missing],
    ] {
        let output = technote(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            common::stderr(&output)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn the_projects_own_locales_folder_words_verdicts_like_the_built_in_one() {
    let locales = common::repo_root().join("locales");
    let locales = locales.to_string_lossy();
    for lang in ["en", "fr", "fr-CA"] {
        let asked = [
            "verdict",
            "--sign-in",
            "adobe-id",
            "--server",
            "20.2.4",
            "--lang",
            lang,
        ];
        let built_in = technote(&asked);
        let mut with_folder = asked.to_vec();
        with_folder.extend(["--locales", &locales]);
        let from_folder = technote(&with_folder);
        assert_eq!(
            from_folder.status.code(),
            built_in.status.code(),
            "{lang}: {}",
            common::stderr(&from_folder)
        );
        assert!(
            from_folder.stderr.is_empty(),
            "{}",
            common::stderr(&from_folder)
        );
        assert_eq!(from_folder.stdout, built_in.stdout, "{lang}");
    }
}

#[test]
fn a_broken_locales_folder_is_a_usage_error_reported_once() {
    let scratch = tempfile::tempdir().expect("temp dir");
    common::copy_tree(&common::repo_root().join("locales"), scratch.path());
    let checker = scratch.path().join("en/checker.ftl");
    let text = std::fs::read_to_string(&checker).expect("checker.ftl");
    std::fs::write(&checker, format!("{text}\ncheck-ims-2021-title = Twice\n")).expect("write");
    let output = technote(&[
        "verdict",
        "--sign-in",
        "password",
        "--locales",
        &scratch.path().to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = common::stderr(&output);
    assert_eq!(
        stderr
            .matches("message `check-ims-2021-title` is defined twice")
            .count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("en/checker.ftl:"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// A project whose catalog lists an IMS patch of 7.3.4 that the built-in
/// catalog lacks.
fn project_with_its_own_catalog() -> common::Scratch {
    let project = common::Scratch::new();
    let built_in = std::fs::read_to_string(common::repo_root().join("crates/rules/releases.toml"))
        .expect("the built-in catalog");
    let release = "{ name = \"7.3.4\", builds = [9364] }";
    assert!(built_in.contains(release), "releases.toml lists {release}");
    project.write(
        "facts/releases.toml",
        built_in.replace(
            release,
            "{ name = \"7.3.4\", builds = [9364], patches = [\"IMS\"] }",
        ),
    );
    let config = project.read("technote.toml");
    project.write(
        "technote.toml",
        format!("{config}\n[checks]\ncatalog = \"facts/releases.toml\"\n"),
    );
    project
}

const PATCH_7_3_4: [&str; 14] = [
    "--version",
    "7.3.4.IMS",
    "--hosting",
    "managed",
    "--api",
    "none",
    "--technical-accounts",
    "no",
    "--sign-in",
    "native",
    "--restrictions",
    "no",
    "--json",
    "--check=ims-migration",
];

fn status(output: &std::process::Output) -> String {
    let verdict: Value = serde_json::from_slice(&output.stdout).unwrap_or(Value::Null);
    verdict["status"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn versions_are_placed_in_the_projects_catalog_or_the_one_catalog_names() {
    // The built-in catalog has no such release.
    let mut args = vec!["verdict"];
    args.extend(PATCH_7_3_4);
    assert_eq!(status(&technote(&args)), "incomplete");

    let project = project_with_its_own_catalog();
    let root = project.root().to_string_lossy().into_owned();
    let mut in_project = args.clone();
    in_project.extend(["--root", &root]);
    assert_eq!(status(&technote(&in_project)), "upgrade-first");

    let file = project.root().join("facts/releases.toml");
    let file = file.to_string_lossy().into_owned();
    let mut named = args.clone();
    named.extend(["--catalog", &file]);
    assert_eq!(status(&technote(&named)), "upgrade-first");
}

#[test]
fn a_broken_catalog_is_a_usage_error_at_its_line() {
    let project = project_with_its_own_catalog();
    let file = project.root().join("facts/releases.toml");
    let text = std::fs::read_to_string(&file).expect("the catalog");
    std::fs::write(
        &file,
        text.replacen("technote-list = [", "technote-list = [[", 1),
    )
    .expect("broken");
    let root = project.root().to_string_lossy().into_owned();
    let mut args = vec!["verdict"];
    args.extend(PATCH_7_3_4);
    args.extend(["--root", &root]);
    let output = technote(&args);
    assert_eq!(output.status.code(), Some(2));
    let message = common::stderr(&output);
    assert!(message.contains("facts/releases.toml:"), "{message}");
    assert!(message.contains("[catalog-invalid]"), "{message}");
}
