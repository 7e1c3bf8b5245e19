//! Fenced code blocks, highlighted at build time (syntect's Sublime
//! grammars, pure-Rust regex engine): tokens become `<span class="hl-…">`,
//! coloured by the site's stylesheet for each colour scheme, so pages need
//! no script and no inline style.
//!
//! Only a language named on the fence is highlighted (no guessing); an
//! unknown one, and a block longer than [`MAX_HIGHLIGHTED_BYTES`], are
//! written plain, as pulldown-cmark writes them.

use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use syntect::easy::HighlightLines;
use syntect::highlighting::{Color, ScopeSelectors, StyleModifier, Theme, ThemeItem};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::events::Spanned;
use crate::html::{push_attribute, push_text};
use crate::renderer::Renderer;

/// Longer blocks (generated dumps, logs) are written plain: highlighting
/// costs time in proportion to the text and adds little to a wall of output.
pub const MAX_HIGHLIGHTED_BYTES: usize = 32 * 1024;

/// The token classes the stylesheet colours, with the grammar scopes each
/// one covers (a scope selector as in a Sublime theme; the most specific
/// match wins). The first is for text no class covers, and for operators,
/// which the grammars call keywords but would be noise in colour.
const CLASSES: [(&str, &str); 9] = [
    ("", "keyword.operator"),
    ("hl-comment", "comment"),
    ("hl-string", "string, constant.character"),
    ("hl-keyword", "keyword, storage, variable.language"),
    ("hl-number", "constant"),
    (
        "hl-function",
        "entity.name.function, support.function, variable.function",
    ),
    ("hl-type", "entity.name, support.type, support.class"),
    ("hl-tag", "entity.name.tag, punctuation.definition.tag"),
    (
        "hl-attribute",
        "entity.other.attribute-name, support.type.property-name, variable.parameter",
    ),
];

/// The grammars, loaded the first time a page has a fence naming a language.
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// A theme whose "colours" are indexes into [`CLASSES`]: syntect's theme
/// matching (selectors, specificity) then says which class each token has.
static CLASS_THEME: LazyLock<Theme> = LazyLock::new(|| Theme {
    scopes: CLASSES
        .iter()
        .enumerate()
        .filter_map(|(index, (_, selectors))| {
            Some(ThemeItem {
                scope: selectors.parse::<ScopeSelectors>().ok()?,
                style: StyleModifier {
                    foreground: Some(class_color(index)),
                    background: None,
                    font_style: None,
                },
            })
        })
        .collect(),
    settings: syntect::highlighting::ThemeSettings {
        foreground: Some(class_color(0)),
        ..Default::default()
    },
    ..Theme::default()
});

fn class_color(index: usize) -> Color {
    Color {
        r: u8::try_from(index).unwrap_or(0),
        g: 0,
        b: 0,
        a: 0xff,
    }
}

/// Fence names the grammars do not know by extension or name.
const ALIASES: [(&str, &str); 4] = [
    ("shell", "sh"),
    ("zsh", "sh"),
    ("console", "sh"),
    ("jsonc", "json"),
];

/// The grammar for a fence's language, if it is one worth highlighting.
fn syntax_for(language: &str) -> Option<&'static SyntaxReference> {
    if language.is_empty()
        || ["text", "txt", "plain", "plaintext", "none"]
            .iter()
            .any(|plain| language.eq_ignore_ascii_case(plain))
    {
        return None;
    }
    let lower = language.to_ascii_lowercase();
    let token = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map_or(lower.as_str(), |(_, name)| name);
    SYNTAXES.find_syntax_by_token(token)
}

impl<'a> Renderer<'a, '_> {
    /// Block handler: a fenced code block naming a language the grammars
    /// know. Other code blocks go through the transform unchanged.
    pub(crate) fn code_block(&mut self, events: &mut [Spanned<'a>], index: usize) -> Option<usize> {
        let Some((Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))), _)) =
            events.get(index)
        else {
            return None;
        };
        let language = info.split_whitespace().next().unwrap_or("");
        let end = events
            .iter()
            .skip(index)
            .position(|(event, _)| matches!(event, Event::End(TagEnd::CodeBlock)))
            .map(|position| index + position)?;
        let mut code = String::new();
        for (event, _) in events.get(index + 1..end).unwrap_or_default() {
            if let Event::Text(text) = event {
                code.push_str(text);
            }
        }
        if code.len() > MAX_HIGHLIGHTED_BYTES {
            return None;
        }
        let syntax = syntax_for(language)?;
        let highlighted = highlight(&code, syntax)?;
        self.buffer.push_html(|html| {
            html.push_str("<pre><code");
            push_attribute(html, "class", &format!("language-{language}"));
            html.push('>');
            html.push_str(&highlighted);
            html.push_str("</code></pre>\n");
        });
        self.doc.text.push_str(&code);
        self.end_text_line();
        Some(end + 1)
    }
}

/// The code as escaped HTML with a span around each classed token, or
/// `None` if the grammar fails on it (the block is then written plain).
fn highlight(code: &str, syntax: &SyntaxReference) -> Option<String> {
    let mut lines = HighlightLines::new(syntax, &CLASS_THEME);
    let mut html = String::with_capacity(code.len() * 2);
    for line in LinesWithEndings::from(code) {
        let tokens = lines.highlight_line(line, &SYNTAXES).ok()?;
        // Neighbouring tokens of one class share a span.
        let mut open: Option<u8> = None;
        for (style, text) in tokens {
            let class = style.foreground.r;
            if open != Some(class) {
                if open.is_some_and(|open| open != 0) {
                    html.push_str("</span>");
                }
                if let Some((name, _)) = CLASSES.get(usize::from(class)).filter(|_| class != 0) {
                    html.push_str("<span class=\"");
                    html.push_str(name);
                    html.push_str("\">");
                }
                open = Some(class);
            }
            push_text(&mut html, text);
        }
        if open.is_some_and(|open| open != 0) {
            html.push_str("</span>");
        }
    }
    Some(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighted(language: &str, code: &str) -> Option<String> {
        highlight(code, syntax_for(language)?)
    }

    #[test]
    fn tokens_get_classes_and_text_is_escaped() {
        let html = highlighted("rust", "// a <b>\nfn main() { let x = \"s\"; }\n").unwrap();
        assert!(
            html.contains("<span class=\"hl-comment\">// a &lt;b&gt;\n</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"hl-keyword\">fn</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"hl-string\">&quot;s&quot;</span>"),
            "{html}"
        );
        assert!(!html.contains("style"), "{html}");
    }

    #[test]
    fn fence_names_resolve_by_extension_name_and_alias() {
        for language in ["sh", "bash", "shell", "JSON", "xml", "Python", "js", "yaml"] {
            assert!(syntax_for(language).is_some(), "{language}");
        }
        for language in ["", "text", "no-such-language"] {
            assert!(syntax_for(language).is_none(), "{language}");
        }
    }
}
