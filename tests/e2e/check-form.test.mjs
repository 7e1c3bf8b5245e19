// The form of both checks as a visitor meets it in Chromium (issue 17, "The
// form a visitor meets"), case by case: a version typed key by key is
// neither judged nor announced, and leaving it announces one settled
// verdict; Enter in a field checks; the migration form starts without a
// to-do list and its results look apart; a hosted customer is never told to
// upgrade the server; "Gold Standard 11" typed in both fields asks for the
// console's build; the minimum-release table gives server and console
// builds apart, has a 20.3 row and agrees with the text; garbage gets the
// page language's "cannot read this version" next to its field. The cases
// the other files hold (verdict in view at 1280 and 320 px, the 2021 form's
// first look) are in checks.test.mjs. Nothing may log an error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPOSITORY } from "./support/site.mjs";
import { visitSite } from "./support/visit.mjs";
import * as ims2021 from "./support/checker.mjs";

const MIGRATION = {
  paths: { en: "/en/technotes/using/ims-migration.html", fr: "/fr/technotes/using/ims-migration.html" },
  form: "#check-ims-migration form.check-form",
  verdict: "#check-ims-migration-verdict",
  cases: JSON.parse(readFileSync(path.join(REPOSITORY, "tests/checks/ims-migration.json"), "utf8")),
};

/** The single-line messages of a Fluent file, by id. */
function messages(language, file) {
  const text = readFileSync(path.join(REPOSITORY, "locales", language, file), "utf8");
  return new Map(
    text
      .split("\n")
      .map((line) => line.match(/^([a-z0-9-]+) = (.*)$/))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

let server;
let browser;
let visitor;
let close;

before(async () => {
  ({ server, browser, visitor, close } = await visitSite());
});

after(async () => {
  await close?.();
});

function open(pathname, form, width, height) {
  return ims2021.openFormPage(visitor.context, `${server.origin}${pathname}`, form, width, height);
}

/** Counts the changes made to the verdict region from now on. */
async function watchRegion(page, verdict) {
  await page.locator(verdict).evaluate((region) => {
    window.regionChanges = 0;
    new MutationObserver((records) => {
      window.regionChanges += records.length;
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
}

const regionChanges = (page) => page.evaluate(() => window.regionChanges);

test("a version typed key by key is neither judged nor announced; leaving the field announces one verdict", async () => {
  const page = await open(ims2021.TECHNOTE_PATHS.en, ims2021.FORM);
  const region = page.locator(ims2021.VERDICT);
  assert.equal(await region.getAttribute("role"), "status");
  assert.equal(await region.getAttribute("aria-live"), "polite");
  await page.locator(`${ims2021.FORM} input[name="sign-in"][value="adobe-id"]`).check();
  assert.equal(await region.getAttribute("aria-busy"), "true", "an unfinished verdict is shown, not announced");
  await watchRegion(page, ims2021.VERDICT);
  const field = page.locator(`${ims2021.FORM} input[name="server"]`);
  await field.pressSequentially("21.1.3", { delay: 30 });
  assert.equal(await regionChanges(page), 0, "typing 2, 21, 21., … must not rewrite the live region");
  assert.equal(await page.locator("#check-ims-2021-server-error").isVisible(), false, "no error while typing");
  await field.press("Tab");
  assert.equal(await regionChanges(page), 1, "leaving the field rewrites the region once");
  assert.match(await region.innerText(), /21\.1\.3 \(build 9330\)/);
  // The last answer settles the verdict: now it is announced.
  for (const [name, value] of Object.entries({ hosting: "on-premise", console: "21.1.3", windows: "Windows 10", "windows-updated": "yes", ie: "11" })) {
    const text = page.locator(`${ims2021.FORM} input[type=text][name="${name}"]`);
    if ((await text.count()) === 1) {
      await text.fill(value);
      await text.press("Tab");
    } else {
      await page.locator(`${ims2021.FORM} input[type=radio][name="${name}"][value="${value}"]`).check();
    }
  }
  assert.equal(await region.getAttribute("data-status"), "ready");
  assert.equal(await region.getAttribute("aria-busy"), "false");
  await page.close();
});

test("Enter in a version field checks the answers, and takes the visitor to the verdict", async () => {
  const page = await open(ims2021.TECHNOTE_PATHS.en, ims2021.FORM, 320, 640);
  await page.locator(`${ims2021.FORM} input[name="sign-in"][value="adobe-id"]`).check();
  await page.locator(`${ims2021.FORM} input[name="hosting"][value="on-premise"]`).check();
  const field = page.locator(`${ims2021.FORM} input[name="server"]`);
  await field.fill("20.2.4");
  await field.press("Enter");
  const region = page.locator(ims2021.VERDICT);
  assert.match(await region.innerText(), /20\.2\.4 \(build 9187\)/, "the version is read on Enter, without leaving the field");
  assert.equal(await region.getAttribute("aria-busy"), "false", "Check announces even an unfinished verdict");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "check-ims-2021-verdict");
  const top = await page.locator(`${ims2021.VERDICT} .check-status`).evaluate((line) => line.getBoundingClientRect().top);
  assert.ok(top >= -1 && top < 640 - 20, `the result line should be on screen at 320 px (top ${top})`);
  await page.close();
});

test("the migration form starts without a to-do list, never says 'below', and its results look apart", async () => {
  const page = await open(MIGRATION.paths.en, MIGRATION.form);
  const region = page.locator(MIGRATION.verdict);
  assert.equal(await region.getAttribute("data-status"), "waiting");
  assert.equal(await page.locator(`${MIGRATION.verdict} li, ${MIGRATION.verdict} a`).count(), 0);
  assert.doesNotMatch(await page.locator("#check-ims-migration").innerText(), /answers below/i);
  const looks = new Map();
  for (const status of ["upgrade-first", "ready", "in-progress"]) {
    const entry = MIGRATION.cases.find((candidate) => candidate.status === status);
    await page.reload();
    await page.waitForSelector(`${MIGRATION.form}:not([hidden])`);
    for (const [name, value] of Object.entries(entry.answers)) {
      const text = page.locator(`${MIGRATION.form} input[type=text][name="${name}"]`);
      if ((await text.count()) > 0) {
        await text.fill(value);
        await text.press("Tab");
      } else {
        await page.locator(`${MIGRATION.form} input[type=radio][name="${name}"][value="${value}"]`).check();
      }
    }
    assert.equal(await region.getAttribute("data-status"), status, entry.name);
    looks.set(
      status,
      await region.evaluate((element) => {
        const icon = getComputedStyle(element.querySelector(".check-status"), "::before").content;
        return `${getComputedStyle(element).borderLeftColor} ${getComputedStyle(element).borderLeftWidth} ${icon}`;
      }),
    );
  }
  assert.equal(new Set(looks.values()).size, 3, `three distinct panels: ${[...looks].join("; ")}`);
  await page.close();
});

// Adobe upgrades hosted servers: advice to upgrade one is wrong for them.
const SERVER_UPGRADE = { en: /upgrade the (campaign )?server/i, fr: /mettez (d’abord le serveur|à niveau le serveur)/i };

for (const language of ["en", "fr"]) {
  test(`a hosted customer is never told to upgrade the server (${language})`, async () => {
    const page = await visitor.context.newPage();
    const hosted = ims2021.CASES.filter((entry) => entry.answers.hosting === "hosted");
    assert.ok(hosted.some((entry) => (entry.steps ?? []).includes("console-newer-than-hosted-server")));
    for (const entry of hosted) {
      await ims2021.answerCase(page, `${server.origin}${ims2021.TECHNOTE_PATHS[language]}`, entry.answers);
      const said = await page.locator(ims2021.VERDICT).innerText();
      assert.doesNotMatch(said, SERVER_UPGRADE[language], `case "${entry.name}": ${said}`);
    }
    await page.close();
  });

  test(`"Gold Standard 11" in both fields asks for the console's build, next to that field (${language})`, async () => {
    const page = await visitor.context.newPage();
    await ims2021.answerCase(page, `${server.origin}${ims2021.TECHNOTE_PATHS[language]}`, {
      "sign-in": "adobe-id",
      hosting: "on-premise",
      server: "Gold Standard 11",
      console: "Gold Standard 11",
      windows: "Windows 10",
      "windows-updated": "yes",
      ie: "11",
    });
    assert.equal(await page.locator(ims2021.VERDICT).getAttribute("data-status"), "incomplete");
    assert.equal(await page.locator("#check-ims-2021-server-error").isVisible(), false, "every Gold Standard 11 drop is a ready server");
    const error = page.locator("#check-ims-2021-console-error");
    assert.equal(await error.isVisible(), true);
    assert.equal(await error.textContent(), messages(language, "checks.ftl").get("checks-problem-imprecise"));
    assert.match(await error.textContent(), /9032@d030c36/, "the message shows which build to type");
    assert.doesNotMatch(await page.locator("#check-ims-2021").innerText(), /reaches/i);
    await page.close();
  });

  test(`the minimum-release table gives server and console builds apart, has 20.3 and agrees with the text (${language})`, async () => {
    const page = await visitor.context.newPage();
    await page.goto(`${server.origin}${ims2021.TECHNOTE_PATHS[language]}`);
    const words = messages(language, "checker.ftl");
    const headers = await page.locator("#minimum-releases thead th").allInnerTexts();
    assert.deepEqual(headers, [
      words.get("check-ims-2021-minimum-line"),
      words.get("check-ims-2021-minimum-release"),
      words.get("check-ims-2021-minimum-server-build"),
      words.get("check-ims-2021-minimum-console-build"),
    ]);
    const rows = await page.locator("#minimum-releases tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())),
    );
    assert.ok(rows.some((row) => JSON.stringify(row) === JSON.stringify(["20.3", "20.3.1", "9228", "9228"])), JSON.stringify(rows));
    const gold = rows.find((row) => row[0] === "Gold Standard");
    assert.deepEqual(gold, ["Gold Standard", "Gold Standard 11", "9032@d3b452f", "9032@d030c36"]);
    // The text after the table states the console's build: the same one.
    const after = await page.locator("#minimum-releases + p").innerText();
    assert.ok(after.includes(gold[3]), `the text after the table names the console build ${gold[3]}: ${after}`);
    assert.ok(!after.includes(gold[2]), "and not the server's");
    await page.close();
  });

  test(`garbage in any typed field gets "cannot read" in the page's language, next to the field (${language})`, async () => {
    const words = messages(language, "checks.ftl");
    const cannotRead = language === "en" ? /^We cannot read this/ : /^Nous ne savons pas lire cette/;
    const fields = [
      [MIGRATION.paths[language], MIGRATION.form, "check-ims-migration", ["version"]],
      [ims2021.TECHNOTE_PATHS[language], ims2021.FORM, "check-ims-2021", ["server", "console", "windows", "ie"]],
    ];
    const garbage = ["banana", "x".repeat(10_000), "-7.3.5", "-9330", "-11"];
    for (const [pathname, form, prefix, names] of fields) {
      const page = await open(pathname, form);
      for (const name of names) {
        const field = page.locator(`${form} input[name="${name}"]`);
        const error = page.locator(`#${prefix}-${name}-error`);
        for (const text of garbage) {
          await field.fill(text);
          await field.press("Tab");
          const where = `${pathname} ${name} = ${JSON.stringify(text.slice(0, 12))}`;
          assert.equal(await error.isVisible(), true, `${where}: an error next to the field`);
          const said = await error.textContent();
          assert.match(said, cannotRead, where);
          assert.ok([...words.values()].includes(said), `${where}: "${said}" is a message of locales/${language}/checks.ftl`);
          assert.equal(await field.getAttribute("aria-invalid"), "true", where);
        }
        await field.fill("");
        await field.press("Tab");
        assert.equal(await error.isVisible(), false, `${pathname} ${name}: the error goes once the field is cleared`);
      }
      await page.close();
    }
  });
}

test("nothing logged an error or left 127.0.0.1", () => {
  assert.deepEqual(visitor.watch.foreignRequests, []);
  assert.deepEqual(visitor.watch.consoleErrors, []);
});
