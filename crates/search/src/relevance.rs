//! The measured relevance test: for each of the twelve locales the sites
//! are published in, short pages in that language (`tests/search/relevance/
//! <locale>.txt`, our own text) and queries a reader would type; each must
//! find its page among the first five results, as the browser ranks them.
//! The index and the expected rankings are written as fixtures, and
//! `tests/search/relevance.test.mjs` checks that `www/search.js` ranks the
//! same pages first (`TECHNOTE_UPDATE_FIXTURES=1` rewrites them).

use std::collections::BTreeMap;
use std::path::Path;

use unic_langid::LanguageIdentifier;

use crate::fixtures::{check_fixture, check_index_files};
use crate::probe::{Group, Probe};
use crate::runs::for_each_run;
use crate::{SearchDocument, SearchSection, build_index};

/// Experience League's locales, as their folders are named.
const LOCALES: [&str; 12] = [
    "en", "fr-FR", "de-DE", "es-ES", "it-IT", "ja-JP", "ko-KR", "pt-BR", "zh-Hans", "zh-Hant",
    "nl-NL", "sv-SE",
];
/// Where the expected page must be.
const TOP: usize = 5;
/// The index may take at most this share of the text it covers, in percent.
const MAX_INDEX_PERCENT: usize = 35;

/// A page of the fixture, owning its text.
struct Page {
    slug: String,
    url: String,
    title: String,
    intro: String,
    /// (anchor, heading, text)
    sections: Vec<(String, String, String)>,
}

/// A query and the page (slug) it must find.
struct Query {
    text: String,
    page: String,
}

fn parse(source: &str, locale: &str) -> (Vec<Page>, Vec<Query>) {
    let mut pages: Vec<Page> = Vec::new();
    let mut queries = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let line = line.trim();
        let at = || format!("{locale}.txt:{}", number + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix("== ") {
            let (anchor, heading) = rest
                .split_once(" | ")
                .unwrap_or_else(|| panic!("{}: `== anchor | heading`", at()));
            let page = pages
                .last_mut()
                .unwrap_or_else(|| panic!("{}: a section outside a page", at()));
            page.sections
                .push((anchor.to_string(), heading.to_string(), String::new()));
        } else if let Some(rest) = line.strip_prefix("= ") {
            let (slug, title) = rest
                .split_once(" | ")
                .unwrap_or_else(|| panic!("{}: `= slug | title`", at()));
            pages.push(Page {
                slug: slug.to_string(),
                url: format!("{locale}/technotes/{slug}.html"),
                title: title.to_string(),
                intro: String::new(),
                sections: Vec::new(),
            });
        } else if let Some(query) = line.strip_prefix("? ") {
            let page = pages
                .last()
                .unwrap_or_else(|| panic!("{}: a query outside a page", at()));
            queries.push(Query {
                text: query.to_string(),
                page: page.slug.clone(),
            });
        } else {
            let page = pages
                .last_mut()
                .unwrap_or_else(|| panic!("{}: text outside a page", at()));
            let text = match page.sections.last_mut() {
                Some(section) => &mut section.2,
                None => &mut page.intro,
            };
            text.push_str(line);
            text.push('\n');
        }
    }
    (pages, queries)
}

fn documents(pages: &[Page]) -> Vec<SearchDocument<'_>> {
    pages
        .iter()
        .map(|page| SearchDocument {
            url: &page.url,
            title: &page.title,
            intro: &page.intro,
            sections: (page.sections.iter())
                .map(|(id, heading, text)| SearchSection { id, heading, text })
                .collect(),
        })
        .collect()
}

fn text_bytes(pages: &[Page]) -> usize {
    let sections = |page: &Page| -> usize {
        (page.sections.iter())
            .map(|(_, heading, text)| heading.len() + text.len())
            .sum()
    };
    pages
        .iter()
        .map(|page| page.title.len() + page.intro.len() + sections(page))
        .sum()
}

/// What one locale measured.
struct Measure {
    hits: usize,
    queries: usize,
    index: usize,
    text: usize,
    /// Index and text bytes of [`PAGES_AT_SCALE`] pages made of the
    /// fixture's lines, with a rare word in about every tenth place.
    at_scale: (usize, usize),
}

/// Pages of the sizing corpus: on 15 short pages, URLs, titles and
/// headings, which the index keeps for its results, outweigh the terms.
const PAGES_AT_SCALE: usize = 1_000;

/// [`PAGES_AT_SCALE`] pages of 8 sections of 4 lines drawn from `pages`,
/// so that the index meets the words of the language as a site repeats
/// them, and a vocabulary that keeps growing (one run in ten is a rare
/// word: `term<n>`, or two random ideographs or syllables in CJK text).
fn pages_at_scale(pages: &[Page], locale: &str) -> Vec<Page> {
    let lines: Vec<&str> = (pages.iter())
        .flat_map(|page| {
            let sections = page.sections.iter().map(|(_, _, text)| text.as_str());
            std::iter::once(page.intro.as_str()).chain(sections)
        })
        .flat_map(str::lines)
        .collect();
    let cjk = locale.starts_with("ja") || locale.starts_with("ko") || locale.starts_with("zh");
    let mut random = fastrand::Rng::with_seed(15);
    let rare = |random: &mut fastrand::Rng| -> String {
        if cjk {
            let base = if locale.starts_with("ko") {
                0xac00
            } else {
                0x4e00
            };
            (0..2)
                .filter_map(|_| char::from_u32(base + random.u32(0..8_000)))
                .collect()
        } else {
            format!("term{}", random.u32(0..50_000))
        }
    };
    let line = |random: &mut fastrand::Rng| -> String {
        let text = lines[random.usize(0..lines.len())];
        let mut out = String::new();
        for (position, word) in text.split(' ').enumerate() {
            if position > 0 {
                out.push(' ');
            }
            out.push_str(word);
            if random.u8(0..10) == 0 {
                out.push(' ');
                out.push_str(&rare(random));
            }
        }
        out.push('\n');
        out
    };
    (0..PAGES_AT_SCALE)
        .map(|number| {
            let model = &pages[number % pages.len()];
            Page {
                slug: String::new(),
                url: format!("{locale}/technotes/{}-{number}.html", model.slug),
                title: model.title.clone(),
                intro: line(&mut random),
                sections: (0..8)
                    .map(|section| {
                        let heading = (model.sections.first())
                            .map_or(String::new(), |(_, heading, _)| heading.clone());
                        let text: String = (0..4).map(|_| line(&mut random)).collect();
                        (format!("s{section}"), heading, text)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Every run of the fixture (its vocabulary, as written) and the terms a
/// query of it looks for: the browser must find the same, with its own
/// stemmer (`tests/search/stemmers.test.mjs`).
fn check_terms(locale: &str, source: &str, probe: &Probe) {
    let mut terms: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let text = source.lines().filter(|line| !line.starts_with('#'));
    for line in text {
        for_each_run(line, |run, _| {
            // A space after the run: it is complete, nothing is matched by prefix.
            let groups = probe.groups(&format!("{run} "));
            terms.insert(run, groups.into_iter().map(Group::describe).collect());
        });
    }
    let mut json = serde_json::to_string_pretty(&terms).expect("JSON");
    json.push('\n');
    check_fixture(&format!("relevance/{locale}/terms.json"), json.as_bytes());
}

fn measure(locale: &str) -> Measure {
    let source_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/search/relevance")
        .join(format!("{locale}.txt"));
    let source = std::fs::read_to_string(&source_path).expect("relevance fixture");
    let (pages, queries) = parse(&source, locale);
    assert!(pages.len() >= 15, "{locale}: at least 15 pages");
    let parsed: LanguageIdentifier = locale.parse().expect("locale");
    let files = build_index(&parsed, &documents(&pages)).expect("index builds");
    check_index_files("relevance/", &files);
    let probe = Probe::read(locale, &files);
    let mut expected = Vec::new();
    let mut hits = 0;
    let mut misses = Vec::new();
    for query in &queries {
        let top = probe.ranked(&query.text, TOP);
        let page_url = format!("{locale}/technotes/{}.html", query.page);
        let found = top
            .iter()
            .any(|href| href.split('#').next() == Some(page_url.as_str()));
        if found {
            hits += 1;
        } else {
            misses.push(format!("{:?} -> {} (got {top:?})", query.text, query.page));
        }
        expected.push(serde_json::json!({
            "query": query.text,
            "page": page_url,
            "top": top,
        }));
    }
    let mut json = serde_json::to_string_pretty(&expected).expect("JSON");
    json.push('\n');
    check_fixture(
        &format!("relevance/{locale}/expected.json"),
        json.as_bytes(),
    );
    assert!(
        misses.is_empty(),
        "{locale}: not in the top {TOP}: {misses:#?}"
    );
    check_terms(locale, &source, &probe);
    let large = pages_at_scale(&pages, locale);
    let large_index = build_index(&parsed, &documents(&large)).expect("index builds");
    Measure {
        hits,
        queries: queries.len(),
        index: files.iter().map(|f| f.bytes.len()).sum(),
        text: text_bytes(&pages),
        at_scale: (
            large_index.iter().map(|f| f.bytes.len()).sum(),
            text_bytes(&large),
        ),
    }
}

#[test]
fn every_locale_finds_its_pages_in_the_top_five() {
    let mut table = String::from(
        "| locale | queries | in top 5 | fixture text | its index | 1,000 pages: text | index | index / text |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for locale in LOCALES {
        let m = measure(locale);
        let (index, text) = m.at_scale;
        table.push_str(&format!(
            "| {locale} | {} | {} | {} B | {} B | {} KB | {} KB | {:.1}% |\n",
            m.queries,
            m.hits,
            m.text,
            m.index,
            text / 1000,
            index / 1000,
            index as f64 * 100.0 / text as f64
        ));
        assert!(
            index * 100 <= text * MAX_INDEX_PERCENT,
            "{locale}: index of {index} bytes for {text} bytes of text"
        );
    }
    // `cargo test -p technote-search relevance -- --nocapture` prints the
    // table BENCHMARKS.md shows.
    println!("{table}");
}
