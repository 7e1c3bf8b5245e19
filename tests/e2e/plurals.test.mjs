// Search counts in Polish, Russian and Arabic, as a translator writes them
// (one select with the language's CLDR categories) and as a reader sees
// them: the built page's forms, picked by the shipped search.js in
// Chromium, for 0, 1, 2, 5, 22 and 101 results; and a real search in
// Polish that finds five pages says so in the status line.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { appendFile, cp, readFile, rm, writeFile, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { serveSite } from "./support/server.mjs";
import { REPOSITORY, technoteBinary } from "./support/site.mjs";

const run = promisify(execFile);

/** Each language's status messages, and what 0, 1, 2, 5, 22, 101 show. */
const LANGUAGES = {
  pl: {
    none: "Brak wyników.",
    one: "Jeden wynik.",
    many: "{ $count ->\n    [one] { $count } wynik.\n    [few] { $count } wyniki.\n    [many] { $count } wyników.\n   *[other] { $count } wyniku.\n}",
    expected: ["Brak wyników.", "Jeden wynik.", "2 wyniki.", "5 wyników.", "22 wyniki.", "101 wyników."],
  },
  ru: {
    none: "Ничего не найдено.",
    one: "Один результат.",
    many: "{ $count ->\n    [one] { $count } результат.\n    [few] { $count } результата.\n    [many] { $count } результатов.\n   *[other] { $count } результата.\n}",
    expected: ["Ничего не найдено.", "Один результат.", "2 результата.", "5 результатов.", "22 результата.", "101 результат."],
  },
  ar: {
    none: "لا نتائج.",
    one: "نتيجة واحدة.",
    many: "{ $count ->\n    [two] نتيجتان.\n    [few] { $count } نتائج.\n    [many] { $count } نتيجة.\n   *[other] { $count } نتيجة.\n}",
    // Arabic digits as Intl.NumberFormat("ar") writes them.
    expected: (digits) => ["لا نتائج.", "نتيجة واحدة.", "نتيجتان.", `${digits(5)} نتائج.`, `${digits(22)} نتيجة.`, `${digits(101)} نتيجة.`],
  },
};
const COUNTS = [0, 1, 2, 5, 22, 101];

let scratch;
let server;
let browser;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-plurals-"));
  for (const part of ["content", "locales", "templates", "www", "technote.toml"]) {
    await cp(path.join(REPOSITORY, part), path.join(scratch, part), { recursive: true });
  }
  const technote = technoteBinary();
  for (const [locale, messages] of Object.entries(LANGUAGES)) {
    await run(technote, ["new", "locale", locale, "--root", scratch]);
    const file = path.join(scratch, "locales", locale, "search.ftl");
    const ftl = (await readFile(file, "utf8"))
      .replace(/^search-status-none = .*$/m, `search-status-none = ${messages.none}`)
      .replace(/^search-status-one = .*$/m, `search-status-one = ${messages.one}`)
      .replace(/^search-status-many = .*$/m, `search-status-many = ${messages.many}`);
    await writeFile(file, ftl);
  }
  // Five Polish pages that all mention one word.
  for (let n = 1; n <= 5; n += 1) {
    const page = path.join(scratch, "content/pl/technotes", `zapora-${n}.md`);
    await run(technote, ["new", "technote", page, "--root", scratch]);
    await appendFile(page, `\nZapora sieciowa numer ${n} przepuszcza ruch do serwera.\n`);
  }
  await run(technote, ["build", "--root", scratch, "--out", path.join(scratch, "public")]);
  server = await serveSite(path.join(scratch, "public"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

for (const [locale, messages] of Object.entries(LANGUAGES)) {
  test(`${locale}: 0, 1, 2, 5, 22 and 101 results read in the language's plural forms`, async () => {
    const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.origin}/${locale}/`);
    const shown = await page.evaluate(async (counts) => {
      const script = document.querySelector('script[src*="search"]').src;
      const { statusText } = await import(script);
      const data = document.querySelector("[data-search]").dataset;
      const parse = (json) => (json === undefined ? undefined : JSON.parse(json));
      const messages = {
        none: data.noneText, one: data.oneText, many: data.manyText, capped: data.cappedText,
        manyForms: parse(data.manyForms), cappedForms: parse(data.cappedForms),
      };
      // Every result listed (shown = total): the status without its cap.
      return counts.map((count) => statusText(messages, count, count, document.documentElement.lang));
    }, COUNTS);
    const digits = (n) => new Intl.NumberFormat(locale).format(n);
    const expected = typeof messages.expected === "function" ? messages.expected(digits) : messages.expected;
    assert.deepEqual(shown, expected);
    await context.close();
  });
}

test("a Polish search that finds five pages says 5 wyników", async () => {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/pl/`);
  await page.fill("#site-search-input", "zapora");
  // The status is announced a moment after the results, for screen readers.
  await page.waitForFunction(() => document.querySelector(".search-status")?.textContent !== "", null, { timeout: 15_000 });
  assert.equal(await page.locator("#site-search-results li").count(), 5);
  assert.equal(await page.locator(".search-status").textContent(), "5 wyników.");
  await context.close();
});
