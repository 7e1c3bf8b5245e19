// Which of a site's locales a reader's browser languages lead to: the
// steps of fluent-langneg's "filtering" negotiation, the first match
// winning, with the browser's own CLDR likely subtags (Intl.Locale):
// the exact tag; the locale as a range (`en` takes `en-GB`); the likely
// script and region (`ja` finds `ja-JP`, `zh-TW` finds `zh-Hant`, `zh-CN`
// finds `zh-Hans`); another variant; the likely subtags of the language
// and script alone (`pt-PT` finds `pt-BR`); another region. The build's
// `_redirects` lines come from the same steps in Rust
// (crates/site/src/language_choice.rs); tests/i18n/negotiation.json holds
// the cases both are tested on.

function parse(tag) {
  let locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return null;
  }
  const { language, script, region } = locale;
  const known = [language, script, region].filter(Boolean).length;
  const variants = locale.baseName.split("-").slice(known).join("-") || undefined;
  return { language, script, region, variants };
}

function same(a, b) {
  return a.language === b.language && a.script === b.script && a.region === b.region && a.variants === b.variants;
}

// The offered locale is a range: what it leaves out matches anything, and
// so does what the wanted one leaves out when it is a range too.
function matches(offered, wanted, wantedIsRange) {
  const fits = (o, w) => o === undefined || o === w || (wantedIsRange && w === undefined);
  return offered.language === wanted.language && fits(offered.script, wanted.script)
    && fits(offered.region, wanted.region) && fits(offered.variants, wanted.variants);
}

// The locale with its likely script and region, or null when CLDR adds nothing.
function maximized(locale) {
  const tag = [locale.language, locale.script, locale.region, locale.variants].filter(Boolean).join("-");
  const full = parse(new Intl.Locale(tag).maximize().baseName);
  return full && !same(full, locale) ? full : null;
}

/** The index in `available` of the locale for a reader asking for
 * `requested` (most wanted first), or -1 when none is near enough. */
export function chooseLocale(requested, available) {
  const offered = available.map(parse);
  for (const tag of requested) {
    let wanted = parse(tag);
    if (!wanted) continue;
    const find = (test) => offered.findIndex((locale) => locale !== null && test(locale));
    const steps = [() => find((locale) => same(locale, wanted)), () => find((locale) => matches(locale, wanted, false))];
    if (wanted.language !== "und") {
      steps.push(
        () => {
          const full = maximized(wanted);
          if (!full) return -1;
          wanted = full;
          return find((locale) => matches(locale, wanted, false));
        },
        () => {
          wanted = { ...wanted, variants: undefined };
          return find((locale) => matches(locale, wanted, true));
        },
        () => {
          wanted = { ...wanted, region: undefined };
          const full = maximized(wanted);
          if (!full) return -1;
          wanted = full;
          return find((locale) => matches(locale, wanted, false));
        },
        () => {
          wanted = { ...wanted, region: undefined };
          return find((locale) => matches(locale, wanted, true));
        },
      );
    }
    for (const step of steps) {
      const at = step();
      if (at >= 0) return at;
    }
  }
  return -1;
}
