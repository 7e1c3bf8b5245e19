//! The built-in theme: a project made by `technote init` builds and passes
//! `check` with no templates, www/ or locales/ on disk, and a project's own
//! file at a theme path replaces the built-in one, alone.

mod common;

use std::fs;
use std::path::Path;

use common::{stderr, technote};

fn run(args: &[&str], root: &Path) -> std::process::Output {
    let root = root.to_string_lossy().into_owned();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--root", &root]);
    technote(&all)
}

fn init() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().to_string_lossy().into_owned();
    let made = technote(&["init", &project]);
    assert!(made.status.success(), "{}", stderr(&made));
    dir
}

#[test]
fn an_initialized_project_builds_and_checks_clean_with_no_theme_on_disk() {
    let dir = init();
    for folder in ["templates", "www", "locales"] {
        assert!(!dir.path().join(folder).exists(), "{folder}");
    }
    let built = run(&["build"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let public = dir.path().join("public");
    let english = fs::read_to_string(public.join("en/technotes/getting-started.html")).unwrap();
    let french = fs::read_to_string(public.join("fr/technotes/getting-started.html")).unwrap();
    assert!(english.contains("Writing your first technote"));
    assert!(french.contains("Écrire votre première note technique"));
    // The pages link each other as translations, and the UI speaks each language.
    assert!(english.contains("hreflang=\"fr\""), "{english}");
    assert!(french.contains("lang=\"fr\""));
    assert_eq!(
        fs::read(public.join("assets/style.css")).unwrap(),
        technote_theme_file("www/style.css")
    );

    let checked = run(&["check"], dir.path());
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&checked.stdout),
        stderr(&checked)
    );
    assert!(checked.status.success(), "{report}");
    assert!(report.contains("0 error(s), 0 warning(s)"), "{report}");
}

#[test]
fn a_built_in_widget_renders_in_a_project_with_no_templates_on_disk() {
    let dir = init();
    let page = dir.path().join("content/en/technotes/getting-started.md");
    let mut text = fs::read_to_string(&page).unwrap();
    text.push_str("\n<!-- technote:widget minimum-releases -->\n");
    fs::write(&page, text).unwrap();
    let built = run(&["build"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let english =
        fs::read_to_string(dir.path().join("public/en/technotes/getting-started.html")).unwrap();
    // The theme's table of the catalog's minimum releases, 21.1 among them.
    assert!(english.contains("<table"), "{english}");
    assert!(english.contains("21.1"), "{english}");
}

#[test]
fn init_refuses_a_folder_that_holds_a_project() {
    let dir = init();
    let project = dir.path().to_string_lossy().into_owned();
    let again = technote(&["init", &project]);
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("technote.toml: error: this exists already"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn one_overridden_template_wins_and_the_rest_stay_built_in() {
    let dir = init();
    let ejected = run(&["eject", "templates/404.html"], dir.path());
    assert!(ejected.status.success(), "{}", stderr(&ejected));
    let template = dir.path().join("templates/404.html");
    let default = fs::read_to_string(&template).unwrap();
    assert_eq!(
        default.as_bytes(),
        technote_theme_file("templates/404.html")
    );
    fs::write(&template, default.replace("<h1>", "<h1 data-project-404>")).unwrap();
    fs::create_dir_all(dir.path().join("www")).unwrap();
    fs::write(dir.path().join("www/style.css"), "body { color: teal }\n").unwrap();

    let built = run(&["build"], dir.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let public = dir.path().join("public");
    let not_found = fs::read_to_string(public.join("en/404.html")).unwrap();
    assert!(not_found.contains("data-project-404"), "{not_found}");
    let page = fs::read_to_string(public.join("en/technotes/getting-started.html")).unwrap();
    assert!(!page.contains("data-project-404"));
    assert!(page.contains("Writing your first technote"));
    assert_eq!(
        fs::read_to_string(public.join("assets/style.css")).unwrap(),
        "body { color: teal }\n"
    );
    // The files the project did not replace are still the built-in ones.
    assert_eq!(
        fs::read(public.join("assets/search.js")).unwrap(),
        technote_theme_file("www/search.js")
    );

    // eject never replaces the project's copy.
    let again = run(&["eject", "templates"], dir.path());
    assert!(!again.status.success());
    assert!(
        fs::read_to_string(&template)
            .unwrap()
            .contains("data-project-404")
    );
}

/// The built-in file, as the repository's own folders hold it (the theme's source).
fn technote_theme_file(path: &str) -> Vec<u8> {
    fs::read(common::repo_root().join(path)).expect("theme file")
}
