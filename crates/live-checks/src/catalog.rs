//! The release catalog a site's checks are built with. technote carries
//! one compiled in (`crates/rules/releases.toml`): the page's WebAssembly
//! checker, `technote verdict` and the site all evaluate with it. A project
//! may name its catalog file in technote.toml (`[checks] catalog`); the
//! build then proves that file with the checks the build of technote runs
//! and refuses a site whose facts the running technote does not carry, so
//! an edited catalog is never published half-applied.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use technote_diagnostics::{Diagnostic, line_col};
use technote_rules::{COMPILED_CATALOG, catalog, check_catalog_source};

/// Where a site's catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteCatalog {
    /// `None`: the catalog built into technote.
    file: Option<PathBuf>,
}

/// What a catalog file holds, against the catalog technote carries.
#[derive(Debug)]
pub enum CatalogChange {
    /// The catalog technote was built with (or none named).
    BuiltIn,
    /// A file technote cannot be built with: its problems, at their lines.
    Broken(Vec<Diagnostic>),
    /// A sound catalog that is not the one technote carries: technote
    /// must be built again with it before a site can use it.
    NotBuiltIn(Diagnostic),
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

    /// Reads the named file and compares it with the catalog technote
    /// carries; never fails for the built-in catalog.
    pub fn change(&self) -> CatalogChange {
        let Some(file) = &self.file else {
            return CatalogChange::BuiltIn;
        };
        let text = match std::fs::read_to_string(file) {
            Ok(text) => text,
            Err(error) => {
                return CatalogChange::Broken(vec![
                    Diagnostic::error(file, format!("cannot read the release catalog: {error}"))
                        .with_code("catalog-unreadable")
                        .with_help("fix `catalog` under [checks] in technote.toml, or remove it to use the catalog built into technote"),
                ]);
            }
        };
        if text == COMPILED_CATALOG {
            return CatalogChange::BuiltIn;
        }
        let problems = check_catalog_source(&text);
        if !problems.is_empty() {
            let diagnostics = problems
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
                .collect();
            return CatalogChange::Broken(diagnostics);
        }
        CatalogChange::NotBuiltIn(
            Diagnostic::error(
                file,
                "this release catalog passes its checks but is not the one this technote carries: the page's checker, `technote verdict` and the site evaluate with the catalog compiled into technote",
            )
            .with_code("catalog-not-built-in")
            .with_help("build technote with this file as crates/rules/releases.toml (`./dev serve` does so by itself when the file changes), or remove `catalog` under [checks] to use the built-in catalog"),
        )
    }

    /// Every problem that keeps a site from being built with this catalog.
    pub fn prove(&self) -> Result<(), Vec<Diagnostic>> {
        match self.change() {
            CatalogChange::BuiltIn => Ok(()),
            CatalogChange::Broken(problems) => Err(problems),
            CatalogChange::NotBuiltIn(problem) => Err(vec![problem]),
        }
    }
}

/// The rows of the widget `minimum-releases` from the catalog technote
/// carries (a site's own catalog is proven to be that one): `{"minimum_releases":
/// [{line, release, build, console_build}]}`, in the technote's order.
pub fn minimum_releases_data() -> Value {
    let minimums: Vec<Value> = catalog()
        .minimum_releases()
        .iter()
        .map(|m| json!({"line": m.line, "release": m.release, "build": m.build, "console_build": m.console_build}))
        .collect();
    json!({ "minimum_releases": minimums })
}

/// Widgets that make a page a statement about the June 2021 minimum
/// releases, whose lists [`minimum_mention_problem`] then checks: the
/// catalog's table, and the check built on those minimums.
const MINIMUM_RELEASE_WIDGETS: [&str; 2] = ["minimum-releases", "check-ims-2021"];

/// Whether a page placing `widget` states the catalog's minimum releases,
/// so that its list items must agree with the catalog.
pub fn states_minimum_releases(widget: &str) -> bool {
    MINIMUM_RELEASE_WIDGETS.contains(&widget)
}

/// What is wrong with a list item of a readiness technote that names a
/// minimum release (`* Campaign 20.2.4`) the catalog contradicts.
pub fn minimum_mention_problem(item: &str) -> Option<String> {
    let mismatch = catalog().check_minimum_mention(item)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog_file(text: &str) -> (tempfile::TempDir, SiteCatalog) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("releases.toml");
        std::fs::write(&file, text).unwrap();
        let catalog = SiteCatalog::new(Some(&file));
        (dir, catalog)
    }

    #[test]
    fn the_built_in_catalog_and_a_copy_of_it_are_proven() {
        assert!(SiteCatalog::built_in().prove().is_ok());
        assert!(SiteCatalog::built_in().watched_files().is_empty());
        let (_dir, copy) = catalog_file(COMPILED_CATALOG);
        assert!(copy.prove().is_ok());
        assert_eq!(copy.watched_files().len(), 1);
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_line_and_column() {
        let broken = COMPILED_CATALOG.replacen("technote-list = [", "technote-list = [[", 1);
        let (_dir, catalog) = catalog_file(&broken);
        let problems = catalog.prove().unwrap_err();
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
    fn a_missing_file_and_a_catalog_technote_lacks_are_refused() {
        let missing = SiteCatalog::new(Some(Path::new("/nonexistent/releases.toml")));
        let problems = missing.prove().unwrap_err();
        assert_eq!(problems[0].code, Some("catalog-unreadable"));

        let (_dir, edited) = catalog_file(&format!("{COMPILED_CATALOG}\n# A note.\n"));
        let problems = edited.prove().unwrap_err();
        assert_eq!(problems[0].code, Some("catalog-not-built-in"));
    }

    #[test]
    fn a_list_item_naming_another_minimum_is_worded() {
        let problem = minimum_mention_problem("Campaign 20.2.4").unwrap();
        assert!(problem.contains("20.2.5"), "{problem}");
        assert_eq!(minimum_mention_problem("Campaign 20.2.5"), None);
    }
}
