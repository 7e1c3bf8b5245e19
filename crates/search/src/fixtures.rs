//! The fixtures `tests/search/` (Node) runs the browser code on: a small
//! index per locale, and the term every listed word becomes. Each test here
//! fails when a committed fixture differs from what the crate now writes;
//! `TECHNOTE_UPDATE_FIXTURES=1 cargo test -p technote-search` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;

use crate::probe::{Group, Probe};
use crate::runs::for_each_run;
use crate::{IndexFile, SearchDocument, SectionStart, build_index};

const FRENCH_UPDATE: &str = "\
Mettre à jour votre environnement pour garder la connexion IMS
Depuis juin 2021, la connexion avec un Adobe ID demande une console cliente récente.
Qui est concerné ?
Les opérateurs qui se connectent avec un Adobe ID sur une console ancienne.
Comment faire la mise à jour
Installez d’abord la mise à jour du serveur, puis déployez la console sur chaque poste.
Vérifiez ensuite le build affiché dans la fenêtre À propos.
Questions fréquentes
Les clients hébergés doivent-ils agir ?
Seulement pour la console : Adobe met le serveur à niveau.
Pourquoi ma connexion échoue-t-elle encore ?
Le moteur d’Internet Explorer du poste est trop ancien : installez les mises à jour de Windows.
";

const FRENCH_CONSOLE: &str = "\
Configuration Windows requise pour la console
La console cliente est un programme Windows installé sur chaque poste.
Consoles récentes
À partir de la v7.3, la console utilise le runtime WebView2 au lieu d’Internet Explorer.
Balises et caractères spéciaux
Un exemple de code cite la balise <script> et l’expression .*+?( telles quelles.
";

const ENGLISH_UPDATE: &str = "\
Update your environment to keep signing in with IMS
Since June 2021, signing in with an Adobe ID needs a recent client console.
Who is affected?
Operators who sign in with an Adobe ID on an old console.
How to update
Install the server update first, then deploy the console on every workstation.
Then check the build shown in the About window.
Frequently asked questions
Do hosted customers need to act?
Only for the console: Adobe upgrades the server.
Why does signing in still fail?
The workstation's Internet Explorer engine is too old: install the Windows updates.
";

const ENGLISH_CONSOLE: &str = "\
Windows requirements for the client console
The client console is a Windows program installed on each workstation.
Recent consoles
From v7.3, the console uses the WebView2 runtime instead of Internet Explorer.
Tags and special characters
A code sample quotes the <script> tag and the expression .*+?( as they are.
";

fn start<'a>(id: &'a str, heading: &'a str) -> SectionStart<'a> {
    SectionStart { id, heading }
}

fn french() -> Vec<SearchDocument<'static>> {
    vec![
        SearchDocument::from_plain_text(
            "fr/technotes/using/ims-sign-in-update.html",
            "Mettre à jour votre environnement pour garder la connexion IMS",
            FRENCH_UPDATE,
            &[
                start("qui-est-concerne", "Qui est concerné ?"),
                start("comment-mettre-a-jour", "Comment faire la mise à jour"),
                start("faq", "Questions fréquentes"),
                start(
                    "clients-heberges",
                    "Les clients hébergés doivent-ils agir ?",
                ),
                start(
                    "echec-connexion",
                    "Pourquoi ma connexion échoue-t-elle encore ?",
                ),
            ],
        ),
        SearchDocument::from_plain_text(
            "fr/technotes/using/console-windows-requirements.html",
            "Configuration Windows requise pour la console",
            FRENCH_CONSOLE,
            &[
                start("consoles-recentes", "Consoles récentes"),
                start("caracteres-speciaux", "Balises et caractères spéciaux"),
            ],
        ),
    ]
}

fn english() -> Vec<SearchDocument<'static>> {
    vec![
        SearchDocument::from_plain_text(
            "en/technotes/using/ims-sign-in-update.html",
            "Update your environment to keep signing in with IMS",
            ENGLISH_UPDATE,
            &[
                start("who-is-affected", "Who is affected?"),
                start("how-to-update", "How to update"),
                start("faq", "Frequently asked questions"),
                start("hosted-customers", "Do hosted customers need to act?"),
                start("sign-in-fails", "Why does signing in still fail?"),
            ],
        ),
        SearchDocument::from_plain_text(
            "en/technotes/using/console-windows-requirements.html",
            "Windows requirements for the client console",
            ENGLISH_CONSOLE,
            &[
                start("recent-consoles", "Recent consoles"),
                start("special-characters", "Tags and special characters"),
            ],
        ),
    ]
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/search/fixtures")
}

/// Rewrites the fixture when asked to, else checks it is current.
pub(crate) fn check_fixture(relative: &str, fresh: &[u8]) {
    let path = fixtures_dir().join(relative);
    if std::env::var_os("TECHNOTE_UPDATE_FIXTURES").is_some() {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the fixtures folder");
        }
        std::fs::write(&path, fresh).expect("write the fixture");
        return;
    }
    let committed = std::fs::read(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date: run `TECHNOTE_UPDATE_FIXTURES=1 cargo test -p technote-search` and commit it",
        path.display()
    );
}

fn check_index(locale: &str, documents: &[SearchDocument]) -> Vec<IndexFile> {
    let locale: LanguageIdentifier = locale.parse().expect("fixture locale");
    let files = build_index(&locale, documents).expect("fixture index builds");
    check_index_files("", &files);
    files
}

/// Checks an index's files below `prefix` (its folder is the locale's),
/// and that the folder holds no other index file: shards are named by
/// their content, so an outdated one would linger.
pub(crate) fn check_index_files(prefix: &str, files: &[IndexFile]) {
    let mut folder = None;
    for file in files {
        let relative = format!("{prefix}{}", file.path);
        folder = Path::new(&relative).parent().map(Path::to_path_buf);
        check_fixture(&relative, &file.bytes);
    }
    let Some(folder) = folder else { return };
    let expected: Vec<&str> = files
        .iter()
        .filter_map(|f| f.path.rsplit('/').next())
        .collect();
    let dir = fixtures_dir().join(&folder);
    for entry in std::fs::read_dir(&dir).expect("fixture folder").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".bin") && !expected.contains(&name.as_str()) {
            if std::env::var_os("TECHNOTE_UPDATE_FIXTURES").is_some() {
                std::fs::remove_file(entry.path()).expect("remove an outdated shard");
            } else {
                panic!(
                    "{} is not a file of the index any more: run `TECHNOTE_UPDATE_FIXTURES=1 cargo test -p technote-search`",
                    entry.path().display()
                );
            }
        }
    }
}

/// Every listed word (as written) and the terms a query of it looks for
/// (a stop word's too, though the index leaves it out: it matches nothing).
fn check_terms(locale: &str, index: &[IndexFile]) {
    let probe = Probe::read(locale, index);
    let list = std::fs::read_to_string(fixtures_dir().join(format!("words-{locale}.txt")))
        .expect("word list");
    let mut terms: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for word in list.lines() {
        let mut runs = Vec::new();
        for_each_run(word, |run, _| runs.push(run));
        assert_eq!(runs, [word], "the list holds single words");
        // A space after the word: it is complete, nothing is matched by prefix.
        let groups = probe.groups(&format!("{word} "));
        terms.insert(word, groups.into_iter().map(Group::describe).collect());
    }
    let mut json = serde_json::to_string_pretty(&terms).expect("JSON");
    json.push('\n');
    check_fixture(&format!("terms-{locale}.json"), json.as_bytes());
}

#[test]
fn french_index_fixture_is_current() {
    check_index("fr", &french());
}

#[test]
fn english_index_fixture_is_current() {
    check_index("en", &english());
}

#[test]
fn french_terms_fixture_is_current() {
    check_terms(
        "fr",
        &build_index(&"fr".parse().expect("locale"), &french()).expect("index"),
    );
}

#[test]
fn english_terms_fixture_is_current() {
    check_terms(
        "en",
        &build_index(&"en".parse().expect("locale"), &english()).expect("index"),
    );
}

#[test]
fn fixture_pages_split_into_their_sections() {
    let pages = french();
    let update = &pages[0];
    assert!(update.intro.starts_with("Mettre à jour"));
    let failing = &update.sections[4];
    assert_eq!(failing.id, "echec-connexion");
    assert!(failing.text.starts_with("Le moteur d’Internet Explorer"));
}

/// Words of the many-sections fixture: few enough that each is in far more
/// sections than a term keeps with it ([`crate::format::BEST_POSTINGS`]).
const MANY_WORDS: [&str; 16] = [
    "server", "console", "token", "workflow", "campaign", "delivery", "profile", "audience",
    "schema", "segment", "report", "journey", "offer", "channel", "import", "export",
];

/// A page of the many-sections fixture: url, title, text, and its
/// sections as (id, heading).
type ManyPage = (String, String, String, Vec<(String, String)>);

/// The pages of the many-sections fixture: 240 English pages of three sections, their words drawn by a
/// fixed sequence, so that titles, headings and bodies share words.
fn many_pages() -> Vec<ManyPage> {
    let mut state: u32 = 0x2545_f491;
    let mut word = move || {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        MANY_WORDS[state as usize % MANY_WORDS.len()]
    };
    (0..240)
        .map(|page| {
            let title = format!("{} {} {page}", word(), word());
            let mut text = format!("{title}\nThe {} and the {}.\n", word(), word());
            let mut sections = Vec::new();
            for number in 0..3 {
                let heading = format!("{} {}", word(), word());
                let body: Vec<&str> = (0..6).map(|_| word()).collect();
                text.push_str(&format!("{heading}\n{}.\n", body.join(" ")));
                sections.push((format!("s{number}"), heading));
            }
            (format!("en/many/page-{page}.html"), title, text, sections)
        })
        .collect()
}

fn many_index() -> Vec<IndexFile> {
    let pages = many_pages();
    let starts: Vec<Vec<SectionStart>> = (pages.iter())
        .map(|(_, _, _, sections)| {
            (sections.iter())
                .map(|(id, heading)| start(id, heading))
                .collect()
        })
        .collect();
    let documents: Vec<SearchDocument> = (pages.iter().zip(&starts))
        .map(|((url, title, text, _), starts)| {
            SearchDocument::from_plain_text(url, title, text, starts)
        })
        .collect();
    build_index(&"en".parse().expect("locale"), &documents).expect("index")
}

/// `tests/search/search-more.test.mjs` checks that a first query ranks as
/// the whole index does while fetching only each term's best sections.
#[test]
fn many_sections_fixture_is_current() {
    let files = many_index();
    check_index_files("many/", &files);
    assert!(
        files.iter().any(|f| f.path.contains("/rest-")),
        "terms have more sections than they keep"
    );
    let probe = Probe::read("en", &files);
    assert!(probe.postings("server").len() > crate::format::BEST_POSTINGS * 2);
}
