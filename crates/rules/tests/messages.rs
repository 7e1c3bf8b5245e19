//! Every status and finding has a message in French and English, with a
//! translator comment, using exactly the finding's arguments as variables
//! and no selector (the browser substitutes values into preformatted text).

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use technote_rules::{FindingCode, Status};

const LOCALES: [(&str, &str); 2] = [
    ("en", include_str!("../../../locales/en/findings.ftl")),
    ("fr", include_str!("../../../locales/fr/findings.ftl")),
];

/// Message id → variables it uses; fails on anything but text and variables.
fn messages(locale: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{locale}/findings.ftl does not parse: {errors:?}"));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        let Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name.to_owned();
        assert!(
            message.comment.is_some(),
            "{locale}: {id} has no comment for translators"
        );
        assert!(
            message.attributes.is_empty(),
            "{locale}: {id} has attributes"
        );
        let pattern = message
            .value
            .unwrap_or_else(|| panic!("{locale}: {id} has no value"));
        let mut variables = BTreeSet::new();
        for element in pattern.elements {
            match element {
                PatternElement::TextElement { .. } => {}
                PatternElement::Placeable {
                    expression:
                        Expression::Inline(InlineExpression::VariableReference { id: variable }),
                } => {
                    variables.insert(variable.name.to_owned());
                }
                PatternElement::Placeable { expression } => {
                    panic!("{locale}: {id} uses {expression:?}; only plain variables are allowed")
                }
            }
        }
        assert!(
            messages.insert(id.clone(), variables).is_none(),
            "{locale}: {id} is defined twice"
        );
    }
    messages
}

#[test]
fn every_status_and_finding_has_a_message_with_exactly_its_variables() {
    for (locale, source) in LOCALES {
        let messages = messages(locale, source);
        let mut expected = BTreeMap::new();
        for status in Status::ALL {
            expected.insert(
                format!("check-ims-2021-status-{}", status.as_str()),
                BTreeSet::new(),
            );
        }
        for code in FindingCode::ALL {
            let variables = code
                .arg_names()
                .iter()
                .map(|name| name.as_str().to_owned())
                .collect();
            expected.insert(
                format!("check-ims-2021-finding-{}", code.as_str()),
                variables,
            );
        }
        assert_eq!(messages, expected, "{locale}/findings.ftl");
    }
}
