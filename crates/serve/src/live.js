// Live reload for `technote serve`. The preview serves this script from
// memory; it is never part of a published site.
//
// After each successful build the page reloads itself, then shows the
// build's warnings (Fluent lint included) in a panel that Close dismisses
// until they change. After a failed build the page keeps the last good site
// and shows the build's diagnostics in a panel, with the same text the
// terminal prints. The panel is English and left to right whatever the
// page's language, so that code frames keep their order on RTL pages. Everything is built with
// createElement/textContent: diagnostics quote the user's files and must
// never be read as HTML.

const OVERLAY_TAG = "technote-build-errors";

const events = new EventSource(new URL("events", import.meta.url));
let connectedBefore = false;

events.addEventListener("open", () => {
  // Reconnected after losing the preview (it restarted): the site may have
  // changed in between.
  if (connectedBefore) location.reload();
  connectedBefore = true;
});

events.addEventListener("reload", () => location.reload());

events.addEventListener("error", (event) => {
  // The browser also fires a plain `error` event when the connection drops
  // (it reconnects by itself); only the preview's events carry diagnostics.
  if (!(event instanceof MessageEvent)) return;
  let diagnostics;
  try {
    diagnostics = JSON.parse(event.data);
  } catch {
    return;
  }
  if (Array.isArray(diagnostics)) showDiagnostics(diagnostics, FAILED);
});

// Warnings dismissed in this tab, by their text: the same ones are not
// shown again after each reload, new ones are.
const DISMISSED_KEY = "technote-dismissed-warnings";

events.addEventListener("warnings", (event) => {
  let warnings;
  try {
    warnings = JSON.parse(event.data);
  } catch {
    return;
  }
  if (!Array.isArray(warnings) || warnings.length === 0) return;
  const key = warnings.map((w) => String(w.text)).join("\n");
  if (sessionStorage.getItem(DISMISSED_KEY) === key) return;
  showDiagnostics(warnings, WARNED, () => sessionStorage.setItem(DISMISSED_KEY, key));
});

const FAILED = {
  kind: "failed",
  title: (count) => `Build failed: ${count} ${count === 1 ? "problem" : "problems"}`,
  summary: "This page is the last version that built. Fix the files below and save: the page reloads by itself.",
};
const WARNED = {
  kind: "warned",
  title: (count) => `Built with ${count} ${count === 1 ? "warning" : "warnings"}`,
  summary: "The site built, but these need attention. Close hides them until they change.",
};

const STYLE = `
  :host { all: initial; }
  section {
    position: fixed; inset: 1rem 1rem auto 1rem; z-index: 2147483647;
    max-height: calc(100vh - 2rem); overflow: auto; box-sizing: border-box;
    padding: 1rem 1.25rem; border-left: 6px solid #e5484d; border-radius: 6px;
    direction: ltr; text-align: left;
    background: #1d1d1f; color: #f2f2f2; box-shadow: 0 8px 32px rgb(0 0 0 / 40%);
    font: 15px/1.5 system-ui, sans-serif;
  }
  header { display: flex; gap: 1rem; align-items: start; justify-content: space-between; }
  h2 { margin: 0; font-size: 1.1rem; color: #ff9592; }
  section.warned { border-left-color: #f5a524; }
  section.warned h2 { color: #ffcb6b; }
  p { margin: 0.5rem 0 1rem; }
  pre {
    margin: 0 0 0.75rem; padding: 0.75rem; border-radius: 4px; background: #2b2b2e;
    white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.5 ui-monospace, monospace;
  }
  button {
    font: inherit; padding: 0.25rem 0.75rem; border: 1px solid #8e8e93; border-radius: 4px;
    background: #3a3a3c; color: #f2f2f2; cursor: pointer;
  }
  button:focus-visible { outline: 3px solid #7cb7ff; outline-offset: 2px; }
`;

let closeOverlay = () => {};

function showDiagnostics(diagnostics, kind, onDismiss = () => {}) {
  closeOverlay();
  const previousFocus = document.activeElement;
  const host = document.createElement(OVERLAY_TAG);
  const root = host.attachShadow({ mode: "open" });

  // A constructed stylesheet, not a <style> element: sites forbid inline
  // styles in their Content-Security-Policy, and the shadow root keeps the
  // site's own styles out of the panel.
  const style = new CSSStyleSheet();
  style.replaceSync(STYLE);
  root.adoptedStyleSheets = [style];

  const panel = document.createElement("section");
  panel.className = kind.kind;
  panel.lang = "en";
  panel.dir = "ltr";
  panel.setAttribute("role", kind === FAILED ? "alertdialog" : "dialog");
  panel.setAttribute("aria-labelledby", "technote-build-errors-title");
  panel.setAttribute("aria-describedby", "technote-build-errors-summary");

  const header = document.createElement("header");
  const title = document.createElement("h2");
  title.id = "technote-build-errors-title";
  const count = diagnostics.length;
  title.textContent = kind.title(count);
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = "Close";
  header.append(title, close);

  const summary = document.createElement("p");
  summary.id = "technote-build-errors-summary";
  summary.textContent = kind.summary;

  panel.append(header, summary);
  for (const diagnostic of diagnostics) {
    const text = typeof diagnostic.text === "string" ? diagnostic.text : String(diagnostic.message);
    const block = document.createElement("pre");
    block.textContent = text;
    panel.append(block);
    if (kind === FAILED) console.error(text);
    else console.warn(text);
  }
  root.append(panel);

  const onKey = (event) => {
    if (event.key === "Escape") closeOverlay();
  };
  closeOverlay = () => {
    document.removeEventListener("keydown", onKey);
    host.remove();
    closeOverlay = () => {};
    if (previousFocus instanceof HTMLElement) previousFocus.focus();
  };
  close.addEventListener("click", () => {
    onDismiss();
    closeOverlay();
  });
  document.addEventListener("keydown", onKey);

  document.documentElement.append(host);
  close.focus();
}
