//! Front-matter keys technote does not read. Experience League pages carry
//! many keys of their own (`solution`, `kt`, `thumbnail`…), kept as written,
//! so only a key that nearly is one technote reads is taken for a typo
//! (`titel`, `exl_id`): it is silently ignored otherwise.

use technote_content::{KNOWN_KEYS, SiteConfig};
use technote_diagnostics::Diagnostic;
use technote_site::CheckedPage;

use crate::front_lines::key_or_top;

/// Keys within this Levenshtein distance of a known one are taken for typos.
const NEAR_MISS: usize = 2;

pub fn unknown_key_problems(pages: &[CheckedPage], config: &SiteConfig) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for page in pages {
        for key in page.front.extra.keys().filter_map(|k| k.as_str()) {
            let Some(known) = nearest_known(key) else {
                continue;
            };
            let (line, column) = key_or_top(&page.file.path, config, key);
            found.push(
                Diagnostic::warning(
                    &page.file.path,
                    format!("unknown front-matter key `{key}` is ignored; did you mean `{known}`?"),
                )
                .at(line, column)
                .with_code("front-matter-unknown-key")
                .with_help(format!("rename it `{known}:`")),
            );
        }
    }
    found
}

/// The known key `key` most likely misspells: the same once `_` and case
/// are set aside, else the closest within [`NEAR_MISS`] edits.
fn nearest_known(key: &str) -> Option<&'static str> {
    let normalized = key.to_lowercase().replace('_', "-");
    KNOWN_KEYS
        .iter()
        .map(|known| (strsim::levenshtein(&normalized, known), *known))
        .filter(|(distance, known)| *distance <= NEAR_MISS && known.len() > *distance + 1)
        .min()
        .map(|(_, known)| known)
}

#[cfg(test)]
mod tests {
    use super::nearest_known;

    #[test]
    fn typos_of_known_keys_are_recognized_and_other_keys_left_alone() {
        assert_eq!(nearest_known("titel"), Some("title"));
        assert_eq!(nearest_known("exl_id"), Some("exl-id"));
        assert_eq!(nearest_known("Feature"), Some("feature"));
        assert_eq!(nearest_known("features"), Some("feature"));
        assert_eq!(nearest_known("solution"), None);
        assert_eq!(nearest_known("thumbnail"), None);
        assert_eq!(nearest_known("kt"), None);
    }
}
