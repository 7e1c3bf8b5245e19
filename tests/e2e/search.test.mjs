// The search box in Chromium, under the site's Content-Security-Policy: it
// appears only with JavaScript, fetches nothing until it is used, then the
// head of its language's index and only the shards a query needs, and lists
// results a reader can follow with the keyboard.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { serveSite } from "./support/server.mjs";
import { buildSite } from "./support/site.mjs";

let site;
let server;
let browser;

before(async () => {
  site = await buildSite();
  server = await serveSite(site.root);
  browser = await launchChromium("fr-FR");
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const url = (pathname) => `${server.origin}${pathname}`;

test("a French query fetches the head and a few shards, and its first result opens by keyboard", async () => {
  const { context, watch } = await watchedContext(browser, { locale: "fr-FR" });
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/assets/search/")) fetched.push(pathname);
  });
  await page.goto(url("/fr/"));
  const input = page.locator("#site-search-input");
  await input.waitFor({ state: "visible" });
  assert.deepEqual(fetched, [], "nothing of the index is fetched before the box is used");
  await input.focus();
  await input.pressSequentially("mise a jour");
  const first = page.locator("#site-search-results a").first();
  await first.waitFor({ state: "visible" });
  assert.match(await first.getAttribute("href"), /^\/fr\/technotes\/using\/ims-sign-in-update\.html/);
  assert.ok(fetched.includes("/assets/search/fr/index.bin"), `the head is fetched: ${fetched}`);
  assert.ok(fetched.every((name) => name.startsWith("/assets/search/fr/")), `only French files: ${fetched}`);
  assert.ok(fetched.some((name) => /\/terms-[0-9a-f]{16}-\d+\.bin$/.test(name)), `a term shard: ${fetched}`);
  assert.ok(fetched.some((name) => /\/pages-[0-9a-f]{16}-\d+\.bin$/.test(name)), `a page shard: ${fetched}`);
  assert.equal(new Set(fetched).size, fetched.length, `each file once: ${fetched}`);
  await page.waitForFunction(() => document.querySelector(".search-status")?.textContent !== "");
  await input.press("ArrowDown");
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), await first.getAttribute("href"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/ims-sign-in-update\.html/);
  await context.close();
  assert.deepEqual(watch.problems(), []);
});

test("without JavaScript there is no search box", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url("/en/"));
  assert.equal(await page.locator("[data-search]").isVisible(), false);
  await context.close();
});
