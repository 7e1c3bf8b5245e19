// Right-to-left pages: an Arabic locale made with `technote new locale ar`
// and technotes translated into it must not scroll sideways, at a desktop
// width or a phone's, with or without the skip link focused; code and
// release numbers stay left to right, and the checker and the search work
// there. The English strings `new locale` copies, not yet translated, are
// marked `lang="en" dir="ltr"` and laid out left to right, and axe finds no
// violation. Each page's screenshot is saved in the test's temporary folder.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { appendFile, cp, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { CASE_WITH_FINDINGS, answerCase, openChecker, readVerdict } from "./support/checker.mjs";
import { serveSite } from "./support/server.mjs";
import { REPOSITORY, technoteBinary } from "./support/site.mjs";

const run = promisify(execFile);
const AXE_SOURCE = createRequire(import.meta.url)("axe-core").source;
let scratch;
let server;
let browser;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-rtl-"));
  for (const part of ["content", "locales", "templates", "www", "technote.toml"]) {
    await cp(path.join(REPOSITORY, part), path.join(scratch, part), { recursive: true });
  }
  const technote = technoteBinary();
  await run(technote, ["new", "locale", "ar", "--root", scratch]);
  for (const page of ["technotes/using/console-windows-requirements.md", "technotes/using/ims-sign-in-update.md"]) {
    await run(technote, [
      "new", "technote", path.join(scratch, "content/ar", page),
      "--from", path.join(scratch, "content/en", page), "--root", scratch,
    ]);
  }
  // A sentence in Arabic around a command, as a translator would write it.
  await appendFile(
    path.join(scratch, "content/ar/technotes/using/ims-sign-in-update.md"),
    "\nشغّل `nlserver pdump -full` لمعرفة رقم الإصدار.\n",
  );
  await run(technote, ["build", "--root", scratch, "--out", path.join(scratch, "public")]);
  server = await serveSite(path.join(scratch, "public"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const CHECKER_PAGE = "ar/technotes/using/ims-sign-in-update.html";

for (const width of [1280, 320]) {
  for (const where of ["ar/", "ar/technotes/using/console-windows-requirements.html", CHECKER_PAGE]) {
    test(`${where} at ${width} px is right to left and does not scroll sideways`, async () => {
      const { context } = await watchedContext(browser, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/${where}`);
      assert.equal(await page.getAttribute("html", "dir"), "rtl");
      const widths = () => page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      const before = await widths();
      assert.equal(before.scroll, before.client, `scrolls sideways: ${JSON.stringify(before)}`);
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
      const focused = await widths();
      assert.equal(focused.scroll, focused.client, `skip link focused: ${JSON.stringify(focused)}`);
      const shot = path.join(scratch, `${where.replaceAll("/", "_")}-${width}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      assert.ok((await stat(shot)).size > 0, `no screenshot at ${shot}`);
      await context.close();
    });
  }
}

test("code and release numbers read left to right on an Arabic page", async () => {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/${CHECKER_PAGE}`);
  const directions = await page.evaluate(() => ({
    code: [...document.querySelectorAll("main code")].map((e) => getComputedStyle(e).direction),
    releases: [...document.querySelectorAll("#minimum-releases td bdi")].map((e) => getComputedStyle(e).direction),
    body: getComputedStyle(document.querySelector("main")).direction,
  }));
  assert.equal(directions.body, "rtl");
  assert.ok(directions.code.length > 0, "the page has code");
  assert.deepEqual([...new Set(directions.code)], ["ltr"]);
  assert.ok(directions.releases.length > 0, "the releases table has numbers");
  assert.deepEqual([...new Set(directions.releases)], ["ltr"]);
  await context.close();
});

test("the checker gives its verdict on an Arabic page", async () => {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const url = `${server.origin}/${CHECKER_PAGE}`;
  await openChecker(page, url);
  await answerCase(page, url, CASE_WITH_FINDINGS.answers);
  const verdict = await readVerdict(page);
  assert.equal(verdict.status, CASE_WITH_FINDINGS.status);
  assert.equal(verdict.steps.length, CASE_WITH_FINDINGS.steps.length);
  await context.close();
});

test("the search finds Arabic pages from an Arabic page", async () => {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/ar/`);
  await page.fill("#site-search-input", "Windows");
  const first = page.locator("#site-search-results li a").first();
  await first.waitFor({ state: "visible", timeout: 15_000 });
  const href = await first.getAttribute("href");
  assert.ok(href?.startsWith("/ar/"), `the first result leaves the Arabic pages: ${href}`);
  await context.close();
});

test("English text not yet translated reads left to right, in English, on an Arabic page", async () => {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/${CHECKER_PAGE}`);
  const found = await page.evaluate(() => {
    const english = [...document.querySelectorAll("body [lang=en]")];
    const toc = document.querySelector("#toc-title span[lang=en]");
    return {
      count: english.length,
      directions: [...new Set(english.map((e) => getComputedStyle(e).direction))],
      toc: toc && { text: toc.textContent, dir: toc.getAttribute("dir") },
      optionsWithMarkup: [...document.querySelectorAll("option")].filter((o) => o.children.length > 0).length,
      label: document.querySelector("nav.language-switcher")?.getAttribute("aria-label"),
    };
  });
  assert.ok(found.count > 10, `few English strings marked: ${found.count}`);
  assert.deepEqual(found.directions, ["ltr"]);
  assert.deepEqual(found.toc, { text: "On this page", dir: "ltr" });
  assert.equal(found.optionsWithMarkup, 0);
  assert.equal(found.label, "\u2066Language\u2069", "an attribute is isolated left to right");

  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const results = await globalThis.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return results.violations.map(({ id, nodes }) => `${id} at ${nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, []);
  await context.close();
});
