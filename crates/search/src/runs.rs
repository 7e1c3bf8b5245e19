//! Where words are in a text: runs of letters, digits and combining marks
//! (Unicode Alphabetic, Number and Mark); everything else separates them,
//! so `d’Adobe` gives `d` and `adobe`, and `21.1.3` gives `21`, `1`, `3`.
//!
//! A run is cut where it goes from Chinese, Japanese or Korean characters
//! ([`RunKind::Cjk`]: Han, kana, Hangul) to other letters and back, so
//! `IMSの設定` gives `IMS` and `の設定`: the first is a word, the second
//! is cut into overlapping pairs of characters by the analyzer (see
//! `analysis.rs`). `www/search.js` cuts queries with the same table.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

/// What a run of word characters is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// Letters and digits of alphabets (Latin, Greek, Cyrillic…): one word.
    Word,
    /// Han, Hiragana, Katakana and Hangul, which do not space their words.
    Cjk,
}

/// Calls `visit` with every run of `text` as written, and its kind.
pub fn for_each_run<'t>(text: &'t str, mut visit: impl FnMut(&'t str, RunKind)) {
    for_each_run_range(text, |range, kind| {
        if let Some(run) = text.get(range) {
            visit(run, kind);
        }
    });
}

/// Calls `visit` with where every run of `text` is, in bytes (on character
/// boundaries): the indexer's hot loop reads runs there without slicing
/// `text` as a `str` again.
pub fn for_each_run_range(text: &str, mut visit: impl FnMut(Range<usize>, RunKind)) {
    let mut index = 0;
    loop {
        let Some((start, kind)) = next_run_start(text, index) else {
            return;
        };
        index = end_of_run(text, start, kind);
        visit(start..index, kind);
    }
}

/// The class of one character.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CharClass {
    Separator,
    /// A combining mark: it belongs to the run before it.
    Mark,
    Run(RunKind),
}

/// How a byte is seen before decoding: ASCII separator, ASCII word
/// character, or part of a multi-byte character, decoded to decide.
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

/// Where the next run starts at or after byte `index`, and its kind.
fn next_run_start(text: &str, mut index: usize) -> Option<(usize, RunKind)> {
    let bytes = text.as_bytes();
    loop {
        match BYTE_CLASSES[usize::from(*bytes.get(index)?)] {
            ByteClass::Separator => index += 1,
            ByteClass::Word => return Some((index, RunKind::Word)),
            ByteClass::NotAscii => {
                let (class, width) = decode_class(text, index);
                match class {
                    CharClass::Separator => index += width,
                    // A mark with no letter before it starts a word of its own.
                    CharClass::Mark => return Some((index, RunKind::Word)),
                    CharClass::Run(kind) => return Some((index, kind)),
                }
            }
        }
    }
}

/// Where the run of `kind` starting at byte `index` ends.
fn end_of_run(text: &str, mut index: usize, kind: RunKind) -> usize {
    let bytes = text.as_bytes();
    loop {
        // ASCII bytes, most of any text, by table lookup.
        if kind == RunKind::Word {
            while bytes
                .get(index)
                .is_some_and(|&byte| BYTE_CLASSES[usize::from(byte)] == ByteClass::Word)
            {
                index += 1;
            }
        }
        // Kana and ideographs, most of Chinese and Japanese text, by their
        // three bytes, without decoding them.
        if kind == RunKind::Cjk {
            index += stable_cjk_len(bytes.get(index..).unwrap_or_default());
        }
        match bytes.get(index) {
            Some(&byte) if BYTE_CLASSES[usize::from(byte)] == ByteClass::NotAscii => {}
            _ => return index,
        }
        let (class, width) = decode_class(text, index);
        match class {
            CharClass::Mark => {}
            CharClass::Run(same) if same == kind => {}
            _ => return index,
        }
        index += width;
    }
}

/// The class of the character at byte `index` of `text`, and its length
/// in bytes (at least 1, so callers always move on).
fn decode_class(text: &str, index: usize) -> (CharClass, usize) {
    match text.get(index..).and_then(|rest| rest.chars().next()) {
        Some(character) => (char_class(character), character.len_utf8()),
        None => (CharClass::Separator, 1),
    }
}

fn char_class(character: char) -> CharClass {
    match character {
        // Accented Latin letters, frequent in French, skip the general
        // Unicode tables: all of U+00C0..U+024F is alphabetic but × and ÷.
        '\u{c0}'..='\u{24f}' if !matches!(character, '\u{d7}' | '\u{f7}') => {
            CharClass::Run(RunKind::Word)
        }
        '\u{c0}'..='\u{24f}' => CharClass::Separator,
        // General Punctuation (’ “ ” – — …, spaces) holds no letter, digit or mark.
        '\u{2000}'..='\u{206f}' => CharClass::Separator,
        // The kana, ideographs and syllables of nearly all CJK text, and its
        // punctuation (、。「」), skip them too.
        _ if is_stable_cjk(character) => CharClass::Run(RunKind::Cjk),
        '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' => CharClass::Separator,
        _ if is_combining_mark(character) => CharClass::Mark,
        _ if character.is_alphanumeric() => CharClass::Run(if is_cjk(character) {
            RunKind::Cjk
        } else {
            RunKind::Word
        }),
        _ => CharClass::Separator,
    }
}

/// Kana, ideographs and Hangul syllables that folding leaves as they are
/// (NFKC-stable, caseless; `fold.rs`): most CJK runs are made of them only.
/// A combining voicing mark (U+3099) is not among them, so a run holding
/// one composes. Each is three bytes of UTF-8 (see [`stable_cjk_len`]).
pub fn is_stable_cjk(character: char) -> bool {
    is_stable_cjk_point(u32::from(character))
}

fn is_stable_cjk_point(point: u32) -> bool {
    matches!(point,
        0x3041..=0x3096     // Hiragana
        | 0x30a1..=0x30fa   // Katakana
        | 0x30fc            // ー
        | 0x4e00..=0x9fff   // CJK unified ideographs
        | 0xac00..=0xd7a3 // Hangul syllables
    )
}

/// How many bytes at the start of `bytes` (UTF-8 that starts on a
/// character) are [`is_stable_cjk`] characters, read three bytes at a time
/// instead of decoded: the indexer's loops over Chinese and Japanese text
/// spend most of their time here.
pub fn stable_cjk_len(bytes: &[u8]) -> usize {
    let mut length = 0;
    // A lead byte 1110xxxx starts a three-byte character, whose two
    // continuation bytes valid UTF-8 guarantees.
    while let Some(&[lead, second, third]) = bytes.get(length..length + 3) {
        let point =
            u32::from(lead & 0x0f) << 12 | u32::from(second & 0x3f) << 6 | u32::from(third & 0x3f);
        if lead & 0xf0 != 0xe0 || !is_stable_cjk_point(point) {
            break;
        }
        length += 3;
    }
    length
}

/// Han, kana and Hangul letters (the caller has checked it is a letter or
/// digit). The same ranges are `CJK` in `www/search.js`.
pub fn is_cjk(character: char) -> bool {
    matches!(character,
        '\u{1100}'..='\u{11ff}'       // Hangul Jamo
        | '\u{2e80}'..='\u{2fdf}'     // CJK and Kangxi radicals
        | '\u{3005}'..='\u{3007}'     // 々 〆 〇
        | '\u{3021}'..='\u{3029}'     // Hangzhou numerals
        | '\u{3031}'..='\u{3035}'     // kana repeat marks
        | '\u{303b}'..='\u{303c}'     // 〻 〼
        | '\u{3040}'..='\u{30ff}'     // Hiragana, Katakana (ー included)
        | '\u{3100}'..='\u{31ff}'     // Bopomofo, Hangul compatibility Jamo, Katakana extension
        | '\u{3400}'..='\u{4dbf}'     // CJK extension A
        | '\u{4e00}'..='\u{9fff}'     // CJK unified ideographs
        | '\u{a960}'..='\u{a97f}'     // Hangul Jamo extended A
        | '\u{ac00}'..='\u{d7ff}'     // Hangul syllables, Jamo extended B
        | '\u{f900}'..='\u{faff}'     // CJK compatibility ideographs
        | '\u{ff66}'..='\u{ffdc}'     // half-width Katakana and Hangul
        | '\u{1b000}'..='\u{1b16f}'   // kana supplement and extensions
        | '\u{20000}'..='\u{3134f}' // CJK extensions B to G
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<(&str, RunKind)> {
        let mut found = Vec::new();
        for_each_run(text, |run, kind| found.push((run, kind)));
        found
    }

    use RunKind::{Cjk, Word};

    #[test]
    fn stable_cjk_characters_are_read_by_their_bytes_as_decoded() {
        // Every character but the surrogates, alone and after a stable one.
        for character in '\0'..='\u{10ffff}' {
            let text = format!("{character}");
            let expected = if is_stable_cjk(character) {
                text.len()
            } else {
                0
            };
            assert_eq!(stable_cjk_len(text.as_bytes()), expected, "{character:?}");
            let after = format!("の{character}");
            assert_eq!(
                stable_cjk_len(after.as_bytes()),
                3 + expected,
                "の{character:?}"
            );
        }
        assert_eq!(stable_cjk_len("設定を".as_bytes()), 9);
        assert_eq!(stable_cjk_len("ｶﾞ".as_bytes()), 0);
        assert_eq!(stable_cjk_len("か\u{3099}".as_bytes()), 3);
    }

    #[test]
    fn punctuation_and_spaces_separate_words() {
        assert_eq!(
            runs("d’Adobe, v21.1.3"),
            [
                ("d", Word),
                ("Adobe", Word),
                ("v21", Word),
                ("1", Word),
                ("3", Word)
            ]
        );
        assert_eq!(runs(".*+?( <script> — «»"), [("script", Word)]);
    }

    #[test]
    fn cjk_runs_are_cut_from_the_letters_around_them() {
        assert_eq!(
            runs("IMSの設定、Campaign v8用"),
            [
                ("IMS", Word),
                ("の設定", Cjk),
                ("Campaign", Word),
                ("v8", Word),
                ("用", Cjk)
            ]
        );
        // Korean keeps its spaces: each word is a run.
        assert_eq!(
            runs("서버를 업데이트"),
            [("서버를", Cjk), ("업데이트", Cjk)]
        );
        // The middle dot and the ideographic full stop separate; ー does not.
        assert_eq!(runs("サーバー・ログ。"), [("サーバー", Cjk), ("ログ", Cjk)]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        // か + combining voiced mark, e + combining acute.
        assert_eq!(
            runs("か\u{3099}き e\u{301}t"),
            [("か\u{3099}き", Cjk), ("e\u{301}t", Word)]
        );
        assert_eq!(runs("ｶﾞｲﾄﾞ"), [("ｶﾞｲﾄﾞ", Cjk)]);
        assert_eq!(runs("\u{301}\u{301}"), [("\u{301}\u{301}", Word)]);
    }

    #[test]
    fn the_shortcuts_agree_with_the_unicode_tables() {
        let shortcuts = [
            '\u{c0}'..='\u{24f}',
            '\u{2000}'..='\u{206f}',
            '\u{3000}'..='\u{30ff}',
            '\u{4e00}'..='\u{9fff}',
            '\u{ac00}'..='\u{d7a3}',
        ];
        for character in shortcuts.into_iter().flatten() {
            let expected = if is_combining_mark(character) {
                CharClass::Mark
            } else if !character.is_alphanumeric() {
                CharClass::Separator
            } else if is_cjk(character) {
                CharClass::Run(RunKind::Cjk)
            } else {
                CharClass::Run(RunKind::Word)
            };
            assert!(char_class(character) == expected, "{character:?}");
        }
    }
}
