//! `technote check`: the translators' and writers' report, writing nothing.

mod common;

use std::process::Command;

use common::{Scratch, copy_tree, stderr, technote};

fn check(scratch: &Scratch, extra: &[&str]) -> std::process::Output {
    let root = scratch.root().to_string_lossy().into_owned();
    let mut args = vec!["check", "--root", &root];
    args.extend_from_slice(extra);
    technote(&args)
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_shipped_project_passes_and_coverage_is_reported() {
    let scratch = Scratch::new();
    let output = check(&scratch, &[]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}{}", stderr(&output));
    assert!(text.contains("fr: interface"), "{text}");
    assert!(
        text.contains("not translated: content/en/technotes/using/checker-privacy.md"),
        "{text}"
    );
    assert!(!scratch.out().exists(), "check wrote the site");
}

#[test]
fn an_ftl_syntax_error_points_at_file_line_and_column_with_a_caret() {
    let scratch = Scratch::new();
    let mut ftl = scratch.read("locales/fr/site.ftl");
    ftl.push_str("broken = { $x\n");
    let line = ftl.lines().count();
    scratch.write("locales/fr/site.ftl", &ftl);
    let output = check(&scratch, &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text.contains(&format!(
            "locales/fr/site.ftl:{line}:14: error: Fluent syntax error"
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(" {line} | broken = {{ $x")),
        "{text}"
    );
    assert!(text.contains("|              ^"), "{text}");
    assert_eq!(
        text.matches("Fluent syntax error").count(),
        1,
        "reported twice:\n{text}"
    );
}

#[test]
fn a_missing_translation_is_a_warning_with_its_fallback_and_fails_only_when_denied() {
    let scratch = Scratch::new();
    let ftl = scratch.read("locales/fr/site.ftl");
    let without: String = ftl
        .lines()
        .filter(|l| !l.starts_with("toc-title"))
        .map(|l| format!("{l}\n"))
        .collect();
    scratch.write("locales/fr/site.ftl", without);
    let output = check(&scratch, &[]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("warning") && text.contains("toc-title"),
        "{text}"
    );
    assert!(text.contains("falls back to en: toc-title"), "{text}");
    let denied = check(&scratch, &["--deny", "warnings"]);
    assert_eq!(denied.status.code(), Some(1));
}

#[test]
fn json_output_is_one_object_for_ci() {
    let scratch = Scratch::new();
    let output = check(&scratch, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(report["diagnostics"].is_array());
    let locales: Vec<&str> = report["locales"]
        .as_array()
        .expect("locales")
        .iter()
        .filter_map(|l| l["locale"].as_str())
        .collect();
    assert_eq!(locales, vec!["fr", "en"]);
}

/// The French site file without `toc-title`, and the line where it was.
fn without_toc_title(scratch: &Scratch) {
    let ftl = scratch.read("locales/fr/site.ftl");
    let without: String = ftl
        .lines()
        .filter(|l| !l.starts_with("toc-title"))
        .map(|l| format!("{l}\n"))
        .collect();
    scratch.write("locales/fr/site.ftl", without);
}

#[test]
fn every_lint_finding_carries_its_code_in_text_and_json() {
    let scratch = Scratch::new();
    without_toc_title(&scratch);
    let text = stdout(&check(&scratch, &[]));
    let headline = text
        .lines()
        .find(|l| l.contains("`toc-title` is not translated into fr"))
        .unwrap_or_else(|| panic!("no missing-message warning:\n{text}"));
    assert!(
        headline.starts_with("locales/fr/site.ftl: warning: ")
            && headline.ends_with(" [ftl-missing]"),
        "{headline}"
    );
    let output = check(&scratch, &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let missing = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("`toc-title`"))
        })
        .expect("the missing message in JSON");
    assert_eq!(missing["code"], "ftl-missing");
    assert_eq!(missing["severity"], "warning");
    assert_eq!(missing["file"], "locales/fr/site.ftl");
    let denied = check(&scratch, &["--format", "json", "--deny", "warnings"]);
    assert_eq!(denied.status.code(), Some(1));
}

fn git(scratch: &Scratch, args: &[&str]) -> String {
    git_in(scratch.root(), args)
}

fn git_in(dir: &std::path::Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// `translation` with its `source-git-commit` set to `commit`.
fn recording(translation: &str, commit: &str) -> String {
    translation
        .lines()
        .map(|l| {
            if l.starts_with("source-git-commit:") {
                format!("source-git-commit: {commit}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect()
}

#[test]
fn a_translation_is_stale_once_its_source_changes_until_the_translator_records_the_new_revision() {
    let scratch = Scratch::new();
    let fr = "content/fr/technotes/using/console-windows-requirements.md";
    let en = "content/en/technotes/using/console-windows-requirements.md";
    git(&scratch, &["init", "-q"]);
    git(&scratch, &["add", "."]);
    git(&scratch, &["commit", "-qm", "first"]);
    let first = git(&scratch, &["rev-parse", "HEAD"]);
    let record = |commit: &str| scratch.write(fr, recording(&scratch.read(fr), commit));
    record(&first);
    git(&scratch, &["commit", "-qam", "record"]);
    let fresh = stdout(&check(&scratch, &[]));
    assert!(!fresh.contains("stale"), "{fresh}");

    let mut source = scratch.read(en);
    source.push_str("\nA new paragraph in the source.\n");
    scratch.write(en, source);
    git(&scratch, &["commit", "-qam", "change the source"]);
    let latest = git(&scratch, &["rev-parse", "HEAD"]);
    let stale = stdout(&check(&scratch, &[]));
    assert!(
        stale.contains(&format!(
            "{fr}:8:1: warning: stale translation: {en} changed since revision"
        )),
        "{stale}"
    );
    assert!(
        stale.contains(&format!("set `source-git-commit: {latest}`")),
        "{stale}"
    );

    record(&latest);
    let updated = stdout(&check(&scratch, &[]));
    assert!(!updated.contains("stale"), "{updated}");

    // An edit of the source not committed yet: no revision can be recorded,
    // so the help says to commit first rather than naming the old one.
    let mut source = scratch.read(en);
    source.push_str("\nAnother paragraph, not committed.\n");
    scratch.write(en, source);
    let uncommitted = stdout(&check(&scratch, &[]));
    assert!(
        uncommitted.contains(&format!(
            "help: {en} has changes no commit holds yet: commit it"
        )),
        "{uncommitted}"
    );
    assert!(
        !uncommitted.contains(&format!("set `source-git-commit: {latest}`")),
        "{uncommitted}"
    );
}

#[test]
fn a_source_read_in_place_from_a_repository_of_its_own_is_checked_against_that_repository() {
    // As an Experience League team works: the English tree is a clone of
    // its own repository, named under [content], outside the project.
    let scratch = Scratch::new();
    let repository = tempfile::tempdir().expect("temp dir");
    let help = repository.path().join("help");
    copy_tree(&scratch.root().join("content/en"), &help);
    std::fs::remove_dir_all(scratch.root().join("content/en")).expect("en moved out");
    let config = scratch.read("technote.toml");
    scratch.write(
        "technote.toml",
        format!(
            "{config}\n[content]\nen = {:?}\n",
            help.display().to_string()
        ),
    );
    git_in(repository.path(), &["init", "-q"]);
    git_in(repository.path(), &["add", "."]);
    git_in(repository.path(), &["commit", "-qm", "first"]);
    let first = git_in(repository.path(), &["rev-parse", "HEAD"]);
    let fr = "content/fr/technotes/using/console-windows-requirements.md";
    scratch.write(fr, recording(&scratch.read(fr), &first));
    let fresh = stdout(&check(&scratch, &[]));
    assert!(!fresh.contains("stale"), "{fresh}");

    let en = help.join("technotes/using/console-windows-requirements.md");
    let mut source = std::fs::read_to_string(&en).expect("source");
    source.push_str("\nA new paragraph in the source.\n");
    std::fs::write(&en, source).expect("source edited");
    git_in(repository.path(), &["commit", "-qam", "change the source"]);
    let latest = git_in(repository.path(), &["rev-parse", "HEAD"]);
    let stale = stdout(&check(&scratch, &[]));
    assert!(
        stale.contains(&format!("{fr}:8:1: warning: stale translation: ")),
        "{stale}"
    );
    assert!(
        stale.contains(&format!("set `source-git-commit: {latest}`")),
        "{stale}"
    );
}

#[test]
fn a_renamed_source_in_a_project_below_the_repository_top_is_followed_to_the_recorded_revision() {
    let scratch = Scratch::new();
    let repository = tempfile::tempdir().expect("temp dir");
    let project = repository.path().join("docs/site");
    common::copy_tree(scratch.root(), &project);
    let run = |args: &[&str]| git_in(repository.path(), args);
    let fr = project.join("content/fr/technotes/using/console-windows-requirements.md");
    let en = "docs/site/content/en/technotes/using/console-windows-requirements.md";
    let renamed = "content/en/technotes/using/console-requirements.md";
    run(&["init", "-q"]);
    run(&["add", "."]);
    run(&["commit", "-qm", "first"]);
    let first = run(&["rev-parse", "HEAD"]);
    let translation = std::fs::read_to_string(&fr).expect("read");
    std::fs::write(&fr, recording(&translation, &first)).expect("write");
    run(&["mv", en, &format!("docs/site/{renamed}")]);
    run(&["commit", "-qam", "rename the source"]);

    let root = project.to_string_lossy().into_owned();
    let report = stdout(&technote(&["check", "--root", &root]));
    let about_renamed: Vec<&str> = report
        .lines()
        .filter(|l| l.contains("console-windows-requirements.md"))
        .collect();
    assert!(about_renamed.is_empty(), "{report}");

    let source = project.join(renamed);
    let mut text = std::fs::read_to_string(&source).expect("read");
    text.push_str("\nA paragraph added after the rename.\n");
    std::fs::write(&source, text).expect("write");
    run(&["commit", "-qam", "change the renamed source"]);
    let report = stdout(&technote(&["check", "--root", &root]));
    assert!(
        report.contains(&format!(
            "content/fr/technotes/using/console-windows-requirements.md:8:1: warning: stale translation: {renamed} changed since revision {}",
            &first[..12]
        )),
        "{report}"
    );
}

#[test]
fn a_five_megabyte_ftl_is_linted_message_by_message() {
    let scratch = Scratch::new();
    let extra: String = (0..80_000)
        .map(|i| {
            format!("big-message-{i} = Un texte assez long pour remplir le fichier, numéro {i}\n")
        })
        .collect();
    assert!(extra.len() > 5_000_000);
    scratch.write("locales/fr/big.ftl", extra);
    let report = stdout(&check(&scratch, &[]));
    let obsolete = report
        .lines()
        .filter(|l| l.contains("is not in the reference locale en"))
        .count();
    assert_eq!(obsolete, 80_000, "{}", report.lines().last().unwrap_or(""));
    assert!(report.contains("locales/fr/big.ftl:80000:1: warning: `big-message-79999`"));
}

/// The French console page, its `exl-id` line changed by `edit`.
fn edit_french_page(scratch: &Scratch, edit: impl Fn(&str) -> String) {
    let path = "content/fr/technotes/using/console-windows-requirements.md";
    let page = scratch.read(path);
    scratch.write(path, edit(&page));
}

const FRENCH_PAGE: &str = "content/fr/technotes/using/console-windows-requirements.md";

#[test]
fn an_exl_id_off_by_one_digit_is_unpaired_and_the_right_one_suggested() {
    let scratch = Scratch::new();
    edit_french_page(&scratch, |page| {
        page.replace("27e0f2ecb508", "27e0f2ecb509")
    });
    let output = check(&scratch, &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let expected = format!(
        "{FRENCH_PAGE}:7:1: warning: `exl-id: 6c8a0d4d-8011-4fc3-9f13-27e0f2ecb509` matches no technote in another language; did you mean `6c8a0d4d-8011-4fc3-9f13-27e0f2ecb508` (content/en/technotes/using/console-windows-requirements.md)? [exl-id-unpaired]"
    );
    assert!(text.lines().any(|l| l == expected), "{text}");
    assert!(
        text.contains("help: set `exl-id: 6c8a0d4d-8011-4fc3-9f13-27e0f2ecb508`"),
        "{text}"
    );
    let json = check(&scratch, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let unpaired = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "exl-id-unpaired")
        .expect("the unpaired id in JSON");
    assert_eq!(
        (unpaired["line"].as_u64(), unpaired["column"].as_u64()),
        (Some(7), Some(1))
    );
    assert_eq!(
        check(&scratch, &["--deny", "warnings"]).status.code(),
        Some(1)
    );
}

#[test]
fn a_translation_whose_exl_id_matches_nothing_is_unpaired() {
    let scratch = Scratch::new();
    edit_french_page(&scratch, |page| {
        page.replace(
            "6c8a0d4d-8011-4fc3-9f13-27e0f2ecb508",
            "00000000-1111-4222-8333-444444444444",
        )
    });
    let text = stdout(&check(&scratch, &[]));
    assert!(
        text.contains(&format!(
            "{FRENCH_PAGE}:7:1: warning: this translation's `exl-id: 00000000-1111-4222-8333-444444444444` matches no technote in another language [exl-id-unpaired]"
        )),
        "{text}"
    );
}

#[test]
fn a_technote_without_exl_id_is_reported_with_a_fresh_one_to_add() {
    let scratch = Scratch::new();
    edit_french_page(&scratch, |page| {
        page.lines()
            .filter(|l| !l.starts_with("exl-id:"))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    let text = stdout(&check(&scratch, &[]));
    let headline = format!(
        "{FRENCH_PAGE}:1:1: warning: this technote has no `exl-id`, so no translation can be paired with it [exl-id-missing]"
    );
    assert!(text.lines().any(|l| l == headline), "{text}");
    let help = text
        .lines()
        .skip_while(|l| *l != headline)
        .nth(1)
        .expect("help");
    let fresh = help
        .strip_prefix("  help: add `exl-id: ")
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("{help}"));
    assert_eq!(fresh.len(), 36, "{fresh}");
    assert_eq!(fresh.matches('-').count(), 4, "{fresh}");
}

#[test]
fn a_misspelt_front_matter_key_is_reported_with_the_key_it_meant() {
    let scratch = Scratch::new();
    edit_french_page(&scratch, |page| {
        page.replace("exl-id:", "exl_id:")
            .replace("description:", "descriptoin:")
    });
    let text = stdout(&check(&scratch, &[]));
    for (line, key, meant) in [(4, "descriptoin", "description"), (7, "exl_id", "exl-id")] {
        let expected = format!(
            "{FRENCH_PAGE}:{line}:1: warning: unknown front-matter key `{key}` is ignored; did you mean `{meant}`? [front-matter-unknown-key]"
        );
        assert!(text.lines().any(|l| l == expected), "{expected}\n{text}");
    }
}

#[test]
fn copied_english_strings_and_a_copied_technote_are_not_counted_as_translated() {
    let scratch = Scratch::new();
    let english = scratch.read("locales/en/site.ftl");
    scratch.write("locales/fr/site.ftl", &english);
    let source = scratch.read("content/en/technotes/using/console-windows-requirements.md");
    let french = scratch.read(FRENCH_PAGE);
    let french_front = french.split("\n---\n").next().expect("front matter");
    let english_body = source.split_once("\n---\n").expect("body").1;
    scratch.write(FRENCH_PAGE, format!("{french_front}\n---\n{english_body}"));
    let output = check(&scratch, &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let fr = &report["locales"][0];
    assert_eq!(fr["locale"], "fr");
    let (translated, total) = (fr["ui_translated"].as_u64(), fr["ui_total"].as_u64());
    assert!(translated < total, "{fr}");
    let unchanged = fr["ui_unchanged"].as_array().expect("unchanged");
    assert!(unchanged.iter().any(|id| id == "toc-title"), "{fr}");
    assert_eq!(fr["copied_technotes"][0], FRENCH_PAGE, "{fr}");
    let text = stdout(&check(&scratch, &[]));
    assert!(
        text.contains(&format!("  copied, not translated: {FRENCH_PAGE}")),
        "{text}"
    );
    assert!(text.contains("same text as the reference"), "{text}");
}

#[test]
fn outside_git_staleness_falls_back_to_the_recorded_source_hash() {
    let scratch = Scratch::new();
    let hash_help = |text: &str| -> String {
        let headline = text
            .lines()
            .position(|l| l.starts_with(FRENCH_PAGE) && l.ends_with("[translation-hash-missing]"))
            .unwrap_or_else(|| panic!("no hash warning:\n{text}"));
        let help = text.lines().nth(headline + 1).expect("help");
        help.strip_prefix("  help: once it matches the source, add `source-hash: ")
            .and_then(|rest| rest.split('`').next())
            .unwrap_or_else(|| panic!("{help}"))
            .to_string()
    };
    let hash = hash_help(&stdout(&check(&scratch, &[])));
    assert!(hash.starts_with("sha256:") && hash.len() == 71, "{hash}");
    edit_french_page(&scratch, |page| {
        page.replacen("---\n", &format!("---\nsource-hash: {hash}\n"), 1)
    });
    let text = stdout(&check(&scratch, &[]));
    assert!(
        !text.contains(&format!("{FRENCH_PAGE}:2:1: warning")),
        "{text}"
    );
    let source = "content/en/technotes/using/console-windows-requirements.md";
    let english = scratch.read(source);
    scratch.write(source, format!("{english}\nOne more sentence.\n"));
    let text = stdout(&check(&scratch, &[]));
    assert!(
        text.contains(&format!(
            "{FRENCH_PAGE}:2:1: warning: stale translation: {source} changed since its recorded `source-hash` [translation-stale]"
        )),
        "{text}"
    );
}

#[test]
fn a_yaml_mistake_is_shown_at_its_line_and_column_with_a_code_frame() {
    let scratch = Scratch::new();
    edit_french_page(&scratch, |page| {
        page.replacen("product: campaign", "product: campaign: classic", 1)
    });
    let output = check(&scratch, &[]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&format!("{FRENCH_PAGE}:2:18: error: ")))
        .unwrap_or_else(|| panic!("no error at 2:18:\n{text}"));
    assert!(lines[at].ends_with(" [front-matter-invalid]"), "{text}");
    assert_eq!(lines[at + 1], " 2 | product: campaign: classic");
    assert_eq!(lines[at + 2], "   |                  ^");
}

#[test]
fn sarif_output_annotates_each_problem_at_its_line_with_its_rule() {
    let scratch = Scratch::new();
    without_toc_title(&scratch);
    let output = check(&scratch, &["--format", "sarif"]);
    assert_eq!(output.status.code(), Some(0));
    let sarif: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let missing = results
        .iter()
        .find(|r| r["ruleId"] == "ftl-missing")
        .expect("the missing message");
    assert_eq!(missing["level"], "warning");
    assert_eq!(
        missing["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "locales/fr/site.ftl"
    );
    let denied = check(&scratch, &["--format", "sarif", "--deny", "warnings"]);
    assert_eq!(denied.status.code(), Some(1));
}

/// One mistake of a translator or writer, and where `check` must say so.
struct Mistake {
    name: &'static str,
    /// Breaks the scratch project.
    make: fn(&Scratch),
    file: &'static str,
    line: u64,
    column: u64,
    level: &'static str,
    code: &'static str,
}

const MISTAKES: &[Mistake] = &[
    Mistake {
        name: "an exl-id off by one digit",
        make: |s| edit_french_page(s, |p| p.replace("27e0f2ecb508", "27e0f2ecb509")),
        file: FRENCH_PAGE,
        line: 7,
        column: 1,
        level: "warning",
        code: "exl-id-unpaired",
    },
    Mistake {
        name: "no exl-id",
        make: |s| {
            edit_french_page(s, |p| {
                p.lines()
                    .filter(|l| !l.starts_with("exl-id:"))
                    .map(|l| format!("{l}\n"))
                    .collect()
            });
        },
        file: FRENCH_PAGE,
        line: 1,
        column: 1,
        level: "warning",
        code: "exl-id-missing",
    },
    Mistake {
        name: "a misspelt front-matter key",
        make: |s| edit_french_page(s, |p| p.replace("description:", "descriptoin:")),
        file: FRENCH_PAGE,
        line: 4,
        column: 1,
        level: "warning",
        code: "front-matter-unknown-key",
    },
    Mistake {
        name: "a YAML mistake",
        make: |s| {
            edit_french_page(s, |p| {
                p.replacen("product: campaign", "product: campaign: classic", 1)
            })
        },
        file: FRENCH_PAGE,
        line: 2,
        column: 18,
        level: "error",
        code: "front-matter-invalid",
    },
    Mistake {
        name: "a translated variable name",
        make: |s| {
            let ftl = s.read("locales/fr/search.ftl");
            s.write(
                "locales/fr/search.ftl",
                ftl.replace(
                    "search-status-many = { $count }",
                    "search-status-many = { $anzahl }",
                ),
            );
        },
        file: "locales/fr/search.ftl",
        line: 12,
        column: 24,
        level: "warning",
        code: "ftl-variable-unknown",
    },
    Mistake {
        name: "a plural variant French cannot select",
        make: |s| {
            let ftl = s.read("locales/fr/search.ftl");
            s.write(
                "locales/fr/search.ftl",
                ftl.replace(
                    "search-status-many = { $count } résultats.",
                    "search-status-many = { $count ->\n    [few] { $count } résultats.\n   *[other] { $count } résultats.\n}",
                ),
            );
        },
        file: "locales/fr/search.ftl",
        line: 13,
        column: 6,
        level: "warning",
        code: "plural-impossible",
    },
    Mistake {
        name: "a page no TOC.md lists, in a locale with TOCs",
        make: |s| {
            s.write(
                "content/en/TOC.md",
                "# Technotes\n\n+ [IMS migration](technotes/using/ims-migration.md)\n+ [Sign-in update](technotes/using/ims-sign-in-update.md)\n+ [Privacy](technotes/using/checker-privacy.md)\n",
            );
        },
        file: "content/en/technotes/using/console-windows-requirements.md",
        line: 1,
        column: 1,
        level: "warning",
        code: "page-unlisted",
    },
    Mistake {
        name: "a link to a page that does not exist",
        make: |s| {
            let page = s.read(FRENCH_PAGE);
            s.write(
                FRENCH_PAGE,
                format!("{page}\nVoir [la suite](nulle-part.md).\n"),
            );
        },
        file: FRENCH_PAGE,
        line: 0,
        column: 6,
        level: "error",
        code: "link-missing-page",
    },
];

/// The line of `file` that is last in the scratch project (0 in a mistake).
fn last_line(scratch: &Scratch, file: &str) -> u64 {
    scratch.read(file).lines().count() as u64
}

#[test]
fn each_mistake_is_reported_with_its_code_and_position_and_the_exit_codes_of_text_json_and_deny() {
    for mistake in MISTAKES {
        let scratch = Scratch::new();
        (mistake.make)(&scratch);
        let line = match mistake.line {
            0 => last_line(&scratch, mistake.file),
            line => line,
        };
        let column = mistake.column;
        let fails = Some(i32::from(mistake.level == "error"));
        let name = mistake.name;

        let text = check(&scratch, &[]);
        let printed = stdout(&text);
        let start = format!("{}:{line}:{column}: {}: ", mistake.file, mistake.level);
        let end = format!(" [{}]", mistake.code);
        assert!(
            printed
                .lines()
                .any(|l| l.starts_with(&start) && l.ends_with(&end)),
            "{name}: no line `{start}… {end}`:\n{printed}"
        );
        assert_eq!(
            text.status.code(),
            fails,
            "{name}: text exit code\n{printed}"
        );

        let json = check(&scratch, &["--format", "json"]);
        assert_eq!(json.status.code(), fails, "{name}: JSON exit code");
        let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
        let found = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| {
                d["code"] == mistake.code
                    && d["file"] == mistake.file
                    && d["line"].as_u64() == Some(line)
                    && d["column"].as_u64() == Some(column)
                    && d["severity"] == mistake.level
            });
        assert!(found, "{name}: not in JSON at {line}:{column}: {report}");

        let denied = check(&scratch, &["--deny", "warnings"]);
        assert_eq!(
            denied.status.code(),
            Some(1),
            "{name}: --deny warnings must fail"
        );
    }
}
