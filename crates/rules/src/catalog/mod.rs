//! The release catalog: lines, releases, builds and Gold Standard drops.
//! A catalog is data read at run time from its compact text form
//! ([`Catalog::decode`], written by `build/encode.rs` from a `releases.toml`
//! the build script's checks proved): technote carries one
//! ([`built_in_catalog`]), a project may name its own, and each page hands
//! its WebAssembly checker the one its site was built with.

mod wire;

use serde::Serialize;

use crate::order::Rank;

/// The first IMS-ready release of a line, as the technote lists it.
///
/// Fact (docs/facts/campaign-ims-2021.md, "Minimum releases"): Gold Standard 11
/// (9032@d3b452f, console fix 9032@d030c36), 21.1.3 (9330), 20.2.5 (9188),
/// 20.1.4 (9126), 19.2.4 (9082).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MinimumRelease {
    /// Display name of the line: "21.1", "Gold Standard".
    pub line: String,
    /// "21.1.3", "Gold Standard 11".
    pub release: String,
    /// First build of that release: "9330", "9032@d3b452f".
    pub build: String,
    /// Build the Client Console needs. Equal to `build`, except on Gold
    /// Standard 11 whose console needs the later console fix "9032@d030c36".
    pub console_build: String,
}

/// A line of releases (all 21.1.x releases, all Gold Standard drops...).
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Line {
    /// "18.10", "21.1", "7.3", "Gold Standard".
    pub name: String,
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
    pub(crate) name: String,
    pub(crate) number: (u64, u64, u64),
    pub(crate) builds: Vec<u32>,
    /// Patches published for this release ("IMS": `7.3.3.IMS`).
    pub(crate) patches: Vec<String>,
    /// Index of its line in [`Catalog::lines`].
    pub(crate) line: usize,
    /// Position of its first build; the other builds of the release (21.1.4
    /// has two) are the same release, so they share it.
    pub(crate) rank: Rank,
}

/// One Gold Standard drop: build 9032 with a commit suffix.
#[derive(Debug)]
pub(crate) struct GoldStandardDrop {
    pub(crate) number: u32,
    /// "9032@d030c36".
    pub(crate) build: String,
    /// Position by date: the build script checked the drops are listed by
    /// date, so the date itself is not needed at run time.
    pub(crate) rank: Rank,
}

/// Every line, release and Gold Standard drop known to the checks.
#[derive(Debug, Default)]
pub struct Catalog {
    /// The numbered lines from oldest to newest, then the Gold Standard line.
    lines: Vec<Line>,
    /// Numbered releases by build; the releases of a line are contiguous.
    releases: Vec<Release>,
    /// Gold Standard drops by date.
    drops: Vec<GoldStandardDrop>,
    /// The lines whose minimums the technote lists, in its order.
    technote_list: Vec<usize>,
    gold_standard: usize,
    gold_standard_build: u32,
}

/// The catalog technote carries, written from `releases.toml` by the build
/// script after its checks.
const BUILT_IN_WIRE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.wire"));

/// The catalog technote carries (`crates/rules/releases.toml`), decoded once.
pub fn built_in_catalog() -> &'static Catalog {
    static BUILT_IN: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    BUILT_IN.get_or_init(|| {
        // The build script proved the file and wrote this form itself; the
        // tests decode it (`the_built_in_catalog_decodes`).
        Catalog::decode(BUILT_IN_WIRE).unwrap_or_default()
    })
}

/// The compact text form of the built-in catalog, as pages carry it.
pub fn built_in_catalog_wire() -> &'static str {
    BUILT_IN_WIRE
}

impl Line {
    pub(crate) fn thresholds(&self) -> Option<Thresholds> {
        self.thresholds
    }
}

impl Catalog {
    /// The catalog in the compact text form `build/encode.rs` writes; `None`
    /// for any other text (a page and a module of different technote
    /// versions).
    pub fn decode(text: &str) -> Option<Catalog> {
        wire::decode(text)
    }

    /// The minimum releases in the order the technote lists them: Gold
    /// Standard 11, 21.1.3, 20.3.1 (from its release notes), 20.2.5,
    /// 20.1.4, 19.2.4. The lines after 21.1 are not in this list; see
    /// [`Catalog::lines`].
    pub fn minimum_releases(&self) -> impl Iterator<Item = &MinimumRelease> {
        self.technote_list
            .iter()
            .filter_map(|index| self.lines.get(*index)?.minimum.as_ref())
    }

    /// Every line: the numbered lines from oldest to newest, then the Gold
    /// Standard line.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    pub(crate) fn releases(&self) -> &[Release] {
        &self.releases
    }

    pub(crate) fn drops(&self) -> &[GoldStandardDrop] {
        &self.drops
    }

    pub(crate) fn line(&self, index: usize) -> Option<&Line> {
        self.lines.get(index)
    }

    pub(crate) fn gold_standard(&self) -> &Line {
        // `decode` makes sure the index names a line; the default catalog
        // has none.
        match self.lines.get(self.gold_standard) {
            Some(line) => line,
            None => &EMPTY_LINE,
        }
    }

    pub(crate) fn gold_standard_build(&self) -> u32 {
        self.gold_standard_build
    }
}

static EMPTY_LINE: Line = Line {
    name: String::new(),
    minimum: None,
    release_notes_only: false,
    webview2: false,
    thresholds: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_catalog_decodes() {
        let catalog = Catalog::decode(BUILT_IN_WIRE).expect("the build script's form is read");
        assert_eq!(catalog.gold_standard().name, "Gold Standard");
        assert!(!catalog.releases().is_empty());
    }

    #[test]
    fn any_other_text_is_refused_without_a_panic() {
        // Every cut of the real form, whatever it decodes to.
        for cut in (0..BUILT_IN_WIRE.len()).filter(|cut| BUILT_IN_WIRE.is_char_boundary(*cut)) {
            let _ = Catalog::decode(&BUILT_IN_WIRE[..cut]);
        }
        assert!(Catalog::decode("").is_none());
        assert!(Catalog::decode(&format!("{BUILT_IN_WIRE}\textra")).is_none());
        // A release on a line that does not exist.
        assert!(Catalog::decode("9032\t0\t0\t1\t7.3.1\t7\t3\t1\t5\t1\t9352\t0\t0\t0").is_none());
    }
}
