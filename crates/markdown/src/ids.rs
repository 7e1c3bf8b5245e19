//! Unique ids for headings, FAQ entries, tab panels and alert titles.

use std::collections::{HashMap, HashSet};

/// The ids of one page.
///
/// Ids written by authors (`{#id}`) are reserved before rendering starts, so
/// a generated id never takes one that a later heading asks for; generated
/// ids get a `-2`, `-3`… suffix when their slug is taken.
#[derive(Default)]
pub(crate) struct IdRegistry {
    /// Id → line that defined it.
    used: HashMap<String, u32>,
    /// Ids written by authors, claimed or not yet.
    reserved: HashSet<String>,
    /// Next suffix to try per generated base, so many equal headings stay linear.
    next_suffix: HashMap<String, u32>,
}

/// An explicit id that an earlier element already defines.
pub(crate) struct Duplicate {
    pub(crate) first_line: u32,
}

impl IdRegistry {
    /// Marks an id an author wrote, before rendering.
    pub(crate) fn reserve(&mut self, id: &str) {
        self.reserved.insert(id.to_string());
    }

    /// Claims an id an author wrote on `line`.
    pub(crate) fn claim_explicit(&mut self, id: &str, line: u32) -> Result<(), Duplicate> {
        match self.used.get(id) {
            Some(&first_line) => Err(Duplicate { first_line }),
            None => {
                self.used.insert(id.to_string(), line);
                Ok(())
            }
        }
    }

    /// Claims `base`, or `base-N` with the smallest free N ≥ 2, for an
    /// element without an explicit id.
    pub(crate) fn claim_generated(&mut self, base: &str, line: u32) -> String {
        let taken = |registry: &Self, id: &str| {
            registry.used.contains_key(id) || registry.reserved.contains(id)
        };
        let id = if taken(self, base) {
            let mut suffix = self.next_suffix.get(base).copied().unwrap_or(2);
            let mut candidate = format!("{base}-{suffix}");
            while taken(self, &candidate) {
                suffix = suffix.saturating_add(1);
                candidate = format!("{base}-{suffix}");
            }
            self.next_suffix
                .insert(base.to_string(), suffix.saturating_add(1));
            candidate
        } else {
            base.to_string()
        };
        self.used.insert(id.clone(), line);
        id
    }
}

/// The slug of `text` for a generated id (French accents folded), or
/// `fallback` when the text has no letter or digit.
pub(crate) fn slug_or(text: &str, fallback: &str) -> String {
    let slug = slug::slugify(text);
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// Whether an id an author wrote can be used as an HTML id and a URL
/// fragment without escaping surprises.
pub(crate) fn is_valid_explicit_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().all(|c| {
            !c.is_whitespace() && !matches!(c, '#' | '"' | '\'' | '<' | '>' | '&' | '{' | '}')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_avoid_reserved_and_used_ones() {
        let mut ids = IdRegistry::default();
        ids.reserve("faq");
        assert_eq!(ids.claim_generated("faq", 1), "faq-2");
        assert_eq!(ids.claim_generated("faq", 2), "faq-3");
        assert!(ids.claim_explicit("faq", 3).is_ok());
        assert_eq!(ids.claim_generated("intro", 4), "intro");
    }

    #[test]
    fn an_explicit_id_used_twice_names_the_first_line() {
        let mut ids = IdRegistry::default();
        assert!(ids.claim_explicit("x", 4).is_ok());
        assert!(matches!(
            ids.claim_explicit("x", 9),
            Err(Duplicate { first_line: 4 })
        ));
    }

    #[test]
    fn slugs_fold_french_accents() {
        assert_eq!(
            slug_or("Qu'est-ce qui a changé ?", "section"),
            "qu-est-ce-qui-a-change"
        );
        assert_eq!(slug_or("?!", "section"), "section");
    }

    #[test]
    fn explicit_ids_reject_spaces_and_markup_characters() {
        assert!(is_valid_explicit_id("check-version"));
        assert!(is_valid_explicit_id("ClientConsoleoperatingsystems"));
        assert!(!is_valid_explicit_id(""));
        assert!(!is_valid_explicit_id("a b"));
        assert!(!is_valid_explicit_id("a\"b"));
    }
}
