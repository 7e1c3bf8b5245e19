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
//!   "TNSI"  varint format (3)
//!   string language            e.g. "fr"
//!   string stemmer             "french", "german"… (see analysis.rs), or "" for none
//!   varint pages
//!     per page: varint sections    (its listed sections; its intro is one more)
//!   varint page shards
//!     per shard: varint first page, string file
//!   varint term shards
//!     per shard: string first term, string file
//!
//! pages-<hash>.bin          pages first … first + count - 1
//!   "TNSP"  varint format (3)  varint first page  varint count
//!   per page: string url, string title, sections × (string anchor, string heading)
//!
//! terms-<hash>.bin          terms from its first one to the next shard's first
//!   "TNST"  varint format (3)  varint terms
//!   per term: varint shared, string suffix   (front coding: the term is
//!             the previous term's first `shared` bytes + suffix; the
//!             shard's first term is written whole)
//!             varint length, length bytes of postings
//! ```
//!
//! Sections are numbered across the locale: page 0's intro is section 0,
//! its listed sections follow, then page 1's intro, and so on. An intro
//! links to the page itself, a listed section to `url#anchor`.
//!
//! Terms are sorted by bytes. A term's postings are one varint per section
//! it occurs in, `gap * 4 + weight`: `gap` is the section number minus the
//! previous one's (the first counts from 0), `weight` a
//! [`crate::collect::Weight`].
//!
//! Shards are named by a hash of their bytes: a browser that kept an older
//! head never mixes it with newer shards, and hosts may cache them forever.

use std::hash::Hasher;

use rayon::prelude::*;

use crate::collect::Postings;
use crate::document::PageEntry;
use crate::varint::push_varint;
use crate::zlib;

pub const MAGIC: &[u8; 4] = b"TNSI";
pub const PAGES_MAGIC: &[u8; 4] = b"TNSP";
pub const TERMS_MAGIC: &[u8; 4] = b"TNST";
/// Bumped whenever `www/search.js` could misread an older file.
/// 2: CJK runs indexed as characters and pairs, NFKC, German umlaut
/// spellings, six more stemmers, long words cut instead of dropped.
/// 3: the head, the pages and the terms in shards.
pub const FORMAT_VERSION: u64 = 3;

/// A term shard closes once its payload reaches this size: a query word
/// fetches one shard (two when its prefix spans a boundary).
const TERM_SHARD_BYTES: usize = 64 * 1024;
/// A page shard closes once its payload reaches this size: ten results
/// fetch one to ten of them (at 24 KB, ten results of a 10,000-page
/// locale fetched up to 240 KB).
const PAGE_SHARD_BYTES: usize = 8 * 1024;

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
/// 37% of the text: it is deflated at the fastest level (20%).
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
    let (first_terms, term_shards): (Vec<&str>, Vec<Shard>) =
        term_shards(postings).into_iter().unzip();
    let total: usize = page_shards
        .iter()
        .chain(&term_shards)
        .map(|s| s.payload.len())
        .sum();
    let level = match (total <= COMPRESS_HARD_UP_TO, dense) {
        (true, _) => 9,
        (false, true) => 1,
        (false, false) => 0,
    };
    let compressed: Vec<(String, Vec<u8>)> = page_shards
        .into_par_iter()
        .map(|shard| ("pages", shard))
        .chain(term_shards.into_par_iter().map(|shard| ("terms", shard)))
        .map(|(kind, shard)| {
            let bytes = compress(shard.payload, level);
            (format!("{kind}-{:016x}.bin", content_hash(&bytes)), bytes)
        })
        .collect();
    let (page_files, term_files) = compressed.split_at(page_shard_count(&compressed));

    let mut head = Vec::with_capacity(pages.len() * 2 + 256);
    head.extend_from_slice(MAGIC);
    push_varint(&mut head, FORMAT_VERSION);
    push_str(&mut head, pipeline.language);
    push_str(&mut head, pipeline.stemmer.unwrap_or(""));
    push_len(&mut head, pages.len());
    for page in pages {
        push_len(&mut head, page.sections.len());
    }
    push_len(&mut head, page_files.len());
    let mut first_page = 0;
    for ((name, _), count) in page_files.iter().zip(pages_per_shard(pages)) {
        push_len(&mut head, first_page);
        push_str(&mut head, name);
        first_page += count;
    }
    push_len(&mut head, term_files.len());
    for ((name, _), first) in term_files.iter().zip(first_terms) {
        push_str(&mut head, first);
        push_str(&mut head, name);
    }
    // Every query needs the head: it is deflated hard whatever the size
    // (17 KB of a 10,000-page locale's head took a millisecond).
    let mut files = vec![("index.bin".to_string(), compress(head, 9))];
    files.extend(compressed);
    files
}

/// A shard's payload before compression.
struct Shard {
    payload: Vec<u8>,
}

fn page_shard_count(files: &[(String, Vec<u8>)]) -> usize {
    files
        .iter()
        .take_while(|(name, _)| name.starts_with("pages-"))
        .count()
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

/// The terms in shards, each with its first term, in one pass: a shard
/// closes once its payload reaches [`TERM_SHARD_BYTES`].
fn term_shards(postings: &Postings) -> Vec<(&str, Shard)> {
    let open = || {
        let mut payload = Vec::with_capacity(TERM_SHARD_BYTES + 4096);
        payload.extend_from_slice(TERMS_MAGIC);
        push_varint(&mut payload, FORMAT_VERSION);
        payload
    };
    // Terms are written after their count, which is known at the close.
    let close = |terms: usize, body: &[u8]| {
        let mut payload = open();
        push_len(&mut payload, terms);
        payload.extend_from_slice(body);
        Shard { payload }
    };
    let mut shards = Vec::new();
    let mut body = Vec::with_capacity(TERM_SHARD_BYTES + 4096);
    let mut first = "";
    let mut count = 0;
    let mut previous: &[u8] = &[];
    let mut list = Vec::new();
    for (index, term) in postings.terms().enumerate() {
        if count == 0 {
            first = term;
            previous = &[];
        }
        let bytes = term.as_bytes();
        let shared = bytes
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count();
        push_len(&mut body, shared);
        push_bytes(&mut body, bytes.get(shared..).unwrap_or(&[]));
        postings.encode(index, &mut list);
        push_bytes(&mut body, &list);
        previous = bytes;
        count += 1;
        if body.len() >= TERM_SHARD_BYTES {
            shards.push((first, close(count, &body)));
            body.clear();
            count = 0;
        }
    }
    if count > 0 || shards.is_empty() {
        shards.push((first, close(count, &body)));
    }
    shards
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
