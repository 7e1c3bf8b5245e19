// Debian's Chromium driven by playwright-core (no browser download), and a
// watch over every page of a context: console errors, uncaught exceptions,
// failed responses and any request that would leave 127.0.0.1 (aborted and
// reported, since the site promises that nothing leaves the machine).
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Without the background-networking flags Chromium phones home at start,
// which a closed network refuses and which would pollute the request log.
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * @param {string} [lang] the browser's UI language, e.g. "fr-FR"
 */
export function launchChromium(lang) {
  const args = lang === undefined ? CHROMIUM_FLAGS : [...CHROMIUM_FLAGS, `--lang=${lang}`];
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args });
}

/**
 * A new context whose pages are watched.
 * @param {import("playwright-core").Browser} browser
 * @param {import("playwright-core").BrowserContextOptions} options
 * @returns {Promise<{ context: import("playwright-core").BrowserContext, watch: PageWatch }>}
 */
export async function watchedContext(browser, options = {}) {
  const context = await browser.newContext(options);
  const watch = new PageWatch();
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    watch.foreignRequests.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("page", (page) => watch.attach(page));
  return { context, watch };
}

function isLocal(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === "data:" || protocol === "blob:" || hostname === "127.0.0.1";
}

/** What went wrong on the watched pages, each line naming its page. */
export class PageWatch {
  requests = [];
  foreignRequests = [];
  consoleErrors = [];
  failedResponses = [];
  /** Paths expected to answer 404 (the 404 page itself). */
  expectedMissing = new Set();

  attach(page) {
    page.on("request", (request) => this.requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      // Chromium logs every 404 as an error, the expected one included.
      const source = message.location().url;
      if (source && this.expectedMissing.has(new URL(source).pathname)) return;
      this.consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.consoleErrors.push(`${page.url()}: uncaught ${error.message}`));
    page.on("response", (response) => {
      const { pathname } = new URL(response.url());
      if (response.status() >= 400 && !this.expectedMissing.has(pathname)) {
        this.failedResponses.push(`${response.status()} ${response.url()} (from ${page.url()})`);
      }
    });
  }

  /** Lines describing every problem seen so far; empty when all went well. */
  problems() {
    return [
      ...this.foreignRequests.map((url) => `request left 127.0.0.1: ${url}`),
      ...this.consoleErrors.map((line) => `console error on ${line}`),
      ...this.failedResponses.map((line) => `failed response: ${line}`),
    ];
  }
}
