//! The release catalog is the one source of truth: a technote about IMS
//! readiness may not list a minimum release that the catalog contradicts.

use technote_diagnostics::Diagnostic;
use technote_live_checks::ReleaseCatalog;
use technote_markdown::{Document, Segment};

use crate::load::{Body, Page};

/// Checks every list item of a readiness page (`body`) against the site's
/// catalog.
pub fn check_minimum_mentions(
    catalog: &ReleaseCatalog,
    page: &Page,
    body: &Body,
    document: &Document,
) -> Vec<Diagnostic> {
    let about_readiness = document.segments.iter().any(|segment| {
        matches!(segment, Segment::Widget { name, .. } if technote_live_checks::states_minimum_releases(name))
    });
    if !about_readiness {
        return Vec::new();
    }
    let mut diagnostics = Vec::new();
    let mut in_code_block = false;
    for (index, line) in body.markdown.lines().enumerate() {
        let trimmed = line.trim_start_matches([' ', '>']);
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code_block = !in_code_block;
        }
        if in_code_block {
            continue;
        }
        let Some(item) = list_item_text(trimmed) else {
            continue;
        };
        let Some(problem) = catalog.minimum_mention_problem(item) else {
            continue;
        };
        let line_number = body
            .first_line
            .saturating_add(u32::try_from(index).unwrap_or(u32::MAX));
        let column = u32::try_from(line.len() - item.len() + 1).unwrap_or(1);
        diagnostics.push(
            Diagnostic::error(&page.source.path, problem)
                .with_code("release-mismatch")
                .at(line_number, column)
                .with_help("fix the text, or correct the release catalog if it is wrong (the file `catalog` under [checks] in technote.toml names, else crates/rules/releases.toml of technote's sources); the widget `minimum-releases` renders the list from the catalog"),
        );
    }
    diagnostics
}

/// The text of a Markdown list item line (`* x`, `- x`, `+ x`, `1. x`).
fn list_item_text(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['*', '-', '+']) {
        return rest.strip_prefix(' ');
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    line[digits..].strip_prefix(['.', ')'])?.strip_prefix(' ')
}

#[cfg(test)]
mod tests {
    use super::list_item_text;

    #[test]
    fn list_items_of_every_marker_are_recognized() {
        assert_eq!(list_item_text("* Campaign 20.2.5"), Some("Campaign 20.2.5"));
        assert_eq!(
            list_item_text("12. Gold Standard 11"),
            Some("Gold Standard 11")
        );
        assert_eq!(list_item_text("**bold** text"), None);
        assert_eq!(list_item_text("2021 was"), None);
    }
}
