// Progressive enhancements of every page. Pages are complete without it.

// The element the address's #fragment names, if any: the address holds it
// percent-encoded (`#%E6%A6%82…` for `#概…`), and may hold a broken escape.
function linkedElement() {
  try {
    const id = decodeURIComponent(location.hash.slice(1));
    return id ? document.getElementById(id) : null;
  } catch {
    return null;
  }
}

// Tab sets: plain sections become a WAI-ARIA tablist (arrow keys, Home, End).
function enhanceTabs(container, index) {
  const panels = [...container.querySelectorAll(":scope > .tab-panel")];
  if (panels.length < 2) return;
  const list = document.createElement("div");
  list.className = "tab-list";
  list.setAttribute("role", "tablist");
  const label = container.getAttribute("data-tabs-label");
  if (label) list.setAttribute("aria-label", label);
  const tabs = panels.map((panel, i) => {
    const heading = panel.querySelector(":scope > .tab-title");
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `tab-${index}-${i}`;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", panel.id);
    tab.textContent = heading ? heading.textContent : String(i + 1);
    if (heading) heading.classList.add("visually-hidden");
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    panel.tabIndex = 0;
    list.append(tab);
    return tab;
  });
  const select = (chosen, focus) => {
    tabs.forEach((tab, i) => {
      const selected = i === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panels[i].hidden = !selected;
    });
    if (focus) tabs[chosen].focus();
  };
  list.addEventListener("click", (event) => {
    const i = tabs.indexOf(event.target.closest("[role=tab]"));
    if (i >= 0) select(i, false);
  });
  list.addEventListener("keydown", (event) => {
    const current = tabs.indexOf(document.activeElement);
    if (current < 0) return;
    const last = tabs.length - 1;
    const next = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  });
  container.prepend(list);
  // A link to a panel, to its former id or to a heading inside it shows that tab.
  const linked = linkedElement();
  const target = linked ? panels.findIndex((panel) => panel.contains(linked)) : -1;
  select(target >= 0 ? target : 0, false);
}

// The root page: go straight to the home of the visitor's language when a
// locale is near enough one of the browser's languages, else the list stays.
async function chooseLanguage(list) {
  const offered = [...list.querySelectorAll("a[hreflang]")];
  const { chooseLocale } = await import("./language-choice.js");
  const at = chooseLocale(navigator.languages || [], offered.map((a) => a.hreflang));
  if (at >= 0) location.replace(offered[at].href);
}

// A linked FAQ answer or collapsible block (#id) opens by itself, and so do
// the blocks around a linked element inside one; printing shows every answer.
function openTargetedAnswer() {
  const target = linkedElement();
  for (let at = target; at; at = at.parentElement.closest("details")) {
    if (at.tagName === "DETAILS") at.open = true;
    if (!at.parentElement) break;
  }
}

document.querySelectorAll(".tabs").forEach(enhanceTabs);
const chooser = document.querySelector("[data-language-chooser]");
if (chooser) chooseLanguage(chooser);
openTargetedAnswer();
addEventListener("hashchange", openTargetedAnswer);
addEventListener("beforeprint", () => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
