// The root page's choice of language (www/language-choice.js) on
// Experience League's twelve locales and the language lists browsers send,
// against the table the Rust side (`_redirects`) is tested on too, and
// against @fluent/langneg itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { negotiateLanguages } from "@fluent/langneg";
import { chooseLocale } from "../../www/language-choice.js";

const { available, cases } = JSON.parse(readFileSync(new URL("negotiation.json", import.meta.url), "utf8"));

const chosen = (browser, locales) => {
  const at = chooseLocale(browser, locales);
  return at < 0 ? null : locales[at];
};

test("each browser language list leads where the table says", () => {
  assert.ok(cases.length >= 20);
  for (const { browser, chosen: expected } of cases) {
    assert.equal(chosen(browser, available), expected, `browser languages ${JSON.stringify(browser)}`);
  }
});

test("@fluent/langneg chooses the same locales", () => {
  for (const { browser, chosen: expected } of cases) {
    const [first = null] = negotiateLanguages(browser, available, { strategy: "lookup", defaultLocale: "" })
      .filter(Boolean);
    assert.equal(first, expected, `@fluent/langneg, browser languages ${JSON.stringify(browser)}`);
  }
});

// @fluent/langneg's short table of likely subtags lacks zh-CN, so its choice
// there depends on the order of the locales; the browser's CLDR data does not.
test("simplified Chinese readers get zh-Hans whatever the order of the locales", () => {
  const reversed = [...available].reverse();
  for (const { browser, chosen: expected } of cases) {
    assert.equal(chosen(browser, reversed), expected, `reversed locales, browser languages ${JSON.stringify(browser)}`);
  }
  assert.equal(negotiateLanguages(["zh-CN"], reversed, { strategy: "lookup", defaultLocale: "" })[0], "zh-Hant");
});

test("tags the browser cannot read are passed over", () => {
  assert.equal(chosen(["not a tag", "*", "fr"], available), "fr-FR");
  assert.equal(chosen(["ja"], ["en", "bad tag", "ja-JP"]), "ja-JP");
});
