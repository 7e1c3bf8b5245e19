//! Where a top-level key sits in a page's front matter, for messages about
//! values that parsed well but mean something wrong (an `exl-id` another
//! page has, a badge link to no page, a misspelt key). The YAML parser
//! keeps no positions for them, so the file is read again: only a page with
//! such a problem pays for it.

use std::path::Path;

use crate::Limits;

/// The 1-based line and column of `key:` at the start of a line of the
/// front matter of `path`, or `None` when it is not there (a flow mapping).
pub fn front_matter_key_position(path: &Path, limits: &Limits, key: &str) -> Option<(u32, u32)> {
    let bytes = crate::read_source(path, limits).ok()?;
    let text = std::str::from_utf8(&bytes).ok()?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    text.lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim_end() != "---")
        .find(|(_, line)| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|(index, _)| (u32::try_from(index + 1).unwrap_or(u32::MAX), 1))
}

/// The position of `key` when it is there, else the first line.
pub fn front_matter_key_or_top(path: &Path, limits: &Limits, key: &str) -> (u32, u32) {
    front_matter_key_position(path, limits, key).unwrap_or((1, 1))
}
