// Queries a reader types, run by www/search.js on the fixture indexes that
// `cargo test -p technote-search` writes (tests/search/fixtures/<lang>/: the
// head index.bin and its shards).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import {
  MAX_RESULTS, fillCount, inflateIndex, loadStemmer, parseHead, search, statusText, storedPayload,
} from "../../www/search.js";
import { openFixture } from "./open-fixture.mjs";

const indexFile = (lang) => new Uint8Array(readFileSync(new URL(`./fixtures/${lang}/index.bin`, import.meta.url)));

async function engine(lang) {
  const { index } = await openFixture(lang);
  const stem = await loadStemmer(index.stemmer);
  return (query, basePath = "/") => search(index, stem, query, basePath);
}

const fr = await engine("fr");
const en = await engine("en");
const hrefs = (outcome) => outcome.results.map((result) => result.href);

test("`mise a jour` finds `mise à jour`, best match first", async () => {
  const outcome = await fr("mise a jour");
  assert.equal(hrefs(outcome)[0], "/fr/technotes/using/ims-sign-in-update.html#comment-mettre-a-jour");
  assert.equal(outcome.results[0].heading, "Comment faire la mise à jour");
  assert.equal(outcome.results[0].title, "Mettre à jour votre environnement pour garder la connexion IMS");
});

test("plurals and capitals find the same sections", async () => {
  assert.deepEqual(hrefs(await fr("MISES À JOUR")), hrefs(await fr("mise a jour")));
  assert.deepEqual(hrefs(await en("Updates")), hrefs(await en("update")));
});

test("a FAQ question links to its entry", async () => {
  assert.equal(hrefs(await fr("pourquoi échoue"))[0], "/fr/technotes/using/ims-sign-in-update.html#echec-connexion");
  assert.equal(hrefs(await en("hosted customers"))[0], "/en/technotes/using/ims-sign-in-update.html#hosted-customers");
});

test("`IMS`, a title word, finds its page first", async () => {
  const outcome = await en("IMS");
  assert.equal(hrefs(outcome)[0], "/en/technotes/using/ims-sign-in-update.html");
  assert.equal(outcome.results[0].heading, "");
});

test("a title word narrows a section search to that page", async () => {
  assert.deepEqual(hrefs(await en("IMS Internet Explorer")), ["/en/technotes/using/ims-sign-in-update.html#sign-in-fails"]);
});

test("a word still being typed matches the terms it begins", async () => {
  assert.equal(hrefs(await en("webvi"))[0], "/en/technotes/using/console-windows-requirements.html#recent-consoles");
  assert.deepEqual(hrefs(await en("webvi ")), [], "a finished word must match whole");
});

test("a word the site lacks leaves the best partial matches; alone it finds nothing", async () => {
  assert.ok(hrefs(await en("console zzzyx")).length > 0);
  assert.deepEqual(hrefs(await en("zzzyx")), []);
});

test("links keep the site's base path", async () => {
  assert.equal(hrefs(await fr("WebView2", "/docs/"))[0], "/docs/fr/technotes/using/console-windows-requirements.html#consoles-recentes");
});

test("`<script>` is a word like any other, returned as text", async () => {
  const outcome = await en("<script>");
  assert.deepEqual(hrefs(outcome), ["/en/technotes/using/console-windows-requirements.html#special-characters"]);
  assert.equal(outcome.results[0].heading, "Tags and special characters");
});

test("regex metacharacters alone find nothing and throw nothing", async () => {
  for (const query of [".*+?(", "[", "\\", "(?<x>", "$&", "^$|"]) {
    assert.deepEqual(await fr(query), { total: 0, complete: true, exact: true, results: [] });
  }
});

test("a 10,000-character query is cut short and answered at once", async () => {
  const long = "console ".repeat(1250);
  assert.equal(long.length, 10_000);
  const started = performance.now();
  const outcome = await en(long);
  assert.ok(performance.now() - started < 200);
  assert.ok(outcome.total > 0);
  assert.deepEqual(await en("x".repeat(10_000)), { total: 0, complete: true, exact: true, results: [] });
});

test("stop words alone find nothing", async () => {
  // Complete words: a last word still being typed matches what it begins.
  assert.deepEqual(await fr("le la les de "), { total: 0, complete: true, exact: true, results: [] });
  assert.deepEqual(await en("the of and "), { total: 0, complete: true, exact: true, results: [] });
});

test("two letters typed match the words they begin", async () => {
  assert.equal(hrefs(await en("we"))[0], "/en/technotes/using/console-windows-requirements.html#recent-consoles");
  assert.ok(hrefs(await fr("dé")).length > 0);
});

test("empty and odd input is harmless", async () => {
  for (const query of ["", "   ", "\u0000", "\u{1F600}", "\uD800", "é\u0301\u0301"]) {
    assert.deepEqual((await en(query)).results, []);
  }
});

test("results are capped", async () => {
  assert.ok((await en("console")).results.length <= MAX_RESULTS);
});

test("the status line counts results in the reader's language", async () => {
  const messages = {
    none: "Aucun résultat.", one: "Un résultat.",
    many: "{count} résultats.", capped: "{count} résultats, les {shown} plus pertinents sont affichés.",
  };
  assert.equal(statusText(messages, 0, 0, "fr"), "Aucun résultat.");
  assert.equal(statusText(messages, 1, 1, "fr"), "Un résultat.");
  assert.equal(statusText(messages, 3, 3, "fr"), "3 résultats.");
  assert.equal(statusText(messages, 1234, 10, "fr"), "1\u202f234 résultats, les 10 plus pertinents sont affichés.");
  // A first page from part of the index says so, not that it is the best.
  const partial = { ...messages, best: "Les {shown} meilleurs.", nearest: "{shown} résultats proches, d’une partie de l’index." };
  assert.equal(statusText(partial, 40, 10, "fr", false), "Les 10 meilleurs.");
  assert.equal(statusText(partial, 40, 10, "fr", false, false), "10 résultats proches, d’une partie de l’index.");
  assert.equal(fillCount("{count} results", { count: 1234 }, "en"), "1,234 results");
});

test("a damaged index is refused with an error, not misread", async () => {
  const file = indexFile("en");
  await assert.rejects(inflateIndex(file.subarray(0, file.length - 3)));
  await assert.rejects(inflateIndex(new TextEncoder().encode("<html>")));
  const payload = await inflateIndex(file);
  assert.throws(() => parseHead(payload.subarray(0, payload.length - 3)));
  assert.throws(() => parseHead(new TextEncoder().encode("<html>")));
});

test("a stored index file is unwrapped without the decompressor, its checksum checked", async () => {
  // Empty, one block, and over the 65,535 bytes of one stored block.
  for (const size of [0, 1000, 150_000]) {
    const data = Uint8Array.from({ length: size }, (_, at) => (at * 7919) % 251);
    const stored = new Uint8Array(deflateSync(data, { level: 0 }));
    assert.deepEqual(storedPayload(stored), data, `${size} bytes`);
    assert.deepEqual(await inflateIndex(stored), data);
    if (size === 0) continue;
    const damaged = stored.slice();
    damaged[20] ^= 1;
    assert.equal(storedPayload(damaged), null, "a changed byte fails the checksum");
    await assert.rejects(inflateIndex(damaged));
    assert.equal(storedPayload(stored.subarray(0, stored.length - 1)), null, "a cut stream is not read");
    // Deflated streams go through DecompressionStream, to the same bytes.
    const deflated = new Uint8Array(deflateSync(data, { level: 6 }));
    assert.equal(storedPayload(deflated), null);
    assert.deepEqual(await inflateIndex(deflated), data);
  }
});

test("a query fetches the head and only the shards it needs", async () => {
  const { index, read } = await openFixture("fr");
  const stem = await loadStemmer(index.stemmer);
  assert.deepEqual(read, ["index.bin"], "opening reads the head alone");
  await search(index, stem, "zzzyx ");
  assert.ok(!read.some((name) => name.startsWith("pages-")), "no result, no page shard");
  const outcome = await search(index, stem, "mise a jour");
  assert.ok(outcome.results.length > 0);
  assert.ok(read.some((name) => name.startsWith("terms-")) && read.some((name) => name.startsWith("pages-")));
  const count = read.length;
  await search(index, stem, "mise a jour");
  assert.equal(read.length, count, "a shard is fetched once");
});
