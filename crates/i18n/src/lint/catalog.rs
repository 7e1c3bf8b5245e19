//! What one locale's `.ftl` files define, with positions, for comparison
//! against the reference locale.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement, Variant,
    VariantKey,
};
use fluent_syntax::parser;
use technote_diagnostics::{Diagnostic, LineIndex};

use crate::files::{BuiltinFtl, locale_sources, position_of, syntax_errors};

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
    /// A comment line `unchanged: <why>` above the message says that its
    /// text is meant to be the reference's (a product name).
    pub(super) unchanged_on_purpose: bool,
}

pub(super) struct AttributeInfo {
    pub(super) line: u32,
    pub(super) column: u32,
    pub(super) pattern: PatternInfo,
}

/// What the lint compares in a pattern.
pub(super) struct PatternInfo {
    /// Names of the `$variables` it uses, select variants included, each
    /// with the position of its first `$` (where a misspelt one is shown).
    pub(super) variables: BTreeMap<String, (u32, u32)>,
    /// True when it would format to nothing (`{ "" }` or blanks only).
    pub(super) empty: bool,
    /// Its select expressions, nested ones included.
    pub(super) selects: Vec<SelectInfo>,
    /// What it says, for comparison with the reference: its text and the
    /// syntax tree of its placeables (which hold no positions).
    pub(super) shape: String,
    /// Whether its text has a letter to translate (not only `{ $n } %`).
    pub(super) has_words: bool,
}

/// A select expression, for the plural checks.
pub(super) struct SelectInfo {
    /// The variable it selects on, directly or through `NUMBER()`.
    pub(super) variable: Option<String>,
    /// Whether the selector is `NUMBER(...)`.
    pub(super) through_number: bool,
    /// Whether a variant key is a number (`[0]`).
    pub(super) numeric_key: bool,
    /// Position of its first variant key.
    pub(super) line: u32,
    pub(super) column: u32,
    /// Its identifier keys (`one`, `few`, `tausend`), with positions.
    pub(super) keys: Vec<(String, u32, u32)>,
}

/// Reads every `.ftl` file of `dir`. Problems that stop a file from being
/// read or parsed, and messages defined twice, come back as errors; what
/// could be parsed is still returned for comparison.
pub(super) fn read_locale(dir: &Path, builtin: &[BuiltinFtl<'_>]) -> (Catalog, Vec<Diagnostic>) {
    let mut catalog = Catalog::default();
    let (files, mut problems) = locale_sources(dir, builtin);
    for (file, text) in files {
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
                        pattern: pattern_info(&attribute.value, &lines),
                    };
                    (attribute.id.name.to_string(), info)
                })
                .collect();
            let unchanged_on_purpose = message.comment.as_ref().is_some_and(|comment| {
                comment
                    .content
                    .iter()
                    .any(|line| line.trim_start().starts_with("unchanged:"))
            });
            let info = MessageInfo {
                unchanged_on_purpose,
                file: file.clone(),
                line,
                column,
                value: message.value.as_ref().map(|v| pattern_info(v, &lines)),
                attributes,
            };
            catalog.messages.insert(id.to_string(), info);
        }
    }
    (catalog, problems)
}

fn pattern_info(pattern: &Pattern<&str>, lines: &LineIndex<'_>) -> PatternInfo {
    let mut variables = BTreeMap::new();
    let mut selects = Vec::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, lines, &mut variables, &mut selects);
        }
    }
    let empty = pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => value.trim().is_empty(),
        PatternElement::Placeable {
            expression: Expression::Inline(InlineExpression::StringLiteral { value }),
        } => value.is_empty(),
        PatternElement::Placeable { .. } => false,
    });
    let mut shape = String::new();
    let mut has_words = false;
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                shape.push_str(value);
                has_words |= value.chars().any(char::is_alphabetic);
            }
            PatternElement::Placeable { expression } => {
                shape.push_str(&format!("{{{expression:?}}}"));
                has_words |= matches!(expression, Expression::Select { .. });
            }
        }
    }
    PatternInfo {
        variables,
        empty,
        selects,
        shape,
        has_words,
    }
}

fn expression_variables(
    expression: &Expression<&str>,
    lines: &LineIndex<'_>,
    out: &mut BTreeMap<String, (u32, u32)>,
    selects: &mut Vec<SelectInfo>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, lines, out, selects);
            selects.push(select_info(selector, variants, lines));
            for variant in variants {
                let nested = pattern_info(&variant.value, lines);
                for (name, at) in nested.variables {
                    out.entry(name).or_insert(at);
                }
                selects.extend(nested.selects);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, lines, out, selects),
    }
}

fn select_info(
    selector: &InlineExpression<&str>,
    variants: &[Variant<&str>],
    lines: &LineIndex<'_>,
) -> SelectInfo {
    let (variable, through_number) = match selector {
        InlineExpression::VariableReference { id } => (Some(id.name.to_string()), false),
        InlineExpression::FunctionReference { id, arguments } if id.name == "NUMBER" => {
            let variable = arguments
                .positional
                .first()
                .and_then(|argument| match argument {
                    InlineExpression::VariableReference { id } => Some(id.name.to_string()),
                    _ => None,
                });
            (variable, true)
        }
        _ => (None, false),
    };
    let (line, column) = variants
        .first()
        .and_then(|variant| match variant.key {
            VariantKey::Identifier { name } | VariantKey::NumberLiteral { value: name } => {
                position_of(lines, name)
            }
        })
        .unwrap_or((1, 1));
    let keys = variants
        .iter()
        .filter_map(|variant| match variant.key {
            VariantKey::Identifier { name } => {
                let (line, column) = position_of(lines, name).unwrap_or((line, column));
                Some((name.to_string(), line, column))
            }
            VariantKey::NumberLiteral { .. } => None,
        })
        .collect();
    SelectInfo {
        variable,
        through_number,
        numeric_key: variants
            .iter()
            .any(|v| matches!(v.key, VariantKey::NumberLiteral { .. })),
        line,
        column,
        keys,
    }
}

fn inline_variables(
    expression: &InlineExpression<&str>,
    lines: &LineIndex<'_>,
    out: &mut BTreeMap<String, (u32, u32)>,
    selects: &mut Vec<SelectInfo>,
) {
    match expression {
        InlineExpression::VariableReference { id } => {
            // The `$` is the character before the name.
            let (line, column) = position_of(lines, id.name).unwrap_or((1, 2));
            out.entry(id.name.to_string())
                .or_insert((line, column.saturating_sub(1).max(1)));
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            argument_variables(arguments, lines, out, selects)
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => argument_variables(arguments, lines, out, selects),
        InlineExpression::Placeable { expression } => {
            expression_variables(expression, lines, out, selects)
        }
        InlineExpression::StringLiteral { .. }
        | InlineExpression::NumberLiteral { .. }
        | InlineExpression::MessageReference { .. }
        | InlineExpression::TermReference {
            arguments: None, ..
        } => {}
    }
}

fn argument_variables(
    arguments: &CallArguments<&str>,
    lines: &LineIndex<'_>,
    out: &mut BTreeMap<String, (u32, u32)>,
    selects: &mut Vec<SelectInfo>,
) {
    for argument in &arguments.positional {
        inline_variables(argument, lines, out, selects);
    }
    for argument in &arguments.named {
        inline_variables(&argument.value, lines, out, selects);
    }
}
