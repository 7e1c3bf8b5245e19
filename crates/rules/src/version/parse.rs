//! The spellings people use for a version: "21.1.3", "v21.1.3",
//! "Campaign Classic 20.2.5", "7.0 build 9330", "build 9330", "9330",
//! "9032@d030c36", "Gold Standard 11", "GS11", "gs 11", "19.2", "7.3.3.IMS", and our own
//! display form "21.1.3 (build 9330)". Case and extra spaces do not matter.

use super::{Version, VersionError};
use crate::MAX_ANSWER_LENGTH;
use crate::catalog::Catalog;

/// Words that may precede a version and say nothing about it. "7.0" and
/// "v7" name the product (Campaign Classic v7), as in "7.0 build 9330".
const PRODUCT_WORDS: &[&str] = &[
    "adobe", "campaign", "classic", "acc", "client", "console", "server", "version", "release",
    "v7", "v7.0", "7.0",
];

/// Parses what a user typed as a Campaign server or console version.
///
/// - A release number is looked up in the catalog; "20.2" names a whole line
///   when no release is called that; an unlisted number on a known line
///   ("19.2.2", "7.4.2") is placed between its known neighbours by its
///   numbers and reported as not in the catalog.
/// - A build not in the catalog is placed by its number and takes the line
///   of the known build just below it.
/// - "9032" alone is [`VersionError::AmbiguousBuild`]: 19.1.4 and every Gold
///   Standard drop share it, and they differ on readiness.
/// - "<release> build <build>" must name one release twice, otherwise the
///   text contradicts itself and is not understood.
///
/// Inputs over [`MAX_ANSWER_LENGTH`] bytes are rejected before any work, so
/// any input runs in bounded time; non-ASCII text (full-width digits, RTL
/// text, emoji) is not understood.
pub fn parse_version<'c>(catalog: &'c Catalog, input: &str) -> Result<Version<'c>, VersionError> {
    if input.len() > MAX_ANSWER_LENGTH {
        return Err(VersionError::TooLong);
    }
    let lowered = input.to_ascii_lowercase();
    let tokens: Vec<&str> = lowered
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ':' | ';'))
        .filter(|token| !token.is_empty())
        .collect();
    if tokens.is_empty() {
        return Err(VersionError::Empty);
    }
    if !tokens.iter().all(|token| token.is_ascii()) {
        return Err(VersionError::NotUnderstood);
    }
    let mut words = tokens.as_slice();
    while let [first, rest @ ..] = words
        && !rest.is_empty()
        && PRODUCT_WORDS.contains(first)
    {
        words = rest;
    }
    let (head, build) = split_at_build_keyword(words)?;
    let named = parse_name(catalog, head)?;
    let built = build.map(|build| parse_build(catalog, build)).transpose()?;
    match (named, built) {
        (Some(version), None) | (None, Some(version)) => Ok(version),
        // A patch is not a build: "7.3.3.IMS build 9359" keeps the patch.
        (Some(named), Some(built)) if named.covers(&built) && named.patch().is_some() => Ok(named),
        (Some(named), Some(built)) if named.covers(&built) => Ok(built),
        _ => Err(VersionError::NotUnderstood),
    }
}

/// Splits "21.1.3 build 9330" / "build9330" into the words before the
/// keyword and the one build token after it.
fn split_at_build_keyword<'a>(
    words: &'a [&'a str],
) -> Result<(&'a [&'a str], Option<&'a str>), VersionError> {
    let Some(position) = words.iter().position(|word| word.starts_with("build")) else {
        return Ok((words, None));
    };
    let (head, rest) = words.split_at(position);
    match rest {
        [keyword, build] if *keyword == "build" => Ok((head, Some(build))),
        [joined] => match joined.strip_prefix("build") {
            Some(build) if !build.is_empty() => Ok((head, Some(build))),
            _ => Err(VersionError::NotUnderstood),
        },
        _ => Err(VersionError::NotUnderstood),
    }
}

/// The words before any "build" keyword: a release or a Gold Standard
/// number, or a bare build.
fn parse_name<'c>(
    catalog: &'c Catalog,
    words: &[&str],
) -> Result<Option<Version<'c>>, VersionError> {
    let version = match words {
        [] => return Ok(None),
        ["gold", "standard", number] | ["goldstandard", number] | ["gs", number] => {
            gold_standard(catalog, number)
        }
        [word] => match word.strip_prefix("gs") {
            Some(number) => gold_standard(catalog, number),
            None if word.contains('.') => release(catalog, word),
            None => parse_build(catalog, word),
        },
        _ => Err(VersionError::NotUnderstood),
    };
    version.map(Some)
}

fn gold_standard<'c>(catalog: &'c Catalog, number: &str) -> Result<Version<'c>, VersionError> {
    let number = decimal(number, 1..=2).ok_or(VersionError::NotUnderstood)?;
    Version::from_gold_standard_number(catalog, number)
}

/// "21.1.3", "v7.3.2", "19.2", and a release with a patch of the catalog:
/// "7.3.3.ims".
fn release<'c>(catalog: &'c Catalog, word: &str) -> Result<Version<'c>, VersionError> {
    if let Some((number, patch)) = word.rsplit_once('.')
        && !patch.is_empty()
        && patch.bytes().all(|byte| byte.is_ascii_alphabetic())
    {
        return release(catalog, number)?.with_patch(patch);
    }
    let digits = word.strip_prefix('v').unwrap_or(word);
    if !digits
        .bytes()
        .all(|byte| byte.is_ascii_digit() || byte == b'.')
    {
        return Err(VersionError::NotUnderstood);
    }
    let number = release_number(digits).ok_or(VersionError::NotUnderstood)?;
    Version::from_release_number(catalog, number)
}

/// "21.1.3" or "19.2" (as "19.2.0") as major, minor and patch: numbers
/// without leading zeros ("0" alone is one). Written out rather than
/// parsed with semver, whose parser weighed 4.7 KB in the browser's module.
fn release_number(digits: &str) -> Option<(u64, u64, u64)> {
    let mut numbers = [0_u64; 3];
    let mut count = 0;
    for part in digits.split('.') {
        let well_formed = !part.is_empty()
            && (part == "0" || !part.starts_with('0'))
            && part.bytes().all(|byte| byte.is_ascii_digit());
        let slot = numbers.get_mut(count)?;
        *slot = well_formed.then(|| part.parse().ok()).flatten()?;
        count += 1;
    }
    (count >= 2).then_some((numbers[0], numbers[1], numbers[2]))
}

/// "9330", "9032@d030c36", or a full commit hash after the "@".
fn parse_build<'c>(catalog: &'c Catalog, word: &str) -> Result<Version<'c>, VersionError> {
    let (number, suffix) = match word.split_once('@') {
        Some((number, suffix)) => (number, Some(suffix)),
        None => (word, None),
    };
    let build = decimal(number, 4..=5).ok_or(VersionError::NotUnderstood)?;
    let commit = |suffix: &&str| {
        (7..=40).contains(&suffix.len()) && suffix.bytes().all(|byte| byte.is_ascii_hexdigit())
    };
    if suffix.is_some_and(|suffix| !commit(&suffix)) {
        return Err(VersionError::NotUnderstood);
    }
    Version::from_build(catalog, build, suffix)
}

/// A decimal number without leading zero, with a number of digits in `digits`.
fn decimal(text: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    let well_formed = digits.contains(&text.len())
        && !text.starts_with('0')
        && text.bytes().all(|byte| byte.is_ascii_digit());
    well_formed.then(|| text.parse().ok()).flatten()
}
