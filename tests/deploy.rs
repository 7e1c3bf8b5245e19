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
    assert!(page.contains(r#"href="/pr-12/assets/style.css""#));
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
        "/ /fr/ 302! Language=fr\n/ /en/ 302! Language=en\n/en/* /en/404.html 404\n/fr/* /fr/404.html 404\n"
    );
    let headers = fs::read_to_string(public.join("_headers")).unwrap();
    assert!(
        headers.contains("  Content-Security-Policy: default-src 'self'"),
        "{headers}"
    );
    assert!(headers.contains("/assets/search/*\n  Content-Type: application/octet-stream"));
    // Without --precompress, no copies.
    assert!(!public.join("en/index.html.gz").exists());
}
