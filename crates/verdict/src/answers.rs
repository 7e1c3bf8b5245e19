//! Answers from named text fields, as typed on a command line or in a CSV.

use std::fmt;

use serde::de::DeserializeOwned;
use technote_rules::Answers;

/// The answer fields, named as the rules' JSON keys, the command-line flags
/// and the inventory columns.
pub const FIELDS: [&str; 7] = [
    "sign-in",
    "hosting",
    "server",
    "console",
    "windows",
    "windows-updated",
    "ie",
];

/// A field whose value is not one of the accepted words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub value: String,
    pub accepted: &'static [&'static str],
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

/// Builds answers from `(field, value)` pairs. Empty values are missing
/// answers; free-text fields (versions, Windows, IE) are passed to the rules
/// as typed, since telling the user what they meant is the rules' job.
pub fn answers_from_fields<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Answers, FieldError> {
    let mut answers = Answers::default();
    for (field, value) in fields {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match field {
            "sign-in" => {
                answers.sign_in = Some(choice(field, value, &["adobe-id", "password", "unknown"])?)
            }
            "hosting" => {
                answers.hosting = Some(choice(field, value, &["hosted", "on-premise", "hybrid"])?)
            }
            "windows-updated" => {
                answers.windows_updated = Some(choice(field, value, &["yes", "no", "unknown"])?)
            }
            "server" => answers.server = Some(value.to_string()),
            "console" => answers.console = Some(value.to_string()),
            "windows" => answers.windows = Some(value.to_string()),
            "ie" => answers.ie = Some(value.to_string()),
            _ => {}
        }
    }
    Ok(answers)
}

fn choice<T: DeserializeOwned>(
    field: &str,
    value: &str,
    accepted: &'static [&'static str],
) -> Result<T, FieldError> {
    let normalized = value.to_ascii_lowercase().replace(['_', ' '], "-");
    serde_json::from_value(serde_json::Value::String(normalized)).map_err(|_| FieldError {
        field: field.to_string(),
        value: value.to_string(),
        accepted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use technote_rules::{Hosting, SignIn};

    #[test]
    fn choices_accept_common_spellings_and_blank_is_missing() {
        let answers = answers_from_fields([
            ("sign-in", "Adobe_ID"),
            ("hosting", "on premise"),
            ("server", " 21.1.3 "),
            ("ie", ""),
        ])
        .unwrap();
        assert_eq!(answers.sign_in, Some(SignIn::AdobeId));
        assert_eq!(answers.hosting, Some(Hosting::OnPremise));
        assert_eq!(answers.server.as_deref(), Some("21.1.3"));
        assert_eq!(answers.ie, None);
    }

    #[test]
    fn a_wrong_choice_names_the_field_and_the_accepted_words() {
        let error = answers_from_fields([("hosting", "cloud")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "`cloud` is not a valid hosting; use one of: hosted, on-premise, hybrid"
        );
    }
}
