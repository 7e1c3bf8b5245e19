//! Byte offsets of a declaration turned into the 1-based line and column
//! (in characters) a writer's editor shows.

pub(super) fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = before
        .get(line_start..)
        .map_or(0, |rest| rest.chars().count())
        + 1;
    let clamp = |value: usize| u32::try_from(value).unwrap_or(u32::MAX);
    (clamp(line), clamp(column))
}
