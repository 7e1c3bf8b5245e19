#[path = "../tests/support/synthetic.rs"]
mod synthetic;
fn main() {
    let pages: usize = std::env::var("PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let corpus = synthetic::Corpus::new(pages);
    let documents = corpus.documents();
    eprintln!("text {}", corpus.text_len());
    let locale: unic_langid::LanguageIdentifier = "fr".parse().unwrap();
    let threads: usize = std::env::var("T")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .unwrap();
    let mut best = std::time::Duration::MAX;
    for _ in 0..runs {
        let t = std::time::Instant::now();
        let files = technote_search::build_index(&locale, &documents).unwrap();
        if let Some(out) = std::env::var_os("OUT") {
            std::fs::write(out, &files[0].bytes).unwrap();
        }
        std::hint::black_box(files);
        best = best.min(t.elapsed());
    }
    println!("best of {runs}: {best:?}");
}
