// DOM-free tests of the checker page script's helpers (www/checker.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ANSWER_FIELDS, answerArguments, fillTemplate } from "../../www/checker.js";

const variable = (name) => `\uE000${name}\uE001`;

test("fills every variable of a finding's message", () => {
  const template = `Upgrade the server from ${variable("server")} to ${variable("minimum")} or later.`;
  const args = [
    { name: "server", value: "20.2.4" },
    { name: "minimum", value: "20.2.5" },
  ];
  assert.equal(fillTemplate(template, args), "Upgrade the server from 20.2.4 to 20.2.5 or later.");
});

test("repeats a variable used twice", () => {
  const template = `${variable("build")} / ${variable("build")}`;
  assert.equal(fillTemplate(template, [{ name: "build", value: "9330" }]), "9330 / 9330");
});

test("inserts what a visitor typed literally", () => {
  const typed = "$& $1 $$ <script>alert(1)</script>";
  const template = `« ${variable("input")} » n’est pas une version.`;
  assert.equal(fillTemplate(template, [{ name: "input", value: typed }]), `« ${typed} » n’est pas une version.`);
});

test("leaves no placeholder when an argument is missing", () => {
  assert.equal(fillTemplate(`Server: ${variable("server")}.`, []), "Server: .");
});

test("keeps text without variables unchanged", () => {
  assert.equal(fillTemplate("You are ready.", [{ name: "unused", value: "x" }]), "You are ready.");
});

test("passes answers in the order evaluate takes them, empty when unanswered", () => {
  assert.deepEqual(ANSWER_FIELDS, ["sign-in", "hosting", "server", "console", "windows", "windows-updated", "ie"]);
  assert.deepEqual(answerArguments({ "sign-in": "adobe-id", server: "21.1.3", ie: "11" }), [
    "adobe-id", "", "21.1.3", "", "", "", "11",
  ]);
});
