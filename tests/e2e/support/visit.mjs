// The site under test served on 127.0.0.1 and a Chromium visitor watched
// for console errors and foreign requests: what most browser tests start
// from, and end by closing.
import { launchChromium, watchedContext } from "./browser.mjs";
import { serveSite } from "./server.mjs";
import { buildSite } from "./site.mjs";

/**
 * Builds the site (`technote build` with `buildArgs` added), serves it and
 * opens a visitor in `locale`.
 * @returns {Promise<{ server: { origin: string }, browser: any, visitor: { context: any, watch: any }, close: () => Promise<void> }>}
 */
export async function visitSite({ locale = "en-US", buildArgs = [] } = {}) {
  const site = await buildSite(buildArgs);
  const server = await serveSite(site.root);
  const browser = await launchChromium(locale);
  const visitor = await watchedContext(browser, { locale });
  const close = async () => {
    await browser.close();
    await server.close();
    await site.remove();
  };
  return { server, browser, visitor, close };
}
