//! The pulldown-cmark event stream the transform works on.

use std::ops::Range;

use pulldown_cmark::{CowStr, DefaultBrokenLinkCallback, Event, OffsetIter, Options, Parser};

/// An event and the byte range of the body it comes from.
pub(crate) type Spanned<'a> = (Event<'a>, Range<usize>);

/// The CommonMark extensions AFM documents use.
pub(crate) fn parser_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}

/// The events of `body` with their source ranges, consecutive text events
/// merged: pulldown-cmark splits text at brackets, entities and emphasis
/// delimiters that did not pair, and the dialect's markers (`[!NOTE]`,
/// `{target="_blank"}`) are only recognisable whole.
pub(crate) struct Events<'a> {
    parser: OffsetIter<'a, DefaultBrokenLinkCallback>,
    /// An event read ahead while looking for the end of a text run.
    ahead: Option<Spanned<'a>>,
}

impl<'a> Events<'a> {
    pub(crate) fn new(body: &'a str) -> Self {
        Self {
            parser: Parser::new_ext(body, parser_options()).into_offset_iter(),
            ahead: None,
        }
    }
}

impl<'a> Iterator for Events<'a> {
    type Item = Spanned<'a>;

    fn next(&mut self) -> Option<Spanned<'a>> {
        let (event, range) = self.ahead.take().or_else(|| self.parser.next())?;
        let Event::Text(first) = event else {
            return Some((event, range));
        };
        // A run of text events is gathered in one growing buffer, not one
        // copy per piece.
        let mut run = TextRun::new(first, range);
        for (event, range) in self.parser.by_ref() {
            match event {
                Event::Text(text) => run.push(&text, range.end),
                other => {
                    self.ahead = Some((other, range));
                    break;
                }
            }
        }
        Some(run.finish())
    }
}

/// Consecutive text events being merged into one.
struct TextRun<'a> {
    first: CowStr<'a>,
    joined: Option<String>,
    range: Range<usize>,
}

impl<'a> TextRun<'a> {
    fn new(first: CowStr<'a>, range: Range<usize>) -> Self {
        Self {
            first,
            joined: None,
            range,
        }
    }

    fn push(&mut self, text: &str, end: usize) {
        let first = &self.first;
        let joined = self.joined.get_or_insert_with(|| {
            // Runs are usually a few pieces of one line: room for them at once.
            let mut joined = String::with_capacity((first.len() + text.len()) * 2);
            joined.push_str(first);
            joined
        });
        joined.push_str(text);
        self.range.end = end;
    }

    fn finish(self) -> Spanned<'a> {
        let text = match self.joined {
            Some(joined) => CowStr::from(joined),
            None => self.first,
        };
        (Event::Text(text), self.range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        Events::new(body)
            .filter_map(|(event, _)| match event {
                Event::Text(text) => Some(text.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn markers_and_entities_come_out_as_one_text() {
        assert_eq!(
            texts("[!NOTE] l&#39;option {target=\"_blank\"}"),
            vec!["[!NOTE] l'option {target=\"_blank\"}"]
        );
    }

    #[test]
    fn merged_text_keeps_the_whole_source_range() {
        let body = "a [!DNL b] c";
        let ranges: Vec<_> = Events::new(body)
            .filter(|(event, _)| matches!(event, Event::Text(_)))
            .map(|(_, range)| range)
            .collect();
        assert_eq!(ranges, vec![0..body.len()]);
    }
}
