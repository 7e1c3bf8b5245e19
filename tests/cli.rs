//! The command line's manners: a reader that stops early (`| head`) ends
//! a command quietly, never with a panic, and every usage error exits 2.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use common::{Scratch, stderr, technote};

const HEADER: &str = "machine,sign-in,hosting,server,console,windows,windows-updated,ie";

fn technote_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_technote"));
    command.args(args);
    command
}

#[test]
fn a_fleet_piped_into_head_ends_quietly_with_status_0() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fleet.csv");
    let rows = "pc,adobe-id,on-premise,20.2.4,20.2.4,windows-10,yes,11\n".repeat(50_000);
    std::fs::write(&path, format!("{HEADER}\n{rows}")).expect("write csv");
    for format in [None, Some("--json")] {
        let mut args = vec!["verdict", "--csv", path.to_str().expect("UTF-8 path")];
        args.extend(format);
        let mut child = technote_command(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("technote starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut first)
            .expect("a first line");
        assert!(
            first.contains("line 2") || first.contains(r#""line":2"#),
            "{first}"
        );
        // The reader is gone, as when `head -1` has its line.
        let output = child.wait_with_output().expect("technote ends");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format:?}: {}",
            stderr(&output)
        );
        assert!(output.stderr.is_empty(), "{format:?}: {}", stderr(&output));
    }
}

/// Runs `args` with stdout, or stderr, closed from the start; returns
/// (status with the stream open, status with it closed, stderr when closed).
fn with_closed(args: &[&str], close_stdout: bool) -> (Option<i32>, Option<i32>, String) {
    let open = technote(args);
    let mut command = technote_command(args);
    let mut child = if close_stdout {
        command.stdout(Stdio::piped()).stderr(Stdio::piped())
    } else {
        command.stdout(Stdio::null()).stderr(Stdio::piped())
    }
    .spawn()
    .expect("technote starts");
    let closed = if close_stdout {
        drop(child.stdout.take());
        child.wait_with_output().expect("technote ends")
    } else {
        drop(child.stderr.take());
        child.wait_with_output().expect("technote ends")
    };
    (open.status.code(), closed.status.code(), stderr(&closed))
}

/// `technote verdict … | head`: one verdict, with and without `--check`,
/// in words and as JSON, printed to a reader that is already gone.
#[test]
fn a_single_verdict_piped_into_a_closed_reader_ends_quietly() {
    let answers = [
        "--sign-in",
        "adobe-id",
        "--hosting",
        "on-premise",
        "--server",
        "20.2.4",
        "--console",
        "20.2.4",
    ];
    for (check, format) in [
        (None, None),
        (None, Some("--json")),
        (Some("ims-2021"), None),
        (Some("ims-2021"), Some("--json")),
    ] {
        let mut args = vec!["verdict"];
        if let Some(check) = check {
            args.extend(["--check", check]);
        }
        args.extend(format);
        args.extend(answers);
        let (open, closed, stderr) = with_closed(&args, true);
        // Action needed: 1 without `--check`, a decided status (0) with it.
        let expected = if check.is_some() { 0 } else { 1 };
        assert_eq!(open, Some(expected), "{args:?}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            closed == open || closed == Some(0),
            "{args:?}: {closed:?} against {open:?}: {stderr}"
        );
    }
}

#[test]
fn check_and_build_keep_their_status_when_nobody_reads_them() {
    let scratch = Scratch::new();
    let root = scratch.root().to_string_lossy().into_owned();
    for format in ["text", "json"] {
        let (open, closed, stderr) =
            with_closed(&["check", "--root", &root, "--format", format], true);
        assert!(
            open.is_some_and(|code| code <= 1),
            "check --format {format}"
        );
        assert_eq!(closed, open, "check --format {format}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let (open, closed, _) = with_closed(&["build", "--root", &root], false);
    assert!(open.is_some_and(|code| code <= 1));
    assert_eq!(closed, open);

    scratch.write("content/en/broken.md", "---\ntitle: [unclosed\n---\n");
    let (open, closed, _) = with_closed(&["build", "--root", &root], false);
    assert_eq!(
        (open, closed),
        (Some(1), Some(1)),
        "a failed build fails whoever reads it"
    );
    let (open, closed, stderr) = with_closed(&["check", "--root", &root], true);
    assert_eq!((open, closed), (Some(1), Some(1)), "{stderr}");
}

#[test]
fn every_subcommand_exits_2_on_a_usage_error() {
    for args in [
        vec!["no-such-command"],
        vec!["build", "--no-such-flag"],
        vec!["build", "--root"],
        vec!["check", "--format", "xml"],
        vec!["check", "--deny", "errors"],
        vec!["serve", "--address", "localhost"],
        vec!["serve", "--no-such-flag"],
        vec!["verdict", "--json=maybe"],
        vec!["bench", "--pages", "many"],
        vec!["bench", "--pages", "0"],
        vec!["bench", "--runs", "0"],
    ] {
        let output = technote(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn project_paths_that_are_not_there_are_usage_errors_naming_them() {
    let scratch = Scratch::new();
    let root = scratch.root().to_string_lossy().into_owned();
    let missing = scratch.root().join("no-such-folder");
    let missing = missing.to_string_lossy().into_owned();
    for (args, named) in [
        (vec!["build", "--root", &missing], &missing),
        (vec!["check", "--root", &missing], &missing),
        (
            vec!["serve", "--root", &missing, "--address", "127.0.0.1:0"],
            &missing,
        ),
        (
            vec!["build", "--root", &root, "--config", &missing],
            &missing,
        ),
        (
            vec!["check", "--root", &root, "--content", &missing],
            &missing,
        ),
    ] {
        let output = technote(&args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(named.as_str()),
            "{}",
            stderr(&output)
        );
    }
    assert!(!scratch.out().exists());
}

#[test]
fn messages_quote_the_input_as_written_when_run_from_the_project_folder() {
    let scratch = Scratch::new();
    scratch.write(
        "content/en/links.md",
        "---\ntitle: Links\n---\n\n# Links {#links}\n\n\
         See [the file](../../etc/passwd) and [this](./missing.md).\n",
    );
    let output = technote_command(&["build"])
        .current_dir(scratch.root())
        .output()
        .expect("technote runs");
    let stderr = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("content/en/links.md:7:5: error: `../../etc/passwd` climbs out"),
        "{stderr}"
    );
    assert!(stderr.contains("link to `./missing.md`"), "{stderr}");
}
