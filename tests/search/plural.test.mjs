// Result counts in the status line take the plural form of the reader's
// language, from the forms `t_plural` writes into the search box.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pluralForm, statusText } from "../../www/search.js";

// What t_plural gives for a Polish message with one/few/many/other variants.
const polish = {
  none: "Brak wyników.", one: "Jeden wynik.",
  many: "{count} wyników.", capped: "{count} wyników.",
  manyForms: { one: "{count} wynik.", few: "{count} wyniki.", many: "{count} wyników.", other: "{count} wyniku." },
  cappedForms: undefined,
};

test("Polish counts take few and many, not one text for every number", () => {
  assert.equal(statusText(polish, 2, 10, "pl"), "2 wyniki.");
  assert.equal(statusText(polish, 5, 10, "pl"), "5 wyników.");
  assert.equal(statusText(polish, 22, 30, "pl"), "22 wyniki.");
  assert.equal(statusText(polish, 101, 200, "pl"), "101 wyników.");
});

test("an exact-number variant wins over the category, and other is the last resort", () => {
  const forms = { "=0": "Nothing", one: "One", other: "{count} many" };
  assert.equal(pluralForm(forms, 0, "en"), "Nothing");
  assert.equal(pluralForm(forms, 1, "en"), "One");
  assert.equal(pluralForm({ other: "x" }, 3, "ar"), "x");
  assert.equal(pluralForm(undefined, 3, "en"), undefined);
});
