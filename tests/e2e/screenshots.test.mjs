// Screenshots of the French technote with the checker showing a verdict, on
// a phone (375 px) and a desktop (1280 px), light and dark, written to
// target/screenshots/ for people to look at. Each width must also fit the
// page without sideways scrolling.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { CASE_WITH_FINDINGS, FORM, TECHNOTE_PATHS, VERDICT, answerCase, openChecker } from "./support/checker.mjs";
import { serveSite } from "./support/server.mjs";
import { REPOSITORY, buildSite } from "./support/site.mjs";

const SCREENSHOTS = path.join(REPOSITORY, "target", "screenshots");
const WIDTHS = [375, 1280];
const COLOR_SCHEMES = ["light", "dark"];

let site;
let server;
let browser;

before(async () => {
  site = await buildSite();
  server = await serveSite(site.root);
  browser = await launchChromium("fr-FR");
  await mkdir(SCREENSHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

for (const width of WIDTHS) {
  for (const colorScheme of COLOR_SCHEMES) {
    test(`French technote at ${width} px, ${colorScheme}`, async (t) => {
      const { context, watch } = await watchedContext(browser, {
        locale: "fr-FR",
        colorScheme,
        viewport: { width, height: 900 },
      });
      const page = await context.newPage();
      const pathname = TECHNOTE_PATHS.fr;
      const url = `${server.origin}${pathname}`;
      await openChecker(page, url);
      await answerCase(page, url, CASE_WITH_FINDINGS.answers);

      const verdict = page.locator(`${VERDICT} li`);
      assert.ok((await verdict.count()) > 0, `${pathname} at ${width} px: ${VERDICT} should list steps`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${pathname} at ${width} px: the page scrolls sideways by ${overflow} px`);

      const file = path.join(SCREENSHOTS, `fr-ims-sign-in-update-${width}-${colorScheme}.png`);
      await page.screenshot({ path: file, fullPage: true });
      t.diagnostic(path.relative(REPOSITORY, file));
      if (width === 1280 && colorScheme === "light") {
        // The README's picture (docs/screenshot-fr.png is a copy): the page
        // from its top down to the checker's verdict.
        const formBottom = await page.locator(FORM).evaluate((form) => form.getBoundingClientRect().bottom + scrollY);
        const top = path.join(SCREENSHOTS, "fr-ims-sign-in-update-1280-light-top.png");
        await page.screenshot({ path: top, fullPage: true, clip: { x: 0, y: 0, width, height: Math.ceil(formBottom + 24) } });
        t.diagnostic(path.relative(REPOSITORY, top));
      }
      await context.close();
      assert.deepEqual(watch.problems(), [], watch.problems().join("\n"));
    });
  }
}
