//! Reading one technote source: bytes to text, then front matter and body.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use technote_diagnostics::{Diagnostic, code_frame, invalid_utf8_position};

use crate::Limits;
use crate::front_matter::{
    FrontMatter, FrontMatterDocument, HELP_SEPARATOR, TOO_DEEP, TOO_DEEP_HELP,
    refuse_hostile_front_matter,
};

/// A parsed source: its front matter and its Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub front: FrontMatter,
    /// The Markdown after the front matter, with LF line endings.
    pub body: String,
    /// 1-based line of the file where `body` starts, so the Markdown stage
    /// can report positions in the file.
    pub body_line: u32,
}

const FENCE: &str = "---";

const YAML_HELP: &str = "front matter is YAML: one `key: value` per line, indented with spaces; \
     quote a value that contains `: ` or starts with a quote, `[`, `{`, `&`, `*`, `!`, `|`, `>`, `%` or `@`";

/// Decodes and splits a source file. `path` only names the file in
/// diagnostics. See the crate docs for what is accepted.
pub fn parse_source(path: &Path, bytes: &[u8], limits: &Limits) -> Result<Source, Diagnostic> {
    let text = source_text(path, bytes, limits)?;
    let (yaml, body, body_line) = front_matter_and_body(path, &text)?;
    Ok(Source {
        front: front_matter(path, yaml)?,
        body: body.to_string(),
        body_line,
    })
}

/// The front matter of a source, without copying its body: a build reads
/// every front matter before it renders any page.
pub fn parse_front_matter(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
) -> Result<FrontMatter, Diagnostic> {
    let text = source_text(path, bytes, limits)?;
    let (yaml, _, _) = front_matter_and_body(path, &text)?;
    front_matter(path, yaml)
}

/// The Markdown body of a source and the 1-based line it starts on,
/// without reading the front matter's YAML: a build parses every front
/// matter first, then reads each body again only when it renders the page,
/// so that a large site never holds all of its Markdown at once.
pub fn source_body(
    path: &Path,
    bytes: &[u8],
    limits: &Limits,
) -> Result<(String, u32), Diagnostic> {
    let text = source_text(path, bytes, limits)?;
    let (_, body, body_line) = front_matter_and_body(path, &text)?;
    Ok((body.to_string(), body_line))
}

fn front_matter(path: &Path, yaml: &str) -> Result<FrontMatter, Diagnostic> {
    refuse_hostile_front_matter(path, yaml)?;
    serde_yaml::from_str::<FrontMatterDocument>(yaml)
        .map(|FrontMatterDocument(front)| front)
        .map_err(|error| yaml_error(path, yaml, &error))
}

/// The file as text: size checked, UTF-8 decoded, BOM dropped, LF line endings.
fn source_text<'b>(
    path: &Path,
    bytes: &'b [u8],
    limits: &Limits,
) -> Result<Cow<'b, str>, Diagnostic> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_file_bytes {
        return Err(too_large(path, size, bytes, limits));
    }
    let text = normalize_line_endings(decode(path, bytes)?);
    // A NUL must never reach a page (CommonMark replaces it in text, but not
    // in raw HTML or front matter): each becomes U+FFFD, and
    // [`nul_warning`] says where.
    Ok(if text.contains('\0') {
        Cow::Owned(text.replace('\0', "\u{FFFD}"))
    } else {
        text
    })
}

/// A warning at the first NUL byte of a source, which the build replaces
/// with U+FFFD (the replacement character).
pub fn nul_warning(path: &Path, bytes: &[u8]) -> Option<Diagnostic> {
    // Every page is scanned: memchr, not a byte loop.
    let offset = memchr::memchr(0, bytes)?;
    let count = memchr::memchr_iter(0, bytes).count();
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&byte| byte == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let times = if count == 1 {
        String::new()
    } else {
        format!(" ({count} in the file)")
    };
    Some(
        Diagnostic::warning(
            path,
            format!("this file holds a NUL byte{times}, shown on the page as \u{FFFD}"),
        )
        .with_code("file-nul-byte")
        .at(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
        .with_help("delete the invisible character; it usually comes from a bad copy and paste"),
    )
}

fn front_matter_and_body<'t>(
    path: &Path,
    text: &'t str,
) -> Result<(&'t str, &'t str, u32), Diagnostic> {
    split_front_matter(path, text)?.ok_or_else(|| {
        Diagnostic::error(path, "the file does not start with front matter")
            .with_code("front-matter-missing")
            .at(1, 1)
            .with_help(
                "start the file with a `---` line, then `title: ...`, then another `---` line",
            )
    })
}

/// Reads a source file for [`parse_source`], refusing one larger than
/// `limits.max_file_bytes` before loading it: a stray multi-gigabyte file
/// fails the build with a message instead of exhausting memory.
pub fn read_source(path: &Path, limits: &Limits) -> Result<Vec<u8>, Diagnostic> {
    let unreadable = |error: std::io::Error| {
        Diagnostic::error(path, format!("cannot read this file: {error}"))
            .with_code("file-unreadable")
            .with_help("check that the file exists and that you may read it")
    };
    let file = File::open(path).map_err(unreadable)?;
    // One byte past the limit is enough to know the file is too large.
    let most = limits.max_file_bytes.saturating_add(1);
    // Room for the whole file up front, read in one call instead of a
    // dozen growing ones. A regular file is read up to the size it has
    // now, which spares the call that would only find its end (every
    // source is read twice a build); a file that grows meanwhile is being
    // saved, and the preview rebuilds once the save is done.
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file() && m.len() > 0)
        .map(|m| m.len());
    let expected = size.unwrap_or(0).min(most);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0).saturating_add(1));
    (&file)
        .take(size.map_or(most, |_| expected))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if read > limits.max_file_bytes {
        let size = file.metadata().map_or(read, |m| m.len().max(read));
        return Err(too_large(path, size, &bytes, limits));
    }
    Ok(bytes)
}

/// Points at the line where the file crosses the limit: where to split it.
fn too_large(path: &Path, size: u64, bytes: &[u8], limits: &Limits) -> Diagnostic {
    let within = usize::try_from(limits.max_file_bytes)
        .map_or(bytes, |limit| bytes.get(..limit).unwrap_or(bytes));
    let line = newline_count(within).saturating_add(1);
    Diagnostic::error(
        path,
        format!(
            "the file is {size} bytes; the limit of {} bytes is reached on this line",
            limits.max_file_bytes
        ),
    )
    .with_code("file-too-large")
    .at_line(u32::try_from(line).unwrap_or(u32::MAX))
    .with_help("split the page, or raise `max_file_bytes` under [limits] in technote.toml")
}

fn newline_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

/// Splits `---` / YAML / `---` from the body. The YAML part returned still
/// starts with the opening `---`, a YAML document marker, so that serde_yaml
/// counts lines as the file does. `None` when the file has no front matter.
fn split_front_matter<'t>(
    path: &Path,
    text: &'t str,
) -> Result<Option<(&'t str, &'t str, u32)>, Diagnostic> {
    let mut lines = text.split_inclusive('\n');
    if lines.next().map(str::trim_end) != Some(FENCE) {
        return Ok(None);
    }
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut line_number: u32 = 1;
    for line in lines {
        line_number = line_number.saturating_add(1);
        if line.trim_end() == FENCE {
            let yaml = text.get(..offset).unwrap_or(text);
            let body = text.get(offset + line.len()..).unwrap_or("");
            return Ok(Some((yaml, body, line_number.saturating_add(1))));
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(path, "the front matter opened here is never closed")
            .with_code("front-matter-unterminated")
            .at(1, 1)
            .with_help("end the front matter with a line holding only `---`"),
    )
}

/// Turns a serde_yaml error into a diagnostic at its place in the file. The
/// position is already right (see `split_front_matter`); it is dropped from
/// the message because the diagnostic shows it.
fn yaml_error(path: &Path, yaml: &str, error: &serde_yaml::Error) -> Diagnostic {
    if let Some(limit) = exceeded_limit(path, error) {
        return limit;
    }
    let Some(location) = error.location() else {
        return Diagnostic::error(path, error.to_string())
            .with_code("front-matter-invalid")
            .at_line(1)
            .with_help(YAML_HELP);
    };
    let line = u32::try_from(location.line()).unwrap_or(u32::MAX);
    let column = u32::try_from(location.column()).unwrap_or(u32::MAX);
    if let Some(tab_column) = indentation_tab(yaml, location.line()) {
        // libyaml words this "cannot start any token"; say what it is.
        return Diagnostic::error(path, "a tab indents this line of the front matter")
            .with_code("front-matter-invalid")
            .at(line, tab_column)
            .with_help("indent with spaces: YAML forbids tabs in indentation");
    }
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let text = full.strip_suffix(suffix.as_str()).unwrap_or(&full);
    let (message, help) = text.split_once(HELP_SEPARATOR).unwrap_or((text, YAML_HELP));
    let quoted = yaml
        .lines()
        .nth(location.line().saturating_sub(1))
        .unwrap_or("");
    Diagnostic::error(
        path,
        format!("{message}{}", code_frame(line, column, quoted)),
    )
    .at(line, column)
    .with_code("front-matter-invalid")
    .with_help(help)
}

/// serde_yaml's guards against hostile YAML (values nested hundreds deep,
/// aliases that expand exponentially), worded for writers.
fn exceeded_limit(path: &Path, error: &serde_yaml::Error) -> Option<Diagnostic> {
    let (message, help) = match error.to_string() {
        text if text.starts_with("recursion limit exceeded") => (TOO_DEEP, TOO_DEEP_HELP),
        text if text.starts_with("repetition limit exceeded") => (
            "the front matter's aliases (`*name`) repeat too many values",
            "write the values out instead of repeating `&anchors`",
        ),
        _ => return None,
    };
    let diagnostic = Diagnostic::error(path, message)
        .with_code("front-matter-too-large")
        .with_help(help);
    Some(match error.location() {
        Some(at) => diagnostic.at(
            u32::try_from(at.line()).unwrap_or(u32::MAX),
            u32::try_from(at.column()).unwrap_or(u32::MAX),
        ),
        None => diagnostic.at_line(1),
    })
}

/// The 1-based column of a tab in the indentation of line `line_number`.
fn indentation_tab(text: &str, line_number: usize) -> Option<u32> {
    let line = text.lines().nth(line_number.checked_sub(1)?)?;
    let indentation = line.len() - line.trim_start().len();
    let tab = line.get(..indentation)?.find('\t')?;
    u32::try_from(tab + 1).ok()
}

fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Every source is validated twice a build (front matter, then body);
    // simdutf8 checks French text several times faster than std, and std
    // then only runs to say where a bad file goes wrong.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = invalid_utf8_position(bytes, &error);
        let bad_byte = bytes.get(error.valid_up_to()).copied().unwrap_or(0);
        Diagnostic::error(path, format!("invalid UTF-8 (byte 0x{bad_byte:02X})"))
            .with_code("file-not-utf8")
            .at(line, column)
            .with_help(
                "save the file as UTF-8; legacy encodings such as Windows-1252 are not supported",
            )
    })
}

fn normalize_line_endings(text: &str) -> Cow<'_, str> {
    if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    }
}
