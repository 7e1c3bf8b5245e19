//! Template contexts for every kind of page, and the page set of a site.

use serde::Serialize;
use serde_json::json;
use technote_diagnostics::Diagnostic;
use tera::Context;

use crate::load::Project;
use crate::render::RenderedPage;
use crate::routes::output_file;
use crate::templates::Templates;
use crate::widgets::Widgets;

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
fn base_context(project: &Project, locale: usize, url_path: &str, live_reload: bool) -> Context {
    let mut context = Context::new();
    context.insert("live_reload", &live_reload);
    let tag = &project.locale_tags[locale];
    context.insert("lang", tag);
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
    context
}

fn direction(locale: &unic_langid::LanguageIdentifier) -> &'static str {
    match locale.character_direction() {
        unic_langid::CharacterDirection::RTL => "rtl",
        _ => "ltr",
    }
}

fn autonym(project: &Project, locale: usize) -> String {
    project
        .localizer
        .format(&project.locales[locale], "language-autonym", None)
        .unwrap_or_else(|_| project.locale_tags[locale].clone())
}

/// Links to the same page in every locale; locales without a translation
/// link to their home, which lists the languages that have it.
fn language_links(
    project: &Project,
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
                lang: project.locale_tags[l].clone(),
                autonym: autonym(project, l),
                href: format!("{base_path}{url}"),
                url: format!("{}{url}", project.config.base_url),
                current: l == locale,
                translated: found.is_some(),
            }
        })
        .collect()
}

pub struct PageSet<'a> {
    pub project: &'a Project,
    pub rendered: &'a [RenderedPage],
    pub templates: &'a Templates,
    pub widgets: &'a Widgets,
    /// Adds the preview server's reload script to every page.
    pub live_reload: bool,
}

impl PageSet<'_> {
    /// Renders the technote at `index` into its HTML file.
    pub fn technote(&self, index: usize) -> Result<OutputFile, Diagnostic> {
        let project = self.project;
        let page = &project.pages[index];
        let rendered = &self.rendered[index];
        let document = &rendered.document;
        let locale = &project.locales[page.locale];
        let mut context = base_context(project, page.locale, &page.url_path, self.live_reload);

        let translations: Vec<(usize, String)> = project
            .routes
            .translations(index)
            .iter()
            .map(|&t| (project.pages[t].locale, project.pages[t].url_path.clone()))
            .collect();
        context.insert(
            "languages",
            &language_links(project, page.locale, &translations),
        );
        context.insert("alternates", &alternates(project, &translations));
        context.insert(
            "page",
            &json!({
                "title": document.title.clone().unwrap_or_else(|| page.front.title.clone()),
                "title_id": document.title_id,
                "front": page.front,
                "url": page.url_path,
            }),
        );
        let toc = table_of_contents(&document.headings);
        context.insert("toc", &toc);
        context.insert("faq_json_ld", &faq_json_ld(document));
        context.insert("translation_notice", &translation_notice(page));

        let body = self.widgets.body(
            self.templates,
            locale,
            &page.source.path,
            &document.segments,
            &mut context,
        )?;
        context.insert("body", &body);
        let html = self.templates.render(locale, "technote.html", &context)?;
        Ok(OutputFile {
            path: output_file(&page.url_path),
            bytes: html.into_bytes(),
        })
    }

    /// The home of one locale: its technotes grouped by feature, and the
    /// technotes that exist only in other languages.
    pub fn home(&self, locale: usize) -> Result<OutputFile, Diagnostic> {
        let project = self.project;
        let tag = &project.locale_tags[locale];
        let url_path = format!("{tag}/");
        let mut context = base_context(project, locale, &url_path, self.live_reload);
        let homes: Vec<(usize, String)> = (0..project.locales.len())
            .map(|l| (l, format!("{}/", project.locale_tags[l])))
            .collect();
        context.insert("languages", &language_links(project, locale, &homes));
        context.insert("alternates", &alternates(project, &homes));

        let mut groups: std::collections::BTreeMap<&str, Vec<serde_json::Value>> =
            std::collections::BTreeMap::new();
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
                let item = json!({
                    "title": page.front.title,
                    "description": page.front.description,
                    "href": format!("{}{}", project.config.base_path(), page.url_path),
                });
                for feature in &page.front.feature {
                    groups
                        .entry(feature.as_str())
                        .or_default()
                        .push(item.clone());
                }
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
                        json!({
                            "lang": project.locale_tags[p.locale],
                            "autonym": autonym(project, p.locale),
                            "href": format!("{}{}", project.config.base_path(), p.url_path),
                        })
                    })
                    .collect();
                elsewhere.push(json!({"title": page.front.title, "lang": project.locale_tags[page.locale], "languages": languages}));
            }
        }
        let groups: Vec<_> = groups
            .into_iter()
            .map(|(feature, items)| json!({"feature": feature, "items": items}))
            .collect();
        context.insert("groups", &groups);
        context.insert("elsewhere", &elsewhere);
        let html = self
            .templates
            .render(&project.locales[locale], "home.html", &context)?;
        Ok(OutputFile {
            path: output_file(&url_path),
            bytes: html.into_bytes(),
        })
    }

    /// The site root: a list of languages (and a script-free way to choose).
    pub fn root(&self) -> Result<OutputFile, Diagnostic> {
        let project = self.project;
        let mut context = base_context(project, project.reference, "", self.live_reload);
        let homes: Vec<(usize, String)> = (0..project.locales.len())
            .map(|l| (l, format!("{}/", project.locale_tags[l])))
            .collect();
        context.insert(
            "languages",
            &language_links(project, project.reference, &homes),
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
        let mut context = base_context(project, l, &path, self.live_reload);
        let homes: Vec<(usize, String)> = (0..project.locales.len())
            .map(|i| (i, format!("{}/", project.locale_tags[i])))
            .collect();
        context.insert("languages", &language_links(project, l, &homes));
        context.insert("alternates", &Vec::<serde_json::Value>::new());
        let html = self
            .templates
            .render(&project.locales[l], "404.html", &context)?;
        Ok(OutputFile {
            path,
            bytes: html.into_bytes(),
        })
    }

    /// `sitemap.xml` with hreflang alternates, and `robots.txt` pointing to it.
    pub fn sitemap_and_robots(&self) -> Result<Vec<OutputFile>, Diagnostic> {
        let project = self.project;
        let base_url = &project.config.base_url;
        let mut urls = Vec::new();
        let homes: Vec<(usize, String)> = (0..project.locales.len())
            .map(|l| (l, format!("{}/", project.locale_tags[l])))
            .collect();
        for (_, url) in &homes {
            urls.push(json!({"loc": format!("{base_url}{url}"), "alternates": alternates(project, &homes)}));
        }
        for (index, page) in project.pages.iter().enumerate() {
            if page.front.hide {
                continue;
            }
            let translations: Vec<(usize, String)> = project
                .routes
                .translations(index)
                .iter()
                .filter(|&&t| !project.pages[t].front.hide)
                .map(|&t| (project.pages[t].locale, project.pages[t].url_path.clone()))
                .collect();
            urls.push(json!({"loc": format!("{base_url}{}", page.url_path), "alternates": alternates(project, &translations)}));
        }
        let mut context = Context::new();
        context.insert("urls", &urls);
        context.insert("base_url", base_url);
        let reference = &project.locales[project.reference];
        Ok(vec![
            OutputFile {
                path: "sitemap.xml".into(),
                bytes: self
                    .templates
                    .render(reference, "sitemap.xml", &context)?
                    .into_bytes(),
            },
            OutputFile {
                path: "robots.txt".into(),
                bytes: self
                    .templates
                    .render(reference, "robots.txt", &context)?
                    .into_bytes(),
            },
        ])
    }
}

/// h2 headings with their h3 headings nested, as readers scan them.
fn table_of_contents(headings: &[technote_markdown::Heading]) -> Vec<serde_json::Value> {
    let mut toc: Vec<serde_json::Value> = Vec::new();
    for heading in headings {
        let entry = json!({"id": heading.id, "text": heading.text, "children": []});
        match heading.level {
            2 => toc.push(entry),
            3 => match toc
                .last_mut()
                .and_then(|parent| parent["children"].as_array_mut())
            {
                Some(children) => children.push(entry),
                None => toc.push(entry),
            },
            _ => {}
        }
    }
    toc
}

/// `hreflang` alternates for a page available at these URLs (absolute).
fn alternates(project: &Project, translations: &[(usize, String)]) -> Vec<serde_json::Value> {
    let mut list: Vec<serde_json::Value> = translations
        .iter()
        .map(|(l, url)| json!({"lang": project.locale_tags[*l], "href": format!("{}{url}", project.config.base_url)}))
        .collect();
    if let Some((_, url)) = translations.iter().find(|(l, _)| *l == project.reference) {
        list.push(
            json!({"lang": "x-default", "href": format!("{}{url}", project.config.base_url)}),
        );
    }
    list
}

/// schema.org FAQPage data, escaped so it can sit inside a script element.
fn faq_json_ld(document: &technote_markdown::Document) -> Option<String> {
    if document.faq.is_empty() {
        return None;
    }
    let entities: Vec<_> = document
        .faq
        .iter()
        .map(|entry| {
            json!({
                "@type": "Question",
                "name": entry.question,
                "acceptedAnswer": {"@type": "Answer", "text": entry.answer_html},
            })
        })
        .collect();
    let data =
        json!({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": entities});
    Some(script_safe_json(&data))
}

/// JSON for a `<script type="application/json">` block: `<` is escaped so
/// no text can close the element early.
pub fn script_safe_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// The localized notice of translated pages: machine plus human share.
fn translation_notice(page: &crate::load::Page) -> Option<serde_json::Value> {
    let workflow = page.front.workflow_type.as_deref()?;
    Some(json!({
        "machine": workflow.contains("mt"),
        "human_percent": page.front.ht_degree,
        "workflow": workflow,
    }))
}
