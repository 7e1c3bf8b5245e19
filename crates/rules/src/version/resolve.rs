//! Finds what a parsed number means in the catalog.

use super::{Identity, Version, VersionError};
use crate::catalog::{Catalog, Release};
use crate::order::{Rank, Span};

impl<'c> Version<'c> {
    /// "21.1.3", "19.2", "20.2" (a line), "19.2.2" (not listed), "7.4.2".
    pub(super) fn from_release_number(
        catalog: &'c Catalog,
        key: (u64, u64, u64),
    ) -> Result<Version<'c>, VersionError> {
        let releases = catalog.releases();
        if let Some(release) = releases.iter().find(|release| release.number == key) {
            let identity = Identity::Release {
                release,
                typed_build: None,
                patch: None,
            };
            return Ok(Version::new(catalog, identity, Span::point(release.rank)));
        }
        // Releases of one line are contiguous and sorted by number in the
        // generated table (build.rs checks it).
        let in_line = |release: &Release| (release.number.0, release.number.1) == (key.0, key.1);
        let first = releases
            .iter()
            .position(in_line)
            .ok_or(VersionError::UnknownRelease)?;
        let end = releases
            .iter()
            .rposition(in_line)
            .map_or(first, |last| last + 1);
        let first_release = releases.get(first).ok_or(VersionError::UnknownRelease)?;
        let line = catalog
            .line(first_release.line)
            .ok_or(VersionError::UnknownRelease)?;
        let rank_at = |index: usize| releases.get(index).map(|release| release.rank);

        if key.2 == 0 {
            // "20.2" names no release: the user gave the line only, which
            // runs from its first release up to the next line.
            let span = Span::starting_at(first_release.rank, rank_at(end));
            return Ok(Version::new(catalog, Identity::Line(line), span));
        }
        let next = releases
            .get(first..end)
            .and_then(|line_releases| {
                line_releases
                    .iter()
                    .position(|release| release.number > key)
            })
            .map_or(end, |offset| first + offset);
        let span = Span::between(next.checked_sub(1).and_then(rank_at), rank_at(next));
        Ok(Version::new(
            catalog,
            Identity::UncataloguedRelease { line, number: key },
            span,
        ))
    }

    /// "9330", "9032@d030c36". A suffix on another build than the Gold
    /// Standard one does not change the release, so it is not looked up.
    pub(super) fn from_build(
        catalog: &'c Catalog,
        build: u32,
        suffix: Option<&str>,
    ) -> Result<Version<'c>, VersionError> {
        if build == catalog.gold_standard_build() {
            let suffix = suffix.ok_or(VersionError::AmbiguousBuild)?;
            // A full commit hash starts with the 7-digit suffix of the catalog.
            let drop = catalog
                .drops()
                .iter()
                .find(|drop| {
                    drop.build
                        .split_once('@')
                        .is_some_and(|(_, known)| suffix.starts_with(known))
                })
                .ok_or(VersionError::UnknownRelease)?;
            return Ok(Version::new(
                catalog,
                Identity::GoldStandardDrop(drop),
                Span::point(drop.rank),
            ));
        }
        let releases = catalog.releases();
        if let Some(release) = releases
            .iter()
            .find(|release| release.builds.contains(&build))
        {
            let identity = Identity::Release {
                release,
                typed_build: Some(build),
                patch: None,
            };
            return Ok(Version::new(catalog, identity, Span::point(release.rank)));
        }
        // Not listed: most likely a later patch of the release just below
        // (also above the newest known build), so it takes that line.
        let rank = Rank::of_build(build);
        let line = releases
            .iter()
            .rev()
            .find(|release| release.rank < rank)
            .and_then(|release| catalog.line(release.line));
        Ok(Version::new(
            catalog,
            Identity::UncataloguedBuild { build, line },
            Span::point(rank),
        ))
    }

    /// "Gold Standard 11", "GS 7" (a number without drops in the catalog,
    /// placed between its neighbours).
    pub(super) fn from_gold_standard_number(
        catalog: &'c Catalog,
        number: u32,
    ) -> Result<Version<'c>, VersionError> {
        let drops = catalog.drops();
        let mut own = drops.iter().filter(|drop| drop.number == number);
        if let Some(first) = own.next() {
            let last = own.next_back().unwrap_or(first);
            let identity = Identity::GoldStandard {
                number,
                in_catalog: true,
            };
            return Ok(Version::new(
                catalog,
                identity,
                Span::covering(first.rank, last.rank),
            ));
        }
        let newest = drops
            .iter()
            .map(|drop| drop.number)
            .max()
            .unwrap_or_default();
        if number == 0 || number > newest {
            return Err(VersionError::UnknownRelease);
        }
        // Drops follow the plain Gold Standard build (19.1.4) in date order.
        let after = drops
            .iter()
            .rev()
            .find(|drop| drop.number < number)
            .map_or(Rank::of_build(catalog.gold_standard_build()), |drop| {
                drop.rank
            });
        let before = drops
            .iter()
            .find(|drop| drop.number > number)
            .map(|drop| drop.rank);
        let identity = Identity::GoldStandard {
            number,
            in_catalog: false,
        };
        Ok(Version::new(
            catalog,
            identity,
            Span::between(Some(after), before),
        ))
    }
}
