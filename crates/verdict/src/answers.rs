//! Answers from named text fields, as typed on a command line or in a CSV,
//! for a declared check: a field is named like the check's input.

use std::collections::BTreeMap;
use std::fmt;

use technote_rules::{Check, InputKind};

/// A field whose value is not one of its input's choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub value: String,
    pub accepted: Vec<String>,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a valid {}; use one of: {}",
            self.value,
            self.field,
            self.accepted.join(", ")
        )
    }
}

/// The names of the check's inputs: its flags and inventory columns.
pub fn field_names(check: &Check) -> Vec<&str> {
    check
        .inputs
        .iter()
        .map(|input| input.name.as_str())
        .collect()
}

/// Builds the answers of `check` from `(field, value)` pairs. Empty values
/// are missing answers; a choice is accepted in any case and with `_` or a
/// space for `-` (`Adobe_ID`, `on premise`); free text (versions, Windows,
/// Internet Explorer) is passed on as typed, since telling the user what
/// they meant is the evaluator's job. Fields that are no input are ignored.
pub fn answers_from_fields<'a>(
    check: &Check,
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<BTreeMap<String, String>, FieldError> {
    let mut answers = BTreeMap::new();
    for (field, value) in fields {
        let value = value.trim();
        let Some(input) = check.inputs.iter().find(|input| input.name == field) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let answer = match &input.kind {
            InputKind::Choice { choices, .. } => {
                let normalized = value.to_ascii_lowercase().replace(['_', ' '], "-");
                if !choices.contains(&normalized) {
                    return Err(FieldError {
                        field: field.to_owned(),
                        value: value.to_owned(),
                        accepted: choices.clone(),
                    });
                }
                normalized
            }
            _ => value.to_owned(),
        };
        answers.insert(field.to_owned(), answer);
    }
    Ok(answers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ims_2021() -> Check {
        let wire = include_str!("../../../tests/checks/ims-2021.wire");
        technote_rules::decode_check(wire.trim_end()).expect("the 2021 check decodes")
    }

    #[test]
    fn choices_accept_common_spellings_and_blank_is_missing() {
        let answers = answers_from_fields(
            &ims_2021(),
            [
                ("sign-in", "Adobe_ID"),
                ("hosting", "on premise"),
                ("server", " 21.1.3 "),
                ("ie", ""),
            ],
        )
        .unwrap();
        assert_eq!(answers.get("sign-in").map(String::as_str), Some("adobe-id"));
        assert_eq!(
            answers.get("hosting").map(String::as_str),
            Some("on-premise")
        );
        assert_eq!(answers.get("server").map(String::as_str), Some("21.1.3"));
        assert_eq!(answers.get("ie"), None);
    }

    #[test]
    fn a_wrong_choice_names_the_field_and_the_accepted_words() {
        let error = answers_from_fields(&ims_2021(), [("hosting", "cloud")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`cloud` is not a valid hosting; use one of: hosted, on-premise, hybrid"
        );
    }
}
