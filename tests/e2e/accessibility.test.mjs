// Accessibility of every page type, light and dark: axe-core finds no
// violation of WCAG 2.0/2.1/2.2 A and AA; and the checker works from the
// keyboard alone, in visual order, with a visible focus and a live verdict.
//
// axe is injected with page.evaluate (the DevTools protocol's evaluation is
// not subject to the page's Content Security Policy), not with
// page.addScriptTag({ content }): that inserts an inline <script>, which the
// site's CSP (script-src 'self') rightly refuses. The site's own scripts keep
// running under the unmodified CSP, so what axe sees is what visitors get.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { CASE_WITH_FINDINGS, FORM, TECHNOTE_PATHS, VERDICT, answerCase, openChecker } from "./support/checker.mjs";
import { serveSite } from "./support/server.mjs";
import { buildSite } from "./support/site.mjs";

const AXE_SOURCE = createRequire(import.meta.url)("axe-core").source;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const MISSING_PATH = "/no-such-page/";

/** Page types and how to bring each to the state under test. */
const PAGES = [
  { name: "root", path: "/" },
  { name: "home fr", path: "/fr/" },
  { name: "home en", path: "/en/" },
  { name: "technote fr, checker shown", path: TECHNOTE_PATHS.fr, checker: "shown" },
  { name: "technote fr, verdict and every FAQ answer open", path: TECHNOTE_PATHS.fr, checker: "verdict" },
  { name: "technote en, checker shown", path: TECHNOTE_PATHS.en, checker: "shown" },
  { name: "technote en, verdict and every FAQ answer open", path: TECHNOTE_PATHS.en, checker: "verdict" },
  { name: "console-windows-requirements fr", path: "/fr/technotes/using/console-windows-requirements.html" },
  { name: "console-windows-requirements en", path: "/en/technotes/using/console-windows-requirements.html" },
  { name: "checker-privacy en", path: "/en/technotes/using/checker-privacy.html" },
  { name: "404 (a missing path)", path: MISSING_PATH },
  { name: "404 fr", path: "/fr/404.html" },
  { name: "404 en", path: "/en/404.html" },
];

let site;
let server;
let browser;

before(async () => {
  site = await buildSite();
  server = await serveSite(site.root);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const url = (pathname) => `${server.origin}${pathname}`;

/** axe's violations on the page as it stands, one line per failing element. */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const results = await globalThis.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
    });
    return results.violations.map(({ id, help, nodes }) => ({
      id,
      help,
      nodes: nodes.map((node) => ({ target: node.target.join(" "), summary: node.failureSummary ?? "" })),
    }));
  }, WCAG_TAGS);
  return violations.flatMap(({ id, help, nodes }) =>
    nodes.map((node) => `${id} (${help}) at ${node.target}: ${node.summary.replaceAll("\n", " ")}`),
  );
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe finds no WCAG A/AA violation on any page type (${colorScheme})`, async () => {
    // de-DE is a language the site does not offer, so the root page stays put.
    const { context, watch } = await watchedContext(browser, { locale: "de-DE", colorScheme });
    watch.expectedMissing.add(MISSING_PATH);
    const page = await context.newPage();
    const failures = [];
    for (const { name, path, checker } of PAGES) {
      if (checker === undefined) {
        const response = await page.goto(url(path));
        const expectedStatus = path === MISSING_PATH ? 404 : 200;
        if (response?.status() !== expectedStatus) {
          failures.push(`${name} ${path}: HTTP ${response?.status()}, expected ${expectedStatus}`);
        }
      } else {
        await openChecker(page, url(path));
      }
      if (checker === "verdict") {
        await answerCase(page, url(path), CASE_WITH_FINDINGS.answers);
        await page.evaluate(() => document.querySelectorAll("details").forEach((details) => { details.open = true; }));
      }
      for (const violation of await axeViolations(page)) failures.push(`${name} ${path}: ${violation}`);
    }
    await context.close();
    failures.push(...watch.problems());
    assert.deepEqual(failures, [], `${failures.length} problems (${colorScheme}):\n${failures.join("\n")}`);
  });
}

/** Where focus is: which control, where on the page, and whether its focus is drawn. */
function describeFocus() {
  const element = document.activeElement;
  const form = document.querySelector("#check-ims-2021 form.check-form");
  if (element === null || form === null || !form.contains(element)) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const outlined = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
  return {
    label: element.getAttribute("name") ?? element.getAttribute("href") ?? element.tagName.toLowerCase(),
    name: element.getAttribute("name"),
    kind: element instanceof HTMLSelectElement ? "select" : element instanceof HTMLInputElement ? element.type : "link",
    top: box.top + scrollY,
    left: box.left + scrollX,
    focusVisible: element.matches(":focus-visible"),
    drawn: outlined || style.boxShadow !== "none",
  };
}

test("the checker is usable from the keyboard alone, in visual order, with a visible focus", async (t) => {
  const { context, watch } = await watchedContext(browser, { locale: "fr-FR", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pathname = TECHNOTE_PATHS.fr;
  await openChecker(page, url(pathname));
  // Tab from the top of the page into the form, then through it until focus leaves it.
  const stops = [];
  for (let step = 0; step < 300; step += 1) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(describeFocus);
    if (focus === null) {
      if (stops.length > 0) break;
      continue;
    }
    stops.push(focus);
    // Answer as a keyboard user does: Space checks the focused radio,
    // typing fills a field, an arrow picks the next option of a select.
    if (focus.kind === "radio") await page.keyboard.press("Space");
    if (focus.kind === "text") await page.keyboard.type("20.2.4");
    if (focus.kind === "select") await page.keyboard.press("ArrowDown");
  }
  const order = stops.map((stop) => stop.label).join(" → ");
  t.diagnostic(`Tab order through the checker: ${order}`);

  const reached = new Set(stops.map((stop) => stop.name).filter((name) => name !== null));
  const fields = await page.$$eval(`${FORM} [name]`, (controls) => [...new Set(controls.map((control) => control.getAttribute("name")))]);
  const unreached = fields.filter((field) => !reached.has(field));
  assert.deepEqual(unreached, [], `${pathname} ${FORM}: Tab should reach every field; it went ${order}`);

  const outOfOrder = stops.filter((stop, index) => {
    const previous = stops[index - 1];
    if (previous === undefined) return false;
    const sameRow = Math.abs(stop.top - previous.top) < 4;
    return sameRow ? stop.left < previous.left : stop.top < previous.top;
  });
  assert.deepEqual(outOfOrder.map((stop) => stop.label), [], `${pathname} ${FORM}: Tab order should follow the layout top to bottom; it went ${order}`);

  const undrawn = stops.filter((stop) => !stop.focusVisible || !stop.drawn).map((stop) => stop.label);
  assert.deepEqual(undrawn, [], `${pathname} ${FORM}: these had focus without a visible :focus-visible outline or box-shadow`);

  const answers = await page.$eval(FORM, (form) => Object.fromEntries(new FormData(form)));
  const unanswered = fields.filter((field) => !answers[field]);
  assert.deepEqual(unanswered, [], `${pathname} ${FORM}: keyboard answers should have filled every field (${JSON.stringify(answers)})`);

  const region = page.locator(VERDICT);
  const live = await region.evaluate((element) => ({ role: element.getAttribute("role"), live: element.getAttribute("aria-live") }));
  assert.ok(live.role === "status" || live.live === "polite" || live.live === "assertive",
    `${pathname} ${VERDICT}: expected role=status or aria-live, found ${JSON.stringify(live)}`);
  assert.ok(await region.getAttribute("data-status"), `${pathname} ${VERDICT}: a keyboard-only visitor should get a verdict`);

  await context.close();
  assert.deepEqual(watch.problems(), [], watch.problems().join("\n"));
});
