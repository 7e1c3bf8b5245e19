//! Campaign versions as people type them, placed in the catalog's order.

mod parse;
mod resolve;

use std::cmp::Ordering;
use std::fmt;

pub use parse::parse_version;

use crate::catalog::{Catalog, GoldStandardDrop, Line, Release};
use crate::order::{Rank, Span, Standing};

/// A Campaign version understood by [`parse_version`].
///
/// Versions are partially ordered: builds by number, Gold Standard drops by
/// date (all drops are build 9032 and follow plain 9032, which is 19.1.4). A
/// version that covers several builds ("Gold Standard 11" has three drops,
/// "20.2" is a whole line) cannot be ordered against a build inside it, so
/// `partial_cmp` returns `None` there. Two builds of one release (21.1.4 is
/// 9342 and 9343) are equal.
#[derive(Clone, Copy, Debug)]
pub struct Version<'c> {
    /// The catalog the version was read against.
    catalog: &'c Catalog,
    identity: Identity<'c>,
    span: Span,
}

#[derive(Clone, Copy, Debug)]
enum Identity<'c> {
    /// A release of the catalog, maybe typed as one of its builds.
    Release {
        release: &'c Release,
        typed_build: Option<u32>,
        /// A patch of the release the catalog lists ("IMS": `7.3.3.IMS`).
        patch: Option<&'c str>,
    },
    /// "20.2": a line of the catalog whose name is not itself a release.
    Line(&'c Line),
    /// A release number the catalog does not list, on a known line.
    UncataloguedRelease {
        line: &'c Line,
        number: (u64, u64, u64),
    },
    /// A build the catalog does not list; its line is inferred from the
    /// neighbouring known builds (`None`: older than every known build).
    UncataloguedBuild {
        build: u32,
        line: Option<&'c Line>,
    },
    GoldStandardDrop(&'c GoldStandardDrop),
    /// "Gold Standard 11" without the drop.
    GoldStandard {
        number: u32,
        in_catalog: bool,
    },
}

/// Why a text is not a version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VersionError {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`crate::MAX_ANSWER_LENGTH`] bytes; rejected before parsing.
    TooLong,
    /// Not a release, build or Gold Standard number in any known spelling.
    NotUnderstood,
    /// "9032" alone: 19.1.4 and every Gold Standard drop share that build,
    /// and they differ on IMS readiness, so the suffix (9032@d030c36) or the
    /// Gold Standard number is needed.
    AmbiguousBuild,
    /// Spelled like a release, but no such release, line or Gold Standard
    /// number is known ("8.1.2", "Gold Standard 30", "9032@0000000").
    UnknownRelease,
}

impl fmt::Display for VersionError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(match self {
            VersionError::Empty => "no version given",
            VersionError::TooLong => "too long to be a version",
            VersionError::NotUnderstood => "not a Campaign version, build or Gold Standard number",
            VersionError::AmbiguousBuild => {
                "build 9032 is both 19.1.4 and every Gold Standard drop"
            }
            VersionError::UnknownRelease => "not a release of the catalog",
        })
    }
}

impl std::error::Error for VersionError {}

impl<'c> Version<'c> {
    fn new(catalog: &'c Catalog, identity: Identity<'c>, span: Span) -> Version<'c> {
        Version {
            catalog,
            identity,
            span,
        }
    }

    /// The catalog the version was read against.
    pub(crate) fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The line of the version; `None` for a build older than every known
    /// build.
    pub fn line(&self) -> Option<&'c Line> {
        match self.identity {
            Identity::Release { release, .. } => self.catalog.line(release.line),
            Identity::Line(line) | Identity::UncataloguedRelease { line, .. } => Some(line),
            Identity::UncataloguedBuild { line, .. } => line,
            Identity::GoldStandardDrop(_) | Identity::GoldStandard { .. } => {
                Some(self.catalog.gold_standard())
            }
        }
    }

    /// Whether the catalog lists this release, build, line or Gold Standard
    /// number.
    pub fn in_catalog(&self) -> bool {
        match self.identity {
            Identity::Release { .. } | Identity::Line(_) | Identity::GoldStandardDrop(_) => true,
            Identity::GoldStandard { in_catalog, .. } => in_catalog,
            Identity::UncataloguedRelease { .. } | Identity::UncataloguedBuild { .. } => false,
        }
    }

    /// Whether this version is exactly the release named `release`
    /// ("21.1.3", "Gold Standard 11"); a whole line never is.
    pub(crate) fn is_release(&self, release: &str) -> bool {
        match self.identity {
            Identity::Release { release: known, .. } => known.name == release,
            Identity::GoldStandardDrop(&GoldStandardDrop { number, .. })
            | Identity::GoldStandard { number, .. } => release
                .strip_prefix(self.catalog.gold_standard().name.as_str())
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| rest.parse() == Ok(number)),
            Identity::Line(_)
            | Identity::UncataloguedRelease { .. }
            | Identity::UncataloguedBuild { .. } => false,
        }
    }

    /// The patch typed after the release ("IMS" in `7.3.3.IMS`).
    pub fn patch(&self) -> Option<&'c str> {
        match self.identity {
            Identity::Release { patch, .. } => patch,
            _ => None,
        }
    }

    /// The same release with one of its catalog patches ("7.3.3" + "ims"
    /// is `7.3.3.IMS`); the patch changes no build, so the order is kept.
    pub(crate) fn with_patch(self, typed: &str) -> Result<Version<'c>, VersionError> {
        let Identity::Release {
            release,
            typed_build,
            patch: None,
        } = self.identity
        else {
            return Err(VersionError::UnknownRelease);
        };
        let patch = release
            .patches
            .iter()
            .find(|known| known.eq_ignore_ascii_case(typed))
            .ok_or(VersionError::UnknownRelease)?;
        let identity = Identity::Release {
            release,
            typed_build,
            patch: Some(patch.as_str()),
        };
        Ok(Version::new(self.catalog, identity, self.span))
    }

    /// Whether every build this version covers is at or after `threshold`'s
    /// first build; `None` when it covers builds on both sides.
    pub(crate) fn at_least(&self, threshold: &Version) -> Option<bool> {
        match self.span.standing(threshold.span.low()) {
            Standing::AtLeast => Some(true),
            Standing::Below => Some(false),
            Standing::Unsure => None,
        }
    }

    /// Whether this is exactly the release `target`, patch included; `None`
    /// when it covers `target` and other releases: a whole line, or a build
    /// number shared by a release and its patches (9359 is 7.3.3 and
    /// 7.3.3.IMS).
    pub(crate) fn is_exactly(&self, target: &Version) -> Option<bool> {
        if let (
            Identity::Release {
                release,
                typed_build,
                patch,
            },
            Identity::Release {
                release: wanted,
                patch: wanted_patch,
                ..
            },
        ) = (self.identity, target.identity)
            && std::ptr::eq(release, wanted)
        {
            let build_only =
                typed_build.is_some() && patch.is_none() && !release.patches.is_empty();
            return if build_only {
                None
            } else {
                Some(patch == wanted_patch)
            };
        }
        let covers = !self.span.is_point() && self.span.contains(&target.span);
        if covers { None } else { Some(false) }
    }

    /// The catalog's name of this exact release ("7.3.3.IMS", "Gold
    /// Standard 11"); `None` for builds, lines and drops.
    #[cfg(feature = "declarations")]
    pub(crate) fn release_name(&self) -> Option<String> {
        match self.identity {
            Identity::Release {
                release,
                typed_build: None,
                patch,
            } => Some(match patch {
                Some(patch) => format!("{}.{patch}", release.name),
                None => release.name.clone(),
            }),
            Identity::GoldStandard { number, .. } => {
                Some(format!("{} {number}", self.catalog.gold_standard().name))
            }
            _ => None,
        }
    }

    pub(crate) fn is_whole_line(&self) -> bool {
        matches!(self.identity, Identity::Line(_))
    }

    pub(crate) fn gold_standard_number(&self) -> Option<u32> {
        match self.identity {
            Identity::GoldStandardDrop(&GoldStandardDrop { number, .. })
            | Identity::GoldStandard { number, .. } => Some(number),
            _ => None,
        }
    }

    pub(crate) fn standing(&self, minimum: Rank) -> Standing {
        self.span.standing(minimum)
    }

    /// Whether `other` is one of the builds this version covers, on the same
    /// line ("21.1.3" and "9330", "Gold Standard 11" and "9032@d030c36").
    fn covers(&self, other: &Version) -> bool {
        self.span.contains(&other.span) && self.line() == other.line()
    }
}

impl PartialEq for Version<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.partial_cmp(other) == Some(Ordering::Equal)
    }
}

impl PartialOrd for Version<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        let same_span_identity = match (self.identity, other.identity) {
            (
                Identity::GoldStandard { number: mine, .. },
                Identity::GoldStandard { number: theirs, .. },
            ) => mine == theirs,
            (Identity::Line(mine), Identity::Line(theirs)) => mine == theirs,
            (
                Identity::UncataloguedRelease {
                    number: mine,
                    line: my_line,
                },
                Identity::UncataloguedRelease {
                    number: theirs,
                    line: their_line,
                },
            ) => mine == theirs && my_line == their_line,
            _ => false,
        };
        if same_span_identity {
            Some(Ordering::Equal)
        } else {
            self.span.compare(&other.span)
        }
    }
}

/// The canonical spelling used in findings: "21.1.3 (build 9330)",
/// "Gold Standard 11 (build 9032@d030c36)", "Gold Standard 11", "20.2",
/// "19.2.2", "build 9125".
impl fmt::Display for Version<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.spelling())
    }
}

impl Version<'_> {
    /// What [`Display`](fmt::Display) writes, built without `core::fmt`,
    /// whose machinery weighs more than a kilobyte in the browser's module.
    pub(crate) fn spelling(&self) -> String {
        let mut out = String::new();
        let gold_standard = self.catalog.gold_standard().name.as_str();
        match self.identity {
            Identity::Release {
                release,
                typed_build,
                patch,
            } => {
                out.push_str(&release.name);
                if let Some(patch) = patch {
                    out.push('.');
                    out.push_str(patch);
                }
                let build = typed_build.or(match release.builds.as_slice() {
                    [only] => Some(*only),
                    _ => None,
                });
                if let Some(build) = build {
                    out.push_str(" (build ");
                    push_number(&mut out, build.into());
                    out.push(')');
                }
            }
            Identity::Line(line) => out.push_str(&line.name),
            // Always a patch release: "x.y" without a listed release is a line.
            Identity::UncataloguedRelease {
                number: (major, minor, patch),
                ..
            } => {
                push_number(&mut out, major);
                out.push('.');
                push_number(&mut out, minor);
                out.push('.');
                push_number(&mut out, patch);
            }
            Identity::UncataloguedBuild { build, .. } => {
                out.push_str("build ");
                push_number(&mut out, build.into());
            }
            Identity::GoldStandardDrop(drop) => {
                out.push_str(gold_standard);
                out.push(' ');
                push_number(&mut out, drop.number.into());
                out.push_str(" (build ");
                out.push_str(&drop.build);
                out.push(')');
            }
            Identity::GoldStandard { number, .. } => {
                out.push_str(gold_standard);
                out.push(' ');
                push_number(&mut out, number.into());
            }
        }
        out
    }
}

/// Appends `number` in decimal, with itoa: what `{}` writes, without
/// `core::fmt`, whose machinery weighs more than a kilobyte in the
/// browser's module.
pub(crate) fn push_number(out: &mut String, number: u64) {
    out.push_str(itoa::Buffer::new().format(number));
}
