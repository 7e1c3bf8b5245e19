//! Pipe tables. pulldown-cmark's writer aligns columns with inline `style`
//! attributes, which a strict Content-Security-Policy blocks; the table tags
//! are written here instead, with `align-left`/`align-center`/`align-right`
//! classes for the stylesheet.

pub(crate) mod cells;

use pulldown_cmark::{Alignment, Tag, TagEnd};

/// Where the writer is inside the current table.
#[derive(Default)]
pub(crate) struct TableWriter {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl TableWriter {
    /// The HTML for the start of a table element.
    pub(crate) fn start(&mut self, tag: &Tag<'_>) -> &'static str {
        match tag {
            Tag::Table(alignments) => {
                self.alignments.clone_from(alignments);
                "<table>"
            }
            Tag::TableHead => {
                self.in_head = true;
                self.column = 0;
                "<thead><tr>"
            }
            Tag::TableRow => {
                self.column = 0;
                "<tr>"
            }
            Tag::TableCell => {
                let alignment = self
                    .alignments
                    .get(self.column)
                    .copied()
                    .unwrap_or(Alignment::None);
                cell_start(self.in_head, alignment)
            }
            _ => "",
        }
    }

    /// The HTML for the end of a table element.
    pub(crate) fn end(&mut self, end: TagEnd) -> &'static str {
        match end {
            TagEnd::Table => {
                self.alignments.clear();
                "</tbody></table>\n"
            }
            TagEnd::TableHead => {
                self.in_head = false;
                "</tr></thead><tbody>\n"
            }
            TagEnd::TableRow => "</tr>\n",
            TagEnd::TableCell => {
                self.column += 1;
                if self.in_head { "</th>" } else { "</td>" }
            }
            _ => "",
        }
    }
}

fn cell_start(in_head: bool, alignment: Alignment) -> &'static str {
    match (in_head, alignment) {
        (true, Alignment::None) => "<th>",
        (true, Alignment::Left) => r#"<th class="align-left">"#,
        (true, Alignment::Center) => r#"<th class="align-center">"#,
        (true, Alignment::Right) => r#"<th class="align-right">"#,
        (false, Alignment::None) => "<td>",
        (false, Alignment::Left) => r#"<td class="align-left">"#,
        (false, Alignment::Center) => r#"<td class="align-center">"#,
        (false, Alignment::Right) => r#"<td class="align-right">"#,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_cells_are_th_and_alignment_is_a_class() {
        let mut table = TableWriter::default();
        let mut html =
            String::from(table.start(&Tag::Table(vec![Alignment::None, Alignment::Right])));
        html.push_str(table.start(&Tag::TableHead));
        for _ in 0..2 {
            html.push_str(table.start(&Tag::TableCell));
            html.push_str(table.end(TagEnd::TableCell));
        }
        html.push_str(table.end(TagEnd::TableHead));
        html.push_str(table.start(&Tag::TableRow));
        for _ in 0..2 {
            html.push_str(table.start(&Tag::TableCell));
            html.push_str(table.end(TagEnd::TableCell));
        }
        html.push_str(table.end(TagEnd::TableRow));
        html.push_str(table.end(TagEnd::Table));
        assert_eq!(
            html,
            "<table><thead><tr><th></th><th class=\"align-right\"></th></tr></thead><tbody>\n\
             <tr><td></td><td class=\"align-right\"></td></tr>\n</tbody></table>\n"
        );
    }
}
