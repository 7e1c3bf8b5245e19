//! Small helpers for the text people type.

/// Longest answer, in bytes, that is parsed at all. Longer text is rejected
/// before any other work, which bounds the time spent on any input.
pub const MAX_ANSWER_LENGTH: usize = 64;

/// Lower-cased words of `text`, split on spaces, dashes, underscores,
/// commas and parentheses; `None` if the text is too long or not ASCII.
pub(crate) fn words(text: &str) -> Option<Vec<String>> {
    if text.len() > MAX_ANSWER_LENGTH || !text.is_ascii() {
        return None;
    }
    let words = text
        .split(|c: char| c.is_ascii_whitespace() || matches!(c, '-' | '_' | ',' | '(' | ')'))
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    Some(words)
}
