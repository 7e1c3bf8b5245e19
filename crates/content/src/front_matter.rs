//! The YAML front matter of a technote, in the form Experience League
//! writes it (`exl-id`, `ht-degree`, `badge-<key>`, ...).
//!
//! The front matter is read by a visitor over serde_yaml's events rather
//! than through a `serde_yaml::Value`, because only errors raised while a
//! value is being deserialized carry serde_yaml's line and column: the
//! checks of `values` happen there, so every complaint points at its value.

mod guards;
mod nesting;
mod values;

pub(crate) use guards::refuse_hostile_front_matter;
pub(crate) use nesting::{TOO_DEEP, TOO_DEEP_HELP};

use std::collections::HashSet;
use std::convert::Infallible;
use std::fmt;

use serde::Serialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_yaml::{Mapping, Value};

use values::{BadgeSeed, ExlId, Features, Flag, HtDegree, Text, Title, WordCount};

/// Separates a custom error's message from its help inside the text
/// serde_yaml carries back to `source::yaml_error`.
pub(crate) const HELP_SEPARATOR: char = '\u{1F}';

/// The keys [`FrontMatter`] reads (and `badge-<key>`): `technote check`
/// suggests one of them for a key that is not, but nearly is (`titel`).
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "description",
    "product",
    "feature",
    "exl-id",
    "source-git-commit",
    "workflow-type",
    "source-wordcount",
    "ht-degree",
    "hide",
    "hidefromtoc",
    "role",
    "level",
    "audience",
    "badge",
];

/// Front matter of one technote. Text fields have HTML entities decoded
/// (machine translation writes `&#39;`), because templates escape again,
/// and the dialect's inline markers (`[!DNL Campaign]`, `[!UICONTROL Save]`)
/// reduced to their text, since titles and descriptions reach places that
/// show no markup (meta description, listings, search results, JSON-LD).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FrontMatter {
    pub title: String,
    pub description: Option<String>,
    pub product: Option<String>,
    /// `feature: Technote, Upgrade` or a YAML list, as trimmed names.
    pub feature: Vec<String>,
    /// One per `badge-<key>` entry (and the bare `badge:`), in source order.
    pub badges: Vec<Badge>,
    /// `role: Admin, Developer`: who the page is for, shown in its header.
    pub role: Vec<String>,
    /// `level: Beginner, Intermediate`: the experience it assumes.
    pub level: Vec<String>,
    /// `audience: ...`: the readers it addresses.
    pub audience: Vec<String>,
    /// Shared by a page and its translations; lowercase `8-4-4-4-12` hex.
    pub exl_id: Option<String>,
    pub source_git_commit: Option<String>,
    /// How the page was translated, e.g. `tm+mt` (translation memory plus
    /// machine translation).
    pub workflow_type: Option<String>,
    pub source_wordcount: Option<u32>,
    /// Share of the machine translation a human reviewed, 0 to 100.
    pub ht_degree: Option<u8>,
    /// `hide: true`: built and reachable by its URL, but kept out of
    /// navigation, listings, search and the sitemap, and marked `noindex`.
    pub hide: bool,
    /// `hidefromtoc: true`: kept out of the navigation only.
    pub hide_from_toc: bool,
    /// Every other key (role, level, product_v2, ...), kept as written.
    pub extra: Mapping,
}

/// A page badge from `badge-<key>: label="v7" type="Informative" tooltip="..."`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Badge {
    /// The `<key>` of `badge-<key>`.
    pub key: String,
    pub label: String,
    /// The badge's `type`: Informative (the default), Positive, Negative, Caution or Neutral.
    pub kind: String,
    pub tooltip: Option<String>,
    /// `url=`: the badge is a link (an absolute `http(s)` URL or a path of the site).
    pub url: Option<String>,
}

impl FrontMatter {
    /// A front matter with a title and nothing else: what a page whose own
    /// front matter cannot be read stands in with while the rest of the
    /// build goes on to find every other problem.
    pub fn titled(title: String) -> Self {
        Self {
            title,
            description: None,
            product: None,
            feature: Vec::new(),
            badges: Vec::new(),
            role: Vec::new(),
            level: Vec::new(),
            audience: Vec::new(),
            exl_id: None,
            source_git_commit: None,
            workflow_type: None,
            source_wordcount: None,
            ht_degree: None,
            hide: false,
            hide_from_toc: false,
            extra: Mapping::new(),
        }
    }

    /// Whether machine translation took part (`mt` in `workflow-type`), so
    /// the page can say so to readers.
    pub fn is_machine_translated(&self) -> bool {
        self.workflow_type.as_deref().is_some_and(|w| {
            w.split('+')
                .any(|step| step.trim().eq_ignore_ascii_case("mt"))
        })
    }
}

/// Deserializes a whole front matter block into a `FrontMatter`.
pub(crate) struct FrontMatterDocument(pub(crate) FrontMatter);

impl<'de> de::Deserialize<'de> for FrontMatterDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_map(FrontMatterVisitor)
            .map(FrontMatterDocument)
    }
}

struct FrontMatterVisitor;

impl<'de> Visitor<'de> for FrontMatterVisitor {
    type Value = FrontMatter;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("`key: value` lines such as `title: ...`")
    }

    fn visit_unit<E: de::Error>(self) -> Result<FrontMatter, E> {
        Err(missing_title())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FrontMatter, A::Error> {
        let mut title = None;
        let mut front = FrontMatter::titled(String::new());
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                match map.next_value_seed(DuplicateKey(&key))? {}
            }
            match key.as_str() {
                "title" => title = Some(map.next_value::<Title>()?.0),
                "description" => front.description = map.next_value::<Option<Text>>()?.map(|t| t.0),
                "product" => front.product = map.next_value()?,
                "feature" => front.feature = map.next_value::<Features>()?.0,
                "exl-id" => front.exl_id = map.next_value::<Option<ExlId>>()?.map(|id| id.0),
                "source-git-commit" => front.source_git_commit = map.next_value()?,
                "workflow-type" => front.workflow_type = map.next_value()?,
                "source-wordcount" => {
                    front.source_wordcount = map.next_value::<Option<WordCount>>()?.map(|n| n.0);
                }
                "ht-degree" => front.ht_degree = map.next_value::<Option<HtDegree>>()?.map(|n| n.0),
                "hide" => front.hide = map.next_value::<Flag>()?.0,
                "hidefromtoc" => front.hide_from_toc = map.next_value::<Flag>()?.0,
                "role" => front.role = map.next_value::<Features>()?.0,
                "level" => front.level = map.next_value::<Features>()?.0,
                "audience" => front.audience = map.next_value::<Features>()?.0,
                "badge" => front.badges.push(map.next_value_seed(BadgeSeed("badge"))?),
                _ => match key.strip_prefix("badge-") {
                    Some(badge_key) => front
                        .badges
                        .push(map.next_value_seed(BadgeSeed(badge_key))?),
                    None => {
                        let value: Value = map.next_value()?;
                        front.extra.insert(Value::String(key), value);
                    }
                },
            }
        }
        front.title = title.ok_or_else(missing_title)?;
        Ok(front)
    }
}

fn missing_title<E: de::Error>() -> E {
    E::custom(format!(
        "the front matter has no `title`{HELP_SEPARATOR}add a line such as `title: Update your Campaign console for IMS`"
    ))
}

/// Stands in for the value of a key seen before: rejecting it while the
/// value is read gives the error the position of the second occurrence.
struct DuplicateKey<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for DuplicateKey<'_> {
    type Value = Infallible;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Infallible, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl DuplicateKey<'_> {
    fn reject<E: de::Error>(&self) -> Result<Infallible, E> {
        Err(E::custom(format!(
            "duplicate key: `{}` is already given above{HELP_SEPARATOR}keep one `{}:` line and delete the other",
            self.0, self.0
        )))
    }
}

impl<'de> Visitor<'de> for DuplicateKey<'_> {
    type Value = Infallible;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no second `{}` key", self.0)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Infallible, E> {
        self.reject()
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Infallible, E> {
        self.reject()
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Infallible, E> {
        self.reject()
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Infallible, E> {
        self.reject()
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Infallible, E> {
        self.reject()
    }

    fn visit_unit<E: de::Error>(self) -> Result<Infallible, E> {
        self.reject()
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Infallible, A::Error> {
        self.reject()
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Infallible, A::Error> {
        self.reject()
    }
}
