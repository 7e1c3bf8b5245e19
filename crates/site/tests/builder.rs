//! The long-lived builder of the preview: a rebuild renders what a change
//! touches, writes only files whose bytes changed, and rejects a change
//! with errors without touching the site.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use support::copy_tree;
use technote_site::{BuildOptions, SiteBuilder};

const IMS_EN: &str = "content/en/technotes/using/ims-sign-in-update.md";
const CONSOLE_EN: &str = "content/en/technotes/using/console-windows-requirements.md";
const IMS_EN_HTML: &str = "en/technotes/using/ims-sign-in-update.html";
const CONSOLE_EN_HTML: &str = "en/technotes/using/console-windows-requirements.html";
const PRIVACY_EN_HTML: &str = "en/technotes/using/checker-privacy.html";

/// A copy of the shipped project in a temporary folder, built once.
struct Preview {
    dir: tempfile::TempDir,
    builder: SiteBuilder,
}

impl Preview {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        for part in ["content", "locales", "templates", "www"] {
            copy_tree(&repo.join(part), &dir.path().join(part));
        }
        fs::copy(repo.join("technote.toml"), dir.path().join("technote.toml")).unwrap();
        let mut options = BuildOptions::for_project(dir.path(), &[]);
        // As `technote serve` builds: stylesheets and scripts keep their
        // names, so that editing one rewrites it alone.
        options.live_reload = true;
        let mut builder = SiteBuilder::new(options);
        builder.build_all().unwrap();
        Self { dir, builder }
    }

    fn source(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    fn edit(&self, relative: &str, from: &str, to: &str) -> PathBuf {
        let path = self.source(relative);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{relative} has no `{from}`");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
        path
    }

    fn output(&self, relative: &str) -> String {
        fs::read_to_string(self.dir.path().join("public").join(relative)).unwrap()
    }

    fn modified(&self, relative: &str) -> SystemTime {
        fs::metadata(self.dir.path().join("public").join(relative))
            .and_then(|m| m.modified())
            .unwrap()
    }

    /// Sets an output file's modification time in the past, so that a
    /// rewrite, however quick, shows.
    fn age(&self, relative: &str) {
        let file = fs::File::options()
            .append(true)
            .open(self.dir.path().join("public").join(relative))
            .unwrap();
        file.set_modified(SystemTime::now() - Duration::from_secs(3600))
            .unwrap();
    }
}

#[test]
fn an_edited_page_is_rewritten_and_the_others_are_left_alone() {
    let mut preview = Preview::new();
    for file in [
        IMS_EN_HTML,
        CONSOLE_EN_HTML,
        PRIVACY_EN_HTML,
        "en/index.html",
    ] {
        preview.age(file);
    }
    let untouched = preview.modified(PRIVACY_EN_HTML);
    let home = preview.modified("en/index.html");
    let path = preview.edit(CONSOLE_EN, "Windows 8\n", "Windows 8.1\n");

    let report = preview.builder.rebuild(&[path]).unwrap();

    assert!(preview.output(CONSOLE_EN_HTML).contains("Windows 8.1"));
    assert_eq!(report.pages, 1);
    assert_eq!(report.files, 1, "only the edited page changed");
    assert_eq!(preview.modified(PRIVACY_EN_HTML), untouched);
    assert_eq!(
        preview.modified("en/index.html"),
        home,
        "the title did not change"
    );
}

#[test]
fn a_new_title_updates_the_home() {
    let mut preview = Preview::new();
    let path = preview.edit(
        CONSOLE_EN,
        "title: Technote - Windows requirements of the Campaign Client Console",
        "title: Technote - What Windows the Client Console needs",
    );
    preview.builder.rebuild(&[path]).unwrap();
    assert!(
        preview
            .output("en/index.html")
            .contains("What Windows the Client Console needs")
    );
}

#[test]
fn a_broken_link_is_rejected_and_the_site_stays_as_it_was() {
    let mut preview = Preview::new();
    let before = preview.output(CONSOLE_EN_HTML);
    let path = preview.edit(
        CONSOLE_EN,
        "ims-sign-in-update.md#how-to-update)",
        "ims-sign-in-update.md#no-such-section)",
    );

    let errors = preview
        .builder
        .rebuild(std::slice::from_ref(&path))
        .unwrap_err();
    assert!(
        errors.iter().any(|d| d
            .to_string()
            .contains("`#no-such-section` is not an anchor")),
        "{errors:?}"
    );
    assert_eq!(preview.output(CONSOLE_EN_HTML), before);

    preview.edit(CONSOLE_EN, "#no-such-section)", "#how-to-update)");
    preview.builder.rebuild(&[path]).unwrap();
}

#[test]
fn removing_an_anchor_breaks_the_pages_that_link_to_it() {
    let mut preview = Preview::new();
    // The console technote links to `ims-sign-in-update.md#how-to-update`.
    let path = preview.edit(IMS_EN, "{#how-to-update}", "{#updating}");
    let errors = preview.builder.rebuild(&[path]).unwrap_err();
    assert!(
        errors.iter().any(|d| {
            d.file.ends_with("console-windows-requirements.md")
                && d.to_string().contains("`#how-to-update`")
        }),
        "{errors:?}"
    );
}

#[test]
fn a_failed_change_is_tried_again_with_the_next_one() {
    let mut preview = Preview::new();
    let broken = preview.edit(
        CONSOLE_EN,
        "(ims-sign-in-update.md#how-to-update)",
        "(missing-page.md)",
    );
    preview.builder.rebuild(&[broken]).unwrap_err();
    // Another file is saved; the first one is still broken.
    let other = preview.edit(IMS_EN, "## FAQ {#faq}", "## FAQ {#faq}\n\nA new line.");
    let errors = preview.builder.rebuild(&[other]).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|d| d.to_string().contains("missing-page.md"))
    );
}

#[test]
fn template_changes_rebuild_every_page() {
    let mut preview = Preview::new();
    let path = preview.source("templates/technote.html");
    let template = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        template.replace(
            "<article class=\"technote\">",
            "<article class=\"technote edited\">",
        ),
    )
    .unwrap();
    let report = preview.builder.rebuild(&[path]).unwrap();
    assert!(report.pages >= 5, "{report:?}");
    assert!(preview.output(PRIVACY_EN_HTML).contains("technote edited"));
}

#[test]
fn a_new_page_is_built_and_linked_from_the_home() {
    let mut preview = Preview::new();
    let path = preview.source("content/en/technotes/using/new-note.md");
    fs::write(
        &path,
        "---\ntitle: A brand new technote\nfeature: Technote\n---\n\n# A brand new technote\n\nSome text.\n",
    )
    .unwrap();
    preview.builder.rebuild(&[path]).unwrap();
    assert!(
        preview
            .output("en/technotes/using/new-note.html")
            .contains("Some text.")
    );
    assert!(
        preview
            .output("en/index.html")
            .contains("A brand new technote")
    );
}

#[test]
fn editor_leftovers_rebuild_nothing() {
    let mut preview = Preview::new();
    let swap = preview.source("content/en/technotes/using/.ims-sign-in-update.md.swp");
    fs::write(&swap, "not a page").unwrap();
    let report = preview.builder.rebuild(&[swap]).unwrap();
    assert_eq!((report.pages, report.files), (0, 0));
}

#[test]
fn a_stylesheet_edit_copies_the_stylesheet_only() {
    let mut preview = Preview::new();
    let path = preview.source("www/style.css");
    let mut css = fs::read_to_string(&path).unwrap();
    css.push_str("\n.edited { color: inherit; }\n");
    fs::write(&path, &css).unwrap();
    let report = preview.builder.rebuild(&[path]).unwrap();
    assert_eq!((report.pages, report.files), (0, 1));
    assert_eq!(preview.output("assets/style.css"), css);
}

#[test]
fn the_search_index_of_an_edited_locale_follows_in_the_background() {
    let mut preview = Preview::new();
    let index = |preview: &Preview, tag: &str| {
        fs::read(
            preview
                .dir
                .path()
                .join(format!("public/assets/search/{tag}/index.bin")),
        )
        .unwrap()
    };
    let (english, french) = (index(&preview, "en"), index(&preview, "fr"));
    let path = preview.edit(CONSOLE_EN, "Windows 8\n", "Windows 8 and zanzibarquartz\n");
    preview.builder.rebuild(&[path]).unwrap();
    preview.builder.wait_for_search();
    assert_ne!(
        index(&preview, "en"),
        english,
        "the English index has the new word"
    );
    assert_eq!(
        index(&preview, "fr"),
        french,
        "the French pages did not change"
    );
}

#[test]
fn an_edited_check_declaration_is_read_again_and_its_mistakes_reported() {
    let mut preview = Preview::new();
    let page = "en/technotes/using/ims-migration.html";
    assert!(preview.output(page).contains("value=\"hybrid\""));
    let declaration = "content/en/technotes/using/ims-migration.check.toml";
    let path = preview.edit(declaration, "at-least = \"7.4.1\"", "at-least = \"7.4.9\"");
    let errors = preview
        .builder
        .rebuild(std::slice::from_ref(&path))
        .unwrap_err();
    assert!(
        errors
            .iter()
            .any(|error| error.message.contains("no release \"7.4.9\"")),
        "{errors:?}"
    );
    let path = preview.edit(declaration, "at-least = \"7.4.9\"", "at-least = \"7.4.1\"");
    preview.builder.rebuild(&[path]).unwrap();
    assert!(preview.output(page).contains("value=\"hybrid\""));
}
