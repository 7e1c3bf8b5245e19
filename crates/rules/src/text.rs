//! Small helpers for the text people type.

/// Longest answer, in bytes, that is parsed at all. Longer text is rejected
/// before any other work, which bounds the time spent on any input.
pub const MAX_ANSWER_LENGTH: usize = 64;

/// Lower-cased words of `text`, split on spaces, dashes, underscores,
/// commas and parentheses; `None` if the text is too long, not ASCII, or
/// starts with a minus sign ("-11" is a negative number, not Windows 11).
pub(crate) fn words(text: &str) -> Option<Vec<String>> {
    if text.len() > MAX_ANSWER_LENGTH || !text.is_ascii() || text.trim_start().starts_with('-') {
        return None;
    }
    let words = text
        .split(|c: char| c.is_ascii_whitespace() || matches!(c, '-' | '_' | ',' | '(' | ')'))
        .filter(|word| !word.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn a_negative_number_has_no_words() {
        assert_eq!(words(" -11"), None);
        assert_eq!(words("-windows-10"), None);
        assert_eq!(
            words("Windows-10 Pro"),
            Some(vec![
                "windows".to_owned(),
                "10".to_owned(),
                "pro".to_owned()
            ])
        );
    }
}
