//! The readiness rules compiled to WebAssembly for the in-page checks.
//!
//! [`DeclaredCheck`] evaluates any check declared as data (`<page>.check.toml` beside its technote):
//! the page hands it the check, already read and proven by the site, once
//! in a compact text form, then each set of answers as one string.
//!
//! The verdict goes back as JSON written by [`json`] rather than
//! serde_json, whose formatting machinery (numbers, floating point, errors)
//! weighed more than the rules themselves in the module.

mod json;

use std::collections::BTreeMap;

use technote_rules::{Check, decode_check, evaluate_check};
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
        Ok(json::verdict(&evaluate_check(&self.check, &answers)))
    }
}
