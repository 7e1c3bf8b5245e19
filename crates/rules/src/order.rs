//! The order of versions: one total order of catalog builds, in which a
//! version the user typed occupies either a point (a known build) or a span
//! (a Gold Standard number with several drops, a release between two known
//! ones, a whole line).

use std::cmp::Ordering;

/// A position in the order of builds.
///
/// Encoding: the build number in the high 32 bits; in the low bits, 0 for a
/// plain build and `2 * (n + 1)` for the n-th Gold Standard drop (all drops
/// share one build number and follow it in date order). Known positions are
/// even, so "just after" / "just before" a known position (odd values) can
/// never collide with another known position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Rank(u64);

impl Rank {
    pub(crate) const FIRST: Rank = Rank(0);
    pub(crate) const LAST: Rank = Rank(u64::MAX);

    pub(crate) const fn of_build(build: u32) -> Rank {
        Rank((build as u64) << 32)
    }

    /// Position of the drop at `index` (date order) of the Gold Standard line,
    /// whose drops all carry build `build`.
    pub(crate) const fn of_drop(build: u32, index: usize) -> Rank {
        // The catalog holds a handful of drops, far below 2^31.
        Rank(((build as u64) << 32) | (2 * (index as u64 + 1)))
    }

    fn just_after(self) -> Rank {
        Rank(self.0.saturating_add(1))
    }

    fn just_before(self) -> Rank {
        Rank(self.0.saturating_sub(1))
    }
}

/// The positions a version may occupy, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    low: Rank,
    high: Rank,
}

/// Where a version stands against a minimum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Standing {
    AtLeast,
    Below,
    /// Part of the span is below the minimum, part is not.
    Unsure,
}

impl Span {
    pub(crate) fn point(rank: Rank) -> Span {
        Span {
            low: rank,
            high: rank,
        }
    }

    pub(crate) fn covering(low: Rank, high: Rank) -> Span {
        Span { low, high }
    }

    /// From a known position up to, not including, the next known one
    /// (`None`: no upper bound).
    pub(crate) fn starting_at(low: Rank, before: Option<Rank>) -> Span {
        Span {
            low,
            high: before.map_or(Rank::LAST, Rank::just_before),
        }
    }

    /// Strictly between two known positions; `None` means "no bound".
    pub(crate) fn between(after: Option<Rank>, before: Option<Rank>) -> Span {
        Span {
            low: after.map_or(Rank::FIRST, Rank::just_after),
            high: before.map_or(Rank::LAST, Rank::just_before),
        }
    }

    pub(crate) fn low(&self) -> Rank {
        self.low
    }

    pub(crate) fn is_point(&self) -> bool {
        self.low == self.high
    }

    pub(crate) fn contains(&self, other: &Span) -> bool {
        self.low <= other.low && other.high <= self.high
    }

    /// `None` when the spans overlap without being the same point: the
    /// versions cannot be ordered.
    pub(crate) fn compare(&self, other: &Span) -> Option<Ordering> {
        if self.high < other.low {
            Some(Ordering::Less)
        } else if self.low > other.high {
            Some(Ordering::Greater)
        } else if self.is_point() && self == other {
            Some(Ordering::Equal)
        } else {
            None
        }
    }

    pub(crate) fn standing(&self, minimum: Rank) -> Standing {
        if self.low >= minimum {
            Standing::AtLeast
        } else if self.high < minimum {
            Standing::Below
        } else {
            Standing::Unsure
        }
    }
}
