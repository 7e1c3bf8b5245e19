// Driving the IMS readiness checker (templates/widgets/ims-readiness.html,
// www/checker.js) as a visitor does, and reading back what it shows.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ANSWER_FIELDS } from "../../../www/checker.js";
import { REPOSITORY } from "./site.mjs";

export const TECHNOTE_PATHS = {
  fr: "/fr/technotes/using/ims-sign-in-update.html",
  en: "/en/technotes/using/ims-sign-in-update.html",
};

/** The shared table of cases: { name, answers, status, findings }[]. */
export const CASES = JSON.parse(readFileSync(path.join(REPOSITORY, "crates/rules/tests/cases.json"), "utf8"));

/** A case whose verdict lists findings, for pages that must show one. */
export const CASE_WITH_FINDINGS = CASES.find(
  (entry) => entry.status === "action-needed" && entry.findings.length >= 2,
);
if (CASE_WITH_FINDINGS === undefined) {
  throw new Error("crates/rules/tests/cases.json: expected an action-needed case with two findings or more");
}

/** Opens a technote and waits until the checker has loaded and shown its first verdict. */
export async function openChecker(page, url) {
  await page.goto(url);
  await waitForChecker(page);
}

async function waitForChecker(page) {
  try {
    await page.waitForSelector("#checker-form:not([hidden]) #checker-verdict[data-status]", {
      state: "attached",
      timeout: 15_000,
    });
  } catch {
    const unavailable = await page.locator("#checker-unavailable").isVisible();
    throw new Error(
      `${page.url()}: #checker-form was expected to show with a verdict in #checker-verdict[data-status]` +
        (unavailable ? "; the page shows #checker-unavailable instead (the WebAssembly did not load)" : ""),
    );
  }
}

/**
 * How each answer is entered ("radio", "text" or "select", read from the
 * page's form) and what it holds now, in one round trip.
 * @returns {Promise<Record<string, { kind: string, value: string }>>}
 */
async function formState(page) {
  return page.evaluate((fields) => {
    const form = document.getElementById("checker-form");
    const data = form instanceof HTMLFormElement ? new FormData(form) : new FormData();
    return Object.fromEntries(
      fields.map((field) => {
        const element = form?.querySelector(`[name="${field}"]`);
        const kind = element === null || element === undefined
          ? "missing"
          : element instanceof HTMLSelectElement ? "select" : element.type;
        return [field, { kind, value: String(data.get(field) ?? "") }];
      }),
    );
  }, ANSWER_FIELDS);
}

/**
 * Enters a case's answers into the checker: radios are checked, text is
 * typed key by key, selects pick the option. A radio group that must be
 * unanswered while it has a choice means opening the page afresh, as a
 * visitor would. A select value the form does not offer (free text the
 * command line accepts, such as "Windows 10 Pro 64-bit") is added as an
 * option first: the form then sends what an outdated page would, and the
 * verdict must still be the rules' one.
 * @returns {Promise<string[]>} the fields that needed an added option
 */
export async function answerCase(page, url, answers) {
  let state = await formState(page);
  for (const [field, { kind }] of Object.entries(state)) {
    if (!["radio", "text", "select"].includes(kind)) {
      throw new Error(`${page.url()}: #checker-form field [name="${field}"] is ${kind}; expected a radio group, a text input or a select`);
    }
  }
  const mustClear = ANSWER_FIELDS.some(
    (field) => state[field].kind === "radio" && !answers[field] && state[field].value !== "",
  );
  if (mustClear) {
    await openChecker(page, url);
    state = await formState(page);
  }
  const addedOptions = [];
  for (const field of ANSWER_FIELDS) {
    const value = answers[field] ?? "";
    // A visitor leaves alone what already holds the right answer.
    if (state[field].value === value) continue;
    const control = page.locator(`#checker-form [name="${field}"]`);
    switch (state[field].kind) {
      case "radio": {
        const radio = page.locator(`#checker-form input[name="${field}"][value="${value}"]`);
        if ((await radio.count()) !== 1) {
          throw new Error(`${page.url()}: #checker-form has no radio [name="${field}"][value="${value}"]`);
        }
        await radio.check();
        break;
      }
      case "text":
        await control.fill("");
        await control.pressSequentially(value);
        break;
      case "select": {
        const offered = await control.evaluate(
          (select, wanted) => [...select.options].some((option) => option.value === wanted),
          value,
        );
        if (!offered) {
          await control.evaluate((select, wanted) => select.add(new Option(wanted, wanted)), value);
          addedOptions.push(field);
        }
        await control.selectOption({ value });
        break;
      }
    }
  }
  return addedOptions;
}

/**
 * What the verdict region shows.
 * @returns {Promise<{ status: string | undefined, statusText: string, lastMs: number,
 *   findings: { code: string | undefined, text: string, linkText: string, target: string, targetExists: boolean }[] }>}
 */
export async function readVerdict(page) {
  return page.locator("#checker-verdict").evaluate((region) => ({
    status: region.dataset.status,
    statusText: region.querySelector(".checker-status")?.textContent?.trim() ?? "",
    lastMs: Number(region.dataset.lastMs),
    findings: [...region.querySelectorAll("li")].map((item) => {
      const link = item.querySelector("a");
      const target = link?.getAttribute("href") ?? "";
      return {
        code: item.dataset.code,
        text: [...item.childNodes].filter((node) => node !== link).map((node) => node.textContent).join("").trim(),
        linkText: link?.textContent?.trim() ?? "",
        target,
        targetExists: target.startsWith("#") && document.getElementById(decodeURIComponent(target.slice(1))) !== null,
      };
    }),
  }));
}
