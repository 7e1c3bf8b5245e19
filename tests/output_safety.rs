//! A build replaces its output folder whole: these tests point `--out` at
//! folders that must survive (sources, the project, a home folder, a folder
//! of someone's files) and check that every file there is left as it was.
//! Every folder is a scratch copy: no test touches a real folder.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{Scratch, stderr};

/// Every file below `dir` with its bytes, to compare a tree before and after.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("read dir") {
            let entry = entry.expect("entry");
            if entry.file_type().expect("type").is_dir() {
                pending.push(entry.path());
            } else {
                let bytes = fs::read(entry.path()).expect("read");
                files.insert(entry.path(), bytes);
            }
        }
    }
    files
}

/// `technote build` of the scratch project into `out`, with `home` as the
/// home folder.
fn build_into(project: &Scratch, out: &Path, home: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_technote"))
        .arg("build")
        .arg("--root")
        .arg(project.root())
        .arg("--out")
        .arg(out)
        .args(extra)
        .env("HOME", home)
        .current_dir(project.root())
        .output()
        .expect("the technote binary runs")
}

#[test]
fn the_project_its_sources_and_the_home_folder_are_never_replaced() {
    let project = Scratch::new();
    let home = tempfile::tempdir().expect("home");
    fs::write(home.path().join("thesis.txt"), "years of work").expect("write");
    let before = snapshot(project.root());
    let home_before = snapshot(home.path());
    let parent = project.root().parent().expect("parent").to_path_buf();
    let cases: [(PathBuf, &str); 7] = [
        (project.root().join("content"), "is the content folder"),
        (
            project.root().join("content/en"),
            "lies inside the content folder",
        ),
        (project.root().join("templates"), "is the templates folder"),
        (project.root().join("locales"), "is the locales folder"),
        (project.root().join("www"), "is the www folder"),
        (project.root().to_path_buf(), "is the project folder"),
        (home.path().to_path_buf(), "is your home folder"),
    ];
    for (out, expected) in &cases {
        for force in [&[][..], &["--force"][..]] {
            let output = build_into(&project, out, home.path(), force);
            let message = stderr(&output);
            assert_eq!(
                output.status.code(),
                Some(1),
                "{out:?} {force:?}: {message}"
            );
            assert!(message.contains(expected), "{out:?}: {message}");
            assert!(
                message.contains("--force does not lift this"),
                "{out:?}: {message}"
            );
        }
    }
    // Named as `.` from inside the project, it is still named in the message.
    let dot = Command::new(env!("CARGO_BIN_EXE_technote"))
        .args(["build", "--out", "."])
        .env("HOME", home.path())
        .current_dir(project.root())
        .output()
        .expect("the technote binary runs");
    assert!(
        stderr(&dot).starts_with(".: error: the output folder is the project folder"),
        "{}",
        stderr(&dot)
    );
    // The folder above the project holds it.
    let output = build_into(&project, &parent, home.path(), &["--force"]);
    assert!(
        stderr(&output).contains("holds the project folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(project.root()), before, "no source was touched");
    assert_eq!(
        snapshot(home.path()),
        home_before,
        "the home folder is intact"
    );
}

#[test]
fn a_folder_of_other_files_is_replaced_only_with_force() {
    let project = Scratch::new();
    let elsewhere = tempfile::tempdir().expect("elsewhere");
    let notes = elsewhere.path().join("notes");
    fs::create_dir_all(notes.join("2026")).expect("mkdir");
    fs::write(notes.join("todo.txt"), "call the vendor").expect("write");
    fs::write(notes.join("2026/plan.md"), "# Plan").expect("write");
    let before = snapshot(&notes);

    let refused = build_into(&project, &notes, elsewhere.path(), &[]);
    let message = stderr(&refused);
    assert_eq!(refused.status.code(), Some(1), "{message}");
    assert!(
        message.contains("holds files technote did not write (`2026`, `todo.txt`)"),
        "{message}"
    );
    assert!(message.contains("--force"), "{message}");
    assert_eq!(snapshot(&notes), before, "nothing was deleted");

    let forced = build_into(&project, &notes, elsewhere.path(), &["--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(notes.join("en/index.html").is_file());
    assert!(
        !notes.join("todo.txt").exists(),
        "--force replaced the folder"
    );
}

#[test]
fn a_site_technote_wrote_is_replaced_by_the_next_build() {
    let project = Scratch::new();
    let home = tempfile::tempdir().expect("home");
    let out = project.out();
    let first = build_into(&project, &out, home.path(), &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        out.join(".technote-site").is_file(),
        "every site carries its marker"
    );
    let second = build_into(&project, &out, home.path(), &[]);
    assert!(second.status.success(), "{}", stderr(&second));
    // An empty folder is fine too.
    let empty = tempfile::tempdir().expect("empty");
    let into_empty = build_into(&project, empty.path(), home.path(), &[]);
    assert!(into_empty.status.success(), "{}", stderr(&into_empty));
}

#[test]
fn serve_and_bench_refuse_the_same_folders() {
    let project = Scratch::new();
    let home = tempfile::tempdir().expect("home");
    let before = snapshot(project.root());
    let content = project.root().join("content");
    let serve = Command::new(env!("CARGO_BIN_EXE_technote"))
        .args(["serve", "--address", "127.0.0.1:0", "--root"])
        .arg(project.root())
        .arg("--out")
        .arg(&content)
        .env("HOME", home.path())
        .output()
        .expect("technote serve runs");
    assert_ne!(serve.status.code(), Some(0));
    assert!(
        stderr(&serve).contains("is the content folder"),
        "{}",
        stderr(&serve)
    );

    let work = tempfile::tempdir().expect("work");
    fs::write(work.path().join("report.ods"), "figures").expect("write");
    let bench = Command::new(env!("CARGO_BIN_EXE_technote"))
        .args(["bench", "--pages", "4", "--runs", "1", "--root"])
        .arg(project.root())
        .arg("--out")
        .arg(work.path())
        .env("HOME", home.path())
        .output()
        .expect("technote bench runs");
    let message = stderr(&bench);
    assert_ne!(bench.status.code(), Some(0), "{message}");
    assert!(message.contains("`report.ods`"), "{message}");
    assert_eq!(
        fs::read_to_string(work.path().join("report.ods")).expect("kept"),
        "figures"
    );
    assert_eq!(snapshot(project.root()), before);
}
