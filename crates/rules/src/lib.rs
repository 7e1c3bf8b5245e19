//! Readiness rules for Adobe Campaign Classic v7: the release catalog,
//! version parsing, the general evaluator of checks declared as data
//! ([`Check`], [`evaluate_check`]; reading a declaration needs the feature
//! `declarations`), and the check of the prose against the catalog
//! ([`MinimumMismatch`]). The checks themselves, the June 2021 IMS sign-in
//! check among them, are declarations beside their technotes.
//! Pure: no I/O, no clock, no panics on any input; compiled to WebAssembly
//! for the in-page checker.
//!
//! Every fact of the catalog traces to `docs/facts/`, cited where it is
//! written.
//!
//! # Release catalog
//!
//! `releases.toml` is the one source of truth for lines, releases, builds and
//! Gold Standard drops; `build/main.rs` validates it and carries it in (see
//! [`built_in_catalog`]). A project may name its own file of the same
//! schema (feature `catalog-source`: [`read_catalog_source`] proves it with
//! the build script's checks); every function that needs the catalog takes
//! the [`Catalog`] to use.
//!
//! **The 20.3 line** is not in the June 2021 list of minimum releases, but
//! the 20.3.1 release notes say it carries the new connection protocol, and
//! its builds (9228, 9234) are newer than 20.2.5 (9188). The checker treats
//! every 20.3 release as IMS-ready, and its verdict says that this comes from
//! the release notes (finding `readiness-from-release-notes`). The page's
//! table ([`Catalog::minimum_releases`]) gives it a row of its own, so that a
//! visitor on 20.3 finds their line there.
//!
//! **Lines after 21.1** (7.2, 7.3, 7.4) all carry the new protocol: their
//! first release is their minimum. From 7.3 on the console signs in through
//! Microsoft Edge WebView2, so the Internet Explorer version does not matter
//! and the Windows requirements are those of WebView2.
//!
//! # Versions
//!
//! [`parse_version`] reads the usual spellings. Build **9032 alone is
//! ambiguous** (19.1.4 and every Gold Standard drop) and is rejected with
//! [`VersionError::AmbiguousBuild`]: the suffix or the Gold Standard number
//! is needed. Gold Standard drops are ordered by date.

mod browser;
mod catalog;
#[cfg(feature = "catalog-source")]
mod catalog_source;
mod check;
// The build script's own modules (named as the build script names them, so
// that they find each other), shared so that a project's catalog is proven
// and encoded exactly as the built-in one.
#[cfg(feature = "catalog-source")]
#[path = "../build/encode.rs"]
mod encode;
mod mention;
mod order;
#[cfg(feature = "catalog-source")]
#[path = "../build/source.rs"]
mod source;
mod text;
mod tokens;
#[cfg(feature = "catalog-source")]
#[path = "../build/validate.rs"]
mod validate;
mod version;
mod windows;

pub use catalog::{Catalog, Line, MinimumRelease, built_in_catalog, built_in_catalog_wire};
#[cfg(feature = "catalog-source")]
pub use catalog_source::{
    BUILT_IN_CATALOG_SOURCE, CatalogProblem, SourceCatalog, read_catalog_source,
};
pub use check::{
    Check, CheckVerdict, Condition, FieldProblem, FieldValue, INCOMPLETE, Input, InputKind,
    LineFlag, Part, Rule, Step, VersionTest, decode_check, encode_check, evaluate_check,
    message_id,
};
#[cfg(feature = "declarations")]
pub use check::{
    DeclarationProblem, MessageUse, ReadDeclaration, read_declaration, read_trusted_declaration,
};
pub use mention::MinimumMismatch;
pub use text::MAX_ANSWER_LENGTH;
pub use version::{Version, VersionError, parse_version};
pub use windows::{WindowsVersion, parse_windows};
