//! Verdicts worded in the user's language, from the same Fluent messages as
//! the in-page checker.

use serde::Serialize;
use technote_i18n::{FluentArgs, Localizer, MessageError};
use technote_rules::{Status, Verdict};
use unic_langid::LanguageIdentifier;

/// A verdict with its text, as `technote verdict --json` prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalizedVerdict {
    pub status: Status,
    pub status_text: String,
    pub findings: Vec<LocalizedFinding>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalizedFinding {
    pub code: String,
    /// Argument values by name, e.g. `{"server": "20.2.4 (build 9187)"}`.
    pub args: serde_json::Map<String, serde_json::Value>,
    /// Anchor id of the technote section or FAQ entry that explains it.
    pub topic: String,
    pub text: String,
}

impl LocalizedVerdict {
    /// Ready and not-affected need nothing done.
    pub fn is_fine(&self) -> bool {
        matches!(self.status, Status::Ready | Status::NotAffected)
    }
}

pub fn localize(
    verdict: &Verdict,
    localizer: &Localizer,
    locale: &LanguageIdentifier,
) -> Result<LocalizedVerdict, MessageError> {
    let status_text = localizer.format(
        locale,
        &format!("check-ims-2021-status-{}", verdict.status.as_str()),
        None,
    )?;
    let findings = verdict
        .findings
        .iter()
        .map(|finding| {
            let mut fluent_args = FluentArgs::new();
            let mut args = serde_json::Map::new();
            for arg in &finding.args {
                fluent_args.set(arg.name.as_str(), arg.value.clone());
                args.insert(arg.name.as_str().to_string(), arg.value.clone().into());
            }
            let text = localizer.format(
                locale,
                &format!("check-ims-2021-finding-{}", finding.code.as_str()),
                Some(&fluent_args),
            )?;
            Ok(LocalizedFinding {
                code: finding.code.as_str().to_string(),
                args,
                topic: finding.topic.as_str().to_string(),
                text,
            })
        })
        .collect::<Result<_, MessageError>>()?;
    Ok(LocalizedVerdict {
        status: verdict.status,
        status_text,
        findings,
    })
}
