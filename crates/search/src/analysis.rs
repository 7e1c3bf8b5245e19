//! From text to index terms: the pipeline `www/search.js` repeats on queries.
//!
//! 1. Text is cut into runs (`runs.rs`): words of alphabets, and runs of
//!    Chinese, Japanese or Korean characters.
//! 2. Each run is folded (`fold.rs`): NFKC, case, accents of Latin, Greek
//!    and Cyrillic, German umlaut spellings.
//! 3. A word is a term. Words longer than [`MAX_TERM_CHARS`] characters
//!    (encoded blobs more than words) are cut to that length, unstemmed; the
//!    locale's stop words are dropped (queries keep theirs: with no term to
//!    match, they change no ranking); words without digits go through the
//!    locale's Snowball stemmer, which the browser has too.
//! 4. A CJK run gives each pair of neighbours and its last character as
//!    terms (`設定画面` gives `設定`, `定画`, `画面`, `面`): every character
//!    begins a term, so a query of one character meets every word holding
//!    it (the browser looks for the terms it begins), and a longer one the
//!    sections holding all of its pairs, whatever the words' limits.
//!    No dictionary is needed, and none would fit the browser, which must
//!    cut queries the same way (ARCHITECTURE.md, "Search").
//!
//! Folding before stemming makes a query typed without accents meet the
//! same stem as the accented text.

use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;
use unic_langid::LanguageIdentifier;
use unicode_normalization::UnicodeNormalization;

use crate::fold::{fold, folded};
use crate::runs::{RunKind, for_each_run};

/// Longer words are cut to this many characters; `www/search.js` cuts them too.
pub const MAX_TERM_CHARS: usize = 64;

/// The text pipeline of one locale.
pub struct Analyzer {
    stemmer: Option<(Stemmer, &'static str)>,
    stop_words: FxHashSet<String>,
    /// German folds `ue` like `ü` (`fold.rs`).
    german: bool,
    /// Chinese, Japanese or Korean: text mostly made of CJK runs.
    cjk: bool,
}

impl Analyzer {
    /// The pipeline for `locale`, chosen by its language subtag (`pt-BR`
    /// analyzes as `pt`, `zh-Hant` as `zh`): its Snowball stemmer and NLTK
    /// stop words when there are, folding and CJK pairs always.
    pub fn for_locale(locale: &LanguageIdentifier) -> Self {
        let language = locale.language.as_str();
        // Each has a vendored browser twin in www/vendor/ that stems alike.
        let stemmer = match language {
            "de" => Some((Algorithm::German, "german")),
            "en" => Some((Algorithm::English, "english")),
            "es" => Some((Algorithm::Spanish, "spanish")),
            "fr" => Some((Algorithm::French, "french")),
            "it" => Some((Algorithm::Italian, "italian")),
            "nl" => Some((Algorithm::Dutch, "dutch")),
            "pt" => Some((Algorithm::Portuguese, "portuguese")),
            "sv" => Some((Algorithm::Swedish, "swedish")),
            _ => None,
        }
        .map(|(algorithm, name)| (Stemmer::create(algorithm), name));
        let mut analyzer = Self {
            stemmer,
            stop_words: FxHashSet::default(),
            german: language == "de",
            cjk: matches!(language, "ja" | "ko" | "zh"),
        };
        let mut folded = String::new();
        for word in stop_words::lookup(language).unwrap_or_default() {
            let mut runs = 0;
            for_each_run(word, |run, kind| {
                runs += 1;
                if kind == RunKind::Word {
                    analyzer.fold(run, &mut folded);
                } else {
                    folded.clear();
                }
            });
            // A listed word that is several words (`don't`) can never match
            // one token; its parts are listed on their own anyway.
            if runs == 1 && !folded.is_empty() {
                analyzer.stop_words.insert(folded.clone());
            }
        }
        analyzer
    }

    /// Whether the locale's text is mostly CJK runs, whose pairs make a
    /// denser index.
    pub fn writes_cjk(&self) -> bool {
        self.cjk
    }

    /// The name `www/search.js` knows the stemmer by, if any.
    pub fn stemmer_name(&self) -> Option<&'static str> {
        self.stemmer.as_ref().map(|(_, name)| *name)
    }

    /// Writes `run` folded into `out` (see `fold.rs`).
    pub fn fold(&self, run: &str, out: &mut String) {
        fold(run, self.german, out);
    }

    /// `run` folded: itself where folding leaves it as it is, else written
    /// into `out` (see `fold.rs`).
    pub fn folded<'r>(&self, run: &'r str, out: &'r mut String) -> &'r str {
        folded(run, self.german, out)
    }

    /// The term of a folded word, or `None` for a stop word.
    pub fn term<'w>(&self, folded: &'w str) -> Option<Cow<'w, str>> {
        if folded.is_empty() {
            return None;
        }
        if self.stop_words.contains(folded) {
            return None;
        }
        self.query_term(folded)
    }

    /// A word's second term, when its accents change its stem: the stem
    /// of the word as written (lowercase), folded. `actualización` stems
    /// to `actualizacion` once folded but to `actualiz` as written, like
    /// `actualizaciones`; both terms are indexed, and a query looks for
    /// both, so singular and plural meet when either is written with its
    /// accents. `folded` is the word folded, `term` its first term.
    pub fn accented_term(&self, word: &str, folded: &str, term: &str) -> Option<String> {
        let (stemmer, _) = self.stemmer.as_ref()?;
        if word.is_ascii()
            || folded.bytes().any(|b| b.is_ascii_digit())
            || folded.chars().nth(MAX_TERM_CHARS).is_some()
        {
            return None;
        }
        let lower: String = lowercase_nfkc(word);
        let mut accented = String::new();
        fold(&stemmer.stem(&lower), self.german, &mut accented);
        (!accented.is_empty() && accented != term).then_some(accented)
    }

    /// The term of a folded word of a query: stop words stay, as in the
    /// browser, which does not know them (they match nothing).
    pub fn query_term<'w>(&self, folded: &'w str) -> Option<Cow<'w, str>> {
        if folded.is_empty() {
            return None;
        }
        if let Some((cut, _)) = folded.char_indices().nth(MAX_TERM_CHARS) {
            return folded.get(..cut).map(Cow::Borrowed);
        }
        match &self.stemmer {
            Some((stemmer, _)) if !folded.bytes().any(|b| b.is_ascii_digit()) => {
                Some(stemmer.stem(folded))
            }
            _ => Some(Cow::Borrowed(folded)),
        }
    }
}

impl Analyzer {
    #[cfg(test)]
    /// Calls `visit` with every term of `text`, in order, as the indexer
    /// posts them (its caches give the same terms, faster).
    pub fn for_each_term(&self, text: &str, mut visit: impl FnMut(&str)) {
        let mut folded = String::new();
        for_each_run(text, |run, kind| {
            self.fold(run, &mut folded);
            match kind {
                RunKind::Word => {
                    if let Some(term) = self.term(&folded) {
                        visit(&term);
                        if let Some(accented) = self.accented_term(run, &folded, &term) {
                            visit(&accented);
                        }
                    }
                }
                RunKind::Cjk => for_each_cjk_term(&folded, &mut visit),
            }
        });
    }
}

/// `word` in NFKC, each character lowercased on its own: folding's first
/// two steps, accents kept (`lowerRun` in `www/search.js`).
fn lowercase_nfkc(word: &str) -> String {
    word.nfkc().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
/// Calls `visit` with the terms of a folded CJK run: each character with
/// the next, and the last character alone.
pub fn for_each_cjk_term<'r>(folded: &'r str, mut visit: impl FnMut(&'r str)) {
    for_each_cjk_term_range(folded, |range| visit(folded.get(range).unwrap_or_default()));
}

/// [`for_each_cjk_term`] as byte ranges of `folded`.
pub fn for_each_cjk_term_range(folded: &str, mut visit: impl FnMut(Range<usize>)) {
    // Characters are only measured, by their first byte, never decoded: a
    // pair ends where the character after its first one ends.
    let bytes = folded.as_bytes();
    let width = |at: usize| match bytes.get(at) {
        Some(0xf0..) => 4,
        Some(0xe0..) => 3,
        Some(0xc0..) => 2,
        _ => 1,
    };
    if bytes.is_empty() {
        return;
    }
    let mut start = 0;
    let mut next = width(0);
    while next < bytes.len() {
        let end = next + width(next);
        visit(start..end);
        (start, next) = (next, end);
    }
    visit(start..bytes.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(locale: &str, text: &str) -> Vec<String> {
        let locale: LanguageIdentifier = locale.parse().unwrap_or_default();
        let mut terms = Vec::new();
        Analyzer::for_locale(&locale).for_each_term(text, |term| terms.push(term.to_string()));
        terms
    }

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(terms("fr", "Mise à jour"), terms("fr", "MISE A JOUR"));
        assert_eq!(terms("fr", "sécurité")[0], terms("fr", "securite")[0]);
        // Text stored decomposed (e + U+0301) reads like precomposed text.
        assert_eq!(terms("fr", "e\u{301}te\u{301}"), terms("fr", "été"));
    }

    #[test]
    fn french_plurals_share_a_stem() {
        assert_eq!(terms("fr", "mises à jour"), terms("fr", "mise à jour"));
        assert_eq!(
            terms("fr", "consoles clientes"),
            terms("fr", "console cliente")
        );
    }

    #[test]
    fn english_inflections_share_a_stem() {
        assert_eq!(
            terms("en", "updating consoles"),
            terms("en", "update console")
        );
    }

    #[test]
    fn each_language_of_the_site_stems_its_inflections() {
        let same = [
            ("de", "Konsolen", "Konsole"),
            ("de", "Übersichten", "Uebersicht"),
            ("es", "servidores", "servidor"),
            ("it", "aggiornamenti", "aggiornamento"),
            ("pt-BR", "servidores", "servidor"),
            ("nl", "gebruikers", "gebruiker"),
            ("sv", "servrarna", "servrar"),
        ];
        for (locale, inflected, base) in same {
            assert_eq!(terms(locale, inflected), terms(locale, base), "{locale}");
        }
    }

    #[test]
    fn accented_singulars_meet_their_plurals() {
        let shares = |locale: &str, a: &str, b: &str| {
            let (a, b) = (terms(locale, a), terms(locale, b));
            a.iter().any(|term| b.contains(term))
        };
        assert!(shares("es", "actualización", "actualizaciones"));
        assert!(shares("pt-BR", "atualização", "atualizações"));
        assert!(shares("pt-BR", "atualizacao", "atualização"));
        assert!(shares("fr", "sécurité", "securite"));
    }

    #[test]
    fn elisions_and_stop_words_are_dropped() {
        assert_eq!(terms("fr", "d’Adobe et l’IMS"), terms("fr", "Adobe IMS"));
        assert_eq!(
            terms("en", "the console of the server"),
            terms("en", "console server")
        );
        assert_eq!(terms("de", "für die Konsole"), terms("de", "Konsole"));
    }

    #[test]
    fn numbers_split_on_dots_and_are_not_stemmed() {
        assert_eq!(
            terms("en", "v7.3 build 9330s"),
            ["v7", "3", "build", "9330s"]
        );
    }

    #[test]
    fn locales_without_a_stemmer_still_fold() {
        assert_eq!(terms("ru", "Обновлённый"), ["обновленныи"]);
    }

    #[test]
    fn cjk_runs_give_characters_and_pairs() {
        assert_eq!(terms("ja", "設定画面"), ["設定", "定画", "画面", "面"]);
        assert_eq!(terms("zh-Hans", "日志"), ["日志", "志"]);
        assert_eq!(terms("zh-Hans", "志"), ["志"]);
        // Characters of four bytes (extension B) and of two (a Latin
        // letter with a mark kept after a kana) pair as the others do.
        assert_eq!(terms("zh-Hant", "𠀋日𠀋"), ["𠀋日", "日𠀋", "𠀋"]);
        assert_eq!(terms("ja", "か\u{3099}き"), ["がき", "き"]);
        assert_eq!(
            terms("ko", "서버를 설치"),
            ["서버", "버를", "를", "설치", "치"]
        );
        // Half-width katakana meets full-width, and voicing marks stay.
        assert_eq!(terms("ja", "ｶﾞｲﾄﾞ"), terms("ja", "ガイド"));
        assert_ne!(terms("ja", "パス"), terms("ja", "バス"));
        // Latin words inside Japanese text are words.
        assert_eq!(terms("ja", "IMSの"), ["ims", "の"]);
    }

    #[test]
    fn overlong_words_are_cut_not_dropped() {
        let blob = "a".repeat(10_000);
        assert_eq!(terms("en", &blob), ["a".repeat(MAX_TERM_CHARS)]);
        assert_eq!(terms("en", &"b".repeat(MAX_TERM_CHARS)).len(), 1);
        let clause = "設定".repeat(5_000);
        assert_eq!(terms("ja", &clause).len(), 10_000);
    }
}
