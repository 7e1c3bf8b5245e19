//! Site config, locale discovery and front matter of technote sources.
