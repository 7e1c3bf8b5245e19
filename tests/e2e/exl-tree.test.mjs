// The Experience League fixture tree (tests/fixtures/exl-tree), built in
// place from a one-line [content] setting: its new page kinds (a page with
// a sidebar, the landing home, the list of all pages, a redirect page) have
// no axe violation and no Nu error, and the sidebar works from the keyboard
// and at 320 px, without JavaScript too.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { serveSite } from "./support/server.mjs";
import { REPOSITORY, technoteBinary } from "./support/site.mjs";

const AXE_SOURCE = createRequire(import.meta.url)("axe-core").source;
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const VNU_JAR = path.join(path.dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

const GUIDE_PAGE = "/en/install/using/upgrade.html";
const REDIRECT_PAGE = "/en/install/using/old-requirements.html";
const REDIRECT_TARGET = "/en/install/using/requirements.html";
const PAGES = [
  { name: "landing home with sidebar", path: "/en/" },
  { name: "guide page with sidebar", path: GUIDE_PAGE },
  { name: "list of all pages", path: "/en/all-pages.html" },
  { name: "redirect page", path: REDIRECT_PAGE },
  // [listing] below makes the Installation pages too many for the list of
  // all pages, which links to their own list, in pages.
  { name: "feature list, first page", path: "/en/all-pages/installation.html" },
  { name: "feature list, last page", path: "/en/all-pages/installation-2.html" },
];

let scratch;
let server;
let browser;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-exl-"));
  for (const part of ["locales", "templates", "www"]) {
    await cp(path.join(REPOSITORY, part), path.join(scratch, part), { recursive: true });
  }
  await mkdir(path.join(scratch, "content"));
  const help = path.join(REPOSITORY, "tests", "fixtures", "exl-tree", "help");
  await writeFile(
    path.join(scratch, "technote.toml"),
    `base_url = "https://docs.example.org/"\nlocales = ["en"]\nreference_locale = "en"\n` +
      `external_docs_base = "https://experienceleague.adobe.com/docs/skyline-mailer/using/"\n\n[content]\nen = ${JSON.stringify(help)}\n` +
      `\n[listing]\nper_group = 2\nper_page = 3\n`,
  );
  await promisify(execFile)(technoteBinary(), ["build", "--root", scratch]);
  server = await serveSite(path.join(scratch, "public"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

const url = (pathname) => `${server.origin}${pathname}`;

async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const results = await globalThis.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.flatMap(({ id, nodes }) => nodes.map((node) => `${id} at ${node.target.join(" ")}`));
  }, WCAG_TAGS);
  return violations;
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe finds no WCAG A/AA violation on the tree's page kinds (${colorScheme})`, async () => {
    const { context, watch } = await watchedContext(browser, { colorScheme });
    // The redirect page leaves at once: its destination answers 204 No
    // Content, which keeps the browser on the redirect page so that it can
    // be checked, and the request is the proof that it redirects.
    let redirectedTo = null;
    await context.route(url(REDIRECT_TARGET), (route) => {
      redirectedTo = new URL(route.request().url()).pathname;
      return route.fulfill({ status: 204 });
    });
    const page = await context.newPage();
    const failures = [];
    for (const { name, path: pathname } of PAGES) {
      await page.goto(url(pathname), { waitUntil: "load" }).catch(() => {});
      if (pathname === REDIRECT_PAGE) await page.waitForTimeout(300);
      for (const violation of await axeViolations(page)) failures.push(`${name}: ${violation}`);
    }
    assert.equal(redirectedTo, REDIRECT_TARGET, "the redirect page sends the browser to its destination");
    await context.close();
    failures.push(...watch.problems());
    assert.deepEqual(failures, [], failures.join("\n"));
  });
}

test("the tree's page kinds are valid HTML (Nu HTML Checker)", async () => {
  const public_ = path.join(scratch, "public");
  const files = PAGES.map(({ path: pathname }) =>
    path.join(public_, pathname.endsWith("/") ? `${pathname}index.html` : pathname),
  );
  let report;
  try {
    report = (await promisify(execFile)(process.env.JAVA ?? "java", ["-jar", VNU_JAR, "--format", "json", "--errors-only", ...files], { maxBuffer: 1 << 26 })).stderr;
  } catch (error) {
    if (typeof error.stderr !== "string" || !error.stderr.trimStart().startsWith("{")) throw error;
    report = error.stderr;
  }
  const errors = JSON.parse(report).messages.map(
    (message) => `${path.relative(public_, fileURLToPath(message.url))}:${message.lastLine}: ${message.message}`,
  );
  assert.deepEqual(errors, [], errors.join("\n"));
});

test("at 320 px the sidebar opens from the Menu link by keyboard, without JavaScript", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url(GUIDE_PAGE));
  const sidebar = page.locator("nav#sidebar");
  assert.equal(await sidebar.isVisible(), false, "the sidebar stays out of the way");
  const menu = page.locator("a.menu-button");
  assert.equal(await menu.isVisible(), true);
  let reached = false;
  for (let step = 0; step < 12 && !reached; step += 1) {
    await page.keyboard.press("Tab");
    reached = await menu.evaluate((element) => element === document.activeElement);
  }
  assert.ok(reached, "the Menu link is reachable with Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL(/#sidebar$/);
  assert.equal(await sidebar.isVisible(), true, "Enter on Menu shows the sidebar");
  const width = await sidebar.evaluate((element) => element.getBoundingClientRect().right);
  assert.ok(width <= 320, `the sidebar fits in 320 px (right edge at ${width})`);
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => document.activeElement?.closest("nav#sidebar") !== null);
  assert.ok(focused, "Tab then moves into the sidebar");
  const current = page.locator("nav#sidebar a[aria-current=page]");
  assert.equal(await current.isVisible(), true, "the current page's groups are open");
  await context.close();
});

test("on a wide screen the sidebar is beside the page and its groups toggle by keyboard", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url(GUIDE_PAGE));
  assert.equal(await page.locator("nav#sidebar").isVisible(), true);
  assert.equal(await page.locator("a.menu-button").isVisible(), false);
  const closed = page.locator("nav#sidebar details:not([open]) > summary").first();
  const title = await closed.textContent();
  await closed.focus();
  await page.keyboard.press("Enter");
  const opened = await page.locator("nav#sidebar details", { has: page.locator(`summary:text-is(${JSON.stringify(title)})`) }).first().evaluate((d) => d.open);
  assert.ok(opened, `Enter on "${title}" opens its group`);
  await context.close();
});
