//! Staleness without git: a translation records `source-hash`, the SHA-256
//! of its source's body (front matter aside) when it was translated, and is
//! stale once the body hashes otherwise. Projects outside a git work tree
//! (an exported folder, a CI checkout without history) are checked this way
//! rather than not at all.

use sha2::{Digest, Sha256};
use technote_content::SiteConfig;
use technote_diagnostics::Diagnostic;
use technote_site::CheckedPage;

use crate::front_lines::key_or_top;

/// The front-matter key a translation records its source's hash in.
pub const KEY: &str = "source-hash";

/// `sha256:` and the hex digest of `body`.
pub fn of(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The problem of one translation whose source's body is now `body`.
pub fn check(
    translation: &CheckedPage,
    source_shown: &str,
    body: &str,
    config: &SiteConfig,
) -> Option<Diagnostic> {
    let file = &translation.file.path;
    let now = of(body);
    let recorded = translation
        .front
        .extra
        .get(KEY)
        .and_then(|value| value.as_str());
    // An up-to-date hash needs no position: the file is not read again.
    if recorded == Some(now.as_str()) {
        return None;
    }
    let (line, column) = key_or_top(file, config, KEY);
    match recorded {
        None => Some(
            Diagnostic::warning(
                file,
                format!(
                    "this project is not in a git work tree and this translation records no `{KEY}`, so nothing tells whether {source_shown} changed since it was made"
                ),
            )
            .at(line, column)
            .with_code("translation-hash-missing")
            .with_help(format!(
                "once it matches the source, add `{KEY}: {now}` to its front matter"
            )),
        ),
        Some(recorded) if recorded != now => Some(
            Diagnostic::warning(
                file,
                format!("stale translation: {source_shown} changed since its recorded `{KEY}`"),
            )
            .at(line, column)
            .with_code("translation-stale")
            .with_help(format!(
                "update this translation from {source_shown}, then set `{KEY}: {now}`"
            )),
        ),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_hash_is_sha256_of_the_body() {
        assert_eq!(
            super::of("abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
