// The IMS readiness checker (templates/widgets/ims-readiness.html): runs the
// rules, compiled to WebAssembly, on every change of the form and shows the
// verdict. Nothing leaves the page: the only requests are this module, the
// glue and the wasm file, all at load.
//
// Importable without a DOM, so Node tests can use the exports below.

/** Form field names, in the order `evaluate` takes them. */
export const ANSWER_FIELDS = ["sign-in", "hosting", "server", "console", "windows", "windows-updated", "ie"];

// The site formats each Fluent message with its variables replaced by
// U+E000 name U+E001 (private-use characters no translation contains).
const VARIABLE = /\uE000([^\uE001]*)\uE001/g;

/**
 * Fills a message template with a finding's arguments.
 * @param {string} template text with \uE000name\uE001 placeholders
 * @param {{name: string, value: string}[]} args
 * @returns {string} an argument the finding lacks becomes empty text
 */
export function fillTemplate(template, args) {
  const values = new Map(args.map(({ name, value }) => [name, value]));
  return template.replace(VARIABLE, (_, name) => values.get(name) ?? "");
}

/**
 * `evaluate`'s arguments from an answers object keyed by field name
 * (missing answers become empty strings, which the rules treat as unanswered).
 * @param {Record<string, string | undefined>} answers
 * @returns {string[]}
 */
export function answerArguments(answers) {
  return ANSWER_FIELDS.map((field) => answers[field] ?? "");
}

function formAnswers(form) {
  const data = new FormData(form);
  return Object.fromEntries(ANSWER_FIELDS.map((field) => [field, String(data.get(field) ?? "")]));
}

function renderVerdict(region, verdict, messages) {
  const status = document.createElement("p");
  status.className = "checker-status";
  status.textContent = messages[`check-ims-2021-status-${verdict.status}`] ?? verdict.status;
  const parts = [status];
  if (verdict.findings.length > 0) {
    const list = document.createElement("ol");
    for (const finding of verdict.findings) {
      const item = document.createElement("li");
      // The code names the finding whatever the page's language (browser tests read it).
      item.dataset.code = finding.code;
      const template = messages[`check-ims-2021-finding-${finding.code}`];
      item.append(template === undefined ? finding.code : fillTemplate(template, finding.args), " ");
      const link = document.createElement("a");
      link.href = `#${finding.topic}`;
      link.textContent = region.dataset.moreText ?? "";
      item.append(link);
      list.append(item);
    }
    parts.push(list);
  }
  region.dataset.status = verdict.status;
  region.replaceChildren(...parts);
}

function renderError(region) {
  const message = document.createElement("p");
  message.className = "checker-status";
  message.textContent = region.dataset.errorText ?? "";
  region.dataset.status = "error";
  region.replaceChildren(message);
}

async function start(form) {
  const region = form.querySelector("#checker-verdict");
  const messagesElement = document.getElementById("checker-messages");
  if (region === null || messagesElement === null) throw new Error("checker markup is incomplete");
  const messages = JSON.parse(messagesElement.textContent);
  // Imported here rather than at the top so this module loads without the
  // glue (Node tests), and a failed download ends in the catch below.
  const { default: init, evaluate } = await import("./checker/technote_checker.js");
  await init();

  // Re-rendering an unchanged verdict would make screen readers announce it
  // again on every keystroke.
  let shownVerdict;
  const update = (event) => {
    const started = event?.timeStamp ?? performance.now();
    let verdictJson = null;
    try {
      verdictJson = evaluate(...answerArguments(formAnswers(form)));
    } catch {
      // Only a page bug (a choice the rules do not know) throws; say so.
    }
    if (verdictJson !== shownVerdict) {
      shownVerdict = verdictJson;
      if (verdictJson === null) renderError(region);
      else renderVerdict(region, JSON.parse(verdictJson), messages);
    }
    region.dataset.lastMs = (performance.now() - started).toFixed(3);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
  update();
}

if (typeof document !== "undefined") {
  const form = document.getElementById("checker-form");
  if (form !== null) {
    start(form).catch(() => {
      const notice = document.getElementById("checker-unavailable");
      if (notice !== null) notice.hidden = false;
    });
  }
}
