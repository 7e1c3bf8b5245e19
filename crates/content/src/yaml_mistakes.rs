//! Where a YAML mistake in front matter really is. libyaml reports where it
//! gave up, which for an unclosed quote or bracket is lines below the
//! mistake (the quote swallows the next lines), and words an indented key
//! as "mapping values are not allowed in this context". These three
//! mistakes are recognised from the error and the text, and told at the
//! line where the writer made them.

/// A mistake found: its 1-based line and column, what is wrong, what to do.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Mistake {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: &'static str,
}

/// The mistake behind libyaml's `error` (its text) at `line` of `yaml`,
/// when it is one of those this module knows.
pub(crate) fn locate(yaml: &str, error: &str, line: usize) -> Option<Mistake> {
    // Only the parser's own errors: a value technote refused was read
    // whole, so its position is right.
    let syntax = ["while parsing", "while scanning", "unexpected end"]
        .iter()
        .any(|context| error.contains(context));
    unclosed_bracket(error, line)
        .or_else(|| syntax.then(|| unclosed_quote(yaml, line)).flatten())
        .or_else(|| indented_key(yaml, error, line))
}

/// `did not find expected ',' or ']' …, while parsing a flow sequence at
/// line 5 column 10`: the `[` of line 5 is the mistake.
fn unclosed_bracket(error: &str, line: usize) -> Option<Mistake> {
    let (bracket, context) = [
        ("[", "while parsing a flow sequence at line "),
        ("{", "while parsing a flow mapping at line "),
    ]
    .into_iter()
    .find_map(|(bracket, context)| Some((bracket, error.split_once(context)?.1)))?;
    let (opened, column) = context.split_once(" column ")?;
    let opened: usize = opened.trim().parse().ok()?;
    let column: usize = column
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    let closing = if bracket == "[" { "]" } else { "}" };
    (opened < line).then(|| Mistake {
        line: opened,
        column,
        message: format!("this `{bracket}` is not closed with `{closing}` on its line"),
        help: "close the list on the same line, or quote the whole value if the bracket is part of its text",
    })
}

/// The nearest line above `line` whose value opens a quote it does not
/// close: the quoted text runs on into the lines below, until libyaml
/// trips over what follows.
fn unclosed_quote(yaml: &str, line: usize) -> Option<Mistake> {
    yaml.lines()
        .enumerate()
        .take(line.saturating_sub(1))
        .filter_map(|(index, text)| {
            let (_, value) = text.split_once(": ")?;
            let value = value.trim_start();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
            let column = text.len() - value.len() + 1;
            (!closes(&value[1..], quote)).then_some((index + 1, column, quote))
        })
        .last()
        .map(|(line, column, quote)| Mistake {
            line,
            column,
            message: format!(
                "this value opens a quote (`{quote}`) that is not closed on its line, so the lines below are read as part of it"
            ),
            help: "end the value with the same quote, or remove the quote; inside double quotes write `\\\"` for a quote, inside single quotes `''`",
        })
}

/// Whether `rest`, the text after an opening `quote`, closes it.
fn closes(rest: &str, quote: char) -> bool {
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && chars.peek() == Some(&'\'') => {
                chars.next();
            }
            c if c == quote => return true,
            _ => {}
        }
    }
    false
}

/// `  workflow-type: tm+mt` below `source-git-commit: 5b3d…`: the indented
/// line is read as the rest of the value above, which may not hold `: `.
fn indented_key(yaml: &str, error: &str, line: usize) -> Option<Mistake> {
    if !error.starts_with("mapping values are not allowed") {
        return None;
    }
    let lines: Vec<&str> = yaml.lines().collect();
    let text = lines.get(line.checked_sub(1)?)?;
    let indent = text.len() - text.trim_start_matches(' ').len();
    let above = lines
        .get(..line - 1)?
        .iter()
        .rev()
        .find(|l| !l.trim().is_empty())?;
    let holds_a_value = !above.starts_with(' ')
        && above
            .split_once(':')
            .is_some_and(|(_, value)| !value.trim().is_empty());
    (indent > 0 && holds_a_value).then(|| Mistake {
        line,
        column: indent + 1,
        message: "this line is indented, so it is read as the rest of the value above".to_string(),
        help: "start the key at the beginning of the line, as the others are",
    })
}

#[cfg(test)]
mod tests {
    use super::{Mistake, locate};

    const FRONT: &str = "---\nproduct: campaign\ntitle: T\ndescription: D\nfeature: Technote\nbadge-v7: label=\"v7\" type=\"Informative\"\nexl-id: x\n";

    fn at(yaml: &str, error: &str, line: usize) -> Option<(usize, usize)> {
        locate(yaml, error, line).map(|Mistake { line, column, .. }| (line, column))
    }

    #[test]
    fn an_unclosed_quote_is_told_at_its_line_not_where_the_parser_stopped() {
        let yaml = FRONT.replace("description: D", "description: \"Campaign updates");
        let error = "did not find expected key at line 6 column 23, while parsing a block mapping at line 2 column 1";
        assert_eq!(at(&yaml, error, 6), Some((4, 14)));
        let single = FRONT.replace("title: T", "title: 'Note");
        assert_eq!(at(&single, error, 7), Some((3, 8)));
        let closed = FRONT.replace("title: T", "title: 'It''s closed'");
        assert_eq!(at(&closed, error, 7), None);
        let escaped = FRONT.replace("title: T", "title: \"a \\\" b\"");
        assert_eq!(at(&escaped, error, 7), None);
        // A value technote refused is where the parser says.
        assert_eq!(at(&single, "exl-id: `x` is not an id", 7), None);
    }

    #[test]
    fn an_unclosed_bracket_is_told_where_it_opens() {
        let error = "did not find expected ',' or ']' at line 6 column 14, while parsing a flow sequence at line 5 column 10";
        assert_eq!(at(FRONT, error, 6), Some((5, 10)));
        let found = locate(FRONT, error, 6).expect("a mistake");
        assert!(
            found.message.contains("`[` is not closed with `]`"),
            "{found:?}"
        );
    }

    #[test]
    fn an_indented_key_below_a_value_is_named_so() {
        let yaml = FRONT.replace("exl-id: x", "  exl-id: x");
        let error = "mapping values are not allowed in this context";
        assert_eq!(at(&yaml, error, 7), Some((7, 3)));
        // Below a key that opens a nested value, indentation is right.
        let nested = FRONT.replace("exl-id: x", "product_v2:\n  a: b: c");
        assert_eq!(at(&nested, error, 8), None);
    }
}
