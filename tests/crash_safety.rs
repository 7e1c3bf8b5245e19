//! A build killed at any instant (SIGKILL: no destructor, no cleanup) leaves
//! the output folder exactly as one complete build wrote it, the previous
//! one or, when the kill came after the swap, the new one; never a mix.
//! The next build clears the staging folders killed builds left behind.
//!
//! The project gets a few hundred generated pages so that a build lasts
//! long enough to be hit in the middle. The kills land at random instants
//! within a measured build time; the seed is printed for reruns
//! (`TECHNOTE_CRASH_SEED=<seed>`).

#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::{Scratch, files, stderr};

const GENERATED_PAGES: usize = 400;
const KILLS: usize = 8;

/// Two versions of the generated pages; each build turns the site from one
/// into the other, so a killed build's output is recognisable.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Version {
    First,
    Second,
}

impl Version {
    fn other(self) -> Self {
        match self {
            Version::First => Version::Second,
            Version::Second => Version::First,
        }
    }
}

type Snapshot = BTreeMap<PathBuf, Vec<u8>>;

fn snapshot(out: &Path) -> Snapshot {
    files(out)
        .into_iter()
        .map(|file| {
            let bytes = fs::read(out.join(&file)).expect("read a built file");
            (file, bytes)
        })
        .collect()
}

/// Writes the generated pages of `version` into the project.
fn write_pages(scratch: &Scratch, version: Version) {
    for index in 0..GENERATED_PAGES {
        scratch.write(
            &format!("content/en/generated/page-{index:04}.md"),
            page(index, version),
        );
    }
}

fn page(index: usize, version: Version) -> String {
    let mut body = format!(
        "---\ntitle: Generated technote {index} ({version:?})\nfeature: Generated\n---\n\n\
         Page {index} in its {version:?} version.\n"
    );
    for section in 0..12 {
        body.push_str(&format!(
            "\n## Section {section} {{#section-{section}}}\n\n\
             Operators sign in with an **Adobe ID** through [!DNL IMS]; see [section 0](#section-0).\n\n\
             * The server runs build 9{section:03}.\n* The console matches it.\n\n\
             >[!NOTE]\n>\n>Keep the console and the server on the same build ({version:?}).\n"
        ));
    }
    body
}

fn build(scratch: &Scratch) -> std::process::Output {
    let output = scratch.build();
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

/// The reference output of each version, built in a project of its own.
fn reference(version: Version) -> Snapshot {
    let scratch = Scratch::new();
    write_pages(&scratch, version);
    build(&scratch);
    snapshot(&scratch.out())
}

/// xorshift64*: enough to spread kill instants, and reproducible from a seed.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1)
    }
}

fn seed() -> u64 {
    std::env::var("TECHNOTE_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
                | 1
        })
}

fn litter(root: &Path) -> Vec<String> {
    fs::read_dir(root)
        .expect("read the project folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            name.starts_with(".technote-staging-") || name.starts_with(".technote-retired-")
        })
        .collect()
}

#[test]
fn a_build_killed_at_any_instant_leaves_one_whole_site_and_the_next_clears_its_litter() {
    let references = [
        (Version::First, reference(Version::First)),
        (Version::Second, reference(Version::Second)),
    ];
    let site_of = |output: &Snapshot| {
        references
            .iter()
            .find(|(_, reference)| reference == output)
            .map(|(version, _)| *version)
    };

    let scratch = Scratch::new();
    write_pages(&scratch, Version::First);
    let started = Instant::now();
    build(&scratch);
    let build_time = started.elapsed();
    let mut current = Version::First;
    assert_eq!(site_of(&snapshot(&scratch.out())), Some(current));

    let seed = seed();
    println!("seed {seed}, one build takes {build_time:?}");
    let mut random = Random(seed);
    let root = scratch.root().to_string_lossy().into_owned();
    let mut killed_while_running = 0;
    for kill in 0..KILLS {
        write_pages(&scratch, current.other());
        let delay = Duration::from_micros(random.below(build_time.as_micros() as u64));
        let mut child = Command::new(env!("CARGO_BIN_EXE_technote"))
            .args(["build", "--root", &root])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a build");
        std::thread::sleep(delay);
        if child.try_wait().expect("poll the build").is_none() {
            killed_while_running += 1;
        }
        child.kill().expect("SIGKILL the build");
        child.wait().expect("reap the build");

        match site_of(&snapshot(&scratch.out())) {
            Some(version) => {
                println!("kill {kill} after {delay:?}: the output is the {version:?} site");
                current = version;
            }
            None => panic!(
                "seed {seed}: after a kill {delay:?} into the build, the output is neither \
                 the previous site nor the next one"
            ),
        }
    }
    // How many kills land inside a build depends on the machine's load; one
    // is enough for the run to have tested something.
    assert!(
        killed_while_running >= 1,
        "seed {seed}: none of the {KILLS} kills hit a running build"
    );

    write_pages(&scratch, current.other());
    build(&scratch);
    assert_eq!(site_of(&snapshot(&scratch.out())), Some(current.other()));
    assert_eq!(litter(scratch.root()), Vec::<String>::new());
}
