//! A validated check: what [`super::read_declaration`] makes of a
//! declaration, and what [`super::evaluate_check`] runs. Names are the
//! declaration's; inputs are referred to by position.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// `ims-migration`: the widget `check-<id>`, `--check <id>`, and the
    /// prefix of every Fluent message of the check (`check-<id>-…`).
    pub id: String,
    /// In the order the form asks them.
    pub inputs: Vec<Input>,
    /// Every status a rule may give, in the order the declaration lists them.
    pub statuses: Vec<String>,
    /// Every next step, in the order a verdict lists them.
    pub steps: Vec<Step>,
    pub rules: Vec<Rule>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// Field name in the form, `--<name>` on the CLI, CSV column.
    pub name: String,
    pub kind: InputKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InputKind {
    /// A Campaign release, build or Gold Standard number as people type it
    /// (see [`crate::parse_version`]), `.IMS` patches included.
    Version,
    /// One of a few values; a yes/no question is a choice of `yes` and `no`.
    Choice { choices: Vec<String>, yes_no: bool },
    /// A Windows version as people write it ("Windows 10 Pro", "win10",
    /// see [`crate::parse_windows`]), tested like a choice of the ids of
    /// [`crate::WindowsVersion::ALL`].
    Windows,
    /// An Internet Explorer version ("11", "IE 10", "11.0.19041.1"), read
    /// as its major number.
    InternetExplorer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub name: String,
    /// The step is listed only when this holds.
    pub when: Condition,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub name: String,
    pub when: Condition,
    /// Index into [`Check::statuses`].
    pub status: usize,
    /// Indices into [`Check::steps`], in the declaration's order.
    pub steps: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// The choice input at `input` is one of `values`.
    Choice {
        input: usize,
        values: Vec<String>,
    },
    /// The version input at `input` passes `test`.
    Version {
        input: usize,
        test: VersionTest,
    },
    /// The input was answered (a blank is not), understood or not. Always
    /// decided, so that a step can be about an unanswered question.
    Answered(usize),
    /// The Internet Explorer input at `input` is older than `major`.
    OlderBrowser {
        input: usize,
        major: u8,
    },
}

/// Releases are catalog names ("7.3.5", "7.3.3.IMS", "Gold Standard 11"),
/// checked against the catalog when the declaration is read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VersionTest {
    AtLeast(String),
    Below(String),
    /// Exactly one of these releases, patch included: `7.3.3` is not
    /// `7.3.3.IMS`.
    OneOf(Vec<String>),
    /// At least the first ready release of the version's own line (the
    /// catalog's `minimum`), counting the build the server or the console
    /// needs; a line without one fails.
    AtLeastLineMinimum(Part),
    /// The version's line has this property in the catalog; a version
    /// older than every line has none.
    Line(LineFlag),
    /// The version is a release, patch or drop the catalog lists (not a
    /// build between known ones).
    InCatalog,
    /// Older than the version answered at this input (by build, drops by
    /// date). Versions that cannot be ordered ("20.2" against 20.2.5) are
    /// neither older nor newer.
    OlderThan(usize),
    /// A newer release than the version answered at this input: the drops
    /// of one Gold Standard number are one release.
    NewerReleaseThan(usize),
}

/// Which build of a line's minimum release a test counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    Server,
    /// The Client Console, whose minimum build may be later (the Gold
    /// Standard 11 console fix).
    Console,
}

/// Properties the catalog gives a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineFlag {
    /// The line has a first ready release (`minimum`).
    HasMinimum,
    /// Its Client Console signs in through Microsoft Edge WebView2.
    Webview2,
    /// Its readiness comes from release notes, not from the technote.
    ReleaseNotesOnly,
}

impl Condition {
    /// Inputs the condition reads, by index, each once per mention.
    pub fn inputs(&self, found: &mut Vec<usize>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|part| part.inputs(found));
            }
            Condition::Not(inner) => inner.inputs(found),
            Condition::Choice { input, .. }
            | Condition::Answered(input)
            | Condition::OlderBrowser { input, .. } => found.push(*input),
            Condition::Version { input, test } => {
                found.push(*input);
                if let VersionTest::OlderThan(other) | VersionTest::NewerReleaseThan(other) = test {
                    found.push(*other);
                }
            }
        }
    }
}

/// The Fluent id of one of the check's messages: `check-<id>-<suffix>`, with
/// the dots of release numbers (status `needs-7.4.1`) as hyphens, since
/// Fluent ids have no dots.
pub fn message_id(check_id: &str, suffix: &str) -> String {
    format!("check-{check_id}-{suffix}").replace('.', "-")
}
