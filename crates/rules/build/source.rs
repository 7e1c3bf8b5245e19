//! The shape of `releases.toml`, exactly as written (see the schema comment at
//! the top of that file). Unknown keys are rejected so a typo such as
//! `minimun` cannot silently drop a minimum.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct CatalogSource {
    pub technote_list: Vec<String>,
    pub line: Vec<LineSource>,
    pub gold_standard: GoldStandardSource,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct LineSource {
    pub name: String,
    pub minimum: Option<String>,
    #[serde(default)]
    pub release_notes_only: bool,
    #[serde(default)]
    pub webview2: bool,
    pub releases: Vec<ReleaseSource>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ReleaseSource {
    pub name: String,
    pub builds: Vec<u32>,
    /// Named patches of the release ("IMS" for `7.3.3.IMS`).
    #[serde(default)]
    pub patches: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct GoldStandardSource {
    pub name: String,
    pub build: u32,
    pub minimum: u32,
    pub console_minimum: String,
    pub drops: Vec<DropSource>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DropSource {
    pub number: u32,
    pub suffix: String,
    pub date: String,
}
