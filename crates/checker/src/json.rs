//! A [`CheckVerdict`] as the JSON `www/checks.js` reads: the same object
//! `serde_json` would write for it (the Node tests compare the two through
//! the tables of cases), written by hand to keep the module small.

use technote_rules::CheckVerdict;

pub fn verdict(verdict: &CheckVerdict) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("{\"status\":");
    string(&mut out, &verdict.status);
    out.push_str(",\"rule\":");
    match &verdict.rule {
        Some(rule) => string(&mut out, rule),
        None => out.push_str("null"),
    }
    out.push_str(",\"steps\":");
    strings(&mut out, &verdict.steps);
    out.push_str(",\"missing\":");
    strings(&mut out, &verdict.missing);
    out.push_str(",\"problems\":[");
    for (index, problem) in verdict.problems.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str("{\"input\":");
        string(&mut out, &problem.input);
        out.push_str(",\"problem\":");
        string(&mut out, &problem.problem);
        out.push('}');
    }
    out.push_str("],\"values\":[");
    for (index, value) in verdict.values.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        out.push_str("{\"input\":");
        string(&mut out, &value.input);
        out.push_str(",\"value\":");
        string(&mut out, &value.value);
        if let Some(minimum) = &value.minimum {
            out.push_str(",\"minimum\":");
            string(&mut out, minimum);
        }
        if let Some(minimum) = &value.console_minimum {
            out.push_str(",\"console_minimum\":");
            string(&mut out, minimum);
        }
        out.push('}');
    }
    out.push_str("]}");
    out
}

fn strings(out: &mut String, items: &[String]) {
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        string(out, item);
    }
    out.push(']');
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            control if (control as u32) < 0x20 => {
                let code = control as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[code >> 4]));
                out.push(char::from(HEX[code & 0xf]));
            }
            other => out.push(other),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use technote_rules::{CheckVerdict, FieldProblem, FieldValue};

    #[test]
    fn writes_what_serde_json_writes() {
        let verdict = CheckVerdict {
            status: "incomplete".to_owned(),
            rule: None,
            steps: vec!["a \"quoted\" \\ step".to_owned()],
            missing: vec!["hosting".to_owned(), "ie".to_owned()],
            problems: vec![FieldProblem {
                input: "server".to_owned(),
                problem: "not-understood\u{1}\n".to_owned(),
            }],
            values: vec![
                FieldValue {
                    input: "console".to_owned(),
                    value: "21.1.2 (build 9282)".to_owned(),
                    minimum: Some("21.1.3 (build 9330)".to_owned()),
                    console_minimum: Some("21.1.3 (build 9330)".to_owned()),
                },
                FieldValue {
                    input: "version".to_owned(),
                    value: "build 8000".to_owned(),
                    minimum: None,
                    console_minimum: None,
                },
            ],
        };
        let same = |verdict: &CheckVerdict| {
            let ours: serde_json::Value =
                serde_json::from_str(&super::verdict(verdict)).expect("valid JSON");
            assert_eq!(ours, serde_json::to_value(verdict).expect("serializable"));
        };
        same(&verdict);
        let decided = CheckVerdict {
            status: "ready".to_owned(),
            rule: Some("all-ready".to_owned()),
            ..verdict
        };
        same(&decided);
    }
}
