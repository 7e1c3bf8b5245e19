// Site search (templates/partials/search.html). The box is hidden until this
// module runs; the head of the page's language's index (assets/search/<lang>/
// index.bin, written by crates/search) and its stemmer are fetched the first
// time the box gets focus or input, never on page load, and then only the
// shards of terms and pages each query needs. Queries go through
// the same pipeline as the indexed text (crates/search/src/analysis.rs):
// runs of letters, Chinese, Japanese and Korean runs apart (runs.rs); NFKC,
// case, accents of Latin, Greek and Cyrillic, German umlaut spellings
// (fold.rs); Snowball stem for words, pairs of characters for CJK runs.
// Stop words are not in the index, so they match nothing and change no
// ranking. Results are built with createElement/textContent only.
//
// Importable without a DOM, so Node tests can use the exports below.

/** Longest query looked at; the input's maxlength says the same. */
export const MAX_QUERY_CHARS = 200;
/** Query terms beyond this many are ignored (a bit each in `search`). */
export const MAX_QUERY_TERMS = 24;
/** Results shown at most. */
export const MAX_RESULTS = 10;
/**
 * What a query may fetch, head included, before its first page is drawn
 * (issue 18: "~200 KB for any locale size"). Beyond it, pieces of rests
 * wait for "More results", and the first page says it is from part of the
 * index. Counted in payload bytes, which a large locale stores as is.
 */
export const FIRST_PAGE_BYTES = 200 * 1024;
/** Rounds of fetching rests before a first page, at most. */
const REST_ROUNDS = 3;
/** The index format this module reads (crates/search/src/format.rs). */
export const FORMAT_VERSION = 5;

// Shared with crates/search: longer words are cut to this many characters.
const MAX_TERM_CHARS = 64;
// A word still being typed also matches up to this many terms it begins,
// the most frequent first.
const MAX_PREFIX_TERMS = 30;
const MIN_PREFIX_CHARS = 2;
const PREFIX_FACTOR = 0.7;
// By posting weight (crates/search/src/collect.rs: body, body repeated,
// heading, title); a title word also counts, less, for the page's sections.
const WEIGHTS = [1, 1.5, 3, 4];
const INHERITED_TITLE_WEIGHT = 1;

const WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const ENDS_IN_WORD = /[\p{Alphabetic}\p{N}\p{M}]$/u;
const DIGIT = /[0-9]/;
const ASCII = /^[\x00-\x7f]*$/;
// Han, kana and Hangul: crates/search/src/runs.rs, `is_cjk`.
const CJK = /[\u{1100}-\u{11ff}\u{2e80}-\u{2fdf}\u{3005}-\u{3007}\u{3021}-\u{3029}\u{3031}-\u{3035}\u{303b}-\u{303c}\u{3040}-\u{30ff}\u{3100}-\u{31ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{a960}-\u{a97f}\u{ac00}-\u{d7ff}\u{f900}-\u{faff}\u{ff66}-\u{ffdc}\u{1b000}-\u{1b16f}\u{20000}-\u{3134f}]/u;
// Latin, Greek and Cyrillic, whose accents fold: crates/search/src/fold.rs.
const ALPHABET = /[\u{0}-\u{24f}\u{370}-\u{52f}\u{1c80}-\u{1c8f}\u{1e00}-\u{1fff}\u{2c60}-\u{2c7f}\u{2de0}-\u{2dff}\u{a640}-\u{a69f}\u{a720}-\u{a7ff}]/u;

/** Stemmers by the name the index gives, as modules next to this one. */
const STEMMERS = {
  dutch: async () => (await import("./vendor/snowball-dutch.js")).stemmer,
  english: async () => (await import("./vendor/porter2.js")).stem,
  french: async () => (await import("./vendor/snowball-french.js")).stemmer,
  german: async () => (await import("./vendor/snowball-german.js")).stemmer,
  italian: async () => (await import("./vendor/snowball-italian.js")).stemmer,
  portuguese: async () => (await import("./vendor/snowball-portuguese.js")).stemmer,
  spanish: async () => (await import("./vendor/snowball-spanish.js")).stemmer,
  swedish: async () => (await import("./vendor/snowball-swedish.js")).stemmer,
};

/**
 * The stemmer each language's index names (crates/search/src/analysis.rs),
 * by language subtag: fetched alongside the head instead of after it, which
 * saves the first query a round trip; the head still decides.
 */
const STEMMER_OF_LANGUAGE = {
  de: "german", en: "english", es: "spanish", fr: "french",
  it: "italian", nl: "dutch", pt: "portuguese", sv: "swedish",
};

/**
 * The stemmer an index asks for; words pass unchanged when it names none.
 * @param {string} name
 * @returns {Promise<(word: string) => string>}
 */
export async function loadStemmer(name) {
  const load = Object.hasOwn(STEMMERS, name) ? STEMMERS[name] : null;
  return load === null ? (word) => word : load();
}

/**
 * The runs of a text as written, each `{ run, cjk }`: words of alphabets,
 * and runs of Chinese, Japanese or Korean characters (runs.rs).
 * @param {string} text
 */
export function splitRuns(text) {
  const runs = [];
  let run = "";
  let cjk = false;
  for (const character of text) {
    if (MARK.test(character)) {
      run += character; // a mark belongs to the run before it, or starts a word
      continue;
    }
    if (!WORD_CHAR.test(character)) {
      if (run !== "") runs.push({ run, cjk });
      run = "";
      cjk = false;
      continue;
    }
    const kind = CJK.test(character);
    if (run !== "" && kind !== cjk) {
      runs.push({ run, cjk });
      run = "";
    }
    if (run === "") cjk = kind;
    run += character;
  }
  if (run !== "") runs.push({ run, cjk });
  return runs;
}

/**
 * Folds a run as the index did (fold.rs): NFKC, lowercase per character,
 * `ß` to `ss` and `ς` to `σ`, accents of Latin, Greek and Cyrillic dropped,
 * and in German `ae`/`oe`/`ue` for `ä`/`ö`/`ü`.
 * @param {string} run
 * @param {boolean} german
 */
export function foldRun(run, german = false) {
  let out = "";
  let afterAlphabet = false;
  for (const character of run.normalize("NFKC")) {
    for (const lower of character.toLowerCase()) {
      if (MARK.test(lower)) {
        if (!afterAlphabet) out += lower;
        continue;
      }
      afterAlphabet = ALPHABET.test(lower);
      if (lower === "ß") out += "ss";
      else if (lower === "ς") out += "σ";
      else if (afterAlphabet && lower > "\x7f") out += lower.normalize("NFD").replace(MARKS, "");
      else out += lower;
    }
  }
  return german ? foldGermanDigraphs(out) : out;
}

const isVowel = (code) => code === 97 || code === 101 || code === 105 || code === 111 || code === 117 || code === 121;

function foldGermanDigraphs(word) {
  let out = "";
  for (let at = 0; at < word.length; at++) {
    const first = word.charCodeAt(at);
    out += word[at];
    const before = at > 0 ? word.charCodeAt(at - 1) : -1;
    if ((first === 97 || first === 111 || first === 117) && word.charCodeAt(at + 1) === 101
      && !isVowel(before) && !(first === 117 && before === 113)) at++;
  }
  return out;
}

/** The unsigned LEB128 number at `at`, and where the next one starts. */
function readVarint(bytes, at, end = bytes.length) {
  let value = 0;
  let scale = 1;
  for (let next = at; ; ) {
    if (next >= end) throw new Error("search index is truncated");
    const byte = bytes[next++];
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return [value, next];
    scale *= 128;
    if (scale > 2 ** 49) throw new Error("search index has an oversized number");
  }
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
    this.decoder = new TextDecoder("utf-8", { fatal: true });
  }

  varint() {
    const [value, next] = readVarint(this.bytes, this.at);
    this.at = next;
    return value;
  }

  /** Skips a length-prefixed string; returns where it starts (its length). */
  skip() {
    const start = this.at;
    const length = this.varint();
    this.at += length;
    if (this.at > this.bytes.length) throw new Error("search index is truncated");
    return start;
  }

  /** The length-prefixed string at `at`. */
  textAt(at) {
    const [length, start] = readVarint(this.bytes, at);
    return this.decode(start, start + length);
  }

  decode(start, end, bytes = this.bytes) {
    // Most terms and ids are short ASCII: skip the decoder's overhead.
    if (end - start <= 64) {
      let ascii = "";
      for (let at = start; at < end; at++) {
        if (bytes[at] >= 0x80) return this.decoder.decode(bytes.subarray(start, end));
        ascii += String.fromCharCode(bytes[at]);
      }
      return ascii;
    }
    return this.decoder.decode(bytes.subarray(start, end));
  }

  string() {
    return this.textAt(this.skip());
  }
}

/**
 * The payload of an index file, which is a zlib stream. A large locale's
 * shards are stored, not deflated (crates/search/src/zlib.rs): they are
 * unwrapped here at once, because DecompressionStream's stream and its
 * task hops cost each file several milliseconds on a slow CPU, ten times
 * the copy; anything else goes through it.
 * @param {Uint8Array} file
 * @returns {Promise<Uint8Array>}
 */
export async function inflateIndex(file) {
  const stored = storedPayload(file);
  if (stored !== null) return stored;
  const inflated = new Blob([file]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

/**
 * The data of a zlib stream (RFC 1950) made only of stored deflate blocks
 * (RFC 1951 §3.2.4), its Adler-32 checked; null for any other stream, or
 * a damaged one, which DecompressionStream then reads or refuses.
 * @param {Uint8Array} file
 */
export function storedPayload(file) {
  // CMF: deflate; FLG: its check bits, no preset dictionary.
  if (file.length < 11 || (file[0] & 0x0f) !== 8 || ((file[0] << 8) | file[1]) % 31 !== 0 || (file[1] & 0x20) !== 0) return null;
  const blocks = [];
  let size = 0;
  let at = 2;
  for (let final = false; !final; ) {
    if (at + 5 > file.length || (file[at] & 0x06) !== 0) return null; // not a stored block
    final = (file[at] & 1) === 1;
    const length = file[at + 1] | (file[at + 2] << 8);
    if ((length ^ (file[at + 3] | (file[at + 4] << 8))) !== 0xffff) return null;
    at += 5;
    if (at + length > file.length) return null;
    blocks.push(file.subarray(at, at + length));
    size += length;
    at += length;
  }
  if (at + 4 !== file.length) return null;
  let data = blocks[0];
  if (blocks.length > 1) {
    data = new Uint8Array(size);
    let offset = 0;
    for (const block of blocks) {
      data.set(block, offset);
      offset += block.length;
    }
  }
  const expected = ((file[at] << 24) | (file[at + 1] << 16) | (file[at + 2] << 8) | file[at + 3]) >>> 0;
  return adler32(data) === expected ? data : null;
}

function adler32(data) {
  let a = 1;
  let b = 0;
  // Reduced every 5,552 bytes, as zlib does (its NMAX), long before a sum
  // could outgrow a double's exact integers.
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(start + 5552, data.length);
    for (let at = start; at < end; at++) {
      a += data[at];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A reader past a file's magic and format number, checked. */
function payload(bytes, magic) {
  const reader = new Reader(bytes);
  if (String.fromCharCode(...bytes.subarray(0, 4)) !== magic) throw new Error("not a search index");
  reader.at = 4;
  const format = reader.varint();
  if (format !== FORMAT_VERSION) {
    throw new Error(`search index format ${format} is not the format ${FORMAT_VERSION} this script reads: the index and www/search.js come from different technote versions; build the site again`);
  }
  return reader;
}

/**
 * Reads an index head (format: crates/search/src/format.rs): the pipeline,
 * each page's sections, and which shard holds which pages and terms.
 * @param {Uint8Array} bytes the inflated `index.bin`
 */
export function parseHead(bytes) {
  const reader = payload(bytes, "TNSI");
  const language = reader.string();
  const stemmer = reader.string();
  const generation = reader.string();
  // Typed arrays: a 50,000-page locale has a quarter of a million sections.
  const pageCount = reader.varint();
  const pageFirstSection = new Uint32Array(pageCount + 1);
  let sections = 0;
  for (let page = 0; page < pageCount; page++) {
    pageFirstSection[page] = sections;
    sections += reader.varint() + 1;
  }
  pageFirstSection[pageCount] = sections;
  const sectionPage = new Uint32Array(sections);
  for (let page = 0; page < pageCount; page++) sectionPage.fill(page, pageFirstSection[page], pageFirstSection[page + 1]);
  const pageShards = [];
  // Shards are named by the generation and their number (format.rs).
  const file = (kind, number) => `${kind}-${generation}-${number}.bin`;
  let firstPage = 0;
  for (let count = reader.varint(), number = 0; number < count; number++) {
    pageShards.push({ first: firstPage, file: file("pages", number) });
    firstPage += reader.varint();
  }
  const termShards = [];
  for (let count = reader.varint(), number = 0; number < count; number++) {
    termShards.push({ first: encoder.encode(reader.string()), file: file("terms", number) });
  }
  const restFiles = [];
  const restSizes = [];
  for (let count = reader.varint(), number = 0; number < count; number++) {
    restFiles.push(file("rest", number));
    restSizes.push(reader.varint());
  }
  const largestPages = reader.varint();
  if (reader.at !== bytes.length) throw new Error("search index has trailing bytes");
  return {
    language, stemmer, sectionPage, pageFirstSection, pageShards, termShards, restFiles, restSizes, largestPages,
    /** Parsed shards by file name, as fetched; and the fetches under way. */
    terms: new Map(), pages: new Map(), rests: new Map(), fetching: new Map(),
    fetchFile: null, scratch: null, headBytes: 0, fetchedBytes: 0,
    /** A query's budget before its first page (a test makes it smaller). */
    firstPageBytes: FIRST_PAGE_BYTES,
  };
}

/**
 * Opens the index whose files `fetchFile(name)` gives, inflated: the head
 * now, shards as queries need them.
 * @param {(name: string) => Promise<Uint8Array>} fetchFile
 */
export async function openIndex(fetchFile) {
  const head = await fetchFile("index.bin");
  const index = parseHead(head);
  index.headBytes = head.length;
  index.fetchFile = async (name) => {
    const bytes = await fetchFile(name);
    index.fetchedBytes += bytes.length;
    return bytes;
  };
  return index;
}

/**
 * A shard of terms: each written out whole (front coding undone) in one
 * buffer, sorted as the index sorts them, found by binary search, and those
 * a prefix begins as one range. None is decoded until needed. Each term
 * has its count of postings, their size, its best postings, and the pieces
 * of the rest of them: `pieceStart[term]` to `pieceStart[term + 1]` in the
 * piece arrays, each with its weight, first section and place.
 */
function parseTermShard(bytes, number) {
  const reader = payload(bytes, "TNST");
  const count = reader.varint();
  let termBytes = new Uint8Array(Math.max(64, bytes.length >> 2));
  const termStart = new Uint32Array(count + 1);
  const postingStart = new Uint32Array(count);
  const postingEnd = new Uint32Array(count);
  const postings = new Uint32Array(count);
  const size = new Uint32Array(count);
  const pieceStart = new Uint32Array(count + 1);
  const pieceWeight = [];
  const pieceFrom = [];
  const pieceShard = [];
  const pieceEntry = [];
  let end = 0;
  for (let term = 0; term < count; term++) {
    const shared = reader.varint();
    const suffix = reader.varint();
    const start = reader.at;
    reader.at += suffix;
    const previous = term === 0 ? 0 : termStart[term - 1];
    if (reader.at > bytes.length || shared > end - previous) throw new Error("search index is truncated");
    if (end + shared + suffix > termBytes.length) {
      const grown = new Uint8Array(Math.max(termBytes.length * 2, end + shared + suffix));
      grown.set(termBytes.subarray(0, end));
      termBytes = grown;
    }
    termStart[term] = end;
    termBytes.copyWithin(end, previous, previous + shared);
    termBytes.set(bytes.subarray(start, reader.at), end + shared);
    end += shared + suffix;
    postings[term] = reader.varint();
    size[term] = reader.varint();
    const length = reader.varint();
    postingStart[term] = reader.at;
    reader.at += length;
    postingEnd[term] = reader.at;
    if (reader.at > bytes.length) throw new Error("search index is truncated");
    pieceStart[term] = pieceWeight.length;
    for (let pieces = reader.varint(); pieces > 0; pieces--) {
      const weight = reader.varint();
      if (weight >= WEIGHTS.length) throw new Error("search index has an unknown weight");
      pieceWeight.push(weight);
      pieceFrom.push(reader.varint());
      pieceShard.push(reader.varint());
      pieceEntry.push(reader.varint());
    }
  }
  pieceStart[count] = pieceWeight.length;
  termStart[count] = end;
  if (reader.at !== bytes.length) throw new Error("search index has trailing bytes");
  return {
    number, reader, bytes, termCount: count, termBytes, termStart, postingStart, postingEnd,
    postings, size, pieceStart, pieceWeight, pieceFrom, pieceShard, pieceEntry,
  };
}

/** A shard of the rest of terms' postings: where each entry's postings are. */
function parseRestShard(bytes) {
  const reader = payload(bytes, "TNSR");
  const count = reader.varint();
  const start = new Uint32Array(count);
  const end = new Uint32Array(count);
  for (let entry = 0; entry < count; entry++) {
    const length = reader.varint();
    start[entry] = reader.at;
    reader.at += length;
    end[entry] = reader.at;
    if (reader.at > bytes.length) throw new Error("search index is truncated");
  }
  if (reader.at !== bytes.length) throw new Error("search index has trailing bytes");
  return { bytes, start, end };
}

/** Piece `piece` of a shard's rests, if fetched: `{ bytes, start, end }`; else null. */
function loadedPiece(index, shard, piece) {
  const rest = index.rests.get(index.restFiles[shard.pieceShard[piece]] ?? "");
  if (rest === undefined) return null;
  const entry = shard.pieceEntry[piece];
  if (entry >= rest.start.length) throw new Error("search index points past its rest");
  return { bytes: rest.bytes, start: rest.start[entry], end: rest.end[entry] };
}

/**
 * The unfetched pieces of the rests of the terms `query` matches, each as
 * `{ file, bytes, most }`: its rest shard, that shard's size, and the most
 * a section could score from it (its weight, the term's rarity and the
 * group's factor).
 */
function unfetchedPieces(index, stem, query) {
  const sectionCount = index.sectionPage.length;
  const pieces = [];
  for (const group of analyzeQuery(index, stem, query)) {
    for (const [term, factor] of candidateTerms(group)) {
      const found = findTerm(index, term);
      if (found === null) continue;
      const { shard, at } = found;
      const idf = Math.log(1 + sectionCount / Math.max(1, shard.postings[at]));
      for (let piece = shard.pieceStart[at]; piece < shard.pieceStart[at + 1]; piece++) {
        const file = index.restFiles[shard.pieceShard[piece]];
        if (file === undefined || index.rests.has(file)) continue;
        const bytes = index.restSizes[shard.pieceShard[piece]];
        pieces.push({ file, bytes, most: WEIGHTS[shard.pieceWeight[piece]] * idf * factor });
      }
    }
  }
  return pieces;
}

/** Fetches the rest shards `files`, at once. */
function fetchRests(index, files) {
  return Promise.all([...files].map((file) => fetchOnce(index, file, (bytes) => index.rests.set(file, parseRestShard(bytes)))));
}

/**
 * Fetches the rest of the postings of every term `query` matches, so that
 * `rank` ranks every section (after `prepareQuery`).
 */
export async function prepareRests(index, stem, query) {
  await fetchRests(index, new Set(unfetchedPieces(index, stem, query).map(({ file }) => file)));
}

/**
 * Fetches up to `budget` bytes of rest shards for `query`, the pieces that
 * could score most first (a section's title or heading before its body):
 * those most likely to hold the first page, and whose bounds, once
 * fetched, drop most. False when nothing was left to fetch within it.
 */
async function prepareHeaviestRests(index, stem, query, budget) {
  const pieces = unfetchedPieces(index, stem, query).sort((a, b) => b.most - a.most);
  const files = new Set();
  let left = budget;
  for (const { file, bytes } of pieces) {
    if (files.has(file)) continue;
    if (bytes > left) break;
    files.add(file);
    left -= bytes;
  }
  if (files.size === 0) return false;
  await fetchRests(index, files);
  return true;
}

/** A group's terms, each with its factor: its exact term, its accented one, then the terms it begins. */
function candidateTerms(group) {
  const factor = group.cjk ? 1 : PREFIX_FACTOR;
  const candidates = [[group.exact, 1], ...group.prefixed.map((term) => [term, factor])];
  if (group.accented !== null) candidates.splice(1, 0, [group.accented, 1]);
  return candidates;
}

/** A shard of pages: each page's url, title and sections, decoded. */
function parsePageShard(bytes) {
  const reader = payload(bytes, "TNSP");
  const first = reader.varint();
  const entries = [];
  for (let count = reader.varint(); count > 0; count--) {
    const url = reader.string();
    const title = reader.string();
    const sections = [];
    for (let listed = reader.varint(); listed > 0; listed--) sections.push({ anchor: reader.string(), heading: reader.string() });
    entries.push({ url, title, sections });
  }
  if (reader.at !== bytes.length) throw new Error("search index has trailing bytes");
  return { first, entries };
}

const encoder = new TextEncoder();

/** `a` against `b`, bytes as the index sorts them. */
function compareBytes(a, aStart, aLength, b) {
  for (let at = 0; at < aLength && at < b.length; at++) {
    const difference = a[aStart + at] - b[at];
    if (difference !== 0) return difference;
  }
  return aLength - b.length;
}

/** The number of the shard that holds `key` if any does: the last whose first term is not after it. */
function shardOf(index, key) {
  let low = 0;
  let high = index.termShards.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const first = index.termShards[middle].first;
    if (compareBytes(first, 0, first.length, key) <= 0) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low - 1);
}

/** The numbers of the shards that may hold terms `key` begins (itself included). */
function shardsBeginning(index, key) {
  const numbers = [];
  for (let number = shardOf(index, key); number < index.termShards.length; number++) {
    const first = index.termShards[number].first;
    const begins = first.length >= key.length && key.every((byte, at) => first[at] === byte);
    if (numbers.length > 0 && !begins) break;
    numbers.push(number);
  }
  return numbers;
}

/** The shard `number` if it is loaded, else null. */
function loadedShard(index, number) {
  const entry = index.termShards[number];
  return entry === undefined ? null : (index.terms.get(entry.file) ?? null);
}

/** The first term of `shard` not before `key`. */
function lowerBound(shard, key) {
  let low = 0;
  let high = shard.termCount;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = shard.termStart[middle];
    if (compareBytes(shard.termBytes, start, shard.termStart[middle + 1] - start, key) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where `term` is among the loaded shards, as `{ shard, at }`, or null.
 * @param {string} term
 */
export function findTerm(index, term) {
  const key = encoder.encode(term);
  const shard = loadedShard(index, shardOf(index, key));
  if (shard === null) return null;
  const at = lowerBound(shard, key);
  if (at >= shard.termCount) return null;
  const start = shard.termStart[at];
  return compareBytes(shard.termBytes, start, shard.termStart[at + 1] - start, key) === 0 ? { shard, at } : null;
}

/** The loaded terms `prefix` begins, itself included, in index order. */
function termsBeginning(index, prefix) {
  const key = encoder.encode(prefix);
  const found = [];
  for (const number of shardsBeginning(index, key)) {
    const shard = loadedShard(index, number);
    if (shard === null) continue;
    for (let at = lowerBound(shard, key); at < shard.termCount; at++) {
      const start = shard.termStart[at];
      if (shard.termStart[at + 1] - start < key.length) break;
      if (!key.every((byte, offset) => shard.termBytes[start + offset] === byte)) break;
      found.push({ shard, at });
    }
  }
  return found;
}

/** The text of the term at `{ shard, at }`. */
export function termText({ shard, at }) {
  return shard.reader.decode(shard.termStart[at], shard.termStart[at + 1], shard.termBytes);
}

/**
 * Fetches the term shards `query` needs (those holding its words and the
 * terms its words being typed begin), so that `analyzeQuery` and the
 * ranking find them.
 */
export async function prepareQuery(index, stem, query) {
  const wanted = new Set();
  const want = (term, prefix) => {
    const key = encoder.encode(term);
    for (const number of prefix ? shardsBeginning(index, key) : [shardOf(index, key)]) {
      const entry = index.termShards[number];
      if (entry !== undefined && !index.terms.has(entry.file)) wanted.add(number);
    }
  };
  const text = String(query).slice(0, MAX_QUERY_CHARS);
  const german = index.language.split("-")[0].toLowerCase() === "de";
  const runs = splitRuns(text);
  runs.forEach(({ run, cjk }) => {
    const folded = foldRun(run, german);
    if (folded !== "") want(folded, true);
    if (!cjk) {
      const exact = DIGIT.test(folded) ? folded : stem(folded);
      want(exact, false);
      const accented = index.stemmer === "" ? null : accentedTerm(run, folded, exact, stem, german);
      if (accented !== null) want(accented, false);
    } else {
      const characters = [...folded];
      for (let at = 0; at + 1 < characters.length; at++) want(characters[at] + characters[at + 1], false);
    }
  });
  await Promise.all([...wanted].map((number) => {
    const { file } = index.termShards[number];
    return fetchOnce(index, file, (bytes) => index.terms.set(file, parseTermShard(bytes, number)));
  }));
}

/**
 * Fetches `file` and hands it to `keep`, once however many queries typed
 * meanwhile ask for it; a failed fetch is tried again by the next query.
 */
function fetchOnce(index, file, keep) {
  let pending = index.fetching.get(file);
  if (pending === undefined) {
    pending = index.fetchFile(file).then(keep, (error) => {
      index.fetching.delete(file);
      throw error;
    });
    index.fetching.set(file, pending);
  }
  return pending;
}

/** Fetches the page shards that describe `sections`. */
async function preparePages(index, sections) {
  const files = new Set();
  for (const section of sections) {
    const page = index.sectionPage[section];
    const shard = pageShardOf(index, page);
    if (shard !== undefined && !index.pages.has(shard.file)) files.add(shard.file);
  }
  await Promise.all([...files].map((file) => fetchOnce(index, file, (bytes) => index.pages.set(file, parsePageShard(bytes)))));
}

/** The entry of the head naming the shard that holds `page`. */
function pageShardOf(index, page) {
  let low = 0;
  let high = index.pageShards.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.pageShards[middle].first <= page) low = middle + 1;
    else high = middle;
  }
  return index.pageShards[low - 1];
}

/**
 * The query's terms: each with the terms it matches. A word is its stem; a
 * CJK run is its pairs of neighbours, and a single character the pairs it
 * begins (the index holds each pair, and the last character of each run).
 * A word still being typed, the query's last, also matches the terms it
 * begins, for less.
 * A word whose accents change its stem also looks for its accented term.
 * @returns {{ exact: string, accented: string | null, prefixed: string[], cjk: boolean }[]}
 */
export function analyzeQuery(index, stem, query) {
  const text = String(query).slice(0, MAX_QUERY_CHARS);
  const runs = splitRuns(text);
  const typing = ENDS_IN_WORD.test(text);
  const german = index.language.split("-")[0].toLowerCase() === "de";
  const groups = [];
  const seen = new Set();
  const add = (exact, prefixed, cjk, accented = null) => {
    const key = `${exact}\u0000${accented}\u0000${prefixed.join("\u0000")}`;
    if (seen.has(key) || groups.length === MAX_QUERY_TERMS) return;
    seen.add(key);
    groups.push({ exact, accented, prefixed, cjk });
  };
  runs.forEach(({ run, cjk }, position) => {
    const folded = foldRun(run, german);
    const characters = [...folded];
    if (characters.length === 0) return;
    if (cjk) {
      if (characters.length === 1) {
        const pairs = termsBeginning(index, folded).map((ref) => termText(ref)).filter((term) => term !== folded);
        add(folded, pairs, true);
      }
      for (let at = 0; at + 1 < characters.length; at++) add(characters[at] + characters[at + 1], [], true);
      return;
    }
    if (characters.length > MAX_TERM_CHARS) {
      add(characters.slice(0, MAX_TERM_CHARS).join(""), [], false);
      return;
    }
    const exact = DIGIT.test(folded) ? folded : stem(folded);
    const last = typing && position === runs.length - 1;
    const prefixed = last && characters.length >= MIN_PREFIX_CHARS ? prefixTerms(index, folded, exact) : [];
    add(exact, prefixed, false, index.stemmer === "" ? null : accentedTerm(run, folded, exact, stem, german));
  });
  return groups;
}

/**
 * A word's second term when its accents change its stem (analysis.rs,
 * `accented_term`): the stem of the word lowercased, accents kept, folded.
 */
function accentedTerm(run, folded, exact, stem, german) {
  if (ASCII.test(run) || DIGIT.test(folded)) return null;
  let lower = "";
  for (const character of run.normalize("NFKC")) lower += character.toLowerCase();
  const accented = foldRun(stem(lower), german);
  return accented === "" || accented === exact ? null : accented;
}

/** Up to MAX_PREFIX_TERMS terms that `prefix` begins, the most posted first. */
function prefixTerms(index, prefix, exact) {
  const found = termsBeginning(index, prefix).filter((ref) => termText(ref) !== exact);
  const size = ({ shard, at }) => shard.size[at];
  const order = (a, b) => a.shard.number - b.shard.number || a.at - b.at;
  found.sort((a, b) => size(b) - size(a) || order(a, b));
  return found.slice(0, MAX_PREFIX_TERMS).map(termText);
}

/** Per-section work arrays, allocated once per index and kept clean. */
function scratch(index) {
  const count = index.sectionPage.length;
  index.scratch ??= {
    score: new Float64Array(count),
    groupScore: new Float64Array(count),
    direct: new Uint32Array(count),
  };
  return index.scratch;
}

/**
 * Ranked sections for a query whose shards are loaded (`prepareQuery`):
 * those matching the most query words (all of them when possible), best
 * score first, at most `limit`, and how many there are.
 *
 * Terms whose rest is not fetched (`prepareRests`) are ranked by their best
 * postings, and the rest's bound says what it could add: `exact` is true
 * when no section of the rest could change the matched words or enter the
 * `top` (it is then the full ranking's first `limit`); `complete` when
 * nothing is left out, so that `total` counts every match (else it counts
 * those found so far).
 * @returns {{ total: number, top: number[], exact: boolean, complete: boolean }}
 */
export function rank(index, stem, query, limit = MAX_RESULTS) {
  const groups = analyzeQuery(index, stem, query);
  if (groups.length === 0) return { total: 0, top: [], exact: true, complete: true };
  const { score, groupScore, direct } = scratch(index);
  const sectionCount = index.sectionPage.length;
  const hits = []; // sections with a direct match, each once
  const titled = groups.map(() => new Map()); // per group: page -> inherited score
  const seen = groups.map(() => new Map()); // per group: section -> direct score
  // Per group: the most a posting of an unfetched rest could score, and
  // the first section that could score it (rests follow the best postings
  // by weight, then section).
  const bound = groups.map(() => 0);
  const boundFrom = groups.map(() => Infinity);
  const scoreList = (bytes, start, end, number, idf, factor, touched) => {
    let section = 0;
    for (let at = start; at < end; ) {
      const [value, next] = readVarint(bytes, at, end);
      at = next;
      section += Math.floor(value / 4);
      if (section >= sectionCount) throw new Error("search index points past its sections");
      const weight = value % 4;
      const points = WEIGHTS[weight] * idf * factor;
      if (groupScore[section] === 0) touched.push(section);
      if (points > groupScore[section]) groupScore[section] = points;
      if (weight === 3) {
        const page = index.sectionPage[section];
        const inherited = INHERITED_TITLE_WEIGHT * idf * factor;
        if (inherited > (titled[number].get(page) ?? 0)) titled[number].set(page, inherited);
      }
    }
  };
  groups.forEach((group, number) => {
    const touched = [];
    for (const [term, factor] of candidateTerms(group)) {
      const found = findTerm(index, term);
      if (found === null) continue;
      const { shard, at: position } = found;
      // The count of postings, for the term's rarity, before scoring them.
      const idf = Math.log(1 + sectionCount / Math.max(1, shard.postings[position]));
      scoreList(shard.bytes, shard.postingStart[position], shard.postingEnd[position], number, idf, factor, touched);
      for (let piece = shard.pieceStart[position]; piece < shard.pieceStart[position + 1]; piece++) {
        const rest = loadedPiece(index, shard, piece);
        if (rest !== null) {
          scoreList(rest.bytes, rest.start, rest.end, number, idf, factor, touched);
          continue;
        }
        // A piece's postings all have its weight, from its first section on.
        const most = WEIGHTS[shard.pieceWeight[piece]] * idf * factor;
        if (most > bound[number]) {
          bound[number] = most;
          boundFrom[number] = shard.pieceFrom[piece];
        } else if (most === bound[number]) {
          boundFrom[number] = Math.min(boundFrom[number], shard.pieceFrom[piece]);
        }
      }
    }
    for (const section of touched) {
      if (direct[section] === 0) hits.push(section);
      direct[section] |= 1 << number;
      score[section] += groupScore[section];
      seen[number].set(section, groupScore[section]);
      groupScore[section] = 0;
    }
  });
  const complete = bound.every((most) => most === 0);
  // Per hit: matched words (title words of its page included), whether
  // its score is final, the most it could match and score with the rests.
  const matched = [];
  const final = [];
  const reach = [];
  const ceiling = [];
  const below = []; // whether it scores less than its ceiling, for sure

  for (const section of hits) {
    const page = index.sectionPage[section];
    let count = 0;
    let settled = true;
    let possible = 0;
    let most = 0;
    let under = false;
    groups.forEach((_, number) => {
      const inherited = titled[number].get(page);
      const own = seen[number].get(section) ?? 0;
      if (direct[section] & (1 << number)) count++;
      else if (inherited !== undefined) {
        count++;
        score[section] += inherited;
      } else if (bound[number] > 0) possible++;
      if (bound[number] > 0 && own < bound[number]) settled = false;
      most += Math.max(own, inherited ?? 0, bound[number]);
      // A rest's postings of its best weight are not before its first one:
      // a section before it gets less from the rest than the bound.
      if (bound[number] > Math.max(own, inherited ?? 0) && section < boundFrom[number]) under = true;
    });
    matched.push(count);
    final.push(settled);
    reach.push(count + possible);
    ceiling.push(most);
    below.push(under);
  }
  const most = matched.reduce((best, count) => Math.max(best, count), 0);
  const better = (a, b) => score[a] > score[b] || (score[a] === score[b] && a < b);
  const top = []; // best `limit` sections, best first
  let total = 0;
  hits.forEach((section, position) => {
    if (matched[position] !== most) return;
    total++;
    if (top.length === limit && !better(section, top[top.length - 1])) return;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && better(section, top[at - 1])) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = section;
  });
  const exact = complete || provedExact(index, {
    groups, hits, top, limit, most, matched, final, reach, ceiling, below, score, bound, boundFrom, titled,
  });
  for (const section of hits) {
    score[section] = 0;
    direct[section] = 0;
  }
  // Proven with room left in `top`: no other section matches as many words.
  return { total, top, exact, complete: complete || (exact && top.length < limit) };
}

/**
 * Whether sections of unfetched rests could not change `top`: each of its
 * sections has its final score and matches every word it could, and no
 * other section, seen or not, could match more words or score above the
 * last of `top` (or as much, placed before it).
 */
function provedExact(index, ranking) {
  const { groups, hits, top, limit, most, matched, final, reach, ceiling, below, score, bound, boundFrom, titled } = ranking;
  const inTop = new Set(top);
  const last = top[top.length - 1];
  const full = top.length === limit;
  const outranks = (most, section) => most > score[last] || (most === score[last] && section < last);
  for (let position = 0; position < hits.length; position++) {
    const section = hits[position];
    if (reach[position] > most) return false;
    if (inTop.has(section)) {
      if (!final[position] || reach[position] !== matched[position]) return false;
    } else if (reach[position] === most && (!full || outranks(ceiling[position], section) && !(below[position] && ceiling[position] === score[last]))) return false;
  }
  // A section no best posting names is a hit only through a rest.
  if (bound.every((most) => most === 0)) return true;
  let reachUnseen = 0;
  let ceilingUnseen = 0;
  let firstUnseen = 0; // the first section that could reach that ceiling
  groups.forEach((_, number) => {
    let inherited = 0;
    for (const value of titled[number].values()) inherited = Math.max(inherited, value);
    if (bound[number] > 0 || inherited > 0) reachUnseen++;
    ceilingUnseen += Math.max(bound[number], inherited);
    if (bound[number] > inherited) firstUnseen = Math.max(firstUnseen, boundFrom[number]);
  });
  if (reachUnseen > most) return false;
  if (reachUnseen < most) return true;
  return full && !outranks(ceilingUnseen, firstUnseen);
}

/**
 * The best sections for a query, fetching the shards it needs: each
 * term's best postings, then pieces of the rests, heaviest first, only
 * while they cannot tell the first `limit` and the query has fetched less
 * than FIRST_PAGE_BYTES (or all of them when `everything` is asked, for
 * more results).
 * `complete` is false when rests were left out: `total` then counts the
 * matches found so far, and more results may follow. `exact` is false when
 * the budget ran out before the first `limit` were proven: they are the
 * best of the part of the index fetched.
 * A query typed further meanwhile (`current()` false) is not ranked
 * and fetches no more rests or pages: its results would be dropped, so it
 * gets none.
 * @param {string} basePath the site's base path, e.g. "/" or "/docs/"
 * @param {() => boolean} current whether the query is still the reader's
 * @returns {Promise<{ total: number, complete: boolean, exact: boolean, results: { href: string, title: string, heading: string }[] }>}
 */
export async function search(index, stem, query, basePath = "/", limit = MAX_RESULTS, everything = false, current = () => true) {
  const before = index.fetchedBytes;
  await prepareQuery(index, stem, query);
  if (everything) await prepareRests(index, stem, query);
  // Typed further while its shards came: ranking it would only hold up
  // the query that overtook it.
  if (!current()) return { total: 0, complete: false, exact: false, results: [] };
  let ranking = rank(index, stem, query, limit);
  for (let round = 0; !ranking.exact && round < REST_ROUNDS && current(); round++) {
    // Room is kept for the page shards of the first page, whichever it becomes.
    const budget = index.firstPageBytes - index.headBytes - limit * index.largestPages - (index.fetchedBytes - before);
    if (!(await prepareHeaviestRests(index, stem, query, budget))) break;
    ranking = rank(index, stem, query, limit);
  }
  const { total, top, complete, exact } = ranking;
  if (!current()) return { total, complete, exact, results: [] };
  await preparePages(index, top);
  return { total, complete, exact, results: top.map((section) => describe(index, section, basePath)) };
}

function describe(index, section, basePath) {
  const page = index.sectionPage[section];
  const shard = index.pages.get(pageShardOf(index, page)?.file ?? "");
  const entry = shard?.entries[page - shard.first];
  if (entry === undefined) throw new Error("search index points past its pages");
  const url = basePath + entry.url;
  const listed = entry.sections[section - index.pageFirstSection[page] - 1];
  if (listed === undefined) return { href: url, title: entry.title, heading: "" };
  return { href: `${url}#${encodeURIComponent(listed.anchor)}`, title: entry.title, heading: listed.heading };
}

// By locale: making one costs a few milliseconds (more on a slow phone),
// which a status line must not add to every query.
const numberFormats = new Map();
const pluralRules = new Map();

function intl(made, Kind, locale) {
  let one = made.get(locale);
  if (one === undefined) {
    one = new Kind(locale || undefined);
    made.set(locale, one);
  }
  return one;
}

/**
 * A status message template with its `{count}`/`{shown}` placeholders filled.
 * @param {string} template
 * @param {Record<string, number>} numbers
 * @param {string} locale
 */
export function fillCount(template, numbers, locale) {
  const format = intl(numberFormats, Intl.NumberFormat, locale);
  return template.replace(/\{(count|shown)\}/g, (_, name) => format.format(numbers[name] ?? 0));
}

/**
 * The form of a message for `count`, as Fluent would select it: an exact
 * number variant (`=0`), else the language's plural category, else `other`.
 * @param {Record<string, string> | undefined} forms from a *-forms attribute
 * @param {number} count
 * @param {string} locale
 * @returns {string | undefined}
 */
export function pluralForm(forms, count, locale) {
  if (forms === undefined) return undefined;
  const category = intl(pluralRules, Intl.PluralRules, locale).select(count);
  return forms[`=${count}`] ?? forms[category] ?? forms.other;
}

/**
 * The status line for a search's outcome, from the box's data-* messages;
 * `complete` false when more results may follow than `total` counts.
 */
export function statusText(messages, total, shown, locale, complete = true, exact = true) {
  if (!exact) return fillCount(messages.nearest, { shown }, locale);
  if (!complete) return fillCount(messages.best, { shown }, locale);
  if (total === 0) return messages.none;
  if (total === 1) return messages.one;
  const [text, forms] = total > shown ? [messages.capped, messages.cappedForms] : [messages.many, messages.manyForms];
  return fillCount(pluralForm(forms, total, locale) ?? text, { count: total, shown }, locale);
}

/** A *-forms attribute's object, or undefined when it is absent or broken. */
function parseForms(json) {
  try {
    return json === undefined ? undefined : JSON.parse(json);
  } catch {
    return undefined;
  }
}

function renderResults(list, results) {
  const items = results.map(({ href, title, heading }) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = href;
    link.textContent = heading || title;
    item.append(link);
    if (heading) {
      const page = document.createElement("span");
      page.className = "search-result-page";
      page.textContent = title;
      item.append(" ", page);
    }
    return item;
  });
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
}

function enhance(box) {
  const input = box.querySelector("input");
  const status = box.querySelector("[role=status]");
  const list = box.querySelector("ol");
  const more = box.querySelector("button.search-more");
  const panel = box.querySelector(".search-panel");
  if (input === null || status === null || list === null || more === null || panel === null) return;
  const show = (results, hasMore) => {
    renderResults(list, results);
    more.hidden = !hasMore;
    panel.hidden = list.hidden;
  };
  const data = box.dataset;
  const messages = {
    loading: data.loadingText ?? "",
    error: data.errorText ?? "",
    none: data.noneText ?? "",
    one: data.oneText ?? "",
    many: data.manyText ?? "",
    capped: data.cappedText ?? "",
    best: data.bestText ?? "",
    nearest: data.nearestText ?? "",
    manyForms: parseForms(data.manyForms),
    cappedForms: parseForms(data.cappedForms),
  };
  const locale = document.documentElement.lang;
  let engine = null;
  const load = () => {
    engine ??= (async () => {
      // The head's address names the folder of its shards.
      const folder = new URL(data.index ?? "", document.baseURI);
      const fetchFile = async (name) => {
        const response = await fetch(new URL(name, folder), { credentials: "same-origin" });
        if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
        return inflateIndex(new Uint8Array(await response.arrayBuffer()));
      };
      const expected = STEMMER_OF_LANGUAGE[locale.split("-")[0].toLowerCase()] ?? "";
      const early = loadStemmer(expected);
      early.catch(() => {}); // awaited below only if the head names it
      const index = await openIndex(fetchFile);
      const stem = index.stemmer === expected ? await early : await loadStemmer(index.stemmer);
      return { index, stem };
    })();
    return engine;
  };
  // The status is announced politely once typing pauses, not per keystroke,
  // and worded only then (`text` may be a function): the results are drawn
  // first.
  let announce = 0;
  const say = (text, delay) => {
    clearTimeout(announce);
    announce = setTimeout(() => { status.textContent = typeof text === "function" ? text() : text; }, delay);
  };
  let latest = 0;
  let limit = MAX_RESULTS;
  // `further`: the reader asked for more results of the same query.
  const update = async (further = false) => {
    const query = input.value.slice(0, MAX_QUERY_CHARS);
    const run = ++latest;
    limit = further ? limit + MAX_RESULTS : MAX_RESULTS;
    if (query.trim() === "") {
      show([], false);
      say("", 0);
      return;
    }
    let ready;
    try {
      say(messages.loading, 800);
      ready = await load();
    } catch {
      engine = null; // a later keystroke tries again
      if (run === latest) say(messages.error, 0);
      return;
    }
    if (run !== latest) return;
    let outcome;
    try {
      outcome = await search(ready.index, ready.stem, query, data.base ?? "/", limit, further, () => run === latest);
    } catch {
      if (run !== latest) return;
      show([], false);
      say(messages.error, 0);
      return;
    }
    if (run !== latest) return;
    const shown = list.querySelectorAll("a").length;
    const { total, complete, exact, results } = outcome;
    show(results, !complete || total > results.length);
    // After "more results", the first new one takes the focus, as a
    // keyboard reader would go on from there; the status says how many.
    if (further) links()[shown]?.focus();
    say(() => statusText(messages, total, results.length, locale, complete, exact), further ? 0 : 500);
  };
  const links = () => [...list.querySelectorAll("a")];
  const clear = () => {
    input.value = "";
    update();
    input.focus();
  };
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", () => update());
  more.addEventListener("click", () => update(true));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && links().length > 0) {
      event.preventDefault();
      links()[0].focus();
    } else if (event.key === "Enter" && links().length > 0) {
      event.preventDefault();
      links()[0].click();
    } else if (event.key === "Escape" && input.value !== "") {
      event.preventDefault();
      clear();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const current = all.indexOf(document.activeElement);
    if (current < 0) return;
    const moves = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: all.length - 1 };
    if (event.key === "Escape") {
      event.preventDefault();
      clear();
    } else if (event.key in moves) {
      event.preventDefault();
      const next = moves[event.key];
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)].focus();
    }
  });
  box.hidden = false;
}

// Browsers that cannot inflate the index keep the box hidden, as without JavaScript.
if (typeof document !== "undefined" && typeof DecompressionStream === "function") {
  document.querySelectorAll("[data-search]").forEach(enhance);
}
