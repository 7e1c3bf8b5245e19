//! Checking an edited `releases.toml` while technote runs, with the very
//! checks the build script runs before it compiles the catalog in. The
//! preview uses it to show a writer's mistake at once; a catalog that passes
//! still takes effect only once technote is built again, since the browser
//! checker, the CLI and the site carry the compiled catalog.

use std::ops::Range;

use crate::catalog_validation::validate;

/// The catalog technote was built with, as written.
pub const COMPILED_CATALOG: &str = include_str!("../releases.toml");

/// A problem of a catalog source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogProblem {
    pub message: String,
    /// Bytes of the source at fault, when the problem is one of syntax;
    /// other problems name the entry at fault in their message.
    pub span: Option<Range<usize>>,
}

/// Every problem of the catalog source `text`; empty when technote could
/// be built with it.
pub fn check_catalog_source(text: &str) -> Vec<CatalogProblem> {
    let source = match toml::from_str(text) {
        Ok(source) => source,
        Err(error) => {
            return vec![CatalogProblem {
                message: error.message().to_string(),
                span: error.span(),
            }];
        }
    };
    match validate(source) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .map(|message| CatalogProblem {
                message,
                span: None,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_catalog_passes() {
        assert_eq!(check_catalog_source(COMPILED_CATALOG), Vec::new());
    }

    #[test]
    fn a_syntax_error_points_at_its_bytes() {
        let broken = COMPILED_CATALOG.replacen("technote-list = [", "technote-list = [[", 1);
        let problems = check_catalog_source(&broken);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].span.is_some(), "{problems:?}");
    }

    #[test]
    fn an_inconsistent_catalog_names_the_entry_at_fault() {
        let broken = COMPILED_CATALOG.replacen("minimum = \"19.2.4\"", "minimum = \"19.2.99\"", 1);
        let problems = check_catalog_source(&broken);
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("19.2.99") && p.span.is_none()),
            "{problems:?}"
        );
    }
}
