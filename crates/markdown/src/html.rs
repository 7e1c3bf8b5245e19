//! Escaping for the few tags the renderer writes itself, with the same
//! functions pulldown-cmark's writer uses, so text is escaped exactly once.

use pulldown_cmark_escape::{escape_href, escape_html};

/// Appends `text` escaped for an attribute value or element content.
pub(crate) fn push_text(out: &mut String, text: &str) {
    // Writing to a String cannot fail; the Result only exists for io writers.
    let _infallible = escape_html(&mut *out, text);
}

/// Appends ` name="value"` with the value escaped.
pub(crate) fn push_attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    push_text(out, value);
    out.push('"');
}

/// Appends ` name="url"` with the URL made safe for an attribute
/// (non-ASCII percent-encoded, `&` and `'` escaped).
pub(crate) fn push_url_attribute(out: &mut String, name: &str, url: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    let _infallible = escape_href(&mut *out, url);
    out.push('"');
}

/// The empty element that carries an element's former id (`alias`), so
/// that links to it still land there.
pub(crate) fn push_alias(out: &mut String, alias: Option<&str>) {
    if let Some(alias) = alias {
        out.push_str("<span");
        push_attribute(out, "id", alias);
        out.push_str("></span>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoded_entities_are_escaped_once() {
        let mut out = String::new();
        push_attribute(&mut out, "title", "l'\"option\" & <b>");
        assert_eq!(out, r#" title="l&#39;&quot;option&quot; &amp; &lt;b&gt;""#);
    }

    #[test]
    fn urls_keep_their_percent_escapes_and_encode_the_rest() {
        let mut out = String::new();
        push_url_attribute(&mut out, "href", "a%20b/é?x=1&y=2");
        assert_eq!(out, r#" href="a%20b/%C3%A9?x=1&amp;y=2""#);
    }
}
