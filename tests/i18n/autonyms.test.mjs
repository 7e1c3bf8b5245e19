// The committed table of language names is what the pinned CLDR packages
// say: regenerate it (node scripts/cldr-autonyms.mjs) after updating them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { TABLE, autonymTable } from "../../scripts/cldr-autonyms.mjs";

test("crates/i18n/data/autonyms.tsv matches the CLDR packages", () => {
  const committed = readFileSync(TABLE, "utf8");
  const generated = autonymTable();
  if (committed !== generated) {
    const ours = new Set(committed.split("\n"));
    const differing = generated.split("\n").filter((line) => !ours.has(line));
    assert.fail(
      `the table differs from CLDR (run node scripts/cldr-autonyms.mjs); for example:\n${differing.slice(0, 5).join("\n")}`,
    );
  }
});
