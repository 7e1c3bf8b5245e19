//! The index file `www/search.js` loads: `assets/search/<locale>/index.bin`.
//!
//! Binary, because JSON with the same content is a third larger and the
//! index must stay under 30% of the text it covers. The file is a zlib
//! stream (RFC 1950, which browsers inflate with `DecompressionStream`) of
//! the payload below. Numbers are unsigned LEB128 varints; a string is its
//! UTF-8 byte length then its bytes.
//!
//! ```text
//! "TNSI"  varint format (2)
//! string language            e.g. "fr"
//! string stemmer             "french", "german"… (see analysis.rs), or "" for none
//! varint pages
//!   per page: string url, string title, varint sections,
//!             sections × (string anchor, string heading)
//! varint terms
//!   per term: varint shared, string suffix   (front coding: the term is
//!             the previous term's first `shared` bytes + suffix)
//!             varint length, length bytes of postings
//! ```
//!
//! Sections are numbered across the whole file: page 0's intro is section
//! 0, its listed sections follow, then page 1's intro, and so on. An intro
//! links to the page itself, a listed section to `url#anchor`.
//!
//! Terms are sorted by bytes. A term's postings are one varint per section
//! it occurs in, `gap * 4 + weight`: `gap` is the section number minus the
//! previous one's (the first counts from 0), `weight` a
//! [`crate::collect::Weight`].

use crate::collect::Postings;
use crate::document::PageEntry;
use crate::varint::push_varint;
use crate::zlib;

pub const MAGIC: &[u8; 4] = b"TNSI";
/// Bumped whenever `www/search.js` could misread an older file.
/// 2: CJK runs indexed as characters and pairs, NFKC, German umlaut
/// spellings, six more stemmers, long words cut instead of dropped.
pub const FORMAT_VERSION: u64 = 2;

/// What the browser needs to analyze queries as the text was analyzed.
/// Stop words are left out: a query word that matches nothing only lowers
/// every section's count of matched words alike.
pub struct Pipeline<'a> {
    pub language: &'a str,
    pub stemmer: Option<&'a str>,
}

/// Payloads up to this size are compressed hard, which costs a few
/// milliseconds and matters: small sites repeat few words, so their raw
/// index is about half their text. Larger ones, under a quarter of their
/// text raw, are stored uncompressed in the zlib stream, keeping the build
/// fast; but for CJK text, whose every pair of characters is a term, the
/// raw index is about 37% of the text: deflated at the fastest level it is
/// 20% (`relevance.rs` measures both).
const COMPRESS_UP_TO: usize = 256 * 1024;

/// The index file: the payload, in a zlib stream. `dense` for locales
/// whose text is mostly CJK.
pub fn compress(payload: Vec<u8>, dense: bool) -> Vec<u8> {
    if payload.len() <= COMPRESS_UP_TO {
        miniz_oxide::deflate::compress_to_vec_zlib(&payload, 9)
    } else if dense {
        miniz_oxide::deflate::compress_to_vec_zlib(&payload, 1)
    } else {
        zlib::stored(payload)
    }
}

/// The payload of the index file.
pub fn write(pipeline: &Pipeline, pages: &[PageEntry], postings: &Postings) -> Vec<u8> {
    let mut out = Vec::with_capacity(pages.len() * 1024);
    out.extend_from_slice(MAGIC);
    push_varint(&mut out, FORMAT_VERSION);
    push_str(&mut out, pipeline.language);
    push_str(&mut out, pipeline.stemmer.unwrap_or(""));
    push_len(&mut out, pages.len());
    for page in pages {
        push_str(&mut out, &page.url);
        push_str(&mut out, &page.title);
        push_len(&mut out, page.sections.len());
        for (id, heading) in &page.sections {
            push_str(&mut out, id);
            push_str(&mut out, heading);
        }
    }
    push_len(&mut out, postings.terms().count());
    let mut previous: &[u8] = &[];
    let mut list = Vec::new();
    for (index, term) in postings.terms().enumerate() {
        let term = term.as_bytes();
        let shared = term
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count();
        push_len(&mut out, shared);
        push_bytes(&mut out, term.get(shared..).unwrap_or(&[]));
        postings.encode(index, &mut list);
        push_bytes(&mut out, &list);
        previous = term;
    }
    out
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
