//! Turning documents into sorted terms and their encoded postings, in
//! parallel: each rayon task analyzes a run of consecutive pages with its
//! own caches and writes each term's postings straight into their final
//! encoding (see `format.rs`); the runs are then merged term by term.
//!
//! The hot loop sees every word of the site, so it does as little as it
//! can per word: a word seen before (spelled the same) costs one hash
//! lookup, and posting it one array access and a byte or two.

use std::ops::Range;
use std::sync::Arc;

use compact_str::CompactString;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analysis::{Analyzer, for_each_cjk_term_range};
use crate::document::SearchDocument;
use crate::runs::{RunKind, for_each_run_range};
use crate::varint::{push_varint, read_varint};

/// How a term occurs in a section; the browser scores by it. The numbers
/// are part of the index format (`www/search.js` reads them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    Body = 0,
    /// Two or more times in the body.
    BodyRepeated = 1,
    /// In the heading or FAQ question.
    Heading = 2,
    /// In the page title (posted on the page's intro section only).
    Title = 3,
}

impl Weight {
    fn from_bits(bits: u8) -> Self {
        match bits & 3 {
            0 => Self::Body,
            1 => Self::BodyRepeated,
            2 => Self::Heading,
            _ => Self::Title,
        }
    }
}

/// A word the cache has seen that is no term (a stop word), or a word
/// without a second term.
const NOT_A_TERM: u32 = u32::MAX;

/// The stem numbers of a word: its term, and its accented term or
/// [`NOT_A_TERM`] (see `Analyzer::accented_term`).
type Stems = [u32; 2];

/// The postings of one stem within one run.
struct StemPostings {
    /// Varints `gap * 4 + weight`; the first gap counts from section 0.
    bytes: Vec<u8>,
    /// The last section posted (0 before the first), and where its varint
    /// starts in `bytes`.
    last_section: u32,
    last_at: usize,
}

/// What one run of pages produced, numbered in order of first appearance.
#[derive(Default)]
pub struct Run {
    stems: Vec<CompactString>,
    postings: Vec<StemPostings>,
}

/// Analyzes one run of consecutive pages.
pub struct RunCollector {
    analyzer: Arc<Analyzer>,
    /// Words as written (`Mises`, `mises`) to their stem number: the short
    /// ones, nearly all, by [`short_key`], the others by their text.
    short_words: FxHashMap<u128, Stems>,
    long_words: FxHashMap<CompactString, Stems>,
    /// Terms of CJK runs by [`cjk_key`].
    cjk_terms: FxHashMap<u64, u32>,
    /// Short CJK runs as written to their terms' numbers: Korean spaces
    /// its words, which come back as Latin words do.
    short_cjk_runs: FxHashMap<u128, Box<[u32]>>,
    stem_numbers: FxHashMap<CompactString, u32>,
    normalized: String,
    /// A CJK run, folded.
    folded_run: String,
    section: u32,
    out: Run,
}

impl RunCollector {
    pub fn new(analyzer: Arc<Analyzer>) -> Self {
        Self {
            analyzer,
            short_words: FxHashMap::default(),
            long_words: FxHashMap::default(),
            cjk_terms: FxHashMap::default(),
            short_cjk_runs: FxHashMap::default(),
            stem_numbers: FxHashMap::default(),
            normalized: String::new(),
            folded_run: String::new(),
            section: 0,
            out: Run::default(),
        }
    }

    /// Adds the page `document`, whose intro is section `intro_section`.
    pub fn page(&mut self, document: &SearchDocument, intro_section: u32) {
        self.section = intro_section;
        self.add_text(document.title, Weight::Title);
        self.add_text(document.intro, Weight::Body);
        for (section, part) in (intro_section.saturating_add(1)..).zip(&document.sections) {
            self.section = section;
            self.add_text(part.heading, Weight::Heading);
            self.add_text(part.text, Weight::Body);
        }
    }

    /// The run, to merge with the others.
    pub fn finish(self) -> Run {
        self.out
    }

    fn add_text(&mut self, text: &str, weight: Weight) {
        for_each_run_range(text, |range, kind| {
            if kind == RunKind::Cjk {
                let key = short_key(text.as_bytes(), range.clone());
                self.add_cjk_run(text.get(range).unwrap_or_default(), key, weight);
                return;
            }
            let stems = match short_key(text.as_bytes(), range.clone()) {
                Some(key) => match self.short_words.get(&key) {
                    Some(&stems) => stems,
                    None => {
                        let stems = self.learn(text.get(range).unwrap_or_default());
                        self.short_words.insert(key, stems);
                        stems
                    }
                },
                None => {
                    let word = text.get(range).unwrap_or_default();
                    match self.long_words.get(word) {
                        Some(&stems) => stems,
                        None => {
                            let stems = self.learn(word);
                            self.long_words.insert(CompactString::from(word), stems);
                            stems
                        }
                    }
                }
            };
            for stem in stems {
                if let Some(postings) = self.out.postings.get_mut(stem as usize) {
                    post(postings, self.section, weight);
                }
            }
        });
    }

    /// Posts the characters and pairs of a CJK run. Chinese and Japanese
    /// runs are clauses, seldom seen twice, so they are folded every time
    /// and their terms looked up by [`cjk_key`]; a short run (`key`, by
    /// [`short_key`]), such as a Korean word, is looked up whole.
    fn add_cjk_run(&mut self, run: &str, key: Option<u128>, weight: Weight) {
        if let Some(known) = key.and_then(|key| self.short_cjk_runs.get(&key)) {
            for &stem in known {
                if let Some(postings) = self.out.postings.get_mut(stem as usize) {
                    post(postings, self.section, weight);
                }
            }
            return;
        }
        // Kept for a short run only; a long one is seldom seen again.
        let mut terms = Vec::new();
        let mut buffer = std::mem::take(&mut self.folded_run);
        let folded = self.analyzer.folded(run, &mut buffer);
        for_each_cjk_term_range(folded, |range| {
            let term = |range| folded.get(range).unwrap_or_default();
            let stem = match cjk_key(folded.as_bytes(), range.clone()) {
                Some(key) => match self.cjk_terms.get(&key) {
                    Some(&stem) => stem,
                    None => {
                        let stem = self.number(term(range));
                        self.cjk_terms.insert(key, stem);
                        stem
                    }
                },
                None => self.number(term(range)),
            };
            if key.is_some() {
                terms.push(stem);
            }
            if let Some(postings) = self.out.postings.get_mut(stem as usize) {
                post(postings, self.section, weight);
            }
        });
        self.folded_run = buffer;
        if let Some(key) = key {
            self.short_cjk_runs.insert(key, terms.into_boxed_slice());
        }
    }

    /// The stem numbers of a word met for the first time in this run.
    fn learn(&mut self, word: &str) -> Stems {
        self.analyzer.fold(word, &mut self.normalized);
        let Some(term) = self.analyzer.term(&self.normalized) else {
            return [NOT_A_TERM; 2];
        };
        let term = CompactString::from(term.as_ref());
        let accented = self.analyzer.accented_term(word, &self.normalized, &term);
        let first = self.number(&term);
        [
            first,
            accented.map_or(NOT_A_TERM, |accented| self.number(&accented)),
        ]
    }

    /// The number of `term` in this run, given on first sight.
    fn number(&mut self, term: &str) -> u32 {
        if let Some(&number) = self.stem_numbers.get(term) {
            return number;
        }
        // Fewer stems than words, and the caller refused more sections
        // (each at least a word) than u32 can number.
        let number = u32::try_from(self.out.stems.len()).unwrap_or(NOT_A_TERM - 1);
        self.out.stems.push(CompactString::from(term));
        self.out.postings.push(StemPostings {
            bytes: Vec::new(),
            last_section: 0,
            last_at: 0,
        });
        self.stem_numbers.insert(CompactString::from(term), number);
        number
    }
}

/// Longest word, in bytes, that [`short_key`] keys.
const SHORT_WORD: usize = 16;

/// The bytes of a word of up to [`SHORT_WORD`] bytes as one number
/// (little-endian, zero-padded; no word holds a zero byte, so no two words
/// share a key): hashed and compared in a few instructions, where a string
/// key costs a call to `memcmp`. `None` for longer words.
fn short_key(text: &[u8], word: Range<usize>) -> Option<u128> {
    let length = word.len();
    let bytes = padded_bytes::<SHORT_WORD>(text, word)?;
    Some(u128::from_le_bytes(bytes) & SHORT_KEY_MASKS.get(length)?)
}

/// The bytes of a CJK term as one number, as [`short_key`] makes it: a
/// character or a pair of them is at most eight bytes, so the key is half
/// as wide, and so is the table of a Chinese or Japanese locale's tens of
/// thousands of pairs, looked up for every character. `None` for longer
/// text.
fn cjk_key(text: &[u8], term: Range<usize>) -> Option<u64> {
    let length = term.len();
    let bytes = padded_bytes::<8>(text, term)?;
    let unused_bits = 8 * (8 - length);
    Some(u64::from_le_bytes(bytes) & u64::MAX.checked_shr(unused_bits as u32).unwrap_or(0))
}

/// `N` bytes of `text` from `range`'s start, for a key of `range`'s bytes
/// (the caller masks off those past its end): one load when the text goes
/// on for `N` bytes, as it nearly always does, zero-padded otherwise.
/// `None` when `range` is longer than `N`.
fn padded_bytes<const N: usize>(text: &[u8], range: Range<usize>) -> Option<[u8; N]> {
    let length = range.len();
    if length > N {
        return None;
    }
    match text.get(range.start..range.start + N) {
        Some(window) => <[u8; N]>::try_from(window).ok(),
        None => {
            let mut padded = [0; N];
            padded.get_mut(..length)?.copy_from_slice(text.get(range)?);
            Some(padded)
        }
    }
}

/// The bits of [`short_key`]'s first `length` bytes, by `length`.
const SHORT_KEY_MASKS: [u128; SHORT_WORD + 1] = {
    let mut masks = [0; SHORT_WORD + 1];
    let mut length = 1;
    while length <= SHORT_WORD {
        masks[length] = u128::MAX >> (8 * (SHORT_WORD - length));
        length += 1;
    }
    masks
};

/// Posts a term in `section` once, keeping its best weight.
#[inline]
fn post(postings: &mut StemPostings, section: u32, weight: Weight) {
    if postings.last_section == section && !postings.bytes.is_empty() {
        // The weight is in the low bits of the varint's first byte.
        if let Some(byte) = postings.bytes.get_mut(postings.last_at) {
            let seen = Weight::from_bits(*byte);
            let best = match (seen, weight) {
                (Weight::Body, Weight::Body) => Weight::BodyRepeated,
                (seen, new) => seen.max(new),
            };
            *byte = (*byte & !3) | best as u8;
        }
        return;
    }
    postings.last_at = postings.bytes.len();
    push_varint(
        &mut postings.bytes,
        u64::from(section.saturating_sub(postings.last_section)) << 2 | weight as u64,
    );
    postings.last_section = section;
}

/// Every term of a locale, sorted, and where its postings are in the runs.
pub struct Postings {
    runs: Vec<Run>,
    /// (run, stem number) of every run's stems, sorted by stem then run.
    places: Vec<(usize, usize)>,
    /// Where each distinct term's places start in `places`, then the end.
    term_starts: Vec<usize>,
}

impl Postings {
    fn stem(&self, (run, number): (usize, usize)) -> &str {
        self.runs
            .get(run)
            .and_then(|run| run.stems.get(number))
            .map_or("", CompactString::as_str)
    }

    /// The terms, sorted by bytes.
    pub fn terms(&self) -> impl Iterator<Item = &str> {
        self.term_starts
            .iter()
            .take(self.term_starts.len().saturating_sub(1))
            .filter_map(|&start| self.places.get(start).map(|&place| self.stem(place)))
    }

    /// Writes the encoded postings of the term at `index` into `out`
    /// (cleared first): the runs' lists end to end, each run's first gap
    /// re-counted from the previous run's last section.
    pub fn encode(&self, index: usize, out: &mut Vec<u8>) {
        out.clear();
        let (Some(&start), Some(&end)) =
            (self.term_starts.get(index), self.term_starts.get(index + 1))
        else {
            return;
        };
        let mut previous = 0u32;
        for &(run, number) in self.places.get(start..end).unwrap_or_default() {
            let Some(list) = self.runs.get(run).and_then(|r| r.postings.get(number)) else {
                continue;
            };
            let Some((first, rest)) = read_varint(&list.bytes) else {
                continue;
            };
            let section = u32::try_from(first >> 2).unwrap_or(u32::MAX);
            push_varint(
                out,
                u64::from(section.saturating_sub(previous)) << 2 | (first & 3),
            );
            out.extend_from_slice(rest);
            previous = list.last_section;
        }
    }
}

/// Analyzes `documents` into runs, in document order; document `i`'s intro
/// is section `intro_sections[i]` and its other sections follow.
pub fn collect_runs(
    analyzer: &Arc<Analyzer>,
    documents: &[SearchDocument],
    intro_sections: &[u32],
) -> Vec<Run> {
    // One run per thread: each run analyzes the shared vocabulary again.
    let runs = rayon::current_num_threads().max(1);
    let run_length = documents.len().div_ceil(runs).max(1);
    documents
        .par_chunks(run_length)
        .zip(intro_sections.par_chunks(run_length))
        .map(|(pages, intros)| {
            let mut collector = RunCollector::new(Arc::clone(analyzer));
            for (document, &intro) in pages.iter().zip(intros) {
                collector.page(document, intro);
            }
            collector.finish()
        })
        .collect()
}

/// One sorted vocabulary over the runs (in document order), which keep
/// their postings. However the documents were split into runs, the result
/// encodes the same.
pub fn merge(runs: Vec<Run>) -> Postings {
    // Sorted with the stems at hand: reaching them through `runs` on every
    // comparison cost more than the comparisons.
    let mut keyed: Vec<(&str, usize, usize)> = runs
        .iter()
        .enumerate()
        .flat_map(|(run, stems)| {
            (stems.stems.iter().enumerate()).map(move |(number, stem)| (stem.as_str(), run, number))
        })
        .collect();
    keyed.par_sort_unstable();
    let mut term_starts: Vec<usize> = Vec::new();
    let mut previous = None;
    for (position, &(stem, _, _)) in keyed.iter().enumerate() {
        if previous != Some(stem) {
            term_starts.push(position);
            previous = Some(stem);
        }
    }
    term_starts.push(keyed.len());
    let places = keyed
        .into_iter()
        .map(|(_, run, number)| (run, number))
        .collect();
    Postings {
        runs,
        places,
        term_starts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::varint::read_varint;

    fn decode(mut bytes: &[u8]) -> Vec<(u64, Weight)> {
        let mut list = Vec::new();
        let mut section = 0;
        while let Some((value, rest)) = read_varint(bytes) {
            section += value >> 2;
            list.push((section, Weight::from_bits(value as u8)));
            bytes = rest;
        }
        list
    }

    fn run(stem: &str, posts: &[(u32, Weight)]) -> Run {
        let mut postings = StemPostings {
            bytes: Vec::new(),
            last_section: 0,
            last_at: 0,
        };
        for &(section, weight) in posts {
            post(&mut postings, section, weight);
        }
        Run {
            stems: vec![CompactString::from(stem)],
            postings: vec![postings],
        }
    }

    #[test]
    fn a_section_keeps_the_best_weight_of_its_words() {
        let runs = vec![run(
            "ims",
            &[
                (0, Weight::Body),
                (0, Weight::Body),
                (1, Weight::Body),
                (1, Weight::Heading),
                (1, Weight::Body),
                (300, Weight::Title),
            ],
        )];
        let postings = merge(runs);
        let mut bytes = Vec::new();
        postings.encode(0, &mut bytes);
        assert_eq!(
            decode(&bytes),
            [
                (0, Weight::BodyRepeated),
                (1, Weight::Heading),
                (300, Weight::Title)
            ]
        );
    }

    #[test]
    fn runs_join_into_one_list_per_term_in_sorted_order() {
        let runs = vec![
            run("mis", &[(5, Weight::Body)]),
            run("console", &[(9, Weight::Heading), (12, Weight::Body)]),
            run("mis", &[(20, Weight::Body), (21, Weight::Body)]),
        ];
        let postings = merge(runs);
        assert_eq!(postings.terms().collect::<Vec<_>>(), ["console", "mis"]);
        let mut bytes = Vec::new();
        postings.encode(1, &mut bytes);
        assert_eq!(
            decode(&bytes),
            [(5, Weight::Body), (20, Weight::Body), (21, Weight::Body)]
        );
        postings.encode(0, &mut bytes);
        assert_eq!(decode(&bytes), [(9, Weight::Heading), (12, Weight::Body)]);
    }

    #[test]
    fn short_keys_tell_words_apart_wherever_the_text_ends() {
        let text = b"console consoles console";
        let key = |range: Range<usize>| short_key(text, range);
        assert_eq!(key(0..7), key(17..24));
        assert_ne!(key(0..7), key(8..16));
        assert_eq!(key(17..24), short_key(b"console", 0..7));
        assert!(short_key(&[b'a'; 17], 0..16).is_some());
        assert_eq!(short_key(&[b'a'; 17], 0..17), None);
    }

    #[test]
    fn cjk_keys_tell_terms_apart_wherever_the_text_ends() {
        let text = "設定の設定".as_bytes();
        let key = |range: Range<usize>| cjk_key(text, range);
        assert_eq!(key(0..6), key(9..15));
        assert_ne!(key(0..6), key(0..3));
        assert_ne!(key(0..6), key(3..9));
        assert_eq!(key(12..15), cjk_key("定".as_bytes(), 0..3));
        assert!(cjk_key("𠀋𠀋".as_bytes(), 0..8).is_some());
        assert_eq!(cjk_key("設定画".as_bytes(), 0..9), None);
    }

    #[test]
    fn words_of_any_length_reach_their_stem() {
        let analyzer = Arc::new(Analyzer::for_locale(&"en".parse().unwrap_or_default()));
        let long = "internationalization";
        let mut collector = RunCollector::new(analyzer);
        let document = SearchDocument {
            url: "en/x/",
            title: "",
            intro: &format!("{long} mise {long}."),
            sections: Vec::new(),
        };
        collector.page(&document, 0);
        collector.page(&document, 1);
        let run = collector.out;
        let stems: Vec<&str> = run.stems.iter().map(CompactString::as_str).collect();
        assert_eq!(stems, ["internation", "mise"]);
        let postings = merge(vec![run]);
        let mut bytes = Vec::new();
        postings.encode(0, &mut bytes);
        assert_eq!(
            decode(&bytes),
            [(0, Weight::BodyRepeated), (1, Weight::BodyRepeated)]
        );
    }
}
