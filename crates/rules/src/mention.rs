//! Checks the releases prose names as minimums against the catalog, so a
//! technote cannot contradict the checker.

use serde::Serialize;

use crate::catalog::{Catalog, MinimumRelease};
use crate::version::{Version, parse_version};

/// Words of a mention that are searched for a release; list items of minimum
/// releases name theirs within the first few words.
const MAX_MENTION_WORDS: usize = 24;

/// Longest spelling of a version, in words: "Gold Standard 11".
const MAX_VERSION_WORDS: usize = 3;

/// Punctuation around a word that is not part of a version.
const SURROUNDING_PUNCTUATION: &[char] = &[
    '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '«', '»', '"', '\'', '*', '_', '+',
    '\u{a0}',
];

/// A release named as a minimum that is not the minimum of its line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MinimumMismatch {
    /// The release found in the text, in canonical form: "20.2.4 (build 9187)".
    pub mentioned: String,
    /// Its line: "20.2", "Gold Standard".
    pub line: String,
    /// The catalog's minimum for that line; `None` when no release of the
    /// line is IMS-ready (18.10, 19.1), so nothing of it may be named.
    pub expected: Option<MinimumRelease>,
}

impl Catalog {
    /// Checks one mention taken from a list of minimum releases, such as the
    /// list item "Campaign 20.2.4." or "Gold Standard 10 (build ...)".
    ///
    /// Finds the first release, build or Gold Standard number in the text
    /// (within its first 24 words; a bare line such as "v7.2" does not
    /// count) and returns a mismatch when it is not the minimum of its line.
    /// Returns `None` when it is the minimum ("Gold Standard 11", "9032@d030c36",
    /// "Campaign Version 21.1.3") or when the text names no known version.
    ///
    /// Only meant for text that states a minimum: prose such as "if you run
    /// 20.2.4, upgrade" legitimately names other releases.
    pub fn check_minimum_mention(&self, mention: &str) -> Option<MinimumMismatch> {
        let version = first_version(self, mention)?;
        let line = version.line()?;
        match &line.minimum {
            Some(minimum) if version.is_release(&minimum.release) => None,
            expected => Some(MinimumMismatch {
                mentioned: version.to_string(),
                line: line.name.clone(),
                expected: expected.clone(),
            }),
        }
    }
}

/// The first version in the text, preferring the longest spelling at each
/// position ("Gold Standard 11" over "11").
fn first_version<'c>(catalog: &'c Catalog, text: &str) -> Option<Version<'c>> {
    let words: Vec<&str> = text
        .split_whitespace()
        .take(MAX_MENTION_WORDS)
        .map(|word| word.trim_matches(SURROUNDING_PUNCTUATION))
        .filter(|word| !word.is_empty())
        .collect();
    (0..words.len()).find_map(|start| {
        (1..=MAX_VERSION_WORDS).rev().find_map(|length| {
            let candidate = words.get(start..start + length)?.join(" ");
            parse_version(catalog, &candidate)
                .ok()
                .filter(|version| !version.is_whole_line())
        })
    })
}
