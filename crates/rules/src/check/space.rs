//! Proves a check's rules answer every complete set of answers exactly once.
//!
//! Each input has finitely many answers that rules can tell apart: its
//! choices, or for a version one sample per catalog release and patch, per
//! Gold Standard drop, and per gap between known builds (tests only name
//! catalog releases, so every version between two neighbours behaves like
//! any other there). Every combination is judged: a rule that holds for
//! none is unreachable, two rules that hold for one overlap, a combination
//! no rule holds for is a gap, and a listed step that never shows with its
//! rule is dead. An input that a condition asks whether it was `answered`
//! is also tried unanswered (such answers may leave the verdict open, so
//! they are never a gap). Answers that no test of the check tells apart
//! (Windows versions in the same lists, builds on the same side of every
//! test) are tried once. The walk over the combinations (`Proof`) judges
//! each group of them that the answers chosen so far already decide once,
//! and skips a group that depends on nothing a judged one did not: the
//! 2021 check's million combinations take a few tens of milliseconds.

use std::collections::HashSet;

use super::evaluate::{Answer, holds};
use super::model::{Check, Condition, InputKind, VersionTest};
use crate::catalog::Catalog;
use crate::version::{Version, parse_version};
use crate::windows::WindowsVersion;

/// More combinations than this are not enumerated: the writer is told to
/// split the check.
const MAX_COMBINATIONS: usize = 2_000_000;

pub(super) struct CoverageProblem {
    /// Index of the rule at fault; `None` for the whole check.
    pub(super) rule: Option<usize>,
    pub(super) message: String,
    pub(super) help: String,
}

pub(super) fn check_coverage(catalog: &Catalog, check: &Check) -> Vec<CoverageProblem> {
    let versions = version_samples(catalog);
    let mut leaves = Vec::new();
    for condition in check
        .rules
        .iter()
        .map(|rule| &rule.when)
        .chain(check.steps.iter().map(|step| &step.when))
    {
        collect_leaves(condition, &mut leaves);
    }
    let versions = version_classes(check, versions, &leaves);
    let samples: Vec<Vec<(String, Answer)>> = check
        .inputs
        .iter()
        .enumerate()
        .map(|(index, input)| {
            let mut answers: Vec<(String, Answer)> = match &input.kind {
                InputKind::Choice { choices, .. } => choices
                    .iter()
                    .map(|choice| (choice.clone(), Answer::Choice(choice)))
                    .collect(),
                InputKind::Windows => WindowsVersion::ALL
                    .iter()
                    .map(|windows| {
                        (
                            windows.as_str().to_owned(),
                            Answer::Choice(windows.as_str()),
                        )
                    })
                    .collect(),
                InputKind::InternetExplorer => (5..=11)
                    .map(|major: u8| (major.to_string(), Answer::Number(major)))
                    .collect(),
                InputKind::Version => versions
                    .iter()
                    .map(|(text, version)| (text.clone(), Answer::Version(*version)))
                    .collect(),
            };
            if leaves
                .iter()
                .any(|leaf| matches!(leaf, Condition::Answered(asked) if *asked == index))
            {
                answers.push(("(unanswered)".to_owned(), Answer::Missing));
            }
            if matches!(input.kind, InputKind::Version) {
                answers
            } else {
                distinct(index, answers, &leaves, check.inputs.len())
            }
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

    let mut proof = Proof {
        check,
        samples: &samples,
        tests: Tests::new(&leaves, samples.len()),
        seen: HashSet::new(),
        reached: vec![false; check.rules.len()],
        steps_shown: check
            .rules
            .iter()
            .map(|rule| vec![false; rule.steps.len()])
            .collect(),
        overlaps: Vec::new(),
        gap: None,
    };
    let mut answers = vec![Answer::Untried; samples.len()];
    let mut position = vec![0usize; samples.len()];
    proof.explore(0, &mut answers, &mut position);
    let Proof {
        reached,
        steps_shown,
        overlaps,
        gap,
        ..
    } = proof;

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

/// The walk over every combination of answers, input by input in the
/// declaration's order. Where the answers chosen so far decide every rule
/// (and every step the holding rule lists that was not yet seen), all the
/// combinations below answer alike and the walk does not go down: the first
/// of them stands for all, so the examples named are the first in the
/// order of the declaration's inputs and their answers.
struct Proof<'c, 'a> {
    check: &'c Check,
    samples: &'a [Vec<(String, Answer<'a>)>],
    tests: Tests<'c>,
    /// What the combinations below a node depend on (see [`Tests::key`]),
    /// for each node already walked.
    seen: HashSet<Vec<u8>>,
    reached: Vec<bool>,
    steps_shown: Vec<Vec<bool>>,
    overlaps: Vec<(usize, usize, String)>,
    gap: Option<String>,
}

impl<'a> Proof<'_, 'a> {
    /// Looks at the combinations whose first `chosen` answers are those of
    /// `answers` (the others `Untried`, at `position` 0).
    fn explore(&mut self, chosen: usize, answers: &mut [Answer<'a>], position: &mut [usize]) {
        let complete = chosen == self.samples.len();
        if !complete && chosen > 0 && !self.seen.insert(self.tests.key(chosen, answers, position)) {
            return;
        }
        let mut holding = Vec::new();
        for (index, rule) in self.check.rules.iter().enumerate() {
            match holds(&rule.when, answers) {
                Some(true) => holding.push(index),
                Some(false) => {}
                // A complete set of answers that leaves a rule undecided
                // (a version spanning both sides of a test) does not fire it.
                None if complete => {}
                None => return self.go_down(chosen, answers, position),
            }
        }
        let Some((&first, rest)) = holding.split_first() else {
            self.no_rule_holds(chosen, answers, position);
            return;
        };
        if let Some(flag) = self.reached.get_mut(first) {
            *flag = true;
        }
        for &other in rest {
            if !self
                .overlaps
                .iter()
                .any(|(a, b, _)| (*a, *b) == (first, other))
            {
                let example = describe(self.check, self.samples, position);
                self.overlaps.push((first, other, example));
            }
        }
        let mut undecided = false;
        if let (Some(rule), Some(shown)) =
            (self.check.rules.get(first), self.steps_shown.get_mut(first))
        {
            for (step, seen) in rule.steps.iter().zip(shown.iter_mut()) {
                if *seen {
                    continue;
                }
                match self
                    .check
                    .steps
                    .get(*step)
                    .and_then(|step| holds(&step.when, answers))
                {
                    Some(visible) => *seen = visible,
                    None => undecided |= !complete,
                }
            }
        }
        if undecided {
            self.go_down(chosen, answers, position);
        }
    }

    fn go_down(&mut self, chosen: usize, answers: &mut [Answer<'a>], position: &mut [usize]) {
        let samples = self.samples;
        for (slot, (_, answer)) in samples.get(chosen).into_iter().flatten().enumerate() {
            if let (Some(kept), Some(at)) = (answers.get_mut(chosen), position.get_mut(chosen)) {
                *kept = *answer;
                *at = slot;
            }
            self.explore(chosen + 1, answers, position);
        }
        if let (Some(kept), Some(at)) = (answers.get_mut(chosen), position.get_mut(chosen)) {
            *kept = Answer::Untried;
            *at = 0;
        }
    }

    /// No rule holds for any combination below: a gap, unless every one of
    /// them leaves a question unanswered (such answers may leave the
    /// verdict open). The first that answers them all is the example.
    fn no_rule_holds(&mut self, chosen: usize, answers: &[Answer<'a>], position: &[usize]) {
        if self.gap.is_some()
            || answers
                .iter()
                .take(chosen)
                .any(|answer| matches!(answer, Answer::Missing))
        {
            return;
        }
        let mut example = position.to_vec();
        for (slot, options) in example.iter_mut().zip(self.samples).skip(chosen) {
            match options
                .iter()
                .position(|(_, answer)| !matches!(answer, Answer::Missing))
            {
                Some(first_answered) => *slot = first_answered,
                None => return,
            }
        }
        self.gap = Some(describe(self.check, self.samples, &example));
    }
}

/// The tests of the check, each once, with the inputs each reads.
struct Tests<'c> {
    tests: Vec<(&'c Condition, Vec<usize>)>,
    /// For each number of inputs chosen, those of them that a test shares
    /// with an input not chosen yet (the versions compared with each other).
    shared: Vec<Vec<usize>>,
}

impl<'c> Tests<'c> {
    fn new(leaves: &[&'c Condition], inputs: usize) -> Self {
        let mut tests: Vec<(&Condition, Vec<usize>)> = Vec::new();
        for leaf in leaves {
            if tests.iter().all(|(known, _)| known != leaf) {
                let mut read = Vec::new();
                leaf.inputs(&mut read);
                tests.push((leaf, read));
            }
        }
        let shared = (0..=inputs)
            .map(|chosen| {
                (0..chosen)
                    .filter(|input| {
                        tests.iter().any(|(_, read)| {
                            read.contains(input) && read.iter().any(|other| *other >= chosen)
                        })
                    })
                    .collect()
            })
            .collect();
        Self { tests, shared }
    }

    /// All that the combinations below a node of the walk depend on: the
    /// results of the tests of the inputs chosen so far, and the answers
    /// themselves of those a test compares with an input still to choose.
    /// Two nodes with one key answer alike below, so the second is skipped:
    /// the first already found everything (it comes first in the order of
    /// the examples too).
    fn key(&self, chosen: usize, answers: &[Answer], position: &[usize]) -> Vec<u8> {
        let mut key = vec![u8::try_from(chosen).unwrap_or(u8::MAX)];
        for (test, read) in &self.tests {
            if read.iter().all(|input| *input < chosen) {
                key.push(match holds(test, answers) {
                    Some(true) => 1,
                    Some(false) => 2,
                    None => 0,
                });
            }
        }
        for input in self.shared.get(chosen).into_iter().flatten() {
            let slot = position.get(*input).copied().unwrap_or(0);
            key.extend(u16::try_from(slot).unwrap_or(u16::MAX).to_le_bytes());
        }
        key
    }
}

/// The tests of the check, each once per mention.
fn collect_leaves<'c>(condition: &'c Condition, found: &mut Vec<&'c Condition>) {
    match condition {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|part| collect_leaves(part, found));
        }
        Condition::Not(inner) => collect_leaves(inner, found),
        leaf => found.push(leaf),
    }
}

/// The answers of input `index` (not a version) that some test tells
/// apart: one per distinct set of test results.
fn distinct<'a>(
    index: usize,
    answers: Vec<(String, Answer<'a>)>,
    leaves: &[&Condition],
    inputs: usize,
) -> Vec<(String, Answer<'a>)> {
    let own = own_leaves(index, leaves);
    let mut seen: Vec<Vec<Option<bool>>> = Vec::new();
    let mut kept = Vec::new();
    for (text, answer) in answers {
        let mut alone = vec![Answer::Missing; inputs];
        if let Some(slot) = alone.get_mut(index) {
            *slot = answer;
        }
        let signature: Vec<Option<bool>> = own.iter().map(|leaf| holds(leaf, &alone)).collect();
        if !seen.contains(&signature) {
            seen.push(signature);
            kept.push((text, answer));
        }
    }
    kept
}

/// The tests that read input `index` alone.
fn own_leaves<'c>(index: usize, leaves: &[&'c Condition]) -> Vec<&'c Condition> {
    leaves
        .iter()
        .copied()
        .filter(|leaf| {
            let mut read = Vec::new();
            leaf.inputs(&mut read);
            read.iter().all(|input| *input == index)
        })
        .filter(|leaf| leaf_reads(leaf, index))
        .collect()
}

fn leaf_reads(leaf: &Condition, index: usize) -> bool {
    let mut read = Vec::new();
    leaf.inputs(&mut read);
    read.contains(&index)
}

/// The versions every version input is tried with. In the catalog's
/// order, a run of neighbours that every single-input test (on any version
/// input) answers alike, on the same Gold Standard number, behaves as one:
/// one of them is kept, or two when versions are compared with each other,
/// so that older, equal and newer pairs inside the run are still tried.
/// All version inputs share the runs, so a comparison between two of them
/// orders their runs consistently.
fn version_classes<'c>(
    check: &Check,
    mut versions: Vec<(String, Version<'c>)>,
    leaves: &[&Condition],
) -> Vec<(String, Version<'c>)> {
    let version_inputs: Vec<usize> = check
        .inputs
        .iter()
        .enumerate()
        .filter(|(_, input)| matches!(input.kind, InputKind::Version))
        .map(|(index, _)| index)
        .collect();
    let compared = leaves.iter().any(|leaf| {
        matches!(
            leaf,
            Condition::Version {
                test: VersionTest::OlderThan(_) | VersionTest::NewerReleaseThan(_),
                ..
            }
        )
    });
    let own: Vec<(usize, Vec<&Condition>)> = version_inputs
        .iter()
        .map(|index| (*index, own_leaves(*index, leaves)))
        .collect();
    versions.sort_by(|(_, a), (_, b)| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let signature = |version: &Version| {
        let mut results: Vec<Option<bool>> = Vec::new();
        for (index, tests) in &own {
            let mut alone = vec![Answer::Missing; check.inputs.len()];
            if let Some(slot) = alone.get_mut(*index) {
                *slot = Answer::Version(*version);
            }
            results.extend(tests.iter().map(|leaf| holds(leaf, &alone)));
        }
        (results, version.gold_standard_number())
    };
    let mut kept = Vec::new();
    let mut previous = None;
    let mut in_run = 0;
    for (text, version) in versions {
        let current = signature(&version);
        if previous.as_ref() == Some(&current) {
            in_run += 1;
        } else {
            in_run = 1;
            previous = Some(current);
        }
        if in_run == 1 || (compared && in_run == 2) {
            kept.push((text, version));
        }
    }
    kept
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
fn version_samples(catalog: &Catalog) -> Vec<(String, Version<'_>)> {
    let mut texts: Vec<String> = Vec::new();
    let mut builds: Vec<u32> = Vec::new();
    for release in catalog.releases() {
        texts.push(release.name.clone());
        texts.extend(
            release
                .patches
                .iter()
                .map(|patch| format!("{}.{patch}", release.name)),
        );
        builds.extend(release.builds.iter().copied());
    }
    for drop in catalog.drops() {
        texts.push(drop.build.clone());
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
        .filter_map(|text| {
            parse_version(catalog, &text)
                .ok()
                .map(|version| (text, version))
        })
        .collect()
}
