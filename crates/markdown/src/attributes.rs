//! Attribute lists of the dialect: `{target="_blank"}`, `{type=Informative url=... tooltip="..."}`
//! after links and badges, and `label="v7" type="Informative" tooltip="..."` in `badge-*` front matter.

/// One `key=value` pair, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub key: String,
    pub value: String,
}

/// Parses `key=value` pairs separated by white space. Values are bare words
/// or quoted with `"` or `'` (quotes may hold spaces). A bare key without a
/// value is an error, because the dialect never uses one.
///
/// The input is the text between the braces (or the whole front matter value).
pub fn parse(input: &str) -> Result<Vec<Attribute>, String> {
    let mut attributes = Vec::new();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let key_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        if key.is_empty() {
            return Err(format!("expected a name before `=` in `{input}`"));
        }
        rest = &rest[key_end..];
        let Some(after_eq) = rest.strip_prefix('=') else {
            return Err(format!("`{key}` has no value; write it as {key}=\"value\""));
        };
        let (value, after_value) = parse_value(after_eq)
            .ok_or_else(|| format!("the value of `{key}` has no closing quote"))?;
        attributes.push(Attribute {
            key: key.to_string(),
            value,
        });
        rest = after_value.trim_start();
    }
    Ok(attributes)
}

fn parse_value(input: &str) -> Option<(String, &str)> {
    let mut chars = input.chars();
    match chars.next() {
        Some(quote @ ('"' | '\'')) => {
            let body = &input[1..];
            let end = body.find(quote)?;
            Some((body[..end].to_string(), &body[end + 1..]))
        }
        _ => {
            let end = input.find(char::is_whitespace).unwrap_or(input.len());
            Some((input[..end].to_string(), &input[end..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(input: &str) -> Vec<(String, String)> {
        parse(input)
            .unwrap()
            .into_iter()
            .map(|a| (a.key, a.value))
            .collect()
    }

    #[test]
    fn parses_quoted_and_bare_values() {
        assert_eq!(
            pairs(r#"label="v7" type=Informative tooltip='Only v7, not v8'"#),
            vec![
                ("label".into(), "v7".into()),
                ("type".into(), "Informative".into()),
                ("tooltip".into(), "Only v7, not v8".into()),
            ]
        );
    }

    #[test]
    fn typographic_apostrophes_stay_inside_double_quotes() {
        assert_eq!(
            pairs(r#"tooltip="S’applique à v7""#),
            vec![("tooltip".into(), "S’applique à v7".into())]
        );
    }

    #[test]
    fn rejects_missing_values_and_unclosed_quotes() {
        assert!(parse("target").unwrap_err().contains("has no value"));
        assert!(
            parse(r#"target="_blank"#)
                .unwrap_err()
                .contains("closing quote")
        );
        assert!(parse("=x").is_err());
    }

    #[test]
    fn empty_input_is_an_empty_list() {
        assert_eq!(parse("  "), Ok(vec![]));
    }
}
