//! A project's own `releases.toml`, read at run time with the very checks
//! the build script runs on the built-in one, and turned into the same
//! compact form: the site, the preview, `technote verdict` and each page's
//! checker then evaluate with it.

use std::ops::Range;

use crate::catalog::Catalog;
use crate::encode::encode;
use crate::validate::validate;

/// The built-in catalog, as written.
pub const BUILT_IN_CATALOG_SOURCE: &str = include_str!("../releases.toml");

/// A problem of a catalog source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogProblem {
    pub message: String,
    /// Bytes of the source at fault, when the problem is one of syntax;
    /// other problems name the entry at fault in their message.
    pub span: Option<Range<usize>>,
}

/// A catalog source that passed every check.
#[derive(Debug)]
pub struct SourceCatalog {
    pub catalog: Catalog,
    /// Its compact text form, which pages hand their checker.
    pub wire: String,
}

/// The catalog the source `text` describes, or every problem that keeps
/// it from being used.
pub fn read_catalog_source(text: &str) -> Result<SourceCatalog, Vec<CatalogProblem>> {
    let source = toml::from_str(text).map_err(|error| {
        vec![CatalogProblem {
            message: error.message().to_string(),
            span: error.span(),
        }]
    })?;
    let validated = validate(source).map_err(|problems| {
        problems
            .into_iter()
            .map(|message| CatalogProblem {
                message,
                span: None,
            })
            .collect::<Vec<_>>()
    })?;
    let wire = encode(&validated);
    match Catalog::decode(&wire) {
        Some(catalog) => Ok(SourceCatalog { catalog, wire }),
        None => Err(vec![CatalogProblem {
            message: "the proven catalog could not be read back from its compact form (a bug of technote: please report it)".to_owned(),
            span: None,
        }]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::built_in_catalog_wire;

    #[test]
    fn the_built_in_source_reads_as_the_built_in_catalog() {
        let read = read_catalog_source(BUILT_IN_CATALOG_SOURCE).unwrap();
        assert_eq!(read.wire, built_in_catalog_wire());
    }

    #[test]
    fn a_syntax_error_points_at_its_bytes() {
        let broken = BUILT_IN_CATALOG_SOURCE.replacen("technote-list = [", "technote-list = [[", 1);
        let problems = read_catalog_source(&broken).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].span.is_some(), "{problems:?}");
    }

    #[test]
    fn an_inconsistent_catalog_names_the_entry_at_fault() {
        let broken =
            BUILT_IN_CATALOG_SOURCE.replacen("minimum = \"19.2.4\"", "minimum = \"19.2.99\"", 1);
        let problems = read_catalog_source(&broken).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("19.2.99") && p.span.is_none()),
            "{problems:?}"
        );
    }

    #[test]
    fn a_tab_in_a_name_is_refused() {
        let broken =
            BUILT_IN_CATALOG_SOURCE.replacen("patches = [\"IMS\"]", "patches = [\"IM\\tS\"]", 1);
        let problems = read_catalog_source(&broken).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("control character")),
            "{problems:?}"
        );
    }
}
