//! Checks of the `.ftl` files for translators: every locale compared with
//! the reference locale.

mod catalog;
mod plurals;

use std::path::Path;

use technote_diagnostics::Diagnostic;
use unic_langid::LanguageIdentifier;

use crate::files::BuiltinFtl;
use catalog::{Catalog, MessageInfo, PatternInfo, read_locale};

/// Everything the lint found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintReport {
    /// Syntax errors and duplicates are errors; the rest are warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// One entry per compared locale, in the order given.
    pub coverage: Vec<Coverage>,
}

impl LintReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How much of the reference locale a locale translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub locale: LanguageIdentifier,
    /// Reference messages the locale defines with a non-empty value of its
    /// own: a text identical to the reference's counts only when marked.
    pub translated: usize,
    /// Messages of the reference locale.
    pub total: usize,
    /// Messages whose text is the reference's, word for word, and not
    /// marked `# unchanged: <why>`: copied, not translated (as
    /// compare-locales counts them).
    pub unchanged: Vec<String>,
}

/// Compares `locales_dir/<tag>/*.ftl` of every locale of `locales` with
/// those of `reference`: syntax errors, duplicates, missing and obsolete
/// messages and attributes, variables used differently, empty values.
pub fn compare_locales(
    locales_dir: &Path,
    reference: &LanguageIdentifier,
    locales: &[LanguageIdentifier],
) -> LintReport {
    compare_locales_over(&[], locales_dir, reference, locales)
}

/// [`compare_locales`] of the files a site reads: the project's over the
/// `builtin` ones ([`crate::Localizer::load_over`]).
pub fn compare_locales_over(
    builtin: &[BuiltinFtl<'_>],
    locales_dir: &Path,
    reference: &LanguageIdentifier,
    locales: &[LanguageIdentifier],
) -> LintReport {
    let (reference_catalog, mut diagnostics) =
        read_locale(&locales_dir.join(reference.to_string()), builtin);
    diagnostics.extend(empty_values(&reference_catalog));
    diagnostics.extend(plurals::plural_problems(
        reference,
        &reference_catalog,
        &reference_catalog,
    ));
    let mut coverage = Vec::new();
    for locale in locales.iter().filter(|l| *l != reference) {
        let dir = locales_dir.join(locale.to_string());
        let (catalog, problems) = read_locale(&dir, builtin);
        diagnostics.extend(problems);
        diagnostics.extend(empty_values(&catalog));
        diagnostics.extend(plurals::plural_problems(
            locale,
            &catalog,
            &reference_catalog,
        ));
        let comparison = Comparison {
            locale,
            reference,
            reference_catalog: &reference_catalog,
            catalog: &catalog,
            dir: &dir,
        };
        diagnostics.extend(comparison.differences());
        coverage.push(comparison.coverage());
    }
    LintReport {
        diagnostics,
        coverage,
    }
}

fn at(file: &Path, line: u32, column: u32, message: String, code: &'static str) -> Diagnostic {
    Diagnostic::warning(file, message)
        .at(line, column)
        .with_code(code)
}

fn empty_values(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (id, message) in &catalog.messages {
        if message.value.as_ref().is_some_and(|v| v.empty) {
            found.push(
                at(
                    &message.file,
                    message.line,
                    message.column,
                    format!("`{id}` is empty"),
                    "ftl-empty",
                )
                .with_help("write its text, or delete it so the reference locale's text is shown"),
            );
        }
        for (name, attribute) in &message.attributes {
            if attribute.pattern.empty {
                found.push(
                    at(
                        &message.file,
                        attribute.line,
                        attribute.column,
                        format!("`{id}.{name}` is empty"),
                        "ftl-empty",
                    )
                    .with_help(
                        "write its text, or delete it so the reference locale's text is shown",
                    ),
                );
            }
        }
    }
    found
}

/// Whether `actual` says word for word what `expected` says, value and
/// attributes, with words to translate (`{ $n } %` is the same everywhere).
fn copied(expected: &MessageInfo, actual: &MessageInfo) -> bool {
    let patterns = |m: &MessageInfo| -> Vec<(String, String, bool)> {
        m.value
            .iter()
            .map(|v| (String::new(), v.shape.clone(), v.has_words))
            .chain(
                m.attributes
                    .iter()
                    .map(|(name, a)| (name.clone(), a.pattern.shape.clone(), a.pattern.has_words)),
            )
            .collect()
    };
    let actual = patterns(actual);
    actual == patterns(expected) && actual.iter().any(|(_, _, words)| *words)
}

struct Comparison<'a> {
    locale: &'a LanguageIdentifier,
    reference: &'a LanguageIdentifier,
    reference_catalog: &'a Catalog,
    catalog: &'a Catalog,
    dir: &'a Path,
}

impl Comparison<'_> {
    fn differences(&self) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        for (id, expected) in &self.reference_catalog.messages {
            match self.catalog.messages.get(id) {
                None => found.push(self.missing_message(id, expected)),
                Some(actual) => self.compare_message(id, expected, actual, &mut found),
            }
        }
        for (id, actual) in &self.catalog.messages {
            if !self.reference_catalog.messages.contains_key(id) {
                found.push(
                    at(
                        &actual.file,
                        actual.line,
                        actual.column,
                        format!("`{id}` is not in the reference locale {}", self.reference),
                        "ftl-obsolete",
                    )
                    .with_help("delete it, or add it to the reference locale first if it is new"),
                );
            }
        }
        found
    }

    fn coverage(&self) -> Coverage {
        let mut translated = 0;
        let mut unchanged = Vec::new();
        for (id, expected) in &self.reference_catalog.messages {
            let Some(actual) = self.catalog.messages.get(id) else {
                continue;
            };
            if actual.value.as_ref().is_some_and(|v| v.empty) {
                continue;
            }
            if copied(expected, actual) && !actual.unchanged_on_purpose {
                unchanged.push(id.clone());
            } else {
                translated += 1;
            }
        }
        Coverage {
            locale: self.locale.clone(),
            translated,
            total: self.reference_catalog.messages.len(),
            unchanged,
        }
    }

    /// Reported in the locale's file of the same name as the reference's.
    fn missing_message(&self, id: &str, expected: &MessageInfo) -> Diagnostic {
        let file = expected
            .file
            .file_name()
            .map_or_else(|| self.dir.to_path_buf(), |name| self.dir.join(name));
        Diagnostic::warning(
            &file,
            format!(
                "`{id}` is not translated into {} (the reference is at {}:{}:{})",
                self.locale,
                expected.file.display(),
                expected.line,
                expected.column
            ),
        )
        .with_help(format!(
            "add `{id} = ...` to {}, translated from the {} text",
            file.display(),
            self.reference
        ))
        .with_code("ftl-missing")
    }

    fn compare_message(
        &self,
        id: &str,
        expected: &MessageInfo,
        actual: &MessageInfo,
        found: &mut Vec<Diagnostic>,
    ) {
        let here =
            |message: String, code| at(&actual.file, actual.line, actual.column, message, code);
        match (&expected.value, &actual.value) {
            (Some(expected_value), Some(actual_value)) => {
                found.extend(self.compare_variables(
                    id,
                    expected_value,
                    actual_value,
                    &actual.file,
                    (actual.line, actual.column),
                ));
            }
            (Some(_), None) => found.push(
                here(
                    format!(
                        "`{id}` has no value, but the {} message has one",
                        self.reference
                    ),
                    "ftl-value-missing",
                )
                .with_help(format!("write its text after `{id} =`")),
            ),
            (None, Some(_)) => found.push(
                here(
                    format!(
                        "`{id}` has a value, but the {} message has only attributes",
                        self.reference
                    ),
                    "ftl-value-extra",
                )
                .with_help("remove the value, or add one to the reference message first"),
            ),
            (None, None) => {}
        }
        for (name, expected_attribute) in &expected.attributes {
            match actual.attributes.get(name) {
                None => found.push(
                    here(
                        format!(
                            "`{id}` has no `.{name}` attribute, which the {} message has",
                            self.reference
                        ),
                        "ftl-attribute-missing",
                    )
                    .with_help(format!("add `    .{name} = ...` under `{id}`")),
                ),
                Some(actual_attribute) => found.extend(self.compare_variables(
                    &format!("{id}.{name}"),
                    &expected_attribute.pattern,
                    &actual_attribute.pattern,
                    &actual.file,
                    (actual_attribute.line, actual_attribute.column),
                )),
            }
        }
        for (name, attribute) in &actual.attributes {
            if !expected.attributes.contains_key(name) {
                found.push(
                    at(
                        &actual.file,
                        attribute.line,
                        attribute.column,
                        format!(
                            "`{id}.{name}` is not in the reference locale {}",
                            self.reference
                        ),
                        "ftl-obsolete",
                    )
                    .with_help("delete it, or add it to the reference message first if it is new"),
                );
            }
        }
    }

    fn compare_variables(
        &self,
        name: &str,
        expected: &PatternInfo,
        actual: &PatternInfo,
        file: &Path,
        (line, column): (u32, u32),
    ) -> Vec<Diagnostic> {
        let reference = self.reference;
        let unknown = actual.variables.iter().filter(|(variable, _)| !expected.variables.contains_key(*variable)).map(|(variable, &(line, column))| {
            at(file, line, column, format!("`{name}` uses {{ ${variable} }}, which the {reference} message does not"), "ftl-variable-unknown")
                .with_help(format!(
                    "the site passes only the variables of the {reference} message; remove {{ ${variable} }} or check its spelling"
                ))
        });
        let unused = expected.variables.keys().filter(|variable| !actual.variables.contains_key(*variable)).map(|variable| {
            at(file, line, column, format!("`{name}` does not use {{ ${variable} }}, which the {reference} message uses"), "ftl-variable-unused")
                .with_help(format!("include {{ ${variable} }} so readers see the value"))
        });
        unknown.chain(unused).collect()
    }
}
