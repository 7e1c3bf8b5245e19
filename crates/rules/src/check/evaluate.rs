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

use super::model::{Check, Condition, InputKind, VersionTest};
use crate::version::{Version, VersionError, parse_version};

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldValue {
    pub input: String,
    pub value: String,
}

/// An answer as the conditions see it.
#[derive(Clone, Copy)]
pub(super) enum Answer<'a> {
    Missing,
    Unusable,
    Choice(&'a str),
    Version(Version),
}

/// Evaluates `answers` (input name to text as typed; absent or blank is
/// unanswered) against `check`. Pure and total: any text gets a verdict.
pub fn evaluate_check(check: &Check, answers: &BTreeMap<String, String>) -> CheckVerdict {
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
                InputKind::Version => match parse_version(text) {
                    Ok(version) => {
                        values.push(FieldValue {
                            input: input.name.clone(),
                            value: version.to_string(),
                        });
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
    let order = |name: &String| check.inputs.iter().position(|input| &input.name == name);
    problems.sort_by_key(|problem| order(&problem.input));
    CheckVerdict {
        status: INCOMPLETE.to_owned(),
        rule: None,
        steps: Vec::new(),
        missing,
        problems,
        values,
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
            Answer::Version(version) => passes(version, test),
            _ => None,
        },
    }
}

fn passes(version: &Version, test: &VersionTest) -> Option<bool> {
    // Releases were checked against the catalog when the declaration was
    // read; one the catalog lost since decides nothing.
    let release = |name: &str| parse_version(name).ok();
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
        Condition::Choice { input, .. } | Condition::Version { input, .. } => {
            if holds(condition, answers).is_none() && !found.contains(input) {
                found.push(*input);
            }
        }
    }
}
