//! Reads a check declaration (TOML, format in `docs/checks.md`) into a
//! [`Check`], with every mistake placed at its line and column: syntax,
//! unknown keys and input types, names that refer to nothing, releases the
//! catalog lacks, inputs no rule reads, and (see [`super::space`]) rules
//! that can never fire, rules that overlap, and answers no rule covers.

use std::collections::BTreeSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::{
    Check, Condition, Input, InputKind, LineFlag, Part, Rule, Step, VersionTest, message_id,
};
use super::position::line_column;
use super::space;
use crate::catalog::Catalog;
use crate::version::parse_version;
use crate::windows::WindowsVersion;

/// One mistake of a declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclarationProblem {
    pub line: u32,
    pub column: u32,
    pub message: String,
    /// What to write instead.
    pub help: Option<String>,
}

/// A Fluent message the check needs, and where the declaration asks for it
/// (for the site to report a missing one there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageUse {
    pub id: String,
    pub line: u32,
    pub column: u32,
}

/// A declaration read without mistakes.
#[derive(Clone, Debug)]
pub struct ReadDeclaration {
    pub check: Check,
    pub messages: Vec<MessageUse>,
}

/// Keys of a condition table that are not input names.
const CONDITION_KEYWORDS: [&str; 6] = ["any", "all", "not", "is", "is-not", "answered"];
const ID_HELP: &str = "write lowercase letters, digits and hyphens, such as \"ims-migration\"";

/// Reads the text of a declaration and proves it against `catalog`, the
/// one the check will be evaluated with.
pub fn read_declaration(
    catalog: &Catalog,
    text: &str,
) -> Result<ReadDeclaration, Vec<DeclarationProblem>> {
    read(catalog, text, true)
}

/// Reads a declaration that was proven already, such as technote's
/// built-in ones (their tests read them with [`read_declaration`]): every
/// check but the proof that each set of answers gets one rule, which tries
/// every answer the rules tell apart and costs more than a small site's
/// build (`technote --help` lists the built-in checks' flags).
pub fn read_trusted_declaration(
    catalog: &Catalog,
    text: &str,
) -> Result<ReadDeclaration, Vec<DeclarationProblem>> {
    read(catalog, text, false)
}

fn read(
    catalog: &Catalog,
    text: &str,
    prove: bool,
) -> Result<ReadDeclaration, Vec<DeclarationProblem>> {
    let mut reader = Reader {
        catalog,
        prove,
        text,
        problems: Vec::new(),
        messages: Vec::new(),
        untyped: Vec::new(),
    };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            reader.problem(
                span,
                format!("not valid TOML: {}", error.message().trim()),
                Some("see docs/checks.md for the format of a check".to_owned()),
            );
            return Err(reader.problems);
        }
    };
    let check = reader.check(root.get_ref(), root.span());
    match check {
        Some(check) if reader.problems.is_empty() => Ok(ReadDeclaration {
            check,
            messages: reader.messages,
        }),
        _ => Err(reader.problems),
    }
}

struct Reader<'t> {
    catalog: &'t Catalog,
    /// Whether to prove that every set of answers gets one rule.
    prove: bool,
    text: &'t str,
    problems: Vec<DeclarationProblem>,
    messages: Vec<MessageUse>,
    /// Inputs refused for their type: the tests naming them are not
    /// reported again as naming nothing.
    untyped: Vec<String>,
}

type Value<'i> = Spanned<DeValue<'i>>;

/// What a rule or a step was declared with, kept for the checks across
/// the whole declaration.
struct Named {
    name: String,
    span: Range<usize>,
}

impl Reader<'_> {
    fn problem(&mut self, span: Range<usize>, message: String, help: Option<String>) {
        let (line, column) = line_column(self.text, span.start);
        self.problems.push(DeclarationProblem {
            line,
            column,
            message,
            help,
        });
    }

    fn message(&mut self, id: String, span: &Range<usize>) {
        let (line, column) = line_column(self.text, span.start);
        self.messages.push(MessageUse { id, line, column });
    }

    fn check(&mut self, root: &DeTable<'_>, root_span: Range<usize>) -> Option<Check> {
        self.only_keys(
            root,
            &["id", "statuses", "input", "condition", "step", "rule"],
        );
        let (id, id_span) = self.required_str(root, "id", root_span.clone())?;
        if !is_name(&id) {
            self.problem(
                id_span.clone(),
                format!("check id {id:?} cannot name Fluent messages"),
                Some(ID_HELP.to_owned()),
            );
        }
        self.message(message_id(&id, "title"), &id_span);
        self.message(message_id(&id, "intro"), &id_span);

        let inputs = self.inputs(root, &id, root_span.clone());
        let statuses = self.statuses(root, &id, root_span.clone());
        let named = self.named_conditions(root, &inputs);
        let (steps, step_names) = self.steps(root, &id, &inputs, &named);
        let (rules, rule_names) = self.rules(
            root,
            &id,
            &inputs,
            &named,
            &statuses,
            &step_names,
            root_span,
        );
        let check = Check {
            id,
            inputs: inputs.iter().map(|(input, _)| input.clone()).collect(),
            statuses: statuses.iter().map(|(status, _)| status.clone()).collect(),
            steps,
            rules,
        };
        // Only a declaration read without mistakes is judged as a whole: a
        // rule dropped for a typo would make its status look unused.
        if self.problems.is_empty() {
            self.unused(&check, &inputs, &statuses, &step_names);
        }
        if self.prove && self.problems.is_empty() {
            for problem in space::check_coverage(self.catalog, &check) {
                let span = match problem.rule {
                    Some(rule) => rule_names.get(rule).map(|named| named.span.clone()),
                    None => None,
                };
                self.problem(
                    span.unwrap_or(id_span.clone()),
                    problem.message,
                    Some(problem.help),
                );
            }
        }
        Some(check)
    }

    fn only_keys(&mut self, table: &DeTable<'_>, known: &[&str]) {
        for key in table.keys() {
            if !known.contains(&key.get_ref().as_ref()) {
                self.problem(
                    key.span(),
                    format!("unknown key `{}`", key.get_ref()),
                    Some(format!("known keys here: {}", known.join(", "))),
                );
            }
        }
    }

    fn required_str(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        table_span: Range<usize>,
    ) -> Option<(String, Range<usize>)> {
        match table.get(key) {
            Some(value) => self.string(value, key),
            None => {
                self.problem(
                    table_span,
                    format!("missing `{key}`"),
                    Some(format!("add `{key} = \"...\"`")),
                );
                None
            }
        }
    }

    fn string(&mut self, value: &Value<'_>, what: &str) -> Option<(String, Range<usize>)> {
        match value.get_ref() {
            DeValue::String(text) => Some((text.to_string(), value.span())),
            other => {
                self.problem(
                    value.span(),
                    format!("`{what}` is a string, not {}", other.type_str()),
                    Some(format!("write `{what} = \"...\"`")),
                );
                None
            }
        }
    }

    /// A string or an array of strings.
    fn strings(&mut self, value: &Value<'_>, what: &str) -> Vec<(String, Range<usize>)> {
        match value.get_ref() {
            DeValue::String(text) => vec![(text.to_string(), value.span())],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| self.string(item, what))
                .collect(),
            other => {
                self.problem(
                    value.span(),
                    format!("`{what}` is a list of strings, not {}", other.type_str()),
                    Some(format!("write `{what} = [\"...\", \"...\"]`")),
                );
                Vec::new()
            }
        }
    }

    /// The tables of `[[key]]`.
    fn tables<'a, 'i>(
        &mut self,
        root: &'a DeTable<'i>,
        key: &str,
    ) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let Some(value) = root.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.problem(
                value.span(),
                format!("`{key}` is a list of tables"),
                Some(format!("write each one under `[[{key}]]`")),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(table) => Some((table, item.span())),
                _ => {
                    self.problem(
                        item.span(),
                        format!("each `{key}` is a table"),
                        Some(format!("write each one under `[[{key}]]`")),
                    );
                    None
                }
            })
            .collect()
    }

    fn name(
        &mut self,
        table: &DeTable<'_>,
        span: Range<usize>,
        what: &str,
        seen: &mut BTreeSet<String>,
    ) -> Option<(String, Range<usize>)> {
        let (name, name_span) = self.required_str(table, "name", span)?;
        if !is_name(&name) {
            self.problem(
                name_span.clone(),
                format!("{what} name {name:?} cannot name Fluent messages"),
                Some(ID_HELP.to_owned()),
            );
        } else if !seen.insert(name.clone()) {
            self.problem(
                name_span.clone(),
                format!("a second {what} is named {name:?}"),
                Some(format!("give each {what} its own name")),
            );
        }
        Some((name, name_span))
    }

    fn inputs(
        &mut self,
        root: &DeTable<'_>,
        id: &str,
        root_span: Range<usize>,
    ) -> Vec<(Input, Range<usize>)> {
        let mut inputs = Vec::new();
        let mut seen = BTreeSet::new();
        for (table, span) in self.tables(root, "input") {
            self.only_keys(table, &["name", "type", "choices"]);
            let Some((name, name_span)) = self.name(table, span.clone(), "input", &mut seen) else {
                continue;
            };
            if CONDITION_KEYWORDS.contains(&name.as_str()) {
                self.problem(
                    name_span.clone(),
                    format!("`{name}` is a word of conditions, not a possible input name"),
                    Some("choose another name".to_owned()),
                );
            }
            let Some((kind, kind_span)) = self.required_str(table, "type", span.clone()) else {
                continue;
            };
            let choices = table.get("choices");
            let kind = match kind.as_str() {
                "version" | "yes-no" | "windows" | "internet-explorer" => {
                    if let Some(choices) = choices {
                        self.problem(
                            choices.span(),
                            format!("a `{kind}` input has no `choices`"),
                            Some(
                                "remove `choices`, or make the input `type = \"choice\"`"
                                    .to_owned(),
                            ),
                        );
                    }
                    match kind.as_str() {
                        "version" => InputKind::Version,
                        "windows" => InputKind::Windows,
                        "internet-explorer" => InputKind::InternetExplorer,
                        _ => InputKind::Choice {
                            choices: vec!["yes".to_owned(), "no".to_owned()],
                            yes_no: true,
                        },
                    }
                }
                "choice" => {
                    let Some(choices) = choices else {
                        self.problem(
                            span,
                            format!("choice input `{name}` lists no `choices`"),
                            Some("add `choices = [\"...\", \"...\"]`".to_owned()),
                        );
                        continue;
                    };
                    let listed = self.strings(choices, "choices");
                    let mut unique = BTreeSet::new();
                    for (choice, choice_span) in &listed {
                        if !is_name(choice) || !unique.insert(choice.clone()) {
                            self.problem(
                                choice_span.clone(),
                                format!(
                                    "choice {choice:?} is repeated or cannot name a Fluent message"
                                ),
                                Some(ID_HELP.to_owned()),
                            );
                        }
                    }
                    if listed.len() < 2 {
                        self.problem(
                            choices.span(),
                            "a choice needs at least two values".to_owned(),
                            None,
                        );
                    }
                    InputKind::Choice {
                        choices: listed.into_iter().map(|(choice, _)| choice).collect(),
                        yes_no: false,
                    }
                }
                other => {
                    self.problem(
                        kind_span,
                        format!("unknown input type {other:?}"),
                        Some("write `type = \"version\"`, `\"choice\"`, `\"yes-no\"`, `\"windows\"` or `\"internet-explorer\"`".to_owned()),
                    );
                    self.untyped.push(name);
                    continue;
                }
            };
            self.message(message_id(id, &format!("{name}-label")), &name_span);
            self.message(message_id(id, &format!("{name}-hint")), &name_span);
            if let InputKind::Choice { choices, .. } = &kind {
                for choice in choices {
                    self.message(message_id(id, &format!("{name}-{choice}")), &name_span);
                }
            }
            inputs.push((Input { name, kind }, name_span));
        }
        if inputs.is_empty() && self.problems.is_empty() {
            self.problem(
                root_span,
                "the check asks nothing".to_owned(),
                Some("declare its questions under `[[input]]`".to_owned()),
            );
        }
        inputs
    }

    fn statuses(
        &mut self,
        root: &DeTable<'_>,
        id: &str,
        root_span: Range<usize>,
    ) -> Vec<(String, Range<usize>)> {
        let Some(value) = root.get("statuses") else {
            self.problem(
                root_span,
                "missing `statuses`".to_owned(),
                Some(
                    "list the answers a visitor may get: `statuses = [\"ready\", ...]`".to_owned(),
                ),
            );
            return Vec::new();
        };
        let statuses = self.strings(value, "statuses");
        let mut seen = BTreeSet::new();
        for (status, span) in &statuses {
            // A rule may give `incomplete` itself, for an answer such as
            // "I do not know" that leaves the verdict open.
            if !is_name(status) || !seen.insert(status.clone()) {
                self.problem(
                    span.clone(),
                    format!("status {status:?} is repeated or cannot name a Fluent message"),
                    Some(ID_HELP.to_owned()),
                );
            }
            self.message(message_id(id, &format!("status-{status}")), span);
        }
        statuses
    }

    fn named_conditions(
        &mut self,
        root: &DeTable<'_>,
        inputs: &[(Input, Range<usize>)],
    ) -> Vec<(String, Condition)> {
        let Some(value) = root.get("condition") else {
            return Vec::new();
        };
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(
                value.span(),
                "`condition` is a table of named conditions".to_owned(),
                Some("write `[condition]` then `name = { ... }`".to_owned()),
            );
            return Vec::new();
        };
        let mut named = Vec::new();
        for (key, value) in table.iter() {
            if let Some(condition) = self.condition(value, inputs, None) {
                named.push((key.get_ref().to_string(), condition));
            }
        }
        named
    }

    fn steps(
        &mut self,
        root: &DeTable<'_>,
        id: &str,
        inputs: &[(Input, Range<usize>)],
        named: &[(String, Condition)],
    ) -> (Vec<Step>, Vec<Named>) {
        let mut steps = Vec::new();
        let mut names = Vec::new();
        let mut seen = BTreeSet::new();
        for (table, span) in self.tables(root, "step") {
            self.only_keys(table, &["name", "when"]);
            let Some((name, name_span)) = self.name(table, span, "step", &mut seen) else {
                continue;
            };
            let when = match table.get("when") {
                Some(value) => self.condition(value, inputs, Some(named)),
                None => Some(Condition::All(Vec::new())),
            };
            self.message(message_id(id, &format!("step-{name}")), &name_span);
            if let Some(when) = when {
                steps.push(Step {
                    name: name.clone(),
                    when,
                });
                names.push(Named {
                    name,
                    span: name_span,
                });
            }
        }
        (steps, names)
    }

    #[allow(clippy::too_many_arguments)]
    fn rules(
        &mut self,
        root: &DeTable<'_>,
        id: &str,
        inputs: &[(Input, Range<usize>)],
        named: &[(String, Condition)],
        statuses: &[(String, Range<usize>)],
        steps: &[Named],
        root_span: Range<usize>,
    ) -> (Vec<Rule>, Vec<Named>) {
        let mut rules = Vec::new();
        let mut names = Vec::new();
        let mut seen = BTreeSet::new();
        for (table, span) in self.tables(root, "rule") {
            self.only_keys(table, &["name", "when", "status", "steps"]);
            let Some((name, name_span)) = self.name(table, span.clone(), "rule", &mut seen) else {
                continue;
            };
            let when = match table.get("when") {
                Some(value) => self.condition(value, inputs, Some(named)),
                None => {
                    self.problem(
                        span.clone(),
                        format!("rule `{name}` has no `when`"),
                        Some("say when it applies: `when = { input = \"value\" }`".to_owned()),
                    );
                    None
                }
            };
            let status =
                self.required_str(table, "status", span)
                    .and_then(|(status, status_span)| {
                        let index = statuses.iter().position(|(known, _)| *known == status);
                        if index.is_none() {
                            self.problem(
                                status_span,
                                format!("unknown status {status:?}"),
                                Some(format!(
                                    "use one of `statuses`: {}",
                                    join(statuses.iter().map(|(s, _)| s))
                                )),
                            );
                        }
                        index
                    });
            let mut rule_steps = Vec::new();
            if let Some(value) = table.get("steps") {
                for (step, step_span) in self.strings(value, "steps") {
                    match steps.iter().position(|known| known.name == step) {
                        Some(index) => rule_steps.push(index),
                        None => self.problem(
                            step_span,
                            format!("unknown step {step:?}"),
                            Some(format!(
                                "declare it under `[[step]]`, or use one of: {}",
                                join(steps.iter().map(|s| &s.name))
                            )),
                        ),
                    }
                }
            }
            self.message(message_id(id, &format!("rule-{name}")), &name_span);
            if let (Some(when), Some(status)) = (when, status) {
                rules.push(Rule {
                    name: name.clone(),
                    when,
                    status,
                    steps: rule_steps,
                });
                names.push(Named {
                    name,
                    span: name_span,
                });
            }
        }
        if rules.is_empty() && self.problems.is_empty() {
            self.problem(
                root_span,
                "the check has no rule".to_owned(),
                Some("declare under `[[rule]]` which answers give which status".to_owned()),
            );
        }
        (rules, names)
    }

    /// A condition table. `named` is `None` inside `[condition]` itself,
    /// where `is` is not allowed (so named conditions never loop).
    fn condition(
        &mut self,
        value: &Value<'_>,
        inputs: &[(Input, Range<usize>)],
        named: Option<&[(String, Condition)]>,
    ) -> Option<Condition> {
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(
                value.span(),
                format!("a condition is a table, not {}", value.get_ref().type_str()),
                Some("write `{ input = \"value\", ... }`".to_owned()),
            );
            return None;
        };
        let mut parts = Vec::new();
        let mut failed = false;
        for (key, value) in table.iter() {
            let key_text = key.get_ref().as_ref();
            let part = match key_text {
                "any" | "all" => {
                    let alternatives = self.condition_list(value, inputs, named, key_text);
                    alternatives.map(|list| {
                        if key_text == "any" {
                            Condition::Any(list)
                        } else {
                            Condition::All(list)
                        }
                    })
                }
                "not" => self
                    .condition(value, inputs, named)
                    .map(|inner| Condition::Not(Box::new(inner))),
                "is" | "is-not" => self.named_reference(value, named, key_text == "is"),
                "answered" => self.answered(value, inputs),
                _ => self.input_test(key.get_ref(), key.span(), value, inputs),
            };
            match part {
                Some(part) => parts.push(part),
                None => failed = true,
            }
        }
        if failed {
            return None;
        }
        Some(match parts.len() {
            1 => parts.remove(0),
            _ => Condition::All(parts),
        })
    }

    fn condition_list(
        &mut self,
        value: &Value<'_>,
        inputs: &[(Input, Range<usize>)],
        named: Option<&[(String, Condition)]>,
        key: &str,
    ) -> Option<Vec<Condition>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.problem(
                value.span(),
                format!("`{key}` is a list of conditions"),
                Some(format!("write `{key} = [{{ ... }}, {{ ... }}]`")),
            );
            return None;
        };
        let list: Vec<Option<Condition>> = items
            .iter()
            .map(|item| self.condition(item, inputs, named))
            .collect();
        list.into_iter().collect()
    }

    fn named_reference(
        &mut self,
        value: &Value<'_>,
        named: Option<&[(String, Condition)]>,
        wanted: bool,
    ) -> Option<Condition> {
        let Some(named) = named else {
            self.problem(
                value.span(),
                "a named condition cannot refer to another".to_owned(),
                Some("write its tests out".to_owned()),
            );
            return None;
        };
        let mut parts = Vec::new();
        for (name, span) in self.strings(value, "is") {
            match named.iter().find(|(known, _)| *known == name) {
                Some((_, condition)) if wanted => parts.push(condition.clone()),
                Some((_, condition)) => parts.push(Condition::Not(Box::new(condition.clone()))),
                None => {
                    self.problem(
                        span,
                        format!("no condition is named {name:?}"),
                        Some(format!(
                            "declare it under `[condition]`, or use one of: {}",
                            join(named.iter().map(|(n, _)| n))
                        )),
                    );
                    return None;
                }
            }
        }
        Some(Condition::All(parts))
    }

    fn input_test(
        &mut self,
        key: &str,
        key_span: Range<usize>,
        value: &Value<'_>,
        inputs: &[(Input, Range<usize>)],
    ) -> Option<Condition> {
        let Some(index) = inputs.iter().position(|(input, _)| input.name == key) else {
            if self.untyped.iter().any(|name| name == key) {
                // A stand-in that keeps the rule or step it is part of, so
                // that nothing else is reported; the declaration is refused
                // for the input's type anyway.
                return Some(Condition::All(Vec::new()));
            }
            self.problem(
                key_span,
                format!("no input is named `{key}`"),
                Some(format!(
                    "use one of the inputs ({}) or any, all, not, is, is-not",
                    join(inputs.iter().map(|(input, _)| &input.name))
                )),
            );
            return None;
        };
        match inputs.get(index).map(|(input, _)| &input.kind) {
            Some(InputKind::Choice { choices, .. }) => {
                let values = self.strings(value, key);
                let mut ok = true;
                for (choice, span) in &values {
                    if !choices.contains(choice) {
                        ok = false;
                        self.problem(
                            span.clone(),
                            format!("`{key}` has no choice {choice:?}"),
                            Some(format!("its choices: {}", join(choices.iter()))),
                        );
                    }
                }
                ok.then(|| Condition::Choice {
                    input: index,
                    values: values.into_iter().map(|(choice, _)| choice).collect(),
                })
            }
            Some(InputKind::Windows) => {
                let values = self.strings(value, key);
                let known = |id: &str| WindowsVersion::ALL.iter().any(|w| w.as_str() == id);
                let mut ok = true;
                for (id, span) in &values {
                    if !known(id) {
                        ok = false;
                        let ids: Vec<&str> =
                            WindowsVersion::ALL.iter().map(|w| w.as_str()).collect();
                        self.problem(
                            span.clone(),
                            format!("{id:?} is not a Windows version technote knows"),
                            Some(format!("write one of: {}", ids.join(", "))),
                        );
                    }
                }
                ok.then(|| Condition::Choice {
                    input: index,
                    values: values.into_iter().map(|(id, _)| id).collect(),
                })
            }
            Some(InputKind::InternetExplorer) => self.browser_test(index, key, value),
            Some(InputKind::Version) => self.version_tests(index, key, value, inputs),
            None => None,
        }
    }

    /// `answered = "input"` or a list: every input named was answered.
    fn answered(
        &mut self,
        value: &Value<'_>,
        inputs: &[(Input, Range<usize>)],
    ) -> Option<Condition> {
        let mut parts = Vec::new();
        for (name, span) in self.strings(value, "answered") {
            match inputs.iter().position(|(input, _)| input.name == name) {
                Some(index) => parts.push(Condition::Answered(index)),
                None if self.untyped.contains(&name) => {}
                None => {
                    self.problem(
                        span,
                        format!("no input is named `{name}`"),
                        Some(format!(
                            "use one of the inputs: {}",
                            join(inputs.iter().map(|(input, _)| &input.name))
                        )),
                    );
                    return None;
                }
            }
        }
        Some(match parts.len() {
            1 => parts.remove(0),
            _ => Condition::All(parts),
        })
    }

    /// `{ below = 11 }`: the Internet Explorer answered is older than 11.
    fn browser_test(&mut self, input: usize, key: &str, value: &Value<'_>) -> Option<Condition> {
        const HELP: &str = "write `{ below = 11 }`";
        let major = match value.get_ref() {
            DeValue::Table(table) if table.len() == 1 => {
                match table.get("below").map(|v| v.get_ref()) {
                    Some(DeValue::Integer(number)) if number.radix() == 10 => {
                        number.as_str().parse::<u8>().ok()
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if major.is_none() {
            self.problem(
                value.span(),
                format!("a test of the Internet Explorer input `{key}` is `below` a major version"),
                Some(HELP.to_owned()),
            );
        }
        major.map(|major| Condition::OlderBrowser { input, major })
    }

    fn version_tests(
        &mut self,
        input: usize,
        key: &str,
        value: &Value<'_>,
        inputs: &[(Input, Range<usize>)],
    ) -> Option<Condition> {
        const HELP: &str = "write `{ at-least = \"7.3.5\" }`, `{ below = \"7.4.1\" }`, `{ one-of = [\"7.3.3.IMS\"] }`, `{ not-one-of = [...] }`, `{ at-least-line-minimum = \"server\" }`, `{ line = \"webview2\" }`, `{ in-catalog = true }`, `{ older-than = \"<input>\" }` or `{ newer-release-than = \"<input>\" }`";
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(
                value.span(),
                format!("a test of version `{key}` is a table"),
                Some(HELP.to_owned()),
            );
            return None;
        };
        let mut tests = Vec::new();
        let mut failed = false;
        for (test, value) in table.iter() {
            if let Some(built) = self.catalog_test(input, test.get_ref(), value, inputs) {
                match built {
                    Some(built) => tests.push(built),
                    None => failed = true,
                }
                continue;
            }
            let releases: Vec<String> = self
                .strings(value, test.get_ref())
                .into_iter()
                .filter_map(|(release, span)| self.release(release, span))
                .collect();
            let built = match (test.get_ref().as_ref(), releases.as_slice()) {
                ("at-least", [release]) => Some(Condition::Version {
                    input,
                    test: VersionTest::AtLeast(release.clone()),
                }),
                ("below", [release]) => Some(Condition::Version {
                    input,
                    test: VersionTest::Below(release.clone()),
                }),
                ("one-of", [_, ..]) => Some(Condition::Version {
                    input,
                    test: VersionTest::OneOf(releases.clone()),
                }),
                ("not-one-of", [_, ..]) => Some(Condition::Not(Box::new(Condition::Version {
                    input,
                    test: VersionTest::OneOf(releases.clone()),
                }))),
                ("at-least" | "below" | "one-of" | "not-one-of", _) => {
                    if self.problems.is_empty() || !releases.is_empty() {
                        self.problem(
                            value.span(),
                            format!("`{}` needs one known release here", test.get_ref()),
                            Some(HELP.to_owned()),
                        );
                    }
                    None
                }
                (other, _) => {
                    self.problem(
                        test.span(),
                        format!("unknown version test `{other}`"),
                        Some(HELP.to_owned()),
                    );
                    None
                }
            };
            match built {
                Some(built) => tests.push(built),
                None => failed = true,
            }
        }
        if failed {
            return None;
        }
        Some(match tests.len() {
            1 => tests.remove(0),
            _ => Condition::All(tests),
        })
    }

    /// The version tests that name no release: `None` when `test` is not
    /// one of them, `Some(None)` when it is but is written wrong.
    fn catalog_test(
        &mut self,
        input: usize,
        test: &str,
        value: &Value<'_>,
        inputs: &[(Input, Range<usize>)],
    ) -> Option<Option<Condition>> {
        let text = match value.get_ref() {
            DeValue::String(text) => Some(text.as_ref()),
            _ => None,
        };
        let built = match test {
            "at-least-line-minimum" => match text {
                Some("server") => Ok(VersionTest::AtLeastLineMinimum(Part::Server)),
                Some("console") => Ok(VersionTest::AtLeastLineMinimum(Part::Console)),
                _ => Err("write `at-least-line-minimum = \"server\"` or `\"console\"` (which build of the line's minimum counts)".to_owned()),
            },
            "line" => match text {
                Some("has-minimum") => Ok(VersionTest::Line(LineFlag::HasMinimum)),
                Some("webview2") => Ok(VersionTest::Line(LineFlag::Webview2)),
                Some("release-notes-only") => Ok(VersionTest::Line(LineFlag::ReleaseNotesOnly)),
                _ => Err("write `line = \"has-minimum\"`, `\"webview2\"` or `\"release-notes-only\"`".to_owned()),
            },
            "in-catalog" => match value.get_ref() {
                DeValue::Boolean(true) => Ok(VersionTest::InCatalog),
                DeValue::Boolean(false) => {
                    return Some(Some(Condition::Not(Box::new(Condition::Version {
                        input,
                        test: VersionTest::InCatalog,
                    }))));
                }
                _ => Err("write `in-catalog = true` or `false`".to_owned()),
            },
            "older-than" | "newer-release-than" => {
                let other = text.and_then(|name| {
                    inputs.iter().position(|(other, _)| {
                        other.name == name && matches!(other.kind, InputKind::Version)
                    })
                });
                match other {
                    Some(other) if other != input => Ok(if test == "older-than" {
                        VersionTest::OlderThan(other)
                    } else {
                        VersionTest::NewerReleaseThan(other)
                    }),
                    _ => Err(format!(
                        "name another version input: {}",
                        join(
                            inputs
                                .iter()
                                .filter(|(other, _)| matches!(other.kind, InputKind::Version))
                                .map(|(other, _)| &other.name)
                        )
                    )),
                }
            }
            _ => return None,
        };
        Some(match built {
            Ok(test) => Some(Condition::Version { input, test }),
            Err(help) => {
                self.problem(
                    value.span(),
                    format!("`{test}` is not written as it should be"),
                    Some(help),
                );
                None
            }
        })
    }

    /// A release the catalog lists, spelled as the catalog does.
    fn release(&mut self, release: String, span: Range<usize>) -> Option<String> {
        match parse_version(self.catalog, &release) {
            Ok(version) if version.in_catalog() && !version.is_whole_line() => {
                let canonical = version.release_name();
                if canonical.as_deref() != Some(release.as_str()) {
                    self.problem(
                        span,
                        format!("{release:?} is not how the catalog names a release"),
                        Some(match canonical {
                            Some(name) => format!("write {name:?}"),
                            None => "name a release such as \"7.3.5\" or \"7.3.3.IMS\"".to_owned(),
                        }),
                    );
                    return None;
                }
                Some(release)
            }
            _ => {
                self.problem(
                    span,
                    format!("the release catalog has no release {release:?}"),
                    Some("name a release of crates/rules/releases.toml, such as \"7.3.5\" or \"7.3.3.IMS\", or add it there".to_owned()),
                );
                None
            }
        }
    }

    fn unused(
        &mut self,
        check: &Check,
        inputs: &[(Input, Range<usize>)],
        statuses: &[(String, Range<usize>)],
        steps: &[Named],
    ) {
        let mut read = Vec::new();
        for rule in &check.rules {
            rule.when.inputs(&mut read);
        }
        for step in &check.steps {
            step.when.inputs(&mut read);
        }
        for (index, (input, span)) in inputs.iter().enumerate() {
            if !read.contains(&index) {
                self.problem(
                    span.clone(),
                    format!("no rule or step reads input `{}`", input.name),
                    Some("remove the question, or use it in a rule's `when`".to_owned()),
                );
            }
        }
        for (index, (status, span)) in statuses.iter().enumerate() {
            if !check.rules.iter().any(|rule| rule.status == index) {
                self.problem(
                    span.clone(),
                    format!("no rule gives status {status:?}"),
                    Some("remove it from `statuses`, or add a rule that gives it".to_owned()),
                );
            }
        }
        for (index, step) in steps.iter().enumerate() {
            if !check.rules.iter().any(|rule| rule.steps.contains(&index)) {
                self.problem(
                    step.span.clone(),
                    format!("no rule lists step `{}`", step.name),
                    Some("remove the step, or add it to a rule's `steps`".to_owned()),
                );
            }
        }
    }
}

/// Lowercase ASCII words joined by single hyphens: fit for a Fluent id.
fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'.')
        })
        && !text.starts_with(|c: char| c.is_ascii_digit() || c == '.')
}

fn join<'a>(names: impl Iterator<Item = &'a String>) -> String {
    names.map(String::as_str).collect::<Vec<_>>().join(", ")
}
