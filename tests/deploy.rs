//! What a deploy needs from a build: the published address for one build
//! (`--base-url`, `TECHNOTE_BASE_URL`), precompressed copies, and the files
//! Netlify-style hosts read.

mod common;

use std::fs;
use std::io::Read;
use std::process::Command;

use common::stderr;

fn initialized() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = common::technote(&["init", &dir.path().to_string_lossy()]);
    assert!(made.status.success(), "{}", stderr(&made));
    dir
}

#[test]
fn the_environment_sets_the_address_of_one_build_and_copies_are_precompressed() {
    let dir = initialized();
    let built = Command::new(env!("CARGO_BIN_EXE_technote"))
        .args(["build", "--precompress", "--root"])
        .arg(dir.path())
        .env("TECHNOTE_BASE_URL", "https://preview.example.net/pr-12")
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    let public = dir.path().join("public");
    let page_path = public.join("en/technotes/getting-started.html");
    let page = fs::read_to_string(&page_path).unwrap();
    assert!(
        page.contains(r#"<link rel="canonical" href="https://preview.example.net/pr-12/en/technotes/getting-started.html">"#),
        "{page}"
    );
    // Stylesheets and scripts go by a content-hashed name, also written.
    let hashed = page
        .split(r#"<link rel="stylesheet" href="/pr-12/assets/"#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert!(
        hashed.starts_with("style.")
            && hashed.ends_with(".css")
            && hashed.len() == "style.0123456789.css".len(),
        "{hashed}"
    );
    assert_eq!(
        fs::read(public.join("assets").join(hashed)).unwrap(),
        fs::read(public.join("assets/style.css")).unwrap()
    );
    // technote.toml keeps its own address.
    assert!(
        fs::read_to_string(dir.path().join("technote.toml"))
            .unwrap()
            .contains("https://docs.example.org/")
    );

    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(
        fs::File::open(public.join("en/technotes/getting-started.html.gz")).unwrap(),
    )
    .read_to_string(&mut unzipped)
    .unwrap();
    assert_eq!(unzipped, page);
    assert!(
        public
            .join("en/technotes/getting-started.html.br")
            .is_file()
    );
    assert!(
        public
            .join("assets/checker/technote_checker_bg.wasm.br")
            .is_file()
    );

    // Below a path, robots.txt says where it must go to be read.
    let robots = fs::read_to_string(public.join("robots.txt")).unwrap();
    assert!(
        robots.contains("copy these lines into https://preview.example.net/robots.txt"),
        "{robots}"
    );
    assert!(robots.contains("Allow: /pr-12/"));
}

#[test]
fn a_base_url_that_is_no_web_address_is_a_usage_error_naming_the_flag() {
    let dir = initialized();
    let built = common::technote(&[
        "build",
        "--base-url",
        "docs.example.org",
        "--root",
        &dir.path().to_string_lossy(),
    ]);
    assert_eq!(built.status.code(), Some(2));
    assert!(
        stderr(&built).contains("'--base-url <BASE_URL>': the base URL is not an absolute URL"),
        "{}",
        stderr(&built)
    );
    assert!(!dir.path().join("public").exists());
}

#[test]
fn netlify_style_hosts_get_language_choice_per_locale_404s_and_headers() {
    let dir = initialized();
    let built = common::technote(&["build", "--root", &dir.path().to_string_lossy()]);
    assert!(built.status.success(), "{}", stderr(&built));
    let public = dir.path().join("public");
    let redirects = fs::read_to_string(public.join("_redirects")).unwrap();
    assert_eq!(
        redirects,
        "/ /fr/ 302! Language=fr,fr-be,fr-ca,fr-ch,fr-fr\n\
         / /en/ 302! Language=en,en-au,en-ca,en-gb,en-ie,en-in,en-nz,en-us,en-za\n\
         /en/* /en/404.html 404\n/fr/* /fr/404.html 404\n"
    );
    let headers = fs::read_to_string(public.join("_headers")).unwrap();
    assert!(
        headers.contains("  Content-Security-Policy: default-src 'self'"),
        "{headers}"
    );
    assert!(headers.contains("/assets/search/*\n  Content-Type: application/octet-stream"));
    let page = fs::read_to_string(public.join("en/technotes/getting-started.html")).unwrap();
    let script = page
        .split(r#"<script type="module" src="/assets/"#)
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap();
    assert!(
        headers.contains(&format!(
            "/assets/{script}\n  Cache-Control: public, max-age=31536000, immutable\n"
        )),
        "{headers}"
    );
    // Without --precompress, no copies.
    assert!(!public.join("en/index.html.gz").exists());
}

#[test]
fn an_edited_stylesheet_gets_a_new_name_in_every_page() {
    let dir = initialized();
    let root = dir.path().to_string_lossy().into_owned();
    let stylesheet = |page: &str| {
        let html = fs::read_to_string(dir.path().join("public").join(page)).unwrap();
        html.split(r#"<link rel="stylesheet" href="/assets/"#)
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_string()
    };
    assert!(
        common::technote(&["build", "--root", &root])
            .status
            .success()
    );
    let before = stylesheet("en/technotes/getting-started.html");
    fs::create_dir_all(dir.path().join("www")).unwrap();
    fs::write(dir.path().join("www/style.css"), "body { margin: 0 }\n").unwrap();
    assert!(
        common::technote(&["build", "--root", &root])
            .status
            .success()
    );
    let after = stylesheet("en/technotes/getting-started.html");
    assert_ne!(before, after);
    assert_eq!(stylesheet("fr/index.html"), after);
    assert_eq!(
        fs::read_to_string(dir.path().join("public/assets").join(&after)).unwrap(),
        "body { margin: 0 }\n"
    );
    assert!(!dir.path().join("public/assets").join(&before).exists());
}
