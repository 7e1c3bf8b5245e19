//! Runs every committed corpus input and every past finding through its
//! target, so the fuzzers' findings stay fixed on any toolchain:
//! `cargo test --no-default-features`.

use std::fs;
use std::path::Path;

#[test]
fn every_corpus_input_and_past_finding_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (name, target) in technote_fuzz::TARGETS {
        let corpus = inputs(&root.join("corpus").join(name));
        assert!(!corpus.is_empty(), "fuzz/corpus/{name} has no inputs");
        for input in corpus
            .iter()
            .chain(&inputs(&root.join("regressions").join(name)))
        {
            let bytes = fs::read(input).expect("read a corpus input");
            println!("{}", input.display());
            target(&bytes);
        }
    }
}

/// The files of `dir`, sorted; none when it does not exist.
fn inputs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .collect();
    files.sort();
    files
}
