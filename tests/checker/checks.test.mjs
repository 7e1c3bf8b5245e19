// Runs each declared check's table of cases (tests/checks/<id>.json, the one
// the native evaluator runs in crates/rules/tests/declared_checks.rs)
// through the WebAssembly module exactly as www/checks.js calls it: the
// check and the built-in release catalog in their compact forms
// (tests/checks/<id>.wire and catalog.wire, kept current by that Rust
// test), the answers joined by answersText.
//
// Where the module comes from: as in checker.test.mjs (TECHNOTE_CHECKER_DIR,
// else $CARGO_TARGET_DIR/wasm-checker/pkg, else target/wasm-checker/pkg).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { answersText, fillTemplate, messageId } from "../../www/checks.js";

const repository = fileURLToPath(new URL("../../", import.meta.url));

function checkerDirectory() {
  if (process.env.TECHNOTE_CHECKER_DIR) return path.resolve(process.env.TECHNOTE_CHECKER_DIR);
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(repository, "target");
  return path.join(target, "wasm-checker", "pkg");
}

const directory = checkerDirectory();
const glue = path.join(directory, "technote_checker.js");
const wasm = path.join(directory, "technote_checker_bg.wasm");
assert.ok(existsSync(glue) && existsSync(wasm), `no checker in ${directory}: run \`cargo build -p technote\``);
const checker = await import(pathToFileURL(glue).href);
checker.initSync({ module: readFileSync(wasm) });

const catalog = readFileSync(path.join(repository, "tests/checks/catalog.wire"), "utf8");

// The toy check is the one a test adds to a project as a writer would
// (tests/fixtures/checks/toy.check.toml).
for (const id of ["ims-migration", "ims-2021", "toy"]) {
  const wire = readFileSync(path.join(repository, `tests/checks/${id}.wire`), "utf8");
  const cases = JSON.parse(readFileSync(path.join(repository, `tests/checks/${id}.json`), "utf8"));
  const declared = new checker.DeclaredCheck(wire, catalog);
  // The page takes the input names from the check's JSON; here they are
  // read from the compact form itself.
  const inputs = inputNames(wire);

  for (const { name, answers, status, steps = [], missing = [], problems = [] } of cases) {
    test(`${id}: ${name}`, () => {
      const text = answersText({ inputs: inputs.map((input) => ({ name: input })) }, (input) => answers[input]);
      const verdict = JSON.parse(declared.evaluate(text));
      assert.equal(verdict.status, status);
      assert.deepEqual(verdict.steps, steps);
      assert.deepEqual(verdict.missing, missing);
      assert.deepEqual(verdict.problems.map((problem) => [problem.input, problem.problem]), problems);
    });
  }

  test(`${id}: 10,000 characters and control characters still get a verdict`, () => {
    const hostile = ["9".repeat(10_000), "\u001f\u0000\u202e", "-1", "7.3.5".repeat(2000)];
    for (const version of hostile) {
      const text = answersText({ inputs: inputs.map((input) => ({ name: input })) }, (input) => (input === "version" ? version : ""));
      const verdict = JSON.parse(declared.evaluate(text));
      assert.equal(verdict.status, "incomplete");
    }
  });
}

test("a page whose check or catalog is not in the module's format fails loudly", () => {
  const wire = readFileSync(path.join(repository, "tests/checks/toy.wire"), "utf8");
  assert.throws(() => new checker.DeclaredCheck("not a check", catalog), /format/);
  assert.throws(() => new checker.DeclaredCheck(wire, "not a catalog"), /format/);
});

test("message ids follow the site's naming, dots as hyphens", () => {
  assert.equal(messageId("ims-migration", "status-needs-7.4.1"), "check-ims-migration-status-needs-7-4-1");
  assert.equal(fillTemplate("Read as: \uE000value\uE001", { value: "7.3.5 (build 9368)" }), "Read as: 7.3.5 (build 9368)");
});

/** Input names of a check in its compact form (id, count, then name and kind...). */
function inputNames(wire) {
  const tokens = wire.split("\t");
  const count = Number(tokens[1]);
  const names = [];
  let at = 2;
  for (let index = 0; index < count; index += 1) {
    names.push(tokens[at]);
    const kind = tokens[at + 1];
    at += 2;
    // Choices ("c", "y") list their values; typed inputs ("v", "w", "i") do not.
    if (kind === "c" || kind === "y") at += 1 + Number(tokens[at]);
  }
  return names;
}
