// What a reader's first query downloads from a built site's search index,
// read as the browser reads it (www/search.js, the files taken from disk):
// the head, the stemmer's term shards and the page shards of the results,
// as stored and as a host sends them gzipped (`build --precompress`, or the
// host's own compression).
// Not a test: a measurement for BENCHMARKS.md.
//   node tests/search/first-query-bytes.mjs <site>/assets/search/<locale> word "two words"…
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { inflateIndex, loadStemmer, openIndex, search } from "../../www/search.js";

const [folder, ...queries] = process.argv.slice(2);
if (!folder || queries.length === 0) {
  console.error("usage: node tests/search/first-query-bytes.mjs <search folder> <query>…");
  process.exit(2);
}
for (const query of queries) {
  const fetched = [];
  const sent = [];
  const started = performance.now();
  const index = await openIndex(async (name) => {
    const bytes = readFileSync(path.join(folder, name));
    fetched.push(bytes.length);
    sent.push(gzipSync(bytes, { level: 9 }).length);
    return inflateIndex(new Uint8Array(bytes));
  });
  const stem = await loadStemmer(index.stemmer);
  const { total } = await search(index, stem, query, "/");
  const ms = performance.now() - started;
  const bytes = fetched.reduce((sum, size) => sum + size, 0);
  const gzipped = sent.reduce((sum, size) => sum + size, 0);
  console.log(
    `${JSON.stringify(query)}: ${total} sections, ${fetched.length} files, ` +
      `${(bytes / 1e3).toFixed(1)} KB (head ${(fetched[0] / 1e3).toFixed(1)} KB), ` +
      `${(gzipped / 1e3).toFixed(1)} KB gzipped, ${ms.toFixed(0)} ms in Node`,
  );
}
