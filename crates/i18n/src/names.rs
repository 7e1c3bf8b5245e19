//! Each language's name in itself (日本語, 繁體中文, Deutsch), from CLDR.
//!
//! The names come from `data/autonyms.tsv`, generated from the CLDR JSON
//! packages by `scripts/cldr-autonyms.mjs` and compared with them by
//! `tests/i18n/autonyms.test.mjs`, so that a language's name never depends
//! on whether its string files exist yet.

use unic_langid::LanguageIdentifier;

use crate::localizer::less_specific;

/// `tag<TAB>name` lines, after `#` comment lines.
const TABLE: &str = include_str!("../data/autonyms.tsv");

/// The name of `locale` in its own language, as a language menu shows it,
/// from the most specific CLDR locale among its less specific forms
/// (`pt-BR` is named by `pt`, `zh-Hant-TW` by `zh-Hant`); `None` for a
/// language CLDR does not name.
pub fn autonym(locale: &LanguageIdentifier) -> Option<&'static str> {
    less_specific(locale).iter().find_map(|form| {
        let tag = form.to_string();
        TABLE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .find_map(|line| line.split_once('\t').filter(|(t, _)| *t == tag))
            .map(|(_, name)| name)
    })
}

/// The names of a site's languages, in the order given: [`autonym`], or the
/// tag itself for a language CLDR does not name. Two locales that CLDR
/// names alike (`en` and `en-US` are both "English") are told apart by
/// their tags, so that a switcher never offers the same name twice.
pub fn site_autonyms(locales: &[LanguageIdentifier]) -> Vec<String> {
    let names: Vec<String> = locales
        .iter()
        .map(|locale| autonym(locale).map_or_else(|| locale.to_string(), str::to_string))
        .collect();
    names
        .iter()
        .zip(locales)
        .map(|(name, locale)| {
            let shared = names.iter().filter(|other| *other == name).count() > 1;
            if shared && *name != locale.to_string() {
                format!("{name} ({locale})")
            } else {
                name.clone()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> LanguageIdentifier {
        text.parse().unwrap()
    }

    #[test]
    fn the_twelve_experience_league_languages_name_themselves() {
        let expected = [
            ("en", "English"),
            ("fr-FR", "Français"),
            ("de-DE", "Deutsch"),
            ("es-ES", "Español"),
            ("it-IT", "Italiano"),
            ("ja-JP", "日本語"),
            ("ko-KR", "한국어"),
            ("pt-BR", "Português"),
            ("zh-Hans", "简体中文"),
            ("zh-Hant", "繁體中文"),
            ("nl-NL", "Nederlands"),
            ("sv-SE", "Svenska"),
        ];
        for (code, name) in expected {
            assert_eq!(autonym(&tag(code)), Some(name), "{code}");
        }
    }

    #[test]
    fn right_to_left_languages_and_regional_forms_have_their_own_names() {
        assert_eq!(autonym(&tag("ar")), Some("العربية"));
        assert_eq!(autonym(&tag("he-IL")), Some("עברית"));
        assert_eq!(autonym(&tag("pt-PT")), Some("português europeu"));
        assert_eq!(autonym(&tag("zh-Hant-TW")), Some("繁體中文"));
    }

    #[test]
    fn a_language_cldr_does_not_name_has_none() {
        assert_eq!(autonym(&tag("qaa")), None);
    }

    #[test]
    fn a_site_never_lists_one_name_twice() {
        let locales = [tag("en"), tag("en-US"), tag("fr"), tag("qaa")];
        assert_eq!(
            site_autonyms(&locales),
            ["English (en)", "English (en-US)", "Français", "qaa"]
        );
    }
}
