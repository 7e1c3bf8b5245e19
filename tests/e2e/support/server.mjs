// A static file server for the built site on 127.0.0.1, as a plain host
// would serve it: folders answer with their index.html, missing paths with
// the site's 404.html and status 404, and wasm with the MIME type that
// WebAssembly.instantiateStreaming requires.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";

const MIME_TYPES = new Map([
  [".html", "text/html; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".js", "text/javascript; charset=utf-8"],
  [".mjs", "text/javascript; charset=utf-8"],
  [".json", "application/json"],
  [".wasm", "application/wasm"],
  [".svg", "image/svg+xml"],
  [".png", "image/png"],
  [".jpg", "image/jpeg"],
  [".jpeg", "image/jpeg"],
  [".gif", "image/gif"],
  [".webp", "image/webp"],
  [".ico", "image/x-icon"],
  [".xml", "application/xml"],
  [".txt", "text/plain; charset=utf-8"],
  [".bin", "application/octet-stream"],
]);

async function isFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The file a URL path names inside `root`, or null (missing, or outside the root). */
async function fileFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.join(root, path.posix.normalize(decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  if (await isFile(file)) return file;
  const index = path.join(file, "index.html");
  return (await isFile(index)) ? index : null;
}

function send(response, status, file) {
  response.writeHead(status, {
    "Content-Type": MIME_TYPES.get(path.extname(file).toLowerCase()) ?? "application/octet-stream",
    "Cache-Control": "no-store",
  });
  createReadStream(file).pipe(response);
}

/**
 * Serves `root` on 127.0.0.1 on a free port.
 * @param {string} root the built site
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export async function serveSite(root) {
  const siteRoot = path.resolve(root);
  const notFoundPage = path.join(siteRoot, "404.html");
  const server = createServer((request, response) => {
    const urlPath = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    fileFor(siteRoot, urlPath).then(
      (file) => (file === null ? send(response, 404, notFoundPage) : send(response, 200, file)),
      () => {
        response.writeHead(500);
        response.end();
      },
    );
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
