//! The seam between a site and its live checks. The rules crate is pure
//! (no I/O) and knows checks and the release catalog as data; this crate
//! does the reading around it, so that the site, the preview and the CLI
//! depend on a handful of calls, not on the rules' model:
//!
//! - [`SiteCatalog`]: where a site's catalog comes from, the built-in one
//!   or the file `[checks] catalog` of technote.toml names; loaded, it is a
//!   [`ReleaseCatalog`], proven with the very checks the build of technote
//!   runs: the rows of the widget `minimum-releases`, the
//!   prose-against-catalog check, and the compact form each page hands its
//!   WebAssembly checker.
//! - [`SiteChecks`]: every `<page>.check.toml` of the reference locale,
//!   read, proven and its Fluent messages verified, with what a page needs
//!   to render each form (fields, decision list, the in-page evaluator's
//!   data) — the widget `check-<id>`.
//! - [`find_check`]: one declared check by id, proven against a catalog,
//!   for `technote verdict`.
//! - [`SiteCatalog::watched_files`]: what the preview watches beside the
//!   content folders (which hold the declarations).

mod catalog;
mod declared;
mod find;
mod form;

pub use catalog::{ReleaseCatalog, SiteCatalog, states_minimum_releases};
pub use declared::{DECLARATION_SUFFIX, SiteChecks, WIDGET_PREFIX};
pub use find::{IMS_2021, built_in_checks, find_check};
/// The release catalog technote carries, as written (`crates/rules/releases.toml`).
pub use technote_rules::BUILT_IN_CATALOG_SOURCE as BUILT_IN_CATALOG;
