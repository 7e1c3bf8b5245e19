//! `technote.toml`: where the site lives, which locales it has, how strict
//! the link checker is and how much input a build accepts.

use std::collections::BTreeMap;
use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use technote_diagnostics::{Diagnostic, Severity, invalid_utf8_position, line_col};
use toml::Spanned;
use unic_langid::LanguageIdentifier;
use url::Url;

/// The site configuration, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// Absolute URL the site is published at; always ends with `/`.
    pub base_url: String,
    /// Missing UI strings and technotes fall back to this locale.
    pub reference_locale: LanguageIdentifier,
    /// Display order of the language switcher; contains the reference locale.
    pub locales: Vec<LanguageIdentifier>,
    /// Where relative links to documents outside the site go; always ends with `/`.
    pub external_docs_base: String,
    pub link_check: LinkCheck,
    pub limits: Limits,
    /// `[content]`: locales whose sources live in a folder of their own
    /// (an Experience League repository's `help/`, anywhere on disk), as
    /// written relative to technote.toml's folder. Other locales are
    /// `<content>/<locale>/`.
    pub content_folders: Vec<(LanguageIdentifier, PathBuf)>,
    /// `[site]`: what the site calls itself.
    pub site: SiteIdentity,
    /// `[url_folders]`: locales whose pages are at another folder of the
    /// site than their tag (`ja-JP` at `ja/`), as Experience League's
    /// repositories are named one way and its URLs another.
    pub url_folders: Vec<(LanguageIdentifier, String)>,
    /// `deny_warnings = true`: `build` and `check` fail on warnings, as
    /// with `--deny warnings`, so CI needs no flag of its own.
    pub deny_warnings: bool,
    /// `[listing]`: how many pages a home lists per feature, and a
    /// feature's own list per page.
    pub listing: ListingSizes,
    /// `[checks] catalog`: the release catalog the site's live checks
    /// are built with, a file relative to technote.toml's folder; `None`
    /// is the catalog built into technote.
    pub catalog: Option<PathBuf>,
}

/// `[listing]`: bounds that keep a locale's home small at any size. A
/// feature with more pages than `per_group` shows that many on the home
/// and links to its own list, `<locale>/all-pages/<feature>.html`, in
/// pages of `per_page`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListingSizes {
    pub per_group: usize,
    pub per_page: usize,
}

impl Default for ListingSizes {
    fn default() -> Self {
        Self {
            per_group: 20,
            per_page: 500,
        }
    }
}

/// `[site]`: the site's name and tagline (each one text, or one per
/// locale) and the page that is each locale's home. Without them the site
/// is named by the Fluent messages `site-name` and `home-description`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteIdentity {
    pub name: Option<LocalizedText>,
    pub tagline: Option<LocalizedText>,
    /// The landing page of every locale, relative to its content folder
    /// (`campaign-classic-home.md`); by default the first page of the root
    /// `TOC.md`.
    pub home: Option<String>,
    /// `edit_url`: where a page's source is edited, with `{path}` (the
    /// source relative to its locale's folder) and optionally `{locale}`;
    /// without it pages have no "edit this page" link.
    pub edit_url: Option<String>,
}

/// A text of `technote.toml`, the same for every locale or one per locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocalizedText {
    Everywhere(String),
    ByLocale(BTreeMap<String, String>),
}

impl LocalizedText {
    /// The text for `locale`, if the configuration has one for it.
    pub fn get(&self, locale: &LanguageIdentifier) -> Option<&str> {
        match self {
            Self::Everywhere(text) => Some(text),
            Self::ByLocale(texts) => texts.get(&locale.to_string()).map(String::as_str),
        }
    }
}

/// How each kind of broken link is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkCheck {
    /// A link to a page of the site that does not exist.
    pub internal: Severity,
    /// A link to an `#anchor` the target page does not define.
    pub anchors: Severity,
    /// A link or image pointing at a missing asset.
    pub assets: Severity,
}

impl Default for LinkCheck {
    fn default() -> Self {
        Self {
            internal: Severity::Error,
            anchors: Severity::Error,
            assets: Severity::Error,
        }
    }
}

/// Bounds on input size, so a stray huge or hostile file fails cleanly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest source file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of Markdown blocks accepted.
    pub max_nesting: usize,
    /// Most pages a site may have.
    pub max_pages: usize,
    /// Most cells the pipe tables of one page may have together (rows
    /// shorter than their header counted in full).
    pub max_table_cells: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 8 * 1024 * 1024,
            max_nesting: 256,
            max_pages: 250_000,
            max_table_cells: 100_000,
        }
    }
}

impl SiteConfig {
    /// Reads and validates the configuration file at `path`.
    pub fn load(path: &Path) -> Result<SiteConfig, Diagnostic> {
        if let Some(kind) = fs::metadata(path)
            .ok()
            .and_then(|meta| technote_files::special_kind(meta.file_type()))
        {
            return Err(technote_files::not_a_file(path, kind));
        }
        let bytes = fs::read(path).map_err(|error| {
            Diagnostic::error(path, format!("cannot read the site configuration: {error}"))
                .with_code("config-unreadable")
                .with_help(
                    "run technote from the project folder, or pass the path of technote.toml",
                )
        })?;
        let text = String::from_utf8(bytes).map_err(|error| {
            let (line, column) = invalid_utf8_position(error.as_bytes(), &error.utf8_error());
            Diagnostic::error(path, "the site configuration is not valid UTF-8")
                .with_code("config-not-utf8")
                .at(line, column)
                .with_help("save technote.toml as UTF-8")
        })?;
        Self::from_toml(path, &text)
    }

    /// Parses and validates configuration text; `path_for_messages` only
    /// names the file in diagnostics.
    pub fn from_toml(path_for_messages: &Path, text: &str) -> Result<SiteConfig, Diagnostic> {
        let at = |span: Range<usize>, message: String| {
            let (line, column) = line_col(text, span.start);
            Diagnostic::error(path_for_messages, message)
                .with_code("config-invalid")
                .at(line, column)
        };
        let raw: RawConfig = toml::from_str(text).map_err(|error| {
            let diagnostic = match error.span() {
                Some(span) => at(span, error.message().to_string()),
                None => Diagnostic::error(path_for_messages, error.message().to_string())
                    .with_code("config-invalid"),
            };
            diagnostic.with_help(
                "technote.toml takes base_url, locales, reference_locale, external_docs_base, \
                 deny_warnings, and the tables [content], [url_folders], [site], [link_check], [limits], [listing] and [checks]",
            )
        })?;

        let base_url = absolute_folder_url(raw.base_url.get_ref())
            .map_err(|why| at(raw.base_url.span(), format!("`base_url` {why}")))
            .map_err(|d| {
                d.with_help("write the full address, e.g. base_url = \"https://docs.example.org/\"")
            })?;
        let external_docs_base = absolute_folder_url(raw.external_docs_base.get_ref())
            .map_err(|why| at(raw.external_docs_base.span(), format!("`external_docs_base` {why}")))
            .map_err(|d| {
                d.with_help(
                    "write the full address of the documentation, e.g. \
                     external_docs_base = \"https://experienceleague.adobe.com/docs/campaign-classic/using/\"",
                )
            })?;

        let mut locales = Vec::with_capacity(raw.locales.get_ref().len());
        for tag in raw.locales.get_ref() {
            let locale = parse_locale(tag.get_ref()).map_err(|why| at(tag.span(), why))?;
            if locales.contains(&locale) {
                return Err(at(
                    tag.span(),
                    format!("`{locale}` is listed twice in `locales`"),
                )
                .with_help("list each locale once"));
            }
            locales.push(locale);
        }
        if locales.is_empty() {
            return Err(at(raw.locales.span(), "`locales` is empty".to_string())
                .with_help("list the locales of the site, e.g. locales = [\"en\", \"fr\"]"));
        }
        let reference_locale = parse_locale(raw.reference_locale.get_ref())
            .map_err(|why| at(raw.reference_locale.span(), why))?;
        if !locales.contains(&reference_locale) {
            return Err(at(
                raw.reference_locale.span(),
                format!(
                    "`reference_locale` is `{reference_locale}`, which is not one of `locales`"
                ),
            )
            .with_help(format!(
                "add \"{reference_locale}\" to `locales`, or pick one of them"
            )));
        }

        let limits = raw.limits.validate().map_err(|(span, why)| {
            at(span, why).with_help("limits are whole numbers greater than zero")
        })?;
        let listing = raw.listing.validate().map_err(|(span, why)| {
            at(span, why).with_help("listing sizes are whole numbers greater than zero")
        })?;

        let mut content_folders = Vec::new();
        for (tag, folder) in &raw.content {
            let locale = parse_locale(tag)
                .ok()
                .filter(|locale| locales.contains(locale))
                .ok_or_else(|| {
                    at(folder.span(), format!("[content] names `{tag}`, which is not one of `locales`"))
                        .with_help("each key of [content] is a locale of `locales`, e.g. en = \"../campaign-classic.en/help\"")
                })?;
            if folder.get_ref().trim().is_empty() {
                return Err(at(folder.span(), format!("the folder of `{tag}` is empty"))
                    .with_help(
                        "write the folder of this locale's sources, relative to technote.toml",
                    ));
            }
            let base = path_for_messages.parent().unwrap_or(Path::new(""));
            content_folders.push((locale, base.join(folder.get_ref())));
        }
        let url_folders = url_folders(&raw.url_folders, &locales).map_err(|(span, why)| {
            at(span, why).with_help(
                "map a locale of `locales` to one folder name of letters, digits, `-` or `_`, \
                 not `assets`, e.g. ja-JP = \"ja\"",
            )
        })?;
        let site = raw
            .site
            .validate(&locales)
            .map_err(|(span, why, help)| at(span, why).with_help(help))?;

        let catalog = match raw.checks.catalog {
            Some(file) if file.get_ref().trim().is_empty() => {
                return Err(at(file.span(), "`catalog` of [checks] is empty".to_string())
                    .with_help("write the path of a releases.toml relative to technote.toml, or remove the key to use the catalog built into technote"));
            }
            Some(file) => Some(
                path_for_messages
                    .parent()
                    .unwrap_or(Path::new(""))
                    .join(file.get_ref()),
            ),
            None => None,
        };

        Ok(SiteConfig {
            catalog,
            base_url,
            reference_locale,
            locales,
            external_docs_base,
            link_check: raw.link_check.into(),
            limits,
            content_folders,
            site,
            deny_warnings: raw.deny_warnings,
            listing,
            url_folders,
        })
    }

    /// The folder of the site holding the pages of `locale`: its tag
    /// (`fr-FR/`), or its `[url_folders]` entry (`ja/` for `ja-JP`).
    pub fn url_folder(&self, locale: &LanguageIdentifier) -> String {
        self.url_folders
            .iter()
            .find(|(l, _)| l == locale)
            .map_or_else(|| locale.to_string(), |(_, folder)| folder.clone())
    }

    /// The folder holding the sources of `locale`: its own, set under
    /// `[content]`, or `<content_dir>/<locale>`.
    pub fn content_folder(&self, content_dir: &Path, locale: &LanguageIdentifier) -> PathBuf {
        self.content_folders
            .iter()
            .find(|(l, _)| l == locale)
            .map_or_else(
                || content_dir.join(locale.to_string()),
                |(_, folder)| folder.clone(),
            )
    }

    /// Whether `locale` reads its sources from a folder of its own.
    pub fn has_own_folder(&self, locale: &LanguageIdentifier) -> bool {
        self.content_folders.iter().any(|(l, _)| l == locale)
    }

    /// The path part of `base_url`, e.g. `/` or `/docs/`: what site-relative
    /// links start with.
    pub fn base_path(&self) -> &str {
        self.base_url
            .split_once("://")
            .and_then(|(_, after_scheme)| after_scheme.find('/').map(|i| &after_scheme[i..]))
            .unwrap_or("/")
    }
}

/// A `base_url` given for one build (`--base-url`, `TECHNOTE_BASE_URL`),
/// checked and normalized as the configuration's is.
pub fn parse_base_url(text: &str) -> Result<String, String> {
    absolute_folder_url(text).map_err(|why| format!("the base URL {why}"))
}

/// Validates an absolute http(s) address of a folder and returns it
/// normalized, with a trailing `/`; the error says what is wrong.
fn absolute_folder_url(text: &str) -> Result<String, String> {
    let mut url = Url::parse(text).map_err(|error| format!("is not an absolute URL ({error})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("must use http or https, not `{}:`", url.scheme()));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("must not have a `?query` or a `#fragment`".to_string());
    }
    if !url.path().ends_with('/') {
        let folder = format!("{}/", url.path());
        url.set_path(&folder);
    }
    Ok(url.into())
}

/// A mistake in technote.toml: where, and what is wrong.
type ConfigError = (Range<usize>, String);

/// `[url_folders]`, checked: each key a configured locale, each folder one
/// plain path segment that no other locale uses, neither as its folder nor
/// as its tag (whose old addresses redirect to the folder).
fn url_folders(
    raw: &BTreeMap<String, Spanned<String>>,
    locales: &[LanguageIdentifier],
) -> Result<Vec<(LanguageIdentifier, String)>, ConfigError> {
    let mut folders: Vec<(LanguageIdentifier, String)> = Vec::new();
    for (tag, folder) in raw {
        let name = folder.get_ref();
        let Some(locale) = parse_locale(tag)
            .ok()
            .filter(|locale| locales.contains(locale))
        else {
            return Err((
                folder.span(),
                format!("[url_folders] names `{tag}`, which is not one of `locales`"),
            ));
        };
        let plain = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !plain || name == "assets" {
            return Err((
                folder.span(),
                format!("`{name}` cannot be the URL folder of `{tag}`"),
            ));
        }
        let taken = folders.iter().any(|(_, f)| f == name)
            || locales
                .iter()
                .any(|other| *other != locale && other.to_string() == *name);
        if taken {
            return Err((
                folder.span(),
                format!("`{name}` is already the folder of another locale"),
            ));
        }
        folders.push((locale, name.clone()));
    }
    Ok(folders)
}

fn parse_locale(tag: &str) -> Result<LanguageIdentifier, String> {
    tag.parse::<LanguageIdentifier>()
        .map_err(|error| format!("`{tag}` is not a BCP 47 language tag ({error})"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    base_url: Spanned<String>,
    reference_locale: Spanned<String>,
    locales: Spanned<Vec<Spanned<String>>>,
    external_docs_base: Spanned<String>,
    #[serde(default)]
    link_check: RawLinkCheck,
    #[serde(default)]
    limits: RawLimits,
    #[serde(default)]
    content: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    url_folders: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    site: RawSite,
    #[serde(default)]
    deny_warnings: bool,
    #[serde(default)]
    listing: RawListing,
    #[serde(default)]
    checks: RawChecks,
}

/// `[checks]`: where the live checks' facts come from.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawChecks {
    catalog: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawListing {
    per_group: Option<Spanned<usize>>,
    per_page: Option<Spanned<usize>>,
}

impl RawListing {
    fn validate(self) -> Result<ListingSizes, (Range<usize>, String)> {
        let defaults = ListingSizes::default();
        Ok(ListingSizes {
            per_group: positive(self.per_group, "per_group")?.unwrap_or(defaults.per_group),
            per_page: positive(self.per_page, "per_page")?.unwrap_or(defaults.per_page),
        })
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSite {
    name: Option<Spanned<RawText>>,
    tagline: Option<Spanned<RawText>>,
    home: Option<Spanned<String>>,
    edit_url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawText {
    Everywhere(String),
    ByLocale(BTreeMap<String, String>),
}

type SiteError = (Range<usize>, String, &'static str);

impl RawSite {
    fn validate(self, locales: &[LanguageIdentifier]) -> Result<SiteIdentity, SiteError> {
        let text = |value: Option<Spanned<RawText>>,
                    name: &str|
         -> Result<Option<LocalizedText>, SiteError> {
            let Some(value) = value else {
                return Ok(None);
            };
            let span = value.span();
            match value.into_inner() {
                RawText::Everywhere(text) if text.trim().is_empty() => Err((
                    span,
                    format!("`{name}` is empty"),
                    "write the text, or remove the key to use the Fluent messages",
                )),
                RawText::Everywhere(text) => Ok(Some(LocalizedText::Everywhere(text))),
                RawText::ByLocale(texts) => {
                    if let Some(tag) = texts.keys().find(|tag| {
                        !parse_locale(tag).is_ok_and(|locale| locales.contains(&locale))
                    }) {
                        return Err((
                            span,
                            format!(
                                "`{name}` has a text for `{tag}`, which is not one of `locales`"
                            ),
                            "key each text by a locale of `locales`, e.g. name = { en = \"...\", fr = \"...\" }",
                        ));
                    }
                    Ok(Some(LocalizedText::ByLocale(texts)))
                }
            }
        };
        let home = match self.home {
            Some(home) if !home.get_ref().ends_with(".md") => {
                return Err((
                    home.span(),
                    "`home` must name a page (a `.md` file)".to_string(),
                    "write the landing page's path relative to each locale's folder, e.g. home = \"campaign-classic-home.md\"",
                ));
            }
            Some(home) => Some(home.into_inner()),
            None => None,
        };
        let edit_url = match self.edit_url {
            Some(pattern) => Some(edit_url_pattern(pattern)?),
            None => None,
        };
        Ok(SiteIdentity {
            name: text(self.name, "name")?,
            tagline: text(self.tagline, "tagline")?,
            home,
            edit_url,
        })
    }
}

/// Checks `edit_url`: an http(s) address naming the page by `{path}`, with
/// no placeholder it does not know.
fn edit_url_pattern(pattern: Spanned<String>) -> Result<String, SiteError> {
    let span = pattern.span();
    let text = pattern.into_inner();
    let help = "write the address of a page's editor with `{path}` (and optionally `{locale}`), \
                e.g. edit_url = \"https://github.com/org/repo/edit/main/help/{path}\"";
    if !text.contains("{path}") {
        return Err((span, "`edit_url` has no `{path}`".to_string(), help));
    }
    let without_placeholders = text.replace("{path}", "p").replace("{locale}", "l");
    if without_placeholders.contains(['{', '}']) {
        return Err((
            span,
            "`edit_url` has a placeholder other than `{path}` and `{locale}`".to_string(),
            help,
        ));
    }
    match Url::parse(&without_placeholders) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(text),
        _ => Err((
            span,
            "`edit_url` is not an http(s) address".to_string(),
            help,
        )),
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLinkCheck {
    #[serde(default)]
    internal: Level,
    #[serde(default)]
    anchors: Level,
    #[serde(default)]
    assets: Level,
}

#[derive(Deserialize, Default, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Level {
    #[default]
    Error,
    Warning,
}

impl From<Level> for Severity {
    fn from(level: Level) -> Self {
        match level {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
        }
    }
}

impl From<RawLinkCheck> for LinkCheck {
    fn from(raw: RawLinkCheck) -> Self {
        Self {
            internal: raw.internal.into(),
            anchors: raw.anchors.into(),
            assets: raw.assets.into(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    max_file_bytes: Option<Spanned<u64>>,
    max_nesting: Option<Spanned<usize>>,
    max_pages: Option<Spanned<usize>>,
    max_table_cells: Option<Spanned<usize>>,
}

impl RawLimits {
    fn validate(self) -> Result<Limits, (Range<usize>, String)> {
        let defaults = Limits::default();
        Ok(Limits {
            max_file_bytes: positive(self.max_file_bytes, "max_file_bytes")?
                .unwrap_or(defaults.max_file_bytes),
            max_nesting: positive(self.max_nesting, "max_nesting")?.unwrap_or(defaults.max_nesting),
            max_pages: positive(self.max_pages, "max_pages")?.unwrap_or(defaults.max_pages),
            max_table_cells: positive(self.max_table_cells, "max_table_cells")?
                .unwrap_or(defaults.max_table_cells),
        })
    }
}

fn positive<T: Copy + Default + PartialEq>(
    value: Option<Spanned<T>>,
    name: &str,
) -> Result<Option<T>, (Range<usize>, String)> {
    match value {
        Some(v) if *v.get_ref() == T::default() => {
            Err((v.span(), format!("`{name}` must be greater than zero")))
        }
        other => Ok(other.map(|v| *v.get_ref())),
    }
}
