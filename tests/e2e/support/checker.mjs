// Driving the June 2021 check on its technote (the form generated from
// ims-sign-in-update.check.toml by templates/widgets/check.html, run by
// www/checks.js) as a visitor does, and reading back what it shows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPOSITORY } from "./site.mjs";

export const TECHNOTE_PATHS = {
  fr: "/fr/technotes/using/ims-sign-in-update.html",
  en: "/en/technotes/using/ims-sign-in-update.html",
};

/** The form and its verdict region. */
export const FORM = "#check-ims-2021 form.check-form";
export const VERDICT = "#check-ims-2021-verdict";

/** The check's table of cases: { name, answers, status, steps?, missing?, problems? }[]. */
export const CASES = JSON.parse(readFileSync(path.join(REPOSITORY, "tests/checks/ims-2021.json"), "utf8"));

/** A case whose verdict lists steps, for pages that must show some. */
export const CASE_WITH_FINDINGS = CASES.find(
  (entry) => entry.status === "action-needed" && (entry.steps ?? []).length >= 2,
);
if (CASE_WITH_FINDINGS === undefined) {
  throw new Error("tests/checks/ims-2021.json: expected an action-needed case with two steps or more");
}

/** A new page of `context` at a viewport size, on `url`, once the form `form` is shown. */
export async function openFormPage(context, url, form, width = 1280, height = 900) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(url);
  await page.waitForSelector(`${form}:not([hidden])`, { timeout: 10_000 });
  return page;
}

/** Opens a technote and waits until the check's form is shown. */
export async function openChecker(page, url) {
  await page.goto(url);
  try {
    await page.waitForSelector(`${FORM}:not([hidden])`, { state: "attached", timeout: 15_000 });
  } catch {
    const unavailable = await page.locator("#check-ims-2021 .check-unavailable").isVisible();
    throw new Error(
      `${page.url()}: ${FORM} was expected to show` +
        (unavailable ? "; the page shows .check-unavailable instead (the WebAssembly did not load)" : ""),
    );
  }
}

/**
 * Enters a case's answers on a freshly opened form: radios are checked,
 * text is typed and the field left (a version is judged when left). Blank
 * answers are left alone.
 */
export async function answerCase(page, url, answers) {
  await openChecker(page, url);
  for (const [field, value] of Object.entries(answers)) {
    if (value.trim() === "") continue;
    const text = page.locator(`${FORM} input[type=text][name="${field}"]`);
    if ((await text.count()) === 1) {
      await text.fill(value);
      await text.press("Tab");
      continue;
    }
    const radio = page.locator(`${FORM} input[type=radio][name="${field}"][value="${value}"]`);
    if ((await radio.count()) !== 1) {
      throw new Error(`${page.url()}: ${FORM} has no text field nor radio [name="${field}"][value="${value}"]`);
    }
    await radio.check();
  }
}

/**
 * Answers like a visitor on the form `form` of an open page: radios
 * checked, text typed then the field left. A choice the form does not
 * offer is skipped. `answered()` runs after each answer.
 */
export async function answerFields(page, form, answers, answered = async () => {}) {
  for (const [field, value] of Object.entries(answers)) {
    const text = page.locator(`${form} input[type=text][name="${field}"]`);
    if ((await text.count()) > 0) {
      await text.fill(value);
      await text.press("Tab");
    } else {
      const radio = page.locator(`${form} input[type=radio][name="${field}"][value="${value}"]`);
      if ((await radio.count()) === 0) continue;
      await radio.check();
    }
    await answered();
  }
}

/**
 * What the verdict region shows.
 * @returns {Promise<{ status: string | undefined, statusText: string, lastMs: number,
 *   steps: { code: string | undefined, text: string }[], missing: string[] }>}
 */
export async function readVerdict(page) {
  return page.locator(VERDICT).evaluate((region) => ({
    status: region.dataset.status,
    statusText: region.querySelector(".check-status")?.textContent?.trim() ?? "",
    lastMs: Number(region.dataset.lastMs),
    steps: [...region.querySelectorAll("ol.check-steps li")].map((item) => ({
      code: item.dataset.step,
      text: item.textContent.trim(),
    })),
    missing: [...region.querySelectorAll("ul.check-missing a")].map((link) => link.getAttribute("href") ?? ""),
  }));
}
