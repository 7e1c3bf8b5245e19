//! Link and image destinations, and the attribute lists allowed after them.

use pulldown_cmark::LinkType;

use crate::LinkKind;
use crate::attributes::Attribute;
use crate::html::{push_attribute, push_text, push_url_attribute};

/// What a destination points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Destination<'d> {
    /// An e-mail autolink `<name@example.com>`: the href needs `mailto:`.
    Email,
    /// `#id` (the id may be empty: the top of the page).
    SamePage(&'d str),
    /// `scheme:…` or `//host…`; `external` for web URLs.
    Absolute { external: bool },
    /// Anything else: for the site's resolver.
    Relative,
    /// A scheme that runs code or embeds a document (`javascript:`,
    /// `vbscript:`, `data:` for links): never written.
    Unsafe,
}

pub(crate) fn classify(link_type: LinkType, dest: &str, kind: LinkKind) -> Destination<'_> {
    if link_type == LinkType::Email {
        return Destination::Email;
    }
    if let Some(id) = dest.strip_prefix('#') {
        return Destination::SamePage(id);
    }
    if dest.starts_with("//") {
        return Destination::Absolute { external: true };
    }
    match scheme(dest) {
        Some(scheme) if is_unsafe_scheme(scheme, kind) => Destination::Unsafe,
        Some(scheme) => Destination::Absolute {
            external: scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"),
        },
        None if dest.is_empty() => Destination::Absolute { external: false },
        None => Destination::Relative,
    }
}

fn is_unsafe_scheme(scheme: &str, kind: LinkKind) -> bool {
    scheme.eq_ignore_ascii_case("javascript")
        || scheme.eq_ignore_ascii_case("vbscript")
        || (kind == LinkKind::Link && scheme.eq_ignore_ascii_case("data"))
}

/// The URL scheme of `dest` (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`).
fn scheme(dest: &str) -> Option<&str> {
    let colon = memchr::memchr(b':', dest.as_bytes())?;
    let scheme = dest.get(..colon)?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// A problem with one attribute of a list; the attribute is dropped.
pub(crate) struct Rejected {
    pub(crate) message: String,
    pub(crate) help: String,
}

/// The attributes a link may carry from a `{…}` list.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct LinkAttributes {
    pub(crate) target: Option<String>,
    pub(crate) rel: Vec<String>,
    pub(crate) title: Option<String>,
    pub(crate) lang: Option<String>,
    pub(crate) hreflang: Option<String>,
    pub(crate) download: Option<String>,
}

const LINK_ATTRIBUTES: &str = "target, rel, title, lang, hreflang, download";
pub(crate) const TARGETS: [&str; 4] = ["_blank", "_self", "_parent", "_top"];

impl LinkAttributes {
    /// Keeps the allowed attributes; reports and drops the others (event
    /// handlers, styles, classes and ids have no place in an author's link).
    pub(crate) fn from_list(list: Vec<Attribute>, rejected: &mut Vec<Rejected>) -> Self {
        let mut attributes = LinkAttributes::default();
        for Attribute { key, value } in list {
            match key.as_str() {
                "target" if TARGETS.contains(&value.as_str()) => attributes.target = Some(value),
                "target" => rejected.push(Rejected {
                    message: format!(
                        "`target=\"{value}\"` is not a browsing context a page can name"
                    ),
                    help: format!("use one of {}", TARGETS.join(", ")),
                }),
                "rel" => attributes
                    .rel
                    .extend(value.split_whitespace().map(str::to_string)),
                "title" => attributes.title = Some(value),
                "lang" => attributes.lang = Some(value),
                "hreflang" => attributes.hreflang = Some(value),
                "download" => attributes.download = Some(value),
                other => rejected.push(Rejected {
                    message: format!(
                        "the attribute `{other}` is not allowed on a link; it is dropped"
                    ),
                    help: format!("allowed attributes: {LINK_ATTRIBUTES}"),
                }),
            }
        }
        if attributes.opens_new_tab() {
            // A page opened in a new tab must not reach back through
            // window.opener, nor learn where the reader came from.
            for token in ["noopener", "noreferrer"] {
                if !attributes.rel.iter().any(|rel| rel == token) {
                    attributes.rel.push(token.to_string());
                }
            }
        }
        attributes
    }

    pub(crate) fn opens_new_tab(&self) -> bool {
        self.target.as_deref() == Some("_blank")
    }
}

/// Everything written in a link's start tag.
pub(crate) struct LinkTag<'t> {
    pub(crate) href: &'t str,
    pub(crate) classes: &'t [&'t str],
    /// The Markdown title (`[a](b "title")`), overridden by a `title=` attribute.
    pub(crate) title: &'t str,
    pub(crate) attributes: &'t LinkAttributes,
}

impl LinkTag<'_> {
    pub(crate) fn write(&self, out: &mut String) {
        out.push_str("<a");
        push_url_attribute(out, "href", self.href);
        push_list_attribute(out, "class", self.classes.iter().copied());
        let title = self.attributes.title.as_deref().unwrap_or(self.title);
        if !title.is_empty() {
            push_attribute(out, "title", title);
        }
        let optional = [
            ("target", self.attributes.target.as_deref()),
            ("lang", self.attributes.lang.as_deref()),
            ("hreflang", self.attributes.hreflang.as_deref()),
            ("download", self.attributes.download.as_deref()),
        ];
        for (name, value) in optional {
            if let Some(value) = value {
                push_attribute(out, name, value);
            }
        }
        push_list_attribute(out, "rel", self.attributes.rel.iter().map(String::as_str));
        out.push('>');
    }
}

/// Appends ` name="a b c"` with the values escaped, or nothing without values.
fn push_list_attribute<'v>(out: &mut String, name: &str, values: impl Iterator<Item = &'v str>) {
    let mut values = values.peekable();
    if values.peek().is_none() {
        return;
    }
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    for (index, value) in values.enumerate() {
        if index > 0 {
            out.push(' ');
        }
        push_text(out, value);
    }
    out.push('"');
}

/// The attributes an image may carry from a `{…}` list.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ImageAttributes {
    pub(crate) title: Option<String>,
    /// In pixels.
    pub(crate) width: Option<String>,
    pub(crate) height: Option<String>,
    /// `width="50%"`: a share of the text column, rounded to 5 %, written as
    /// a class (the CSP forbids inline styles).
    pub(crate) width_percent: Option<u8>,
    /// `align=left|center|right`.
    pub(crate) align: Option<&'static str>,
    /// `zoomable=yes`: the image links to itself at full size.
    pub(crate) zoomable: bool,
}

const IMAGE_ATTRIBUTES: &str = "title, width, height, align, zoomable";

impl ImageAttributes {
    pub(crate) fn from_list(list: Vec<Attribute>, rejected: &mut Vec<Rejected>) -> Self {
        let mut attributes = ImageAttributes::default();
        for Attribute { key, value } in list {
            let size = value.trim();
            let pixels = size.strip_suffix("px").unwrap_or(size).trim_end();
            let is_pixels = !pixels.is_empty() && pixels.bytes().all(|b| b.is_ascii_digit());
            let percent = size
                .strip_suffix('%')
                .and_then(|number| number.trim().parse::<f32>().ok())
                .filter(|share| *share > 0.0 && *share <= 100.0);
            match key.as_str() {
                "title" => attributes.title = Some(value),
                "width" if is_pixels => attributes.width = Some(pixels.to_string()),
                "height" if is_pixels => attributes.height = Some(pixels.to_string()),
                "width" if percent.is_some() => {
                    let share = percent.unwrap_or(100.0);
                    // Rounded to the nearest 5, at least 5: one class each.
                    let rounded = ((share / 5.0).round() * 5.0).clamp(5.0, 100.0);
                    attributes.width_percent = Some(rounded as u8);
                }
                "width" | "height" => rejected.push(Rejected {
                    message: format!("`{key}=\"{value}\"` is not a size this site can keep"),
                    help: format!(
                        "write {key}=\"400\" (pixels){}",
                        if key == "width" {
                            " or width=\"50%\""
                        } else {
                            ""
                        }
                    ),
                }),
                "align" => match value.to_ascii_lowercase().as_str() {
                    "left" => attributes.align = Some("image-left"),
                    "center" => attributes.align = Some("image-center"),
                    "right" => attributes.align = Some("image-right"),
                    _ => rejected.push(Rejected {
                        message: format!("`align=\"{value}\"` is not an alignment"),
                        help: "write align=\"left\", align=\"center\" or align=\"right\""
                            .to_string(),
                    }),
                },
                "zoomable" => match value.to_ascii_lowercase().as_str() {
                    "yes" | "true" => attributes.zoomable = true,
                    "no" | "false" => attributes.zoomable = false,
                    _ => rejected.push(Rejected {
                        message: format!("`zoomable=\"{value}\"` is neither yes nor no"),
                        help: "write zoomable=\"yes\"".to_string(),
                    }),
                },
                other => rejected.push(Rejected {
                    message: format!(
                        "the attribute `{other}` is not allowed on an image; it is dropped"
                    ),
                    help: format!("allowed attributes: {IMAGE_ATTRIBUTES}"),
                }),
            }
        }
        attributes
    }
}

/// Writes `<img>`: lazy loading, since technote images sit below the fold;
/// a zoomable image links to itself.
pub(crate) fn write_image(
    out: &mut String,
    src: &str,
    alt: &str,
    markdown_title: &str,
    attributes: &ImageAttributes,
) {
    if attributes.zoomable {
        out.push_str("<a class=\"image-zoom\"");
        push_url_attribute(out, "href", src);
        out.push('>');
    }
    out.push_str("<img");
    push_url_attribute(out, "src", src);
    push_attribute(out, "alt", alt);
    let title = attributes.title.as_deref().unwrap_or(markdown_title);
    if !title.is_empty() {
        push_attribute(out, "title", title);
    }
    if let Some(width) = &attributes.width {
        push_attribute(out, "width", width);
    }
    if let Some(height) = &attributes.height {
        push_attribute(out, "height", height);
    }
    let percent_class = attributes
        .width_percent
        .map(|percent| format!("width-{percent}"));
    push_list_attribute(
        out,
        "class",
        attributes.align.into_iter().chain(percent_class.as_deref()),
    );
    out.push_str(r#" loading="lazy">"#);
    if attributes.zoomable {
        out.push_str("</a>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribute(key: &str, value: &str) -> Attribute {
        Attribute {
            key: key.to_string(),
            value: value.to_string(),
        }
    }

    #[test]
    fn classifies_destinations() {
        let inline = LinkType::Inline;
        let classify = |link_type, dest| classify(link_type, dest, LinkKind::Link);
        assert_eq!(classify(inline, "#faq"), Destination::SamePage("faq"));
        assert_eq!(
            classify(inline, "https://helpx.adobe.com/x"),
            Destination::Absolute { external: true }
        );
        assert_eq!(
            classify(inline, "//cdn.example/x.png"),
            Destination::Absolute { external: true }
        );
        assert_eq!(
            classify(inline, "mailto:a@b.c"),
            Destination::Absolute { external: false }
        );
        assert_eq!(classify(inline, "../../rn/a.md#x"), Destination::Relative);
        assert_eq!(
            classify(inline, "a:b/c.md"),
            Destination::Absolute { external: false }
        );
        assert_eq!(classify(inline, "1a:b"), Destination::Relative);
        assert_eq!(classify(LinkType::Email, "a@b.c"), Destination::Email);
        assert_eq!(classify(inline, "JavaScript:alert(1)"), Destination::Unsafe);
        assert_eq!(classify(inline, "data:text/html,x"), Destination::Unsafe);
    }

    #[test]
    fn images_may_use_data_urls() {
        assert_eq!(
            classify(
                LinkType::Inline,
                "data:image/png;base64,AAAA",
                LinkKind::Image
            ),
            Destination::Absolute { external: false }
        );
    }

    #[test]
    fn blank_targets_get_noopener_noreferrer_and_unsafe_attributes_are_dropped() {
        let mut rejected = Vec::new();
        let attributes = LinkAttributes::from_list(
            vec![
                attribute("target", "_blank"),
                attribute("rel", "nofollow noopener"),
                attribute("onclick", "alert(1)"),
                attribute("style", "color:red"),
            ],
            &mut rejected,
        );
        assert_eq!(attributes.rel, vec!["nofollow", "noopener", "noreferrer"]);
        assert_eq!(rejected.len(), 2);
        assert!(rejected[0].message.contains("onclick"));
    }

    #[test]
    fn start_tags_escape_every_value() {
        let attributes = LinkAttributes {
            target: Some("_blank".into()),
            rel: vec!["noopener".into(), "noreferrer".into()],
            title: Some("l'aide \"en ligne\"".into()),
            ..LinkAttributes::default()
        };
        let mut out = String::new();
        LinkTag {
            href: "https://a.example/?x=1&y=é",
            classes: &["external"],
            title: "",
            attributes: &attributes,
        }
        .write(&mut out);
        assert_eq!(
            out,
            r#"<a href="https://a.example/?x=1&amp;y=%C3%A9" class="external" title="l&#39;aide &quot;en ligne&quot;" target="_blank" rel="noopener noreferrer">"#
        );
    }

    #[test]
    fn image_sizes_are_pixels_or_a_share_of_the_column() {
        let mut rejected = Vec::new();
        let attributes = ImageAttributes::from_list(
            vec![
                attribute("width", "400px"),
                attribute("height", "50%"),
                attribute("align", "Center"),
                attribute("zoomable", "yes"),
            ],
            &mut rejected,
        );
        assert_eq!(attributes.width.as_deref(), Some("400"));
        assert_eq!(attributes.height, None);
        assert_eq!(attributes.align, Some("image-center"));
        assert!(attributes.zoomable);
        assert_eq!(rejected.len(), 1);
        let shared = ImageAttributes::from_list(vec![attribute("width", "33%")], &mut rejected);
        assert_eq!(shared.width_percent, Some(35));
        let mut out = String::new();
        write_image(&mut out, "a.png", "A", "", &attributes);
        assert_eq!(
            out,
            r#"<a class="image-zoom" href="a.png"><img src="a.png" alt="A" width="400" class="image-center" loading="lazy"></a>"#
        );
    }
}
