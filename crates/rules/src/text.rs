//! Small helpers for the text people type.

/// Longest answer, in bytes, that is parsed at all. Longer text is rejected
/// before any other work, which bounds the time spent on any input.
pub const MAX_ANSWER_LENGTH: usize = 64;

/// Characters of an answer quoted back in a finding.
const QUOTED_CHARS: usize = 32;

/// The answer, trimmed; `None` when absent or blank.
pub(crate) fn answer(field: &Option<String>) -> Option<&str> {
    field
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// What the user typed, fit to be quoted in a message: at most
/// [`QUOTED_CHARS`] characters (then an ellipsis), with control characters
/// and bidirectional formatting characters replaced by U+FFFD so the quote
/// cannot reorder or break the sentence around it.
pub(crate) fn quote(text: &str) -> String {
    let mut quoted = String::new();
    for (count, character) in text.chars().enumerate() {
        if count == QUOTED_CHARS {
            quoted.push('…');
            break;
        }
        let unsafe_to_show = character.is_control()
            || matches!(character, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        quoted.push(if unsafe_to_show {
            '\u{FFFD}'
        } else {
            character
        });
    }
    quoted
}

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
