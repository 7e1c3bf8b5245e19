//! Writes the validated catalog in the compact text form the crate decodes
//! at run time (`src/catalog/wire.rs`): the built-in catalog
//! (`$OUT_DIR/catalog.wire`), a project's own catalog for the site and the
//! preview, and the copy each page hands its WebAssembly checker. Tokens
//! are separated by tabs, which no name in the catalog holds (the build
//! script's checks refuse one).

use crate::validate::{Catalog, Minimum, Threshold};

/// The token separator; `src/catalog/wire.rs` splits on the same.
pub const SEPARATOR: char = '\t';

pub fn encode(catalog: &Catalog) -> String {
    let mut tokens: Vec<String> = vec![
        catalog.gold_standard_build.to_string(),
        catalog.gold_standard_line.to_string(),
        catalog.lines.len().to_string(),
    ];
    for line in &catalog.lines {
        tokens.push(line.name.clone());
        let mut flags = String::from("-");
        if line.release_notes_only {
            flags.push('r');
        }
        if line.webview2 {
            flags.push('w');
        }
        tokens.push(flags);
        match &line.minimum {
            None => tokens.push("0".to_owned()),
            Some(minimum) => {
                tokens.push("1".to_owned());
                push_minimum(&mut tokens, minimum);
            }
        }
    }
    tokens.push(catalog.releases.len().to_string());
    for release in &catalog.releases {
        tokens.push(release.name.clone());
        tokens.extend(release.number.iter().map(u64::to_string));
        tokens.push(release.line.to_string());
        tokens.push(release.builds.len().to_string());
        tokens.extend(release.builds.iter().map(u32::to_string));
        tokens.push(release.patches.len().to_string());
        tokens.extend(release.patches.iter().cloned());
    }
    tokens.push(catalog.drops.len().to_string());
    for drop in &catalog.drops {
        tokens.push(drop.number.to_string());
        tokens.push(drop.suffix.clone());
    }
    tokens.push(catalog.technote_list.len().to_string());
    tokens.extend(catalog.technote_list.iter().map(usize::to_string));
    tokens.join(&SEPARATOR.to_string())
}

fn push_minimum(tokens: &mut Vec<String>, minimum: &Minimum) {
    tokens.push(minimum.release.clone());
    tokens.push(minimum.build.clone());
    tokens.push(minimum.console_build.clone());
    for threshold in [&minimum.server, &minimum.console] {
        tokens.push(match threshold {
            Threshold::Build(build) => format!("b{build}"),
            Threshold::Drop(index) => format!("d{index}"),
        });
    }
}
