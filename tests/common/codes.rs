//! The table of diagnostic codes in TRANSLATING.md, which every diagnostic
//! technote prints must name.

use std::collections::BTreeSet;
use std::fs;

use super::repo_root;

/// The codes of TRANSLATING.md's table: the first cell of each row
/// (`` | `ftl-missing` | warning | … ``).
pub fn documented() -> BTreeSet<String> {
    let guide = fs::read_to_string(repo_root().join("TRANSLATING.md")).expect("TRANSLATING.md");
    guide
        .lines()
        .filter_map(|line| line.strip_prefix("| `")?.split_once("` |"))
        .map(|(code, _)| code.to_string())
        .collect()
}

/// Problems with the headlines (`file:line:col: level: message [code]`)
/// of printed diagnostics: each must end with a documented code.
pub fn undocumented_in_text(printed: &str, documented: &BTreeSet<String>) -> Vec<String> {
    printed
        .lines()
        .filter(|line| {
            !line.starts_with(' ') && (line.contains(": error: ") || line.contains(": warning: "))
        })
        .filter(|line| {
            let code = line
                .strip_suffix(']')
                .and_then(|rest| rest.rsplit_once(" ["))
                .map(|(_, code)| code);
            !code.is_some_and(|code| documented.contains(code))
        })
        .map(|line| format!("no documented [code]: {line}"))
        .collect()
}

/// Problems with the diagnostics of a `--format json` report: each must
/// have a documented `"code"`.
pub fn undocumented_in_json(
    report: &serde_json::Value,
    documented: &BTreeSet<String>,
) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| {
            !d["code"]
                .as_str()
                .is_some_and(|code| documented.contains(code))
        })
        .map(|d| format!("no documented \"code\" in JSON: {d}"))
        .collect()
}

/// Every row of the table, duplicates included.
pub fn rows() -> usize {
    let guide = fs::read_to_string(repo_root().join("TRANSLATING.md")).expect("TRANSLATING.md");
    guide.lines().filter(|line| line.starts_with("| `")).count()
}
