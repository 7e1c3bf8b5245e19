// Opens a fixture index as the browser does, its files read from disk
// instead of fetched: the head, then each shard when a query needs it.
import { readFileSync } from "node:fs";
import { inflateIndex, openIndex } from "../../www/search.js";

/**
 * The index in tests/search/fixtures/<folder>/, and the names of the files
 * it read (so that a test can tell what a query fetched).
 * @param {string} folder e.g. "fr" or "relevance/ja-JP"
 */
export async function openFixture(folder) {
  const read = [];
  const index = await openIndex(async (name) => {
    read.push(name);
    return inflateIndex(new Uint8Array(readFileSync(new URL(`./fixtures/${folder}/${name}`, import.meta.url))));
  });
  return { index, read };
}
