//! An attribute list on the line after a pipe table,
//! `{style="table-layout:auto"}`, as Experience League sources write it.
//!
//! pulldown-cmark reads that line as one more row, its text in the first
//! cell: the row is taken out and its attributes go on `<table>`, as the
//! classes that say what the style meant (the CSP blocks inline styles).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::attributes::{self, Attribute};
use crate::events::Spanned;
use crate::html::push_attribute;
use crate::renderer::Renderer;

impl<'a> Renderer<'a, '_> {
    /// Block handler: writes the start of the table at `index`, taking its
    /// attribute row out, when it has one.
    pub(crate) fn table_with_attributes(
        &mut self,
        events: &mut [Spanned<'a>],
        index: usize,
    ) -> Option<usize> {
        if !matches!(events.get(index), Some((Event::Start(Tag::Table(_)), _))) {
            return None;
        }
        let (row, list, offset) = attribute_row(events, index)?;
        let mut classes: Vec<String> = Vec::new();
        match attributes::parse(&list) {
            Ok(parsed) => {
                for Attribute { key, value } in parsed {
                    match key.as_str() {
                        "style" => self.table_style(&value, &mut classes, offset),
                        other => self.warning(
                            offset, "attribute-dropped",
                            format!("the attribute `{other}` is not allowed on a table; it is dropped"),
                            "a table's attribute list may hold style=\"…\" (text-align, width in percent)",
                        ),
                    }
                }
            }
            Err(message) => self.warning(
                offset,
                "attribute-list-invalid",
                format!("the attribute list `{{{list}}}` cannot be read: {message}; it is dropped"),
                "write it as {style=\"table-layout:auto\"}",
            ),
        }
        // The row's events write nothing from now on.
        for (event, _) in events.get_mut(row).unwrap_or_default() {
            *event = Event::Text(CowStr::Borrowed(""));
        }
        if let Some((Event::Start(tag), _)) = events.get(index) {
            // Keeps the table writer's state (column alignments) right.
            let _plain_start = self.table.start(tag);
        }
        self.buffer.push_html(|html| {
            html.push_str("<table");
            if !classes.is_empty() {
                push_attribute(html, "class", &classes.join(" "));
            }
            html.push('>');
        });
        self.depth += 1;
        Some(index + 1)
    }

    fn table_style(&mut self, style: &str, classes: &mut Vec<String>, offset: usize) {
        let mut lost = Vec::new();
        for declaration in style.split(';').filter(|d| !d.trim().is_empty()) {
            let (property, value) = declaration.split_once(':').unwrap_or((declaration, ""));
            let property = property.trim().to_ascii_lowercase();
            let value = value.trim().to_ascii_lowercase();
            let percent = value
                .strip_suffix('%')
                .and_then(|number| number.trim().parse::<f32>().ok())
                .filter(|share| *share > 0.0 && *share <= 100.0);
            match (property.as_str(), value.as_str(), percent) {
                // What a browser does anyway: nothing is lost.
                ("table-layout", "auto", _) => {}
                ("text-align", "left" | "center" | "right", _) => {
                    classes.push(format!("align-{value}"));
                }
                ("width", _, Some(share)) => {
                    let rounded = ((share / 5.0).round() * 5.0).clamp(5.0, 100.0);
                    classes.push(format!("width-{rounded}"));
                }
                _ => lost.push(format!("{property}: {value}")),
            }
        }
        if !lost.is_empty() {
            self.warning(
                offset,
                "style-dropped",
                format!(
                    "inline styles are blocked by the site's security policy; `{}` is dropped",
                    lost.join("; ")
                ),
                "keep to text-align or a width in percent",
            );
        }
    }
}

/// The last row of the table at `index` when it is an attribute list: the
/// row's event range, the text between the braces and its offset.
fn attribute_row(
    events: &[Spanned<'_>],
    index: usize,
) -> Option<(std::ops::Range<usize>, String, usize)> {
    let end = index
        + events
            .iter()
            .skip(index)
            .position(|(event, _)| matches!(event, Event::End(TagEnd::Table)))?;
    let row_start = index
        + events
            .get(index..end)?
            .iter()
            .rposition(|(event, _)| matches!(event, Event::Start(Tag::TableRow)))?;
    let row = events.get(row_start..end)?;
    let [
        (Event::Start(Tag::TableRow), _),
        (Event::Start(Tag::TableCell), _),
        (Event::Text(text), range),
        (Event::End(TagEnd::TableCell), _),
        rest @ ..,
    ] = row
    else {
        return None;
    };
    let inner = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    // The other cells are empty: `Start, End` pairs, then the row's end.
    let (last, cells) = rest.split_last()?;
    let empty = matches!(last, (Event::End(TagEnd::TableRow), _))
        && cells.chunks(2).all(|pair| {
            matches!(
                pair,
                [
                    (Event::Start(Tag::TableCell), _),
                    (Event::End(TagEnd::TableCell), _)
                ]
            )
        });
    empty.then(|| (row_start..end, inner.to_string(), range.start))
}
