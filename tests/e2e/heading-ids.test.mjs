// Heading ids that keep their letters (`#概要と設定`) in Chromium: a link
// to the former, transliterated id lands on the heading, opens the FAQ
// answer or shows the tab it names; the table of contents uses the new ids;
// the page stays valid HTML (Nu) and axe-clean with its alias elements.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { launchChromium, watchedContext } from "./support/browser.mjs";
import { serveSite } from "./support/server.mjs";
import { technoteBinary } from "./support/site.mjs";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const AXE_SOURCE = require("axe-core").source;
const VNU_JAR = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");
const FILLER = Array.from({ length: 40 }, (_, i) => `段落 ${i + 1}：コンソールの設定を確認します。`).join("\n\n");
const PAGE = `---
title: 設定の手引き
description: IMS への移行の準備
exl-id: 5b0f3c1e-7a2d-4e8f-9c61-2d4b8a7e3f10
---

# 設定の手引き

## はじめに

${FILLER}

## 概要と設定

サインインの準備をまとめます。

>[!BEGINTABS]

>[!TAB 托管]

サーバーは Adobe が更新します。

>[!TAB 本地部署]

サーバーはご自身で更新します。

>[!ENDTABS]

## FAQ

**パスワードはどうなりますか？**

Adobe ID のパスワードを使います。

## 参考

${FILLER}
`;

let scratch;
let server;
let browser;
let context;
let watch;
let setupFile;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-heading-ids-"));
  const project = path.join(scratch, "project");
  await run(technoteBinary(), ["init", project]);
  await writeFile(path.join(project, "content/en/technotes/setup.md"), PAGE);
  await run(technoteBinary(), ["build", "--root", project]);
  setupFile = path.join(project, "public/en/technotes/setup.html");
  server = await serveSite(path.join(project, "public"));
  browser = await launchChromium();
  ({ context, watch } = await watchedContext(browser, { viewport: { width: 1280, height: 800 } }));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const pageUrl = (fragment) => `${server.origin}/en/technotes/setup.html${fragment}`;

test("a link to a heading's former id lands on the heading", async () => {
  const page = await context.newPage();
  await page.goto(pageUrl("#gai-yao-toshe-ding"));
  const top = await page.locator("h2#概要と設定").evaluate((h2) => h2.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 40, `the heading should be at the top of the window, is at ${top}px`);
  assert.ok(await page.evaluate(() => scrollY) > 0);
  await page.close();
});

test("the table of contents links to the new ids, and they land too", async () => {
  const page = await context.newPage();
  await page.goto(pageUrl(""));
  const hrefs = await page.locator("nav.toc a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.includes("#概要と設定"), JSON.stringify(hrefs));
  assert.ok(!hrefs.some((href) => href.includes("gai-yao")), JSON.stringify(hrefs));
  await page.locator('nav.toc a[href="#概要と設定"]').click();
  await page.waitForFunction(() => decodeURIComponent(location.hash) === "#概要と設定");
  const top = await page.locator("h2#概要と設定").evaluate((h2) => h2.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 40, `heading at ${top}px`);
  await page.close();
});

test("the former id of a FAQ question opens its answer, and that of a tab shows the tab", async () => {
  let page = await context.newPage();
  await page.goto(pageUrl("#pasuwadohadounarimasuka"));
  assert.equal(await page.locator("details#パスワードはどうなりますか").evaluate((d) => d.open), true);
  await page.close();
  // A new visit: the tab set is set up as the page loads.
  page = await context.newPage();
  await page.goto(pageUrl("#ben-di-bu-shu"));
  assert.equal(await page.locator("section#本地部署").isVisible(), true);
  assert.equal(await page.locator("section#托管").isVisible(), false);
  await page.close();
  assert.deepEqual(watch.problems(), []);
});

test("the page with its alias elements is valid HTML and axe finds nothing", async () => {
  let report;
  try {
    ({ stderr: report } = await run(process.env.JAVA ?? "java", ["-jar", VNU_JAR, "--format", "json", "--errors-only", setupFile]));
  } catch (error) {
    report = error.stderr;
  }
  assert.deepEqual(JSON.parse(report).messages.map((m) => `${m.lastLine}: ${m.message}`), []);
  const page = await context.newPage();
  await page.goto(pageUrl(""));
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const results = await globalThis.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return results.violations.map(({ id, nodes }) => `${id}: ${nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  assert.deepEqual(violations, []);
  await page.close();
});
