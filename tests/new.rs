//! `technote new locale` and `technote new technote`, end to end: each
//! ends in a clean `technote check`, and neither overwrites anything.

mod common;

use common::{Scratch, stderr, technote};

fn run(scratch: &Scratch, args: &[&str]) -> std::process::Output {
    let root = scratch.root().to_string_lossy().into_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--root", &root]);
    technote(&all)
}

/// The scratch project as a git repository with everything committed, as
/// a translator's checkout is.
fn commit_all(scratch: &Scratch) {
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &[
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.org",
            "commit",
            "-q",
            "-m",
            "all",
        ],
    ] {
        let output = std::process::Command::new("git")
            .arg("-C")
            .arg(scratch.root())
            .args(args)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
    }
}

/// The scratch project as a translator's checkout: in git, its shipped
/// translations recording a revision of that repository.
fn as_a_checkout(scratch: &Scratch) {
    commit_all(scratch);
    let head = std::process::Command::new("git")
        .arg("-C")
        .arg(scratch.root())
        .args(["rev-parse", "HEAD"])
        .output()
        .expect("git runs");
    let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
    let french = scratch.root().join("content/fr/technotes/using");
    for entry in std::fs::read_dir(&french).expect("French pages") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let recorded: String = text
            .lines()
            .map(|l| match l.starts_with("source-git-commit:") {
                true => format!("source-git-commit: {head}\n"),
                false => format!("{l}\n"),
            })
            .collect();
        std::fs::write(&path, recorded).expect("write");
    }
    commit_all(scratch);
}

/// `technote check --deny warnings` on the scratch project, which must pass.
fn assert_clean(scratch: &Scratch) -> String {
    let output = run(scratch, &["check", "--deny", "warnings"]);
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(output.status.success(), "{text}{}", stderr(&output));
    text
}

#[test]
fn a_new_locale_is_configured_with_every_message_to_translate_and_checks_clean() {
    let scratch = Scratch::new();
    as_a_checkout(&scratch);
    let output = run(&scratch, &["new", "locale", "de"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let config = scratch.read("technote.toml");
    assert!(
        config.contains("locales = [\"fr\", \"en\", \"de\"]"),
        "{config}"
    );
    let english = scratch.read("locales/en/site.ftl");
    let german = scratch.read("locales/de/site.ftl");
    assert!(
        german.starts_with("### Copied from locales/en/"),
        "{german}"
    );
    assert!(german.ends_with(&english));
    assert!(scratch.root().join("content/de").is_dir());
    let text = assert_clean(&scratch);
    let coverage = text
        .lines()
        .find(|l| l.starts_with("de: interface 0/"))
        .unwrap_or_else(|| panic!("German is not reported as untranslated:\n{text}"));
    assert!(coverage.contains("technotes 0/"), "{coverage}");
    assert!(
        text.contains(
            "  every string is still the reference's text: translate locales/de/*.ftl (`--format json` lists them)"
        ),
        "{text}"
    );
    assert!(!text.contains("same text as the reference"), "{text}");

    let again = run(&scratch, &["new", "locale", "de"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("error: locale `de` is already in `locales`"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        scratch.read("technote.toml"),
        config,
        "the config was touched"
    );
}

#[test]
fn a_new_technote_gets_a_fresh_exl_id_and_a_translation_records_its_source() {
    let scratch = Scratch::new();
    as_a_checkout(&scratch);
    let page = scratch
        .root()
        .join("content/en/technotes/using/new-page.md");
    let page_arg = page.to_string_lossy().into_owned();
    let output = run(&scratch, &["new", "technote", &page_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = scratch.read("content/en/technotes/using/new-page.md");
    assert!(
        written.starts_with("---\ntitle: New page\nexl-id: "),
        "{written}"
    );
    assert_clean(&scratch);

    let translation = scratch
        .root()
        .join("content/fr/technotes/using/new-page.md");
    let translation_arg = translation.to_string_lossy().into_owned();
    // Not committed yet: no revision holds the text to translate.
    let refused = run(
        &scratch,
        &["new", "technote", &translation_arg, "--from", &page_arg],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("commit the source first"),
        "{}",
        stderr(&refused)
    );
    assert!(!translation.exists());
    commit_all(&scratch);
    let output = run(
        &scratch,
        &["new", "technote", &translation_arg, "--from", &page_arg],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let french = scratch.read("content/fr/technotes/using/new-page.md");
    let id_line = written.lines().nth(2).expect("exl-id line");
    assert!(french.contains(id_line), "{french}");
    assert!(french.contains("\nsource-git-commit: "), "{french}");
    let text = assert_clean(&scratch);
    assert!(
        text.contains("copied, not translated: content/fr/technotes/using/new-page.md"),
        "{text}"
    );

    let again = run(&scratch, &["new", "technote", &translation_arg]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("this file exists already"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        scratch.read("content/fr/technotes/using/new-page.md"),
        french
    );
}
