//! Test-only reader of an index file: analyzes and ranks a query as
//! `www/search.js` does (`analyzeQuery`, `search`), so tests can check what
//! a reader would find, and the Node tests that the browser finds the same.

use unic_langid::LanguageIdentifier;

use crate::IndexFile;
use crate::analysis::Analyzer;
use crate::analysis::MAX_TERM_CHARS;
use crate::format::{FORMAT_VERSION, MAGIC, PAGES_MAGIC, REST_MAGIC, TERMS_MAGIC, shard_name};
use crate::runs::{RunKind, for_each_run};
use unicode_normalization::char::is_combining_mark;

/// Reads the parts of the file in order.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The payload of a file after its magic and format number, checked.
    fn after(bytes: &'a [u8], magic: &[u8; 4]) -> Self {
        let (found, rest) = bytes.split_at(4);
        assert_eq!(found, magic);
        let mut reader = Self { bytes: rest };
        assert_eq!(reader.varint() as u64, FORMAT_VERSION);
        reader
    }

    fn varint(&mut self) -> usize {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let (&byte, rest) = self.bytes.split_first().expect("truncated varint");
            self.bytes = rest;
            value |= usize::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                return value;
            }
        }
    }

    fn bytes(&mut self) -> &'a [u8] {
        let length = self.varint();
        let (taken, rest) = self.bytes.split_at(length);
        self.bytes = rest;
        taken
    }

    fn string(&mut self) -> String {
        String::from_utf8(self.bytes().to_vec()).expect("UTF-8")
    }
}

// As in `www/search.js`.
const MAX_QUERY_CHARS: usize = 200;
const MAX_QUERY_TERMS: usize = 24;
const MAX_PREFIX_TERMS: usize = 30;
const MIN_PREFIX_CHARS: usize = 2;
const PREFIX_FACTOR: f64 = 0.7;
const WEIGHTS: [f64; 4] = [1.0, 1.5, 3.0, 4.0];
const INHERITED_TITLE_WEIGHT: f64 = 1.0;

/// A term of a query and the terms it matches while it is being typed.
#[derive(Debug, PartialEq, Eq)]
pub struct Group {
    pub exact: String,
    /// The word's accented term, matched as `exact` is.
    pub accented: Option<String>,
    /// Terms `exact` begins: words being typed (which score less), or the
    /// pairs a CJK character begins (which score as it).
    pub prefixed: Vec<String>,
    pub cjk: bool,
    /// A stop word, which the index leaves out.
    pub stop_word: bool,
}

impl Group {
    /// `exact`, or `exact|accented`: what the fixtures record of a group.
    pub fn describe(self) -> String {
        match self.accented {
            Some(accented) => format!("{}|{accented}", self.exact),
            None => self.exact,
        }
    }

    fn cjk(exact: String, prefixed: Vec<String>) -> Self {
        Self {
            exact,
            accented: None,
            prefixed,
            cjk: true,
            stop_word: false,
        }
    }
}

pub struct Probe {
    pub language: String,
    pub stemmer: String,
    analyzer: Analyzer,
    /// `href` of every section, by section number.
    hrefs: Vec<String>,
    /// The intro section of each section's page.
    page_intro: Vec<usize>,
    /// Sorted terms and their postings bytes.
    terms: Vec<(String, Vec<u8>)>,
}

impl Probe {
    /// Reads a locale's files as [`crate::build_index`] returns them: the
    /// head, then every shard it names, as the browser would fetch them.
    pub fn read(locale: &str, files: &[IndexFile]) -> Self {
        let locale: LanguageIdentifier = locale.parse().expect("test locale");
        let inflate = |name: &str| {
            let file = files
                .iter()
                .find(|f| f.path.rsplit('/').next() == Some(name))
                .unwrap_or_else(|| panic!("no file {name}"));
            miniz_oxide::inflate::decompress_to_vec_zlib(&file.bytes).expect("zlib stream")
        };
        let head = inflate("index.bin");
        let mut reader = Reader::after(&head, MAGIC);
        let language = reader.string();
        let stemmer = reader.string();
        let generation = reader.string();
        let listed: Vec<usize> = (0..reader.varint()).map(|_| reader.varint()).collect();
        let mut first_page = 0;
        let page_files: Vec<(usize, String)> = (0..reader.varint())
            .map(|number| {
                let first = first_page;
                first_page += reader.varint();
                (first, shard_name("pages", &generation, number))
            })
            .collect();
        let term_files: Vec<(String, String)> = (0..reader.varint())
            .map(|number| (reader.string(), shard_name("terms", &generation, number)))
            .collect();
        let rest_count = reader.varint();
        let rest_sizes: Vec<usize> = (0..rest_count).map(|_| reader.varint()).collect();
        let rests: Vec<Vec<Vec<u8>>> = (0..rest_count)
            .map(|number| {
                let bytes = inflate(&shard_name("rest", &generation, number));
                assert_eq!(
                    bytes.len(),
                    rest_sizes[number],
                    "the head gives rest {number}'s size"
                );
                let mut reader = Reader::after(&bytes, REST_MAGIC);
                let entries = (0..reader.varint())
                    .map(|_| reader.bytes().to_vec())
                    .collect();
                assert!(reader.bytes.is_empty(), "rest {number}: bytes left");
                entries
            })
            .collect();
        let largest_page = reader.varint();
        assert!(reader.bytes.is_empty(), "bytes left after the head");

        let mut hrefs = Vec::new();
        let mut page_intro = Vec::new();
        let mut pages_read = 0;
        let mut largest_page_read = 0;
        for (first, name) in &page_files {
            let bytes = inflate(name);
            largest_page_read = largest_page_read.max(bytes.len());
            let mut reader = Reader::after(&bytes, PAGES_MAGIC);
            assert_eq!(reader.varint(), *first, "{name}: its first page");
            assert_eq!(*first, pages_read, "page shards follow each other");
            for _ in 0..reader.varint() {
                let url = reader.string();
                let _title = reader.string();
                let intro = hrefs.len();
                hrefs.push(url.clone());
                page_intro.push(intro);
                let sections = reader.varint();
                assert_eq!(
                    sections, listed[pages_read],
                    "the head counts the page's sections"
                );
                for _ in 0..sections {
                    let anchor = reader.string();
                    let _heading = reader.string();
                    hrefs.push(format!("{url}#{anchor}"));
                    page_intro.push(intro);
                }
                pages_read += 1;
            }
            assert!(
                reader.bytes.is_empty(),
                "{name}: bytes left after its pages"
            );
        }
        assert_eq!(pages_read, listed.len(), "every page is in a shard");
        assert_eq!(
            largest_page, largest_page_read,
            "the head gives the largest page shard"
        );
        let mut terms: Vec<(String, Vec<u8>)> = Vec::new();
        for (first, name) in &term_files {
            let bytes = inflate(name);
            let mut reader = Reader::after(&bytes, TERMS_MAGIC);
            let mut previous = Vec::new();
            for at in 0..reader.varint() {
                let shared = reader.varint();
                let mut term = previous[..shared].to_vec();
                term.extend_from_slice(reader.bytes());
                let count = reader.varint();
                let size = reader.varint();
                let best = reader.bytes().to_vec();
                let mut postings = best;
                let mut heaviest = u8::MAX;
                for _ in 0..reader.varint() {
                    let weight = reader.varint() as u8;
                    let from = reader.varint();
                    let piece = &rests[reader.varint()][reader.varint()];
                    assert!(weight <= heaviest, "pieces come heaviest first");
                    heaviest = weight;
                    let decoded = decode(piece);
                    assert!(
                        decoded.iter().all(|&(_, w)| w == weight),
                        "a piece holds postings of its weight only"
                    );
                    assert_eq!(
                        decoded.first().map(|&(s, _)| s),
                        Some(from),
                        "a piece names its first section"
                    );
                    assert!(
                        piece.len() <= crate::format::REST_PIECE_BYTES + 10,
                        "a piece is bounded"
                    );
                    postings = merge(&postings, piece);
                }
                assert_eq!(
                    postings.len(),
                    size,
                    "a term's size counts its postings' bytes"
                );
                assert_eq!(decode(&postings).len(), count, "a term counts its postings");
                let text = String::from_utf8(term.clone()).expect("UTF-8");
                if at == 0 {
                    assert_eq!(&text, first, "{name}: the head names its first term");
                }
                terms.push((text, postings));
                previous = term;
            }
            assert!(
                reader.bytes.is_empty(),
                "{name}: bytes left after its terms"
            );
        }
        assert!(
            terms.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "terms sorted across shards"
        );
        Self {
            language,
            stemmer,
            analyzer: Analyzer::for_locale(&locale),
            hrefs,
            page_intro,
            terms,
        }
    }

    pub fn has_term(&self, term: &str) -> bool {
        self.terms.iter().any(|(t, _)| t == term)
    }

    /// (section, weight) of a term, decoded.
    pub fn postings(&self, term: &str) -> Vec<(usize, u8)> {
        (self.terms.iter().find(|(t, _)| t == term))
            .map_or_else(Vec::new, |(_, bytes)| decode(bytes))
    }

    /// The exact term of each group of a query.
    pub fn terms(&self, query: &str) -> Vec<String> {
        self.groups(query)
            .into_iter()
            .map(|group| group.exact)
            .collect()
    }

    /// The query's terms, each with the terms it matches (`analyzeQuery`).
    pub fn groups(&self, query: &str) -> Vec<Group> {
        let text: String = query.chars().take(MAX_QUERY_CHARS).collect();
        let typing = text
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || is_combining_mark(c));
        let mut runs = Vec::new();
        for_each_run(&text, |run, kind| runs.push((run, kind)));
        let mut groups: Vec<Group> = Vec::new();
        let mut add = |group: Group| {
            if groups.len() < MAX_QUERY_TERMS && !groups.contains(&group) {
                groups.push(group);
            }
        };
        let mut folded = String::new();
        for (position, &(run, kind)) in runs.iter().enumerate() {
            self.analyzer.fold(run, &mut folded);
            let characters: Vec<char> = folded.chars().collect();
            if characters.is_empty() {
                continue;
            }
            if kind == RunKind::Cjk {
                if characters.len() == 1 {
                    add(Group::cjk(folded.clone(), self.cjk_pairs(&folded)));
                }
                for pair in characters.windows(2) {
                    add(Group::cjk(pair.iter().collect(), Vec::new()));
                }
                continue;
            }
            let Some(exact) = self.analyzer.query_term(&folded) else {
                continue;
            };
            let exact = exact.into_owned();
            let last = typing && position + 1 == runs.len();
            let prefixed = if last
                && characters.len() >= MIN_PREFIX_CHARS
                && characters.len() <= MAX_TERM_CHARS
            {
                self.prefix_terms(&folded, &exact)
            } else {
                Vec::new()
            };
            let accented = self.analyzer.accented_term(run, &folded, &exact);
            add(Group {
                exact,
                accented,
                prefixed,
                cjk: false,
                stop_word: self.analyzer.term(&folded).is_none(),
            });
        }
        groups
    }

    /// Every pair of characters that `character` begins.
    fn cjk_pairs(&self, character: &str) -> Vec<String> {
        (self.terms.iter())
            .filter(|(term, _)| term != character && term.starts_with(character))
            .map(|(term, _)| term.clone())
            .collect()
    }

    fn prefix_terms(&self, prefix: &str, exact: &str) -> Vec<String> {
        let mut found: Vec<usize> = (0..self.terms.len())
            .filter(|&at| self.terms[at].0 != exact && self.terms[at].0.starts_with(prefix))
            .collect();
        found.sort_by_key(|&at| (std::cmp::Reverse(self.terms[at].1.len()), at));
        found.truncate(MAX_PREFIX_TERMS);
        found
            .into_iter()
            .map(|at| self.terms[at].0.clone())
            .collect()
    }

    /// The first `limit` links for a query, best first, as the browser ranks
    /// them: sections matching the most query terms (a title term counts,
    /// less, for every section of its page), by score (each term's best
    /// weight times its rarity), then in page order.
    pub fn ranked(&self, query: &str, limit: usize) -> Vec<String> {
        let groups = self.groups(query);
        let count = self.hrefs.len();
        let mut score = vec![0f64; count];
        let mut direct = vec![0u32; count];
        let mut hits = Vec::new();
        let mut titled: Vec<std::collections::HashMap<usize, f64>> = Vec::new();
        for (number, group) in groups.iter().enumerate() {
            let mut best = vec![0f64; count];
            let mut inherited = std::collections::HashMap::new();
            let candidates = std::iter::once((&group.exact, 1.0))
                .chain(group.accented.iter().map(|term| (term, 1.0)))
                .chain(
                    group
                        .prefixed
                        .iter()
                        .map(|term| (term, if group.cjk { 1.0 } else { PREFIX_FACTOR })),
                );
            for (term, factor) in candidates {
                let postings = self.postings(term);
                if postings.is_empty() {
                    continue;
                }
                let idf = (1.0 + count as f64 / postings.len() as f64).ln();
                for (section, weight) in postings {
                    let points = WEIGHTS[usize::from(weight)] * idf * factor;
                    if points > best[section] {
                        best[section] = points;
                    }
                    if weight == 3 {
                        let page = self.page_intro[section];
                        let points = INHERITED_TITLE_WEIGHT * idf * factor;
                        let seen = inherited.entry(page).or_insert(0.0);
                        if points > *seen {
                            *seen = points;
                        }
                    }
                }
            }
            for (section, &points) in best.iter().enumerate() {
                if points > 0.0 {
                    if direct[section] == 0 {
                        hits.push(section);
                    }
                    direct[section] |= 1 << number;
                    score[section] += points;
                }
            }
            titled.push(inherited);
        }
        let matched: Vec<usize> = hits
            .iter()
            .map(|&section| {
                let page = self.page_intro[section];
                let mut matched = 0;
                for (number, inherited) in titled.iter().enumerate() {
                    if direct[section] & (1 << number) != 0 {
                        matched += 1;
                    } else if let Some(points) = inherited.get(&page) {
                        matched += 1;
                        score[section] += points;
                    }
                }
                matched
            })
            .collect();
        let most = matched.iter().copied().max().unwrap_or(0);
        let mut ranked: Vec<usize> = (hits.iter().zip(&matched))
            .filter(|&(_, &matched)| matched == most)
            .map(|(&section, _)| section)
            .collect();
        ranked.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
        ranked.truncate(limit);
        ranked.into_iter().map(|s| self.hrefs[s].clone()).collect()
    }

    /// Links of the sections holding every query term (a title term counts
    /// for every section of its page), in section order.
    pub fn search(&self, query: &str) -> Vec<String> {
        let terms: Vec<String> = (self.groups(query).into_iter())
            .filter(|group| !group.stop_word)
            .map(|group| group.exact)
            .collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let matches = |term: &str| -> Vec<bool> {
            let mut hit = vec![false; self.hrefs.len()];
            for (section, weight) in self.postings(term) {
                hit[section] = true;
                if weight == 3 {
                    for (other, intro) in self.page_intro.iter().enumerate() {
                        hit[other] |= *intro == section;
                    }
                }
            }
            hit
        };
        let per_term: Vec<Vec<bool>> = terms.iter().map(|t| matches(t)).collect();
        (0..self.hrefs.len())
            .filter(|&section| per_term.iter().all(|hit| hit[section]))
            .map(|section| self.hrefs[section].clone())
            .collect()
    }
}

/// A list of postings as (section, weight).
fn decode(bytes: &[u8]) -> Vec<(usize, u8)> {
    let mut reader = Reader { bytes };
    let mut list = Vec::new();
    let mut section = 0;
    while !reader.bytes.is_empty() {
        let value = reader.varint();
        section += value >> 2;
        list.push((section, (value & 3) as u8));
    }
    list
}

/// Two lists of postings of one term as one, in section order.
fn merge(best: &[u8], rest: &[u8]) -> Vec<u8> {
    let mut all = decode(best);
    all.extend(decode(rest));
    all.sort_unstable();
    let mut out = Vec::new();
    let mut previous = 0;
    for (section, weight) in all {
        crate::varint::push_varint(
            &mut out,
            ((section - previous) << 2 | usize::from(weight)) as u64,
        );
        previous = section;
    }
    out
}
