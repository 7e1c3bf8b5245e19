// A project that keeps its own release catalog: Adobe published an IMS
// patch for 7.3.4 after this technote was built. The site is built with
// `--catalog` naming that file (as `[checks] catalog` would), and the
// page's WebAssembly checker, which receives the catalog in the page,
// places "7.3.4.IMS" at once; with the built-in catalog the same answer is
// an unknown release (tests/checks/ims-migration.json, "a patch 7.3.4
// never had", run by checks.test.mjs). Nothing may log an error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { REPOSITORY } from "./support/site.mjs";
import { answerFields, openFormPage } from "./support/checker.mjs";
import { visitSite } from "./support/visit.mjs";

const PAGE = "/en/technotes/using/ims-migration.html";
const FORM = "#check-ims-migration form.check-form";
const VERDICT = "#check-ims-migration-verdict";
const RELEASE = '{ name = "7.3.4", builds = [9364] }';

let scratch;
let server;
let visitor;
let close;

before(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-project-catalog-"));
  const builtIn = await readFile(path.join(REPOSITORY, "crates/rules/releases.toml"), "utf8");
  assert.ok(builtIn.includes(RELEASE), `crates/rules/releases.toml lists ${RELEASE}`);
  const catalog = path.join(scratch, "releases.toml");
  await writeFile(catalog, builtIn.replace(RELEASE, '{ name = "7.3.4", builds = [9364], patches = ["IMS"] }'));
  ({ server, visitor, close } = await visitSite({ buildArgs: ["--catalog", catalog] }));
});

after(async () => {
  await close?.();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

test("the page's checker knows a patch only the project's catalog lists", async () => {
  const page = await openFormPage(visitor.context, `${server.origin}${PAGE}`, FORM);
  await answerFields(page, FORM, {
    version: "7.3.4.IMS", hosting: "managed", api: "none",
    "technical-accounts": "no", "sign-in": "native", restrictions: "no",
  });
  const verdict = page.locator(VERDICT);
  // 7.3.4.IMS is now a release of the catalog, older than 7.3.5: upgrade first.
  assert.equal(await verdict.getAttribute("data-status"), "upgrade-first");
  assert.equal(await page.locator("#check-ims-migration-version-error").isVisible(), false);
  await page.close();
});

test("nothing logged an error or left 127.0.0.1", () => {
  assert.deepEqual(visitor.watch.foreignRequests, []);
  assert.deepEqual(visitor.watch.consoleErrors, []);
});
