//! Proves a check's rules answer every complete set of answers exactly once.
//!
//! Each input has finitely many answers that rules can tell apart: its
//! choices, or for a version one sample per catalog release and patch, per
//! Gold Standard drop, and per gap between known builds (tests only name
//! catalog releases, so every version between two neighbours behaves like
//! any other there). Every combination is evaluated: a rule that holds for
//! none is unreachable, two rules that hold for one overlap, a combination
//! no rule holds for is a gap, and a listed step that never shows with its
//! rule is dead.

use super::evaluate::{Answer, holds};
use super::model::{Check, InputKind};
use crate::catalog::catalog;
use crate::version::{Version, parse_version};

/// More combinations than this are not enumerated: the writer is told to
/// split the check.
const MAX_COMBINATIONS: usize = 2_000_000;

pub(super) struct CoverageProblem {
    /// Index of the rule at fault; `None` for the whole check.
    pub(super) rule: Option<usize>,
    pub(super) message: String,
    pub(super) help: String,
}

pub(super) fn check_coverage(check: &Check) -> Vec<CoverageProblem> {
    let versions = version_samples();
    let samples: Vec<Vec<(String, Answer)>> = check
        .inputs
        .iter()
        .map(|input| match &input.kind {
            InputKind::Choice { choices, .. } => choices
                .iter()
                .map(|choice| (choice.clone(), Answer::Choice(choice)))
                .collect(),
            InputKind::Version => versions
                .iter()
                .map(|(text, version)| (text.clone(), Answer::Version(*version)))
                .collect(),
        })
        .collect();
    let combinations = samples
        .iter()
        .try_fold(1usize, |total, answers| total.checked_mul(answers.len()));
    if combinations.is_none_or(|total| total > MAX_COMBINATIONS) {
        return vec![CoverageProblem {
            rule: None,
            message: format!(
                "the check has too many combinations of answers to verify (more than {MAX_COMBINATIONS})"
            ),
            help: "split it into smaller checks, or ask fewer questions".to_owned(),
        }];
    }

    let mut reached = vec![false; check.rules.len()];
    let mut steps_shown: Vec<Vec<bool>> = check
        .rules
        .iter()
        .map(|rule| vec![false; rule.steps.len()])
        .collect();
    let mut overlaps: Vec<(usize, usize, String)> = Vec::new();
    let mut gap: Option<String> = None;
    let mut position = vec![0usize; samples.len()];
    let mut answers: Vec<Answer> = samples
        .iter()
        .map(|answers| {
            answers
                .first()
                .map_or(Answer::Missing, |(_, answer)| *answer)
        })
        .collect();
    loop {
        let holding: Vec<usize> = (0..check.rules.len())
            .filter(|index| {
                check
                    .rules
                    .get(*index)
                    .is_some_and(|rule| holds(&rule.when, &answers) == Some(true))
            })
            .collect();
        match holding.as_slice() {
            [] => {
                if gap.is_none() {
                    gap = Some(describe(check, &samples, &position));
                }
            }
            [first, rest @ ..] => {
                if let Some(flag) = reached.get_mut(*first) {
                    *flag = true;
                }
                for other in rest {
                    if !overlaps.iter().any(|(a, b, _)| (a, b) == (first, other)) {
                        overlaps.push((*first, *other, describe(check, &samples, &position)));
                    }
                }
                if let (Some(rule), Some(shown)) =
                    (check.rules.get(*first), steps_shown.get_mut(*first))
                {
                    for (slot, step) in rule.steps.iter().enumerate() {
                        let visible = check
                            .steps
                            .get(*step)
                            .is_some_and(|step| holds(&step.when, &answers) == Some(true));
                        if visible && let Some(flag) = shown.get_mut(slot) {
                            *flag = true;
                        }
                    }
                }
            }
        }
        if !advance(&mut position, &mut answers, &samples) {
            break;
        }
    }

    let mut problems = Vec::new();
    let rule_name = |index: usize| {
        check
            .rules
            .get(index)
            .map_or("?", |rule| rule.name.as_str())
    };
    for (index, reached) in reached.iter().enumerate() {
        if !reached && !overlaps.iter().any(|(_, other, _)| *other == index) {
            problems.push(CoverageProblem {
                rule: Some(index),
                message: format!(
                    "rule `{}` can never apply: no answers satisfy its `when`",
                    rule_name(index)
                ),
                help: "widen its `when`, or remove the rule".to_owned(),
            });
        }
    }
    for (first, other, example) in overlaps {
        problems.push(CoverageProblem {
            rule: Some(other),
            message: format!(
                "rules `{}` and `{}` both apply to {example}",
                rule_name(first),
                rule_name(other)
            ),
            help: "narrow one of them so that one rule answers each case".to_owned(),
        });
    }
    if let Some(example) = gap {
        problems.push(CoverageProblem {
            rule: None,
            message: format!("no rule applies to {example}"),
            help: "add a rule for these answers, or widen a rule's `when`".to_owned(),
        });
    }
    for (index, shown) in steps_shown.iter().enumerate() {
        for (slot, seen) in shown.iter().enumerate() {
            if *seen || !reached.get(index).copied().unwrap_or(false) {
                continue;
            }
            let step = check.rules.get(index).and_then(|rule| rule.steps.get(slot));
            let step = step.and_then(|step| check.steps.get(*step));
            problems.push(CoverageProblem {
                rule: Some(index),
                message: format!(
                    "rule `{}` lists step `{}`, whose `when` never holds with this rule",
                    rule_name(index),
                    step.map_or("?", |step| step.name.as_str())
                ),
                help: "remove the step from the rule, or change the step's `when`".to_owned(),
            });
        }
    }
    problems
}

/// Moves to the next combination; `false` after the last one.
fn advance<'a>(
    position: &mut [usize],
    answers: &mut [Answer<'a>],
    samples: &'a [Vec<(String, Answer<'a>)>],
) -> bool {
    for ((slot, answer), options) in position.iter_mut().zip(answers.iter_mut()).zip(samples) {
        *slot += 1;
        if let Some((_, next)) = options.get(*slot) {
            *answer = *next;
            return true;
        }
        *slot = 0;
        if let Some((_, first)) = options.first() {
            *answer = *first;
        }
    }
    false
}

fn describe(check: &Check, samples: &[Vec<(String, Answer)>], position: &[usize]) -> String {
    check
        .inputs
        .iter()
        .zip(samples.iter().zip(position))
        .map(|(input, (options, slot))| {
            let text = options.get(*slot).map_or("?", |(text, _)| text.as_str());
            format!("{}={text}", input.name)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One version per stretch of the catalog's order that tests can tell
/// apart: every release and patch by name, every Gold Standard drop, and a
/// build in each gap between known builds (below the first and above the
/// last included).
fn version_samples() -> Vec<(String, Version)> {
    let catalog = catalog();
    let mut texts: Vec<String> = Vec::new();
    let mut builds: Vec<u32> = Vec::new();
    for release in catalog.releases() {
        texts.push(release.name.to_owned());
        texts.extend(
            release
                .patches
                .iter()
                .map(|patch| format!("{}.{patch}", release.name)),
        );
        builds.extend(release.builds.iter().copied());
    }
    for drop in catalog.drops() {
        texts.push(drop.build.to_owned());
    }
    builds.sort_unstable();
    if let Some(first) = builds.first() {
        texts.push(first.saturating_sub(1).to_string());
    }
    for pair in builds.windows(2) {
        if let [low, high] = pair
            && high - low > 1
        {
            texts.push((low + 1).to_string());
        }
    }
    if let Some(last) = builds.last() {
        texts.push((last + 1).to_string());
    }
    texts
        .into_iter()
        .filter_map(|text| parse_version(&text).ok().map(|version| (text, version)))
        .collect()
}
