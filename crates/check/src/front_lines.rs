//! Where a top-level key sits in a page's front matter, for warnings about
//! values that parsed well but mean something wrong (an unpaired `exl-id`,
//! a misspelt key). The YAML parser keeps no positions for them.

use std::path::Path;

use technote_content::SiteConfig;

/// The 1-based line and column of `key:` at the start of a line of the
/// front matter of `path`, or `None` when it is not there (a flow mapping).
pub(crate) fn key_position(path: &Path, config: &SiteConfig, key: &str) -> Option<(u32, u32)> {
    let bytes = technote_content::read_source(path, &config.limits).ok()?;
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
pub(crate) fn key_or_top(path: &Path, config: &SiteConfig, key: &str) -> (u32, u32) {
    key_position(path, config, key).unwrap_or((1, 1))
}
