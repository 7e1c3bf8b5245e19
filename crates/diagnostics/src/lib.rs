//! One diagnostic type for every stage of technote.
//!
//! Writers and translators read these messages, so each one names the file,
//! the line and column when known (or the field), says what is wrong and,
//! in `help`, how to fix it. Rendering follows the `file:line:col: level:`
//! convention that editors and CI annotators already understand.

use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

/// How bad a problem is. Warnings never fail a build unless the user asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in a file the user edits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path as the user would type it (relative to the project when possible).
    pub file: PathBuf,
    /// 1-based line, when the problem has a position.
    pub line: Option<u32>,
    /// 1-based column in characters, when known.
    pub column: Option<u32>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// Stable name of the rule (`ftl-missing`, `exl-id-unpaired`), for tools
    /// and for the table of codes in TRANSLATING.md: the message's words may
    /// change, the code does not.
    pub code: Option<&'static str>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, message)
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, file, message)
    }

    fn new(severity: Severity, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Self {
            severity,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
            code: None,
        }
    }

    /// Names the rule this problem breaks; see [`Diagnostic::code`].
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Sets the 1-based line and column.
    pub fn at(mut self, line: u32, column: u32) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the 1-based line only.
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = Some(line);
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Downgrades or upgrades the problem, for settings such as the link checker's.
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Rewrites the file path relative to `root` when it lies under it, so
    /// messages show `content/fr/page.md` rather than an absolute path. Paths
    /// of other files the message or help names (`already used by ...`) are
    /// shortened the same way, but only where the root starts a path: text
    /// quoted from the input (`../../etc/passwd`) is kept as it was typed.
    /// A root of `.` is left in messages, since `./` there may be the input's.
    pub fn relative_to(mut self, root: &Path) -> Self {
        if let Ok(rel) = self.file.strip_prefix(root) {
            self.file = rel.to_path_buf();
        }
        let prefix = root.join("");
        let prefix = prefix.to_string_lossy();
        let only_current_folder = root.components().all(|c| c == Component::CurDir);
        if !prefix.is_empty() && prefix != "/" && !only_current_folder {
            self.message = strip_path_prefix(&self.message, &prefix);
            self.help = self.help.map(|help| strip_path_prefix(&help, &prefix));
        }
        self
    }
}

/// `text` without `prefix` wherever it begins a path: at the start, or after
/// a character that cannot be part of the path before it.
fn strip_path_prefix(text: &str, prefix: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(prefix) {
        let (before, after) = rest.split_at(at);
        kept.push_str(before);
        let starts_a_path = kept
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || "./\\_-~".contains(c)));
        if !starts_a_path {
            kept.push_str(prefix);
        }
        rest = &after[prefix.len()..];
    }
    kept.push_str(rest);
    kept
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The project folder itself, made relative to itself, is `.`.
        if self.file.as_os_str().is_empty() {
            f.write_str(".")?;
        } else {
            write!(f, "{}", self.file.display())?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // The code ends the headline (`... is missing [ftl-missing]`), before
        // any code frame the message carries on its next lines, so that
        // `file:line:col: level:` stays the line's start for editors.
        let (headline, frame) = match self.message.split_once('\n') {
            Some((headline, frame)) => (headline, Some(frame)),
            None => (self.message.as_str(), None),
        };
        write!(f, ": {level}: {headline}")?;
        if let Some(code) = self.code {
            write!(f, " [{code}]")?;
        }
        if let Some(frame) = frame {
            write!(f, "\n{frame}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Converts a byte offset in `text` into a 1-based (line, column) pair,
/// counting columns in characters as editors do.
pub fn line_col(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (to_u32(line), to_u32(column))
}

/// Where `bytes` stop being UTF-8, as a 1-based (line, column) of the valid
/// text before it: `error` is what decoding `bytes` reported.
pub fn invalid_utf8_position(bytes: &[u8], error: &std::str::Utf8Error) -> (u32, u32) {
    let valid = bytes
        .get(..error.valid_up_to())
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    line_col(valid, valid.len())
}

/// The start of every line of a text, for many [`line_col`] lookups in one
/// file: each costs a binary search instead of a scan from the top, so a
/// file with 100,000 entries is not read 100,000 times.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// The 1-based (line, column) of byte `offset`, as [`line_col`] gives it.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (to_u32(line.max(1)), to_u32(column))
    }

    /// The indexed text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The text of 1-based line `line`, without its line break.
    pub fn line(&self, line: u32) -> &'t str {
        let index = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
        let Some(&start) = self.starts.get(index) else {
            return "";
        };
        let end = self
            .starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next - 1);
        self.text.get(start..end).unwrap_or("")
    }
}

/// `line_text` quoted under a message with a caret under 1-based `column`,
/// as compilers show it: `\n 3 | title: a: b\n   |         ^`. Appended to
/// a message, it ends up between the headline and the help.
pub fn code_frame(line: u32, column: u32, line_text: &str) -> String {
    let gutter = line.to_string();
    let pad = " ".repeat(gutter.len());
    let before: String = line_text
        .chars()
        .take(usize::try_from(column.saturating_sub(1)).unwrap_or(0))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    format!("\n {gutter} | {}\n {pad} | {before}^", line_text.trim_end())
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_file_line_column_and_help() {
        let d = Diagnostic::error("content/fr/a.md", "unknown alert type")
            .at(3, 5)
            .with_help("use NOTE or TIP");
        assert_eq!(
            d.to_string(),
            "content/fr/a.md:3:5: error: unknown alert type\n  help: use NOTE or TIP"
        );
    }

    #[test]
    fn the_code_ends_the_headline_before_a_code_frame() {
        let d = Diagnostic::warning("locales/fr/a.ftl", "broken\n 3 | x = {\n   |     ^")
            .at(3, 5)
            .with_code("ftl-syntax");
        assert_eq!(
            d.to_string(),
            "locales/fr/a.ftl:3:5: warning: broken [ftl-syntax]\n 3 | x = {\n   |     ^"
        );
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["code"], "ftl-syntax");
    }

    #[test]
    fn a_code_frame_puts_the_caret_under_the_column() {
        assert_eq!(
            code_frame(12, 8, "title: a: b"),
            "\n 12 | title: a: b\n    |        ^"
        );
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "é\nabé x";
        let offset = text.find('x').unwrap();
        assert_eq!(line_col(text, offset), (2, 5));
    }

    #[test]
    fn a_line_index_agrees_with_line_col_everywhere() {
        let text = "é\nabé x\n\nlast";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            if text.is_char_boundary(offset.min(text.len())) {
                assert_eq!(index.line_col(offset), line_col(text, offset), "{offset}");
            }
        }
        assert_eq!(
            (index.line(1), index.line(2), index.line(3), index.line(4)),
            ("é", "abé x", "", "last")
        );
        assert_eq!(index.line(9), "");
    }

    #[test]
    fn relative_paths_drop_the_project_root() {
        let d = Diagnostic::warning("/p/content/en/a.md", "m").relative_to(Path::new("/p"));
        assert_eq!(d.file, PathBuf::from("content/en/a.md"));
    }

    #[test]
    fn paths_named_in_the_message_and_help_drop_the_project_root_too() {
        let d = Diagnostic::error("/p/a.md", "already used by /p/content/b.md")
            .with_help("compare with /p/content/b.md, not /pp/c.md")
            .relative_to(Path::new("/p"));
        assert_eq!(d.message, "already used by content/b.md");
        assert_eq!(
            d.help.as_deref(),
            Some("compare with content/b.md, not /pp/c.md")
        );
    }

    #[test]
    fn input_quoted_in_the_message_is_kept_verbatim() {
        let message = "`../../etc/passwd` leaves the folder; `./a.md` and `x/p/y` too";
        let d = Diagnostic::error("./content/a.md", message).relative_to(Path::new("."));
        assert_eq!(d.file, PathBuf::from("content/a.md"));
        assert_eq!(d.message, message);
        let d = Diagnostic::error("/p/a.md", "`x/p/../p/b` is not /p/content/b.md")
            .relative_to(Path::new("/p"));
        assert_eq!(d.message, "`x/p/../p/b` is not content/b.md");
        let d = Diagnostic::error("p/a.md", "`../p/b.md` (p/b.md)").relative_to(Path::new("p"));
        assert_eq!(d.message, "`../p/b.md` (b.md)");
    }
}
