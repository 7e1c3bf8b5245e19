// The live preview as a writer uses it, in Chromium: `technote serve` on a
// scratch copy of the project, a technote open in a tab, saves in the
// "editor". A save reloads the tab with the new text; a mistake shows the
// build's diagnostic over the last good page, and fixing it reloads the tab.
//
// It also prints how long a save takes to reach the reloaded page (median of
// a few saves), for BENCHMARKS.md; nothing asserts a duration. Run it on
// another project (a corpus from `technote bench --out DIR` lives in
// DIR/project) with TECHNOTE_PREVIEW_PROJECT=DIR/project and
// TECHNOTE_PREVIEW_PAGE=content/en/….md, and on a release build with
// TECHNOTE_BIN=target/release/technote.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { REPOSITORY, technoteBinary } from "./support/site.mjs";

const PROJECT = process.env.TECHNOTE_PREVIEW_PROJECT ?? REPOSITORY;
const PAGE = process.env.TECHNOTE_PREVIEW_PAGE ?? "content/en/technotes/using/checker-privacy.md";
const SAVES = 7;

let scratch;
let preview;
let origin;
let browser;
let watch;
let tab;
/** Everything the preview printed on standard error: its diagnostics. */
let terminal = "";

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-preview-"));
  for (const part of ["content", "locales", "templates", "www", "technote.toml"]) {
    await cp(path.join(PROJECT, part), path.join(scratch, part), { recursive: true });
  }
  preview = spawn(technoteBinary(), ["serve", "--root", scratch, "--address", "127.0.0.1:0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  preview.stderr.on("data", (chunk) => {
    terminal += chunk;
  });
  origin = await new Promise((resolve, reject) => {
    let said = "";
    preview.stdout.on("data", (chunk) => {
      said += chunk;
      const serving = said.match(/serving (http:\/\/127\.0\.0\.1:\d+)\//);
      if (serving) resolve(serving[1]);
    });
    preview.on("exit", (code) => reject(new Error(`technote serve exited with ${code}: ${said}`)));
  });
  browser = await launchChromium();
  const watched = await watchedContext(browser);
  watch = watched.watch;
  tab = await watched.context.newPage();
  const url = `${origin}/${PAGE.replace(/^content\//, "").replace(/\.md$/, ".html")}`;
  const response = await tab.goto(url);
  assert.equal(response?.status(), 200, `${url} should be served`);
});

after(async () => {
  await browser?.close();
  preview?.kill();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const source = () => readFile(path.join(scratch, PAGE), "utf8");
const save = (text) => writeFile(path.join(scratch, PAGE), text);

/**
 * Saves `text` and waits for the tab to show `marker`; returns the
 * milliseconds from the save to the reloaded page's load event, by the
 * page's own clock (the test's polling adds nothing to it).
 */
async function saveAndWaitFor(text, marker) {
  const saved = Date.now();
  await save(text);
  await tab.waitForFunction((m) => document.body?.textContent.includes(m), marker, { timeout: 30_000 });
  await tab.waitForLoadState("load");
  const loaded = await tab.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation");
    return performance.timeOrigin + navigation.loadEventEnd;
  });
  return loaded - saved;
}

test("a save reloads the open tab with the new text", async () => {
  const original = await source();
  const times = [];
  for (let edit = 0; edit < SAVES; edit += 1) {
    const marker = `Saved paragraph number ${edit}.`;
    times.push(await saveAndWaitFor(`${original}\n${marker}\n`, marker));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    `save to reloaded page over ${SAVES} saves: median ${median.toFixed(0)} ms, ` +
      `fastest ${times[0].toFixed(0)} ms, slowest ${times.at(-1).toFixed(0)} ms`,
  );
  await save(original);
});

test("a mistake shows its diagnostic over the last good page until it is fixed", async () => {
  const original = await source();
  await save(original.replace("title: ", "title: [unclosed "));
  const overlay = tab.locator("technote-build-errors");
  await overlay.waitFor({ state: "attached", timeout: 30_000 });
  const shown = await overlay.evaluate((host) => host.shadowRoot.textContent);
  assert.match(shown, new RegExp(`${PAGE.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: error:`), shown);
  assert.ok(await tab.locator("main").isVisible(), "the last good page stays under the panel");
  // The panel also logs each diagnostic to the console, for developers.
  assert.ok(watch.consoleErrors.some((line) => line.includes(`${PAGE}:`)), watch.consoleErrors.join("\n"));
  watch.consoleErrors.length = 0;

  const marker = "Fixed after the mistake.";
  await saveAndWaitFor(`${original}\n${marker}\n`, marker);
  assert.equal(await tab.locator("technote-build-errors").count(), 0, "the panel is gone once fixed");
  await save(original);
});

test("a warning is printed in the terminal and shown in a left-to-right panel that Close dismisses", async () => {
  const original = await source();
  const misspelt = original.replace(/^description:/m, "descripton:");
  assert.notEqual(misspelt, original, "the page has a description to misspell");
  const printedBefore = terminal.length;
  await save(misspelt);
  const overlay = tab.locator("technote-build-errors");
  await overlay.waitFor({ state: "attached", timeout: 30_000 });
  const panel = await overlay.evaluate((host) => {
    // As on an Arabic page: the panel keeps its own direction.
    document.documentElement.dir = "rtl";
    const section = host.shadowRoot.querySelector("section");
    return {
      kind: section.className,
      title: section.querySelector("h2").textContent,
      text: section.textContent,
      dir: section.getAttribute("dir"),
      directions: [...section.querySelectorAll("pre")].map((pre) => getComputedStyle(pre).direction),
    };
  });
  assert.equal(panel.kind, "warned");
  assert.match(panel.title, /^Built with 1 warning$/);
  assert.match(panel.text, /:4:1: warning: unknown front-matter key `descripton` is ignored; did you mean `description`\? \[front-matter-unknown-key\]/);
  assert.equal(panel.dir, "ltr");
  assert.deepEqual([...new Set(panel.directions)], ["ltr"]);
  assert.ok(
    terminal.slice(printedBefore).includes(`${PAGE}:4:1: warning: unknown front-matter key \`descripton\``),
    `the terminal did not print the warning:\n${terminal.slice(printedBefore)}`,
  );

  // Close hides it; the same warnings after the next save stay hidden.
  await tab.evaluate(() => document.querySelector("technote-build-errors").shadowRoot.querySelector("button").click());
  assert.equal(await overlay.count(), 0, "Close removes the panel");
  const marker = "Saved again with the same warning.";
  await saveAndWaitFor(`${misspelt}\n${marker}\n`, marker);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(await overlay.count(), 0, "a dismissed warning comes back after a save");

  const fixed = "Saved once the key is fixed.";
  await saveAndWaitFor(`${original}\n${fixed}\n`, fixed);
  await save(original);
});

test("the preview logs no browser error and nothing leaves 127.0.0.1", () => {
  assert.deepEqual(watch.foreignRequests, []);
  assert.deepEqual(watch.consoleErrors, []);
});
