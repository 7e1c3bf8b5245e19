// Right-to-left pages: an Arabic locale made with `technote new locale ar`
// and a technote translated into it must not scroll sideways, at a desktop
// width or a phone's, with or without the skip link focused.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { serveSite } from "./support/server.mjs";
import { REPOSITORY, technoteBinary } from "./support/site.mjs";

const run = promisify(execFile);
let scratch;
let server;
let browser;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-rtl-"));
  for (const part of ["content", "locales", "templates", "www", "technote.toml"]) {
    await cp(path.join(REPOSITORY, part), path.join(scratch, part), { recursive: true });
  }
  const technote = technoteBinary();
  await run(technote, ["new", "locale", "ar", "--root", scratch]);
  const page = "technotes/using/console-windows-requirements.md";
  await run(technote, [
    "new", "technote", path.join(scratch, "content/ar", page),
    "--from", path.join(scratch, "content/en", page), "--root", scratch,
  ]);
  await run(technote, ["build", "--root", scratch, "--out", path.join(scratch, "public")]);
  server = await serveSite(path.join(scratch, "public"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

for (const width of [1280, 320]) {
  for (const where of ["ar/", "ar/technotes/using/console-windows-requirements.html"]) {
    test(`${where} at ${width} px is right to left and does not scroll sideways`, async () => {
      const { context } = await watchedContext(browser, { viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${server.origin}/${where}`);
      assert.equal(await page.getAttribute("html", "dir"), "rtl");
      const widths = () => page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      const before = await widths();
      assert.equal(before.scroll, before.client, `scrolls sideways: ${JSON.stringify(before)}`);
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.className), "skip-link");
      const focused = await widths();
      assert.equal(focused.scroll, focused.client, `skip link focused: ${JSON.stringify(focused)}`);
      await context.close();
    });
  }
}
