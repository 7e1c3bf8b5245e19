// The first query after focus on a 1,000-page locale, on a mid-range laptop
// profile: Chromium with its CPU slowed four times (CDP
// Emulation.setCPUThrottlingRate), typed at a quick typist's pace and sent
// at once. The times are measured and reported (the target is
// 100 ms; BENCHMARKS.md records them), never asserted: the test fails only
// when the search does not answer.
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

/**
 * Opens the home page with the CPU slowed four times, focuses the search box
 * and types `query` with `delay` ms between keys. Returns, for each key,
 * how long after its input event its own results were drawn (null when
 * that prefix drew none), and when after focus the last key came.
 */
async function typeAfterFocus(query, delay) {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/en/`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const input = page.locator("#site-search-input");
  await input.waitFor({ state: "visible" });
  await page.evaluate((query) => {
    const box = document.getElementById("site-search-input");
    const results = document.getElementById("site-search-results");
    window.__keys = [];
    window.__drawn = new Map();
    // Captured on the document, so before the search's own listener.
    document.addEventListener("input", () => window.__keys.push([box.value, performance.now()]), true);
    window.__answered = new Promise((resolve) => {
      new MutationObserver(() => {
        if (results?.querySelector("li a") === null) return;
        if (!window.__drawn.has(box.value)) window.__drawn.set(box.value, performance.now());
        if (box.value === query) resolve();
      }).observe(results, { childList: true, subtree: true });
    });
    box.addEventListener("focus", () => { window.__focused = performance.now(); }, { once: true });
  }, query);
  await input.focus();
  await input.pressSequentially(query, { delay });
  const timing = await page.evaluate(async () => {
    await window.__answered;
    return {
      keys: window.__keys.map(([value, at]) => {
        const drawn = window.__drawn.get(value);
        return { value, wait: drawn === undefined ? null : drawn - at };
      }),
      lastKey: window.__keys.at(-1)[1] - window.__focused,
    };
  });
  await context.close();
  return timing;
}

test(`the first query after focus on a ${PAGES}-page locale, CPU throttled 4x`, async (t) => {
  // Typed as a quick typist does (120 ms a key): the index loads from focus
  // on, and each prefix of two letters or more is answered as it comes.
  const typed = await typeAfterFocus("token", 120);
  const waits = typed.keys.filter((key) => key.wait !== null);
  assert.ok(waits.length > 0, "the search answered");
  const report = waits.map((key) => `"${key.value}" ${key.wait.toFixed(0)} ms`).join(", ");
  const slowest = Math.max(...waits.map((key) => key.wait));
  t.diagnostic(`typed at 120 ms a key, each query answered after its key: ${report} (target 100 ms)`);
  console.log(`first query after focus, ${PAGES} pages, CPU 4x, typed: slowest ${slowest.toFixed(0)} ms after its key (${report})`);
  // Pasted, or typed faster than keys come: the whole query right after
  // focus, while the index is still loading.
  const pasted = await typeAfterFocus("token", 0);
  const last = pasted.keys.at(-1);
  assert.notEqual(last.wait, null, "the pasted query answered");
  console.log(`first query after focus, ${PAGES} pages, CPU 4x, keys sent at once: ${last.wait.toFixed(0)} ms after the last key (${pasted.lastKey.toFixed(0)} ms after focus)`);
});

test(`a later query on a ${PAGES}-page locale, CPU throttled 4x`, async () => {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/en/`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const input = page.locator("#site-search-input");
  await input.waitFor({ state: "visible" });
  await input.focus();
  await input.pressSequentially("token", { delay: 0 });
  await page.locator("#site-search-results a").first().waitFor();
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
