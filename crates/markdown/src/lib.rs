//! Adobe Flavored Markdown to HTML, as a pulldown-cmark event transform.

pub mod attributes;
