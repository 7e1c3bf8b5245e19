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
  // One string built in place: this runs on every answer.
  let text = "";
  for (let index = 0; index < check.inputs.length; index++) {
    if (index > 0) text += "\u001f";
    const value = valueOf(check.inputs[index].name);
    if (value) text += String(value).replaceAll("\u001f", " ");
  }
  return text;
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
    this.rules = new DeclaredCheck(data.wire, data.catalog);
    this.shown = null;
    // Looked up once: each answer then reads and writes only what changed.
    // The controls are the form's own live entries (a RadioNodeList for a
    // choice), so `.value` is always the current answer.
    const controls = this.form.elements;
    this.controls = new Map(this.check.inputs.map((input) => [input.name, controls.namedItem(input.name)]));
    this.fields = this.check.inputs.map((input) => {
      const field = this.form.querySelector(`[data-field="${input.name}"]`);
      return {
        name: input.name,
        field,
        error: field?.querySelector(".check-field-error") ?? null,
        text: field?.querySelector("input[type=text]") ?? null,
        problem: undefined,
      };
    });
    // Verdicts already computed and drawn, by answers and by verdict JSON:
    // a visitor going back to an answer (or any answer the warm-up tried)
    // gets its verdict without the module, JSON.parse or new nodes. Slow
    // answers were made of those phases interrupted (GC, the busy machine
    // taking the thread); the less work an answer does, the rarer that is.
    this.verdicts = new Map();
    this.drawn = new Map();
    this.busy = null;
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
    return answersText(this.check, (name) => this.controls.get(name)?.value);
  }

  /** The verdict JSON on `answers`, from the module once per distinct answers. */
  evaluate(answers) {
    let json = this.verdicts.get(answers);
    if (json === undefined) {
      json = this.rules.evaluate(answers);
      // Bounded: a visitor typing versions at random cannot grow it forever.
      if (this.verdicts.size >= CACHED_VERDICTS) this.verdicts.clear();
      this.verdicts.set(answers, json);
    }
    return json;
  }

  update(event, submitted) {
    const started = event?.timeStamp ?? performance.now();
    const answers = this.answers();
    const json = this.evaluate(answers);
    if (json !== this.shown) {
      this.shown = json;
      this.render(json);
    }
    // While questions are left and they decide nothing yet, the verdict is
    // shown but not announced (the region is busy): a screen reader hears
    // the settled verdict, or whatever Check gives.
    const unsettled =
      this.region.dataset.status === "incomplete" && answers.split("\u001f").some((text) => text.trim() === "");
    const busy = String(unsettled && !submitted);
    if (busy !== this.busy) {
      this.busy = busy;
      this.region.setAttribute("aria-busy", busy);
    }
    this.region.dataset.lastMs = (performance.now() - started).toFixed(3);
    if (submitted) {
      // Small screens: the verdict is below the questions, so "Check" takes
      // the visitor there.
      this.region.focus({ preventScroll: true });
      this.region.scrollIntoView({ block: "nearest" });
    }
  }

  /** Draws the verdict `json`, building its nodes only the first time. */
  render(json) {
    let drawn = this.drawn.get(json);
    if (drawn === undefined) {
      const verdict = JSON.parse(json);
      drawn = { problems: new Map(verdict.problems.map((problem) => [problem.input, problem.problem])), ...this.verdictNodes(verdict) };
      if (this.drawn.size >= CACHED_VERDICTS) this.drawn.clear();
      this.drawn.set(json, drawn);
    }
    this.renderFields(drawn.problems);
    this.region.dataset.status = drawn.status;
    this.region.replaceChildren(...drawn.parts);
  }

  /** Each field's own problem ("cannot read this version") next to it; only the fields whose problem changed are touched. */
  renderFields(problems) {
    for (const entry of this.fields) {
      const problem = problems.get(entry.name);
      if (problem === entry.problem || !entry.field || !entry.error) continue;
      entry.problem = problem;
      entry.error.hidden = problem === undefined;
      entry.error.textContent = problem === undefined ? "" : this.message(`checks-problem-${problem}`);
      entry.field.classList.toggle("check-field-invalid", problem !== undefined);
      entry.text?.setAttribute("aria-invalid", String(problem !== undefined));
    }
  }

  /** The nodes of the verdict region for `verdict`, and its status. */
  verdictNodes(verdict) {
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
    return { status: verdict.status, parts };
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
    for (const sample of samples) this.render(this.evaluate(sample));
    this.renderFields(new Map());
    this.region.dataset.status = "waiting";
    this.region.replaceChildren(...waiting);
  }
}

/** How many verdicts a form keeps computed and drawn (a few per question and choice). */
const CACHED_VERDICTS = 256;

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
