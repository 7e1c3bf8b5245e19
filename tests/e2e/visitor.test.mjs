// A visitor's path through the built site in Chromium: the root page sends a
// French browser to French, an FAQ answer opens from the keyboard, the
// checker gives every verdict of the shared case table in French and in
// English, the language switcher keeps the page, and without JavaScript the
// technote still has its table and FAQ. Nothing may log an error or leave
// 127.0.0.1.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { CASES, FORM, TECHNOTE_PATHS, VERDICT, answerCase, readVerdict } from "./support/checker.mjs";
import { serveSite } from "./support/server.mjs";
import { buildSite } from "./support/site.mjs";

let site;
let server;
let browser;
let visitor;
let page;
const watches = [];
/** Verdicts shown per language, by case name, to compare the two languages. */
const shown = { fr: new Map(), en: new Map() };
/** data-last-ms of every case's last input. */
const verdictTimes = [];

before(async () => {
  site = await buildSite();
  server = await serveSite(site.root);
  browser = await launchChromium("fr-FR");
  visitor = await watchedContext(browser, { locale: "fr-FR" });
  watches.push(visitor.watch);
  page = await visitor.context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const url = (pathname) => `${server.origin}${pathname}`;

test("the root page sends a French browser to the French home, which links to the technote", async () => {
  await page.goto(url("/"));
  await page.waitForURL(url("/fr/"), { timeout: 10_000 }).catch(() => {
    throw new Error(`root page /: expected navigator.languages fr-FR to redirect to /fr/, still on ${page.url()}`);
  });
  assert.equal(await page.getAttribute("html", "lang"), "fr", "/fr/: <html lang> should be fr");
  const link = page.locator(`main a[href="${TECHNOTE_PATHS.fr}"]`).first();
  assert.equal(await link.count(), 1, `/fr/: expected a link to ${TECHNOTE_PATHS.fr} in <main>`);
  await link.click();
  await page.waitForURL(url(TECHNOTE_PATHS.fr));
});

test("an FAQ answer opens and closes from the keyboard", async () => {
  const entry = page.locator("details.faq-entry").first();
  assert.equal(await entry.count(), 1, `${TECHNOTE_PATHS.fr}: expected a details.faq-entry`);
  const id = await entry.getAttribute("id");
  const answer = entry.locator(":scope > :not(summary)").first();
  assert.equal(await entry.evaluate((details) => details.open), false, `#${id} should start closed`);
  await entry.locator("summary").focus();
  await page.keyboard.press("Enter");
  assert.equal(await entry.evaluate((details) => details.open), true, `#${id}: Enter on its summary should open it`);
  assert.ok(await answer.isVisible(), `#${id}: the answer should be visible once open`);
  await page.keyboard.press("Space");
  assert.equal(await entry.evaluate((details) => details.open), false, `#${id}: Space on its summary should close it`);
});

/** Runs every case on the technote; returns the mismatches, one line each. */
async function runEveryCase(language) {
  const pathname = TECHNOTE_PATHS[language];
  const mismatches = [];
  for (const { name, answers, status, steps = [], missing = [] } of CASES) {
    await answerCase(page, url(pathname), answers);
    const verdict = await readVerdict(page);
    shown[language].set(name, verdict);
    verdictTimes.push(verdict.lastMs);
    const where = `${pathname} ${VERDICT}, case "${name}"`;
    // Unanswered, the form only invites answers.
    const expected = Object.values(answers).every((value) => value.trim() === "") ? "waiting" : status;
    if (verdict.status !== expected) {
      mismatches.push(`${where}: data-status ${verdict.status}, expected ${expected}`);
    }
    const codes = verdict.steps.map((step) => step.code);
    if (expected !== "waiting" && JSON.stringify(codes) !== JSON.stringify(steps)) {
      mismatches.push(`${where}: li[data-step] ${JSON.stringify(codes)}, expected ${JSON.stringify(steps)}`);
    }
    const links = missing.map((input) => `#check-ims-2021-${input}`);
    if (expected !== "waiting" && JSON.stringify(verdict.missing) !== JSON.stringify(links)) {
      mismatches.push(`${where}: links to unanswered questions ${JSON.stringify(verdict.missing)}, expected ${JSON.stringify(links)}`);
    }
    if (verdict.statusText === "") mismatches.push(`${where}: .check-status is empty`);
    for (const step of verdict.steps) {
      if (step.text === "" || /[\uE000\uE001]/.test(step.text) || step.text.startsWith("check-")) {
        mismatches.push(`${where}: li[data-step=${step.code}] text ${JSON.stringify(step.text)}, expected a worded step`);
      }
    }
  }
  return { mismatches };
}

for (const language of ["fr", "en"]) {
  test(`the checker shows the verdict of every shared case (${language})`, async (t) => {
    const { mismatches } = await runEveryCase(language);
    t.diagnostic(`${CASES.length} cases`);
    assert.deepEqual(mismatches, [], `${mismatches.length} mismatches:\n${mismatches.join("\n")}`);
  });

  if (language === "fr") {
    test("the language switcher leads to the same technote in English", async () => {
      const english = page.locator('nav.language-switcher a[hreflang="en"]');
      assert.equal(await english.count(), 1, `${TECHNOTE_PATHS.fr}: expected one English link in nav.language-switcher`);
      await english.click();
      await page.waitForURL(url(TECHNOTE_PATHS.en)).catch(() => {
        throw new Error(`${TECHNOTE_PATHS.fr}: the English link of nav.language-switcher led to ${page.url()}, expected ${TECHNOTE_PATHS.en}`);
      });
      assert.equal(await page.getAttribute("html", "lang"), "en", `${TECHNOTE_PATHS.en}: <html lang> should be en`);
    });
  }
}

test("verdicts are worded in each page's language", () => {
  const untranslated = [];
  for (const { name } of CASES) {
    const french = shown.fr.get(name);
    const english = shown.en.get(name);
    if (french === undefined || english === undefined) continue;
    if (french.statusText === english.statusText) untranslated.push(`case "${name}": status "${french.statusText}" is the same in fr and en`);
    french.steps.forEach((step, index) => {
      if (step.text === english.steps[index]?.text) {
        untranslated.push(`case "${name}": li[data-step=${step.code}] "${step.text}" is the same in fr and en`);
      }
    });
  }
  assert.ok(shown.fr.size === CASES.length && shown.en.size === CASES.length, "every case should have run in fr and en");
  assert.deepEqual(untranslated, [], untranslated.join("\n"));
});

test("input-to-verdict time (data-last-ms)", (t) => {
  const times = verdictTimes.filter(Number.isFinite).sort((a, b) => a - b);
  assert.ok(times.length > 0, `${VERDICT}[data-last-ms] should be a number once answered`);
  const median = times[Math.floor(times.length / 2)];
  const slowest = times.at(-1);
  const summary = `input → verdict over ${times.length} verdicts: median ${median.toFixed(2)} ms, max ${slowest.toFixed(2)} ms`;
  t.diagnostic(summary);
});

test("without JavaScript the technote keeps its table and FAQ, and hides the form", async () => {
  const noScript = await watchedContext(browser, { locale: "fr-FR", javaScriptEnabled: false });
  watches.push(noScript.watch);
  const plain = await noScript.context.newPage();
  const pathname = TECHNOTE_PATHS.fr;
  await plain.goto(url(pathname));

  const rows = plain.locator("#minimum-releases table tbody tr");
  assert.ok(await plain.locator("#minimum-releases table").isVisible(), `${pathname}: #minimum-releases table should be visible`);
  assert.ok((await rows.count()) > 0, `${pathname}: #minimum-releases table should list releases`);
  const faq = plain.locator("details.faq-entry summary");
  assert.ok((await faq.count()) > 0 && (await faq.first().isVisible()), `${pathname}: FAQ summaries should be visible`);
  assert.equal(await plain.locator(FORM).isVisible(), false, `${pathname}: ${FORM} should stay hidden`);
  assert.equal(await plain.locator("#check-ims-2021 .check-unavailable").isVisible(), false, `${pathname}: .check-unavailable should stay hidden`);
  // In place of the form, every case the check knows, open.
  const decisions = plain.locator("#check-ims-2021 details.check-decisions");
  assert.equal(await decisions.evaluate((details) => details.open), true, `${pathname}: the list of every case should be open`);
  assert.ok((await decisions.locator("tbody tr").count()) >= 5, `${pathname}: the list should give every rule of the check`);

  await plain.goto(url("/"));
  const languages = plain.locator("[data-language-chooser] a");
  assert.ok((await languages.count()) >= 2, "root page without JavaScript: expected a list of languages");
  assert.equal(plain.url(), url("/"), "root page without JavaScript: expected no redirect");
  await noScript.context.close();
});

test("no console error, no failed request, nothing leaves 127.0.0.1", () => {
  const requests = watches.flatMap((watch) => watch.requests);
  assert.ok(requests.some((request) => request.endsWith(".wasm")), "the checker's WebAssembly should have been requested");
  const problems = watches.flatMap((watch) => watch.problems());
  assert.deepEqual(problems, [], problems.join("\n"));
});
