//! The files Netlify-style hosts (Netlify, Cloudflare Pages) read from the
//! site's root: the end of `_redirects` (a reader's language at the root,
//! each locale's own 404 page) and `_headers` (the pages' security policy,
//! caching, the search index's type).

use unic_langid::LanguageIdentifier;

/// The Content-Security-Policy of the pages, as `templates/base.html` states
/// it; as a header it can also forbid framing, which a `<meta>` cannot.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
     frame-ancestors 'none'";

/// The `_redirects` lines after those of redirects.csv: at the root, a
/// reader whose browser asks first for a language that leads to a locale
/// (`language_choice`: `ja` to `ja-JP`, `zh-TW` to `zh-Hant`) goes to its
/// home (`302!`: the root page exists and would shadow the rule). Netlify
/// reads `Language=`, with the browser's first language only; other hosts
/// skip those lines, and the root page's script, which weighs all of the
/// browser's languages, chooses. Below a locale, an address with no page
/// shows that locale's 404 page. The reference locale comes last among the
/// languages, as the browser's own list goes.
pub fn redirects_tail(
    base_path: &str,
    folders: &[String],
    locales: &[LanguageIdentifier],
    reference: usize,
) -> String {
    let mut lines = String::new();
    let browser_tags = crate::language_choice::browser_tags_by_locale(locales);
    // A host that matched a bare language as a prefix (`zh` on `zh-TW`)
    // would still meet the line of `zh-Hant` before the line of `zh-Hans`.
    let mut in_order: Vec<usize> = (0..folders.len()).collect();
    in_order.sort_by_key(|&l| {
        let language = locales[l].language.as_str();
        (
            l == reference,
            browser_tags[l].iter().any(|tag| tag == language),
        )
    });
    for locale in in_order {
        let folder = &folders[locale];
        lines.push_str(&format!(
            "{base_path} {base_path}{folder}/ 302! Language={}\n",
            browser_tags[locale].join(",")
        ));
    }
    for folder in folders {
        lines.push_str(&format!(
            "{base_path}{folder}/* {base_path}{folder}/404.html 404\n"
        ));
    }
    lines
}

/// `_headers`: every response carries the security headers `technote serve`
/// sends; pages and the search index are checked again at each visit
/// (their names never change while their bytes do); the assets may be kept
/// an hour, and those with a content-hashed name (`fingerprinted`, below
/// `assets/`) for good: a change gives them another name.
pub fn headers(base_path: &str, fingerprinted: &[&str]) -> String {
    let mut text = format!(
        "{base_path}*\n  Content-Security-Policy: {CONTENT_SECURITY_POLICY}\n  \
         X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n  \
         Cache-Control: public, max-age=0, must-revalidate\n\
         {base_path}assets/*\n  Cache-Control: public, max-age=3600\n\
         {base_path}assets/search/*\n  Content-Type: application/octet-stream\n  \
         Cache-Control: public, max-age=0, must-revalidate\n"
    );
    for name in fingerprinted {
        text.push_str(&format!(
            "{base_path}assets/{name}\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_go_home_with_the_reference_last_and_each_locale_has_its_404() {
        let folders = ["en".to_string(), "pt-BR".to_string(), "ja".to_string()];
        let locales: Vec<LanguageIdentifier> = ["en", "pt-BR", "ja-JP"]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect();
        let tail = redirects_tail("/docs/", &folders, &locales, 0);
        let lines: Vec<&str> = tail.lines().collect();
        assert_eq!(lines[0], "/docs/ /docs/pt-BR/ 302! Language=pt,pt-br,pt-pt");
        assert_eq!(lines[1], "/docs/ /docs/ja/ 302! Language=ja,ja-jp");
        assert!(lines[2].starts_with("/docs/ /docs/en/ 302! Language=en,en-au,"));
        assert_eq!(
            lines[3..],
            [
                "/docs/en/* /docs/en/404.html 404",
                "/docs/pt-BR/* /docs/pt-BR/404.html 404",
                "/docs/ja/* /docs/ja/404.html 404",
            ]
        );
    }

    #[test]
    fn traditional_chinese_comes_before_the_locale_that_takes_plain_zh() {
        let folders = [
            "en".to_string(),
            "zh-hans".to_string(),
            "zh-hant".to_string(),
        ];
        let locales: Vec<LanguageIdentifier> = ["en", "zh-Hans", "zh-Hant"]
            .iter()
            .map(|t| t.parse().unwrap())
            .collect();
        let tail = redirects_tail("/", &folders, &locales, 0);
        let lines: Vec<&str> = tail.lines().take(2).collect();
        assert_eq!(
            lines,
            [
                "/ /zh-hant/ 302! Language=zh-hant,zh-hk,zh-mo,zh-tw",
                "/ /zh-hans/ 302! Language=zh,zh-cn,zh-hans,zh-sg",
            ]
        );
    }

    #[test]
    fn headers_hold_the_policy_of_the_pages_meta_tag() {
        let base = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../templates/base.html"
        ))
        .unwrap();
        let meta_policy = CONTENT_SECURITY_POLICY.trim_end_matches("; frame-ancestors 'none'");
        assert!(
            base.contains(meta_policy),
            "templates/base.html states another policy"
        );
        let headers = headers("/", &["style.0123456789.css"]);
        assert!(headers.starts_with("/*\n  Content-Security-Policy: default-src 'self';"));
        assert!(headers.contains("/assets/search/*\n  Content-Type: application/octet-stream"));
        assert!(headers.ends_with(
            "/assets/style.0123456789.css\n  Cache-Control: public, max-age=31536000, immutable\n"
        ));
    }
}
