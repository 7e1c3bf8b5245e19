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
}

impl Condition {
    /// Inputs the condition reads, by index, each once per mention.
    pub fn inputs(&self, found: &mut Vec<usize>) {
        match self {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|part| part.inputs(found));
            }
            Condition::Not(inner) => inner.inputs(found),
            Condition::Choice { input, .. } | Condition::Version { input, .. } => {
                found.push(*input);
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
