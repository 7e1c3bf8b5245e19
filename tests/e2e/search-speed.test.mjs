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

/** The home page in a new context, its CPU slowed four times, the search box shown. */
async function openThrottled() {
  const { context } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.origin}/en/`);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const input = page.locator("#site-search-input");
  await input.waitFor({ state: "visible" });
  return { context, page, input };
}

/**
 * Opens the home page with the CPU slowed four times, focuses the search box
 * and types `query` with `delay` ms between keys. Returns, for each key,
 * when its input event came and when its own results were drawn (null when
 * none were: no match, or typed over before they came), in ms after focus.
 */
async function typeAfterFocus(query, delay) {
  const { context, page, input } = await openThrottled();
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
  const keys = await page.evaluate(async () => {
    await window.__answered;
    return window.__keys.map(([value, at]) => {
      const drawn = window.__drawn.get(value);
      return { value, at: at - window.__focused, drawn: drawn === undefined ? null : drawn - window.__focused };
    });
  });
  await context.close();
  return keys;
}

test(`the first query after focus on a ${PAGES}-page locale, CPU throttled 4x`, async (t) => {
  // Typed as a quick typist does (120 ms a key): the index loads from focus
  // on, and the first query is the first prefix of two letters ("to"); the
  // reader waits from that key to the first results on screen, whichever
  // prefix they answer (one overtaken by the next key is not drawn).
  const typed = await typeAfterFocus("token", 120);
  const first = typed.find((key) => key.value.length >= 2);
  const answered = typed.find((key) => key.drawn !== null);
  assert.ok(first && answered, "the search answered");
  const later = typed.filter((key) => key.drawn !== null && key !== answered)
    .map((key) => `"${key.value}" ${(key.drawn - key.at).toFixed(0)} ms`).join(", ");
  const wait = answered.drawn - first.at;
  t.diagnostic(`typed at 120 ms a key: first results ${wait.toFixed(0)} ms after "${first.value}" (target 100 ms)`);
  console.log(`first query after focus, ${PAGES} pages, CPU 4x, typed: first results ${wait.toFixed(0)} ms after "${first.value}" (drawn for "${answered.value}"; then ${later})`);
  // Pasted, or typed faster than keys come: the whole query right after
  // focus, while the index is still loading.
  const pasted = await typeAfterFocus("token", 0);
  const last = pasted.at(-1);
  assert.notEqual(last.drawn, null, "the pasted query answered");
  console.log(`first query after focus, ${PAGES} pages, CPU 4x, keys sent at once: ${(last.drawn - last.at).toFixed(0)} ms after the last key (${last.at.toFixed(0)} ms after focus)`);
});

test(`a later query on a ${PAGES}-page locale, CPU throttled 4x`, async () => {
  const { context, page, input } = await openThrottled();
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
