// Checks declared as data (templates/widgets/check.html): every form of the
// page runs its check, compiled rules in WebAssembly, on the visitor's
// committed answers and shows one settled verdict next to the questions.
// Nothing leaves the page: the only requests are this module, the glue and
// the wasm file, all at load.
//
// Importable without a DOM, so Node tests can use the exports below.

// The site formats each Fluent message with its variables replaced by
// U+E000 name U+E001 (private-use characters no translation contains).
const VARIABLE = /\uE000([^\uE001]*)\uE001/g;

/** Fills a message template with named values (missing ones become empty). */
export function fillTemplate(template, values) {
  return template.replace(VARIABLE, (_, name) => values[name] ?? "");
}

/**
 * The Fluent id of one of a check's messages (`check-<id>-<suffix>`, the
 * dots of names such as `needs-7.4.1` as hyphens), as the site names them.
 */
export function messageId(checkId, suffix) {
  return `check-${checkId}-${suffix}`.replaceAll(".", "-");
}

/**
 * The answers of a form as `DeclaredCheck.evaluate` takes them: the text of
 * every input of the check in its order, "" when unanswered, separated by
 * U+001F (a control character no field holds).
 * @param {{inputs: {name: string}[]}} check
 * @param {(name: string) => string | null} valueOf
 */
export function answersText(check, valueOf) {
  return check.inputs.map((input) => String(valueOf(input.name) ?? "").replaceAll("\u001f", " ")).join("\u001f");
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

class CheckForm {
  constructor(section, DeclaredCheck) {
    const data = JSON.parse(section.querySelector(".check-data").textContent);
    this.check = data.check;
    this.messages = data.messages;
    this.section = section;
    this.form = section.querySelector(".check-form");
    this.region = section.querySelector(".check-verdict");
    this.rules = new DeclaredCheck(data.wire);
    this.shown = null;
  }

  message(id, values = {}) {
    const template = this.messages[id];
    return template === undefined ? id : fillTemplate(template, values);
  }

  start() {
    // A choice is an answer at once; a typed version only once the field is
    // left or Enter is pressed ("change"), so half-typed versions are never
    // judged nor announced.
    this.form.addEventListener("change", (event) => this.update(event, false));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.update(event, true);
    });
    this.warmUp();
    this.form.hidden = false;
    // With the form working, the list of every case is a reference, closed.
    this.section.querySelector(".check-decisions")?.removeAttribute("open");
  }

  /** The form's answers, read straight from the controls (a FormData copies every field). */
  answers() {
    const controls = this.form.elements;
    return answersText(this.check, (name) => controls.namedItem(name)?.value);
  }

  update(event, submitted) {
    const started = event?.timeStamp ?? performance.now();
    const answers = this.answers();
    const json = this.rules.evaluate(answers);
    if (json !== this.shown) {
      this.shown = json;
      this.render(JSON.parse(json));
    }
    this.region.dataset.lastMs = (performance.now() - started).toFixed(3);
    // While questions are left and they decide nothing yet, the verdict is
    // shown but not announced (the region is busy): a screen reader hears
    // the settled verdict, or whatever Check gives.
    const unsettled =
      this.region.dataset.status === "incomplete" && answers.split("\u001f").some((text) => text.trim() === "");
    this.region.setAttribute("aria-busy", String(unsettled && !submitted));
    if (submitted) {
      // Small screens: the verdict is below the questions, so "Check" takes
      // the visitor there.
      this.region.focus({ preventScroll: true });
      this.region.scrollIntoView({ block: "nearest" });
    }
  }

  render(verdict) {
    this.renderFields(verdict);
    this.renderVerdict(verdict);
  }

  /** Each field's own problem ("cannot read this version") next to it. */
  renderFields(verdict) {
    const problems = new Map(verdict.problems.map((problem) => [problem.input, problem.problem]));
    for (const input of this.check.inputs) {
      const field = this.form.querySelector(`[data-field="${input.name}"]`);
      const error = field?.querySelector(".check-field-error");
      if (!field || !error) continue;
      const problem = problems.get(input.name);
      error.hidden = problem === undefined;
      error.textContent = problem === undefined ? "" : this.message(`checks-problem-${problem}`);
      field.classList.toggle("check-field-invalid", problem !== undefined);
      const control = field.querySelector("input[type=text]");
      if (control) control.setAttribute("aria-invalid", String(problem !== undefined));
    }
  }

  renderVerdict(verdict) {
    const id = this.check.id;
    const parts = [];
    // Unfinished answers; a rule may also give "incomplete" itself (an "I
    // don't know" answer), with its own wording and steps.
    const incomplete = verdict.status === "incomplete" && verdict.rule === null;
    parts.push(
      element(
        "p",
        "check-status",
        incomplete ? this.message("checks-status-incomplete") : this.message(messageId(id, `status-${verdict.status}`)),
      ),
    );
    for (const { input, value } of verdict.values) {
      const label = this.message(messageId(id, `${input}-label`));
      parts.push(element("p", "check-value", `${label} ${this.message("checks-value-read", { value })}`));
    }
    if (incomplete && verdict.missing.length > 0) {
      parts.push(element("p", "", this.message("checks-missing-intro")));
      const list = element("ul", "check-missing");
      for (const input of verdict.missing) {
        const item = document.createElement("li");
        const link = element("a", "", this.message(messageId(id, `${input}-label`)));
        link.href = `#check-${id}-${input}`;
        item.append(link);
        list.append(item);
      }
      parts.push(list);
    }
    if (!incomplete) {
      if (verdict.steps.length > 0) {
        parts.push(element("h3", "", this.message("checks-steps-heading")));
        const list = element("ol", "check-steps");
        // Steps may name the versions read and the minimum of their line.
        const values = {};
        for (const { input, value, minimum, console_minimum } of verdict.values) {
          values[input] = value;
          if (minimum !== undefined) values[`${input}-minimum`] = minimum;
          if (console_minimum !== undefined) values[`${input}-console-minimum`] = console_minimum;
        }
        for (const step of verdict.steps) {
          const item = element("li", "", this.message(messageId(id, `step-${step}`), values));
          item.dataset.step = step;
          list.append(item);
        }
        parts.push(list);
      } else {
        parts.push(element("p", "", this.message("checks-no-steps")));
      }
    }
    this.region.dataset.status = verdict.status;
    this.region.replaceChildren(...parts);
  }

  /**
   * Computes and draws verdicts on every choice and a sample of each kind
   * of text answer, then puts the untouched form back. V8 compiles each
   * WebAssembly function, and each function of this file, the first time
   * it runs, and the browser builds the form's table of named controls on
   * first use: the first answer of a page took up to 3 ms against 0.5 ms
   * later. Run while the form is still hidden, so nothing is seen or
   * announced and no answer waits behind it.
   */
  warmUp() {
    const waiting = [...this.region.childNodes];
    const samples = [this.answers()];
    const widest = Math.max(...this.check.inputs.map((input) => input.kind.choice?.choices.length ?? 1));
    for (let index = 0; index < widest; index++) {
      const sample = this.check.inputs.map((input) => {
        const texts = input.kind.choice?.choices ?? WARM_UP_TEXTS[input.kind] ?? [""];
        return texts[index % texts.length];
      });
      samples.push(sample.join("\u001f"));
    }
    for (const sample of samples) this.render(JSON.parse(this.rules.evaluate(sample)));
    this.renderFields({ problems: [] });
    this.region.dataset.status = "waiting";
    this.region.replaceChildren(...waiting);
  }
}

/** Text answers that take the parser through its spellings, for `warmUp`. */
const WARM_UP_TEXTS = {
  version: ["7.3.3.IMS", "21.1.3 build 9330", "Gold Standard 11", "9032@d030c36", "banana"],
  windows: ["Windows 10 Pro", "win 11", "xp"],
  "internet-explorer": ["11", "IE 9", "edge"],
};

async function start(sections) {
  // Imported here rather than at the top so this module loads without the
  // glue (Node tests), and a failed download ends in the catch below.
  const { default: init, DeclaredCheck } = await import("./checker/technote_checker.js");
  await init();
  for (const section of sections) {
    try {
      new CheckForm(section, DeclaredCheck).start();
    } catch {
      const notice = section.querySelector(".check-unavailable");
      if (notice !== null) notice.hidden = false;
    }
  }
}

if (typeof document !== "undefined") {
  const sections = [...document.querySelectorAll("section.check")];
  if (sections.length > 0) {
    start(sections).catch(() => {
      for (const section of sections) {
        const notice = section.querySelector(".check-unavailable");
        if (notice !== null) notice.hidden = false;
      }
    });
  }
}
