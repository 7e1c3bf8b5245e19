//! Translators' `.ftl` files: loading them for the site and linting them.

use std::cell::RefCell;
use std::fs;
use std::path::PathBuf;

use technote_i18n::Localizer;
use technote_i18n::lint::compare_locales;
use unic_langid::LanguageIdentifier;

thread_local! {
    /// One folder per fuzzing process, rewritten for every input: the lint
    /// reads files, and creating a folder per input would dominate the run.
    static LOCALES_DIR: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
}

/// The bytes before the first NUL are the reference (`en`) file, the rest
/// the translation (`fr`). Loads both into a localizer, formats every
/// message, then lints the same files.
pub fn fluent(data: &[u8]) {
    let (reference_bytes, translation_bytes) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[][..]),
    };
    let en = locale("en");
    let fr = locale("fr");
    let sources = vec![
        (
            en.clone(),
            PathBuf::from("locales/en/fuzz.ftl"),
            lossy(reference_bytes),
        ),
        (
            fr.clone(),
            PathBuf::from("locales/fr/fuzz.ftl"),
            lossy(translation_bytes),
        ),
    ];
    let loaded = Localizer::from_sources(sources, &en);
    if let Ok(localizer) = &loaded {
        for locale in [&en, &fr] {
            for id in localizer.message_ids(locale) {
                let _ = localizer.format(locale, &id, None);
                let _ = localizer.template(locale, &id);
            }
        }
    }

    let report = LOCALES_DIR.with(|cell| {
        let mut dir = cell.borrow_mut();
        let dir = dir.get_or_insert_with(|| tempfile::tempdir().expect("a temporary folder"));
        for (locale, bytes) in [(&en, reference_bytes), (&fr, translation_bytes)] {
            let folder = dir.path().join(locale.to_string());
            fs::create_dir_all(&folder).expect("create a locale folder");
            fs::write(folder.join("fuzz.ftl"), bytes).expect("write a fuzz input");
        }
        compare_locales(dir.path(), &en, &[en.clone(), fr.clone()])
    });
    if report.has_errors() && std::str::from_utf8(data).is_ok() {
        assert!(
            loaded.is_err(),
            "the lint found errors the build accepts: {:#?}",
            report.diagnostics
        );
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn locale(tag: &str) -> LanguageIdentifier {
    tag.parse().expect("a valid language tag")
}
