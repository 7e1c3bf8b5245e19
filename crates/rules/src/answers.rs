//! What the user tells the checker. JSON keys are kebab-case (`sign-in`,
//! `windows-updated`); every key may be absent, and an empty or blank string
//! counts as absent.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct Answers {
    pub sign_in: Option<SignIn>,
    pub hosting: Option<Hosting>,
    /// Server version as typed: "21.1.3", "build 9330", "GS11"... (see
    /// [`crate::parse_version`]).
    pub server: Option<String>,
    /// Client Console version as typed; its About box shows the build.
    pub console: Option<String>,
    /// Windows version of the console machine: an id of
    /// [`crate::WindowsVersion::ALL`] ("windows-10") or free text
    /// ("Windows Server 2016", "win10").
    pub windows: Option<String>,
    pub windows_updated: Option<Tristate>,
    /// Internet Explorer version of the console machine: "11", "IE 10",
    /// "Internet Explorer 9", "11.0.19041".
    pub ie: Option<String>,
}

/// How operators sign in to the Client Console.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignIn {
    /// With an Adobe ID, through IMS.
    AdobeId,
    /// With a Campaign login and password.
    Password,
    Unknown,
}

/// Who runs the Campaign server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Hosting {
    /// Managed by Adobe.
    Hosted,
    OnPremise,
    Hybrid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tristate {
    Yes,
    No,
    Unknown,
}
