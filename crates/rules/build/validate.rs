//! Consistency checks of the catalog, and the validated model the code
//! generator works from. Every problem names the entry at fault.

use std::collections::{BTreeMap, BTreeSet};

use crate::source::{CatalogSource, DropSource, GoldStandardSource, LineSource};

/// Where a minimum sits in the runtime's order of versions.
pub enum Threshold {
    Build(u32),
    /// Index into [`Catalog::drops`].
    Drop(usize),
}

pub struct Minimum {
    pub release: String,
    pub build: String,
    pub console_build: String,
    pub server: Threshold,
    pub console: Threshold,
}

pub struct Line {
    pub name: String,
    pub minimum: Option<Minimum>,
    pub release_notes_only: bool,
    pub webview2: bool,
}

pub struct Release {
    pub name: String,
    pub number: [u64; 3],
    pub builds: Vec<u32>,
    pub patches: Vec<String>,
    /// Index into [`Catalog::lines`].
    pub line: usize,
}

pub struct Catalog {
    /// Regular lines by build, then the Gold Standard line last.
    pub lines: Vec<Line>,
    /// Regular releases ordered by build.
    pub releases: Vec<Release>,
    /// Gold Standard drops in date order.
    pub drops: Vec<DropSource>,
    pub gold_standard_build: u32,
    pub gold_standard_line: usize,
    /// Indices into `lines`, in the technote's order.
    pub technote_list: Vec<usize>,
}

pub fn validate(source: CatalogSource) -> Result<Catalog, Vec<String>> {
    let mut problems = Vec::new();
    check_texts_are_plain(&source, &mut problems);
    let mut lines = Vec::new();
    let mut releases = Vec::new();
    let mut line_sources = source.line;
    // Lines are kept in build order so that neighbouring releases in the
    // generated table also belong to neighbouring lines.
    line_sources.sort_by_key(|line| {
        line.releases
            .iter()
            .flat_map(|r| r.builds.first())
            .min()
            .copied()
    });
    for line in &line_sources {
        let index = lines.len();
        let line_releases = check_line_releases(line, index, &mut problems);
        let minimum = line
            .minimum
            .as_deref()
            .and_then(|name| regular_minimum(line, name, &line_releases, &mut problems));
        releases.extend(line_releases);
        lines.push(Line {
            name: line.name.clone(),
            minimum,
            release_notes_only: line.release_notes_only,
            webview2: line.webview2,
        });
    }
    check_builds_are_unique(&releases, &mut problems);
    releases.sort_by_key(|release| release.builds.first().copied());
    check_lines_do_not_interleave(&releases, &lines, &mut problems);

    let gold = source.gold_standard;
    check_gold_standard_drops(&gold, &mut problems);
    let gold_standard_line = lines.len();
    lines.push(Line {
        name: gold.name.clone(),
        minimum: gold_standard_minimum(&gold, &mut problems),
        release_notes_only: false,
        webview2: false,
    });
    check_unique_line_names(&lines, &mut problems);
    let technote_list = technote_list(&source.technote_list, &lines, &mut problems);

    if problems.is_empty() {
        Ok(Catalog {
            lines,
            releases,
            drops: gold.drops,
            gold_standard_build: gold.build,
            gold_standard_line,
            technote_list,
        })
    } else {
        Err(problems)
    }
}

/// Reads "19.2" or "19.2.4" as [19, 2, 0] / [19, 2, 4], by semver's rules
/// for a version core (numbers without leading zeros; a line's "x.y" read
/// as "x.y.0"), with nothing after it: no pre-release, no build metadata.
fn release_number(name: &str) -> Option<[u64; 3]> {
    let padded = match name.matches('.').count() {
        1 => format!("{name}.0"),
        2 => name.to_owned(),
        _ => return None,
    };
    let version = semver::Version::parse(&padded).ok()?;
    let core_only = version.pre.is_empty() && version.build.is_empty();
    core_only.then_some([version.major, version.minor, version.patch])
}

/// Tabs and other control characters have no place in a release's name,
/// and the compact form of the catalog (`encode.rs`) separates its tokens
/// with tabs.
fn check_texts_are_plain(source: &CatalogSource, problems: &mut Vec<String>) {
    let gold = &source.gold_standard;
    let texts =
        source
            .line
            .iter()
            .flat_map(|line| {
                std::iter::once(&line.name).chain(line.releases.iter().flat_map(|release| {
                    std::iter::once(&release.name).chain(release.patches.iter())
                }))
            })
            .chain([&gold.name, &gold.console_minimum])
            .chain(gold.drops.iter().map(|drop| &drop.suffix));
    for text in texts {
        if text.chars().any(char::is_control) {
            problems.push(format!(
                "{text:?}: a name holds no tab or other control character"
            ));
        }
    }
}

fn check_line_releases(
    line: &LineSource,
    index: usize,
    problems: &mut Vec<String>,
) -> Vec<Release> {
    if line.releases.is_empty() {
        problems.push(format!("line {:?} has no release", line.name));
    }
    if release_number(&line.name).is_none() {
        problems.push(format!(
            "line {:?}: a line name is \"<major>.<minor>\"",
            line.name
        ));
    }
    let mut checked: Vec<Release> = Vec::new();
    for release in &line.releases {
        let Some(number) = release_number(&release.name) else {
            problems.push(format!(
                "release {:?} is not a release number such as \"21.1.3\"",
                release.name
            ));
            continue;
        };
        let in_line =
            release.name == line.name || release.name.starts_with(&format!("{}.", line.name));
        if !in_line {
            problems.push(format!(
                "release {:?} does not belong to line {:?}",
                release.name, line.name
            ));
        }
        if release.builds.is_empty() {
            problems.push(format!("release {:?} has no build", release.name));
        }
        if release.builds.windows(2).any(|pair| pair[0] >= pair[1]) {
            problems.push(format!(
                "release {:?}: list its builds in increasing order",
                release.name
            ));
        }
        if let Some(previous) = checked.last() {
            if previous.number >= number {
                problems.push(format!(
                    "release {:?} is listed after {:?}: list the releases of line {:?} by release number, once each",
                    release.name, previous.name, line.name
                ));
            } else if let (Some(earlier), Some(build)) =
                (previous.builds.last(), release.builds.first())
                && earlier >= build
            {
                problems.push(format!(
                    "release {:?} has build {build}, which is not newer than build {earlier} of the earlier release {:?}",
                    release.name, previous.name
                ));
            }
        }
        let patch_is_a_word = |patch: &String| {
            !patch.is_empty() && patch.bytes().all(|byte| byte.is_ascii_alphabetic())
        };
        if !release.patches.iter().all(patch_is_a_word) {
            problems.push(format!(
                "release {:?}: a patch name is letters only, such as \"IMS\" for {0}.IMS",
                release.name
            ));
        }
        checked.push(Release {
            name: release.name.clone(),
            number,
            builds: release.builds.clone(),
            patches: release.patches.clone(),
            line: index,
        });
    }
    checked
}

fn regular_minimum(
    line: &LineSource,
    name: &str,
    releases: &[Release],
    problems: &mut Vec<String>,
) -> Option<Minimum> {
    let Some(release) = releases.iter().find(|release| release.name == name) else {
        problems.push(format!(
            "line {:?}: minimum {name:?} is not a release of this line",
            line.name
        ));
        return None;
    };
    let build = *release.builds.first()?;
    Some(Minimum {
        release: release.name.clone(),
        build: build.to_string(),
        console_build: build.to_string(),
        server: Threshold::Build(build),
        console: Threshold::Build(build),
    })
}

fn check_builds_are_unique(releases: &[Release], problems: &mut Vec<String>) {
    let mut owners: BTreeMap<u32, &str> = BTreeMap::new();
    for release in releases {
        for build in &release.builds {
            if let Some(owner) = owners.insert(*build, &release.name) {
                problems.push(format!(
                    "release {:?} has build {build}, which already belongs to release {owner:?}",
                    release.name
                ));
            }
        }
    }
}

/// The runtime infers the line of an unknown build from its neighbours, which
/// only works when each line occupies its own range of builds.
fn check_lines_do_not_interleave(releases: &[Release], lines: &[Line], problems: &mut Vec<String>) {
    let mut finished = BTreeSet::new();
    for pair in releases.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        if before.line != after.line {
            finished.insert(before.line);
            if finished.contains(&after.line) {
                let line = lines.get(after.line).map_or("?", |line| line.name.as_str());
                problems.push(format!(
                    "release {:?} of line {line:?} has a build inside the builds of another line (after release {:?})",
                    after.name, before.name
                ));
            }
        }
    }
}

fn check_gold_standard_drops(gold: &GoldStandardSource, problems: &mut Vec<String>) {
    if gold.drops.is_empty() {
        problems.push(format!("{:?} has no drop", gold.name));
    }
    let mut suffixes = BTreeSet::new();
    for drop in &gold.drops {
        let is_commit = drop.suffix.len() == 7
            && drop
                .suffix
                .bytes()
                .all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'));
        if !is_commit {
            problems.push(format!(
                "drop {}: suffix {:?} is not 7 lowercase hexadecimal digits",
                drop_name(gold, drop),
                drop.suffix
            ));
        }
        if !suffixes.insert(drop.suffix.as_str()) {
            problems.push(format!("drop {} is listed twice", drop_name(gold, drop)));
        }
        if date_range(&drop.date).is_none() {
            problems.push(format!(
                "drop {}: date {:?} is not YYYY, YYYY-MM or YYYY-MM-DD",
                drop_name(gold, drop),
                drop.date
            ));
        }
    }
    for pair in gold.drops.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        let dates = date_range(&before.date).zip(date_range(&after.date));
        let out_of_order = dates.is_some_and(|(before, after)| before.0 > after.1);
        if out_of_order || before.number > after.number {
            problems.push(format!(
                "drop {} is listed after {}: list the drops by date",
                drop_name(gold, after),
                drop_name(gold, before)
            ));
        }
    }
}

fn drop_name(gold: &GoldStandardSource, drop: &DropSource) -> String {
    format!(
        "{} {} ({}@{})",
        gold.name, drop.number, gold.build, drop.suffix
    )
}

/// A day as (year, month, day), which compares in calendar order.
type Day = (u32, u32, u32);

/// Earliest and latest day a possibly partial date can stand for.
fn date_range(date: &str) -> Option<(Day, Day)> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |text: &str, digits: usize, range: std::ops::RangeInclusive<u32>| {
        let value = (text.len() == digits && text.bytes().all(|byte| byte.is_ascii_digit()))
            .then(|| text.parse::<u32>().ok())
            .flatten()?;
        range.contains(&value).then_some(value)
    };
    match parts.as_slice() {
        [year] => {
            let year = number(year, 4, 1990..=2100)?;
            Some(((year, 1, 1), (year, 12, 31)))
        }
        [year, month] => {
            let (year, month) = (number(year, 4, 1990..=2100)?, number(month, 2, 1..=12)?);
            Some(((year, month, 1), (year, month, 31)))
        }
        [year, month, day] => {
            let day = (
                number(year, 4, 1990..=2100)?,
                number(month, 2, 1..=12)?,
                number(day, 2, 1..=31)?,
            );
            Some((day, day))
        }
        _ => None,
    }
}

fn gold_standard_minimum(gold: &GoldStandardSource, problems: &mut Vec<String>) -> Option<Minimum> {
    let Some(first) = gold
        .drops
        .iter()
        .position(|drop| drop.number == gold.minimum)
    else {
        problems.push(format!(
            "{:?}: minimum {} has no drop",
            gold.name, gold.minimum
        ));
        return None;
    };
    let console = gold
        .console_minimum
        .split_once('@')
        .and_then(|(build, suffix)| {
            let same_build = build.parse::<u32>().ok() == Some(gold.build);
            same_build
                .then(|| gold.drops.iter().position(|drop| drop.suffix == suffix))
                .flatten()
        });
    let Some(console) = console.filter(|console| *console >= first) else {
        problems.push(format!(
            "{:?}: console-minimum {:?} is not a drop of {} {} or later",
            gold.name, gold.console_minimum, gold.name, gold.minimum
        ));
        return None;
    };
    let build_of = |index: usize| {
        gold.drops
            .get(index)
            .map(|drop| format!("{}@{}", gold.build, drop.suffix))
    };
    Some(Minimum {
        release: format!("{} {}", gold.name, gold.minimum),
        build: build_of(first)?,
        console_build: build_of(console)?,
        server: Threshold::Drop(first),
        console: Threshold::Drop(console),
    })
}

fn check_unique_line_names(lines: &[Line], problems: &mut Vec<String>) {
    let mut names = BTreeSet::new();
    for line in lines {
        if !names.insert(line.name.as_str()) {
            problems.push(format!("line {:?} is listed twice", line.name));
        }
    }
}

fn technote_list(names: &[String], lines: &[Line], problems: &mut Vec<String>) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    let mut indices = Vec::new();
    for name in names {
        if !seen.insert(name) {
            problems.push(format!("technote-list names line {name:?} twice"));
            continue;
        }
        match lines.iter().position(|line| &line.name == name) {
            Some(index) if lines.get(index).is_some_and(|line| line.minimum.is_some()) => {
                indices.push(index)
            }
            Some(_) => problems.push(format!(
                "technote-list: line {name:?} has no minimum release"
            )),
            None => problems.push(format!(
                "technote-list: {name:?} is not a line of the catalog"
            )),
        }
    }
    indices
}
