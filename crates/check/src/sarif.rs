//! `technote check --format sarif`: the report as SARIF 2.1.0, which CI
//! services (GitHub code scanning among them) turn into annotations on the
//! lines of a pull request.

use serde_json::{Value, json};
use technote_diagnostics::{Diagnostic, Severity};

use crate::CheckReport;

/// The report's diagnostics as one SARIF run of the `technote` tool, each
/// with its rule (its code), level, message, help and place.
pub fn sarif(report: &CheckReport) -> Value {
    let mut rules: Vec<&str> = report.diagnostics.iter().filter_map(|d| d.code).collect();
    rules.sort_unstable();
    rules.dedup();
    let results: Vec<Value> = report.diagnostics.iter().map(result).collect();
    json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {
                "name": "technote",
                "rules": rules.iter().map(|id| json!({"id": id})).collect::<Vec<_>>(),
            }},
            "results": results,
        }],
    })
}

fn result(diagnostic: &Diagnostic) -> Value {
    let mut text = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let mut region = serde_json::Map::new();
    if let Some(line) = diagnostic.line {
        region.insert("startLine".into(), json!(line));
        if let Some(column) = diagnostic.column {
            region.insert("startColumn".into(), json!(column));
        }
    }
    let mut location = json!({"artifactLocation": {
        "uri": diagnostic.file.to_string_lossy().replace('\\', "/"),
    }});
    if !region.is_empty() {
        location["region"] = Value::Object(region);
    }
    let mut result = json!({
        "level": match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": {"text": text},
        "locations": [{"physicalLocation": location}],
    });
    if let Some(code) = diagnostic.code {
        result["ruleId"] = json!(code);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagnostic_becomes_a_result_at_its_line_with_its_rule() {
        let report = CheckReport {
            diagnostics: vec![
                Diagnostic::warning("locales/fr/site.ftl", "`toc-title` is not translated")
                    .at(4, 1)
                    .with_code("ftl-missing")
                    .with_help("add it"),
                Diagnostic::error("technote.toml", "bad"),
            ],
            locales: Vec::new(),
            deny_warnings: false,
        };
        let sarif = sarif(&report);
        let run = &sarif["runs"][0];
        assert_eq!(
            run["tool"]["driver"]["rules"],
            json!([{"id": "ftl-missing"}])
        );
        let first = &run["results"][0];
        assert_eq!(first["ruleId"], "ftl-missing");
        assert_eq!(first["level"], "warning");
        assert_eq!(
            first["message"]["text"],
            "`toc-title` is not translated\nhelp: add it"
        );
        let place = &first["locations"][0]["physicalLocation"];
        assert_eq!(place["artifactLocation"]["uri"], "locales/fr/site.ftl");
        assert_eq!(place["region"], json!({"startLine": 4, "startColumn": 1}));
        assert!(run["results"][1].get("ruleId").is_none());
        assert!(
            run["results"][1]["locations"][0]["physicalLocation"]
                .get("region")
                .is_none()
        );
    }
}
