// Site search (templates/partials/search.html). The box is hidden until this
// module runs; the index of the page's language (assets/search/<lang>/
// index.bin, written by crates/search) and its stemmer are fetched the first
// time the box gets focus or input, never on page load. Queries go through
// the same pipeline as the indexed text (see crates/search/src/analysis.rs):
// words, lowercase per character, accents dropped, stop words dropped,
// Snowball stem. Results are built with createElement/textContent only.
//
// Importable without a DOM, so Node tests can use the exports below.

/** Longest query looked at; the input's maxlength says the same. */
export const MAX_QUERY_CHARS = 200;
/** Query words beyond this many are ignored. */
export const MAX_QUERY_WORDS = 12;
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

  /** Skips a length-prefixed string; returns where its bytes are. */
  span() {
    const length = this.varint();
    const start = this.at;
    this.at += length;
    if (this.at > this.bytes.length) throw new Error("search index is truncated");
    return [start, this.at];
  }

  text([start, end]) {
    return this.decoder.decode(this.bytes.subarray(start, end));
  }

  string() {
    return this.text(this.span());
  }
}

/**
 * Reads an index file (format: crates/search/src/format.rs). Page and
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
  const stopWords = new Set();
  for (let count = reader.varint(); count > 0; count--) stopWords.add(reader.string());
  const pages = [];
  const sections = []; // { page, anchor, heading } spans; intro sections have none
  for (let count = reader.varint(); count > 0; count--) {
    const page = { url: reader.span(), title: reader.span(), intro: sections.length };
    pages.push(page);
    sections.push({ page: pages.length - 1, anchor: null, heading: null });
    for (let listed = reader.varint(); listed > 0; listed--) {
      sections.push({ page: pages.length - 1, anchor: reader.span(), heading: reader.span() });
    }
  }
  const terms = [];
  const postings = [];
  const byTerm = new Map();
  let previous = new Uint8Array(0);
  for (let count = reader.varint(); count > 0; count--) {
    const shared = reader.varint();
    const [start, end] = reader.span();
    const term = new Uint8Array(shared + end - start);
    term.set(previous.subarray(0, shared));
    term.set(bytes.subarray(start, end), shared);
    const text = reader.decoder.decode(term);
    byTerm.set(text, terms.length);
    terms.push(text);
    postings.push(reader.span());
    previous = term;
  }
  if (reader.at !== bytes.length) throw new Error("search index has trailing bytes");
  return { reader, language, stemmer, stopWords, pages, sections, terms, postings, byTerm };
}

/** (section, weight) pairs of a term, in section order. */
function decodePostings(index, term) {
  const [start, end] = index.postings[term];
  const bytes = index.reader.bytes;
  const list = [];
  let section = 0;
  for (let at = start; at < end; ) {
    const [value, next] = readVarint(bytes, at, end);
    section += Math.floor(value / 4);
    list.push([section, value % 4]);
    at = next;
  }
  return list;
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
    if (index.stopWords.has(normalized)) return;
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

/**
 * Ranked sections for a query: those matching the most query words (all of
 * them when possible), best score first.
 * @param {string} basePath the site's base path, e.g. "/" or "/docs/"
 * @returns {{ total: number, results: { href: string, title: string, heading: string }[] }}
 */
export function search(index, stem, query, basePath = "/", limit = MAX_RESULTS) {
  const groups = analyzeQuery(index, stem, query);
  if (groups.length === 0) return { total: 0, results: [] };
  const sectionCount = index.sections.length;
  const direct = new Map(); // section -> { matched: Set<group>, score }
  const titled = groups.map(() => new Map()); // per group: page -> inherited score
  groups.forEach((group, number) => {
    const best = new Map();
    const candidates = [[group.exact, 1], ...group.prefixed.map((term) => [term, PREFIX_FACTOR])];
    for (const [term, factor] of candidates) {
      const position = index.byTerm.get(term);
      if (position === undefined) continue;
      const list = decodePostings(index, position);
      const idf = Math.log(1 + sectionCount / list.length);
      for (const [section, weight] of list) {
        const score = WEIGHTS[weight] * idf * factor;
        if (score > (best.get(section) ?? 0)) best.set(section, score);
        if (weight === 3) {
          const page = index.sections[section]?.page;
          const inherited = INHERITED_TITLE_WEIGHT * idf * factor;
          if (page !== undefined && inherited > (titled[number].get(page) ?? 0)) titled[number].set(page, inherited);
        }
      }
    }
    for (const [section, score] of best) {
      const entry = direct.get(section) ?? { matched: new Set(), score: 0 };
      entry.matched.add(number);
      entry.score += score;
      direct.set(section, entry);
    }
  });
  const ranked = [];
  for (const [section, entry] of direct) {
    let matched = entry.matched.size;
    let score = entry.score;
    const page = index.sections[section].page;
    groups.forEach((_, number) => {
      const inherited = titled[number].get(page);
      if (!entry.matched.has(number) && inherited !== undefined) {
        matched += 1;
        score += inherited;
      }
    });
    ranked.push({ section, matched, score });
  }
  const most = ranked.reduce((best, hit) => Math.max(best, hit.matched), 0);
  const kept = ranked
    .filter((hit) => hit.matched === most)
    .sort((a, b) => b.score - a.score || a.section - b.section);
  return { total: kept.length, results: kept.slice(0, limit).map((hit) => describe(index, hit.section, basePath)) };
}

function describe(index, number, basePath) {
  const section = index.sections[number];
  const page = index.pages[section.page];
  const url = basePath + index.reader.text(page.url);
  const title = index.reader.text(page.title);
  if (section.anchor === null) return { href: url, title, heading: "" };
  const anchor = index.reader.text(section.anchor);
  return { href: `${url}#${encodeURIComponent(anchor)}`, title, heading: index.reader.text(section.heading) };
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
      if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
      const index = parseIndex(new Uint8Array(await response.arrayBuffer()));
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
    const { total, results } = search(ready.index, ready.stem, query, data.base ?? "/");
    renderResults(list, results);
    say(statusText(messages, total, results.length, locale), 500);
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

if (typeof document !== "undefined") {
  document.querySelectorAll("[data-search]").forEach(enhance);
}
