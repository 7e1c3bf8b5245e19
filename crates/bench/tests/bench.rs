//! The benchmark on small corpora: what it generates, what it reports, and
//! how it fails.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use technote_bench::{BenchError, BenchOptions, Workload, run};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn options(work_dir: &Path, pages: usize, locales: usize) -> BenchOptions {
    BenchOptions {
        workload: Workload::Synthetic { pages, locales },
        runs: 1,
        work_dir: work_dir.to_path_buf(),
        source_root: repo_root(),
        embedded_assets: &[],
        child_build: None,
    }
}

fn files_under(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                found.push(path);
            }
        }
    }
    found
}

#[test]
fn a_small_corpus_builds_and_every_measure_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let report = run(&options(dir.path(), 20, 2)).unwrap();

    assert_eq!(
        (report.pages, report.technotes, report.locales),
        (20, 10, 2)
    );
    assert!(
        report.files > 20,
        "pages, homes, sitemap, assets: {report:?}"
    );
    assert!(report.markdown_bytes > 20 * 3000, "{report:?}");
    assert!(report.build.median_ms > 0.0 && report.floor.median_ms > 0.0);
    assert!(report.ratio_to_floor > 0.0);
    assert_eq!(report.one_page_rebuild.runs_ms.len(), 1);
    assert_eq!(report.peak_rss_bytes, None, "no child command was given");
    let built = files_under(&dir.path().join("project/public"), "html");
    assert!(built.len() >= 20);
    let floor = files_under(&dir.path().join("floor"), "html");
    assert_eq!(floor.len(), 20, "the floor writes one file per page");
}

#[test]
fn generated_pages_use_every_construct_of_the_dialect() {
    let dir = tempfile::tempdir().unwrap();
    run(&options(dir.path(), 4, 2)).unwrap();
    let content = dir.path().join("project/content");
    let original =
        fs::read_to_string(content.join("en/technotes/using/set-000/note-00000.md")).unwrap();
    let translation =
        fs::read_to_string(content.join("fr/technotes/using/set-000/note-00000.md")).unwrap();
    for construct in [
        "badge-v7-only: label=",
        "exl-id: ",
        "feature: Technote, ",
        "{#what-changed}",
        ">[!BEGINTABS]",
        ">[!TAB ",
        ">[!ENDTABS]",
        "[!DNL ",
        "[!UICONTROL ",
        "[!BADGE v7]{type=Informative",
        "[!VIDEO](https://",
        "{target=\"_blank\"}",
        "{hreflang=fr lang=fr}",
        "<table>",
        "| --- | :---: | ---: |",
        "## FAQ {#faq}",
        "** {#q-1}",
        "../../../rn/using/",
        "](../assets/sign-in.png)",
        "<!-- technote:widget ",
        "&#64;",
    ] {
        assert!(
            original.contains(construct),
            "no `{construct}` in:\n{original}"
        );
    }
    assert!(original.contains(">[!") && original.contains("](note-0000"));
    assert!(translation.contains("workflow-type: tm+mt") && translation.contains("ht-degree: "));
    let exl_id = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("exl-id:"))
            .map(str::to_string)
    };
    assert_eq!(
        exl_id(&original),
        exl_id(&translation),
        "translations share the exl-id"
    );

    for page in files_under(&dir.path().join("project/public"), "html") {
        let html = fs::read_to_string(&page).unwrap();
        assert!(!html.contains("[!"), "{} shows a marker", page.display());
    }
}

#[test]
fn pages_are_the_size_of_real_technotes() {
    let dir = tempfile::tempdir().unwrap();
    let report = run(&options(dir.path(), 200, 2)).unwrap();
    let average = report.markdown_bytes / 200;
    assert!((4_000..=8_000).contains(&average), "{average} bytes a page");
}

#[test]
fn locales_past_the_projects_own_reuse_the_reference_strings() {
    let dir = tempfile::tempdir().unwrap();
    let report = run(&options(dir.path(), 9, 3)).unwrap();
    assert_eq!((report.pages, report.technotes), (9, 3));
    assert!(dir.path().join("project/public/de/index.html").is_file());
}

#[test]
fn the_projects_own_site_can_be_measured() {
    let dir = tempfile::tempdir().unwrap();
    let report = run(&BenchOptions {
        workload: Workload::Project,
        ..options(dir.path(), 1, 1)
    })
    .unwrap();
    let shipped = files_under(&repo_root().join("content"), "md").len();
    assert_eq!(report.pages, shipped);
    assert!(report.technotes < shipped, "translations count once");
    assert_eq!(report.locales, 2);
    assert_eq!(report.one_page_rebuild.runs_ms.len(), 1);
}

#[test]
fn zero_pages_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let error = run(&options(dir.path(), 0, 2)).unwrap_err();
    assert!(matches!(error, BenchError::NoPages));
    assert!(error.to_string().contains("at least one page"));
}

#[test]
fn too_many_locales_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let error = run(&options(dir.path(), 10, 40)).unwrap_err();
    assert!(
        matches!(error, BenchError::Locales { asked: 40, .. }),
        "{error}"
    );
}

#[test]
fn an_unwritable_output_folder_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A file where a folder should be: even root cannot write below it.
    let file = dir.path().join("not-a-folder");
    fs::write(&file, "").unwrap();
    let error = run(&options(&file.join("bench"), 10, 2)).unwrap_err();
    assert!(matches!(error, BenchError::WorkFolder(_)), "{error}");
    assert!(error.to_string().contains("not-a-folder"), "{error}");
}

#[test]
fn the_command_line_measures_peak_memory_in_a_child_build() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_technote-bench"))
        .args(["--pages", "10", "--runs", "1", "--json", "--out"])
        .arg(dir.path())
        .arg("--root")
        .arg(repo_root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["pages"], 10);
    let rss = report["peak_rss_bytes"].as_u64().unwrap();
    assert!(rss > 1_000_000, "{rss} bytes");
}

#[test]
fn a_tree_corpus_builds_in_place_with_its_navigation_and_redirects() {
    let dir = tempfile::tempdir().unwrap();
    let mut tree = options(dir.path(), 130, 1);
    tree.workload = Workload::Tree { pages: 130 };
    let report = run(&tree).unwrap();
    assert_eq!((report.pages, report.locales), (130, 1));
    let public = dir.path().join("project/public");
    let page = fs::read_to_string(public.join("en/guide-01/using/page-005.html")).unwrap();
    assert!(
        page.contains("id=\"sidebar\""),
        "a guide page has its guide's sidebar"
    );
    assert!(
        page.contains("<details class=\"collapsible\""),
        "accordions render"
    );
    assert!(!page.contains("+++"));
    assert!(
        public
            .join("en/guide-00/using/assets/page-007.png")
            .is_file()
    );
    assert!(
        public.join("en/guide-00/using/old-010.html").is_file(),
        "a redirect page"
    );
    assert!(
        fs::read_to_string(public.join("en/index.html"))
            .unwrap()
            .contains("Bench product documentation")
    );
    // Nothing of the tree was copied into the project's content folder.
    assert!(
        fs::read_dir(dir.path().join("project/content"))
            .unwrap()
            .next()
            .is_none()
    );
}
