//! Folding a run of text to the form both the index and queries compare,
//! step by step as `www/search.js` repeats it (`foldRun`):
//!
//! 1. NFKC: half-width katakana and full-width Latin become their usual
//!    forms (`ｶﾞｲﾄﾞ` = `ガイド`, `ＩＭＳ` = `IMS`), decomposed text composes.
//! 2. Each character is lowercased on its own, then `ß` becomes `ss` and
//!    `ς` becomes `σ` (what case folding adds to lowercasing for them).
//! 3. Latin, Greek and Cyrillic letters lose their accents (`Sécurité` =
//!    `securite`), and so do combining marks after them. Other scripts keep
//!    every mark: the voicing marks of Japanese tell `パス` from `バス`.
//! 4. German only: `ae`, `oe`, `ue` written for `ä`, `ö`, `ü` fold like
//!    them (`Uebersicht` = `Übersicht` = `ubersicht`), unless they follow a
//!    vowel (`neue`, `Mauer`) or, for `ue`, a `q` (`Quelle`).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

use crate::runs::stable_cjk_len;

/// Writes `run` folded into `out` (cleared first); `german` adds step 4.
pub fn fold(run: &str, german: bool, out: &mut String) {
    if is_unchanged(run) {
        out.clear();
        out.push_str(run);
    } else {
        fold_into(run, german, out);
    }
}

/// `run` folded: `run` itself when every step leaves it as it is, so the
/// indexer need not copy most of Chinese and Japanese text; else written
/// into `out` (cleared first).
pub fn folded<'r>(run: &'r str, german: bool, out: &'r mut String) -> &'r str {
    if is_unchanged(run) {
        return run;
    }
    fold_into(run, german, out);
    out
}

/// A run of stable CJK characters only: not Latin, so no step changes it.
fn is_unchanged(run: &str) -> bool {
    stable_cjk_len(run.as_bytes()) == run.len()
}

fn fold_into(run: &str, german: bool, out: &mut String) {
    out.clear();
    if run.is_ascii() {
        out.push_str(run);
        out.make_ascii_lowercase();
    } else if is_nfkc_quick(run.chars()) == IsNormalized::Yes {
        fold_chars(run.chars(), out);
    } else {
        fold_chars(run.nfkc(), out);
    }
    if german {
        fold_german_digraphs(out);
    }
}

fn fold_chars(characters: impl Iterator<Item = char>, out: &mut String) {
    // Whether the last letter was Latin, Greek or Cyrillic: a combining
    // mark after it is an accent to drop.
    let mut after_alphabet = false;
    for character in characters {
        for lower in character.to_lowercase() {
            if is_combining_mark(lower) {
                if !after_alphabet {
                    out.push(lower);
                }
                continue;
            }
            after_alphabet = is_alphabet(lower);
            match lower {
                'ß' => out.push_str("ss"),
                'ς' => out.push('σ'),
                _ if after_alphabet && !lower.is_ascii() => decompose_canonical(lower, |part| {
                    if !is_combining_mark(part) {
                        out.push(part);
                    }
                }),
                _ => out.push(lower),
            }
        }
    }
}

/// Latin, Greek and Cyrillic, by block; `ALPHABET` in `www/search.js`.
fn is_alphabet(character: char) -> bool {
    matches!(character,
        '\u{0}'..='\u{24f}'         // Basic Latin to Latin Extended-B
        | '\u{370}'..='\u{52f}'     // Greek, Cyrillic and its supplement
        | '\u{1c80}'..='\u{1c8f}'   // Cyrillic extended C
        | '\u{1e00}'..='\u{1fff}'   // Latin extended additional, Greek extended
        | '\u{2c60}'..='\u{2c7f}'   // Latin extended C
        | '\u{2de0}'..='\u{2dff}'   // Cyrillic extended A
        | '\u{a640}'..='\u{a69f}'   // Cyrillic extended B
        | '\u{a720}'..='\u{a7ff}' // Latin extended D
    )
}

/// Step 4 on an already folded word, in place.
fn fold_german_digraphs(word: &mut String) {
    let bytes = word.as_bytes();
    let digraph_at = |at: usize| -> bool {
        let (Some(&first), Some(&b'e')) = (bytes.get(at), bytes.get(at + 1)) else {
            return false;
        };
        let before = at.checked_sub(1).and_then(|b| bytes.get(b)).copied();
        matches!(first, b'a' | b'o' | b'u')
            && !matches!(before, Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
            && !(first == b'u' && before == Some(b'q'))
    };
    if !(0..bytes.len()).any(digraph_at) {
        return;
    }
    let mut folded = String::with_capacity(word.len());
    let mut at = 0;
    while let Some(character) = word.get(at..).and_then(|rest| rest.chars().next()) {
        folded.push(character);
        at += character.len_utf8();
        if digraph_at(at - character.len_utf8()) {
            at += 1;
        }
    }
    *word = folded;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runs::is_stable_cjk;

    fn folded(run: &str) -> String {
        let mut out = String::new();
        fold(run, false, &mut out);
        out
    }

    fn german(run: &str) -> String {
        let mut out = String::new();
        fold(run, true, &mut out);
        out
    }

    #[test]
    fn latin_greek_and_cyrillic_lose_their_accents() {
        assert_eq!(folded("Sécurité"), "securite");
        assert_eq!(folded("e\u{301}te\u{301}"), "ete");
        assert_eq!(folded("ÉCHOUÉ"), "echoue");
        assert_eq!(folded("Ελληνικά"), "ελληνικα");
        assert_eq!(folded("Ёлка"), "елка");
    }

    #[test]
    fn japanese_voicing_marks_are_kept() {
        assert_ne!(folded("パス"), folded("バス"));
        assert_ne!(folded("バス"), folded("ハス"));
        assert_eq!(folded("ガイド"), "ガイド");
        // A decomposed voiced kana composes: the same term as the precomposed one.
        assert_eq!(folded("カ\u{3099}イト\u{3099}"), "ガイド");
    }

    #[test]
    fn the_stable_cjk_shortcut_agrees_with_the_full_fold() {
        let mut full = String::new();
        for character in ('\u{3041}'..='\u{30ff}')
            .chain('\u{4e00}'..='\u{9fff}')
            .chain('\u{ac00}'..='\u{d7a3}')
            .filter(|&c| is_stable_cjk(c))
        {
            full.clear();
            fold_chars(character.to_string().nfkc(), &mut full);
            assert_eq!(full, character.to_string(), "{character:?}");
        }
    }

    #[test]
    fn width_variants_fold_to_the_usual_forms() {
        assert_eq!(folded("ｶﾞｲﾄﾞ"), "ガイド");
        assert_eq!(folded("ﾊﾟｽﾜｰﾄﾞ"), "パスワード");
        assert_eq!(folded("ＩＭＳ２０２１"), "ims2021");
    }

    #[test]
    fn case_folds_beyond_lowercase() {
        assert_eq!(folded("Straße"), "strasse");
        assert_eq!(folded("STRASSE"), "strasse");
        assert_eq!(folded("ΟΔΟΣ"), folded("οδος"));
    }

    #[test]
    fn german_umlaut_spellings_meet() {
        assert_eq!(german("Übersicht"), "ubersicht");
        assert_eq!(german("Uebersicht"), "ubersicht");
        assert_eq!(german("Größe"), german("Groesse"));
        assert_eq!(german("Größe"), "grosse");
        assert_eq!(german("Ärzte"), german("Aerzte"));
        assert_eq!(german("neue"), "neue");
        assert_eq!(german("Quelle"), "quelle");
        assert_eq!(german("Mauer"), "mauer");
        // Other languages keep their letters as written.
        assert_eq!(folded("Uebersicht"), "uebersicht");
    }
}
