//! The cells of a page's pipe tables, counted before pulldown-cmark parses
//! the page, against `max_table_cells`.
//!
//! pulldown-cmark builds the tree of a whole page before the first event,
//! and in it every cell of every table, including the empty cells it adds
//! to rows shorter than the header (up to 262,144 per table): a header of
//! 5,000 columns followed by 50 one-letter rows is 250,000 cells from 20 KB
//! of text, and a page of such tables holds hundreds of millions. The
//! renderer then keeps the events of a whole table, the largest block, while
//! it transforms it. Counting here, in one pass over the lines, is the only
//! place the cost can be refused before it is paid.
//!
//! The count never falls short of pulldown-cmark's: a table is taken to be
//! every line from the one above a delimiter row (`|---|:-:|`, after any `>`
//! and indentation) to the next blank line, each line as wide as the widest
//! delimiter row seen so far. Real tables end there, or sooner (a heading or
//! the end of a quote ends one too), so a count can only be high, and only
//! for a table followed without a blank line by other blocks.

use technote_diagnostics::Diagnostic;

use crate::RenderOptions;
use crate::positions::Positions;

/// The table that took the page past its budget of cells; it and every
/// table after it are left out.
pub(crate) struct OverBudget {
    /// Where the table's header line starts (after any `>` and indentation).
    header: usize,
    columns: usize,
    rows: usize,
    /// Cells of the page's tables, this one included.
    total: usize,
    /// Byte ranges of the tables left out, from header to last row.
    tables: Vec<(usize, usize)>,
}

/// A table being counted.
struct Table {
    header: usize,
    /// End of its last line so far.
    end: usize,
    columns: usize,
    rows: usize,
}

impl Table {
    fn cells(&self) -> usize {
        self.columns.saturating_mul(self.rows)
    }
}

/// The cells counted so far, and the table that went over.
struct Budget {
    limit: usize,
    counted: usize,
    over: Option<OverBudget>,
}

impl Budget {
    fn update(&mut self, table: &Table) {
        let total = self.counted.saturating_add(table.cells());
        if self.over.is_none() && total > self.limit {
            self.over = Some(OverBudget {
                header: table.header,
                columns: 0,
                rows: 0,
                total: 0,
                tables: Vec::new(),
            });
        }
        if let Some(over) = &mut self.over
            && over.header == table.header
        {
            over.columns = table.columns;
            over.rows = table.rows;
            over.total = total;
        }
    }

    fn finish(&mut self, table: Table) {
        self.counted = self.counted.saturating_add(table.cells());
        if let Some(over) = &mut self.over {
            over.tables.push((table.header, table.end));
        }
    }
}

/// Whether `body` cannot hold more than `limit` table cells, from two
/// counts made at memory speed: a table has at most one row a line, and at most one column more than its delimiter row has `|`. Nearly
/// every page is decided here, without the line-by-line count below.
fn surely_within(body: &str, limit: usize) -> bool {
    let bytes = body.as_bytes();
    // A lone carriage return ends a line too.
    let lines = memchr::memchr2_iter(b'\n', b'\r', bytes).count() + 1;
    let pipes = memchr::memchr_iter(b'|', bytes).count();
    pipes == 0 || lines.saturating_mul(pipes + 1) <= limit
}

/// The first table at which the cells of `body`'s tables exceed `limit`.
pub(crate) fn over_budget(body: &str, limit: usize) -> Option<OverBudget> {
    if surely_within(body, limit) {
        return None;
    }
    let mut budget = Budget {
        limit,
        counted: 0,
        over: None,
    };
    let mut table: Option<Table> = None;
    // Where the text of the line above starts, when it is not blank: a
    // table's header.
    let mut above: Option<usize> = None;
    for (start, end) in lines(body) {
        let text_start = start + text_offset(&body[start..end]);
        let text = &body[text_start..end];
        if text.trim_matches([' ', '\t']).is_empty() {
            if let Some(done) = table.take() {
                budget.finish(done);
            }
            above = None;
            continue;
        }
        match (delimiter_columns(text), &mut table, above) {
            (Some(columns), Some(open), _) => {
                // A row of the open table, or the delimiter of a new table
                // whose header was counted as a row: either way as wide as
                // the widest.
                open.columns = open.columns.max(columns);
                open.rows += 1;
            }
            (Some(columns), None, Some(header)) => {
                table = Some(Table {
                    header,
                    end,
                    columns,
                    rows: 1,
                });
            }
            (None, Some(open), _) => open.rows += 1,
            _ => {}
        }
        if let Some(open) = &mut table {
            open.end = end;
            budget.update(open);
        }
        above = Some(text_start);
    }
    if let Some(done) = table.take() {
        budget.finish(done);
    }
    budget.over
}

impl OverBudget {
    /// The body with the tables left out: their lines blanked byte for
    /// byte, so every offset and line of the rest stays where it was.
    pub(crate) fn without_tables(&self, body: &str) -> String {
        let mut bytes = body.as_bytes().to_vec();
        for &(start, end) in &self.tables {
            for byte in bytes.get_mut(start..end).unwrap_or_default() {
                if !matches!(*byte, b'\n' | b'\r') {
                    *byte = b' ';
                }
            }
        }
        // Whole lines of UTF-8 text became spaces: still UTF-8.
        String::from_utf8(bytes).unwrap_or_default()
    }

    pub(crate) fn diagnostic(&self, body: &str, options: &RenderOptions<'_>) -> Diagnostic {
        let (line, column) = Positions::new(body, options.first_line).line_column(self.header);
        let limit = options.max_table_cells;
        let cells = self.columns.saturating_mul(self.rows);
        let message = if cells == self.total {
            format!(
                "this table has {} columns and {} rows, {cells} cells (short rows counted \
                 in full); a page may have {limit}",
                self.columns, self.rows
            )
        } else {
            format!(
                "this table ({} columns, {} rows) brings the cells of the page's tables to {} \
                 (short rows counted in full); a page may have {limit}",
                self.columns, self.rows, self.total
            )
        };
        Diagnostic::error(options.file, message)
            .with_code("table-too-large")
            .at(line, column)
            .with_help(
                "split the table, or the page, into smaller ones; if the size is intended, \
                 raise `max_table_cells` under [limits] in technote.toml",
            )
    }
}

/// Byte ranges of the lines of `text`, without their end: LF, CR LF or a
/// lone CR, as pulldown-cmark breaks lines.
fn lines(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = bytes.get(start..).unwrap_or_default();
        let length = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .unwrap_or(rest.len());
        let line = (start, start + length);
        start += length;
        if bytes.get(start) == Some(&b'\r') {
            start += 1;
        }
        if bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        Some(line)
    })
}

/// Length of the `>` markers and indentation before a line's text.
fn text_offset(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t', '>']).len()
}

/// The columns of a delimiter row, as pulldown-cmark's `scan_table_head`
/// reads one: `|`-separated cells of `-` with optional `:`, at least one
/// `|` and one `-`, and no empty cell between two pipes.
fn delimiter_columns(text: &str) -> Option<usize> {
    let mut columns = 0usize;
    let mut rest = text.as_bytes();
    let mut found_pipe = false;
    if let Some(after) = rest.strip_prefix(b"|") {
        rest = after;
        found_pipe = true;
    }
    let (mut found_hyphen, mut hyphen_in_column, mut column_open) = (false, false, false);
    for &byte in rest {
        match byte {
            b' ' => {}
            b':' => column_open = true,
            b'-' => {
                found_hyphen = true;
                hyphen_in_column = true;
                column_open = true;
            }
            b'|' => {
                if !hyphen_in_column {
                    return None;
                }
                found_pipe = true;
                columns += 1;
                hyphen_in_column = false;
                column_open = false;
            }
            _ => return None,
        }
    }
    if column_open {
        columns += 1;
    }
    (found_pipe && found_hyphen).then_some(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(body: &str, limit: usize) -> Option<(usize, usize, usize)> {
        over_budget(body, limit).map(|over| (over.columns, over.rows, over.total))
    }

    #[test]
    fn delimiter_rows_are_read_as_pulldown_cmark_reads_them() {
        assert_eq!(delimiter_columns("|---|:-:|--:|"), Some(3));
        assert_eq!(delimiter_columns("--- | ---"), Some(2));
        assert_eq!(delimiter_columns("|-"), Some(1));
        assert_eq!(delimiter_columns("---"), None, "a thematic break");
        assert_eq!(delimiter_columns("|---||"), None, "an empty cell");
        assert_eq!(delimiter_columns("| a |"), None);
    }

    #[test]
    fn a_table_counts_its_header_and_rows_at_its_width() {
        let body = "Text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |\n\nMore text\n";
        assert_eq!(counted(body, 6), None);
        assert_eq!(counted(body, 5), Some((2, 3, 6)));
    }

    #[test]
    fn short_rows_count_in_full_and_tables_add_up() {
        let header = format!("|{}\n|{}\n", "a|".repeat(100), "-|".repeat(100));
        let table = format!("{header}{}\n", "x\n".repeat(9));
        let body = format!("{table}{table}{table}");
        assert_eq!(counted(&body, 3000), None);
        let over = over_budget(&body, 2999).expect("three tables of 1,000 cells");
        assert_eq!((over.columns, over.rows, over.total), (100, 10, 3000));
        assert_eq!(over.header, 2 * table.len(), "the third table");
    }

    #[test]
    fn tables_in_quotes_and_lone_carriage_returns_are_counted() {
        assert_eq!(counted("> a | b\n> --|--\n> 1 | 2\n", 4), None);
        assert_eq!(counted("> a | b\n> --|--\n> 1 | 2\n", 3), Some((2, 2, 4)));
        assert_eq!(counted("a | b\r--|--\r1\r2\r", 5), Some((2, 3, 6)));
    }

    #[test]
    fn the_tables_left_out_keep_every_offset() {
        let body = "# Title\n\na|b\n-|-\n1|2\n\nAfter\n";
        let over = over_budget(body, 3).expect("6 cells");
        let without = over.without_tables(body);
        assert_eq!(without.len(), body.len());
        assert_eq!(without, "# Title\n\n   \n   \n   \n\nAfter\n");
    }
}
