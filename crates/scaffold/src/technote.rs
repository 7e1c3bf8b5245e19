//! `technote new technote <path> [--from <source>]`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use technote_content::SiteConfig;
use technote_diagnostics::Diagnostic;

use crate::Created;

/// Front-matter keys about where a translation comes from: a new
/// translation records its own, so the source's are not copied.
const PROVENANCE: [&str; 5] = [
    "source-git-commit",
    "source-hash",
    "workflow-type",
    "ht-degree",
    "source-wordcount",
];

/// Writes a new technote at `path`, inside a configured locale's folder of
/// `content_dir`. Without `from`: a title from the file name and a fresh
/// `exl-id`. With `from`: the source's front matter and body to translate,
/// and the source's revision (`source-git-commit`, or `source-hash` outside
/// git) so that `technote check` knows when it changes.
pub fn new_technote(
    config_path: &Path,
    content_dir: &Path,
    path: &Path,
    from: Option<&Path>,
) -> Result<Created, Diagnostic> {
    if path.exists() {
        return Err(Diagnostic::error(path, "this file exists already")
            .with_code("new-refused")
            .with_help("nothing was written: choose another path, or edit it"));
    }
    if path.extension().is_none_or(|e| e != "md") {
        return Err(Diagnostic::error(path, "a technote is a `.md` file")
            .with_code("new-refused")
            .with_help("end the path with `.md`"));
    }
    let config = SiteConfig::load(config_path)?;
    locale_of(path, content_dir, &config)?;
    let text = match from {
        None => fresh(path),
        Some(source) => translation_of(source, &config)?,
    };
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| {
            Diagnostic::error(folder, format!("cannot create it: {e}"))
                .with_code("output-write-failed")
        })?;
    }
    // create_new: a file that appeared since the check above is not replaced.
    fs::File::create_new(path)
        .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
        .map_err(|e| {
            Diagnostic::error(path, format!("cannot write it: {e}"))
                .with_code("output-write-failed")
        })?;
    Ok(Created {
        files: vec![path.to_path_buf()],
        edited: Vec::new(),
    })
}

/// Checks that `path` lies in the folder of a configured locale.
fn locale_of(path: &Path, content_dir: &Path, config: &SiteConfig) -> Result<(), Diagnostic> {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let inside = absolute(path)
        .strip_prefix(absolute(content_dir))
        .ok()
        .and_then(|rest| rest.components().next())
        .and_then(|first| first.as_os_str().to_str().map(str::to_string));
    let tags: Vec<String> = config.locales.iter().map(ToString::to_string).collect();
    match inside {
        Some(tag) if tags.contains(&tag) => Ok(()),
        _ => Err(Diagnostic::error(
            path,
            format!(
                "this path is not inside a locale's folder of {}",
                content_dir.display()
            ),
        )
        .with_code("new-refused")
        .with_help(format!(
            "put it under {}/<locale>/, where <locale> is one of {}",
            content_dir.display(),
            tags.join(", ")
        ))),
    }
}

fn fresh(path: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("technote");
    let mut title: String = stem.replace(['-', '_'], " ");
    if let Some(first) = title.get(..1) {
        title = format!("{}{}", first.to_uppercase(), &title[1..]);
    }
    let id = uuid::Uuid::new_v4();
    format!("---\ntitle: {title}\nexl-id: {id}\n---\n\n# {title}\n")
}

/// The source's front matter (its provenance keys replaced by this
/// translation's) and body.
fn translation_of(source: &Path, config: &SiteConfig) -> Result<String, Diagnostic> {
    let bytes = technote_content::read_source(source, &config.limits)?;
    let front = technote_content::parse_front_matter(source, &bytes, &config.limits)?;
    if front.exl_id.is_none() {
        return Err(
            Diagnostic::error(source, "the source has no `exl-id` to pair with")
                .with_code("new-refused")
                .with_help("add an `exl-id` to the source first"),
        );
    }
    let (body, _) = technote_content::source_body(source, &bytes, &config.limits)?;
    let text = String::from_utf8_lossy(&bytes);
    let front_lines: Vec<&str> = text
        .lines()
        .skip(1)
        .take_while(|line| line.trim_end() != "---")
        .filter(|line| {
            !PROVENANCE.iter().any(|key| {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
        })
        .collect();
    let provenance = match revision(source)? {
        Some(commit) => format!("source-git-commit: {commit}"),
        None => format!(
            "{}: {}",
            technote_check::source_hash::KEY,
            technote_check::source_hash::of(&body)
        ),
    };
    Ok(format!(
        "---\n{}\n{provenance}\n---\n{body}",
        front_lines.join("\n")
    ))
}

/// The last commit of `source` when it lies in a git work tree, `None`
/// outside one. A source with uncommitted changes is refused: no revision
/// holds the text being translated, so none could be recorded.
fn revision(source: &Path) -> Result<Option<String>, Diagnostic> {
    let folder = source
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = source.file_name().map(PathBuf::from).unwrap_or_default();
    let git = |args: &[&str]| {
        Command::new("git")
            .arg("-C")
            .arg(&folder)
            .args(args)
            .arg("--")
            .arg(&name)
            .output()
            .ok()
            .filter(|output| output.status.success())
    };
    let Some(log) = git(&["log", "-1", "--format=%H"]) else {
        return Ok(None);
    };
    let commit = String::from_utf8_lossy(&log.stdout).trim().to_string();
    let clean = git(&["diff", "--quiet", "HEAD"]).is_some();
    if commit.is_empty() || !clean {
        return Err(Diagnostic::error(
            source,
            "the source has changes no commit holds, so no revision can be recorded for its translation",
        )
        .with_code("new-refused")
        .with_help("commit the source first, then run this again"));
    }
    Ok(Some(commit))
}
