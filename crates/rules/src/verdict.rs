//! What [`crate::evaluate`] returns. Every name serializes in kebab-case, and
//! `as_str` gives the same string, which is also the suffix of the Fluent
//! message ids `check-ims-2021-status-<status>` and `check-ims-2021-finding-<code>`.

use serde::{Deserialize, Serialize};

/// The outcome of a readiness check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Signs in with a Campaign login and password: the IMS change does not
    /// apply.
    NotAffected,
    /// Every answer checks out.
    Ready,
    /// Something must be upgraded or updated before sign-in works.
    ActionNeeded,
    /// Sign-in is impossible until fixed (Internet Explorer older than 11).
    Blocked,
    /// An answer is missing or not understood, and nothing worse was found.
    Incomplete,
}

impl Status {
    pub const ALL: &'static [Status] = &[
        Status::NotAffected,
        Status::Ready,
        Status::ActionNeeded,
        Status::Blocked,
        Status::Incomplete,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Status::NotAffected => "not-affected",
            Status::Ready => "ready",
            Status::ActionNeeded => "action-needed",
            Status::Blocked => "blocked",
            Status::Incomplete => "incomplete",
        }
    }
}

/// The anchor id of the technote section or FAQ entry that explains a
/// finding. Every locale of the technote uses these ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    WhatChanged,
    AreYouAffected,
    HowToUpdate,
    CheckVersion,
    CheckIms,
    SignInWarning,
    UpdateRequired,
    MinimumReleases,
}

impl Topic {
    pub const ALL: &'static [Topic] = &[
        Topic::WhatChanged,
        Topic::AreYouAffected,
        Topic::HowToUpdate,
        Topic::CheckVersion,
        Topic::CheckIms,
        Topic::SignInWarning,
        Topic::UpdateRequired,
        Topic::MinimumReleases,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Topic::WhatChanged => "what-changed",
            Topic::AreYouAffected => "are-you-affected",
            Topic::HowToUpdate => "how-to-update",
            Topic::CheckVersion => "check-version",
            Topic::CheckIms => "check-ims",
            Topic::SignInWarning => "sign-in-warning",
            Topic::UpdateRequired => "update-required",
            Topic::MinimumReleases => "minimum-releases",
        }
    }
}

/// The name of a finding's argument, which is also the Fluent variable the
/// message uses (`{ $server }`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArgName {
    /// The server version, canonical form: "20.2.4 (build 9187)".
    Server,
    /// The console version, canonical form.
    Console,
    /// Any version, canonical form, when the finding may be about either.
    Version,
    /// A minimum release with its build: "20.2.5 (build 9188)".
    Minimum,
    /// A line name: "20.3".
    Line,
    /// What the user typed, trimmed to a short length, control and
    /// direction characters replaced by U+FFFD.
    Input,
    /// Examples of accepted spellings, comma-separated.
    Examples,
    /// A Windows version: "Windows Server 2012".
    Windows,
    /// Supported Windows versions, comma-separated.
    Supported,
    /// An Internet Explorer major version: "10".
    Ie,
}

impl ArgName {
    pub const ALL: &'static [ArgName] = &[
        ArgName::Server,
        ArgName::Console,
        ArgName::Version,
        ArgName::Minimum,
        ArgName::Line,
        ArgName::Input,
        ArgName::Examples,
        ArgName::Windows,
        ArgName::Supported,
        ArgName::Ie,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            ArgName::Server => "server",
            ArgName::Console => "console",
            ArgName::Version => "version",
            ArgName::Minimum => "minimum",
            ArgName::Line => "line",
            ArgName::Input => "input",
            ArgName::Examples => "examples",
            ArgName::Windows => "windows",
            ArgName::Supported => "supported",
            ArgName::Ie => "ie",
        }
    }
}

/// One value to substitute into a finding's message. Serializes as
/// `{"name": "server", "value": "20.2.4 (build 9187)"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingArg {
    pub name: ArgName,
    pub value: String,
}

/// One thing the checker found, worded by the Fluent message
/// `check-ims-2021-finding-<code>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub code: crate::FindingCode,
    /// In the order of [`crate::FindingCode::arg_names`].
    pub args: Vec<FindingArg>,
    pub topic: Topic,
}

/// The status and the findings, most important first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub status: Status,
    pub findings: Vec<Finding>,
}
