//! Byte offsets in the body to lines and columns in the file.

/// Maps byte offsets of the body to 1-based file lines and character columns.
///
/// Line starts are indexed once, so a line is a binary search. Columns count
/// characters from the start of the line; the last answer is remembered so
/// that positions asked in increasing order on one long line cost one pass
/// over it in total rather than one pass each.
pub(crate) struct Positions<'a> {
    body: &'a str,
    line_starts: Vec<usize>,
    first_line: u32,
    last: Option<Cursor>,
}

#[derive(Clone, Copy)]
struct Cursor {
    offset: usize,
    line_index: usize,
    column: u32,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(body: &'a str, first_line: u32) -> Self {
        // Technote lines average well over 32 bytes: one allocation, usually.
        let mut line_starts = Vec::with_capacity(body.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', body.as_bytes()).map(|index| index + 1));
        Self {
            body,
            line_starts,
            first_line: first_line.max(1),
            last: None,
        }
    }

    /// The 1-based file line of `offset`.
    pub(crate) fn line(&self, offset: usize) -> u32 {
        self.file_line(self.line_index(offset))
    }

    /// The 1-based file line and character column of `offset`.
    pub(crate) fn line_column(&mut self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.body.len());
        let line_index = self.line_index(offset);
        let (from, column_before) = match self.last {
            Some(last) if last.line_index == line_index && last.offset <= offset => {
                (last.offset, last.column)
            }
            _ => (self.line_starts.get(line_index).copied().unwrap_or(0), 1),
        };
        let counted = self
            .body
            .get(from..offset)
            .map_or(offset.saturating_sub(from), |text| text.chars().count());
        let column = column_before.saturating_add(u32::try_from(counted).unwrap_or(u32::MAX));
        self.last = Some(Cursor {
            offset,
            line_index,
            column,
        });
        (self.file_line(line_index), column)
    }

    fn line_index(&self, offset: usize) -> usize {
        // The number of line starts at or before `offset`, minus one.
        self.line_starts
            .partition_point(|&start| start <= offset)
            .saturating_sub(1)
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
    fn offsets_past_the_end_stay_on_the_last_line() {
        let mut positions = Positions::new("a\nb", 1);
        assert_eq!(positions.line_column(99), (2, 2));
    }
}
