//! The preview's builder on an Experience League tree read in place: an
//! edit of one of its pages renders that page again with its navigation,
//! and an edit of a TOC.md rebuilds everything.

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use support::copy_tree;
use technote_site::{BuildOptions, SiteBuilder};

struct Preview {
    dir: tempfile::TempDir,
    builder: SiteBuilder,
}

impl Preview {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for part in ["locales", "templates", "www"] {
            copy_tree(&repo.join(part), &dir.path().join("site").join(part));
        }
        copy_tree(
            &repo.join("tests/fixtures/exl-tree"),
            &dir.path().join("skyline.en"),
        );
        fs::create_dir(dir.path().join("site/content")).unwrap();
        fs::write(
            dir.path().join("site/technote.toml"),
            "base_url = \"https://docs.example.org/\"\nlocales = [\"en\"]\nreference_locale = \"en\"\n\
             external_docs_base = \"https://experienceleague.adobe.com/docs/skyline-mailer/using/\"\n\
             [content]\nen = \"../skyline.en/help\"\n",
        )
        .unwrap();
        let mut builder =
            SiteBuilder::new(BuildOptions::for_project(&dir.path().join("site"), &[]));
        builder.build_all().unwrap();
        Self { dir, builder }
    }

    fn tree(&self, relative: &str) -> PathBuf {
        self.dir.path().join("skyline.en/help").join(relative)
    }

    fn output(&self, relative: &str) -> String {
        fs::read_to_string(self.dir.path().join("site/public").join(relative)).unwrap()
    }
}

#[test]
fn an_edited_tree_page_is_rendered_alone_with_its_sidebar() {
    let mut preview = Preview::new();
    let page = preview.tree("install/using/upgrade.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        text.replace("replace the files", "swap the binaries"),
    )
    .unwrap();
    let report = preview.builder.rebuild(&[page]).unwrap();
    assert_eq!(report.pages, 1, "only the edited page renders");
    let html = preview.output("en/install/using/upgrade.html");
    assert!(html.contains("swap the binaries"));
    assert!(html.contains("aria-current=\"page\" href=\"/en/install/using/upgrade.html\""));
}

#[test]
fn a_new_title_reaches_the_neighbours_previous_and_next_links() {
    let mut preview = Preview::new();
    let page = preview.tree("install/using/upgrade.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        text.replace(
            "title: Upgrading the server",
            "title: Moving to a new release",
        ),
    )
    .unwrap();
    preview.builder.rebuild(&[page]).unwrap();
    let server = preview.output("en/install/using/server.html");
    assert!(
        server.contains("Moving to a new release"),
        "the next link shows the new title"
    );
}

#[test]
fn an_edited_toc_rebuilds_every_page() {
    let mut preview = Preview::new();
    let toc = preview.tree("install/TOC.md");
    let text = fs::read_to_string(&toc).unwrap();
    fs::write(
        &toc,
        text.replace(
            "## Setting up {#setting-up}",
            "## Getting it running {#setting-up}",
        ),
    )
    .unwrap();
    let report = preview.builder.rebuild(&[toc]).unwrap();
    assert!(report.pages > 5, "{report:?}");
    assert!(
        preview
            .output("en/install/using/check.html")
            .contains("<summary>Getting it running</summary>")
    );
}
