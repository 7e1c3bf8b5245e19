//! What every generated page must hold to under its Content-Security-Policy,
//! and the hostile texts of the `script-in-front-matter` case shown as text.

use std::fs;
use std::path::Path;

use scraper::{ElementRef, Html, Selector};

use crate::common::files;

/// Texts of the hostile page (`content/en/technotes/using/hostile.md`) as a
/// reader must see them.
const HOSTILE_TITLE: &str = "</title><script>alert(1)</script> & friends";
const HOSTILE_DESCRIPTION: &str =
    "<script>alert(2)</script> \"quoted\" <b onmouseover=alert(3)>text</b>";
const HOSTILE_QUESTION: &str = "What does </script><script>alert(4)</script> do?";
const HOSTILE_PAGE: &str = "en/technotes/using/hostile.html";

/// Script types that hold data, never code.
const DATA_SCRIPTS: [&str; 2] = ["application/json", "application/ld+json"];

/// Every problem of every page of the site in `out`.
pub fn scan(out: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for file in files(out) {
        if file.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let source = fs::read_to_string(out.join(&file)).expect("read a page");
        let name = file.display();
        if source.contains("<script>alert") {
            problems.push(format!("{name}: a hostile text became a script element"));
        }
        let html = Html::parse_document(&source);
        problems.extend(
            csp_problems(&html)
                .into_iter()
                .map(|p| format!("{name}: {p}")),
        );
        problems.extend(
            markup_problems(&html)
                .into_iter()
                .map(|p| format!("{name}: {p}")),
        );
    }
    problems.extend(hostile_texts(out));
    problems
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    html.select(&selector).collect()
}

fn csp_problems(html: &Html) -> Vec<String> {
    let metas = select(html, r#"meta[http-equiv="Content-Security-Policy"]"#);
    let [meta] = metas.as_slice() else {
        return vec![format!("{} CSP meta elements, not one", metas.len())];
    };
    let policy = meta.value().attr("content").unwrap_or_default();
    let directive = |name: &str| -> Option<Vec<&str>> {
        policy.split(';').find_map(|d| {
            let mut words = d.split_whitespace();
            (words.next() == Some(name)).then(|| words.collect())
        })
    };
    let mut problems = Vec::new();
    for (name, required) in [
        ("default-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'none'"),
    ] {
        if directive(name).is_none_or(|values| values != [required]) {
            problems.push(format!("CSP `{policy}` lacks `{name} {required}`"));
        }
    }
    match directive("script-src") {
        None => problems.push(format!("CSP `{policy}` has no script-src")),
        Some(values) if values.contains(&"'unsafe-inline'") => {
            problems.push(format!("CSP `{policy}` allows inline scripts"));
        }
        Some(_) => {}
    }
    problems
}

fn markup_problems(html: &Html) -> Vec<String> {
    let mut problems = Vec::new();
    for script in select(html, "script") {
        let element = script.value();
        let data = element
            .attr("type")
            .is_some_and(|t| DATA_SCRIPTS.contains(&t));
        if element.attr("src").is_none() && !data {
            problems.push(format!("inline script: {}", script.html()));
        }
    }
    if !select(html, "style").is_empty() {
        problems.push("a <style> element".into());
    }
    for element in select(html, "*") {
        for (name, _) in element.value().attrs() {
            if name == "style" || name.starts_with("on") {
                problems.push(format!(
                    "attribute `{name}` on <{}>",
                    element.value().name()
                ));
            }
        }
    }
    for link in select(html, r#"a[target="_blank"]"#) {
        let rel = link.value().attr("rel").unwrap_or_default();
        if !rel.split_whitespace().any(|r| r == "noopener") {
            problems.push(format!(
                "new-tab link without rel=noopener: {}",
                link.html()
            ));
        }
    }
    problems
}

/// The hostile page's title, description and question, wherever they show.
fn hostile_texts(out: &Path) -> Vec<String> {
    let read =
        |path: &str| Html::parse_document(&fs::read_to_string(out.join(path)).unwrap_or_default());
    let page = read(HOSTILE_PAGE);
    let home = read("en/index.html");
    let mut problems = Vec::new();
    let mut expect = |what: &str, found: bool| {
        if !found {
            problems.push(format!("the hostile {what} is not shown as text"));
        }
    };
    let title: String = select(&page, "title")
        .iter()
        .flat_map(|t| t.text())
        .collect();
    expect("title in <title>", title.contains(HOSTILE_TITLE));
    let h1: String = select(&page, "h1").iter().flat_map(|t| t.text()).collect();
    expect("title in <h1>", h1.contains(HOSTILE_TITLE));
    let description = select(&page, r#"meta[name="description"]"#)
        .first()
        .and_then(|m| m.value().attr("content"))
        .unwrap_or_default()
        .to_string();
    expect("description in <meta>", description == HOSTILE_DESCRIPTION);
    let listing: String = select(&home, "main")
        .iter()
        .flat_map(|m| m.text())
        .collect();
    expect("title in the home listing", listing.contains(HOSTILE_TITLE));
    expect(
        "description in the home listing",
        listing.contains(HOSTILE_DESCRIPTION),
    );
    let json_ld: Option<serde_json::Value> = select(&page, r#"script[type="application/ld+json"]"#)
        .first()
        .and_then(|s| serde_json::from_str(&s.text().collect::<String>()).ok());
    let question = json_ld
        .as_ref()
        .and_then(|data| data["mainEntity"][0]["name"].as_str())
        .unwrap_or_default();
    expect("question in the JSON-LD", question == HOSTILE_QUESTION);
    problems
}
