//! Time to index 10,000 pages of about 500 words (the site's budget is
//! 150 ms on 2 cores), and the index size against the text, printed once.

#[path = "../tests/support/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use technote_search::build_index;
use unic_langid::LanguageIdentifier;

fn bench(c: &mut Criterion) {
    let corpus = synthetic::Corpus::new(10_000);
    let documents = corpus.documents();
    let locale: LanguageIdentifier = "fr".parse().expect("locale");
    if let Ok(files) = build_index(&locale, &documents) {
        let index: usize = files.iter().map(|file| file.bytes.len()).sum();
        let text = corpus.text_len();
        println!(
            "10,000 pages: {text} bytes of text, index {index} bytes ({:.1}%)",
            index as f64 * 100.0 / text as f64
        );
    }
    let mut group = c.benchmark_group("build_index");
    group.sample_size(20);
    group.bench_function("10k pages of 500 words", |b| {
        b.iter(|| build_index(&locale, &documents))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
