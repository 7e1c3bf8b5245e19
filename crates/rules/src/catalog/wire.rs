//! Reads the compact text form of a catalog that `build/encode.rs` writes,
//! and places every build and drop in the order of versions ([`Rank`]).
//! Every index into the lines is checked here, so the rest of the crate may
//! rely on them.

use super::{Catalog, GoldStandardDrop, Line, MinimumRelease, Release, Thresholds};
use crate::order::Rank;
use crate::tokens::Tokens;
use crate::version::push_number;

pub(super) fn decode(text: &str) -> Option<Catalog> {
    let mut tokens = Tokens::new(text);
    let gold_standard_build: u32 = tokens.parsed()?;
    let gold_standard = tokens.number()?;
    let mut lines = Vec::new();
    for _ in 0..tokens.number()? {
        lines.push(line(&mut tokens, gold_standard_build)?);
    }
    let mut releases = Vec::new();
    for _ in 0..tokens.number()? {
        let name = tokens.text()?;
        let number = (tokens.parsed()?, tokens.parsed()?, tokens.parsed()?);
        let line = tokens.number()?;
        let builds = (0..tokens.number()?)
            .map(|_| tokens.parsed())
            .collect::<Option<Vec<u32>>>()?;
        let patches = tokens.list()?;
        let rank = Rank::of_build(*builds.first()?);
        if line >= lines.len() {
            return None;
        }
        releases.push(Release {
            name,
            number,
            builds,
            patches,
            line,
            rank,
        });
    }
    let mut drops = Vec::new();
    for index in 0..tokens.number()? {
        let number = tokens.parsed()?;
        // Spelled by hand: `format!` would bring core::fmt into the module.
        let mut build = String::new();
        push_number(&mut build, gold_standard_build.into());
        build.push('@');
        build.push_str(tokens.next()?);
        drops.push(GoldStandardDrop {
            number,
            build,
            rank: Rank::of_drop(gold_standard_build, index),
        });
    }
    let technote_list = (0..tokens.number()?)
        .map(|_| tokens.number().filter(|index| *index < lines.len()))
        .collect::<Option<Vec<usize>>>()?;
    let whole = gold_standard < lines.len() && tokens.is_done();
    whole.then_some(Catalog {
        lines,
        releases,
        drops,
        technote_list,
        gold_standard,
        gold_standard_build,
    })
}

fn line(tokens: &mut Tokens, gold_standard_build: u32) -> Option<Line> {
    let name = tokens.text()?;
    let flags = tokens.next()?.strip_prefix('-')?;
    let (minimum, thresholds) = match tokens.next()? {
        "0" => (None, None),
        "1" => {
            let minimum = MinimumRelease {
                line: name.clone(),
                release: tokens.text()?,
                build: tokens.text()?,
                console_build: tokens.text()?,
            };
            let thresholds = Thresholds {
                server: threshold(tokens.next()?, gold_standard_build)?,
                console: threshold(tokens.next()?, gold_standard_build)?,
            };
            (Some(minimum), Some(thresholds))
        }
        _ => return None,
    };
    Some(Line {
        name,
        minimum,
        release_notes_only: flags.contains('r'),
        webview2: flags.contains('w'),
        thresholds,
    })
}

/// "b9330": the first build of a numbered release; "d2": the third Gold
/// Standard drop.
fn threshold(token: &str, gold_standard_build: u32) -> Option<Rank> {
    if let Some(build) = token.strip_prefix('b') {
        return Some(Rank::of_build(build.parse().ok()?));
    }
    let index = token.strip_prefix('d')?.parse().ok()?;
    Some(Rank::of_drop(gold_standard_build, index))
}
