//! Where a top-level key sits in a page's front matter (see
//! `technote_content::front_matter_key_position`).

use std::path::Path;

use technote_content::SiteConfig;

/// The position of `key` when it is there, else the first line.
pub(crate) fn key_or_top(path: &Path, config: &SiteConfig, key: &str) -> (u32, u32) {
    technote_content::front_matter_key_or_top(path, &config.limits, key)
}
