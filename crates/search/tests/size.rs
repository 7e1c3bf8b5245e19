//! The index stays small next to the text it covers (CJK locales, whose
//! every pair of characters is a term, are measured in `src/relevance.rs`).

#[path = "support/synthetic.rs"]
mod synthetic;

use technote_search::build_index;
use unic_langid::LanguageIdentifier;

#[test]
fn the_index_is_at_most_30_percent_of_the_text() {
    assert_at_most(30, "fr", &synthetic::Corpus::new(1_000));
}

fn assert_at_most(percent: usize, locale: &str, corpus: &synthetic::Corpus) {
    let locale: LanguageIdentifier = locale.parse().expect("locale");
    let files = build_index(&locale, &corpus.documents()).expect("index builds");
    let index: usize = files.iter().map(|file| file.bytes.len()).sum();
    let text = corpus.text_len();
    assert!(
        index * 100 <= text * percent,
        "index of {index} bytes for {text} bytes of text ({}%)",
        index * 100 / text
    );
}
