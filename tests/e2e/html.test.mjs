// Every generated HTML page passes the Nu HTML Checker (vnu-jar, the W3C
// validator) with no error. One run over all files, since the JVM is slow
// to start; a deliberately broken page rides along to prove errors are seen.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { buildSite, filesEndingWith } from "./support/site.mjs";

const VNU_JAR = path.join(path.dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");
const BROKEN_PAGE = "<!DOCTYPE html><html lang=en><title>broken</title><p><div></p></span>";

let site;
let scratch;

before(async () => {
  site = await buildSite();
  scratch = await mkdtemp(path.join(os.tmpdir(), "technote-vnu-"));
});

after(async () => {
  await site?.remove();
  if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
});

/** vnu's errors per file, as `file:line:column: message`. */
async function validate(files) {
  let report;
  try {
    const { stderr } = await promisify(execFile)(
      process.env.JAVA ?? "java",
      ["-jar", VNU_JAR, "--format", "json", "--errors-only", ...files],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    report = stderr;
  } catch (error) {
    // vnu exits with 1 when it found errors; its JSON report is still on stderr.
    if (typeof error.stderr !== "string" || !error.stderr.trimStart().startsWith("{")) throw error;
    report = error.stderr;
  }
  const { messages } = JSON.parse(report);
  return messages.map((message) => ({
    file: message.url ? fileURLToPath(message.url) : "",
    line: `${message.lastLine ?? "?"}:${message.firstColumn ?? message.lastColumn ?? "?"}: ${message.message}` +
      (message.extract ? ` (near ${JSON.stringify(message.extract.trim())})` : ""),
  }));
}

test("every generated page is valid HTML (Nu HTML Checker)", async (t) => {
  const pages = await filesEndingWith(site.root, ".html");
  assert.ok(pages.length >= 5, `expected the site's pages in ${site.root}, found ${pages.length}`);
  const broken = path.join(scratch, "broken.html");
  await writeFile(broken, BROKEN_PAGE);

  const errors = await validate([...pages, broken]);

  assert.ok(errors.some((error) => error.file === broken), "vnu should report the deliberately broken page: is it running?");
  const siteErrors = errors
    .filter((error) => error.file !== broken)
    .map((error) => `${path.relative(site.root, error.file)}:${error.line}`);
  t.diagnostic(`${pages.length} pages checked`);
  assert.deepEqual(siteErrors, [], `${siteErrors.length} HTML errors:\n${siteErrors.join("\n")}`);
});
