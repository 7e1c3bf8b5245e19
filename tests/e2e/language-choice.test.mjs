// The root page of a site in Experience League's twelve locales (with its
// `[url_folders]`) in Chromium: a browser asking for a language sends the
// reader to the nearest locale's home, or leaves the list of languages;
// and each `Language=` line of `_redirects` leads where the page's script
// would.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { chooseLocale } from "../../www/language-choice.js";
import { launchChromium, watchedContext } from "./support/browser.mjs";
import { serveSite } from "./support/server.mjs";
import { technoteBinary } from "./support/site.mjs";

const run = promisify(execFile);
const FOLDERS = {
  "fr-FR": "fr", "de-DE": "de", "es-ES": "es", "it-IT": "it", "ja-JP": "ja", "ko-KR": "ko",
  "pt-BR": "pt-br", "zh-Hans": "zh-hans", "zh-Hant": "zh-hant", "nl-NL": "nl", "sv-SE": "sv",
};

let scratch;
let server;
let browser;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-languages-"));
  const project = path.join(scratch, "project");
  await run(technoteBinary(), ["init", project]);
  const config = path.join(project, "technote.toml");
  const locales = ["en", ...Object.keys(FOLDERS)];
  const folders = Object.entries(FOLDERS).map(([tag, folder]) => `${tag} = "${folder}"`).join("\n");
  await writeFile(
    config,
    (await readFile(config, "utf8")).replace('locales = ["en", "fr"]', `locales = ${JSON.stringify(locales)}`)
      + `\n[url_folders]\n${folders}\n`,
  );
  await rename(path.join(project, "content/fr"), path.join(project, "content/fr-FR"));
  for (const tag of Object.keys(FOLDERS)) await mkdir(path.join(project, "locales", tag), { recursive: true });
  await run(technoteBinary(), ["build", "--root", project]);
  server = await serveSite(path.join(project, "public"));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const READERS = [
  ["ja", "/ja/"],
  ["zh-TW", "/zh-hant/"],
  ["zh-HK", "/zh-hant/"],
  ["zh-CN", "/zh-hans/"],
  ["pt", "/pt-br/"],
  ["pt-PT", "/pt-br/"],
  ["fr-CA", "/fr/"],
  ["sv-FI", "/sv/"],
  ["en-GB", "/en/"],
];

for (const [language, home] of READERS) {
  test(`a browser asking for ${language} goes from the root to ${home}`, async () => {
    const { context, watch } = await watchedContext(browser, { locale: language });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.waitForURL(`${server.origin}${home}`, { timeout: 10_000 }).catch(() => {
      throw new Error(`navigator.languages ${language}: expected ${home}, still on ${page.url()}`);
    });
    assert.deepEqual(watch.problems(), []);
    await context.close();
  });
}

test("a browser asking for a language the site lacks stays on the list of languages", async () => {
  const { context } = await watchedContext(browser, { locale: "uk-UA" });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForLoadState("networkidle");
  assert.equal(page.url(), `${server.origin}/`);
  assert.equal(await page.locator("[data-language-chooser] a").count(), 12);
  await context.close();
});

test("every Language= line of _redirects leads where the root page's script goes", async () => {
  const response = await fetch(`${server.origin}/`);
  const root = await response.text();
  const chooser = root.slice(root.indexOf("data-language-chooser"));
  const links = [...chooser.matchAll(/<a href="([^"]+)" hreflang="([^"]+)"/g)].map(([, href, lang]) => ({ href, lang }));
  assert.equal(links.length, 12);
  const project = path.join(scratch, "project");
  const redirects = await readFile(path.join(project, "public/_redirects"), "utf8");
  const lines = redirects.split("\n").filter((line) => line.includes(" Language="));
  assert.equal(lines.length, 12, redirects);
  for (const line of lines) {
    const [, to, , condition] = line.split(" ");
    const tags = condition.slice("Language=".length).split(",");
    for (const tag of tags) {
      const at = chooseLocale([tag], links.map((link) => link.lang));
      assert.equal(links[at]?.href, to, `${tag}: _redirects says ${to}`);
    }
  }
});
