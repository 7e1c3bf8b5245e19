//! Typed front matter values. Each check runs inside its visitor, so a bad
//! value is reported at its own line and column.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, SeqAccess, Visitor};
use technote_markdown::attributes;
use uuid::Uuid;

use super::{Badge, HELP_SEPARATOR};

/// Badge types of the dialect, spelled as Experience League spells them.
const BADGE_KINDS: [&str; 5] = ["Informative", "Positive", "Negative", "Caution", "Neutral"];

fn problem<E: de::Error>(message: impl fmt::Display, help: impl fmt::Display) -> E {
    E::custom(format!("{message}{HELP_SEPARATOR}{help}"))
}

/// Text as readers see it: entities decoded, the dialect's inline markers
/// (`[!DNL …]`, `[!UICONTROL …]`) reduced to their text.
fn decode_entities(text: &str) -> String {
    technote_markdown::plain_text(&html_escape::decode_html_entities(text))
}

/// Free text with HTML entities decoded.
pub(super) struct Text(pub(super) String);

impl<'de> de::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(Text(decode_entities(&raw)))
    }
}

/// A title: text that is not blank.
pub(super) struct Title(pub(super) String);

impl<'de> de::Deserialize<'de> for Title {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TitleVisitor)
    }
}

struct TitleVisitor;

impl Visitor<'_> for TitleVisitor {
    type Value = Title;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the title as text")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Title, E> {
        let title = decode_entities(text.trim());
        if title.is_empty() {
            return Err(problem(
                "the title is empty",
                "write the page title after `title:`",
            ));
        }
        Ok(Title(title))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Title, E> {
        self.visit_str("")
    }
}

/// `hide: true`, also written `yes`/`no` (as strings, in YAML 1.2).
pub(super) struct Flag(pub(super) bool);

impl<'de> de::Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FlagVisitor)
    }
}

struct FlagVisitor;

impl Visitor<'_> for FlagVisitor {
    type Value = Flag;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("true or false")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Flag, E> {
        Ok(Flag(value))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Flag, E> {
        match text.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" => Ok(Flag(true)),
            "false" | "no" | "" => Ok(Flag(false)),
            _ => Err(problem(
                format_args!("`{text}` is neither true nor false"),
                "write `true` or `false`",
            )),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Flag, E> {
        Ok(Flag(false))
    }
}

/// `feature: Technote, Upgrade` or a YAML list of names (also `role`,
/// `level`, `audience`).
pub(super) struct Features(pub(super) Vec<String>);

impl<'de> de::Deserialize<'de> for Features {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FeaturesVisitor)
    }
}

struct FeaturesVisitor;

impl<'de> Visitor<'de> for FeaturesVisitor {
    type Value = Features;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("comma-separated names such as `Technote, Upgrade`, or a list of them")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Features, E> {
        Ok(Features(
            text.split(',')
                .map(|name| decode_entities(name.trim()))
                .filter(|name| !name.is_empty())
                .collect(),
        ))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Features, A::Error> {
        let mut names = Vec::new();
        while let Some(Text(name)) = seq.next_element::<Text>()? {
            let name = name.trim();
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
        Ok(Features(names))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Features, E> {
        Ok(Features(Vec::new()))
    }
}

/// `exl-id`: a UUID in its hyphenated form, stored lowercase so translations
/// match whatever case each file uses.
pub(super) struct ExlId(pub(super) String);

impl<'de> de::Deserialize<'de> for ExlId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ExlIdVisitor)
    }
}

struct ExlIdVisitor;

impl Visitor<'_> for ExlIdVisitor {
    type Value = ExlId;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id such as ecb5a258-a150-46a3-8b83-2b2c06d873ee")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<ExlId, E> {
        let text = text.trim();
        let hyphenated = text.len() == 36;
        match Uuid::try_parse(text) {
            Ok(id) if hyphenated => Ok(ExlId(id.hyphenated().to_string())),
            _ => Err(problem(
                format_args!("`{text}` is not an id of the form 8-4-4-4-12 hexadecimal digits"),
                "use a UUID such as ecb5a258-a150-46a3-8b83-2b2c06d873ee (`uuidgen` makes one); \
                 a translation keeps the id of its source page",
            )),
        }
    }
}

/// `source-wordcount: '569'` or `569`.
pub(super) struct WordCount(pub(super) u32);

impl<'de> de::Deserialize<'de> for WordCount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WordCountVisitor)
    }
}

struct WordCountVisitor;

impl WordCountVisitor {
    fn invalid<E: de::Error>(shown: impl fmt::Display) -> E {
        problem(
            format_args!("`{shown}` is not a word count"),
            "write the number of words of the source page, e.g. `source-wordcount: 569`",
        )
    }
}

impl Visitor<'_> for WordCountVisitor {
    type Value = WordCount;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number of words such as 569")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<WordCount, E> {
        u32::try_from(n)
            .map(WordCount)
            .map_err(|_| Self::invalid(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<WordCount, E> {
        u32::try_from(n)
            .map(WordCount)
            .map_err(|_| Self::invalid(n))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<WordCount, E> {
        text.trim()
            .parse()
            .map(WordCount)
            .map_err(|_| Self::invalid(text))
    }
}

/// `ht-degree: 100%` (or `100`): 0 to 100.
pub(super) struct HtDegree(pub(super) u8);

impl<'de> de::Deserialize<'de> for HtDegree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HtDegreeVisitor)
    }
}

struct HtDegreeVisitor;

impl HtDegreeVisitor {
    fn invalid<E: de::Error>(shown: impl fmt::Display) -> E {
        problem(
            format_args!("`{shown}` is not a percentage from 0% to 100%"),
            "write how much of the translation a person reviewed, e.g. `ht-degree: 100%`",
        )
    }
}

impl Visitor<'_> for HtDegreeVisitor {
    type Value = HtDegree;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a percentage such as 100%")
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<HtDegree, E> {
        match u8::try_from(n) {
            Ok(percent) if percent <= 100 => Ok(HtDegree(percent)),
            _ => Err(Self::invalid(n)),
        }
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<HtDegree, E> {
        u64::try_from(n).map_or_else(|_| Err(Self::invalid(n)), |n| self.visit_u64(n))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<HtDegree, E> {
        let digits = text.trim();
        let digits = digits.strip_suffix('%').unwrap_or(digits).trim_end();
        match digits.parse::<u8>() {
            Ok(percent) if percent <= 100 => Ok(HtDegree(percent)),
            _ => Err(Self::invalid(text)),
        }
    }
}

/// Reads the attribute list of a `badge-<key>` entry.
pub(super) struct BadgeSeed<'a>(pub(super) &'a str);

impl<'de> DeserializeSeed<'de> for BadgeSeed<'_> {
    type Value = Badge;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Badge, D::Error> {
        deserializer.deserialize_str(self)
    }
}

const BADGE_HELP: &str =
    "write it as label=\"v7\" type=\"Informative\" tooltip=\"Applies to Campaign Classic v7 only\"";

impl Visitor<'_> for BadgeSeed<'_> {
    type Value = Badge;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an attribute list such as label=\"v7\" type=\"Informative\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Badge, E> {
        let key = self.0;
        if key.is_empty() {
            return Err(problem(
                "`badge-` needs a name after the dash",
                "e.g. `badge-v7-only:`",
            ));
        }
        let list = attributes::parse(text).map_err(|why| problem(why, BADGE_HELP))?;
        let mut label = None;
        let mut kind = None;
        let mut tooltip = None;
        let mut url = None;
        for attribute in list {
            let slot = match attribute.key.as_str() {
                "label" => &mut label,
                "type" => &mut kind,
                "tooltip" => &mut tooltip,
                "url" => &mut url,
                other => {
                    return Err(problem(
                        format_args!("badges have no `{other}` attribute"),
                        "use label, type, tooltip and url",
                    ));
                }
            };
            if slot.replace(attribute.value).is_some() {
                return Err(problem(
                    format_args!("`{}` is given twice in this badge", attribute.key),
                    "keep one",
                ));
            }
        }
        let label = label
            .map(|l| decode_entities(l.trim()))
            .filter(|l| !l.is_empty())
            .ok_or_else(|| problem("this badge has no label", BADGE_HELP))?;
        let kind = match kind {
            None => "Informative".to_string(),
            Some(written) => BADGE_KINDS
                .iter()
                .find(|known| known.eq_ignore_ascii_case(written.trim()))
                .map(|known| (*known).to_string())
                .ok_or_else(|| {
                    problem(
                        format_args!("`{written}` is not a badge type"),
                        format_args!("use one of: {}", BADGE_KINDS.join(", ")),
                    )
                })?,
        };
        let url = url.map(|url| url.trim().to_string());
        if let Some(url) = &url
            && !is_badge_url(url)
        {
            return Err(problem(
                format_args!("`url=\"{url}\"` is not a web address or a path of the site"),
                "write an http(s) address, e.g. url=\"https://example.com/beta\", or a path",
            ));
        }
        Ok(Badge {
            key: key.to_string(),
            label,
            kind,
            tooltip: tooltip.map(|t| decode_entities(&t)),
            url,
        })
    }
}

/// An `http(s)` URL or a path without a scheme (`javascript:` and the like
/// would run in the reader's browser).
fn is_badge_url(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
        }
        _ => !url.is_empty(),
    }
}
