//! Test-only reader of an index file: answers a query the way the browser
//! does at its core (every query word in the same section, or in the
//! page title), so tests can check what a reader would find.

use unic_langid::LanguageIdentifier;

use crate::analysis::{Analyzer, for_each_word, normalize};
use crate::format::{FORMAT_VERSION, MAGIC};

/// Reads the parts of the file in order.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
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
    pub fn read(locale: &str, bytes: &[u8]) -> Self {
        let locale: LanguageIdentifier = locale.parse().expect("test locale");
        let bytes = miniz_oxide::inflate::decompress_to_vec_zlib(bytes).expect("zlib stream");
        let (magic, rest) = bytes.split_at(4);
        assert_eq!(magic, MAGIC);
        let mut reader = Reader { bytes: rest };
        assert_eq!(reader.varint() as u64, FORMAT_VERSION);
        let language = reader.string();
        let stemmer = reader.string();
        let mut hrefs = Vec::new();
        let mut page_intro = Vec::new();
        for _ in 0..reader.varint() {
            let url = reader.string();
            let _title = reader.string();
            let intro = hrefs.len();
            hrefs.push(url.clone());
            page_intro.push(intro);
            for _ in 0..reader.varint() {
                let anchor = reader.string();
                let _heading = reader.string();
                hrefs.push(format!("{url}#{anchor}"));
                page_intro.push(intro);
            }
        }
        let mut terms: Vec<(String, Vec<u8>)> = Vec::new();
        let mut previous = Vec::new();
        for _ in 0..reader.varint() {
            let shared = reader.varint();
            let mut term = previous[..shared].to_vec();
            term.extend_from_slice(reader.bytes());
            let postings = reader.bytes().to_vec();
            terms.push((String::from_utf8(term.clone()).expect("UTF-8"), postings));
            previous = term;
        }
        assert!(reader.bytes.is_empty(), "bytes left after the terms");
        assert!(
            terms.windows(2).all(|pair| pair[0].0 < pair[1].0),
            "terms sorted"
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
        let Some((_, bytes)) = self.terms.iter().find(|(t, _)| t == term) else {
            return Vec::new();
        };
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

    /// The terms of a query, after the index's own pipeline.
    pub fn terms(&self, query: &str) -> Vec<String> {
        let mut normalized = String::new();
        let mut terms = Vec::new();
        for_each_word(query, |word| {
            normalize(word, &mut normalized);
            if let Some(term) = self.analyzer.term(&normalized) {
                terms.push(term.into_owned());
            }
        });
        terms
    }

    /// Links of the sections holding every query term (a title term counts
    /// for every section of its page), in section order.
    pub fn search(&self, query: &str) -> Vec<String> {
        let terms = self.terms(query);
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
