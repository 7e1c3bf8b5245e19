//! The index stays small next to the text it covers.

#[path = "support/synthetic.rs"]
mod synthetic;

use technote_search::build_index;
use unic_langid::LanguageIdentifier;

#[test]
fn the_index_is_at_most_30_percent_of_the_text() {
    let corpus = synthetic::Corpus::new(1_000);
    let locale: LanguageIdentifier = "fr".parse().expect("locale");
    let files = build_index(&locale, &corpus.documents()).expect("index builds");
    let index: usize = files.iter().map(|file| file.bytes.len()).sum();
    let text = corpus.text_len();
    assert!(
        index * 100 <= text * 30,
        "index of {index} bytes for {text} bytes of text ({}%)",
        index * 100 / text
    );
}
