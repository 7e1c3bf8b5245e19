//! Time to index 10,000 pages of about 500 words (the site's budget is
//! 150 ms on 2 cores), and as many Japanese pages, and the index size
//! against the text, printed once.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use technote_search::build_index;
use unic_langid::LanguageIdentifier;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("build_index");
    group.sample_size(20);
    for (name, locale, corpus) in [
        (
            "10k pages of 500 words",
            "fr",
            synthetic::Corpus::new(10_000),
        ),
        // Every pair of characters is a term: the cost of CJK text.
        (
            "10k Japanese pages of 1,500 characters",
            "ja",
            synthetic::Corpus::japanese(10_000),
        ),
    ] {
        let documents = corpus.documents();
        let locale: LanguageIdentifier = locale.parse().expect("locale");
        if let Ok(files) = build_index(&locale, &documents) {
            let index: usize = files.iter().map(|file| file.bytes.len()).sum();
            let text = corpus.text_len();
            println!(
                "{name}: {text} bytes of text, index {index} bytes ({:.1}%)",
                index as f64 * 100.0 / text as f64
            );
        }
        group.bench_function(name, |b| b.iter(|| build_index(&locale, &documents)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
