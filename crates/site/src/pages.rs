//! Template contexts for every kind of page, and the page set of a site.

mod contexts;
mod feed;
mod sitemap;

use rustc_hash::FxHashMap;
use serde::Serialize;
use technote_diagnostics::Diagnostic;
use technote_markdown::Document;
use tera::Context;

use crate::badges::BadgeView;
use crate::load::{ALL_PAGES_FILE, FEATURE_LISTS, Project};
use crate::page_meta::{Social, Updated, edit_href, og_locale};
use crate::redirects;
use crate::routes::{encode_url_path, output_file, page_file_path};
use crate::templates::Templates;
use crate::widgets::Widgets;
use contexts::{
    Alternate, BreadcrumbItem, BreadcrumbLink, BreadcrumbList, Elsewhere, FaqAnswer, FaqPage,
    FaqQuestion, FeatureGroup, GuidePages, HomeItem, HomeLanguage, ListPager, Neighbour, PageInfo,
    SitemapUrl, TocEntry, TranslationNotice,
};
use sitemap::SitemapAlternates;

/// Room for a page's template around its body (the shipped template writes
/// about 7 KB), so that rendering rarely grows the buffer.
const PAGE_CHROME_BYTES: usize = 12 * 1024;

/// One file of the finished site.
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Serialize)]
struct LanguageLink {
    lang: String,
    autonym: String,
    href: String,
    url: String,
    current: bool,
    /// False when the page has no translation there and the link goes to that locale's home.
    translated: bool,
}

/// What every page template gets.
fn base_context(
    project: &Project,
    identity: &SiteText,
    locale: usize,
    url_path: &str,
    live_reload: bool,
) -> Context {
    let mut context = Context::new();
    context.insert("live_reload", &live_reload);
    let tag = &project.locale_tags[locale];
    context.insert("lang", &project.lang_tags[locale]);
    context.insert("dir", direction(&project.locales[locale]));
    context.insert("base_path", project.config.base_path());
    context.insert("base_url", &project.config.base_url);
    context.insert(
        "canonical",
        &format!("{}{url_path}", project.config.base_url),
    );
    context.insert(
        "home_href",
        &format!("{}{tag}/", project.config.base_path()),
    );
    context.insert("site_name", &identity.name);
    context.insert("site_tagline", &identity.tagline);
    context.insert("site_footer", &identity.footer);
    context.insert("og_locale", &og_locale(&project.locales[locale]));
    context.insert(
        "feed_href",
        &format!("{}{}", project.config.base_path(), feed::feed_path(tag)),
    );
    if project.navigation.landing[locale].is_some() {
        context.insert(
            "all_pages_href",
            &format!("{}{tag}/{ALL_PAGES_FILE}", project.config.base_path()),
        );
    }
    context
}

/// What a locale's site calls itself: `[site]` of technote.toml, else
/// the Fluent messages of the project's own technotes.
#[derive(Debug, Clone)]
struct SiteText {
    name: String,
    tagline: String,
    /// The footer's line: the configured tagline, or `footer-text`.
    footer: String,
}

impl SiteText {
    fn of(project: &Project, locale: usize) -> Self {
        let language = &project.locales[locale];
        // Marked when in the reference locale's words (`fallback_text`).
        let fluent = |id: &str| {
            project
                .localizer
                .format_for_page(language, id, None)
                .unwrap_or_default()
        };
        let site = &project.config.site;
        // The configuration first, then the tree's metadata.md and root
        // TOC, then the project's own Fluent messages.
        let metadata = &project.metadata[locale];
        let tagline = site
            .tagline
            .as_ref()
            .and_then(|t| t.get(language))
            .or(metadata.description.as_deref());
        Self {
            name: site
                .name
                .as_ref()
                .and_then(|t| t.get(language))
                .or(metadata.title.as_deref())
                .or(project.navigation.tree_title(locale))
                .map_or_else(|| fluent("site-name"), str::to_string),
            tagline: tagline.map_or_else(|| fluent("home-description"), str::to_string),
            footer: tagline.map_or_else(|| fluent("footer-text"), str::to_string),
        }
    }
}

/// The language of a page's text when it is still its source's.
#[derive(Serialize)]
struct CopiedText<'a> {
    lang: &'a str,
    dir: &'static str,
}

fn direction(locale: &unic_langid::LanguageIdentifier) -> &'static str {
    match locale.character_direction() {
        unic_langid::CharacterDirection::RTL => "rtl",
        _ => "ltr",
    }
}

/// The name of each locale in its own language (CLDR's), by locale index.
fn autonyms(project: &Project) -> Vec<String> {
    technote_i18n::site_autonyms(&project.locales)
}

/// Links to the same page in every locale; locales without a translation
/// link to their home, which lists the languages that have it.
fn language_links(
    project: &Project,
    autonyms: &[String],
    locale: usize,
    translations: &[(usize, String)],
) -> Vec<LanguageLink> {
    let base_path = project.config.base_path();
    (0..project.locales.len())
        .map(|l| {
            let found = translations.iter().find(|(tl, _)| *tl == l);
            let url = found.map_or_else(
                || format!("{}/", project.locale_tags[l]),
                |(_, u)| u.clone(),
            );
            LanguageLink {
                lang: project.lang_tags[l].clone(),
                autonym: autonyms.get(l).cloned().unwrap_or_default(),
                href: format!("{base_path}{url}"),
                url: format!("{}{url}", project.config.base_url),
                current: l == locale,
                translated: found.is_some(),
            }
        })
        .collect()
}

pub struct PageSet<'a> {
    project: &'a Project,
    templates: &'a Templates,
    widgets: &'a Widgets,
    /// Adds the preview server's reload script to every page.
    live_reload: bool,
    /// Locale names, formatted once rather than on every page.
    autonyms: Vec<String>,
    /// By locale, the site's name and tagline.
    identity: Vec<SiteText>,
}

impl<'a> PageSet<'a> {
    pub fn new(
        project: &'a Project,
        templates: &'a Templates,
        widgets: &'a Widgets,
        live_reload: bool,
    ) -> Self {
        Self {
            project,
            templates,
            widgets,
            live_reload,
            autonyms: autonyms(project),
            identity: (0..project.locales.len())
                .map(|l| SiteText::of(project, l))
                .collect(),
        }
    }

    /// The widgets' data, the site's release catalog among it.
    pub fn widgets(&self) -> &'a Widgets {
        self.widgets
    }

    fn context(&self, locale: usize, url_path: &str) -> Context {
        base_context(
            self.project,
            &self.identity[locale],
            locale,
            url_path,
            self.live_reload,
        )
    }

    /// A message of the interface in the language of `locale`.
    fn message(&self, locale: usize, id: &str) -> String {
        let language = &self.project.locales[locale];
        self.project
            .localizer
            .format(language, id, None)
            .unwrap_or_default()
    }

    /// The line under a feature list's title, as its template words it.
    fn feature_list_lead(&self, locale: usize, feature: &str, count: usize) -> String {
        let mut args = technote_i18n::FluentArgs::new();
        args.set("count", count);
        args.set("feature", feature.to_string());
        let language = &self.project.locales[locale];
        self.project
            .localizer
            .format(language, "feature-list-lead", Some(&args))
            .unwrap_or_default()
    }

    /// Renders the technote at `index`, whose Markdown rendered to
    /// `document`, into its HTML file.
    /// `copied`: the source page whose text this one still is, so that its
    /// title, contents and body say they are in that page's language.
    pub fn technote(
        &self,
        index: usize,
        document: &Document,
        badges: &[BadgeView<'_>],
        copied: Option<usize>,
    ) -> Result<OutputFile, Diagnostic> {
        let project = self.project;
        let page = &project.pages[index];
        let locale = &project.locales[page.locale];
        let mut context = self.context(page.locale, &page.url_path);
        if let Some(source) = copied {
            let source_locale = project.pages[source].locale;
            context.insert(
                "copied",
                &CopiedText {
                    lang: &project.lang_tags[source_locale],
                    dir: direction(&project.locales[source_locale]),
                },
            );
        }

        let translations: Vec<(usize, String)> = project
            .routes
            .translations(index)
            .iter()
            .map(|&t| (project.pages[t].locale, project.pages[t].url_path.clone()))
            .collect();
        context.insert(
            "languages",
            &language_links(project, &self.autonyms, page.locale, &translations),
        );
        context.insert("alternates", &alternates(project, &translations));
        context.insert(
            "page",
            &PageInfo {
                title: document.title.as_deref().unwrap_or(&page.front.title),
                title_id: document.title_id.as_deref(),
                title_alias: document.title_alias.as_deref(),
                front: &page.front,
                badges,
                url: &page.url_path,
            },
        );
        let toc = table_of_contents(&document.headings);
        context.insert("toc", &toc);
        let title = document.title.as_deref().unwrap_or(&page.front.title);
        context.insert(
            "social",
            &Social::article(title, page.front.description.as_deref()),
        );
        self.insert_navigation(&mut context, index, title);
        let faq = faq_json_ld(document);
        if faq.is_none() {
            context.insert("faq_json_ld", &faq);
        }
        context.insert("translation_notice", &translation_notice(page));
        context.insert("updated", &Updated::of(project, index));
        context.insert("edit_href", &edit_href(project, page));

        let body = self.widgets.body(
            self.templates,
            locale,
            &page.source.path,
            &document.segments,
            &mut context,
        )?;
        // The page is its body plus the template's few kilobytes.
        let faq_len = faq.as_ref().map_or(0, String::len);
        let mut html = Vec::with_capacity(body.len() + faq_len + PAGE_CHROME_BYTES);
        // The body and the FAQ's JSON-LD are most of a page: they stay out
        // of the fallback rewrite of the frame.
        let mut parts = vec![("body", body)];
        parts.extend(faq.map(|faq| ("faq_json_ld", faq)));
        self.templates
            .render_page_to(locale, "technote.html", &mut context, parts, &mut html)?;
        let path = if project.navigation.landing[page.locale] == Some(index) {
            output_file(&page.url_path)
        } else {
            page_file_path(&project.locale_tags[page.locale], &page.source.rel_path)
        };
        Ok(OutputFile { path, bytes: html })
    }

    /// The pages of `locale` that no TOC lists, by guide (their top
    /// folder), for the list of all pages.
    fn unlisted(&self, locale: usize) -> Vec<GuidePages<'_>> {
        let project = self.project;
        let navigation = &project.navigation;
        if !navigation.has_tocs[locale] {
            return Vec::new();
        }
        let base_path = project.config.base_path();
        let mut guides: std::collections::BTreeMap<&str, Vec<HomeItem<'_>>> =
            std::collections::BTreeMap::new();
        for (index, page) in project.pages.iter().enumerate() {
            let listed = navigation.is_listed(index) || navigation.landing[locale] == Some(index);
            if page.locale != locale || page.front.hide || listed {
                continue;
            }
            let guide = page
                .source
                .rel_path
                .split_once('/')
                .map_or("", |(top, _)| top);
            guides.entry(guide).or_default().push(HomeItem {
                title: &page.front.title,
                description: page.front.description.as_deref(),
                href: format!("{base_path}{}", page.url_path),
            });
        }
        guides
            .into_iter()
            .map(|(guide, items)| GuidePages { guide, items })
            .collect()
    }

    /// The sidebar, breadcrumbs (site, guide, groups, page, with their
    /// BreadcrumbList JSON-LD) and previous/next links of page `index`.
    fn insert_navigation(&self, context: &mut Context, index: usize, title: &str) {
        let project = self.project;
        let page = &project.pages[index];
        let base_path = project.config.base_path();
        let href = |page: usize| format!("{base_path}{}", project.page_urls[page]);
        let place = project.navigation.for_page(index);
        let home = format!("{base_path}{}/", project.locale_tags[page.locale]);
        let site_name = &self.identity[page.locale].name;
        let is_home = project.navigation.landing[page.locale] == Some(index);
        let mut crumbs = Vec::new();
        if !is_home {
            crumbs.push(BreadcrumbLink {
                title: site_name,
                href: Some(home),
            });
        }
        if let Some(place) = &place {
            crumbs.extend(place.trail.iter().map(|crumb| BreadcrumbLink {
                title: crumb.title,
                href: crumb.page.map(href),
            }));
        }
        let json_ld = breadcrumb_json_ld(
            &project.config.base_url,
            base_path,
            &crumbs,
            title,
            &project.pages[index].url_path,
        );
        crumbs.push(BreadcrumbLink { title, href: None });
        context.insert("breadcrumbs", &crumbs);
        context.insert("breadcrumb_json_ld", &json_ld);
        let Some(place) = place else {
            context.insert("sidebar", &Option::<&str>::None);
            return;
        };
        let neighbour = |page: Option<usize>| {
            page.map(|p| Neighbour {
                title: &project.pages[p].front.title,
                href: href(p),
            })
        };
        context.insert("previous", &neighbour(place.previous));
        context.insert("next", &neighbour(place.next));
        context.insert_value("sidebar", tera::Value::safe_string(&place.sidebar));
    }

    /// Pages grouped by feature, each page once: under its first feature
    /// that not every page with features shares (`Technote, Upgrade` goes
    /// under Upgrade when every page says Technote), pages without one last, under
    /// `home-group-other`. A group is named by the Fluent message
    /// `feature-<name>` (`feature-upgrade`) when the locale has one, else
    /// by the feature as written. A tree with a landing page leaves pages
    /// without a feature to its navigation and its list of unlisted pages
    /// (`with_others` false).
    fn feature_groups<'p>(
        &self,
        locale: usize,
        pages: Vec<(HomeItem<'p>, &'p [String])>,
        with_others: bool,
    ) -> Vec<FeatureGroup<'p>> {
        let localizer = &self.project.localizer;
        let lang = &self.project.locales[locale];
        // A feature every page with features shares says nothing: pages
        // are grouped by their first other one. Counted once, so the home
        // of a 10,000-page locale is not 10,000 passes over its pages.
        let mut pages_with = rustc_hash::FxHashMap::<&str, usize>::default();
        let mut with_features = 0;
        for (_, features) in &pages {
            if !features.is_empty() {
                with_features += 1;
            }
            for (position, feature) in features.iter().enumerate() {
                if !features[..position].contains(feature) {
                    *pages_with.entry(feature.as_str()).or_default() += 1;
                }
            }
        }
        let everywhere =
            |feature: &String| pages_with.get(feature.as_str()) == Some(&with_features);
        let mut grouped: std::collections::BTreeMap<&str, Vec<HomeItem<'p>>> =
            std::collections::BTreeMap::new();
        let mut others = Vec::new();
        for (item, features) in &pages {
            let chosen = features
                .iter()
                .find(|f| !everywhere(f))
                .or_else(|| features.first());
            match chosen {
                Some(feature) => grouped
                    .entry(feature.as_str())
                    .or_default()
                    .push(item.clone()),
                None => others.push(item.clone()),
            }
        }
        let mut slugs = rustc_hash::FxHashSet::default();
        let mut groups: Vec<FeatureGroup<'p>> = grouped
            .into_iter()
            .map(|(feature, items)| {
                let slug = feature_slug(feature);
                // Two spellings of one name (`Set up`, `set-up`) get two lists.
                let unique = (1..)
                    .map(|n| {
                        if n == 1 {
                            slug.clone()
                        } else {
                            format!("{slug}-{n}")
                        }
                    })
                    .find(|candidate| slugs.insert(candidate.clone()))
                    .unwrap_or_default();
                FeatureGroup {
                    // Marked when in the reference locale's words (`fallback_text`).
                    feature: localizer
                        .format_for_page(lang, &format!("feature-{slug}"), None)
                        .unwrap_or_else(|_| feature.to_string()),
                    slug: unique,
                    items,
                    more: None,
                }
            })
            .collect();
        if with_others && !others.is_empty() {
            groups.push(FeatureGroup {
                feature: localizer
                    .format_for_page(lang, "home-group-other", None)
                    .unwrap_or_default(),
                // No feature is named so: `feature_slug` makes none with `_`.
                slug: "_other".to_string(),
                items: others,
                more: None,
            });
        }
        groups
    }

    /// Each listed page of `locale` once, with its features; and the pages
    /// that exist only in other languages.
    fn listed(&self, locale: usize) -> (Vec<(HomeItem<'_>, &[String])>, Vec<Elsewhere<'_>>) {
        let project = self.project;
        let base_path = project.config.base_path();
        // Each page of this locale once, with its features.
        let mut own_pages: Vec<(HomeItem<'_>, &[String])> = Vec::new();
        let mut elsewhere = Vec::new();
        for key in project.routes.group_keys() {
            let members = project.routes.group(key);
            let listed = |&&i: &&usize| !project.pages[i].front.hide;
            if let Some(&own) = members
                .iter()
                .filter(listed)
                .find(|&&i| project.pages[i].locale == locale)
            {
                let page = &project.pages[own];
                let item = HomeItem {
                    title: &page.front.title,
                    description: page.front.description.as_deref(),
                    href: format!("{base_path}{}", page.url_path),
                };
                own_pages.push((item, page.front.feature.as_slice()));
            } else if let Some(&shown) = members
                .iter()
                .filter(listed)
                .find(|&&i| project.pages[i].locale == project.reference)
                .or_else(|| members.iter().find(|&&i| !project.pages[i].front.hide))
            {
                let page = &project.pages[shown];
                let languages: Vec<_> = members
                    .iter()
                    .map(|&i| {
                        let p = &project.pages[i];
                        HomeLanguage {
                            lang: &project.lang_tags[p.locale],
                            autonym: self.autonyms.get(p.locale).map(String::as_str),
                            href: format!("{base_path}{}", p.url_path),
                        }
                    })
                    .collect();
                elsewhere.push(Elsewhere {
                    title: &page.front.title,
                    lang: &project.lang_tags[page.locale],
                    languages,
                });
            }
        }
        (own_pages, elsewhere)
    }

    /// Where page `number` (from 1) of a feature's own list is.
    fn feature_list_href(&self, locale: usize, slug: &str, number: usize) -> String {
        format!(
            "{}{}",
            self.project.config.base_path(),
            feature_list_path(&self.project.locale_tags[locale], slug, number)
        )
    }

    /// The lists of the features among `groups` (of `locale`) too large for
    /// its home, in pages of `[listing] per_page`.
    fn feature_lists(
        &self,
        locale: usize,
        groups: &[FeatureGroup<'_>],
    ) -> Result<Vec<OutputFile>, Diagnostic> {
        let project = self.project;
        let sizes = project.config.listing;
        let tag = &project.locale_tags[locale];
        let homes = locale_homes(project);
        let mut files = Vec::new();
        for group in groups {
            if group.items.len() <= sizes.per_group {
                continue;
            }
            let chunks: Vec<&[HomeItem<'_>]> = group.items.chunks(sizes.per_page).collect();
            for (at, items) in chunks.iter().enumerate() {
                let number = at + 1;
                let url_path = feature_list_path(tag, &group.slug, number);
                let mut context = self.context(locale, &url_path);
                // Feature names differ between languages: the switcher
                // leads to each language's home, and there are no alternates.
                context.insert(
                    "languages",
                    &language_links(project, &self.autonyms, locale, &homes),
                );
                context.insert("alternates", &Vec::<Alternate<'_>>::new());
                context.insert("feature", &group.feature);
                context.insert("count", &group.items.len());
                let lead = self.feature_list_lead(locale, &group.feature, group.items.len());
                context.insert("social", &Social::website(&group.feature, &lead));
                context.insert("items", items);
                context.insert(
                    "pager",
                    &ListPager {
                        page: number,
                        pages: chunks.len(),
                        previous: (number > 1)
                            .then(|| self.feature_list_href(locale, &group.slug, number - 1)),
                        next: (number < chunks.len())
                            .then(|| self.feature_list_href(locale, &group.slug, number + 1)),
                    },
                );
                let html = self.templates.render(
                    &project.locales[locale],
                    "feature-list.html",
                    &context,
                )?;
                files.push(OutputFile {
                    path: url_path,
                    bytes: html.into_bytes(),
                });
            }
        }
        Ok(files)
    }

    /// The home of one locale: its technotes grouped by feature, and the
    /// technotes that exist only in other languages; then the lists of the
    /// features too long for it, from the same groups.
    pub fn home(&self, locale: usize) -> Result<Vec<OutputFile>, Diagnostic> {
        let project = self.project;
        let tag = &project.locale_tags[locale];
        // A locale whose home is its tree's landing page lists its pages
        // on a page of their own.
        let landing = project.navigation.landing[locale].is_some();
        let url_path = if landing {
            format!("{tag}/{ALL_PAGES_FILE}")
        } else {
            format!("{tag}/")
        };
        let mut context = self.context(locale, &url_path);
        let homes = locale_homes(project);
        context.insert(
            "languages",
            &language_links(project, &self.autonyms, locale, &homes),
        );
        context.insert("alternates", &alternates(project, &homes));

        let (own_pages, elsewhere) = self.listed(locale);
        let sizes = project.config.listing;
        let groups = self.feature_groups(locale, own_pages, !landing);
        let feature_lists = self.feature_lists(locale, &groups)?;
        let groups: Vec<FeatureGroup<'_>> = groups
            .into_iter()
            .map(|group| {
                let href = self.feature_list_href(locale, &group.slug, 1);
                group.shortened(sizes.per_group, &href)
            })
            .collect();
        let (title, description) = if landing {
            (
                self.message(locale, "all-pages-title"),
                self.message(locale, "all-pages-description"),
            )
        } else {
            let identity = &self.identity[locale];
            (identity.name.clone(), identity.tagline.clone())
        };
        context.insert("social", &Social::website(&title, &description));
        context.insert("groups", &groups);
        context.insert("elsewhere", &elsewhere);
        context.insert("unlisted", &self.unlisted(locale));
        let template = if landing {
            "all-pages.html"
        } else {
            "home.html"
        };
        let html = self
            .templates
            .render(&project.locales[locale], template, &context)?;
        let mut files = vec![OutputFile {
            path: output_file(&url_path),
            bytes: html.into_bytes(),
        }];
        files.extend(feature_lists);
        Ok(files)
    }

    /// The site root: a list of languages (and a script-free way to choose).
    pub fn root(&self) -> Result<OutputFile, Diagnostic> {
        let project = self.project;
        let mut context = self.context(project.reference, "");
        let identity = &self.identity[project.reference];
        context.insert(
            "social",
            &Social::website(&identity.name, &identity.tagline),
        );
        let homes = locale_homes(project);
        context.insert(
            "languages",
            &language_links(project, &self.autonyms, project.reference, &homes),
        );
        context.insert("alternates", &alternates(project, &homes));
        let html =
            self.templates
                .render(&project.locales[project.reference], "root.html", &context)?;
        Ok(OutputFile {
            path: "index.html".into(),
            bytes: html.into_bytes(),
        })
    }

    /// The not-found page: one at the root (in the reference locale, served
    /// by hosts for any missing path) and one per locale.
    pub fn not_found(&self, locale: Option<usize>) -> Result<OutputFile, Diagnostic> {
        let project = self.project;
        let l = locale.unwrap_or(project.reference);
        let path = match locale {
            Some(l) => format!("{}/404.html", project.locale_tags[l]),
            None => "404.html".to_string(),
        };
        let mut context = self.context(l, &path);
        let homes: Vec<(usize, String)> = (0..project.locales.len())
            .map(|i| (i, format!("{}/", project.locale_tags[i])))
            .collect();
        context.insert(
            "languages",
            &language_links(project, &self.autonyms, l, &homes),
        );
        context.insert("alternates", &Vec::<Alternate<'_>>::new());
        let html = self
            .templates
            .render(&project.locales[l], "404.html", &context)?;
        Ok(OutputFile {
            path,
            bytes: html.into_bytes(),
        })
    }

    /// A static page at every old address of redirects.csv, and the
    /// `_redirects` file that hosts reading one answer with a 301 (followed
    /// by the language and 404 rules), with its `_headers` beside it.
    pub fn redirects(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        let project = self.project;
        let base_path = project.config.base_path();
        let mut files = Vec::with_capacity(project.redirects.redirects.len() + 1);
        let mut lines = String::new();
        for redirect in &project.redirects.redirects {
            let href = redirects::target_href(redirect, base_path, &project.page_urls);
            let url = match href.strip_prefix(base_path) {
                Some(below) if !href.contains("://") => {
                    format!("{}{below}", project.config.base_url)
                }
                _ => href.clone(),
            };
            let mut context = self.context(redirect.locale, &encode_url_path(&redirect.file));
            context.insert("canonical", &url);
            context.insert("alternates", &Vec::<Alternate<'_>>::new());
            context.insert("languages", &Vec::<LanguageLink>::new());
            context.insert("redirect_href", &href);
            context.insert("redirect_url", &url);
            let html = self.templates.render(
                &project.locales[redirect.locale],
                "redirect.html",
                &context,
            )?;
            files.push(OutputFile {
                path: redirect.file.clone(),
                bytes: html.into_bytes(),
            });
            lines.push_str(&redirects::redirects_line(
                redirect,
                base_path,
                &project.page_urls,
            ));
        }
        lines.push_str(&crate::host_files::redirects_tail(
            base_path,
            &project.locale_tags,
            &project.locales,
            project.reference,
        ));
        files.push(OutputFile {
            path: "_redirects".into(),
            bytes: lines.into_bytes(),
        });
        files.push(OutputFile {
            path: "_headers".into(),
            bytes: crate::host_files::headers(base_path, &self.templates.fingerprinted_assets())
                .into_bytes(),
        });
        Ok(files)
    }

    /// `sitemap.xml` with hreflang alternates, and `robots.txt` pointing to it.
    pub fn sitemap_and_robots(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        let project = self.project;
        let base_url = &project.config.base_url;
        let mut urls = Vec::new();
        let homes = locale_homes(project);
        let home_alternates = SitemapAlternates::new(&alternates(project, &homes));
        // A landing page's home is listed with the pages.
        let generic_homes = homes
            .iter()
            .filter(|(l, _)| project.navigation.landing[*l].is_none());
        for (locale, url) in generic_homes {
            urls.push((
                *locale,
                SitemapUrl {
                    loc: format!("{base_url}{url}"),
                    alternates: home_alternates.clone(),
                    lastmod: None,
                },
            ));
        }
        // Where a landing page is the home, the list of all pages has a
        // page of its own: the only way to pages no TOC lists.
        let all_pages: Vec<(usize, String)> = (0..project.locales.len())
            .filter(|&l| project.navigation.landing[l].is_some())
            .map(|l| (l, format!("{}/{ALL_PAGES_FILE}", project.locale_tags[l])))
            .collect();
        let all_pages_alternates = SitemapAlternates::new(&alternates(project, &all_pages));
        for (locale, url) in &all_pages {
            urls.push((
                *locale,
                SitemapUrl {
                    loc: format!("{base_url}{url}"),
                    alternates: all_pages_alternates.clone(),
                    lastmod: None,
                },
            ));
        }
        // By the group's first page: every page of a group lists the same.
        let mut group_alternates: FxHashMap<usize, SitemapAlternates> = FxHashMap::default();
        for (index, page) in project.pages.iter().enumerate() {
            if page.front.hide {
                continue;
            }
            let group = project.routes.translations(index);
            let listed = || {
                let translations: Vec<(usize, String)> = group
                    .iter()
                    .filter(|&&t| !project.pages[t].front.hide)
                    .map(|&t| (project.pages[t].locale, project.pages[t].url_path.clone()))
                    .collect();
                SitemapAlternates::new(&alternates(project, &translations))
            };
            let shared = match group.first() {
                Some(&first) => group_alternates.entry(first).or_insert_with(listed).clone(),
                None => listed(),
            };
            urls.push((
                page.locale,
                SitemapUrl {
                    loc: format!("{base_url}{}", page.url_path),
                    alternates: shared,
                    lastmod: project.updated[index].as_deref(),
                },
            ));
        }
        let reference = &project.locales[project.reference];
        let render = |template: &str, context: &Context, path: String| {
            let bytes = self
                .templates
                .render(reference, template, context)?
                .into_bytes();
            Ok::<_, Diagnostic>(OutputFile { path, bytes })
        };
        let mut files = Vec::new();
        let mut context = Context::new();
        context.insert("base_url", base_url);
        // Crawlers read robots.txt only at the host's root: below a path,
        // the file says where it must go and allows only the site's path.
        context.insert("base_path", project.config.base_path());
        match sitemap::sitemap_files(urls, &project.locale_tags) {
            sitemap::SitemapFiles::Single(urls) => {
                context.insert_value("urls", sitemap::urls_value(&urls));
                files.push(render("sitemap.xml", &context, "sitemap.xml".into())?);
            }
            sitemap::SitemapFiles::Index(parts) => {
                let names: Vec<String> = parts
                    .iter()
                    .map(|(name, _)| format!("{base_url}{name}"))
                    .collect();
                for (name, urls) in parts {
                    let mut part = Context::new();
                    part.insert_value("urls", sitemap::urls_value(&urls));
                    files.push(render("sitemap.xml", &part, name)?);
                }
                context.insert("sitemaps", &names);
                files.push(render("sitemap-index.xml", &context, "sitemap.xml".into())?);
            }
        }
        files.push(render("robots.txt", &context, "robots.txt".into())?);
        Ok(files)
    }
}

/// Each locale with the URL of its home, below the site root (`fr/`).
fn locale_homes(project: &Project) -> Vec<(usize, String)> {
    (0..project.locales.len())
        .map(|l| (l, format!("{}/", project.locale_tags[l])))
        .collect()
}

/// A feature as a file name and Fluent id part: ASCII letters and digits
/// lowercased, anything else `-` (`feature-upgrade`).
fn feature_slug(feature: &str) -> String {
    feature
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

/// Below the site root: page `number` (from 1) of a feature's own list.
fn feature_list_path(tag: &str, slug: &str, number: usize) -> String {
    if number == 1 {
        format!("{tag}/{FEATURE_LISTS}/{slug}.html")
    } else {
        format!("{tag}/{FEATURE_LISTS}/{slug}-{number}.html")
    }
}

/// h2 headings with their h3 headings nested, as readers scan them.
fn table_of_contents(headings: &[technote_markdown::Heading]) -> Vec<TocEntry<'_>> {
    let mut toc: Vec<TocEntry<'_>> = Vec::new();
    for heading in headings {
        let entry = TocEntry {
            id: &heading.id,
            text: &heading.text,
            children: Vec::new(),
        };
        match heading.level {
            2 => toc.push(entry),
            3 => match toc.last_mut() {
                Some(parent) => parent.children.push(entry),
                None => toc.push(entry),
            },
            _ => {}
        }
    }
    toc
}

/// `hreflang` alternates for a page available at these URLs (absolute).
fn alternates<'p>(project: &'p Project, translations: &[(usize, String)]) -> Vec<Alternate<'p>> {
    let base_url = &project.config.base_url;
    let mut list: Vec<Alternate<'p>> = translations
        .iter()
        .map(|(l, url)| Alternate {
            lang: &project.lang_tags[*l],
            href: format!("{base_url}{url}"),
        })
        .collect();
    if let Some((_, url)) = translations.iter().find(|(l, _)| *l == project.reference) {
        list.push(Alternate {
            lang: "x-default",
            href: format!("{base_url}{url}"),
        });
    }
    list
}

/// schema.org BreadcrumbList of the trail `crumbs` that have a page, then
/// the page itself, escaped so it can sit inside a script element.
fn breadcrumb_json_ld(
    base_url: &str,
    base_path: &str,
    crumbs: &[BreadcrumbLink<'_>],
    title: &str,
    url_path: &str,
) -> Option<String> {
    let absolute =
        |href: &str| format!("{base_url}{}", href.strip_prefix(base_path).unwrap_or(href));
    let mut items: Vec<BreadcrumbItem<'_>> = crumbs
        .iter()
        .filter_map(|crumb| Some((crumb.title, absolute(crumb.href.as_deref()?))))
        .chain(std::iter::once((title, format!("{base_url}{url_path}"))))
        .map(|(name, item)| BreadcrumbItem {
            kind: "ListItem",
            position: 0,
            name,
            item,
        })
        .collect();
    for (position, item) in items.iter_mut().enumerate() {
        item.position = position + 1;
    }
    let list = BreadcrumbList {
        context: "https://schema.org",
        kind: "BreadcrumbList",
        items,
    };
    let json = serde_json::to_string(&list).ok()?;
    Some(json.replace('<', "\\u003c"))
}

/// schema.org FAQPage data, escaped so it can sit inside a script element.
fn faq_json_ld(document: &technote_markdown::Document) -> Option<String> {
    if document.faq.is_empty() {
        return None;
    }
    let data = FaqPage {
        context: "https://schema.org",
        kind: "FAQPage",
        main_entity: document
            .faq
            .iter()
            .map(|entry| FaqQuestion {
                kind: "Question",
                accepted_answer: FaqAnswer {
                    kind: "Answer",
                    text: &entry.answer_html,
                },
                name: &entry.question,
            })
            .collect(),
    };
    let json = serde_json::to_string(&data).ok()?;
    Some(json.replace('<', "\\u003c"))
}

/// The localized notice of translated pages: machine plus human share.
fn translation_notice(page: &crate::load::Page) -> Option<TranslationNotice<'_>> {
    let workflow = page.front.workflow_type.as_deref()?;
    Some(TranslationNotice {
        machine: workflow.contains("mt"),
        human_percent: page.front.ht_degree,
        workflow,
    })
}
