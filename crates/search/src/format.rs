//! The files `www/search.js` loads from `assets/search/<locale>/`: a small
//! head, `index.bin`, then only the shards a query needs, so that the first
//! search of a 10,000-page locale fetches tens of kilobytes, not megabytes.
//!
//! Binary, because JSON with the same content is a third larger. Each file
//! is a zlib stream (RFC 1950, which browsers inflate with
//! `DecompressionStream`) of the payload below. Numbers are unsigned LEB128
//! varints; a string is its UTF-8 byte length then its bytes.
//!
//! ```text
//! index.bin
//!   "TNSI"  varint format (4)
//!   string language            e.g. "fr"
//!   string stemmer             "french", "german"… (see analysis.rs), or "" for none
//!   string generation          names the shards: `<kind>-<generation>-<n>.bin`
//!   varint pages
//!     per page: varint sections    (its listed sections; its intro is one more)
//!   varint page shards
//!     per shard: varint its count of pages
//!   varint term shards
//!     per shard: string first term
//!   varint rest shards
//!     per shard: varint its payload bytes   (what fetching it costs)
//!   varint the largest page shard's payload bytes
//!
//! pages-<generation>-<n>.bin   pages first … first + count - 1
//!   "TNSP"  varint format (4)  varint first page  varint count
//!   per page: string url, string title, sections × (string anchor, string heading)
//!
//! terms-<generation>-<n>.bin   terms from its first one to the next shard's first
//!   "TNST"  varint format (4)  varint terms
//!   per term: varint shared, string suffix   (front coding: the term is
//!             the previous term's first `shared` bytes + suffix; the
//!             shard's first term is written whole)
//!             varint postings        (sections it occurs in, for its rarity)
//!             varint size            (bytes of all its postings, written whole)
//!             varint length, length bytes of its best postings
//!             varint pieces          of the rest of its postings (0: none), each:
//!               varint weight        the weight of all its postings
//!               varint from          its first section
//!               varint shard, varint entry   where the piece is
//!
//! rest-<generation>-<n>.bin    the rest of terms' postings, in term order
//!   "TNSR"  varint format (4)  varint entries
//!   per entry: varint length, length bytes of postings
//! ```
//!
//! Sections are numbered across the locale: page 0's intro is section 0,
//! its listed sections follow, then page 1's intro, and so on. An intro
//! links to the page itself, a listed section to `url#anchor`.
//!
//! Terms are sorted by bytes. A list of postings is one varint per section,
//! in section order, `gap * 4 + weight`: `gap` is the section number minus
//! the previous one's (the first counts from 0), `weight` a
//! [`crate::collect::Weight`].
//!
//! A term's postings are split: its [`BEST_POSTINGS`] best sections (by
//! weight, then section order, as the ranking breaks ties) sit with the
//! term, the rest in pieces of one weight each, heaviest first, of at most
//! [`REST_PIECE_BYTES`], in rest shards. A piece is fetched only when a
//! query's first page cannot be told without it or the reader asks for
//! more results. Each unfetched piece's weight and first section bound what
//! it could add, so that `www/search.js` can prove a first page whole,
//! and, for queries of several common words whose best sections do not
//! meet, fetch the heaviest pieces first within a budget of bytes (at
//! 50,000 pages a locale, a common term's postings are 400 KB: four such
//! words fetched over a megabyte when a rest was one piece).
//!
//! Shards are named by the generation, a hash of all their bytes: a browser
//! that kept an older head never mixes it with newer shards, and hosts may
//! cache them forever. One name for all keeps the head free of a name per
//! shard (which made 50 of the 65 KB of a 50,000-page locale's head).

use std::hash::Hasher;

use rayon::prelude::*;

use crate::collect::Postings;
use crate::document::PageEntry;
use crate::varint::{push_varint, read_varint, varint_count, varint_len};
use crate::zlib;

pub const MAGIC: &[u8; 4] = b"TNSI";
pub const PAGES_MAGIC: &[u8; 4] = b"TNSP";
pub const TERMS_MAGIC: &[u8; 4] = b"TNST";
pub const REST_MAGIC: &[u8; 4] = b"TNSR";
/// Bumped whenever `www/search.js` could misread an older file.
/// 2: CJK runs indexed as characters and pairs, NFKC, German umlaut
/// spellings, six more stemmers, long words cut instead of dropped.
/// 3: the head, the pages and the terms in shards.
/// 4: each term's best postings apart from the rest; shards named by one
/// generation.
/// 5: the rest in pieces of one weight, each with its bound; smaller term
/// and rest shards; the head gives each rest shard's size and the largest
/// page shard's.
pub const FORMAT_VERSION: u64 = 5;

/// The sections of a term kept with it: a first page of ten results, and
/// enough more that several words' best sections often meet.
pub const BEST_POSTINGS: usize = 40;

/// A term shard closes once its payload reaches this size: a query word
/// fetches one shard (two when its prefix spans a boundary), so four words
/// fetch at most four (at 48 KB, 190 KB before any result).
const TERM_SHARD_BYTES: usize = 16 * 1024;
/// A rest shard closes once its payload reaches this size. A whole piece
/// starts a shard of its own, so that fetching it brings no other term's
/// postings; small rests share shards.
const REST_SHARD_BYTES: usize = REST_PIECE_BYTES;
/// A piece of a term's rest closes once its postings reach this size.
pub const REST_PIECE_BYTES: usize = 12 * 1024;
/// A page shard closes once its payload reaches this size: ten results
/// fetch one to ten of them, and a query that fetches rests keeps room for
/// ten within its budget (at 24 KB, ten results of a 10,000-page locale
/// fetched up to 240 KB; at 8 KB, 88 KB).
const PAGE_SHARD_BYTES: usize = 4 * 1024;

/// What the browser needs to analyze queries as the text was analyzed.
/// Stop words are left out: a query word that matches nothing only lowers
/// every section's count of matched words alike.
pub struct Pipeline<'a> {
    pub language: &'a str,
    pub stemmer: Option<&'a str>,
}

/// Up to this many bytes of payload in all, a locale's files are
/// compressed hard, which costs a few milliseconds and matters: small
/// sites repeat few words, so their raw index is about half their text.
/// Larger ones are stored in their zlib streams uncompressed: deflating
/// 8 MB of shards, even at the fastest level, cost a 10,000-page build a
/// fifth more CPU, while shards already bound what a query fetches (and a
/// host's compression or `--precompress` can still shrink them). CJK text,
/// whose every pair of characters is a term, makes a raw index of about
/// 37% of the text, over the 35% a locale's index may take: its page and
/// term shards are deflated at the fastest level (a 700-page Japanese
/// locale's page shards shrink from 490 to 110 KB), its rests, postings
/// that deflate shrinks by a third at most, are stored: 26% of the text in
/// all, where deflating the rests too made 17% for 5% more build.
const COMPRESS_HARD_UP_TO: usize = 256 * 1024;

/// The index files of a locale: the head first, as (file name, bytes).
/// `dense` for locales whose text is mostly CJK.
pub fn write(
    pipeline: &Pipeline,
    pages: &[PageEntry],
    postings: &Postings,
    dense: bool,
) -> Vec<(String, Vec<u8>)> {
    let page_shards = page_shards(pages);
    let largest_page = page_shards
        .iter()
        .map(|s| s.payload.len())
        .max()
        .unwrap_or(0);
    let split = term_shards(postings);
    let total: usize = page_shards
        .iter()
        .chain(&split.terms)
        .chain(&split.rests)
        .map(|s| s.payload.len())
        .sum();
    // Term shards deflate as page shards do.
    let (pages_level, rests_level) = match (total <= COMPRESS_HARD_UP_TO, dense) {
        (true, _) => (9, 9),
        (false, true) => (1, 0),
        (false, false) => (0, 0),
    };
    let (page_count, term_count, rest_count) =
        (page_shards.len(), split.terms.len(), split.rests.len());
    let numbered = |kind: &'static str, shards: Vec<Shard>, level: u8| {
        shards
            .into_par_iter()
            .enumerate()
            .map(move |(number, shard)| (kind, number, compress(shard.payload, level)))
    };
    let compressed: Vec<(&str, usize, Vec<u8>)> = numbered("pages", page_shards, pages_level)
        .chain(numbered("terms", split.terms, pages_level))
        .chain(numbered("rest", split.rests, rests_level))
        .collect();
    let generation = {
        let mut hasher = rustc_hash::FxHasher::default();
        for (_, _, bytes) in &compressed {
            hasher.write_u64(content_hash(bytes));
        }
        format!("{:016x}", hasher.finish())
    };

    let mut head = Vec::with_capacity(pages.len() * 2 + 256);
    head.extend_from_slice(MAGIC);
    push_varint(&mut head, FORMAT_VERSION);
    push_str(&mut head, pipeline.language);
    push_str(&mut head, pipeline.stemmer.unwrap_or(""));
    push_str(&mut head, &generation);
    push_len(&mut head, pages.len());
    for page in pages {
        push_len(&mut head, page.sections.len());
    }
    push_len(&mut head, page_count);
    for count in pages_per_shard(pages) {
        push_len(&mut head, count);
    }
    push_len(&mut head, term_count);
    for first in &split.first_terms {
        push_str(&mut head, first);
    }
    push_len(&mut head, rest_count);
    for size in &split.rest_sizes {
        push_len(&mut head, *size);
    }
    push_len(&mut head, largest_page);
    // Every query needs the head: it is deflated hard whatever the size
    // (17 KB of a 10,000-page locale's head took a millisecond).
    let mut files = vec![("index.bin".to_string(), compress(head, 9))];
    files.extend(
        compressed
            .into_iter()
            .map(|(kind, number, bytes)| (shard_name(kind, &generation, number), bytes)),
    );
    files
}

/// The file name of shard `number` of a kind, as `www/search.js` makes it.
pub fn shard_name(kind: &str, generation: &str, number: usize) -> String {
    format!("{kind}-{generation}-{number}.bin")
}

/// A shard's payload before compression.
struct Shard {
    payload: Vec<u8>,
}

/// How many pages each page shard holds, cut where [`PAGE_SHARD_BYTES`]
/// is reached.
fn pages_per_shard(pages: &[PageEntry]) -> Vec<usize> {
    let mut counts = Vec::new();
    let (mut count, mut bytes) = (0, 0);
    for page in pages {
        bytes += page_bytes(page);
        count += 1;
        if bytes >= PAGE_SHARD_BYTES {
            counts.push(count);
            (count, bytes) = (0, 0);
        }
    }
    if count > 0 || counts.is_empty() {
        counts.push(count);
    }
    counts
}

fn page_bytes(page: &PageEntry) -> usize {
    page.url.len()
        + page.title.len()
        + page
            .sections
            .iter()
            .map(|(a, h)| a.len() + h.len() + 2)
            .sum::<usize>()
        + 4
}

fn page_shards(pages: &[PageEntry]) -> Vec<Shard> {
    let mut shards = Vec::new();
    let mut first = 0;
    for count in pages_per_shard(pages) {
        let mut payload = Vec::with_capacity(PAGE_SHARD_BYTES + 1024);
        payload.extend_from_slice(PAGES_MAGIC);
        push_varint(&mut payload, FORMAT_VERSION);
        push_len(&mut payload, first);
        push_len(&mut payload, count);
        for page in pages.get(first..first + count).unwrap_or_default() {
            push_str(&mut payload, &page.url);
            push_str(&mut payload, &page.title);
            push_len(&mut payload, page.sections.len());
            for (anchor, heading) in &page.sections {
                push_str(&mut payload, anchor);
                push_str(&mut payload, heading);
            }
        }
        shards.push(Shard { payload });
        first += count;
    }
    shards
}

/// The term shards with each one's first term, and the rest shards.
struct TermShards<'a> {
    first_terms: Vec<&'a str>,
    terms: Vec<Shard>,
    rests: Vec<Shard>,
    /// The payload bytes of each rest shard.
    rest_sizes: Vec<usize>,
}

/// A shard's payload under construction: its entries are written after
/// their count, which is known at the close.
struct OpenShard {
    magic: &'static [u8; 4],
    limit: usize,
    count: usize,
    body: Vec<u8>,
    closed: Vec<Shard>,
}

impl OpenShard {
    fn new(magic: &'static [u8; 4], limit: usize) -> Self {
        Self {
            magic,
            limit,
            count: 0,
            body: Vec::with_capacity(limit + 4096),
            closed: Vec::new(),
        }
    }

    /// Closes the shard once it is full; true when it did.
    fn entry_done(&mut self) -> bool {
        self.count += 1;
        let full = self.body.len() >= self.limit;
        if full {
            self.close();
        }
        full
    }

    fn close(&mut self) {
        let mut payload = Vec::with_capacity(self.body.len() + 16);
        payload.extend_from_slice(self.magic);
        push_varint(&mut payload, FORMAT_VERSION);
        push_len(&mut payload, self.count);
        payload.extend_from_slice(&self.body);
        self.closed.push(Shard { payload });
        self.body.clear();
        self.count = 0;
    }

    fn finish(mut self) -> Vec<Shard> {
        if self.count > 0 || self.closed.is_empty() {
            self.close();
        }
        self.closed
    }
}

/// The terms in shards, in one pass: each term's best postings with it,
/// the rest in rest shards; a shard closes once its payload reaches its
/// limit.
fn term_shards(postings: &Postings) -> TermShards<'_> {
    let mut terms = OpenShard::new(TERMS_MAGIC, TERM_SHARD_BYTES);
    let mut rests = OpenShard::new(REST_MAGIC, REST_SHARD_BYTES);
    let mut first_terms = Vec::new();
    let mut previous: &[u8] = &[];
    let mut list = Vec::new();
    let mut decoded = Vec::new();
    let mut by_weight = Vec::new();
    let mut best = Vec::new();
    let mut rest = Vec::new();
    for (index, term) in postings.terms().enumerate() {
        if terms.count == 0 {
            first_terms.push(term);
            previous = &[];
        }
        let bytes = term.as_bytes();
        let shared = bytes
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count();
        push_len(&mut terms.body, shared);
        push_bytes(&mut terms.body, bytes.get(shared..).unwrap_or(&[]));
        postings.encode(index, &mut list);
        // Counted without decoding: most terms keep all their postings.
        let count = varint_count(&list);
        push_len(&mut terms.body, count);
        push_len(&mut terms.body, list.len());
        if count <= BEST_POSTINGS {
            push_bytes(&mut terms.body, &list);
            push_len(&mut terms.body, 0);
        } else {
            decode(&list, &mut decoded);
            // Best first: higher weight, then the earlier section, as the
            // ranking orders equal scores.
            heaviest_first(&mut decoded, &mut by_weight);
            let (kept, left) = decoded.split_at_mut(BEST_POSTINGS);
            kept.sort_unstable();
            encode(kept, &mut best);
            push_bytes(&mut terms.body, &best);
            let pieces = rest_pieces(left);
            push_len(&mut terms.body, pieces.len());
            for piece in pieces {
                let postings = left.get(piece).unwrap_or_default();
                let (from, weight) = postings.first().copied().unwrap_or_default();
                encode(postings, &mut rest);
                if rest.len() >= REST_PIECE_BYTES && !rests.body.is_empty() {
                    rests.close();
                }
                push_len(&mut terms.body, usize::from(weight));
                push_len(&mut terms.body, from as usize);
                push_len(&mut terms.body, rests.closed.len());
                push_len(&mut terms.body, rests.count);
                push_bytes(&mut rests.body, &rest);
                rests.entry_done();
            }
        }
        previous = bytes;
        terms.entry_done();
    }
    let rests = if rests.count == 0 && rests.closed.is_empty() {
        Vec::new()
    } else {
        rests.finish()
    };
    TermShards {
        first_terms: if first_terms.is_empty() {
            vec![""]
        } else {
            first_terms
        },
        terms: terms.finish(),
        rest_sizes: rests.iter().map(|r| r.payload.len()).collect(),
        rests,
    }
}

/// The rest of a term's postings, sorted by weight (heaviest first) then
/// section, cut into pieces of one weight and at most [`REST_PIECE_BYTES`]:
/// each piece's postings are in section order, as a list is encoded.
fn rest_pieces(left: &[(u32, u8)]) -> Vec<std::ops::Range<usize>> {
    let mut pieces = Vec::new();
    let (mut start, mut bytes, mut previous) = (0, 0, 0);
    for (at, &(section, weight)) in left.iter().enumerate() {
        let weight_changes = at > start && left.get(at - 1).is_some_and(|&(_, w)| w != weight);
        if weight_changes || bytes >= REST_PIECE_BYTES {
            pieces.push(start..at);
            (start, bytes, previous) = (at, 0, 0);
        }
        bytes += varint_len(u64::from(section - previous) << 2 | u64::from(weight));
        previous = section;
    }
    if start < left.len() {
        pieces.push(start..left.len());
    }
    pieces
}

/// A list of postings as (section, weight), in its order.
fn decode(list: &[u8], out: &mut Vec<(u32, u8)>) {
    out.clear();
    let (mut bytes, mut section) = (list, 0u64);
    while let Some((value, rest)) = read_varint(bytes) {
        section += value >> 2;
        out.push((
            u32::try_from(section).unwrap_or(u32::MAX),
            (value & 3) as u8,
        ));
        bytes = rest;
    }
}

/// Reorders postings in section order heaviest weight first, each
/// weight's sections still in order: a stable split by the four weights,
/// linear, where sorting every posting of every term cost a sixth of the
/// build of a Japanese locale (its character pairs are many and common).
fn heaviest_first(postings: &mut [(u32, u8)], scratch: &mut Vec<(u32, u8)>) {
    scratch.clear();
    for weight in (0..=3).rev() {
        scratch.extend(postings.iter().filter(|&&(_, of)| of == weight));
    }
    postings.copy_from_slice(scratch);
}

/// (section, weight) in section order as a list of postings.
fn encode(postings: &[(u32, u8)], out: &mut Vec<u8>) {
    out.clear();
    let mut previous = 0;
    for &(section, weight) in postings {
        push_varint(out, u64::from(section - previous) << 2 | u64::from(weight));
        previous = section;
    }
}

/// `payload` as a zlib stream at `level` (0: stored, framed without
/// miniz_oxide's match finder).
fn compress(payload: Vec<u8>, level: u8) -> Vec<u8> {
    if level == 0 {
        zlib::stored(payload)
    } else {
        miniz_oxide::deflate::compress_to_vec_zlib(&payload, level)
    }
}

/// A stable 64-bit hash of a file's bytes, for its name.
fn content_hash(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

fn push_str(out: &mut Vec<u8>, text: &str) {
    push_bytes(out, text.as_bytes());
}

fn push_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    push_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

fn push_len(out: &mut Vec<u8>, length: usize) {
    push_varint(out, length as u64);
}

#[cfg(test)]
mod pieces {
    use super::{REST_PIECE_BYTES, encode, heaviest_first, rest_pieces};

    #[test]
    fn postings_go_heaviest_first_and_in_section_order_within_a_weight() {
        let postings: Vec<(u32, u8)> = (0..5_000u32)
            .map(|section| {
                (
                    section * 2,
                    (section.wrapping_mul(2_654_435_761) >> 30) as u8,
                )
            })
            .collect();
        let mut sorted = postings.clone();
        sorted.sort_unstable_by_key(|&(section, weight)| (std::cmp::Reverse(weight), section));
        let mut split = postings;
        heaviest_first(&mut split, &mut Vec::new());
        assert_eq!(split, sorted);
        assert!(
            split.windows(2).any(|pair| pair[0].1 != pair[1].1),
            "several weights"
        );
    }

    #[test]
    fn a_rest_is_cut_into_bounded_pieces_of_one_weight_heaviest_first() {
        // A common term's rest: a few headings, many body sections.
        let mut left: Vec<(u32, u8)> = (0..60_000u32)
            .map(|section| (section * 3, if section % 500 == 0 { 2 } else { 0 }))
            .collect();
        left.extend((0..40u32).map(|section| (section * 7 + 1, 1)));
        left.sort_unstable_by_key(|&(section, weight)| (std::cmp::Reverse(weight), section));

        let pieces = rest_pieces(&left);
        assert!(pieces.len() > 4, "{} pieces", pieces.len());
        let mut next = 0;
        let mut heaviest = u8::MAX;
        let mut bytes = Vec::new();
        for piece in pieces {
            assert_eq!(piece.start, next, "pieces follow each other");
            next = piece.end;
            let postings = &left[piece];
            let weight = postings[0].1;
            assert!(
                postings.iter().all(|&(_, w)| w == weight),
                "one weight a piece"
            );
            assert!(weight <= heaviest, "heaviest first");
            heaviest = weight;
            assert!(
                postings.windows(2).all(|pair| pair[0].0 < pair[1].0),
                "in section order"
            );
            encode(postings, &mut bytes);
            assert!(
                bytes.len() <= REST_PIECE_BYTES + 10,
                "{} bytes",
                bytes.len()
            );
        }
        assert_eq!(next, left.len(), "every posting is in a piece");
    }
}
