//! Internet Explorer versions.

/// Oldest and newest Internet Explorer majors that exist on the Windows
/// versions a Campaign console ran on.
const KNOWN_MAJORS: std::ops::RangeInclusive<u8> = 5..=11;

/// Major version from "11", "IE 10", "ie9", "Internet Explorer 11",
/// "MSIE 8.0", "11.0.19041.1". `None` when not understood.
pub(crate) fn parse_internet_explorer(input: &str) -> Option<u8> {
    let words = crate::text::words(input)?;
    let meaningful: Vec<&str> = words
        .iter()
        .map(|word| {
            word.strip_prefix("msie")
                .or_else(|| word.strip_prefix("ie"))
                .unwrap_or(word)
        })
        .filter(|word| {
            !word.is_empty() && !matches!(*word, "microsoft" | "internet" | "explorer" | "version")
        })
        .collect();
    let [version] = meaningful.as_slice() else {
        return None;
    };
    let (major, rest) = version.split_once('.').unwrap_or((version, ""));
    let well_formed = !major.starts_with('0')
        && major.bytes().all(|byte| byte.is_ascii_digit())
        && rest
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.');
    let major: u8 = if well_formed {
        major.parse().ok()?
    } else {
        return None;
    };
    KNOWN_MAJORS.contains(&major).then_some(major)
}
