//! The readiness rules compiled to WebAssembly for the in-page checks.
//!
//! [`DeclaredCheck`] evaluates any check declared as data (`<page>.check.toml` beside its technote):
//! the page hands it the check, already read and proven by the site, and
//! the release catalog the site was built with, once each in a compact text
//! form, then each set of answers as one string.
//!
//! The verdict goes back as JSON written by [`json`] rather than
//! serde_json, whose formatting machinery (numbers, floating point, errors)
//! weighed more than the rules themselves in the module.

mod json;

// dlmalloc, the standard allocator of wasm32, was the largest function of
// the module (7.5 KB of malloc, free and realloc); a page evaluates a few
// small verdicts, which a plain free list serves. The page runs the module
// on one thread only.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: WebAssembly in the page has no threads (no shared memory).
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

use std::collections::BTreeMap;

use technote_rules::{Catalog, Check, decode_check, evaluate_check};
use wasm_bindgen::prelude::wasm_bindgen;

/// Separates the answers handed to [`DeclaredCheck::evaluate`].
const ANSWER_SEPARATOR: char = '\u{1f}';

/// A declared check and its catalog, decoded once per page.
#[wasm_bindgen]
pub struct DeclaredCheck {
    check: Check,
    catalog: Catalog,
}

#[wasm_bindgen]
impl DeclaredCheck {
    /// Decodes the check and the release catalog the site wrote into the
    /// page, in the compact forms of [`technote_rules::encode_check`] and
    /// of the catalog's encoder. An error only means the page and this
    /// module come from different technote versions.
    #[wasm_bindgen(constructor)]
    pub fn new(check: &str, catalog: &str) -> Result<DeclaredCheck, String> {
        match (decode_check(check), Catalog::decode(catalog)) {
            (Some(check), Some(catalog)) => Ok(DeclaredCheck { check, catalog }),
            _ => Err("the page's check is not in this module's format".to_owned()),
        }
    }

    /// The verdict on `answers`: the text of each input, in the check's
    /// order, separated by U+001F (no form field holds that control
    /// character; decoding a JSON object instead doubled the module), as
    /// JSON: `{"status", "rule", "steps", "missing", "problems", "values"}`.
    pub fn evaluate(&self, answers: &str) -> Result<String, String> {
        let texts = answers.split(ANSWER_SEPARATOR);
        // Inserted one by one: collecting would sort, and bring a sort's
        // code into the module.
        let mut answers = BTreeMap::new();
        for (input, text) in self.check.inputs.iter().zip(texts) {
            answers.insert(input.name.clone(), text.to_owned());
        }
        Ok(json::verdict(&evaluate_check(
            &self.catalog,
            &self.check,
            &answers,
        )))
    }
}
