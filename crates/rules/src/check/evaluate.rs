//! The general evaluator: answers in, one rule's status and steps out.
//!
//! Conditions are judged in three values: an unanswered input, an answer the
//! catalog cannot place, or a version that covers releases on both sides of
//! a test ("7.3", or build 9359, which is both 7.3.3 and 7.3.3.IMS) leave a
//! test undecided. A verdict is given as soon as one rule holds whatever the
//! undecided answers turn out to be; reading the declaration proved that at
//! most one rule holds for any complete set of answers, so that rule is the
//! answer. Otherwise the verdict is [`INCOMPLETE`] and says which answers
//! would decide it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use std::cmp::Ordering;

use super::model::{Check, Condition, InputKind, LineFlag, Part, VersionTest};
use crate::browser::parse_internet_explorer;
use crate::catalog::Catalog;
use crate::order::Standing;
use crate::version::{Version, VersionError, parse_version};
use crate::windows::parse_windows;

/// The status of a verdict that needs more or better answers; no check may
/// declare a status of that name.
pub const INCOMPLETE: &str = "incomplete";

/// Serializes as `{"status", "rule", "steps", "missing", "problems", "values"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckVerdict {
    /// A status of the check, or [`INCOMPLETE`].
    pub status: String,
    /// The rule that gave the status.
    pub rule: Option<String>,
    /// Next steps in order (names of the check's steps).
    pub steps: Vec<String>,
    /// Unanswered inputs that would decide the verdict, in the form's order.
    pub missing: Vec<String>,
    /// Answers that could not be used, in the form's order.
    pub problems: Vec<FieldProblem>,
    /// Every understood version, spelled as the catalog does
    /// ("7.3.3.IMS (build 9359)"), for the messages' `{ $value }`.
    pub values: Vec<FieldValue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldProblem {
    pub input: String,
    /// `not-understood`, `too-long`, `unknown-release`, `ambiguous-build`,
    /// `imprecise` (covers releases the rules tell apart), `not-a-choice`.
    pub problem: String,
}

/// An understood version, for the messages: `{ $<input> }` is `value`,
/// `{ $<input>-minimum }` the first ready release of its line with the
/// build a server needs, `{ $<input>-console-minimum }` with the build a
/// Client Console needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    pub input: String,
    pub value: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub console_minimum: Option<String>,
}

/// An answer as the conditions see it.
#[derive(Clone, Copy)]
pub(super) enum Answer<'a> {
    Missing,
    /// Not chosen yet by the proof of a check (`super::space`): decides
    /// nothing, not even whether the input was answered.
    #[cfg_attr(not(feature = "declarations"), allow(dead_code))]
    Untried,
    Unusable,
    Choice(&'a str),
    Version(Version<'a>),
    /// An Internet Explorer major version.
    Number(u8),
}

/// Evaluates `answers` (input name to text as typed; absent or blank is
/// unanswered) against `check`, placing versions in `catalog` (the one the
/// declaration was proven with). Pure and total: any text gets a verdict.
pub fn evaluate_check(
    catalog: &Catalog,
    check: &Check,
    answers: &BTreeMap<String, String>,
) -> CheckVerdict {
    let mut problems = Vec::new();
    let mut values = Vec::new();
    let read: Vec<Answer> = check
        .inputs
        .iter()
        .map(|input| {
            let text = answers.get(&input.name).map_or("", |text| text.trim());
            if text.is_empty() {
                return Answer::Missing;
            }
            let problem = |code: &str| FieldProblem {
                input: input.name.clone(),
                problem: code.to_owned(),
            };
            match &input.kind {
                InputKind::Choice { choices, .. } => {
                    match choices.iter().find(|choice| *choice == text) {
                        Some(choice) => Answer::Choice(choice),
                        None => {
                            problems.push(problem("not-a-choice"));
                            Answer::Unusable
                        }
                    }
                }
                InputKind::Windows => match parse_windows(text) {
                    Some(windows) => Answer::Choice(windows.as_str()),
                    None => {
                        problems.push(problem("windows-not-understood"));
                        Answer::Unusable
                    }
                },
                InputKind::InternetExplorer => match parse_internet_explorer(text) {
                    Some(major) => Answer::Number(major),
                    None => {
                        problems.push(problem("browser-not-understood"));
                        Answer::Unusable
                    }
                },
                InputKind::Version => match parse_version(catalog, text) {
                    Ok(version) => {
                        values.push(field_value(&input.name, &version));
                        Answer::Version(version)
                    }
                    Err(error) => {
                        problems.push(problem(version_problem(error)));
                        Answer::Unusable
                    }
                },
            }
        })
        .collect();

    let mut undecided: Vec<&Condition> = Vec::new();
    let mut decided = None;
    for rule in &check.rules {
        match holds(&rule.when, &read) {
            Some(true) if decided.is_none() => decided = Some(rule),
            Some(_) => {}
            // The steps of a rule that may still apply are questions too.
            None => {
                undecided.push(&rule.when);
                let steps = rule
                    .steps
                    .iter()
                    .filter_map(|index| check.steps.get(*index));
                undecided.extend(steps.map(|step| &step.when));
            }
        }
    }
    if let Some(rule) = decided {
        let mut steps = Vec::new();
        let mut steps_undecided = Vec::new();
        for step in rule
            .steps
            .iter()
            .filter_map(|index| check.steps.get(*index))
        {
            match holds(&step.when, &read) {
                Some(true) => steps.push(step.name.clone()),
                Some(false) => {}
                None => steps_undecided.push(&step.when),
            }
        }
        if steps_undecided.is_empty() {
            // An answer that could not be read but that this verdict does
            // not depend on (a server version when the sign-in is not
            // concerned) is not worth a word.
            let mut read_inputs = Vec::new();
            rule.when.inputs(&mut read_inputs);
            for step in rule
                .steps
                .iter()
                .filter_map(|index| check.steps.get(*index))
            {
                step.when.inputs(&mut read_inputs);
            }
            problems.retain(|problem: &FieldProblem| {
                check
                    .inputs
                    .iter()
                    .position(|input| input.name == problem.input)
                    .is_some_and(|index| read_inputs.contains(&index))
            });
            return CheckVerdict {
                status: check.statuses.get(rule.status).cloned().unwrap_or_default(),
                rule: Some(rule.name.clone()),
                steps,
                missing: Vec::new(),
                problems,
                values,
            };
        }
        undecided = steps_undecided;
    }

    let mut deciding = Vec::new();
    for condition in &undecided {
        undecided_inputs(condition, &read, &mut deciding);
    }
    let mut missing = Vec::new();
    for (index, input) in check.inputs.iter().enumerate() {
        match read.get(index) {
            Some(Answer::Missing) if deciding.contains(&index) => missing.push(input.name.clone()),
            Some(Answer::Version(_)) if deciding.contains(&index) => problems.push(FieldProblem {
                input: input.name.clone(),
                problem: "imprecise".to_owned(),
            }),
            _ => {}
        }
    }
    // In the form's order, each input's problems as found: a stable sort,
    // written out because a sort's code weighs 3 KB in the module.
    let problems: Vec<FieldProblem> = check
        .inputs
        .iter()
        .flat_map(|input| {
            problems
                .iter()
                .filter(|problem| problem.input == input.name)
        })
        .cloned()
        .collect();
    CheckVerdict {
        status: INCOMPLETE.to_owned(),
        rule: None,
        steps: Vec::new(),
        missing,
        problems,
        values,
    }
}

fn field_value(input: &str, version: &Version) -> FieldValue {
    let minimum = version.line().and_then(|line| line.minimum.as_ref());
    // Spelled by hand: `format!` would bring core::fmt into the module.
    let with_build = |release: &str, build: &str| {
        let mut text = String::with_capacity(release.len() + build.len() + 9);
        text.push_str(release);
        text.push_str(" (build ");
        text.push_str(build);
        text.push(')');
        text
    };
    FieldValue {
        input: input.to_owned(),
        value: version.spelling(),
        minimum: minimum.map(|minimum| with_build(&minimum.release, &minimum.build)),
        console_minimum: minimum
            .map(|minimum| with_build(&minimum.release, &minimum.console_build)),
    }
}

fn version_problem(error: VersionError) -> &'static str {
    match error {
        VersionError::Empty | VersionError::NotUnderstood => "not-understood",
        VersionError::TooLong => "too-long",
        VersionError::UnknownRelease => "unknown-release",
        VersionError::AmbiguousBuild => "ambiguous-build",
    }
}

/// `Some(truth)` when the answers decide the condition, `None` otherwise.
pub(super) fn holds(condition: &Condition, answers: &[Answer]) -> Option<bool> {
    match condition {
        Condition::All(parts) => {
            let mut result = Some(true);
            for part in parts {
                match holds(part, answers) {
                    Some(false) => return Some(false),
                    Some(true) => {}
                    None => result = None,
                }
            }
            result
        }
        Condition::Any(parts) => {
            let mut result = Some(false);
            for part in parts {
                match holds(part, answers) {
                    Some(true) => return Some(true),
                    Some(false) => {}
                    None => result = None,
                }
            }
            result
        }
        Condition::Not(inner) => holds(inner, answers).map(|truth| !truth),
        Condition::Choice { input, values } => match answers.get(*input)? {
            Answer::Choice(choice) => Some(values.iter().any(|value| value == choice)),
            _ => None,
        },
        Condition::Version { input, test } => match answers.get(*input)? {
            Answer::Version(version) => passes(version, test, answers),
            _ => None,
        },
        Condition::Answered(input) => match answers.get(*input)? {
            Answer::Untried => None,
            answer => Some(!matches!(answer, Answer::Missing)),
        },
        Condition::OlderBrowser { input, major } => match answers.get(*input)? {
            Answer::Number(number) => Some(number < major),
            _ => None,
        },
    }
}

fn passes(version: &Version, test: &VersionTest, answers: &[Answer]) -> Option<bool> {
    let other = |input: &usize| match answers.get(*input)? {
        Answer::Version(other) => Some(*other),
        _ => None,
    };
    // Releases were checked against the catalog when the declaration was
    // read; one the catalog lost since decides nothing.
    let release = |name: &str| parse_version(version.catalog(), name).ok();
    match test {
        VersionTest::AtLeast(name) => version.at_least(&release(name)?),
        VersionTest::Below(name) => version.at_least(&release(name)?).map(|truth| !truth),
        VersionTest::OneOf(names) => {
            let mut result = Some(false);
            for name in names {
                match version.is_exactly(&release(name)?) {
                    Some(true) => return Some(true),
                    Some(false) => {}
                    None => result = None,
                }
            }
            result
        }
        VersionTest::AtLeastLineMinimum(part) => {
            let Some(thresholds) = version.line().and_then(|line| line.thresholds()) else {
                return Some(false);
            };
            let minimum = match part {
                Part::Server => thresholds.server,
                Part::Console => thresholds.console,
            };
            match version.standing(minimum) {
                Standing::AtLeast => Some(true),
                Standing::Below => Some(false),
                Standing::Unsure => None,
            }
        }
        VersionTest::Line(flag) => Some(version.line().is_some_and(|line| match flag {
            LineFlag::HasMinimum => line.minimum.is_some(),
            LineFlag::Webview2 => line.webview2,
            LineFlag::ReleaseNotesOnly => line.release_notes_only,
        })),
        VersionTest::InCatalog => Some(version.in_catalog()),
        VersionTest::OlderThan(input) => {
            Some(version.partial_cmp(&other(input)?) == Some(Ordering::Less))
        }
        VersionTest::NewerReleaseThan(input) => {
            let other = other(input)?;
            let same_gold_standard = version.gold_standard_number().is_some()
                && version.gold_standard_number() == other.gold_standard_number();
            Some(version.partial_cmp(&other) == Some(Ordering::Greater) && !same_gold_standard)
        }
    }
}

/// Inputs whose answer would change the value of an undecided condition:
/// unanswered ones, and versions too vague for one of its tests.
fn undecided_inputs(condition: &Condition, answers: &[Answer], found: &mut Vec<usize>) {
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            for part in parts {
                if holds(part, answers).is_none() {
                    undecided_inputs(part, answers, found);
                }
            }
        }
        Condition::Not(inner) => undecided_inputs(inner, answers, found),
        Condition::Choice { input, .. }
        | Condition::Answered(input)
        | Condition::OlderBrowser { input, .. }
        | Condition::Version { input, .. } => {
            if holds(condition, answers).is_some() {
                return;
            }
            let mut deciding = vec![*input];
            if let Condition::Version {
                test: VersionTest::OlderThan(other) | VersionTest::NewerReleaseThan(other),
                ..
            } = condition
            {
                // A comparison is undecided only when an answer is not a
                // version: that answer decides it.
                deciding.retain(|index| !matches!(answers.get(*index), Some(Answer::Version(_))));
                if !matches!(answers.get(*other), Some(Answer::Version(_))) {
                    deciding.push(*other);
                }
            }
            for index in deciding {
                if !found.contains(&index) {
                    found.push(index);
                }
            }
        }
    }
}
