//! The release catalog, compiled in from `releases.toml` by `build/main.rs`.

use serde::Serialize;

use crate::order::Rank;

/// The first IMS-ready release of a line, as the technote lists it.
///
/// Fact (docs/facts/campaign-ims-2021.md, "Minimum releases"): Gold Standard 11
/// (9032@d3b452f, console fix 9032@d030c36), 21.1.3 (9330), 20.2.5 (9188),
/// 20.1.4 (9126), 19.2.4 (9082).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MinimumRelease {
    /// Display name of the line: "21.1", "Gold Standard".
    pub line: &'static str,
    /// "21.1.3", "Gold Standard 11".
    pub release: &'static str,
    /// First build of that release: "9330", "9032@d3b452f".
    pub build: &'static str,
    /// Build the Client Console needs. Equal to `build`, except on Gold
    /// Standard 11 whose console needs the later console fix "9032@d030c36".
    pub console_build: &'static str,
}

/// A line of releases (all 21.1.x releases, all Gold Standard drops...).
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// "18.10", "21.1", "7.3", "Gold Standard".
    pub name: &'static str,
    /// `None` when no release of the line is IMS-ready (18.10, 19.1): the
    /// customer must move to another line.
    pub minimum: Option<MinimumRelease>,
    /// The line is not in the technote's list; its readiness comes from its
    /// release notes (the 20.3 line).
    pub release_notes_only: bool,
    /// The Client Console of this line signs in through Microsoft Edge
    /// WebView2, not Internet Explorer (v7.3 and later).
    pub webview2: bool,
    #[serde(skip)]
    thresholds: Option<Thresholds>,
}

/// Positions of the line's minimum for the server and for the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Thresholds {
    pub(crate) server: Rank,
    pub(crate) console: Rank,
}

/// A release of a numbered line, with its builds.
#[derive(Debug)]
pub(crate) struct Release {
    pub(crate) name: &'static str,
    pub(crate) number: (u64, u64, u64),
    pub(crate) builds: &'static [u32],
    /// Patches published for this release ("IMS": `7.3.3.IMS`).
    pub(crate) patches: &'static [&'static str],
    pub(crate) line: &'static Line,
    /// Position of its first build; the other builds of the release (21.1.4
    /// has two) are the same release, so they share it.
    pub(crate) rank: Rank,
}

/// One Gold Standard drop: build 9032 with a commit suffix.
#[derive(Debug)]
pub(crate) struct GoldStandardDrop {
    pub(crate) number: u32,
    /// "9032@d030c36".
    pub(crate) build: &'static str,
    /// Position by date: `build.rs` checked the drops are listed by date, so
    /// the date itself is not needed at run time.
    pub(crate) rank: Rank,
}

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// Every line, release and Gold Standard drop known to the checker.
#[derive(Debug)]
pub struct Catalog {
    lines: &'static [Line],
    releases: &'static [Release],
    drops: &'static [GoldStandardDrop],
    technote_minimums: &'static [MinimumRelease],
    gold_standard: &'static Line,
    gold_standard_build: u32,
}

static CATALOG: Catalog = Catalog {
    lines: &LINES,
    releases: &RELEASES,
    drops: &GOLD_STANDARD_DROPS,
    technote_minimums: &TECHNOTE_MINIMUMS,
    gold_standard: GOLD_STANDARD_LINE,
    gold_standard_build: GOLD_STANDARD_BUILD,
};

/// The catalog compiled into this crate.
pub fn catalog() -> &'static Catalog {
    &CATALOG
}

impl Line {
    pub(crate) fn thresholds(&self) -> Option<Thresholds> {
        self.thresholds
    }
}

impl Catalog {
    /// The minimum releases in the order the technote lists them: Gold
    /// Standard 11, 21.1.3, 20.3.1 (from its release notes), 20.2.5,
    /// 20.1.4, 19.2.4. The lines after 21.1 are not in this list; see
    /// [`Catalog::lines`].
    pub fn minimum_releases(&self) -> &'static [MinimumRelease] {
        self.technote_minimums
    }

    /// Every line: the numbered lines from oldest to newest, then the Gold
    /// Standard line.
    pub fn lines(&self) -> &'static [Line] {
        self.lines
    }

    pub(crate) fn releases(&self) -> &'static [Release] {
        self.releases
    }

    pub(crate) fn drops(&self) -> &'static [GoldStandardDrop] {
        self.drops
    }

    pub(crate) fn gold_standard(&self) -> &'static Line {
        self.gold_standard
    }

    pub(crate) fn gold_standard_build(&self) -> u32 {
        self.gold_standard_build
    }
}
