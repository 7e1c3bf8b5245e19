// The first query after focus on a 1,000-page locale, on a mid-range laptop
// profile: Chromium with its CPU slowed four times (CDP
// Emulation.setCPUThrottlingRate). The time is measured and reported (the
// issue's target is 100 ms; BENCHMARKS.md records it), never asserted: the
// test fails only when the search does not answer.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { serveSite } from "./support/server.mjs";
import { REPOSITORY, technoteBinary } from "./support/site.mjs";

const run = promisify(execFile);
const PAGES = 1000;
let scratch;
let server;
let browser;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-search-speed-"));
  // technote bench writes the synthetic locale and leaves its built site.
  await run(technoteBinary(), [
    "bench", "--pages", String(PAGES), "--locales", "1", "--runs", "1",
    "--root", REPOSITORY, "--out", scratch,
  ], { maxBuffer: 1 << 24 });
  server = await serveSite(path.join(scratch, "project", "public"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test(`the first query after focus on a ${PAGES}-page locale, CPU throttled 4x`, async (t) => {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/en/`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const input = page.locator("#site-search-input");
  await input.waitFor({ state: "visible" });
  await page.evaluate(() => {
    const results = document.getElementById("site-search-results");
    window.__answered = new Promise((resolve) => {
      new MutationObserver(() => {
        if (results?.querySelector("li a")) resolve(performance.now());
      }).observe(results, { childList: true, subtree: true });
    });
    document.getElementById("site-search-input")?.addEventListener(
      "focus", () => { window.__focused = performance.now(); }, { once: true },
    );
  });
  await input.focus();
  await input.pressSequentially("token", { delay: 0 });
  const ms = await page.evaluate(async () => (await window.__answered) - window.__focused);
  assert.ok(ms > 0, "the search answered");
  t.diagnostic(`first query after focus: ${ms.toFixed(0)} ms (target 100 ms)`);
  console.log(`first query after focus, ${PAGES} pages, CPU 4x: ${ms.toFixed(0)} ms`);
  // The same with the index loaded: what a reader waits for a later query.
  const later = await page.evaluate(async () => {
    const box = document.getElementById("site-search-input");
    const results = document.getElementById("site-search-results");
    const started = performance.now();
    const answered = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        observer.disconnect();
        resolve(performance.now());
      }).observe(results, { childList: true, subtree: true });
    });
    box.value = "server";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    return (await answered) - started;
  });
  console.log(`a later query, ${PAGES} pages, CPU 4x: ${later.toFixed(0)} ms`);
  await context.close();
});

test("more results, by keyboard: ten more listed, the first new one focused, the count announced", async () => {
  const { context, watch } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/en/`);
  const input = page.locator("#site-search-input");
  await input.waitFor({ state: "visible" });
  await input.focus();
  await input.pressSequentially("server", { delay: 0 });
  const links = page.locator("#site-search-results a");
  await links.nth(9).waitFor({ state: "visible" });
  const first = await links.evaluateAll((all) => all.map((link) => link.getAttribute("href")));
  const more = page.locator("button.search-more");
  await more.waitFor({ state: "visible" });
  await more.focus();
  await page.keyboard.press("Enter");
  await links.nth(19).waitFor({ state: "visible" });
  const after = await links.evaluateAll((all) => all.map((link) => link.getAttribute("href")));
  assert.deepEqual(after.slice(0, 10), first, "the first ten stay, in their order");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), after[10]);
  const status = page.locator(".search-status");
  await page.waitForFunction(() => /\d/.test(document.querySelector(".search-status")?.textContent ?? ""));
  assert.match(await status.textContent(), /results/);
  await context.close();
  assert.deepEqual(watch.problems(), []);
});
