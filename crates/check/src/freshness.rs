//! Stale translations. A translation records in `source-git-commit` the git
//! revision of its source file it was translated from (the Experience League
//! convention). It is stale when the source's body (front matter aside) has
//! changed since that revision. A translator marks it up to date by setting
//! `source-git-commit` to the revision `check` suggests.

use std::path::Path;
use std::process::Command;

use technote_content::{SiteConfig, Source, SourceFile};
use technote_diagnostics::Diagnostic;

struct Parsed<'a> {
    file: &'a SourceFile,
    source: Source,
}

pub fn stale_translations(
    root: &Path,
    pages: &[SourceFile],
    config: &SiteConfig,
) -> Vec<Diagnostic> {
    let parsed: Vec<Parsed> = pages
        .iter()
        .filter_map(|file| {
            let bytes = std::fs::read(&file.path).ok()?;
            let source = technote_content::parse_source(&file.path, &bytes, &config.limits).ok()?;
            Some(Parsed { file, source })
        })
        .collect();
    let mut diagnostics = Vec::new();
    for translation in parsed
        .iter()
        .filter(|p| p.source.front.workflow_type.is_some())
    {
        let Some(exl_id) = translation.source.front.exl_id.as_deref() else {
            continue;
        };
        let Some(original) = parsed
            .iter()
            .filter(|p| {
                p.source.front.workflow_type.is_none()
                    && p.source.front.exl_id.as_deref() == Some(exl_id)
            })
            .min_by_key(|p| p.file.locale != config.reference_locale)
        else {
            continue;
        };
        if let Some(diagnostic) = freshness(root, translation, original) {
            diagnostics.push(diagnostic);
        }
    }
    diagnostics
}

fn freshness(root: &Path, translation: &Parsed, original: &Parsed) -> Option<Diagnostic> {
    let source_path = original
        .file
        .path
        .strip_prefix(root)
        .unwrap_or(&original.file.path);
    let history = history(root, source_path)?;
    let (latest, _) = history.first()?;
    let file = &translation.file.path;
    let Some(recorded) = translation.source.front.source_git_commit.as_deref() else {
        return Some(
            Diagnostic::warning(
                file,
                format!(
                    "this translation does not record which revision of {} it was made from",
                    source_path.display()
                ),
            )
            .at_line(1)
            .with_help(format!(
                "add `source-git-commit: {latest}` to its front matter once it matches the source"
            )),
        );
    };
    let Some((commit, path_then)) = history
        .iter()
        .find(|(commit, _)| commit.starts_with(recorded))
    else {
        return Some(
            Diagnostic::warning(
                file,
                format!(
                    "`source-git-commit: {recorded}` is not a revision of {}",
                    source_path.display()
                ),
            )
            .at_line(1)
            .with_help(format!(
                "set it to the revision the translation matches; the latest is {latest}"
            )),
        );
    };
    let then = git(root, &["show", &format!("{commit}:{path_then}")])?;
    let body_then =
        technote_content::parse_source(source_path, then.as_bytes(), &Default::default())
            .ok()?
            .body;
    (body_then != original.source.body).then(|| {
        Diagnostic::warning(
            file,
            format!("stale translation: {} changed since revision {}", source_path.display(), &commit[..commit.len().min(12)]),
        )
        .at_line(1)
        .with_help(format!(
            "see `git diff {commit} -- {}`, update this translation, then set `source-git-commit: {latest}`",
            source_path.display()
        ))
    })
}

/// Revisions that changed the file, newest first, with its path at each
/// (renames followed).
fn history(root: &Path, path: &Path) -> Option<Vec<(String, String)>> {
    let path = path.to_string_lossy();
    let log = git(
        root,
        &[
            "log",
            "--follow",
            "--format=%x00%H",
            "--name-only",
            "--",
            &path,
        ],
    )?;
    let entries: Vec<(String, String)> = log
        .split('\0')
        .filter_map(|entry| {
            let mut lines = entry.lines().filter(|l| !l.trim().is_empty());
            Some((
                lines.next()?.trim().to_string(),
                lines.next()?.trim().to_string(),
            ))
        })
        .collect();
    (!entries.is_empty()).then_some(entries)
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}
