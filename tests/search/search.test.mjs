// Queries a reader types, run by www/search.js on the fixture indexes that
// `cargo test -p technote-search` writes (tests/search/fixtures/<lang>/index.bin).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  MAX_RESULTS, fillCount, inflateIndex, loadStemmer, parseIndex, search, statusText,
} from "../../www/search.js";

const indexFile = (lang) => new Uint8Array(readFileSync(new URL(`./fixtures/${lang}/index.bin`, import.meta.url)));

async function engine(lang) {
  const index = parseIndex(await inflateIndex(indexFile(lang)));
  const stem = await loadStemmer(index.stemmer);
  return (query, basePath = "/") => search(index, stem, query, basePath);
}

const fr = await engine("fr");
const en = await engine("en");
const hrefs = (outcome) => outcome.results.map((result) => result.href);

test("`mise a jour` finds `mise à jour`, best match first", () => {
  const outcome = fr("mise a jour");
  assert.equal(hrefs(outcome)[0], "/fr/technotes/using/ims-sign-in-update.html#comment-mettre-a-jour");
  assert.equal(outcome.results[0].heading, "Comment faire la mise à jour");
  assert.equal(outcome.results[0].title, "Mettre à jour votre environnement pour garder la connexion IMS");
});

test("plurals and capitals find the same sections", () => {
  assert.deepEqual(hrefs(fr("MISES À JOUR")), hrefs(fr("mise a jour")));
  assert.deepEqual(hrefs(en("Updates")), hrefs(en("update")));
});

test("a FAQ question links to its entry", () => {
  assert.equal(hrefs(fr("pourquoi échoue"))[0], "/fr/technotes/using/ims-sign-in-update.html#echec-connexion");
  assert.equal(hrefs(en("hosted customers"))[0], "/en/technotes/using/ims-sign-in-update.html#hosted-customers");
});

test("`IMS`, a title word, finds its page first", () => {
  const outcome = en("IMS");
  assert.equal(hrefs(outcome)[0], "/en/technotes/using/ims-sign-in-update.html");
  assert.equal(outcome.results[0].heading, "");
});

test("a title word narrows a section search to that page", () => {
  assert.deepEqual(hrefs(en("IMS Internet Explorer")), ["/en/technotes/using/ims-sign-in-update.html#sign-in-fails"]);
});

test("a word still being typed matches the terms it begins", () => {
  assert.equal(hrefs(en("webvi"))[0], "/en/technotes/using/console-windows-requirements.html#recent-consoles");
  assert.deepEqual(hrefs(en("webvi ")), [], "a finished word must match whole");
});

test("a word the site lacks leaves the best partial matches; alone it finds nothing", () => {
  assert.ok(hrefs(en("console zzzyx")).length > 0);
  assert.deepEqual(hrefs(en("zzzyx")), []);
});

test("links keep the site's base path", () => {
  assert.equal(hrefs(fr("WebView2", "/docs/"))[0], "/docs/fr/technotes/using/console-windows-requirements.html#consoles-recentes");
});

test("`<script>` is a word like any other, returned as text", () => {
  const outcome = en("<script>");
  assert.deepEqual(hrefs(outcome), ["/en/technotes/using/console-windows-requirements.html#special-characters"]);
  assert.equal(outcome.results[0].heading, "Tags and special characters");
});

test("regex metacharacters alone find nothing and throw nothing", () => {
  for (const query of [".*+?(", "[", "\\", "(?<x>", "$&", "^$|"]) {
    assert.deepEqual(fr(query), { total: 0, results: [] });
  }
});

test("a 10,000-character query is cut short and answered at once", () => {
  const long = "console ".repeat(1250);
  assert.equal(long.length, 10_000);
  const started = performance.now();
  const outcome = en(long);
  assert.ok(performance.now() - started < 200);
  assert.ok(outcome.total > 0);
  assert.deepEqual(en("x".repeat(10_000)), { total: 0, results: [] });
});

test("stop words alone find nothing", () => {
  // Complete words: a last word still being typed matches what it begins.
  assert.deepEqual(fr("le la les de "), { total: 0, results: [] });
  assert.deepEqual(en("the of and "), { total: 0, results: [] });
});

test("two letters typed match the words they begin", () => {
  assert.equal(hrefs(en("we"))[0], "/en/technotes/using/console-windows-requirements.html#recent-consoles");
  assert.ok(hrefs(fr("dé")).length > 0);
});

test("empty and odd input is harmless", () => {
  for (const query of ["", "   ", "\u0000", "\u{1F600}", "\uD800", "é\u0301\u0301"]) {
    assert.deepEqual(en(query).results, []);
  }
});

test("results are capped", () => {
  assert.ok(en("console").results.length <= MAX_RESULTS);
});

test("the status line counts results in the reader's language", () => {
  const messages = {
    none: "Aucun résultat.", one: "Un résultat.",
    many: "{count} résultats.", capped: "{count} résultats, les {shown} plus pertinents sont affichés.",
  };
  assert.equal(statusText(messages, 0, 0, "fr"), "Aucun résultat.");
  assert.equal(statusText(messages, 1, 1, "fr"), "Un résultat.");
  assert.equal(statusText(messages, 3, 3, "fr"), "3 résultats.");
  assert.equal(statusText(messages, 1234, 10, "fr"), "1\u202f234 résultats, les 10 plus pertinents sont affichés.");
  assert.equal(fillCount("{count} results", { count: 1234 }, "en"), "1,234 results");
});

test("a damaged index is refused with an error, not misread", async () => {
  const file = indexFile("en");
  await assert.rejects(inflateIndex(file.subarray(0, file.length - 3)));
  await assert.rejects(inflateIndex(new TextEncoder().encode("<html>")));
  const payload = await inflateIndex(file);
  assert.throws(() => parseIndex(payload.subarray(0, payload.length - 3)));
  assert.throws(() => parseIndex(new TextEncoder().encode("<html>")));
});
