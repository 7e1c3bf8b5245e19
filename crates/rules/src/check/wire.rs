//! A compact text form of a [`Check`] for the WebAssembly module (see
//! `crate::tokens`). Tokens are separated by tabs, which no name of a check
//! or release holds (names are checked when the declaration is read and
//! when the catalog is).

use super::model::{Check, Condition, Input, InputKind, LineFlag, Part, Rule, Step, VersionTest};
use crate::tokens::{SEPARATOR, Tokens};

/// The check as tokens, for [`decode`].
pub fn encode(check: &Check) -> String {
    let mut tokens: Vec<String> = vec![check.id.clone(), check.inputs.len().to_string()];
    for input in &check.inputs {
        tokens.push(input.name.clone());
        match &input.kind {
            InputKind::Version => tokens.push("v".to_owned()),
            InputKind::Windows => tokens.push("w".to_owned()),
            InputKind::InternetExplorer => tokens.push("i".to_owned()),
            InputKind::Choice { choices, yes_no } => {
                tokens.push(if *yes_no { "y" } else { "c" }.to_owned());
                list(&mut tokens, choices);
            }
        }
    }
    list(&mut tokens, &check.statuses);
    tokens.push(check.steps.len().to_string());
    for step in &check.steps {
        tokens.push(step.name.clone());
        condition(&mut tokens, &step.when);
    }
    tokens.push(check.rules.len().to_string());
    for rule in &check.rules {
        tokens.push(rule.name.clone());
        tokens.push(rule.status.to_string());
        tokens.push(rule.steps.len().to_string());
        tokens.extend(rule.steps.iter().map(usize::to_string));
        condition(&mut tokens, &rule.when);
    }
    tokens.join(&SEPARATOR.to_string())
}

fn list(tokens: &mut Vec<String>, items: &[String]) {
    tokens.push(items.len().to_string());
    tokens.extend(items.iter().cloned());
}

fn condition(tokens: &mut Vec<String>, condition: &Condition) {
    let parts = |tag: &str, parts: &[Condition], tokens: &mut Vec<String>| {
        tokens.push(tag.to_owned());
        tokens.push(parts.len().to_string());
        for part in parts {
            self::condition(tokens, part);
        }
    };
    match condition {
        Condition::All(all) => parts("A", all, tokens),
        Condition::Any(any) => parts("O", any, tokens),
        Condition::Not(inner) => {
            tokens.push("N".to_owned());
            self::condition(tokens, inner);
        }
        Condition::Choice { input, values } => {
            tokens.push("C".to_owned());
            tokens.push(input.to_string());
            list(tokens, values);
        }
        Condition::Answered(input) => {
            tokens.push("Q".to_owned());
            tokens.push(input.to_string());
        }
        Condition::OlderBrowser { input, major } => {
            tokens.push("M".to_owned());
            tokens.push(input.to_string());
            tokens.push(major.to_string());
        }
        Condition::Version { input, test } => {
            let (tag, argument) = match test {
                VersionTest::AtLeast(_) => ("L", None),
                VersionTest::Below(_) => ("B", None),
                VersionTest::OneOf(_) => ("E", None),
                VersionTest::AtLeastLineMinimum(part) => (
                    "R",
                    Some(match part {
                        Part::Server => "s".to_owned(),
                        Part::Console => "c".to_owned(),
                    }),
                ),
                VersionTest::Line(flag) => (
                    "F",
                    Some(
                        match flag {
                            LineFlag::HasMinimum => "m",
                            LineFlag::Webview2 => "w",
                            LineFlag::ReleaseNotesOnly => "r",
                        }
                        .to_owned(),
                    ),
                ),
                VersionTest::InCatalog => ("K", Some(String::new())),
                VersionTest::OlderThan(other) => ("P", Some(other.to_string())),
                VersionTest::NewerReleaseThan(other) => ("W", Some(other.to_string())),
            };
            tokens.push(tag.to_owned());
            tokens.push(input.to_string());
            match (argument, test) {
                (Some(argument), _) => tokens.push(argument),
                (None, VersionTest::AtLeast(release) | VersionTest::Below(release)) => {
                    list(tokens, std::slice::from_ref(release));
                }
                (None, VersionTest::OneOf(releases)) => list(tokens, releases),
                (None, _) => {}
            }
        }
    }
}

/// The check [`encode`] wrote; `None` for anything else.
pub fn decode(text: &str) -> Option<Check> {
    let mut tokens = Tokens::new(text);
    let id = tokens.text()?;
    let mut inputs = Vec::new();
    for _ in 0..tokens.number()? {
        let name = tokens.text()?;
        let kind = match tokens.next()? {
            "v" => InputKind::Version,
            "w" => InputKind::Windows,
            "i" => InputKind::InternetExplorer,
            tag @ ("c" | "y") => InputKind::Choice {
                choices: tokens.list()?,
                yes_no: tag == "y",
            },
            _ => return None,
        };
        inputs.push(Input { name, kind });
    }
    let statuses = tokens.list()?;
    let mut steps = Vec::new();
    for _ in 0..tokens.number()? {
        let name = tokens.text()?;
        let when = read_condition(&mut tokens)?;
        steps.push(Step { name, when });
    }
    let mut rules = Vec::new();
    for _ in 0..tokens.number()? {
        let name = tokens.text()?;
        let status = tokens.number()?;
        let mut rule_steps = Vec::new();
        for _ in 0..tokens.number()? {
            rule_steps.push(tokens.number()?);
        }
        let when = read_condition(&mut tokens)?;
        rules.push(Rule {
            name,
            when,
            status,
            steps: rule_steps,
        });
    }
    tokens.is_done().then_some(Check {
        id,
        inputs,
        statuses,
        steps,
        rules,
    })
}

fn read_condition(tokens: &mut Tokens) -> Option<Condition> {
    Some(match tokens.next()? {
        tag @ ("A" | "O") => {
            let parts = (0..tokens.number()?)
                .map(|_| read_condition(tokens))
                .collect::<Option<Vec<_>>>()?;
            if tag == "A" {
                Condition::All(parts)
            } else {
                Condition::Any(parts)
            }
        }
        "N" => Condition::Not(Box::new(read_condition(tokens)?)),
        "C" => Condition::Choice {
            input: tokens.number()?,
            values: tokens.list()?,
        },
        tag @ ("L" | "B" | "E") => {
            let input = tokens.number()?;
            let mut releases = tokens.list()?;
            let test = match tag {
                "E" => VersionTest::OneOf(releases),
                "L" => VersionTest::AtLeast(releases.pop()?),
                _ => VersionTest::Below(releases.pop()?),
            };
            Condition::Version { input, test }
        }
        "Q" => Condition::Answered(tokens.number()?),
        "M" => Condition::OlderBrowser {
            input: tokens.number()?,
            major: tokens.parsed()?,
        },
        tag @ ("R" | "F" | "K" | "P" | "W") => {
            let input = tokens.number()?;
            let argument = tokens.next()?;
            let test = match (tag, argument) {
                ("R", "s") => VersionTest::AtLeastLineMinimum(Part::Server),
                ("R", "c") => VersionTest::AtLeastLineMinimum(Part::Console),
                ("F", "m") => VersionTest::Line(LineFlag::HasMinimum),
                ("F", "w") => VersionTest::Line(LineFlag::Webview2),
                ("F", "r") => VersionTest::Line(LineFlag::ReleaseNotesOnly),
                ("K", "") => VersionTest::InCatalog,
                ("P", other) => VersionTest::OlderThan(other.parse().ok()?),
                ("W", other) => VersionTest::NewerReleaseThan(other.parse().ok()?),
                _ => return None,
            };
            Condition::Version { input, test }
        }
        _ => return None,
    })
}
