//! The last step of every template: text a page shows in the reference
//! locale's words, which `t()` marks (see `technote_i18n::FALLBACK_START`),
//! becomes `<span lang="en" dir="ltr">` inside elements, so that screen
//! readers speak it in English and its punctuation keeps its place on a
//! right-to-left page; in attributes, `<title>`, `<option>`, scripts and
//! feeds, where no markup may go, it is isolated with Unicode controls
//! instead. The page is read with lol_html's tokenizer, and only a page that
//! holds a mark pays for it: a fully translated locale has none.

use std::cell::Cell;
use std::rc::Rc;

use lol_html::html_content::{ContentType, EndTag, TextType};
use lol_html::{EndTagHandler, HtmlRewriter, Settings, doc_comments, doc_text, element};
use technote_i18n::{Localizer, has_fallback_marks, holds_fallback_marks};
use unic_langid::LanguageIdentifier;

/// `output` of a template named `template` for a page in `page`, with its
/// fallback marks resolved, appended to `resolved`. The bytes go from
/// lol_html's tokenizer to `resolved` as they are: `output` is UTF-8 and
/// every replacement is a `&str`, so only an output with marks left (in
/// attributes, or a feed's) is checked again, to be read as text.
pub(crate) fn resolve_fallback_marks(
    localizer: &Localizer,
    page: &LanguageIdentifier,
    template: &str,
    output: &[u8],
    resolved: &mut Vec<u8>,
) -> Result<(), String> {
    let start = resolved.len();
    if template.ends_with(".html") {
        rewrite_texts(localizer, page, output, resolved)?;
    } else {
        resolved.extend_from_slice(output);
    }
    // Every text and comment of an HTML page is resolved by now: a mark
    // still there is in an attribute's value, or in a feed, where no markup
    // may go. Isolating those in one pass over the page, rather than in a
    // handler of every element, spares lol_html copying out and writing
    // back every tag.
    if holds_fallback_marks(&resolved[start..]) {
        let rewritten = resolved.split_off(start);
        let text = std::str::from_utf8(&rewritten)
            .map_err(|_| "the template wrote invalid UTF-8".to_string())?;
        resolved.extend_from_slice(localizer.isolate_fallbacks(text, page).as_bytes());
    }
    Ok(())
}

/// An HTML page `output` with the marks of its texts and comments
/// resolved, appended to `resolved`.
fn rewrite_texts(
    localizer: &Localizer,
    page: &LanguageIdentifier,
    output: &[u8],
    resolved: &mut Vec<u8>,
) -> Result<(), String> {
    // `<option>` holds text only: a span there is no valid HTML.
    let in_option = Rc::new(Cell::new(false));
    let entering = Rc::clone(&in_option);
    let reading = Rc::clone(&in_option);
    let settings = Settings::new()
        // UTF-8 throughout, charset `<meta>` or not: lol_html's defaults.
        .with_strict(false)
        .append_element_content_handler(element!("option", move |element| {
            entering.set(true);
            let leaving = Rc::clone(&entering);
            let leave: EndTagHandler<'static> = Box::new(move |_: &mut EndTag<'_>| {
                leaving.set(false);
                Ok(())
            });
            element.on_end_tag(leave)
        }))
        // A mark is one character, so a piece of a text never splits one.
        .append_document_content_handler(doc_text!(move |chunk| {
            if has_fallback_marks(chunk.as_str()) {
                let resolved = if chunk.text_type() == TextType::Data && !reading.get() {
                    localizer.mark_up_fallbacks(chunk.as_str())
                } else {
                    localizer.isolate_fallbacks(chunk.as_str(), page)
                };
                chunk.replace(&resolved, ContentType::Html);
            }
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(|comment| {
            let text = comment.text();
            if has_fallback_marks(&text) {
                comment.set_text(&localizer.isolate_fallbacks(&text, page))?;
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |chunk: &[u8]| {
        resolved.extend_from_slice(chunk);
    });
    rewriter.write(output).map_err(|error| error.to_string())?;
    rewriter.end().map_err(|error| error.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;
    use technote_i18n::{FALLBACK_END, FALLBACK_START};

    fn localizer() -> Localizer {
        let en: LanguageIdentifier = "en".parse().expect("en");
        let sources = vec![(
            en.clone(),
            PathBuf::from("en/site.ftl"),
            "x = y\n".to_owned(),
        )];
        Localizer::from_sources(sources, &en).expect("localizer")
    }

    fn marked(text: &str) -> String {
        format!("{FALLBACK_START}{text}{FALLBACK_END}")
    }

    #[test]
    fn english_in_an_element_is_marked_up_and_in_an_option_or_attribute_isolated() {
        let arabic: LanguageIdentifier = "ar".parse().expect("ar");
        let output = format!(
            "<p>{}</p><select><option value=\"a\">{}</option></select><a title=\"{}\">x</a>",
            marked("On this page"),
            marked("First choice"),
            marked("Language"),
        );
        let mut resolved = Vec::new();
        resolve_fallback_marks(
            &localizer(),
            &arabic,
            "page.html",
            output.as_bytes(),
            &mut resolved,
        )
        .expect("rewrite");
        let resolved = String::from_utf8(resolved).expect("UTF-8");
        assert!(
            resolved.contains("<p><span lang=\"en\" dir=\"ltr\">On this page</span></p>"),
            "{resolved}"
        );
        assert!(
            resolved.contains("<option value=\"a\">\u{2066}First choice\u{2069}</option>"),
            "{resolved}"
        );
        assert!(
            resolved.contains("title=\"\u{2066}Language\u{2069}\""),
            "{resolved}"
        );
        assert!(!holds_fallback_marks(resolved.as_bytes()), "{resolved}");
    }
}
