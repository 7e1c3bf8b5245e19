//! The fuzz targets' bodies, kept in a library so that the committed corpus
//! can also run as plain tests (`cargo test --no-default-features`) where
//! cargo-fuzz or a nightly toolchain is missing.
//!
//! Each function takes the fuzzer's bytes, feeds them to the code that reads
//! what people type, and asserts the properties a user relies on besides
//! "no panic".

mod fluent;
mod front_matter;
mod page;
mod rules;
mod tables;

pub use fluent::fluent;
pub use front_matter::front_matter;
pub use page::page;
pub use rules::rules;
pub use tables::tables;

/// The body of a fuzz target: takes the fuzzer's bytes, panics on a finding.
pub type Target = fn(&[u8]);

/// The fuzz targets by name, as `fuzz/corpus/<name>/` and `cargo fuzz run <name>` call them.
pub const TARGETS: &[(&str, Target)] = &[
    ("rules", rules),
    ("page", page),
    ("fluent", fluent),
    ("front_matter", front_matter),
    ("tables", tables),
];
