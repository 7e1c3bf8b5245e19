// The form of a declared check (ims-migration) as a visitor meets it in
// Chromium: the verdict is in view after the last answer at 1280 px and,
// after the Check button, at 320 px; a version is judged when the field is
// left, never while typed; garbage gets a message next to the field; Enter
// checks; the answers give the statuses of the table of cases. Prints the
// input-to-verdict times (data-last-ms). Nothing may log an error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPOSITORY } from "./support/site.mjs";
import { visitSite } from "./support/visit.mjs";
import * as ims2021 from "./support/checker.mjs";

const PAGE = "/en/technotes/using/ims-migration.html";
const CASES = JSON.parse(readFileSync(path.join(REPOSITORY, "tests/checks/ims-migration.json"), "utf8"));
const FORM = "#check-ims-migration form.check-form";
const VERDICT = "#check-ims-migration-verdict";

let server;
let browser;
let visitor;
let close;
const times = [];

before(async () => {
  ({ server, browser, visitor, close } = await visitSite());
});

after(async () => {
  if (times.length > 0) {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(`ims-migration input-to-verdict: ${times.length} answers, median ${median.toFixed(3)} ms, max ${sorted.at(-1).toFixed(3)} ms`);
  }
  await close?.();
});

function openForm(width, height) {
  return ims2021.openFormPage(visitor.context, `${server.origin}${PAGE}`, FORM, width, height);
}

/** Answers like a visitor: radios clicked, the version typed then left. */
async function answer(page, answers) {
  await ims2021.answerFields(page, FORM, answers, async () => {
    times.push(Number(await page.locator(VERDICT).getAttribute("data-last-ms")));
  });
}

async function inViewport(page, selector) {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight;
  });
}

test("every case of the table gets its status in the page", async () => {
  const page = await openForm(1280, 900);
  for (const { name, answers, status } of CASES) {
    // Unanswered, the form only invites answers; "cloud" is no offered choice.
    if (Object.keys(answers).length === 0 || JSON.stringify(answers).includes("cloud")) continue;
    await page.reload();
    await page.waitForSelector(`${FORM}:not([hidden])`);
    await answer(page, answers);
    assert.equal(await page.locator(VERDICT).getAttribute("data-status"), status, name);
  }
  await page.close();
});

test("at 1280 px the verdict is in view after the last answer, beside the questions", async () => {
  const page = await openForm(1280, 900);
  await answer(page, CASES[0].answers);
  assert.equal(await page.locator(VERDICT).getAttribute("data-status"), "upgrade-first");
  assert.ok(await inViewport(page, VERDICT), "the verdict should be on screen after the last answer");
  await page.close();
});

test("at 320 px the Check button brings the verdict into view and focus", async () => {
  const page = await openForm(320, 640);
  await answer(page, CASES[5].answers);
  await page.locator(`${FORM} .check-submit`).click();
  assert.equal(await page.locator(VERDICT).getAttribute("data-status"), "ready");
  assert.ok(await inViewport(page, VERDICT), "the verdict should be on screen after Check");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "check-ims-migration-verdict");
  await page.close();
});

test("a version is judged when left, not while typed, and garbage is named next to the field", async () => {
  const page = await openForm(1280, 900);
  const field = page.locator(`${FORM} input[name="version"]`);
  const before = await page.locator(VERDICT).innerHTML();
  await field.pressSequentially("7.3");
  assert.equal(await page.locator(VERDICT).innerHTML(), before, "nothing is redrawn while typing");
  await field.fill("x".repeat(10_000).slice(0, 64));
  await field.press("Tab");
  const error = page.locator("#check-ims-migration-version-error");
  assert.equal(await error.isVisible(), true);
  assert.match(await error.textContent(), /cannot read this version/);
  assert.equal(await field.getAttribute("aria-invalid"), "true");
  await field.fill("7.4.1");
  await field.press("Enter");
  assert.equal(await error.isVisible(), false);
  await page.close();
});

test("without JavaScript the table of every case is there and open", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.origin}${PAGE}`);
  assert.equal(await page.locator(`${FORM}`).isVisible(), false);
  assert.equal(await page.locator("#check-ims-migration details.check-decisions").evaluate((d) => d.open), true);
  assert.ok((await page.locator("#check-ims-migration details.check-decisions tbody tr").count()) >= 6);
  await context.close();
});

for (const [width, height] of [[1280, 900], [320, 640]]) {
  test(`the 2021 check at ${width} px: the verdict is in view after the last answer (and Check)`, async () => {
    const page = await visitor.context.newPage();
    await page.setViewportSize({ width, height });
    const url = `${server.origin}${ims2021.TECHNOTE_PATHS.en}`;
    await ims2021.answerCase(page, url, ims2021.CASE_WITH_FINDINGS.answers);
    if (width < 600) await page.locator(`${ims2021.FORM} .check-submit`).click();
    const verdict = page.locator(ims2021.VERDICT);
    assert.equal(await verdict.getAttribute("data-status"), ims2021.CASE_WITH_FINDINGS.status);
    // The result's own line must be on screen; a long list of steps may
    // run below it (rounding puts a box scrolled to the top at -0.1 px).
    const top = await page.locator(`${ims2021.VERDICT} .check-status`).evaluate((line) => line.getBoundingClientRect().top);
    const screen = await page.evaluate(() => window.innerHeight);
    assert.ok(top >= -1 && top < screen - 20, `the result line should be on screen (top ${top} of ${screen})`);
    await page.close();
  });
}

test("the 2021 check before any answer shows no list of steps, and its results look apart", async () => {
  const page = await visitor.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const url = `${server.origin}${ims2021.TECHNOTE_PATHS.en}`;
  await ims2021.openChecker(page, url);
  const verdict = page.locator(ims2021.VERDICT);
  // Before any answer: one waiting line, no to-do list, no "Read more" links.
  assert.equal(await verdict.getAttribute("data-status"), "waiting");
  assert.equal(await page.locator(`${ims2021.VERDICT} li, ${ims2021.VERDICT} a`).count(), 0);
  // The questions are above the result: nothing may send the visitor below.
  const words = await page.locator("#check-ims-2021").innerText();
  assert.doesNotMatch(words, /answers below/i);
  // Ready, action needed and blocked: each its own border and icon.
  const looks = new Map();
  for (const status of ["ready", "action-needed", "blocked"]) {
    const entry = ims2021.CASES.find((candidate) => candidate.status === status);
    assert.ok(entry, `tests/checks/ims-2021.json has a ${status} case`);
    await ims2021.answerCase(page, url, entry.answers);
    assert.equal(await verdict.getAttribute("data-status"), status);
    const look = await page.locator(`${ims2021.VERDICT}`).evaluate((region) => {
      const line = region.querySelector(".check-status");
      const icon = line ? getComputedStyle(line, "::before").content : "";
      return `${getComputedStyle(region).borderLeftColor} ${getComputedStyle(region).borderLeftWidth} ${icon}`;
    });
    looks.set(status, look);
  }
  assert.equal(new Set(looks.values()).size, 3, `three distinct panels: ${[...looks].join("; ")}`);
  await page.close();
});

test("nothing logged an error or left 127.0.0.1", () => {
  assert.deepEqual(visitor.watch.foreignRequests, []);
  assert.deepEqual(visitor.watch.consoleErrors, []);
});
