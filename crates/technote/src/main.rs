//! The `technote` command line: a thin layer over the library crates.

fn main() {}
