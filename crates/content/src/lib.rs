//! Site config, locale discovery and front matter of technote sources.
//!
//! Everything here reads files a writer or translator edits, so every
//! problem comes back as a [`Diagnostic`](technote_diagnostics::Diagnostic)
//! naming the file, the line and column (or the field), and how to fix it.
//!
//! A source file is UTF-8 (a leading BOM is dropped, CRLF becomes LF) and
//! starts with YAML front matter between two `---` lines:
//!
//! ```text
//! ---
//! title: Update your environment for IMS sign-in
//! feature: Technote, Upgrade
//! badge-v7-only: label="v7" type="Informative" tooltip="Campaign Classic v7 only"
//! exl-id: 0b5c3d3e-4f61-4a8e-9d2b-7c1e5f3a9b10
//! ---
//! ```

mod config;
mod discover;
mod front_matter;
mod key_lines;
mod source;

pub use config::{
    Limits, LinkCheck, ListingSizes, LocalizedText, SiteConfig, SiteIdentity, parse_base_url,
};
pub use discover::{Discovered, METADATA_FILE, REDIRECTS_FILE, SourceFile, TOC_FILE, discover};
pub use front_matter::{Badge, FrontMatter, KNOWN_KEYS};
pub use key_lines::{front_matter_key_or_top, front_matter_key_position};
pub use source::{Source, nul_warning, parse_front_matter, parse_source, read_source, source_body};
