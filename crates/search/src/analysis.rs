//! From text to index terms: the pipeline `www/search.js` repeats on queries.
//!
//! 1. Words are runs of letters, digits and combining marks (Unicode
//!    Alphabetic, Number and Mark); everything else separates them, so
//!    `d’Adobe` gives `d` and `adobe`, and `21.1.3` gives `21`, `1`, `3`.
//! 2. Each character is lowercased on its own, canonically decomposed, and
//!    its combining marks dropped: `Sécurité` becomes `securite`.
//! 3. Words longer than [`MAX_TERM_CHARS`] characters are dropped (encoded
//!    blobs, not words), and so are the locale's stop words (queries keep
//!    theirs: with no term to match, they change no ranking).
//! 4. Words without digits go through the locale's Snowball stemmer, when
//!    the browser has the same one (French and English).
//!
//! Folding before stemming makes a query typed without accents meet the
//! same stem as the accented text.

use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;
use unic_langid::LanguageIdentifier;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Longer words are not indexed; `www/search.js` drops them from queries too.
pub const MAX_TERM_CHARS: usize = 40;

/// The text pipeline of one locale.
pub struct Analyzer {
    stemmer: Option<(Stemmer, &'static str)>,
    stop_words: FxHashSet<String>,
}

impl Analyzer {
    /// The pipeline for `locale`: its stemmer when the browser has it, its
    /// stop words when NLTK lists them, accent folding always.
    pub fn for_locale(locale: &LanguageIdentifier) -> Self {
        let language = locale.language.as_str();
        // Only stemmers with a vendored browser twin: a query must stem the
        // way the text was stemmed.
        let stemmer = match language {
            "fr" => Some((Stemmer::create(Algorithm::French), "french")),
            "en" => Some((Stemmer::create(Algorithm::English), "english")),
            _ => None,
        };
        let mut stop_words = FxHashSet::default();
        let mut folded = String::new();
        for word in stop_words::lookup(language).unwrap_or_default() {
            let mut tokens = 0;
            for_each_word(word, |raw| {
                tokens += 1;
                normalize(raw, &mut folded);
            });
            // A listed word that is several words (`don't`) can never match
            // one token; its parts are listed on their own anyway.
            if tokens == 1 && !folded.is_empty() {
                stop_words.insert(folded.clone());
            }
        }
        Self {
            stemmer,
            stop_words,
        }
    }

    /// The name `www/search.js` knows the stemmer by, if any.
    pub fn stemmer_name(&self) -> Option<&'static str> {
        self.stemmer.as_ref().map(|(_, name)| *name)
    }

    /// The term of a normalized word (see [`normalize`]), or `None` for a
    /// stop word or an over-long word.
    pub fn term<'w>(&self, normalized: &'w str) -> Option<Cow<'w, str>> {
        if normalized.is_empty()
            || normalized.chars().count() > MAX_TERM_CHARS
            || self.stop_words.contains(normalized)
        {
            return None;
        }
        match &self.stemmer {
            Some((stemmer, _)) if !normalized.bytes().any(|b| b.is_ascii_digit()) => {
                Some(stemmer.stem(normalized))
            }
            _ => Some(Cow::Borrowed(normalized)),
        }
    }
}

/// Calls `visit` with every word of `text`, as written.
pub fn for_each_word<'t>(text: &'t str, mut visit: impl FnMut(&'t str)) {
    for_each_word_range(text, |range| {
        if let Some(word) = text.get(range) {
            visit(word);
        }
    });
}

/// Calls `visit` with where every word of `text` is, in bytes (on
/// character boundaries): the indexer's hot loop reads words there without
/// slicing `text` as a `str` again.
pub fn for_each_word_range(text: &str, mut visit: impl FnMut(Range<usize>)) {
    let mut index = 0;
    loop {
        let start = end_of_run(text, index, false);
        if start >= text.len() {
            return;
        }
        index = end_of_run(text, start, true);
        visit(start..index);
    }
}

/// Where the run of word characters (`word`) or of separators (`!word`)
/// starting at byte `index` ends. Inlined, so each loop knows its `word`.
#[inline(always)]
fn end_of_run(text: &str, mut index: usize, word: bool) -> usize {
    let bytes = text.as_bytes();
    let same = if word {
        ByteClass::Word
    } else {
        ByteClass::Separator
    };
    loop {
        // ASCII bytes, most of any text, by table lookup.
        while bytes
            .get(index)
            .is_some_and(|&byte| BYTE_CLASSES[usize::from(byte)] == same)
        {
            index += 1;
        }
        match bytes.get(index) {
            Some(&byte) if BYTE_CLASSES[usize::from(byte)] == ByteClass::NotAscii => {}
            _ => return index,
        }
        let (is_word, width) = decode_class(text, index);
        if is_word != word {
            return index;
        }
        index += width;
    }
}

/// How [`end_of_run`] sees a byte: ASCII separator, ASCII word character,
/// or part of a multi-byte character, decoded to decide.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Separator,
    Word,
    NotAscii,
}

const BYTE_CLASSES: [ByteClass; 256] = {
    let mut classes = [ByteClass::NotAscii; 256];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = if (byte as u8).is_ascii_alphanumeric() {
            ByteClass::Word
        } else {
            ByteClass::Separator
        };
        byte += 1;
    }
    classes
};

/// Whether the character at byte `index` of `text` belongs to words, and
/// its length in bytes (at least 1, so callers always move on).
fn decode_class(text: &str, index: usize) -> (bool, usize) {
    match text.get(index..).and_then(|rest| rest.chars().next()) {
        Some(character) => (is_word_char(character), character.len_utf8()),
        None => (false, 1),
    }
}

/// Writes `word` lowercased and without accents into `out` (cleared first).
pub fn normalize(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for character in word.chars() {
        for lower in character.to_lowercase() {
            decompose_canonical(lower, |part| {
                if !is_combining_mark(part) {
                    out.push(part);
                }
            });
        }
    }
}

fn is_word_char(character: char) -> bool {
    match character {
        // Accented Latin letters, frequent in French, skip the general
        // Unicode tables: all of U+00C0..U+024F is alphabetic but × and ÷.
        '\u{c0}'..='\u{24f}' => !matches!(character, '\u{d7}' | '\u{f7}'),
        // General Punctuation (’ “ ” – — …, spaces) holds no letter, digit or mark.
        '\u{2000}'..='\u{206f}' => false,
        _ => character.is_alphanumeric() || is_combining_mark(character),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(locale: &str, text: &str) -> Vec<String> {
        let locale: LanguageIdentifier = locale.parse().unwrap_or_default();
        let analyzer = Analyzer::for_locale(&locale);
        let mut normalized = String::new();
        let mut terms = Vec::new();
        for_each_word(text, |word| {
            normalize(word, &mut normalized);
            if let Some(term) = analyzer.term(&normalized) {
                terms.push(term.into_owned());
            }
        });
        terms
    }

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(terms("fr", "Mise à jour"), terms("fr", "MISE A JOUR"));
        assert_eq!(terms("fr", "sécurité"), terms("fr", "securite"));
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
    fn elisions_and_stop_words_are_dropped() {
        assert_eq!(terms("fr", "d’Adobe et l’IMS"), terms("fr", "Adobe IMS"));
        assert_eq!(
            terms("en", "the console of the server"),
            terms("en", "console server")
        );
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
        assert_eq!(
            terms("de", "Übersicht der Konsolen"),
            ["ubersicht", "konsolen"]
        );
    }

    #[test]
    fn overlong_words_are_not_terms() {
        let blob = "a".repeat(MAX_TERM_CHARS + 1);
        assert!(terms("en", &blob).is_empty());
        assert_eq!(terms("en", &"b".repeat(MAX_TERM_CHARS)).len(), 1);
    }

    #[test]
    fn the_shortcuts_agree_with_the_unicode_tables() {
        for character in ('\u{c0}'..='\u{24f}').chain('\u{2000}'..='\u{206f}') {
            assert_eq!(
                is_word_char(character),
                character.is_alphanumeric() || is_combining_mark(character),
                "{character:?}"
            );
        }
    }

    #[test]
    fn punctuation_alone_gives_no_word() {
        let mut words = Vec::new();
        for_each_word(".*+?( <script> — «»", |word| words.push(word));
        assert_eq!(words, ["script"]);
    }
}
