//! What a check's form needs, worked out from its declaration: the
//! fields, the decision list shown without JavaScript, and the message id
//! of every label, hint, status, step and rule, so that the template never
//! spells the naming scheme (`check-<id>-…`, docs/checks.md).

use serde_json::{Value, json};
use technote_rules::{Check, InputKind, message_id};

/// What `templates/widgets/check.html` needs: message ids worked out here,
/// so the template never spells the naming scheme.
pub(crate) fn view(check: &Check) -> Value {
    let id = |suffix: &str| message_id(&check.id, suffix);
    let inputs: Vec<Value> = check
        .inputs
        .iter()
        .map(|input| {
            let name = &input.name;
            let (kind, choices) = match &input.kind {
                InputKind::Version => ("version", Vec::new()),
                // Typed as people write them, read by the rules crate.
                InputKind::Windows => ("windows", Vec::new()),
                InputKind::InternetExplorer => ("internet-explorer", Vec::new()),
                InputKind::Choice { choices, .. } => (
                    "choice",
                    choices
                        .iter()
                        .map(|choice| json!({"value": choice, "label_id": id(&format!("{name}-{choice}"))}))
                        .collect(),
                ),
            };
            json!({
                "name": name,
                "type": kind,
                "typed": choices.is_empty(),
                "label_id": id(&format!("{name}-label")),
                "hint_id": id(&format!("{name}-hint")),
                "choices": choices,
            })
        })
        .collect();
    let rules: Vec<Value> = check
        .rules
        .iter()
        .map(|rule| {
            let status = check.statuses.get(rule.status).map_or("", String::as_str);
            let steps: Vec<String> = rule
                .steps
                .iter()
                .filter_map(|step| check.steps.get(*step))
                .map(|step| id(&format!("step-{}", step.name)))
                .collect();
            json!({
                "name": rule.name,
                "text_id": id(&format!("rule-{}", rule.name)),
                "status": status,
                "status_id": id(&format!("status-{status}")),
                "step_ids": steps,
            })
        })
        .collect();
    json!({
        "id": check.id,
        "title_id": id("title"),
        "intro_id": id("intro"),
        "inputs": inputs,
        "rules": rules,
    })
}
