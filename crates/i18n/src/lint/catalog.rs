//! What one locale's `.ftl` files define, with positions, for comparison
//! against the reference locale.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement,
};
use fluent_syntax::parser;
use technote_diagnostics::{Diagnostic, LineIndex};

use crate::files::{ftl_files, position_of, read_text, syntax_errors};

/// The messages of one locale, by id.
#[derive(Default)]
pub(super) struct Catalog {
    pub(super) messages: BTreeMap<String, MessageInfo>,
}

pub(super) struct MessageInfo {
    pub(super) file: PathBuf,
    pub(super) line: u32,
    pub(super) column: u32,
    pub(super) value: Option<PatternInfo>,
    pub(super) attributes: BTreeMap<String, AttributeInfo>,
}

pub(super) struct AttributeInfo {
    pub(super) line: u32,
    pub(super) column: u32,
    pub(super) pattern: PatternInfo,
}

/// What the lint compares in a pattern.
pub(super) struct PatternInfo {
    /// Names of the `$variables` it uses, select variants included.
    pub(super) variables: BTreeSet<String>,
    /// True when it would format to nothing (`{ "" }` or blanks only).
    pub(super) empty: bool,
}

/// Reads every `.ftl` file of `dir`. Problems that stop a file from being
/// read or parsed, and messages defined twice, come back as errors; what
/// could be parsed is still returned for comparison.
pub(super) fn read_locale(dir: &Path) -> (Catalog, Vec<Diagnostic>) {
    let mut catalog = Catalog::default();
    let mut problems = Vec::new();
    let files = match ftl_files(dir) {
        Ok(files) => files,
        Err(problem) => return (catalog, vec![problem]),
    };
    for file in files {
        let text = match read_text(&file) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        let resource = match parser::parse(text.as_str()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                problems.extend(syntax_errors(&file, &text, &errors));
                resource
            }
        };
        let lines = LineIndex::new(&text);
        for entry in &resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            let (line, column) = position_of(&lines, id).unwrap_or((1, 1));
            if let Some(first) = catalog.messages.get(id) {
                problems.push(
                    Diagnostic::error(
                        &file,
                        format!(
                            "message `{id}` is defined twice: here and in {}:{}",
                            first.file.display(),
                            first.line
                        ),
                    )
                    .at(line, column)
                    .with_code("ftl-duplicate")
                    .with_help("keep one definition"),
                );
                continue;
            }
            let attributes = message
                .attributes
                .iter()
                .map(|attribute| {
                    let (line, column) =
                        position_of(&lines, attribute.id.name).unwrap_or((line, column));
                    let info = AttributeInfo {
                        line,
                        column,
                        pattern: pattern_info(&attribute.value),
                    };
                    (attribute.id.name.to_string(), info)
                })
                .collect();
            let info = MessageInfo {
                file: file.clone(),
                line,
                column,
                value: message.value.as_ref().map(pattern_info),
                attributes,
            };
            catalog.messages.insert(id.to_string(), info);
        }
    }
    (catalog, problems)
}

fn pattern_info(pattern: &Pattern<&str>) -> PatternInfo {
    let mut variables = BTreeSet::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut variables);
        }
    }
    let empty = pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => value.trim().is_empty(),
        PatternElement::Placeable {
            expression: Expression::Inline(InlineExpression::StringLiteral { value }),
        } => value.is_empty(),
        PatternElement::Placeable { .. } => false,
    });
    PatternInfo { variables, empty }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                out.extend(pattern_info(&variant.value).variables);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(expression: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => argument_variables(arguments, out),
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => argument_variables(arguments, out),
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::StringLiteral { .. }
        | InlineExpression::NumberLiteral { .. }
        | InlineExpression::MessageReference { .. }
        | InlineExpression::TermReference {
            arguments: None, ..
        } => {}
    }
}

fn argument_variables(arguments: &CallArguments<&str>, out: &mut BTreeSet<String>) {
    for argument in &arguments.positional {
        inline_variables(argument, out);
    }
    for argument in &arguments.named {
        inline_variables(&argument.value, out);
    }
}
