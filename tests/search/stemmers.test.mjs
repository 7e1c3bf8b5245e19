// The browser analyzes queries exactly as crates/search analyzed the text:
// every word of tests/search/fixtures/words-<lang>.txt (the site's own
// vocabulary and a few hard cases) must become the same term. Words the
// indexer drops (stop words) must find nothing. The fixtures come from
// `cargo test -p technote-search`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { analyzeQuery, inflateIndex, loadStemmer, parseIndex } from "../../www/search.js";

const fixture = (name) => new URL(`./fixtures/${name}`, import.meta.url);

for (const lang of ["fr", "en"]) {
  test(`${lang}: every word becomes the term the Rust indexer made of it`, async () => {
    const index = parseIndex(await inflateIndex(new Uint8Array(readFileSync(fixture(`${lang}/index.bin`)))));
    const stem = await loadStemmer(index.stemmer);
    const expected = JSON.parse(readFileSync(fixture(`terms-${lang}.json`), "utf8"));
    const words = Object.keys(expected);
    assert.ok(words.length > 400, "the fixture lists the site's vocabulary");
    const mismatches = [];
    for (const word of words) {
      // A trailing space: the word is complete, so no prefix matching.
      const groups = analyzeQuery(index, stem, `${word} `);
      const term = groups.length === 0 ? null : groups[0].exact;
      if (expected[word] === null) {
        if (term !== null && index.byTerm.has(term)) mismatches.push(`${word}: dropped by the indexer, yet ${term} is a term`);
      } else if (term !== expected[word]) {
        mismatches.push(`${word}: browser ${term}, indexer ${expected[word]}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });
}

test("an index without a stemmer leaves words as they are", async () => {
  const stem = await loadStemmer("");
  assert.equal(stem("consoles"), "consoles");
  assert.equal((await loadStemmer("__proto__"))("consoles"), "consoles");
});
