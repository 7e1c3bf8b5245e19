//! The files Netlify-style hosts (Netlify, Cloudflare Pages) read from the
//! site's root: the end of `_redirects` (a reader's language at the root,
//! each locale's own 404 page) and `_headers` (the pages' security policy,
//! caching, the search index's type).

/// The Content-Security-Policy of the pages, as `templates/base.html` states
/// it; as a header it can also forbid framing, which a `<meta>` cannot.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; \
     frame-ancestors 'none'";

/// The `_redirects` lines after those of redirects.csv: at the root, a
/// reader whose browser asks for a locale goes to its home (`302!`: the
/// root page exists and would shadow the rule; Netlify reads `Language=`,
/// hosts that do not keep the root's language chooser); below a locale, an
/// address with no page shows that locale's 404 page. The reference locale
/// comes last among the languages, as the browser's own list goes.
pub fn redirects_tail(base_path: &str, locale_tags: &[String], reference: usize) -> String {
    let mut lines = String::new();
    let in_order = (0..locale_tags.len())
        .filter(|&l| l != reference)
        .chain(std::iter::once(reference));
    for locale in in_order {
        let tag = &locale_tags[locale];
        lines.push_str(&format!(
            "{base_path} {base_path}{tag}/ 302! Language={}\n",
            tag.to_ascii_lowercase()
        ));
    }
    for tag in locale_tags {
        lines.push_str(&format!(
            "{base_path}{tag}/* {base_path}{tag}/404.html 404\n"
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
        let tags = ["en".to_string(), "pt-BR".to_string(), "fr".to_string()];
        assert_eq!(
            redirects_tail("/docs/", &tags, 0),
            "/docs/ /docs/pt-BR/ 302! Language=pt-br\n\
             /docs/ /docs/fr/ 302! Language=fr\n\
             /docs/ /docs/en/ 302! Language=en\n\
             /docs/en/* /docs/en/404.html 404\n\
             /docs/pt-BR/* /docs/pt-BR/404.html 404\n\
             /docs/fr/* /docs/fr/404.html 404\n"
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
