//! Reading `.ftl` files and turning Fluent parser errors into diagnostics,
//! shared by the localizer and the lint.

use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::parser::{ErrorKind, ParserError};
use technote_diagnostics::{Diagnostic, LineIndex, code_frame, invalid_utf8_position};
use technote_files::Folder;

/// The `.ftl` files directly inside `dir`, sorted by name so that results do
/// not depend on the file system. Hidden files (editor locks) are skipped.
pub(crate) fn ftl_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = fs::read_dir(dir).map_err(|error| {
        Diagnostic::error(dir, format!("cannot read this locale folder: {error}"))
            .with_code("ftl-unreadable")
            .with_help(
            "create it with the locale's .ftl files (copy the reference locale's folder to start)",
        )
    })?;
    let folder = Folder::open(dir).map_err(|error| {
        Diagnostic::error(dir, format!("cannot read this locale folder: {error}"))
            .with_code("ftl-unreadable")
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| {
                Diagnostic::error(dir, format!("cannot list this folder: {error}"))
                    .with_code("ftl-unreadable")
            })?
            .path();
        let visible = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| !n.starts_with('.'));
        if visible && path.extension().is_some_and(|e| e == "ftl") {
            // A link out of the folder, or a pipe that would hang the build.
            folder.check(&path)?;
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The `.ftl` files of one locale, as (path shown in messages, text),
/// sorted by file name: the project's `dir/*.ftl`, then each file of the
/// built-in theme for that locale whose name the project does not use (a
/// project overrides a whole file, as it does a template). A missing
/// folder is fine when the theme has the locale. Files that cannot be read
/// come back as problems beside the files that could.
pub(crate) fn locale_sources(
    dir: &Path,
    builtin: &[BuiltinFtl<'_>],
) -> (Vec<(PathBuf, String)>, Vec<Diagnostic>) {
    let locale = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let builtin: Vec<_> = builtin
        .iter()
        .filter(|(tag, _, _)| *tag == locale)
        .collect();
    let own = match ftl_files(dir) {
        Ok(files) => files,
        Err(_) if !builtin.is_empty() && !dir.exists() => Vec::new(),
        Err(problem) => return (Vec::new(), vec![problem]),
    };
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for file in &own {
        match read_text(file) {
            Ok(text) => sources.push((file.clone(), text)),
            Err(problem) => problems.push(problem),
        }
    }
    for (tag, name, bytes) in builtin {
        if own
            .iter()
            .any(|file| file.file_name().is_some_and(|n| n == *name))
        {
            continue;
        }
        let shown = Path::new(BUILTIN).join("locales").join(tag).join(name);
        match text_of(&shown, bytes) {
            Ok(text) => sources.push((shown, text)),
            Err(problem) => problems.push(problem),
        }
    }
    sources.sort_by(|(a, _), (b, _)| a.file_name().cmp(&b.file_name()));
    (sources, problems)
}

/// How messages name a file of the built-in theme, which is on no disk:
/// `technote eject locales/en/site.ftl` writes it out.
pub(crate) const BUILTIN: &str = "(built-in theme)";

/// An `.ftl` file the program carries rather than the project (the built-in
/// theme's): locale tag, file name, contents.
pub type BuiltinFtl<'a> = (&'a str, &'a str, &'a [u8]);

/// Reads a file as UTF-8 text, without a leading BOM.
pub(crate) fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = fs::read(path).map_err(|error| {
        Diagnostic::error(path, format!("cannot read this file: {error}"))
            .with_code("ftl-unreadable")
            .with_help("check that it exists and that you may read it")
    })?;
    text_of(path, &bytes)
}

fn text_of(path: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(error) => {
            let (line, column) = invalid_utf8_position(bytes, &error);
            Err(Diagnostic::error(path, "this file is not valid UTF-8")
                .at(line, column)
                .with_code("ftl-not-utf8")
                .with_help("save the .ftl file as UTF-8"))
        }
    }
}

/// Where `part`, a slice borrowed from the indexed text (Fluent's AST
/// borrows names from its source), starts, as a 1-based line and column.
pub(crate) fn position_of(lines: &LineIndex<'_>, part: &str) -> Option<(u32, u32)> {
    let text = lines.text();
    let offset = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (offset + part.len() <= text.len()).then(|| lines.line_col(offset))
}

/// Syntax errors shown for one file: past them, a file is not a translation
/// with mistakes but something else (a pasted document, a binary), and
/// thousands of lines would bury the first, useful ones.
const SHOWN_SYNTAX_ERRORS: usize = 20;

/// The syntax errors of one file as diagnostics, at most
/// [`SHOWN_SYNTAX_ERRORS`] of them and then one line saying how many more.
pub(crate) fn syntax_errors(path: &Path, text: &str, errors: &[ParserError]) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    let mut diagnostics: Vec<Diagnostic> = errors
        .iter()
        .take(SHOWN_SYNTAX_ERRORS)
        .map(|e| syntax_error(path, &lines, e))
        .collect();
    if errors.len() > SHOWN_SYNTAX_ERRORS {
        diagnostics.push(
            Diagnostic::error(
                path,
                format!(
                    "{} more syntax errors in this file are not shown",
                    errors.len() - SHOWN_SYNTAX_ERRORS
                ),
            )
            .with_code("ftl-syntax")
            .with_help("fix the errors above first; is this really a Fluent (.ftl) file?"),
        );
    }
    diagnostics
}

/// Where to point the writer. The parser often notices a missing `}` only
/// past the broken entry (its `slice`); the mistake is at the end of that
/// entry's text. A select expression without a default is best shown by its
/// first line.
fn reported_offset(text: &str, error: &ParserError) -> usize {
    let found_at = error.pos.start;
    match (&error.kind, &error.slice) {
        (ErrorKind::MissingDefaultVariant, Some(entry)) => entry.start,
        (_, Some(entry)) if found_at >= entry.end => text
            .get(..entry.end)
            .map_or(found_at, |before| before.trim_end().len()),
        _ => found_at,
    }
}

/// A Fluent syntax error, with the offending line quoted.
fn syntax_error(path: &Path, lines: &LineIndex<'_>, error: &ParserError) -> Diagnostic {
    let (line, column) = lines.line_col(reported_offset(lines.text(), error));
    let line_text = lines.line(line).trim_end();
    let (what, help) = match &error.kind {
        ErrorKind::MissingDefaultVariant => (
            "this select expression has no default variant".to_string(),
            "mark one variant as the default with `*`, e.g. `*[other] ...`".to_string(),
        ),
        ErrorKind::ExpectedMessageField { entry_id } => (
            format!("`{entry_id}` has neither a value nor attributes"),
            format!("write the text after `=`: `{entry_id} = ...`"),
        ),
        kind => (
            format!("Fluent syntax error: {kind}"),
            "see https://projectfluent.org/fluent/guide/ for the syntax of .ftl files".to_string(),
        ),
    };
    Diagnostic::error(
        path,
        format!("{what}{}", code_frame(line, column, line_text)),
    )
    .at(line, column)
    .with_code("ftl-syntax")
    .with_help(help)
}
