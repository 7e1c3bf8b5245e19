//! Byte offsets in the body to lines and columns in the file.

/// Maps byte offsets of the body to 1-based file lines and character columns.
///
/// Offsets are asked for roughly in the order of the body (each element's
/// links, then its id at its start), so each answer counts the newlines
/// from the previous one rather than indexing every line of the page first;
/// the whole page is read about once. The column of the last answer is
/// remembered too, so positions asked in increasing order on one long line
/// cost one pass over it in total rather than one pass each.
pub(crate) struct Positions<'a> {
    body: &'a str,
    first_line: u32,
    /// The last offset asked for and its line.
    line: LineCursor,
    /// The last column counted.
    column: Option<ColumnCursor>,
}

#[derive(Clone, Copy, Default)]
struct LineCursor {
    offset: usize,
    /// 0-based line index in the body.
    index: usize,
    /// Offset of the line's first byte.
    start: usize,
}

#[derive(Clone, Copy)]
struct ColumnCursor {
    offset: usize,
    line_index: usize,
    column: u32,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(body: &'a str, first_line: u32) -> Self {
        Self {
            body,
            first_line: first_line.max(1),
            line: LineCursor::default(),
            column: None,
        }
    }

    /// The 1-based file line of `offset`.
    pub(crate) fn line(&mut self, offset: usize) -> u32 {
        let line = self.locate(offset);
        self.file_line(line.index)
    }

    /// The 1-based file line and character column of `offset`.
    pub(crate) fn line_column(&mut self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.body.len());
        let line = self.locate(offset);
        let (from, column_before) = match self.column {
            Some(last) if last.line_index == line.index && last.offset <= offset => {
                (last.offset, last.column)
            }
            _ => (line.start, 1),
        };
        let counted = self
            .body
            .get(from..offset)
            .map_or(offset.saturating_sub(from), |text| text.chars().count());
        let column = column_before.saturating_add(u32::try_from(counted).unwrap_or(u32::MAX));
        self.column = Some(ColumnCursor {
            offset,
            line_index: line.index,
            column,
        });
        (self.file_line(line.index), column)
    }

    /// Moves the line cursor to `offset`, counting the newlines in between.
    fn locate(&mut self, offset: usize) -> LineCursor {
        let bytes = self.body.as_bytes();
        let offset = offset.min(bytes.len());
        let cursor = &mut self.line;
        if offset >= cursor.offset {
            let between = bytes.get(cursor.offset..offset).unwrap_or_default();
            if let Some(last) = memchr::memrchr(b'\n', between) {
                cursor.index += memchr::memchr_iter(b'\n', between).count();
                cursor.start = cursor.offset + last + 1;
            }
        } else {
            let between = bytes.get(offset..cursor.offset).unwrap_or_default();
            let newlines = memchr::memchr_iter(b'\n', between).count();
            cursor.index = cursor.index.saturating_sub(newlines);
            let before = bytes.get(..offset).unwrap_or_default();
            cursor.start = memchr::memrchr(b'\n', before).map_or(0, |newline| newline + 1);
        }
        cursor.offset = offset;
        *cursor
    }

    fn file_line(&self, line_index: usize) -> u32 {
        let index = u32::try_from(line_index).unwrap_or(u32::MAX);
        self.first_line.saturating_add(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_start_at_the_body_line_and_columns_count_characters() {
        let body = "première\nligne é x\n";
        let mut positions = Positions::new(body, 12);
        let x = body.find('x').unwrap_or_default();
        assert_eq!(positions.line(0), 12);
        assert_eq!(positions.line_column(x), (13, 9));
        assert_eq!(positions.line_column(0), (12, 1));
    }

    #[test]
    fn increasing_offsets_on_one_line_reuse_the_last_column() {
        let body = "aé bé cé";
        let mut positions = Positions::new(body, 1);
        let b = body.find('b').unwrap_or_default();
        let c = body.find('c').unwrap_or_default();
        assert_eq!(positions.line_column(b), (1, 4));
        assert_eq!(positions.line_column(c), (1, 7));
        assert_eq!(positions.line_column(b), (1, 4));
    }

    #[test]
    fn offsets_may_go_back() {
        let body = "a\nb\nc\nd";
        let mut positions = Positions::new(body, 1);
        assert_eq!(positions.line(6), 4);
        assert_eq!(positions.line_column(2), (2, 1));
        assert_eq!(positions.line(5), 3);
        assert_eq!(positions.line(0), 1);
    }

    #[test]
    fn offsets_past_the_end_stay_on_the_last_line() {
        let mut positions = Positions::new("a\nb", 1);
        assert_eq!(positions.line_column(99), (2, 2));
    }
}
