//! Plural variants against the CLDR categories of the locale, as Pontoon and
//! Weblate check them: a Polish message needs `[few]` and `[many]`, a German
//! `[few]` can never be chosen.

use std::path::Path;

use technote_diagnostics::Diagnostic;
use unic_langid::LanguageIdentifier;

use super::catalog::{Catalog, PatternInfo, SelectInfo};
use crate::plurals::{ALL, Categories};

/// The plural problems of every message of `catalog`, a catalog of
/// `locale`. A select is on a number when it says so (`NUMBER($n)`, a
/// variant `[0]` or `[few]`), or when the reference message selects on the
/// same variable that way: `{ $count -> [tausend] … *[other] … }` is then
/// a plural select with an impossible variant, not a select on words.
pub(super) fn plural_problems(
    locale: &LanguageIdentifier,
    catalog: &Catalog,
    reference: &Catalog,
) -> Vec<Diagnostic> {
    let Some(categories) = Categories::of(locale) else {
        return Vec::new();
    };
    let check = PluralCheck {
        locale,
        categories: &categories,
    };
    let mut found = Vec::new();
    for (id, message) in &catalog.messages {
        let expected = reference.messages.get(id);
        if let Some(value) = &message.value {
            let expected = expected.and_then(|m| m.value.as_ref());
            found.extend(check.pattern(id, value, expected, &message.file));
        }
        for (name, attribute) in &message.attributes {
            let expected = expected
                .and_then(|m| m.attributes.get(name))
                .map(|a| &a.pattern);
            let id = format!("{id}.{name}");
            found.extend(check.pattern(&id, &attribute.pattern, expected, &message.file));
        }
    }
    found
}

struct PluralCheck<'a> {
    locale: &'a LanguageIdentifier,
    categories: &'a Categories,
}

impl PluralCheck<'_> {
    fn pattern(
        &self,
        id: &str,
        pattern: &PatternInfo,
        expected: Option<&PatternInfo>,
        file: &Path,
    ) -> Vec<Diagnostic> {
        let plural_in_reference = |variable: &Option<String>| {
            expected.is_some_and(|e| {
                e.selects
                    .iter()
                    .any(|s| s.variable == *variable && variable.is_some() && on_numbers(s))
            })
        };
        let mut found = Vec::new();
        for select in &pattern.selects {
            if on_numbers(select) || plural_in_reference(&select.variable) {
                found.extend(self.missing(id, select, file));
                found.extend(self.impossible(id, select, file));
            }
        }
        found
    }

    fn all_categories(&self) -> String {
        let names: Vec<&str> = self.categories.names().collect();
        names.join(", ")
    }

    fn missing(&self, id: &str, select: &SelectInfo, file: &Path) -> Option<Diagnostic> {
        let missing: Vec<&str> = self
            .categories
            .names()
            .filter(|category| !select.keys.iter().any(|(key, ..)| key == category))
            .collect();
        if missing.is_empty() {
            return None;
        }
        let variants: Vec<String> = missing.iter().map(|c| format!("`[{c}]`")).collect();
        let additions: Vec<String> = missing
            .iter()
            .map(|c| format!("`[{c}] …` ({})", self.categories.examples(c)))
            .collect();
        Some(
            Diagnostic::warning(
                file,
                format!(
                    "`{id}` has no {} variant, which numbers need in {} (its plural categories: {})",
                    variants.join(", "),
                    self.locale,
                    self.all_categories()
                ),
            )
            .at(select.line, select.column)
            .with_code("plural-missing")
            .with_help(format!(
                "add {}; until then those numbers show the default variant",
                additions.join(" and ")
            )),
        )
    }

    fn impossible<'s>(
        &'s self,
        id: &'s str,
        select: &'s SelectInfo,
        file: &'s Path,
    ) -> impl Iterator<Item = Diagnostic> + 's {
        select
            .keys
            .iter()
            .filter(|(key, ..)| !self.categories.contains(key))
            .map(move |(key, line, column)| {
                let what = if ALL.contains(&key.as_str()) {
                    format!("no number is `{key}` in {}", self.locale)
                } else {
                    format!("`{key}` is not a plural category")
                };
                Diagnostic::warning(
                    file,
                    format!("`[{key}]` of `{id}` can never be chosen: {what}"),
                )
                .at(*line, *column)
                .with_code("plural-impossible")
                .with_help(format!(
                    "remove it: numbers in {} are {} (a variant may also be an exact number, such as `[0]`)",
                    self.locale,
                    self.all_categories()
                ))
            })
    }
}

/// Whether a select shows by itself that it is on a number.
fn on_numbers(select: &SelectInfo) -> bool {
    select.through_number
        || select.numeric_key
        || select
            .keys
            .iter()
            .any(|(key, ..)| key != "other" && ALL.contains(&key.as_str()))
}
