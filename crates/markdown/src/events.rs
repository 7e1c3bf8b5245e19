//! The pulldown-cmark event stream the transform works on.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options};

/// An event and the byte range of the body it comes from.
pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// The CommonMark extensions AFM documents use.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}

/// Merges runs of consecutive text events while a block's events are read:
/// pulldown-cmark splits text at brackets, entities and emphasis delimiters
/// that did not pair, and the dialect's markers (`[!NOTE]`,
/// `{target="_blank"}`) are only recognisable whole. The run being read is
/// always at the end of the block, so merging it moves nothing else.
#[derive(Default)]
pub(crate) struct TextRuns {
    /// Index in the block of the first event of the run being read.
    start: Option<usize>,
}

impl TextRuns {
    /// Appends `spanned` to `block`, first merging the text run it ends.
    #[inline]
    pub(crate) fn push<'a>(
        &mut self,
        body: &'a str,
        block: &mut Vec<Spanned<'a>>,
        spanned: Spanned<'a>,
    ) {
        if let Event::Text(_) = spanned.0 {
            self.start.get_or_insert(block.len());
        } else {
            self.end(body, block);
        }
        block.push(spanned);
    }

    /// Merges the run at the end of `block`, if one is being read.
    #[inline]
    pub(crate) fn end<'a>(&mut self, body: &'a str, block: &mut Vec<Spanned<'a>>) {
        if let Some(start) = self.start.take()
            && block.len() > start + 1
        {
            merge_run(body, block, start);
        }
    }
}

/// Merges the text events of `block` from `start` on into one.
fn merge_run<'a>(body: &'a str, block: &mut Vec<Spanned<'a>>, start: usize) {
    if let Some(run) = block.get(start..) {
        let merged = merge(body, run);
        block.truncate(start);
        block.push(merged);
    }
}

/// One text event for the run `pieces`. It borrows from the body when the
/// pieces are consecutive slices of it, as they are unless an entity or a
/// backslash escape was decoded; else it is one string of the exact size.
fn merge<'a>(body: &'a str, pieces: &[Spanned<'a>]) -> Spanned<'a> {
    let start = pieces.first().map_or(0, |(_, range)| range.start);
    let end = pieces.last().map_or(start, |(_, range)| range.end);
    // A piece is its source when it is the very bytes of the body at its range.
    let offset_in_body = |text: &str| text.as_ptr().addr().wrapping_sub(body.as_ptr().addr());
    let mut next_start = start;
    let borrowed = pieces.iter().all(|(event, range)| {
        let is_source = matches!(event, Event::Text(CowStr::Borrowed(text))
            if offset_in_body(text) == range.start && text.len() == range.len());
        let follows = range.start == next_start;
        next_start = range.end;
        is_source && follows
    });
    let text = match body.get(start..end) {
        Some(source) if borrowed => CowStr::Borrowed(source),
        _ => {
            let texts = pieces.iter().filter_map(|(event, _)| match event {
                Event::Text(text) => Some(text.as_ref()),
                _ => None,
            });
            let mut joined = String::with_capacity(texts.clone().map(str::len).sum());
            texts.for_each(|text| joined.push_str(text));
            CowStr::from(joined)
        }
    };
    (Event::Text(text), start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn merged(body: &str) -> Vec<Spanned<'_>> {
        let mut runs = TextRuns::default();
        let mut events = Vec::new();
        for spanned in Parser::new_ext(body, parser_options()).into_offset_iter() {
            runs.push(body, &mut events, spanned);
        }
        runs.end(body, &mut events);
        events
    }

    fn texts(body: &str) -> Vec<(CowStr<'_>, Range<usize>)> {
        merged(body)
            .into_iter()
            .filter_map(|(event, range)| match event {
                Event::Text(text) => Some((text, range)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn markers_and_entities_come_out_as_one_text() {
        let body = "[!NOTE] l&#39;option {target=\"_blank\"}";
        assert_eq!(
            texts(body),
            vec![(
                CowStr::from("[!NOTE] l'option {target=\"_blank\"}"),
                0..body.len()
            )]
        );
    }

    #[test]
    fn merged_text_borrows_the_source_when_nothing_was_decoded() {
        let body = "a [!DNL b] c";
        assert!(matches!(&texts(body)[..], [(CowStr::Borrowed(text), range)]
            if *text == body && *range == (0..body.len())));
    }
}
