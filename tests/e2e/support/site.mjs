// The site under test: built once per test file into a fresh temporary
// folder by the technote binary, exactly as `technote build` ships it.
//
// Where it comes from, first found wins:
//   TECHNOTE_SITE_DIR   an already built site (left untouched)
//   TECHNOTE_BIN        the technote binary to build it with
//   $CARGO_TARGET_DIR/debug/technote, else target/debug/technote
// So: `cargo build -p technote && node --test tests/e2e/`.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

export const REPOSITORY = fileURLToPath(new URL("../../../", import.meta.url));

export function technoteBinary() {
  if (process.env.TECHNOTE_BIN) return path.resolve(process.env.TECHNOTE_BIN);
  const target = process.env.CARGO_TARGET_DIR
    ? path.resolve(process.env.CARGO_TARGET_DIR)
    : path.join(REPOSITORY, "target");
  return path.join(target, "debug", "technote");
}

/**
 * Builds the site, with `extraArgs` added to `technote build` (or finds the
 * one named by TECHNOTE_SITE_DIR).
 * @returns {Promise<{ root: string, remove: () => Promise<void> }>}
 */
export async function buildSite(extraArgs = []) {
  // A site built with other options cannot be one built beforehand.
  if (process.env.TECHNOTE_SITE_DIR && extraArgs.length === 0) {
    return { root: path.resolve(process.env.TECHNOTE_SITE_DIR), remove: async () => {} };
  }
  const binary = technoteBinary();
  if (!existsSync(binary)) {
    throw new Error(
      `no technote binary at ${binary}: run \`cargo build -p technote\` (same CARGO_TARGET_DIR), ` +
        "or set TECHNOTE_BIN, or TECHNOTE_SITE_DIR to a built site",
    );
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), "technote-e2e-"));
  const root = path.join(scratch, "public");
  await promisify(execFile)(binary, ["build", "--root", REPOSITORY, "--out", root, ...extraArgs]);
  return { root, remove: () => rm(scratch, { recursive: true, force: true }) };
}

/** Every file under `folder` whose name ends with `extension`, as absolute paths. */
export async function filesEndingWith(folder, extension) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
