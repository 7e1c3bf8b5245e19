//! Unique ids for headings, FAQ entries, tab panels and alert titles.

use std::borrow::Cow;
use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap, FxHashSet};

/// The ids of one page.
///
/// Ids written by authors (`{#id}`) are reserved before rendering starts, so
/// a generated id never takes one that a later heading asks for; generated
/// ids get a `-2`, `-3`… suffix when their slug is taken.
#[derive(Default)]
pub(crate) struct IdRegistry<'a> {
    /// Id → line that defined it. Ids written in the body are borrowed.
    /// The sets hash with FxHash: ids are short and come from the page's
    /// authors, who are trusted like template authors, so SipHash's
    /// defence against crafted collisions costs more than it protects here.
    used: FxHashMap<Cow<'a, str>, u32>,
    /// Ids written by authors in the body, claimed or not yet.
    reserved: FxHashSet<&'a str>,
    /// Next suffix to try per generated base, so many equal headings stay linear.
    next_suffix: FxHashMap<String, u32>,
}

/// An explicit id that an earlier element already defines.
pub(crate) struct Duplicate {
    pub(crate) first_line: u32,
}

impl<'a> IdRegistry<'a> {
    /// Marks an id an author wrote, before rendering.
    pub(crate) fn reserve(&mut self, id: &'a str) {
        self.reserved.insert(id);
    }

    /// Makes room for the ids reserved and `generated` more, once they are
    /// reserved, so claiming them does not grow the table step by step.
    /// Returns how many ids that is.
    pub(crate) fn make_room(&mut self, generated: usize) -> usize {
        let expected = self.reserved.len() + generated;
        self.used.reserve(expected);
        expected
    }

    /// Claims an id an author wrote on `line`.
    pub(crate) fn claim_explicit(&mut self, id: Cow<'a, str>, line: u32) -> Result<(), Duplicate> {
        match self.used.entry(id) {
            Entry::Occupied(first) => Err(Duplicate {
                first_line: *first.get(),
            }),
            Entry::Vacant(slot) => {
                slot.insert(line);
                Ok(())
            }
        }
    }

    /// Claims `base`, or `base-N` with the smallest free N ≥ 2, for an
    /// element without an explicit id.
    pub(crate) fn claim_generated(&mut self, base: String, line: u32) -> String {
        let taken = |registry: &Self, id: &str| {
            registry.used.contains_key(id) || registry.reserved.contains(id)
        };
        let id = if taken(self, &base) {
            let mut suffix = self.next_suffix.get(&base).copied().unwrap_or(2);
            let mut candidate = format!("{base}-{suffix}");
            while taken(self, &candidate) {
                suffix = suffix.saturating_add(1);
                candidate = format!("{base}-{suffix}");
            }
            self.next_suffix.insert(base, suffix.saturating_add(1));
            candidate
        } else {
            base
        };
        self.used.insert(Cow::Owned(id.clone()), line);
        id
    }
}

/// The slug of `text` for a generated id, as GitHub's slugger and Zola's
/// `safe` mode make them: letters and digits of every script kept,
/// lowercase (`## 概要と設定` is `#概要と設定`, `Qu'est-ce qui a changé ?`
/// `quest-ce-qui-a-changé`), spaces made hyphens, other punctuation
/// dropped; runs of hyphens become one, none at the ends. `fallback` when
/// the text has no letter or digit.
pub(crate) fn slug_or(text: &str, fallback: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        let hyphen = c.is_whitespace() || c == '-';
        if hyphen {
            if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        } else if c.is_alphanumeric() || c == '_' {
            slug.extend(c.to_lowercase());
        }
    }
    if slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// The slug earlier versions gave `text` (every letter transliterated to
/// ASCII: `gai-yao-toshe-ding` for `概要と設定`), kept as an alias so that
/// links made then still land; `None` when it is the slug itself or empty.
pub(crate) fn legacy_slug(text: &str, slug: &str) -> Option<String> {
    Some(slug::slugify(text)).filter(|legacy| !legacy.is_empty() && legacy != slug)
}

/// The offsets of the `{#` that start an id written by an author in `text`.
pub(crate) fn id_marks(text: &str) -> impl Iterator<Item = usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'{', bytes).filter(|&at| bytes.get(at + 1) == Some(&b'#'))
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
        assert_eq!(ids.claim_generated("faq".into(), 1), "faq-2");
        assert_eq!(ids.claim_generated("faq".into(), 2), "faq-3");
        assert!(ids.claim_explicit("faq".into(), 3).is_ok());
        assert_eq!(ids.claim_generated("intro".into(), 4), "intro");
    }

    #[test]
    fn an_explicit_id_used_twice_names_the_first_line() {
        let mut ids = IdRegistry::default();
        assert!(ids.claim_explicit("x".into(), 4).is_ok());
        assert!(matches!(
            ids.claim_explicit("x".into(), 9),
            Err(Duplicate { first_line: 4 })
        ));
    }

    #[test]
    fn slugs_keep_the_letters_of_every_script() {
        assert_eq!(
            slug_or("Qu'est-ce qui a changé ?", "section"),
            "quest-ce-qui-a-changé"
        );
        assert_eq!(slug_or("概要と設定", "section"), "概要と設定");
        assert_eq!(slug_or("IMS 설정 방법", "section"), "ims-설정-방법");
        assert_eq!(slug_or("设置（IMS）：步骤 1", "section"), "设置ims步骤-1");
        assert_eq!(
            slug_or("Über  die -- Änderung_2", "section"),
            "über-die-änderung_2"
        );
        assert_eq!(slug_or("?!", "section"), "section");
        assert_eq!(slug_or("- ? -", "section"), "section");
    }

    #[test]
    fn the_transliterated_slug_is_an_alias_only_where_it_differs() {
        assert_eq!(
            legacy_slug("概要と設定", "概要と設定").as_deref(),
            Some("gai-yao-toshe-ding")
        );
        assert_eq!(legacy_slug("Check IMS", "check-ims"), None);
        assert_eq!(legacy_slug("?!", "section"), None);
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
