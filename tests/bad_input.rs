//! Broken projects, one per folder of `tests/bad_input/`. Each is a good
//! site already built, then broken, then built again with the real binary:
//! the build must print exactly the diagnostics of the case's `expected.txt`,
//! never panic, and leave the previous site byte for byte as it was. A case
//! whose `expected.txt` holds no error must build (BOM, CRLF, hostile but
//! valid front matter), printing exactly the warnings listed.
//!
//! A case folder holds:
//! - files copied over a scratch copy of the shipped project, at their
//!   place in it (`content/en/technotes/using/broken.md`, `technote.toml`...);
//! - `expected.txt`: the `file:line:col: level: message` lines, each
//!   optionally followed by its `  help: ...` line;
//! - optionally `case.json`, for what is better not committed:
//!   `"generate"`: `[{path, head, repeat, times | until_bytes, tail}]`
//!   (a 10 MB page), `"symlinks"`: `[{path, target}]`, `"fifos"`: `[path]`
//!   (named pipes, which would hang a build that opened them).
//!
//! Every diagnostic printed must end with a code of TRANSLATING.md's table,
//! and `technote check --format json` on the broken project must give each
//! of its diagnostics such a code, exiting 1 when one is an error (and with
//! `--deny warnings`, when there is any).
//!
//! A contradictory built-in catalog cannot reach a build: technote's build
//! script rejects it (`crates/rules/tests/catalog_validation.rs`); a
//! project's own catalog gets the same checks at build time
//! (`catalog-syntax-error` here).

mod common;
#[path = "bad_input/support/expected.rs"]
mod expected;
#[path = "bad_input/support/safe_pages.rs"]
mod safe_pages;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{Scratch, codes, copy_tree, files, repo_root, stderr, technote};
use expected::{Expected, Reported};

const CASE_FILES: [&str; 2] = ["expected.txt", "case.json"];

fn cases_dir() -> PathBuf {
    repo_root().join("tests/bad_input")
}

/// Every case folder, sorted (the `support` folder holds this test's modules).
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/bad_input exists")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() && !path.ends_with("support"))
        .collect();
    cases.sort();
    cases
}

/// The site of the shipped project, as every case finds it before breaking it.
struct PreviousSite {
    dir: Scratch,
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl PreviousSite {
    fn build() -> Self {
        let dir = Scratch::new();
        let output = dir.build();
        assert!(
            output.status.success(),
            "the shipped project must build: {}",
            stderr(&output)
        );
        let files = snapshot(&dir.out());
        Self { dir, files }
    }
}

fn snapshot(out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    files(out)
        .into_iter()
        .map(|file| {
            let bytes = fs::read(out.join(&file)).expect("read a built file");
            (file, bytes)
        })
        .collect()
}

#[test]
fn every_broken_project_fails_cleanly_with_its_expected_diagnostics() {
    let previous = PreviousSite::build();
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());

    // Cases are independent scratch projects: run them on every core.
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(case) = cases.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let problems = run_case(case, &previous);
                    if !problems.is_empty() {
                        let name = case.file_name().unwrap_or_default().to_string_lossy();
                        let report = format!("── {name}\n{}", problems.join("\n"));
                        failures.lock().expect("no worker panicked").push(report);
                    }
                }
            });
        }
    });
    let mut failures = failures.into_inner().expect("no worker panicked");
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} cases went wrong (- expected but not printed, + printed but not expected):\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// Breaks a copy of the project as the case says, builds it, and returns
/// what went wrong (nothing when the case passes).
fn run_case(case: &Path, previous: &PreviousSite) -> Vec<String> {
    let scratch = Scratch::new();
    copy_tree(&previous.dir.out(), &scratch.out());
    if let Err(problem) = apply(case, &scratch) {
        return vec![format!("cannot set the case up: {problem}")];
    }
    let expected = match fs::read_to_string(case.join("expected.txt")) {
        Ok(text) => Expected::parse(&text),
        Err(error) => return vec![format!("expected.txt: {error}")],
    };

    let output = scratch.build();
    let printed = stderr(&output);
    let mut problems = Vec::new();
    if printed.contains("panicked") {
        problems.push(format!("the build panicked:\n{printed}"));
    }
    let must_fail = expected.has_errors();
    if output.status.success() == must_fail {
        problems.push(format!(
            "exit status {:?}, but the build must {}",
            output.status.code(),
            if must_fail { "fail" } else { "succeed" }
        ));
    }
    problems.extend(expected.compare(&Reported::parse(&printed)));
    let documented = codes::documented();
    problems.extend(codes::undocumented_in_text(&printed, &documented));
    problems.extend(checked_as_json(&scratch, &documented));
    if must_fail {
        problems.extend(changes_to_previous_site(&scratch.out(), &previous.files));
    } else {
        problems.extend(missing_pages(case, &scratch.out()));
    }
    problems.extend(litter(scratch.root()));
    problems
}

/// What went wrong with `check --format json` (and `--deny warnings`) on
/// the broken project: undocumented codes, or an exit status that does not
/// follow from the diagnostics it reports.
fn checked_as_json(scratch: &Scratch, documented: &BTreeSet<String>) -> Vec<String> {
    let root = scratch.root().to_string_lossy().into_owned();
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--root", &root, "--format", "json"];
        args.extend_from_slice(extra);
        technote(&args)
    };
    let output = check(&[]);
    let report: serde_json::Value = match serde_json::from_slice(&output.stdout) {
        Ok(report) => report,
        Err(error) => {
            return vec![format!(
                "check --format json printed no JSON ({error}): {}",
                stderr(&output)
            )];
        }
    };
    let mut problems = codes::undocumented_in_json(&report, documented);
    let diagnostics = report["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let has_errors = diagnostics.iter().any(|d| d["severity"] == "error");
    let expected_status = |fails: bool| Some(i32::from(fails));
    if output.status.code() != expected_status(has_errors) {
        problems.push(format!(
            "check --format json exited {:?} with errors: {has_errors}",
            output.status.code()
        ));
    }
    let denied = check(&["--deny", "warnings"]);
    if denied.status.code() != expected_status(!diagnostics.is_empty()) {
        problems.push(format!(
            "check --format json --deny warnings exited {:?} with {} diagnostic(s)",
            denied.status.code(),
            diagnostics.len()
        ));
    }
    problems
}

/// Copies the case's files over the project and applies its `case.json`.
fn apply(case: &Path, scratch: &Scratch) -> Result<(), String> {
    for file in files(case) {
        if CASE_FILES.iter().any(|name| file == Path::new(name)) {
            continue;
        }
        let bytes = fs::read(case.join(&file)).map_err(|e| e.to_string())?;
        scratch.write(&file.to_string_lossy(), bytes);
    }
    let Ok(spec) = fs::read_to_string(case.join("case.json")) else {
        return Ok(());
    };
    let spec: serde_json::Value = serde_json::from_str(&spec).map_err(|e| e.to_string())?;
    for generated in spec["generate"].as_array().into_iter().flatten() {
        let path = text(generated, "path")?;
        scratch.write(path, generate(generated)?);
    }
    for link in spec["symlinks"].as_array().into_iter().flatten() {
        let path = scratch.root().join(text(link, "path")?);
        fs::create_dir_all(path.parent().unwrap_or(scratch.root())).map_err(|e| e.to_string())?;
        std::os::unix::fs::symlink(text(link, "target")?, &path).map_err(|e| e.to_string())?;
    }
    for fifo in spec["fifos"].as_array().into_iter().flatten() {
        let path = scratch
            .root()
            .join(fifo.as_str().ok_or("a fifo is a path")?);
        fs::create_dir_all(path.parent().unwrap_or(scratch.root())).map_err(|e| e.to_string())?;
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .map_err(|e| e.to_string())?;
        if !made.success() {
            return Err(format!("mkfifo {} failed", path.display()));
        }
    }
    Ok(())
}

/// `head`, then `repeat` `times` times or until the text reaches
/// `until_bytes`, then `tail`.
fn generate(spec: &serde_json::Value) -> Result<String, String> {
    let head = spec["head"].as_str().unwrap_or_default();
    let unit = text(spec, "repeat")?;
    let times = match (spec["times"].as_u64(), spec["until_bytes"].as_u64()) {
        (Some(times), _) => times,
        (None, Some(bytes)) => bytes.saturating_sub(head.len() as u64) / unit.len() as u64 + 1,
        (None, None) => return Err("a generated file needs `times` or `until_bytes`".into()),
    };
    let times = usize::try_from(times).map_err(|e| e.to_string())?;
    Ok([
        head,
        &unit.repeat(times),
        spec["tail"].as_str().unwrap_or_default(),
    ]
    .concat())
}

fn text<'a>(spec: &'a serde_json::Value, key: &str) -> Result<&'a str, String> {
    spec[key]
        .as_str()
        .ok_or_else(|| format!("`{key}` is missing in {spec}"))
}

/// Differences between the output folder and the site built before the case.
fn changes_to_previous_site(out: &Path, previous: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    if !out.is_dir() {
        return vec!["the previous site is gone".into()];
    }
    let now = snapshot(out);
    let mut changes = Vec::new();
    for (file, bytes) in previous {
        match now.get(file) {
            None => changes.push(format!("the previous site lost {}", file.display())),
            Some(current) if current != bytes => {
                changes.push(format!("the previous site's {} changed", file.display()));
            }
            Some(_) => {}
        }
    }
    for file in now.keys().filter(|file| !previous.contains_key(*file)) {
        changes.push(format!("the failed build wrote {}", file.display()));
    }
    changes
}

/// For a case that must build: each page it adds has its HTML page.
fn missing_pages(case: &Path, out: &Path) -> Vec<String> {
    let content = case.join("content");
    if !content.is_dir() {
        return Vec::new();
    }
    files(&content)
        .into_iter()
        .filter_map(|page| {
            let page = page.to_string_lossy().replace('\\', "/");
            let built = format!("{}.html", page.strip_suffix(".md")?);
            (!out.join(&built).is_file())
                .then(|| format!("content/{page} was not built into {built}"))
        })
        .collect()
}

/// Staging or retired folders left beside the output folder.
fn litter(root: &Path) -> Vec<String> {
    fs::read_dir(root)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".technote-"))
        .map(|name| format!("the build left {name} beside the site"))
        .collect()
}

/// The codes the sources give diagnostics: `with_code("…")`, and the code
/// that starts the Markdown renderer's `self.warning(offset, "…", …)`.
fn codes_in_sources() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    for file in files(&repo_root().join("crates")) {
        if file.extension().is_none_or(|e| e != "rs")
            || !file.components().any(|c| c.as_os_str() == "src")
        {
            continue;
        }
        let text =
            fs::read_to_string(repo_root().join("crates").join(&file)).expect("read a source");
        for call in ["with_code(\"", "self.warning(", "self.error("] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let rest = match call.ends_with('"') {
                    true => rest,
                    false => match rest.split_once(',') {
                        Some((_, after)) => match after.trim_start().strip_prefix('"') {
                            Some(quoted) => quoted,
                            None => continue,
                        },
                        None => continue,
                    },
                };
                if let Some((code, _)) = rest.split_once('"') {
                    codes.insert(code.to_string());
                }
            }
        }
    }
    codes
}

#[test]
fn every_code_the_sources_give_is_documented_once_and_every_documented_code_is_used() {
    let documented = codes::documented();
    assert_eq!(
        codes::rows(),
        documented.len(),
        "a code has two rows in TRANSLATING.md"
    );
    let given = codes_in_sources();
    assert!(
        given.len() > 50,
        "only {} codes found in the sources",
        given.len()
    );
    let undocumented: Vec<&String> = given.difference(&documented).collect();
    assert!(
        undocumented.is_empty(),
        "codes missing from TRANSLATING.md: {undocumented:?}"
    );
    // The Fluent lint passes its codes through a helper: look for them as
    // plain literals.
    let sources = files(&repo_root().join("crates"))
        .into_iter()
        .filter(|file| file.extension().is_some_and(|e| e == "rs"))
        .map(|file| fs::read_to_string(repo_root().join("crates").join(file)).unwrap_or_default())
        .collect::<String>();
    let unused: Vec<&String> = documented
        .iter()
        .filter(|code| !sources.contains(&format!("\"{code}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "TRANSLATING.md documents codes no source gives: {unused:?}"
    );
}

#[test]
fn hostile_front_matter_is_escaped_and_every_page_is_safe_under_the_csp() {
    let scratch = Scratch::new();
    apply(&cases_dir().join("script-in-front-matter"), &scratch).expect("the case applies");
    let output = scratch.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let problems = safe_pages::scan(&scratch.out());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
