//! The release catalog a site's checks are built with: the one technote
//! carries (`crates/rules/releases.toml`), or the file a project names in
//! technote.toml (`[checks] catalog`, or `--catalog`), proven at build time
//! with the very checks the build of technote runs on its own. The site's
//! pages, the prose check, each page's WebAssembly checker (which receives
//! the catalog's compact form) and `technote verdict` all evaluate with it.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use technote_diagnostics::{Diagnostic, line_col};
use technote_rules::{Catalog, built_in_catalog, built_in_catalog_wire, read_catalog_source};

/// Where a site's catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteCatalog {
    /// `None`: the catalog built into technote.
    file: Option<PathBuf>,
}

/// A catalog read and proven: what the checks of a site evaluate with.
#[derive(Debug)]
pub struct ReleaseCatalog {
    source: CatalogData,
}

#[derive(Debug)]
enum CatalogData {
    BuiltIn,
    /// A project's catalog file, with its compact form for the pages.
    Read {
        catalog: Catalog,
        wire: String,
    },
}

impl SiteCatalog {
    /// The catalog built into technote, for a project that names none.
    pub fn built_in() -> Self {
        Self { file: None }
    }

    /// The catalog `file` names (`[checks] catalog`, or `--catalog`), or
    /// the built-in one.
    pub fn new(file: Option<&Path>) -> Self {
        Self {
            file: file.map(Path::to_path_buf),
        }
    }

    /// The file the preview watches, if the project names one.
    pub fn watched_files(&self) -> Vec<PathBuf> {
        self.file.iter().cloned().collect()
    }

    /// Reads and proves the catalog; every problem at its line and column.
    /// Never fails for the built-in catalog.
    pub fn load(&self) -> Result<ReleaseCatalog, Vec<Diagnostic>> {
        let Some(file) = &self.file else {
            return Ok(ReleaseCatalog::built_in());
        };
        let text = std::fs::read_to_string(file).map_err(|error| {
            vec![
                Diagnostic::error(file, format!("cannot read the release catalog: {error}"))
                    .with_code("catalog-unreadable")
                    .with_help("fix `catalog` under [checks] in technote.toml, or remove it to use the catalog built into technote"),
            ]
        })?;
        let read = read_catalog_source(&text).map_err(|problems| {
            problems
                .into_iter()
                .map(|problem| {
                    let diagnostic = Diagnostic::error(file, problem.message)
                        .with_code("catalog-invalid")
                        .with_help("see the schema at the top of the file; the site is built only with a catalog that passes these checks");
                    match problem.span {
                        Some(span) => {
                            let (line, column) = line_col(&text, span.start);
                            diagnostic.at(line, column)
                        }
                        None => diagnostic,
                    }
                })
                .collect::<Vec<_>>()
        })?;
        Ok(ReleaseCatalog {
            source: CatalogData::Read {
                catalog: read.catalog,
                wire: read.wire,
            },
        })
    }
}

impl ReleaseCatalog {
    /// The catalog built into technote.
    pub fn built_in() -> Self {
        Self {
            source: CatalogData::BuiltIn,
        }
    }

    /// The catalog itself, for evaluating answers (`technote verdict`).
    pub fn catalog(&self) -> &Catalog {
        match &self.source {
            CatalogData::BuiltIn => built_in_catalog(),
            CatalogData::Read { catalog, .. } => catalog,
        }
    }

    /// The compact form each page hands its WebAssembly checker.
    pub(crate) fn wire(&self) -> &str {
        match &self.source {
            CatalogData::BuiltIn => built_in_catalog_wire(),
            CatalogData::Read { wire, .. } => wire,
        }
    }

    /// The rows of the widget `minimum-releases`: `{"minimum_releases":
    /// [{line, release, build, console_build}]}`, in the technote's order.
    pub fn minimum_releases_data(&self) -> Value {
        let minimums: Vec<Value> = self
            .catalog()
            .minimum_releases()
            .map(|m| json!({"line": m.line, "release": m.release, "build": m.build, "console_build": m.console_build}))
            .collect();
        json!({ "minimum_releases": minimums })
    }

    /// What is wrong with a list item of a readiness technote that names
    /// a minimum release (`* Campaign 20.2.4`) the catalog contradicts.
    pub fn minimum_mention_problem(&self, item: &str) -> Option<String> {
        let mismatch = self.catalog().check_minimum_mention(item)?;
        let expected = match &mismatch.expected {
            Some(minimum) => format!(
                "the catalog's minimum for the {} line is {} (build {})",
                mismatch.line, minimum.release, minimum.build
            ),
            None => format!("no release of the {} line is IMS-ready", mismatch.line),
        };
        Some(format!(
            "this list names {} as a minimum release, but {expected}",
            mismatch.mentioned
        ))
    }
}

/// Widgets that make a page a statement about the June 2021 minimum
/// releases, whose lists [`ReleaseCatalog::minimum_mention_problem`] then
/// checks: the catalog's table, and the check built on those minimums.
const MINIMUM_RELEASE_WIDGETS: [&str; 2] = ["minimum-releases", "check-ims-2021"];

/// Whether a page placing `widget` states the catalog's minimum releases,
/// so that its list items must agree with the catalog.
pub fn states_minimum_releases(widget: &str) -> bool {
    MINIMUM_RELEASE_WIDGETS.contains(&widget)
}

#[cfg(test)]
mod tests {
    use super::*;
    use technote_rules::BUILT_IN_CATALOG_SOURCE;

    fn catalog_file(text: &str) -> (tempfile::TempDir, SiteCatalog) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("releases.toml");
        std::fs::write(&file, text).unwrap();
        let catalog = SiteCatalog::new(Some(&file));
        (dir, catalog)
    }

    #[test]
    fn the_built_in_catalog_and_a_copy_of_it_read_alike() {
        let built_in = SiteCatalog::built_in().load().unwrap();
        assert!(SiteCatalog::built_in().watched_files().is_empty());
        let (_dir, copy) = catalog_file(BUILT_IN_CATALOG_SOURCE);
        let copy = copy.load().unwrap();
        assert_eq!(copy.wire(), built_in.wire());
        assert_eq!(
            copy.minimum_releases_data(),
            built_in.minimum_releases_data()
        );
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_line_and_column() {
        let broken = BUILT_IN_CATALOG_SOURCE.replacen("technote-list = [", "technote-list = [[", 1);
        let (_dir, catalog) = catalog_file(&broken);
        let problems = catalog.load().unwrap_err();
        assert_eq!(problems[0].code, Some("catalog-invalid"));
        let line = broken
            .lines()
            .position(|l| l.starts_with("technote-list = [["))
            .unwrap();
        // The parser stops where the unclosed array can no longer go on.
        let edited = u32::try_from(line + 1).unwrap();
        let reported = problems[0].line.unwrap();
        assert!(
            (edited..edited + 5).contains(&reported),
            "{:?}",
            problems[0]
        );
        assert!(problems[0].column.is_some());
    }

    #[test]
    fn a_missing_file_is_refused() {
        let missing = SiteCatalog::new(Some(Path::new("/nonexistent/releases.toml")));
        let problems = missing.load().unwrap_err();
        assert_eq!(problems[0].code, Some("catalog-unreadable"));
    }

    #[test]
    fn a_project_catalog_with_a_new_release_is_the_one_used() {
        let edited = BUILT_IN_CATALOG_SOURCE.replacen(
            "{ name = \"20.2.5\", builds = [9188] }",
            "{ name = \"20.2.5\", builds = [9188] },\n  { name = \"20.2.6\", builds = [9190] }",
            1,
        );
        assert_ne!(edited, BUILT_IN_CATALOG_SOURCE, "the catalog lists 20.2.5");
        let (_dir, file) = catalog_file(&edited);
        let catalog = file.load().unwrap();
        assert_ne!(catalog.wire(), ReleaseCatalog::built_in().wire());
        // 20.2.6 is now a release of the catalog, and not the line's minimum.
        let problem = catalog.minimum_mention_problem("Campaign 20.2.6").unwrap();
        assert!(problem.contains("20.2.6 (build 9190)"), "{problem}");
        let built_in = ReleaseCatalog::built_in()
            .minimum_mention_problem("Campaign 20.2.6")
            .unwrap();
        assert!(!built_in.contains("build 9190"), "{built_in}");
    }

    #[test]
    fn a_list_item_naming_another_minimum_is_worded() {
        let catalog = ReleaseCatalog::built_in();
        let problem = catalog.minimum_mention_problem("Campaign 20.2.4").unwrap();
        assert!(problem.contains("20.2.5"), "{problem}");
        assert_eq!(catalog.minimum_mention_problem("Campaign 20.2.5"), None);
    }
}
