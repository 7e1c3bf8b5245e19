// The relevance test of crates/search/src/relevance.rs, run by the browser
// code: for each of the twelve locales, www/search.js reads the index the
// Rust side built from tests/search/relevance/<locale>.txt and must rank
// the same first five results as the Rust ranking did, with the expected
// page among them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { loadStemmer, parseHead, search } from "../../www/search.js";
import { openFixture } from "./open-fixture.mjs";

const LOCALES = ["en", "fr-FR", "de-DE", "es-ES", "it-IT", "ja-JP", "ko-KR", "pt-BR", "zh-Hans", "zh-Hant", "nl-NL", "sv-SE"];
const fixture = (path) => new URL(`./fixtures/relevance/${path}`, import.meta.url);

for (const locale of LOCALES) {
  test(`${locale}: every query finds its page in the top 5, as the Rust ranking does`, async () => {
    const { index } = await openFixture(`relevance/${locale}`);
    const stem = await loadStemmer(index.stemmer);
    const expected = JSON.parse(readFileSync(fixture(`${locale}/expected.json`), "utf8"));
    assert.ok(expected.length >= 30, "the fixture has its queries");
    const problems = [];
    for (const { query, page, top } of expected) {
      const found = (await search(index, stem, query, "", 5)).results.map((result) => result.href);
      if (!found.some((href) => href.split("#")[0] === page)) problems.push(`${query}: ${page} not in ${found}`);
      if (found.join(" ") !== top.join(" ")) problems.push(`${query}: browser ${found}, Rust ${top}`);
    }
    assert.deepEqual(problems, []);
  });
}

test("Japanese voicing marks and widths: パス is not バス, ｶﾞｲﾄﾞ is ガイド", async () => {
  const { index } = await openFixture("relevance/ja-JP");
  const stem = await loadStemmer(index.stemmer);
  const pages = async (query) => (await search(index, stem, query, "", 5)).results.map((result) => result.href.split("#")[0]);
  assert.equal((await pages("バス"))[0], "ja-JP/technotes/guide.html");
  assert.ok(!(await pages("バス")).includes("ja-JP/technotes/password.html"));
  assert.equal((await pages("パス"))[0], "ja-JP/technotes/password.html");
  assert.deepEqual(await pages("ｶﾞｲﾄﾞ"), await pages("ガイド"));
  assert.ok(!(await pages("カイト")).includes("ja-JP/technotes/guide.html"));
});

test("an index of another format is refused with a message saying so", () => {
  const payload = new Uint8Array([0x54, 0x4e, 0x53, 0x49, 1]);
  assert.throws(() => parseHead(payload), /format 1 is not the format 5 this script reads/);
});
