// The browser analyzes queries exactly as crates/search does: every word
// of tests/search/fixtures/words-<lang>.txt (the site's own vocabulary and
// a few hard cases) and of the relevance fixtures of the twelve locales
// must become the same terms, through the vendored Snowball stemmers. The
// fixtures come from `cargo test -p technote-search`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { analyzeQuery, loadStemmer, prepareQuery } from "../../www/search.js";
import { openFixture } from "./open-fixture.mjs";

const fixture = (name) => new URL(`./fixtures/${name}`, import.meta.url);

// The site's own vocabulary and hard cases (fr, en), and the vocabulary of
// the relevance fixture of each of the twelve locales.
const lists = [
  ["fr", "fr", "terms-fr.json", 400],
  ["en", "en", "terms-en.json", 400],
  ...["en", "fr-FR", "de-DE", "es-ES", "it-IT", "ja-JP", "ko-KR", "pt-BR", "zh-Hans", "zh-Hant", "nl-NL", "sv-SE"]
    .map((locale) => [locale, `relevance/${locale}`, `relevance/${locale}/terms.json`, 100]),
];

for (const [lang, indexFolder, termsFile, least] of lists) {
  test(`${lang} (${termsFile}): every word becomes the term the Rust indexer made of it`, async () => {
    const { index } = await openFixture(indexFolder);
    const stem = await loadStemmer(index.stemmer);
    const expected = JSON.parse(readFileSync(fixture(termsFile), "utf8"));
    const words = Object.keys(expected);
    assert.ok(words.length > least, "the fixture lists the site's vocabulary");
    const mismatches = [];
    for (const word of words) {
      // A trailing space: the word is complete, so no prefix matching.
      await prepareQuery(index, stem, `${word} `);
      const terms = analyzeQuery(index, stem, `${word} `)
        .map((group) => (group.accented === null ? group.exact : `${group.exact}|${group.accented}`));
      if (terms.join(" ") !== expected[word].join(" ")) mismatches.push(`${word}: browser ${terms}, indexer ${expected[word]}`);
    }
    assert.deepEqual(mismatches, []);
  });
}

test("an index without a stemmer leaves words as they are", async () => {
  const stem = await loadStemmer("");
  assert.equal(stem("consoles"), "consoles");
  assert.equal((await loadStemmer("__proto__"))("consoles"), "consoles");
});
