//! What a reader finds with the index `build_index` writes.

use unic_langid::LanguageIdentifier;

use crate::probe::Probe;
use crate::{IndexBuilder, SearchDocument, SearchSection, build_index};

fn section<'a>(id: &'a str, heading: &'a str, text: &'a str) -> SearchSection<'a> {
    SearchSection { id, heading, text }
}

fn french_pages() -> Vec<SearchDocument<'static>> {
    vec![
        SearchDocument {
            url: "fr/technotes/using/ims.html",
            title: "Continuer à se connecter avec IMS",
            intro: "Depuis juin 2021, la connexion par Adobe ID demande des postes récents.",
            sections: vec![
                section(
                    "mise-a-jour",
                    "Mise à jour du serveur",
                    "Installez la mise à jour du serveur avant celle des consoles clientes.",
                ),
                section(
                    "pourquoi-echec",
                    "Pourquoi ma connexion échoue-t-elle ?",
                    "Le moteur d’Internet Explorer du poste est trop ancien.",
                ),
            ],
        },
        SearchDocument {
            url: "fr/technotes/using/console.html",
            title: "Configuration Windows de la console",
            intro: "La console cliente fonctionne sous Windows.",
            sections: vec![section(
                "webview",
                "Consoles récentes",
                "Le runtime WebView2 remplace Internet Explorer.",
            )],
        },
    ]
}

fn probe(locale: &str, documents: &[SearchDocument]) -> Probe {
    let locale: LanguageIdentifier = locale.parse().expect("test locale");
    let files = build_index(&locale, documents).expect("index builds");
    // The head, then a shard of pages and one of terms for a small site.
    assert_eq!(files.len(), 3);
    assert_eq!(files[0].path, format!("{locale}/index.bin"));
    Probe::read(&locale.to_string(), &files)
}

#[test]
fn a_query_without_accents_finds_accented_text() {
    let probe = probe("fr", &french_pages());
    assert_eq!(
        probe.search("mise a jour"),
        ["fr/technotes/using/ims.html#mise-a-jour"]
    );
    assert_eq!(
        probe.search("ECHOUE"),
        ["fr/technotes/using/ims.html#pourquoi-echec"]
    );
}

#[test]
fn a_plural_finds_the_singular() {
    let probe = probe("fr", &french_pages());
    assert_eq!(
        probe.search("mises à jour"),
        ["fr/technotes/using/ims.html#mise-a-jour"]
    );
    assert_eq!(
        probe.search("console cliente"),
        [
            "fr/technotes/using/ims.html#mise-a-jour",
            "fr/technotes/using/console.html"
        ],
    );
}

#[test]
fn a_faq_question_links_to_its_entry() {
    let probe = probe("fr", &french_pages());
    assert_eq!(
        probe.search("pourquoi connexion"),
        ["fr/technotes/using/ims.html#pourquoi-echec"]
    );
}

#[test]
fn title_words_count_for_every_section_of_the_page() {
    let probe = probe("fr", &french_pages());
    assert_eq!(
        probe.search("IMS Internet Explorer"),
        ["fr/technotes/using/ims.html#pourquoi-echec"]
    );
    assert_eq!(
        probe.search("IMS"),
        [
            "fr/technotes/using/ims.html",
            "fr/technotes/using/ims.html#mise-a-jour",
            "fr/technotes/using/ims.html#pourquoi-echec",
        ]
    );
}

#[test]
fn title_and_heading_hits_weigh_more_than_body_hits() {
    let probe = probe("fr", &french_pages());
    let weights = |term: &str| probe.postings(&probe.terms(term)[0]);
    // Section 0 is the IMS page's intro, 1 and 2 its sections, 3 the
    // console page's intro, 4 its section.
    assert_eq!(weights("IMS"), [(0, 3)]);
    assert_eq!(weights("serveur"), [(1, 2)]);
    assert_eq!(weights("Explorer"), [(2, 0), (4, 0)]);
}

#[test]
fn stop_words_are_not_indexed() {
    let probe = probe("fr", &french_pages());
    assert!(!probe.has_term("la") && !probe.has_term("du") && !probe.has_term("a"));
    assert_eq!(probe.stemmer, "french");
    assert_eq!(probe.language, "fr");
}

#[test]
fn a_locale_without_a_stemmer_says_so() {
    assert_eq!(probe("ja", &[]).stemmer, "");
    assert_eq!(probe("pt-BR", &[]).stemmer, "portuguese");
}

#[test]
fn english_stems_and_folds_too() {
    let pages = [SearchDocument {
        url: "en/technotes/using/ims.html",
        title: "Keep signing in with IMS",
        intro: "",
        sections: vec![section(
            "how-to-update",
            "How to update",
            "Update the server first, then the client consoles. Café naïve résumé.",
        )],
    }];
    let probe = probe("en", &pages);
    assert_eq!(
        probe.search("updating console"),
        ["en/technotes/using/ims.html#how-to-update"]
    );
    assert_eq!(
        probe.search("naive resume"),
        ["en/technotes/using/ims.html#how-to-update"]
    );
    assert!(probe.search("the of and").is_empty());
}

#[test]
fn empty_input_gives_an_empty_index() {
    let probe = probe("en", &[]);
    assert!(probe.search("anything").is_empty());
}

#[test]
fn odd_text_is_indexed_without_trouble() {
    let long_word = "x".repeat(10_000);
    let pages = [SearchDocument {
        url: "en/odd/",
        title: "<script>alert(1)</script>",
        intro: &long_word,
        sections: vec![section("", "", ".*+?( \u{301}\u{301} \0 \u{fffd}")],
    }];
    let probe = probe("en", &pages);
    assert_eq!(probe.search("script"), ["en/odd/", "en/odd/#"]);
    // Indexed by its first characters, and found.
    assert_eq!(probe.search(&long_word), ["en/odd/"]);
}

#[test]
fn the_index_does_not_depend_on_the_number_of_threads() {
    let locale: LanguageIdentifier = "fr".parse().expect("test locale");
    let mut pages = french_pages();
    pages.extend(french_pages());
    pages.extend(french_pages());
    let build = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        pool.install(|| build_index(&locale, &pages).expect("index builds"))
    };
    assert_eq!(build(1), build(4));
}

#[test]
fn pages_added_in_batches_index_as_all_at_once() {
    let locale: LanguageIdentifier = "fr".parse().expect("locale");
    let mut pages = french_pages();
    pages.extend(french_pages().into_iter().map(|page| SearchDocument {
        url: "fr/technotes/using/copy.html",
        ..page
    }));
    let at_once = build_index(&locale, &pages).expect("index builds");
    let mut batches = IndexBuilder::new(&locale);
    for batch in [&pages[..1], &pages[1..3], &pages[3..]] {
        batches.add(batch).expect("batch adds");
    }
    assert_eq!(batches.finish(), at_once);
}

#[test]
fn a_large_locale_is_cut_into_shards_a_query_fetches_few_of() {
    let locale: LanguageIdentifier = "en".parse().expect("locale");
    let words = [
        "mailer", "server", "report", "export", "schedule", "archive", "channel",
    ];
    let texts: Vec<(String, String, String)> = (0..3000)
        .map(|n| {
            let body: String = (0..60)
                .map(|w| format!("{}{} ", words[(n + w) % words.len()], (n * 7 + w) % 997))
                .collect();
            (format!("en/page-{n}.html"), format!("Page {n}"), body)
        })
        .collect();
    let pages: Vec<SearchDocument> = texts
        .iter()
        .map(|(url, title, body)| SearchDocument::from_plain_text(url, title, body, &[]))
        .collect();
    let files = build_index(&locale, &pages).expect("index builds");
    let size = |prefix: &str| -> Vec<usize> {
        files
            .iter()
            .filter(|f| f.path.starts_with(prefix))
            .map(|f| f.bytes.len())
            .collect()
    };
    let (head, terms, page_shards) = (size("en/index"), size("en/terms-"), size("en/pages-"));
    assert!(
        terms.len() > 1 && page_shards.len() > 1,
        "{} and {} shards",
        terms.len(),
        page_shards.len()
    );
    // What a one-word first query fetches at most: the head, a shard of
    // terms, and the page shards of ten results.
    let largest = |sizes: &[usize]| sizes.iter().copied().max().unwrap_or(0);
    let first_query = head[0] + largest(&terms) + page_shards.len().min(10) * largest(&page_shards);
    let all: usize = files.iter().map(|f| f.bytes.len()).sum();
    assert!(
        first_query * 2 < all,
        "a first query fetches {first_query} of {all} bytes"
    );
    assert!(head[0] * 10 < all, "a head of {} of {all} bytes", head[0]);
    // Every page and term is found across the shards.
    let probe = Probe::read("en", &files);
    assert_eq!(probe.ranked("Page 2999", 1), ["en/page-2999.html"]);
    assert!(probe.has_term("page"));
}
