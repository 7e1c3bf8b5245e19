// A first query fetches each term's best sections only, and still ranks as
// the whole index does: on the fixture where every word is in far more
// sections than a term keeps with it (tests/search/fixtures/many/, written
// by `cargo test -p technote-search`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_RESULTS, loadStemmer, search } from "../../www/search.js";
import { openFixture } from "./open-fixture.mjs";

const stem = await loadStemmer("english");

/** A fresh index (nothing fetched yet), the files it read, and a search on it. */
async function fresh() {
  const { index, read } = await openFixture("many/en");
  const run = (query, limit = MAX_RESULTS, everything = false) => search(index, stem, query, "/", limit, everything);
  return { index, read, run };
}

/** The first `limit` results once every rest of the query's terms is fetched. */
async function fullRanking(query, limit = MAX_RESULTS) {
  const { run } = await fresh();
  const outcome = await run(query, limit, true);
  assert.equal(outcome.complete, true);
  return outcome;
}

// The fixture's words (crates/search/src/fixtures.rs), alone and in pairs.
const words = [
  "server", "console", "token", "workflow", "campaign", "delivery", "profile", "audience",
  "schema", "segment", "report", "journey", "offer", "channel", "import", "export",
];
const queries = [
  ...words,
  ...words.flatMap((first, at) => words.slice(at + 1).map((second) => `${first} ${second}`)),
  "server", "console", "token", "workflow", "journey offer", "server console",
  "token schema report", "campaign delivery profile audience", "segment 12", "ser", "co",
  "export import channel", "offer 7", "zzzyx server",
];

test("a first query's results are the whole ranking's first page", async () => {
  for (const query of queries) {
    const { run } = await fresh();
    const first = await run(query);
    const full = await fullRanking(query);
    assert.deepEqual(first.results, full.results, query);
    if (first.complete) assert.equal(first.total, full.total, query);
    else assert.ok(first.total <= full.total, query);
  }
});

// Three and four of the fixture's words, whose best sections seldom meet:
// the ranking fetches pieces of their rests until it can prove the first
// page (the fixture's rests fit in a first query's budget).
const longer = [
  ...words.slice(0, 8).flatMap((first, at) => words.slice(at + 1, 8).flatMap((second, next) =>
    words.slice(at + next + 2, 8).map((third) => `${first} ${second} ${third}`))),
  ...words.slice(8).flatMap((first, at) => words.slice(at + 9, 14).map((second) => `${first} ${second} report journey`)),
  "server console token workflow", "campaign delivery profile audience", "schema segment report journey",
  "offer channel import export", "server token campaign profile", "console workflow delivery audience",
];

test("a first query of three or four words is the whole ranking's first page", async () => {
  for (const query of longer) {
    const { run } = await fresh();
    const first = await run(query);
    const full = await fullRanking(query);
    assert.equal(first.exact, true, query);
    assert.deepEqual(first.results, full.results, query);
  }
});

test("a common word's first query leaves the rest of its postings unfetched", async () => {
  const { read, run } = await fresh();
  const outcome = await run("server");
  assert.equal(outcome.results.length, MAX_RESULTS);
  assert.equal(outcome.complete, false, "more results may follow");
  assert.ok(!read.some((name) => name.startsWith("rest-")), `fetched ${read.join(", ")}`);
});

test("more results continue the same ranking and count every match", async () => {
  const { read, run } = await fresh();
  await run("server");
  const more = await run("server", MAX_RESULTS * 2, true);
  const full = await fullRanking("server", MAX_RESULTS * 2);
  assert.ok(read.some((name) => name.startsWith("rest-")));
  assert.equal(more.complete, true);
  assert.deepEqual(more.results, full.results);
  assert.ok(more.total > MAX_RESULTS * 2, `${more.total} sections match`);
});

// Queries whose words' best sections do not meet, so that their first page
// needs rests (checked below): with no room left for rests, the first page
// is the best of what was fetched and says so; "more results" ranks whole.
const needingRests = ["campaign delivery profile audience", "token schema report", "export import channel"];

test("a first query within its budget fetches no rest and says its results are from part of the index", async () => {
  for (const query of needingRests) {
    const roomy = await fresh();
    await roomy.run(query);
    assert.ok(roomy.read.some((name) => name.startsWith("rest-")), `${query} needs a rest`);

    const { index, read, run } = await fresh();
    index.firstPageBytes = index.headBytes; // nothing left for rests
    const first = await run(query);
    assert.ok(!read.some((name) => name.startsWith("rest-")), `${query}: fetched ${read.join(", ")}`);
    assert.equal(first.exact, false, query);
    assert.equal(first.complete, false, query);
    assert.equal(first.results.length, MAX_RESULTS, query);

    const more = await run(query, MAX_RESULTS * 2, true);
    const full = await fullRanking(query, MAX_RESULTS * 2);
    assert.equal(more.exact, true, query);
    assert.deepEqual(more.results, full.results, query);
  }
});

test("a query typed further meanwhile fetches no rest and no page", async () => {
  for (const query of needingRests) {
    const { index, read } = await openFixture("many/en");
    const outcome = await search(index, stem, query, "/", MAX_RESULTS, false, () => false);
    assert.deepEqual(outcome.results, [], query);
    assert.ok(!read.some((name) => name.startsWith("rest-") || name.startsWith("pages-")), `${query}: fetched ${read.join(", ")}`);
  }
});

test("a first query with room for rests proves its first page", async () => {
  for (const query of needingRests) {
    const { run } = await fresh();
    const first = await run(query);
    assert.equal(first.exact, true, query);
  }
});
