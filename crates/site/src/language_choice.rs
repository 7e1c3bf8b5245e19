//! Which locale a reader's browser languages lead to, for the `Language=`
//! lines of `_redirects`: fluent-langneg's "filtering" negotiation with
//! CLDR's likely subtags (the exact tag; the locale as a range, so `en`
//! takes `en-GB`; the likely script and region, so `ja` finds `ja-JP`,
//! `zh-TW` finds `zh-Hant` and `zh-CN` `zh-Hans`; then another region of
//! the same language and script, so `pt-PT` finds `pt-BR`).
//! `www/language-choice.js` negotiates the same way on the root page, with every
//! language of the browser; `tests/i18n/negotiation.json` holds the
//! cases both are tested on.

use fluent_langneg::NegotiationStrategy;
use fluent_langneg::negotiate::filter_matches;
use unic_langid::LanguageIdentifier;

/// Tags that browsers' language settings send for the languages sites are
/// most often translated into; a `_redirects` line lists those of them
/// that lead to its locale, besides the locale's own tag.
const BROWSER_LANGUAGES: &[&str] = &[
    "ar", "cs", "da", "de", "de-AT", "de-CH", "de-DE", "el", "en", "en-AU", "en-CA", "en-GB",
    "en-IE", "en-IN", "en-NZ", "en-US", "en-ZA", "es", "es-419", "es-AR", "es-CO", "es-ES",
    "es-MX", "es-US", "fi", "fr", "fr-BE", "fr-CA", "fr-CH", "fr-FR", "he", "hi", "hu", "id", "it",
    "it-CH", "it-IT", "ja", "ja-JP", "ko", "ko-KR", "nb", "nl", "nl-BE", "nl-NL", "pl", "pt",
    "pt-BR", "pt-PT", "ro", "ru", "sv", "sv-FI", "sv-SE", "th", "tr", "uk", "vi", "zh", "zh-CN",
    "zh-HK", "zh-Hans", "zh-Hant", "zh-MO", "zh-SG", "zh-TW",
];

/// The locale (index into `available`) that a reader asking for
/// `requested`, in order of preference, gets; `None` when no locale is
/// near enough any of them (the root page's list of languages stays).
pub fn negotiate(
    requested: &[LanguageIdentifier],
    available: &[LanguageIdentifier],
) -> Option<usize> {
    let best = filter_matches(requested, available, NegotiationStrategy::Lookup)
        .into_iter()
        .next()?;
    available.iter().position(|locale| locale == best)
}

/// For each locale, the lowercase browser tags whose reader it is chosen
/// for when the tag comes first (its own tag among them), sorted.
pub fn browser_tags_by_locale(available: &[LanguageIdentifier]) -> Vec<Vec<String>> {
    let mut tags = vec![Vec::new(); available.len()];
    let candidates = BROWSER_LANGUAGES
        .iter()
        .filter_map(|tag| tag.parse::<LanguageIdentifier>().ok())
        .chain(available.iter().cloned());
    for candidate in candidates {
        if let Some(locale) = negotiate(std::slice::from_ref(&candidate), available) {
            tags[locale].push(candidate.to_string().to_ascii_lowercase());
        }
    }
    for list in &mut tags {
        list.sort();
        list.dedup();
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Cases {
        available: Vec<String>,
        cases: Vec<Case>,
    }

    #[derive(Deserialize)]
    struct Case {
        browser: Vec<String>,
        chosen: Option<String>,
    }

    fn ids(tags: &[String]) -> Vec<LanguageIdentifier> {
        tags.iter().map(|t| t.parse().unwrap()).collect()
    }

    #[test]
    fn browser_language_lists_lead_to_experience_league_locales() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/i18n/negotiation.json"
        ))
        .unwrap();
        let cases: Cases = serde_json::from_str(&text).unwrap();
        let available = ids(&cases.available);
        assert!(cases.cases.len() >= 20);
        for case in &cases.cases {
            let chosen = negotiate(&ids(&case.browser), &available).map(|l| &cases.available[l]);
            assert_eq!(chosen, case.chosen.as_ref(), "browser: {:?}", case.browser);
        }
    }

    #[test]
    fn each_browser_tag_is_listed_for_the_one_locale_it_leads_to() {
        let available = ids(&[
            "en".into(),
            "zh-Hant".into(),
            "zh-Hans".into(),
            "pt-BR".into(),
        ]);
        let tags = browser_tags_by_locale(&available);
        assert_eq!(
            tags[1],
            ["zh-hant", "zh-hk", "zh-mo", "zh-tw"],
            "Traditional Chinese"
        );
        assert_eq!(tags[2], ["zh", "zh-cn", "zh-hans", "zh-sg"]);
        assert_eq!(tags[3], ["pt", "pt-br", "pt-pt"]);
        assert!(tags[0].contains(&"en-gb".to_string()) && !tags[0].contains(&"fr".to_string()));
    }
}
