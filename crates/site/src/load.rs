//! Reading the project: config, Fluent strings, sources and their front matter.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use technote_content::{FrontMatter, SiteConfig, SourceFile};
use technote_diagnostics::Diagnostic;
use technote_i18n::Localizer;
use unic_langid::LanguageIdentifier;

use crate::BuildOptions;
use crate::git_dates::ChangeLog;
use crate::navigation::{Navigation, NavigationInput};
use crate::redirects::{Destination, Redirect, RedirectInput, Redirects};
use crate::routes::{RouteEntry, Routes, page_file_path, page_url_path};
use crate::tree::{TreeMetadata, read_metadata};

/// One technote source, parsed.
pub struct Page {
    pub locale: usize,
    pub source: SourceFile,
    pub front: FrontMatter,
    /// Below the site root, e.g. `fr/technotes/using/ims.html`.
    pub url_path: String,
    /// Why the page's front matter could not be read. The page stands in
    /// with its file name as title, is not rendered, and fails the build
    /// with this at the end, so that one run reports every other problem.
    pub unreadable: Option<Box<Diagnostic>>,
}

/// Everything the build reads, checked for consistency.
pub struct Project {
    pub config: SiteConfig,
    pub locales: Vec<LanguageIdentifier>,
    /// Each locale's folder in URLs and in the site: its tag, or its
    /// `[url_folders]` entry (`ja` for `ja-JP`).
    pub locale_tags: Vec<String>,
    /// Each locale's BCP 47 tag, for `lang` and `hreflang`.
    pub lang_tags: Vec<String>,
    pub reference: usize,
    pub localizer: Arc<Localizer>,
    pub pages: Vec<Page>,
    pub routes: Routes,
    pub page_urls: Vec<String>,
    /// Per locale, the relative paths of its files that are not pages
    /// (images…), so that links to them are checked without a file system
    /// call per link.
    pub assets: Vec<HashSet<String>>,
    /// Per locale, the folder its sources are read from.
    pub locale_folders: Vec<PathBuf>,
    /// The navigation files and tree descriptions the build read.
    pub tree_files: Vec<PathBuf>,
    /// Sidebars, breadcrumbs and homes from the TOC.md files.
    pub navigation: Navigation,
    /// Per locale, what its tree's metadata.md says.
    pub metadata: Vec<TreeMetadata>,
    /// Old addresses from each locale's redirects.csv.
    pub redirects: Redirects,
    /// Pages whose `exl-id` another page of their locale has already.
    pub exl_id_warnings: Vec<Diagnostic>,
    /// One warning per locale showing UI strings of the reference locale.
    pub string_warnings: Vec<Diagnostic>,
    /// Per page, when git last saw its source change (RFC 3339), if the
    /// sources are in git.
    pub updated: Vec<Option<String>>,
}

/// A page's Markdown and the line of its file where it starts.
pub struct Body {
    pub markdown: String,
    pub first_line: u32,
    /// Warnings about the file itself (a NUL byte), reported with the page's.
    pub warnings: Vec<Diagnostic>,
}

impl Project {
    /// Reads the configuration, the UI strings and every page's front
    /// matter. Page bodies are not kept: each is read again when its page
    /// renders ([`read_body`]), so a large site never holds all its Markdown.
    pub fn load(options: &BuildOptions) -> Result<Self, Vec<Diagnostic>> {
        let mut config = SiteConfig::load(&options.config).map_err(|d| vec![d])?;
        if let Some(base_url) = &options.base_url {
            config.base_url.clone_from(base_url);
        }
        let locales = config.locales.clone();
        let locale_tags: Vec<String> = locales.iter().map(|l| config.url_folder(l)).collect();
        let lang_tags: Vec<String> = locales.iter().map(ToString::to_string).collect();
        let reference = locales
            .iter()
            .position(|l| *l == config.reference_locale)
            .ok_or_else(|| {
                vec![
                    Diagnostic::error(
                        &options.config,
                        "`reference_locale` is not one of `locales`",
                    )
                    .with_code("config-invalid")
                    .with_help("add the reference locale to `locales`"),
                ]
            })?;

        let localizer = Localizer::load_over(
            &crate::builtin_ftl(),
            &options.locales,
            &locales,
            &config.reference_locale,
        );
        let discovered = technote_content::discover(&options.content, &config);
        let (localizer, discovered) = match (localizer, discovered) {
            (Ok(l), Ok(d)) => (l, d),
            (l, d) => {
                let mut diagnostics = l.err().unwrap_or_default();
                diagnostics.extend(d.err().unwrap_or_default());
                return Err(diagnostics);
            }
        };
        if discovered.pages.len() > config.limits.max_pages {
            return Err(vec![
                Diagnostic::error(
                    &options.content,
                    format!(
                        "{} pages found; this site allows at most {}",
                        discovered.pages.len(),
                        config.limits.max_pages
                    ),
                )
                .with_code("site-too-large")
                .with_help("raise `max_pages` under [limits] in technote.toml if this is intended"),
            ]);
        }

        let mut assets = vec![HashSet::new(); locales.len()];
        for asset in discovered.assets {
            if let Some(set) = locales
                .iter()
                .position(|l| *l == asset.locale)
                .and_then(|l| assets.get_mut(l))
            {
                set.insert(asset.rel_path);
            }
        }
        // git reads the history while the front matter is parsed.
        let own_folders: Vec<Option<PathBuf>> = locales
            .iter()
            .map(|l| {
                config
                    .has_own_folder(l)
                    .then(|| config.content_folder(&options.content, l))
            })
            .collect();
        let (change_log, parsed) = rayon::join(
            || ChangeLog::read(&options.content, &own_folders),
            || -> Vec<Result<Page, Diagnostic>> {
                discovered
                    .pages
                    .into_par_iter()
                    .map(|source| read_front_matter(source, &locales, &config))
                    .collect()
            },
        );
        let mut pages = Vec::with_capacity(parsed.len());
        let mut diagnostics = Vec::new();
        for result in parsed {
            match result {
                Ok(page) => pages.push(page),
                Err(d) => diagnostics.push(d),
            }
        }
        diagnostics.extend(generated_names(&pages, &locale_tags, &assets, options));
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }

        let exl_id_warnings = duplicate_exl_ids(&pages, &config.limits);
        let routes = routes_of(locales.len(), &pages);
        let mut page_urls: Vec<String> = pages.iter().map(|p| p.url_path.clone()).collect();
        let locale_folders = locales
            .iter()
            .map(|l| config.content_folder(&options.content, l))
            .collect();
        let external_label = |locale: usize| {
            localizer
                .format(&locales[locale], "link-external", None)
                .unwrap_or_default()
        };
        let mut navigation = Navigation::build(&NavigationInput {
            tocs: &discovered.tocs,
            pages: &pages,
            routes: &routes,
            config: &config,
            locales: &locales,
            page_urls: &page_urls,
            external_label: &external_label,
            config_path: &options.config,
        });
        // A landing page is its locale's home: `en/`, written as en/index.html.
        for (locale, landing) in navigation.landing.iter().enumerate() {
            if let Some(&page) = landing.as_ref() {
                let url = format!("{}/", locale_tags[locale]);
                pages[page].url_path.clone_from(&url);
                page_urls[page] = url;
            }
        }
        let named_like_the_list = all_pages_names(&pages, &navigation, &locale_tags);
        navigation.diagnostics.extend(named_like_the_list);
        let (metadata, unreadable) = read_metadata(&discovered.tree_files, &locales, &config);
        navigation.diagnostics.extend(unreadable);
        let written = written_files(&pages, &navigation, &locale_tags);
        let mut redirects = Redirects::read(&RedirectInput {
            files: &discovered.tree_files,
            locales: &locales,
            url_folders: &locale_tags,
            routes: &routes,
            external_docs_base: &config.external_docs_base,
            limits: &config.limits,
            written: &written,
        });
        redirects.redirects.extend(tag_redirects(
            &pages,
            &lang_tags,
            &locale_tags,
            &config.base_url,
            &options.config,
        ));
        let string_warnings = localizer.fallback_warnings(&options.locales, &locales);
        let updated = change_log.dates(&pages, &locale_tags);
        let project = Self {
            string_warnings,
            config,
            locales,
            locale_tags,
            lang_tags,
            reference,
            localizer: Arc::new(localizer),
            pages,
            routes,
            page_urls,
            assets,
            locale_folders,
            tree_files: discovered
                .tocs
                .iter()
                .chain(&discovered.tree_files)
                .map(|file| file.path.clone())
                .collect(),
            navigation,
            metadata,
            redirects,
            exl_id_warnings,
            updated,
        };
        Ok(project)
    }
}

/// Where every page is, and which pages are translations of each other.
/// Of pages of one locale sharing an `exl-id`, the first (by path) pairs
/// with the translations; the others stand alone ([`duplicate_exl_ids`]).
pub fn routes_of(locale_count: usize, pages: &[Page]) -> Routes {
    let keepers = exl_id_keepers(pages);
    Routes::new(
        locale_count,
        pages.iter().enumerate().map(|(index, p)| {
            let exl_id = p
                .front
                .exl_id
                .as_deref()
                .filter(|id| keepers.get(&(p.locale, *id)) == Some(&index));
            RouteEntry {
                locale: p.locale,
                rel_path: &p.source.rel_path,
                translation_key: exl_id.map_or_else(
                    || format!("path:{}", p.source.rel_path),
                    ToString::to_string,
                ),
            }
        }),
    )
}

/// For each `exl-id` of each locale, the page that keeps it: the first by
/// path (pages are sorted by locale, then path).
fn exl_id_keepers(pages: &[Page]) -> std::collections::HashMap<(usize, &str), usize> {
    let mut keepers = std::collections::HashMap::new();
    for (index, page) in pages.iter().enumerate() {
        if let Some(id) = page.front.exl_id.as_deref() {
            keepers.entry((page.locale, id)).or_insert(index);
        }
    }
    keepers
}

/// Reads and parses one source: the page and its Markdown body.
pub fn read_page(
    source: SourceFile,
    locales: &[LanguageIdentifier],
    config: &SiteConfig,
) -> Result<(Page, Body), Diagnostic> {
    let bytes = technote_content::read_source(&source.path, &config.limits)?;
    let parsed = technote_content::parse_source(&source.path, &bytes, &config.limits)?;
    let body = Body {
        markdown: parsed.body,
        first_line: parsed.body_line,
        warnings: technote_content::nul_warning(&source.path, &bytes)
            .into_iter()
            .collect(),
    };
    Ok((page_of(source, parsed.front, locales, config)?, body))
}

/// Reads one source's front matter: the page without its body, which
/// [`read_body`] reads when the page renders. A front matter that cannot be
/// read leaves the page [`Page::unreadable`]; only a file of no configured
/// locale is no page at all.
pub fn read_front_matter(
    source: SourceFile,
    locales: &[LanguageIdentifier],
    config: &SiteConfig,
) -> Result<Page, Diagnostic> {
    let front = technote_content::read_source(&source.path, &config.limits).and_then(|bytes| {
        technote_content::parse_front_matter(&source.path, &bytes, &config.limits)
    });
    match front {
        Ok(front) => page_of(source, front, locales, config),
        Err(problem) => {
            let stand_in = FrontMatter::titled(source.rel_path.clone());
            let mut page = page_of(source, stand_in, locales, config)?;
            page.unreadable = Some(Box::new(problem));
            Ok(page)
        }
    }
}

fn page_of(
    source: SourceFile,
    front: FrontMatter,
    locales: &[LanguageIdentifier],
    config: &SiteConfig,
) -> Result<Page, Diagnostic> {
    let locale = locales
        .iter()
        .position(|l| *l == source.locale)
        .ok_or_else(|| {
            Diagnostic::error(&source.path, "this file's locale is not configured")
                .with_code("locale-folder-unknown")
        })?;
    Ok(Page {
        locale,
        url_path: page_url_path(&config.url_folder(&source.locale), &source.rel_path),
        front,
        source,
        unreadable: None,
    })
}

/// Reads the Markdown body of a page whose front matter was read before,
/// without parsing the front matter again.
pub fn read_body(page: &Page, config: &SiteConfig) -> Result<Body, Diagnostic> {
    let path = &page.source.path;
    let bytes = technote_content::read_source(path, &config.limits)?;
    let (markdown, first_line) = technote_content::source_body(path, &bytes, &config.limits)?;
    Ok(Body {
        markdown,
        first_line,
        warnings: technote_content::nul_warning(path, &bytes)
            .into_iter()
            .collect(),
    })
}

/// The longest file name (in bytes) that Linux, macOS and Windows file
/// systems all take.
const MAX_NAME_BYTES: usize = 255;

/// The files of each locale that the build writes itself, with what they are.
const GENERATED_IN_LOCALE: [(&str, &str); 2] = [
    ("index.html", "home page"),
    ("404.html", "page for missing addresses"),
];

/// Sources that would be written over a file the build generates (a
/// locale's home or 404 page), and locales whose folder would hold the
/// site's own `assets/`: each would silently replace the other.
fn generated_names(
    pages: &[Page],
    locale_tags: &[String],
    assets: &[HashSet<String>],
    options: &BuildOptions,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for page in pages {
        let tag = &locale_tags[page.locale];
        let written = crate::routes::page_file_path(tag, &page.source.rel_path);
        if let Some(long) = written.split('/').find(|name| name.len() > MAX_NAME_BYTES) {
            diagnostics.push(
                Diagnostic::error(
                    &page.source.path,
                    format!(
                        "this page would be written as {long}, a name of {} bytes: file systems allow {MAX_NAME_BYTES}",
                        long.len()
                    ),
                )
                .with_code("page-name-too-long")
                .at_line(1)
                .with_help("shorten the file name (the page's file name gets `.html` in place of `.md`; letters past ASCII take 2 to 4 bytes each)"),
            );
        }
        for (name, what) in GENERATED_IN_LOCALE {
            if written == format!("{tag}/{name}") {
                diagnostics.push(
                    Diagnostic::error(
                        &page.source.path,
                        format!("this page would be written to {written}, the {what} technote generates for `{tag}`"),
                    )
                    .with_code("page-name-reserved")
                    .at_line(1)
                    .with_help("rename the file (for example to overview.md): each locale's home and 404 pages are written by technote"),
                );
            }
        }
    }
    for (locale, files) in assets.iter().enumerate() {
        for (name, what) in GENERATED_IN_LOCALE {
            if files.contains(name) {
                let tag = &locale_tags[locale];
                diagnostics.push(
                    Diagnostic::error(
                        options.content.join(tag).join(name),
                        format!("this file would replace {tag}/{name}, the {what} technote generates for `{tag}`"),
                    )
                    .with_code("page-name-reserved")
                    .with_help("rename or remove the file"),
                );
            }
        }
    }
    if let Some(tag) = locale_tags
        .iter()
        .find(|tag| tag.eq_ignore_ascii_case("assets"))
    {
        diagnostics.push(
            Diagnostic::error(
                &options.config,
                format!("the locale `{tag}` would share its folder with the site's assets/"),
            )
            .with_code("config-invalid")
            .with_help("use a language tag such as `en` or `fr-FR` for each locale"),
        );
    }
    diagnostics
}

/// Where a locale whose home is a landing page lists all its pages.
pub const ALL_PAGES_FILE: &str = "all-pages.html";

/// The folder of each locale holding the lists of features too long for
/// its home.
pub const FEATURE_LISTS: &str = "all-pages";
/// For a locale whose URL folder is not its tag (`ja/` for `ja-JP`), a
/// redirect at each page's address under the tag and at the tag's home,
/// so that links written with the repository's name keep working.
fn tag_redirects(
    pages: &[Page],
    lang_tags: &[String],
    url_folders: &[String],
    base_url: &str,
    config_path: &std::path::Path,
) -> Vec<Redirect> {
    let moved = |locale: usize| lang_tags[locale] != url_folders[locale];
    let homes = (0..lang_tags.len())
        .filter(|&l| moved(l))
        .map(|locale| Redirect {
            locale,
            file: format!("{}/index.html", lang_tags[locale]),
            destination: Destination::Elsewhere(format!("{base_url}{}/", url_folders[locale])),
            source: config_path.to_path_buf(),
            line: 1,
        });
    let own_pages = pages
        .iter()
        .enumerate()
        .filter(|(_, page)| moved(page.locale))
        .map(|(index, page)| Redirect {
            locale: page.locale,
            file: crate::routes::output_file(&page_file_path(
                &lang_tags[page.locale],
                &page.source.rel_path,
            )),
            destination: Destination::Page {
                index,
                fragment: None,
            },
            source: config_path.to_path_buf(),
            line: 1,
        });
    homes.chain(own_pages).collect()
}

/// Every file the site writes for its pages and listings, which an old
/// address may not take over.
fn written_files(
    pages: &[Page],
    navigation: &Navigation,
    locale_tags: &[String],
) -> HashSet<String> {
    let mut written: HashSet<String> = pages
        .iter()
        .map(|page| {
            crate::routes::output_file(&page_file_path(
                &locale_tags[page.locale],
                &page.source.rel_path,
            ))
        })
        .collect();
    for (locale, tag) in locale_tags.iter().enumerate() {
        written.extend(
            GENERATED_IN_LOCALE
                .iter()
                .map(|(name, _)| format!("{tag}/{name}")),
        );
        if navigation.landing[locale].is_some() {
            written.insert(format!("{tag}/{ALL_PAGES_FILE}"));
        }
    }
    written
}

/// A page that would be written over the list of all pages of a locale
/// whose home is a landing page, or into the folder of its feature lists.
fn all_pages_names(
    pages: &[Page],
    navigation: &Navigation,
    locale_tags: &[String],
) -> Vec<Diagnostic> {
    pages
        .iter()
        .filter_map(|page| {
            let tag = &locale_tags[page.locale];
            let written = page_file_path(tag, &page.source.rel_path);
            let over_list = navigation.landing[page.locale].is_some()
                && written == format!("{tag}/{ALL_PAGES_FILE}");
            let in_lists = written.starts_with(&format!("{tag}/{FEATURE_LISTS}/"));
            let what = if over_list {
                format!("over {ALL_PAGES_FILE}, the list of all pages technote writes beside the home")
            } else if in_lists {
                format!("into {FEATURE_LISTS}/, the folder of the lists of long features technote writes")
            } else {
                return None;
            };
            Some(
                Diagnostic::error(&page.source.path, format!("this page would be written {what}"))
                    .with_code("page-name-reserved")
                    .at_line(1)
                    .with_help("rename the file (or its folder)"),
            )
        })
        .collect()
}

/// Two pages of one locale with the same `exl-id` (published trees have
/// them: a page copied to start another) would make the language switcher
/// ambiguous. Both are built; the first by path keeps the translations, as
/// [`routes_of`] decides, and each later one is warned about.
pub fn duplicate_exl_ids(pages: &[Page], limits: &technote_content::Limits) -> Vec<Diagnostic> {
    let keepers = exl_id_keepers(pages);
    let mut diagnostics = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let Some(id) = page.front.exl_id.as_deref() else {
            continue;
        };
        let Some(first) = keepers
            .get(&(page.locale, id))
            .filter(|&&k| k != index)
            .map(|&k| &pages[k])
        else {
            continue;
        };
        let (line, column) =
            technote_content::front_matter_key_or_top(&page.source.path, limits, "exl-id");
        diagnostics.push(
            Diagnostic::warning(
                &page.source.path,
                format!(
                    "`exl-id: {id}` is also the id of {}, which keeps it: this page is built without links to its translations",
                    first.source.path.display()
                ),
            )
            .at(line, column)
            .with_code("exl-id-duplicate")
            .with_help(
                "give this page an id of its own (`uuidgen` makes one) and the same id to its translations",
            ),
        );
    }
    diagnostics
}
