//! The readiness rules compiled to WebAssembly for the in-page checks.
//!
//! [`DeclaredCheck`] evaluates any check declared as data (`<page>.check.toml` beside its technote):
//! the page hands it the check, already read and proven by the site, once
//! in a compact text form, then each set of answers as one string.
//!
//! For the June 2021 check, [`evaluate`] takes the form's answers
//! as plain strings, one argument per field, and returns the
//! [`technote_rules::Verdict`] as JSON. The answers do not arrive as JSON on
//! purpose: decoding JSON links serde_json's number parsing and serde's error
//! formatting (floating point included), which doubled the module's size,
//! while the radio choices decode from a bare string with serde's own
//! `IntoDeserializer` at almost no cost.

use serde::de::value::{Error as ChoiceError, StrDeserializer};
use serde::de::{DeserializeOwned, IntoDeserializer};
use std::collections::BTreeMap;

use technote_rules::{Answers, Check, decode_check, evaluate_check};
use wasm_bindgen::prelude::wasm_bindgen;

/// Separates the answers handed to [`DeclaredCheck::evaluate`].
const ANSWER_SEPARATOR: char = '\u{1f}';

/// A declared check, decoded once per page.
#[wasm_bindgen]
pub struct DeclaredCheck {
    check: Check,
}

#[wasm_bindgen]
impl DeclaredCheck {
    /// Decodes the check the site wrote into the page in the compact form
    /// of [`technote_rules::encode_check`]. An error only means the page and
    /// this module come from different technote versions.
    #[wasm_bindgen(constructor)]
    pub fn new(encoded: &str) -> Result<DeclaredCheck, String> {
        decode_check(encoded)
            .map(|check| DeclaredCheck { check })
            .ok_or_else(|| "the page's check is not in this module's format".to_owned())
    }

    /// The verdict on `answers`: the text of each input, in the check's
    /// order, separated by U+001F (no form field holds that control
    /// character; decoding a JSON object instead doubled the module), as
    /// JSON: `{"status", "rule", "steps", "missing", "problems", "values"}`.
    pub fn evaluate(&self, answers: &str) -> Result<String, String> {
        let texts = answers.split(ANSWER_SEPARATOR);
        let answers: BTreeMap<String, String> = self
            .check
            .inputs
            .iter()
            .zip(texts)
            .map(|(input, text)| (input.name.clone(), text.to_owned()))
            .collect();
        serde_json::to_string(&evaluate_check(&self.check, &answers))
            .map_err(|error| error.to_string())
    }
}

/// Evaluates the visitor's answers and returns the verdict as JSON
/// (`{"status": ..., "findings": [{"code", "args", "topic"}]}`).
///
/// Each argument is the value of the form field with the same kebab-case
/// name (`sign-in`, `hosting`, `server`, `console`, `windows`,
/// `windows-updated`, `ie`); an empty string means unanswered. Free text is
/// judged by the rules, so anything a visitor types yields a verdict. An
/// error, thrown to JS with its message, only means the page sent a choice
/// the rules do not know (e.g. `hosting: "cloud"`): a bug in the page.
#[wasm_bindgen]
pub fn evaluate(
    sign_in: &str,
    hosting: &str,
    server: &str,
    console: &str,
    windows: &str,
    windows_updated: &str,
    ie: &str,
) -> Result<String, String> {
    let answers = Answers {
        sign_in: choice(sign_in)?,
        hosting: choice(hosting)?,
        server: text(server),
        console: text(console),
        windows: text(windows),
        windows_updated: choice(windows_updated)?,
        ie: text(ie),
    };
    let verdict = technote_rules::evaluate(&answers);
    serde_json::to_string(&verdict).map_err(|error| error.to_string())
}

fn text(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

/// Decodes a radio choice by its serde name (`"adobe-id"`, `"on-premise"`...).
fn choice<T: DeserializeOwned>(value: &str) -> Result<Option<T>, String> {
    if value.is_empty() {
        return Ok(None);
    }
    let deserializer: StrDeserializer<'_, ChoiceError> = value.into_deserializer();
    T::deserialize(deserializer)
        .map(Some)
        .map_err(|error| error.to_string())
}
