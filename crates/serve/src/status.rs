//! The state of the latest build, shared between the rebuild task and every
//! open tab through a `tokio::sync::watch` channel: a tab that connects late
//! still sees the current state, and a burst of builds reaches a slow tab as
//! its latest outcome only.

use std::sync::Arc;

use serde_json::{Value, json};
use technote_diagnostics::{Diagnostic, Severity};

/// What the open tabs need to know about the site.
#[derive(Debug, Clone)]
pub(crate) struct SiteStatus {
    /// The path the site is mounted at (`/` or e.g. `/docs/`), taken from
    /// the configuration of the last good build.
    pub base_path: Arc<str>,
    pub latest: LatestBuild,
}

#[derive(Debug, Clone)]
pub(crate) enum LatestBuild {
    /// The site on disk is current: tabs reload, then show these warnings
    /// (the build's and the Fluent lint's, as the `warnings` event's JSON;
    /// `[]` when there are none) in a panel they may dismiss.
    Succeeded(Arc<str>),
    /// The last build failed: tabs keep the last good site and show these
    /// diagnostics, already encoded as the `error` event's JSON.
    Failed(Arc<str>),
}

impl SiteStatus {
    pub fn new(base_path: Arc<str>, latest: LatestBuild) -> Self {
        Self { base_path, latest }
    }
}

/// The state before the first build: nothing to warn about yet.
pub(crate) fn no_warnings() -> LatestBuild {
    LatestBuild::Succeeded(Arc::from("[]"))
}

/// The `error` (and `warnings`) event's payload: one object per diagnostic with its parts for
/// tools, and `text`, the exact lines the terminal printed, for people.
pub(crate) fn diagnostics_json(diagnostics: &[Diagnostic]) -> Arc<str> {
    let list: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            json!({
                "file": d.file.to_string_lossy(),
                "line": d.line,
                "column": d.column,
                "severity": severity_name(d.severity),
                "message": d.message,
                "help": d.help,
                "code": d.code,
                "text": d.to_string(),
            })
        })
        .collect();
    Arc::from(Value::Array(list).to_string())
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_payload_carries_position_help_and_the_terminal_text() {
        let diagnostic = Diagnostic::error("content/fr/a.md", "unknown alert type")
            .at(3, 5)
            .with_help("use NOTE or TIP");
        let json: Value = serde_json::from_str(&diagnostics_json(&[diagnostic])).unwrap();
        assert_eq!(
            json,
            json!([{
                "file": "content/fr/a.md",
                "line": 3,
                "column": 5,
                "severity": "error",
                "message": "unknown alert type",
                "help": "use NOTE or TIP",
                "code": null,
                "text": "content/fr/a.md:3:5: error: unknown alert type\n  help: use NOTE or TIP",
            }])
        );
    }

    #[test]
    fn missing_positions_are_null() {
        let json: Value = serde_json::from_str(&diagnostics_json(&[Diagnostic::error(
            "technote.toml",
            "bad",
        )]))
        .unwrap();
        assert_eq!(json[0]["line"], Value::Null);
        assert_eq!(json[0]["help"], Value::Null);
    }
}
