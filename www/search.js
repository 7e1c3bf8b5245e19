// Site search (templates/partials/search.html). The box is hidden until this
// module runs; the index of the page's language (assets/search/<lang>/
// index.bin, written by crates/search) and its stemmer are fetched the first
// time the box gets focus or input, never on page load. Queries go through
// the same pipeline as the indexed text (see crates/search/src/analysis.rs):
// words, lowercase per character, accents dropped, Snowball stem. Stop words
// are not in the index, so they match nothing and change no ranking.
// Results are built with createElement/textContent only.
//
// Importable without a DOM, so Node tests can use the exports below.

/** Longest query looked at; the input's maxlength says the same. */
export const MAX_QUERY_CHARS = 200;
/** Query words beyond this many are ignored. */
export const MAX_QUERY_WORDS = 16;
/** Results shown at most. */
export const MAX_RESULTS = 10;

// Shared with crates/search: longer words are not indexed.
const MAX_TERM_CHARS = 40;
// A word still being typed also matches this many terms it begins.
const MAX_PREFIX_TERMS = 30;
const MIN_PREFIX_CHARS = 3;
const PREFIX_FACTOR = 0.7;
// By posting weight (crates/search/src/collect.rs: body, body repeated,
// heading, title); a title word also counts, less, for the page's sections.
const WEIGHTS = [1, 1.5, 3, 4];
const INHERITED_TITLE_WEIGHT = 1;

const WORD = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
const ENDS_IN_WORD = /[\p{Alphabetic}\p{N}\p{M}]$/u;
const MARKS = /\p{M}/gu;
const DIGIT = /[0-9]/;

/** Stemmers by the name the index gives, as modules next to this one. */
const STEMMERS = {
  french: async () => (await import("./vendor/snowball-french.js")).stemmer,
  english: async () => (await import("./vendor/porter2.js")).stem,
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
 * Lowercases each character on its own and drops accents, as the index did.
 * @param {string} word
 */
export function normalizeWord(word) {
  let lower = "";
  for (const character of word) lower += character.toLowerCase();
  return lower.normalize("NFD").replace(MARKS, "");
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

  /** Where the string after the length-prefixed one at `at` starts. */
  skipFrom(at) {
    const [length, start] = readVarint(this.bytes, at);
    return start + length;
  }

  /** The length-prefixed string at `at`. */
  textAt(at) {
    const [length, start] = readVarint(this.bytes, at);
    return this.decode(start, start + length);
  }

  decode(start, end) {
    const bytes = this.bytes;
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
 * The payload of an index file, which is a zlib stream.
 * @param {ReadableStream<Uint8Array> | Uint8Array} file
 * @returns {Promise<Uint8Array>}
 */
export async function inflateIndex(file) {
  const stream = file instanceof Uint8Array ? new Blob([file]).stream() : file;
  const inflated = stream.pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(inflated).arrayBuffer());
}

/**
 * Reads an index payload (format: crates/search/src/format.rs). Page and
 * section texts stay bytes until a result shows them.
 * @param {Uint8Array} bytes
 */
export function parseIndex(bytes) {
  const reader = new Reader(bytes);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== "TNSI") throw new Error("not a search index");
  reader.at = 4;
  const format = reader.varint();
  if (format !== 1) throw new Error(`search index format ${format} is not supported`);
  const language = reader.string();
  const stemmer = reader.string();
  // Where each page's url (its title follows) and each section's anchor
  // (its heading follows) are; -1 for intro sections, which link to the page.
  const pageAt = [];
  const sectionPage = [];
  const sectionAt = [];
  for (let count = reader.varint(); count > 0; count--) {
    const page = pageAt.length;
    pageAt.push(reader.skip());
    reader.skip();
    sectionPage.push(page);
    sectionAt.push(-1);
    for (let listed = reader.varint(); listed > 0; listed--) {
      sectionPage.push(page);
      sectionAt.push(reader.skip());
      reader.skip();
    }
  }
  const terms = [];
  const postingStart = [];
  const postingEnd = [];
  const byTerm = new Map();
  let previous = "";
  for (let count = reader.varint(); count > 0; count--) {
    const shared = reader.varint();
    const suffix = reader.varint();
    const start = reader.at;
    reader.at += suffix;
    if (reader.at > bytes.length) throw new Error("search index is truncated");
    // Front coding shares bytes; ASCII terms share characters alike.
    const text = /^[\x00-\x7f]*$/.test(previous) && shared <= previous.length
      ? previous.slice(0, shared) + reader.decode(start, reader.at)
      : sharedText(reader, bytes, previous, shared, start, reader.at);
    byTerm.set(text, terms.length);
    terms.push(text);
    const length = reader.varint();
    postingStart.push(reader.at);
    reader.at += length;
    postingEnd.push(reader.at);
    if (reader.at > bytes.length) throw new Error("search index is truncated");
    previous = text;
  }
  if (reader.at !== bytes.length) throw new Error("search index has trailing bytes");
  return {
    reader, language, stemmer, pageAt, sectionPage, sectionAt,
    terms, postingStart, postingEnd, byTerm, scratch: null,
  };
}

/** A front-coded term whose shared prefix is not plain ASCII. */
function sharedText(reader, bytes, previous, shared, start, end) {
  const previousBytes = new TextEncoder().encode(previous);
  const term = new Uint8Array(shared + end - start);
  term.set(previousBytes.subarray(0, shared));
  term.set(bytes.subarray(start, end), shared);
  return reader.decoder.decode(term);
}

/**
 * The query's words as index terms: each word with the terms it matches.
 * @returns {{ exact: string | null, prefixed: string[] }[]}
 */
export function analyzeQuery(index, stem, query) {
  const text = String(query).slice(0, MAX_QUERY_CHARS);
  const words = (text.match(WORD) ?? []).slice(0, MAX_QUERY_WORDS);
  const typing = ENDS_IN_WORD.test(text);
  const groups = [];
  const seen = new Set();
  words.forEach((word, position) => {
    const normalized = normalizeWord(word);
    if (normalized === "" || [...normalized].length > MAX_TERM_CHARS) return;
    const exact = DIGIT.test(normalized) ? normalized : stem(normalized);
    const prefixed = [];
    if (typing && position === words.length - 1 && normalized.length >= MIN_PREFIX_CHARS) {
      for (const term of index.terms) {
        if (term !== exact && term.startsWith(normalized)) prefixed.push(term);
        if (prefixed.length === MAX_PREFIX_TERMS) break;
      }
    }
    const key = `${exact}\u0000${prefixed.join("\u0000")}`;
    if (seen.has(key)) return;
    seen.add(key);
    groups.push({ exact, prefixed });
  });
  return groups;
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
 * Ranked sections for a query: those matching the most query words (all of
 * them when possible), best score first.
 * @param {string} basePath the site's base path, e.g. "/" or "/docs/"
 * @returns {{ total: number, results: { href: string, title: string, heading: string }[] }}
 */
export function search(index, stem, query, basePath = "/", limit = MAX_RESULTS) {
  const groups = analyzeQuery(index, stem, query);
  if (groups.length === 0) return { total: 0, results: [] };
  const { score, groupScore, direct } = scratch(index);
  const sectionCount = index.sectionPage.length;
  const bytes = index.reader.bytes;
  const hits = []; // sections with a direct match, each once
  const titled = groups.map(() => new Map()); // per group: page -> inherited score
  groups.forEach((group, number) => {
    const touched = [];
    const candidates = [[group.exact, 1], ...group.prefixed.map((term) => [term, PREFIX_FACTOR])];
    for (const [term, factor] of candidates) {
      const position = index.byTerm.get(term);
      if (position === undefined) continue;
      const start = index.postingStart[position];
      const end = index.postingEnd[position];
      // The count of postings, for the term's rarity, before scoring them.
      let postings = 0;
      for (let at = start; at < end; at++) if (bytes[at] < 0x80) postings++;
      const idf = Math.log(1 + sectionCount / Math.max(1, postings));
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
    }
    for (const section of touched) {
      if (direct[section] === 0) hits.push(section);
      direct[section] |= 1 << number;
      score[section] += groupScore[section];
      groupScore[section] = 0;
    }
  });
  // Matched words per hit, title words of its page included.
  const matched = hits.map((section) => {
    const page = index.sectionPage[section];
    let count = 0;
    groups.forEach((_, number) => {
      if (direct[section] & (1 << number)) count++;
      else {
        const inherited = titled[number].get(page);
        if (inherited !== undefined) {
          count++;
          score[section] += inherited;
        }
      }
    });
    return count;
  });
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
  const results = top.map((section) => describe(index, section, basePath));
  for (const section of hits) {
    score[section] = 0;
    direct[section] = 0;
  }
  return { total, results };
}

function describe(index, section, basePath) {
  const reader = index.reader;
  const pageAt = index.pageAt[index.sectionPage[section]];
  const url = basePath + reader.textAt(pageAt);
  const title = reader.textAt(reader.skipFrom(pageAt));
  const anchorAt = index.sectionAt[section];
  if (anchorAt < 0) return { href: url, title, heading: "" };
  const anchor = reader.textAt(anchorAt);
  const heading = reader.textAt(reader.skipFrom(anchorAt));
  return { href: `${url}#${encodeURIComponent(anchor)}`, title, heading };
}

/**
 * A status message template with its `{count}`/`{shown}` placeholders filled.
 * @param {string} template
 * @param {Record<string, number>} numbers
 * @param {string} locale
 */
export function fillCount(template, numbers, locale) {
  const format = new Intl.NumberFormat(locale || undefined);
  return template.replace(/\{(count|shown)\}/g, (_, name) => format.format(numbers[name] ?? 0));
}

/** The status line for a search's outcome, from the box's data-* messages. */
export function statusText(messages, total, shown, locale) {
  if (total === 0) return messages.none;
  if (total === 1) return messages.one;
  return fillCount(total > shown ? messages.capped : messages.many, { count: total, shown }, locale);
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
  if (input === null || status === null || list === null) return;
  const data = box.dataset;
  const messages = {
    loading: data.loadingText ?? "",
    error: data.errorText ?? "",
    none: data.noneText ?? "",
    one: data.oneText ?? "",
    many: data.manyText ?? "",
    capped: data.cappedText ?? "",
  };
  const locale = document.documentElement.lang;
  let engine = null;
  const load = () => {
    engine ??= (async () => {
      const response = await fetch(data.index ?? "", { credentials: "same-origin" });
      if (!response.ok || response.body === null) throw new Error(`search index: HTTP ${response.status}`);
      const index = parseIndex(await inflateIndex(response.body));
      return { index, stem: await loadStemmer(index.stemmer) };
    })();
    return engine;
  };
  // The status is announced politely once typing pauses, not per keystroke.
  let announce = 0;
  const say = (text, delay) => {
    clearTimeout(announce);
    announce = setTimeout(() => { status.textContent = text; }, delay);
  };
  let latest = 0;
  const update = async () => {
    const query = input.value.slice(0, MAX_QUERY_CHARS);
    const run = ++latest;
    if (query.trim() === "") {
      renderResults(list, []);
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
      outcome = search(ready.index, ready.stem, query, data.base ?? "/");
    } catch {
      renderResults(list, []);
      say(messages.error, 0);
      return;
    }
    renderResults(list, outcome.results);
    say(statusText(messages, outcome.total, outcome.results.length, locale), 500);
  };
  const links = () => [...list.querySelectorAll("a")];
  const clear = () => {
    input.value = "";
    update();
    input.focus();
  };
  input.addEventListener("focus", () => { load().catch(() => {}); }, { once: true });
  input.addEventListener("input", update);
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
