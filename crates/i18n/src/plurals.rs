//! CLDR plural categories of a locale, as Fluent chooses variants with them:
//! the same rules (intl_pluralrules), looked up from the most specific form
//! of the tag as fluent-bundle does, so what `check` says a locale needs is
//! what the site will select.

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// Every CLDR plural category, in CLDR's order.
pub const ALL: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The cardinal plural categories of one locale, with numbers of each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Categories {
    /// `(category, the first integers in it)`, in CLDR's order.
    found: Vec<(&'static str, Vec<String>)>,
}

impl Categories {
    /// The cardinal categories of `locale`, or `None` when CLDR has no
    /// rules for its language (Fluent then uses English's).
    pub fn of(locale: &LanguageIdentifier) -> Option<Self> {
        let rules = crate::localizer::less_specific(locale)
            .into_iter()
            .find_map(|form| PluralRules::create(form, PluralRuleType::CARDINAL).ok())?;
        let mut found: Vec<(&'static str, Vec<String>)> = Vec::new();
        for sample in samples() {
            let Ok(category) = rules.select(sample.as_str()) else {
                continue;
            };
            let name = name(&category);
            match found.iter_mut().find(|(n, _)| *n == name) {
                Some((_, examples)) if examples.len() < 4 && !sample.contains('.') => {
                    examples.push(sample);
                }
                Some(_) => {}
                None => found.push((name, vec![sample])),
            }
        }
        found.sort_by_key(|(name, _)| ALL.iter().position(|n| n == name));
        Some(Self { found })
    }

    /// Category names, in CLDR's order (`one`, `few`, `many`, `other`).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.found.iter().map(|(name, _)| *name)
    }

    pub fn contains(&self, category: &str) -> bool {
        self.names().any(|name| name == category)
    }

    /// A few numbers of `category`, for messages: `2, 3, 4, 22`.
    pub fn examples(&self, category: &str) -> String {
        self.found
            .iter()
            .find(|(name, _)| *name == category)
            .map(|(_, examples)| examples.join(", "))
            .unwrap_or_default()
    }
}

/// Numbers that reach every category of every CLDR rule: integers up to
/// 1,000 and a million (some rules single out large round numbers), and
/// decimals (`1.5`, and `1.0`, which is not `1` to CLDR).
fn samples() -> impl Iterator<Item = String> {
    (0..=1000u32).map(|n| n.to_string()).chain(
        [
            "1000000", "0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "10.5", "100.5",
        ]
        .map(String::from),
    )
}

fn name(category: &PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(tag: &str) -> Vec<&'static str> {
        Categories::of(&tag.parse().unwrap())
            .expect("known locale")
            .names()
            .collect()
    }

    #[test]
    fn each_language_has_the_categories_cldr_gives_it() {
        assert_eq!(names("en"), ["one", "other"]);
        assert_eq!(names("de-CH"), ["one", "other"]);
        assert_eq!(names("pl"), ["one", "few", "many", "other"]);
        assert_eq!(names("ru"), ["one", "few", "many", "other"]);
        assert_eq!(names("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(names("ja"), ["other"]);
    }

    #[test]
    fn examples_are_the_first_integers_of_a_category() {
        let polish = Categories::of(&"pl".parse().unwrap()).unwrap();
        assert_eq!(polish.examples("few"), "2, 3, 4, 22");
        assert_eq!(polish.examples("one"), "1");
    }
}
