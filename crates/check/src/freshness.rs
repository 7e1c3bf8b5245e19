//! Stale translations. A translation records in `source-git-commit` the git
//! revision of its source file it was translated from (the Experience League
//! convention). It is stale when the source's body (front matter aside) has
//! changed since that revision. A translator marks it up to date by setting
//! `source-git-commit` to the revision `check` suggests.
//!
//! Git runs twice however many pages there are: once for the history of the
//! content folder (renames followed), once for the sources as they were at
//! the recorded revisions (`git cat-file --batch`). A project outside a git
//! work tree has no history to compare with: its translations record their
//! source's body hash instead (`source-hash`, see [`source_hash`]).

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rayon::prelude::*;
use technote_content::SiteConfig;
use technote_diagnostics::Diagnostic;
use technote_site::CheckedPage;

use crate::front_lines::key_or_top;
use crate::source_hash;

/// Marks the start of each commit in the history git prints.
const COMMIT_MARK: char = '\u{1}';

pub fn stale_translations(
    root: &Path,
    content: &Path,
    pages: &[CheckedPage],
    config: &SiteConfig,
) -> Vec<Diagnostic> {
    let pairs = translations_and_sources(pages, config);
    // The sources of a locale read from a folder of its own (`[content]`:
    // an Experience League repository's `help/`, anywhere on disk) have
    // that folder's repository for history, not the project's.
    let mut by_folder: BTreeMap<PathBuf, Vec<Pair<'_>>> = BTreeMap::new();
    for pair in pairs {
        let folder = config.content_folder(content, &pair.1.file.locale);
        by_folder.entry(folder).or_default().push(pair);
    }
    by_folder
        .iter()
        .flat_map(|(folder, pairs)| stale_in(root, folder, pairs, config))
        .collect()
}

/// A translation and the page it was translated from.
type Pair<'p> = (&'p CheckedPage, &'p CheckedPage);

/// The stale translations among `pairs`, whose sources lie in `folder`.
fn stale_in(
    root: &Path,
    folder: &Path,
    pairs: &[Pair<'_>],
    config: &SiteConfig,
) -> Vec<Diagnostic> {
    let Some(repository) = Repository::containing(folder) else {
        return by_hash(root, pairs, config);
    };
    let Some(history) = repository.history(folder) else {
        return by_hash(root, pairs, config);
    };
    let checks: Vec<Check<'_>> = pairs
        .iter()
        .copied()
        .filter_map(|(translation, source)| {
            let source_path = repository.relative(&source.file.path)?;
            let revisions = history.of(&source_path);
            let shown = source
                .file
                .path
                .strip_prefix(root)
                .unwrap_or(&source.file.path)
                .display()
                .to_string();
            let recorded = recorded_revision(translation, &revisions);
            (!revisions.is_empty()).then_some(Check {
                translation,
                source,
                shown,
                revisions,
                recorded,
            })
        })
        .collect();
    // The latest revision too: a source edited since it, not committed yet,
    // has no revision a translation could record.
    let wanted: Vec<(String, String)> = checks
        .iter()
        .flat_map(|check| {
            check
                .recorded
                .clone()
                .into_iter()
                .chain(check.revisions.first().cloned())
        })
        .collect();
    let then = repository.files_at(&wanted);
    checks
        .par_iter()
        .filter_map(|check| check.diagnostic(&then, config))
        .collect()
}

/// Staleness by `source-hash`, for a project git cannot tell about.
fn by_hash(root: &Path, pairs: &[Pair<'_>], config: &SiteConfig) -> Vec<Diagnostic> {
    pairs
        .par_iter()
        .filter_map(|(translation, source)| {
            let now = technote_content::read_source(&source.file.path, &config.limits).ok()?;
            let body = body(&source.file.path, &now, config)?;
            let shown = source
                .file
                .path
                .strip_prefix(root)
                .unwrap_or(&source.file.path);
            source_hash::check(translation, &shown.display().to_string(), &body, config)
        })
        .collect()
}

/// Each translation with the page it was translated from: the untranslated
/// page with the same `exl-id`, in the reference locale when there are several.
fn translations_and_sources<'p>(pages: &'p [CheckedPage], config: &SiteConfig) -> Vec<Pair<'p>> {
    let mut sources: HashMap<&str, &CheckedPage> = HashMap::new();
    for page in pages.iter().filter(|p| p.front.workflow_type.is_none()) {
        let Some(id) = page.front.exl_id.as_deref() else {
            continue;
        };
        let in_reference = page.file.locale == config.reference_locale;
        sources
            .entry(id)
            .and_modify(|kept| {
                if in_reference && kept.file.locale != config.reference_locale {
                    *kept = page;
                }
            })
            .or_insert(page);
    }
    pages
        .iter()
        .filter(|p| p.front.workflow_type.is_some())
        .filter_map(|translation| {
            let source = sources.get(translation.front.exl_id.as_deref()?)?;
            Some((translation, *source))
        })
        .collect()
}

/// One translation to compare with its source's history.
struct Check<'p> {
    translation: &'p CheckedPage,
    source: &'p CheckedPage,
    /// The source's path as the writer sees it: relative to the project.
    shown: String,
    /// (commit, path then), newest first.
    revisions: Vec<(String, String)>,
    /// The revision the translation records, when it is one of `revisions`.
    recorded: Option<(String, String)>,
}

/// The revision `translation` records, as (commit, path then), when it is
/// one of the source's `revisions`.
fn recorded_revision(
    translation: &CheckedPage,
    revisions: &[(String, String)],
) -> Option<(String, String)> {
    let recorded = translation.front.source_git_commit.as_deref()?;
    revisions
        .iter()
        .find(|(commit, _)| !recorded.is_empty() && commit.starts_with(recorded))
        .cloned()
}

impl Check<'_> {
    fn latest(&self) -> &str {
        self.revisions.first().map_or("", |(commit, _)| commit)
    }

    fn diagnostic(
        &self,
        then: &HashMap<(String, String), Vec<u8>>,
        config: &SiteConfig,
    ) -> Option<Diagnostic> {
        let file = &self.translation.file.path;
        let source_path = &self.shown;
        let latest = self.latest();
        let Some(recorded) = self.translation.front.source_git_commit.as_deref() else {
            return Some(
                Diagnostic::warning(file, format!("this translation does not record which revision of {source_path} it was made from"))
                    .at_line(1)
                    .with_code("translation-revision-missing")
                    .with_help(format!("add `source-git-commit: {latest}` to its front matter once it matches the source")),
            );
        };
        let Some(revision) = &self.recorded else {
            return Some(
                Diagnostic::warning(
                    file,
                    format!("`source-git-commit: {recorded}` is not a revision of {source_path}"),
                )
                .at_line(1)
                .with_code("translation-revision-unknown")
                .with_help(format!(
                    "set it to the revision the translation matches; the latest is {latest}"
                )),
            );
        };
        let body_then = body(&self.source.file.path, then.get(revision)?, config)?;
        let now = technote_content::read_source(&self.source.file.path, &config.limits).ok()?;
        let body_now = body(&self.source.file.path, &now, config)?;
        // Most translations are up to date: nothing more to read for them.
        if body_then == body_now {
            return None;
        }
        let commit = &revision.0;
        let uncommitted = self
            .revisions
            .first()
            .and_then(|latest| then.get(latest))
            .and_then(|bytes| body(&self.source.file.path, bytes, config))
            .is_some_and(|body_latest| body_latest != body_now);
        let help = if uncommitted {
            format!(
                "{source_path} has changes no commit holds yet: commit it, update this translation (`git diff {commit} -- {source_path}`), then set `source-git-commit` to that new commit"
            )
        } else {
            format!(
                "see `git diff {commit} -- {source_path}`, update this translation, then set `source-git-commit: {latest}`"
            )
        };
        let (line, column) = key_or_top(file, config, "source-git-commit");
        Some(
            Diagnostic::warning(
                file,
                format!(
                    "stale translation: {source_path} changed since revision {}",
                    &commit[..commit.len().min(12)]
                ),
            )
            .at(line, column)
            .with_code("translation-stale")
            .with_help(help),
        )
    }
}

fn body(path: &Path, bytes: &[u8], config: &SiteConfig) -> Option<String> {
    technote_content::source_body(path, bytes, &config.limits)
        .ok()
        .map(|(body, _)| body)
}

/// The git work tree a project lives in.
struct Repository {
    root: PathBuf,
    /// The project's folder relative to the work tree's top folder, which
    /// git's paths are relative to.
    root_in_repository: PathBuf,
}

impl Repository {
    fn containing(root: &Path) -> Option<Self> {
        let top = git(root, &["rev-parse", "--show-toplevel"])?;
        let top = std::fs::canonicalize(top.trim_end_matches('\n')).ok()?;
        let root_in_repository = std::fs::canonicalize(root)
            .ok()?
            .strip_prefix(&top)
            .ok()?
            .to_path_buf();
        Some(Self {
            root: root.to_path_buf(),
            root_in_repository,
        })
    }

    /// `path` (inside the project) as git names it: relative to the top
    /// folder, `/`-separated. Only the project's folder is resolved (once):
    /// thousands of pages would otherwise cost a `realpath` each.
    fn relative(&self, path: &Path) -> Option<String> {
        let inside = self
            .root_in_repository
            .join(path.strip_prefix(&self.root).ok()?);
        let parts: Vec<&str> = inside
            .components()
            .map(|c| c.as_os_str().to_str())
            .collect::<Option<_>>()?;
        Some(parts.join("/"))
    }

    /// Every commit that changed a file below `folder`, with what it changed.
    fn history(&self, folder: &Path) -> Option<History> {
        let folder = self.relative(folder)?;
        let log = git(
            &self.root,
            &[
                "log",
                "-z",
                "-M",
                "--name-status",
                &format!("--format={COMMIT_MARK}%H"),
                "--",
                &format!(":(top){folder}"),
            ],
        )?;
        Some(History::parse(&log))
    }

    /// The contents of each (commit, path), as far as git has them.
    fn files_at(&self, wanted: &[(String, String)]) -> HashMap<(String, String), Vec<u8>> {
        let mut found = HashMap::new();
        let Ok(mut child) = Command::new("git")
            .arg("-C")
            .arg(&self.root)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
        else {
            return found;
        };
        // Git answers each line in order; a separate thread feeds it so that
        // neither side waits on a full pipe.
        let requests: Vec<(String, String)> = wanted
            .iter()
            .filter(|(_, path)| !path.contains('\n'))
            .cloned()
            .collect();
        let lines: String = requests
            .iter()
            .map(|(commit, path)| format!("{commit}:{path}\n"))
            .collect();
        let Some(mut stdin) = child.stdin.take() else {
            return found;
        };
        let feeder = std::thread::spawn(move || stdin.write_all(lines.as_bytes()));
        if let Some(stdout) = child.stdout.take() {
            let mut answers = BufReader::new(stdout);
            for request in requests {
                match read_object(&mut answers) {
                    Some(Some(bytes)) => {
                        found.insert(request, bytes);
                    }
                    Some(None) => {}
                    None => break,
                }
            }
        }
        let _ = feeder.join();
        let _ = child.wait();
        found
    }
}

/// One answer of `git cat-file --batch`: `Some(None)` for a missing object,
/// `None` when the stream ends or cannot be read.
fn read_object(answers: &mut impl BufRead) -> Option<Option<Vec<u8>>> {
    let mut header = String::new();
    if answers.read_line(&mut header).ok()? == 0 {
        return None;
    }
    let mut fields = header.split_whitespace();
    let (_, kind, size) = (fields.next()?, fields.next()?, fields.next());
    let Some(size) = size.and_then(|s| s.parse::<usize>().ok()) else {
        // `<name> missing` or `<name> ambiguous`.
        return Some(None);
    };
    let mut contents = vec![0; size + 1];
    answers.read_exact(&mut contents).ok()?;
    contents.pop();
    Some((kind == "blob").then_some(contents))
}

/// A folder's history: for each path, the commits that changed it.
struct History {
    /// Commit ids, newest first.
    commits: Vec<String>,
    /// Path → (commit number, the path it was renamed or copied from), in
    /// commit order.
    changes: HashMap<String, Vec<(usize, Option<String>)>>,
}

impl History {
    /// Reads `git log -z --name-status --format=<COMMIT_MARK>%H`.
    fn parse(log: &str) -> Self {
        let mut history = Self {
            commits: Vec::new(),
            changes: HashMap::new(),
        };
        for record in log.split(COMMIT_MARK).filter(|r| !r.is_empty()) {
            let mut fields = record.split('\0');
            let Some(commit) = fields.next() else {
                continue;
            };
            let number = history.commits.len();
            history.commits.push(commit.trim().to_string());
            while let Some(status) = fields.next() {
                let status = status.trim_start_matches('\n');
                if status.is_empty() {
                    continue;
                }
                let Some(path) = fields.next() else { break };
                let (path, from) = if status.starts_with(['R', 'C']) {
                    let Some(to) = fields.next() else { break };
                    (to, Some(path.to_string()))
                } else {
                    (path, None)
                };
                history
                    .changes
                    .entry(path.to_string())
                    .or_default()
                    .push((number, from));
            }
        }
        history
    }

    /// The commits that changed the file now at `path`, newest first, with
    /// its path at each, following it back through renames.
    fn of(&self, path: &str) -> Vec<(String, String)> {
        let mut revisions = Vec::new();
        let mut name = path;
        let mut since = 0;
        'names: while let Some(changes) = self.changes.get(name) {
            for (number, from) in changes.iter().filter(|(n, _)| *n >= since) {
                let Some(commit) = self.commits.get(*number) else {
                    continue;
                };
                revisions.push((commit.clone(), name.to_string()));
                if let Some(from) = from {
                    name = from;
                    since = number + 1;
                    continue 'names;
                }
            }
            break;
        }
        revisions
    }
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_follows_a_file_back_through_its_renames() {
        let log = "\u{1}c3\0\nM\0content/en/b.md\0\u{1}c2\0\nR100\0content/en/a.md\0content/en/b.md\0M\0content/en/x.md\0\u{1}c1\0\nA\0content/en/a.md\0A\0content/en/x.md\0";
        let history = History::parse(log);
        assert_eq!(
            history.of("content/en/b.md"),
            vec![
                ("c3".to_string(), "content/en/b.md".to_string()),
                ("c2".to_string(), "content/en/b.md".to_string()),
                ("c1".to_string(), "content/en/a.md".to_string()),
            ]
        );
        assert_eq!(history.of("content/en/x.md").len(), 2);
        assert!(history.of("content/en/new.md").is_empty());
    }

    #[test]
    fn a_missing_object_is_skipped_and_the_next_one_read() {
        let answers = b"abc:x missing\n0123 blob 5\nhello\n";
        let mut reader = &answers[..];
        assert_eq!(read_object(&mut reader), Some(None));
        assert_eq!(read_object(&mut reader), Some(Some(b"hello".to_vec())));
        assert_eq!(read_object(&mut reader), None);
    }
}
