//! Front matter from bytes, with the guards that run before serde_yaml.

use std::path::Path;

use technote_content::{Limits, parse_front_matter};

/// The message of the nesting guard (and of serde_yaml's own, worded alike).
const TOO_DEEP: &str = "the front matter nests values too deeply";

/// Reads the bytes as the front matter of a page. Whatever the outcome, an
/// error points inside the file; front matter refused as too deep must be
/// YAML serde_yaml refuses too (the guard never turns good YAML away).
pub fn front_matter(data: &[u8]) {
    let yaml = String::from_utf8_lossy(data);
    let source = format!("---\n{yaml}\n---\n\n# A page\n");
    let file = Path::new("content/en/technotes/fuzz.md");
    let Err(diagnostic) = parse_front_matter(file, source.as_bytes(), &Limits::default()) else {
        return;
    };
    assert!(diagnostic.is_error(), "a refused front matter is an error");
    let lines = u32::try_from(line_count(&source)).unwrap_or(u32::MAX);
    if let Some(line) = diagnostic.line {
        assert!(
            (1..=lines).contains(&line),
            "{diagnostic} is outside the file"
        );
    }
    // A `---` line would end the front matter early, and aliases replay
    // values: only then may serde_yaml see other text or another depth.
    let whole = !yaml.lines().any(|line| line.trim_end() == "---") && !yaml.contains('*');
    if diagnostic.message == TOO_DEEP && whole {
        let text = format!("---\n{yaml}\n");
        assert!(
            serde_yaml::from_str::<serde_yaml::Value>(&text).is_err(),
            "refused as too deep, but serde_yaml reads it: {diagnostic}"
        );
    }
}

/// Lines as YAML counts them (and editors show them): a lone CR, NEL, LINE
/// SEPARATOR and PARAGRAPH SEPARATOR break lines too, CR LF once.
fn line_count(text: &str) -> usize {
    let breaks = text.replace("\r\n", "\n");
    1 + breaks
        .chars()
        .filter(|c| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
        .count()
}
