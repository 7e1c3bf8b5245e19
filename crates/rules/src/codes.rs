//! The stable finding codes, with the topic that explains each, its
//! arguments and how much it weighs on the status. Facts cited from
//! docs/facts/campaign-ims-2021.md.

use serde::{Deserialize, Serialize};

use crate::verdict::{ArgName, Topic};

/// What a finding is about. Declaration order is the order of findings of
/// equal weight in a verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingCode {
    /// The sign-in method was not answered; it decides whether the change
    /// applies at all ("Who is affected").
    SignInMissing,
    /// The user does not know the sign-in method. Fact: the console's
    /// connection settings show "Connect with an Adobe ID", or the sign-in
    /// window asks for an Adobe ID.
    SignInUnknown,
    /// Fact: operators signing in with a Campaign login/password are not
    /// affected.
    NativeSignIn,
    /// Fact: with an Internet Explorer older than 11 the user gets an
    /// "update required" screen and can no longer sign in.
    IeTooOld,
    /// Fact: IMS users on a build older than the minimum release of their
    /// line are affected; on-premise and hybrid customers upgrade the server
    /// themselves.
    ServerUpgradeNeeded,
    /// The server's line (18.10, 19.1) has no IMS-ready release: fact, the
    /// minimum releases table names none for it.
    ServerLineNotReady,
    /// Fact: Adobe has already upgraded hosted servers, so a hosted server
    /// below the minimum means the version typed needs checking.
    HostedServerOutdated,
    /// Fact: every console must run a build with the new protocol (on Gold
    /// Standard 11, the console fix 9032@d030c36).
    ConsoleUpgradeNeeded,
    /// The console's line has no IMS-ready release.
    ConsoleLineNotReady,
    /// Fact: the server is upgraded first, then every console is upgraded to
    /// that build.
    ConsoleOlderThanServer,
    /// Fact: the server is upgraded first; a console newer than its server
    /// means the server upgrade is still to do.
    ConsoleNewerThanServer,
    /// Fact: the consoles of that period support Windows 8, 10, Server 2012
    /// and 2016; from v7.3 on, Windows 10/11 and Server 2016/2019/2022.
    WindowsNotSupported,
    /// Fact: the console machine must run the latest Windows updates; without
    /// them the sign-in warning appears.
    WindowsNotUpdated,
    ServerMissing,
    ServerNotUnderstood,
    ServerReleaseUnknown,
    /// 9032 alone is 19.1.4 or any Gold Standard drop.
    ServerBuildAmbiguous,
    ConsoleMissing,
    ConsoleNotUnderstood,
    ConsoleReleaseUnknown,
    ConsoleBuildAmbiguous,
    /// The version covers builds on both sides of the minimum ("20.2", or
    /// "Gold Standard 11" for a console, which needs 9032@d030c36): the exact
    /// build from the console's About box decides.
    BuildNeeded,
    WindowsMissing,
    WindowsNotUnderstood,
    WindowsUpdatesUnknown,
    IeMissing,
    IeNotUnderstood,
    /// Fact: hosted customers' servers were already upgraded by Adobe; the
    /// consoles still need upgrading.
    HostedServerUpgraded,
    /// A build or release between known ones: placed by number.
    VersionNotInCatalog,
    /// The 20.3 line: not in the technote's list; its release notes say
    /// 20.3.1 carries the new protocol.
    ReadinessFromReleaseNotes,
    /// Fact: consoles from v7.3 on use Microsoft Edge WebView2, so the
    /// Internet Explorer version no longer matters.
    IeNotUsed,
}

/// How a finding weighs on the status; also the first sort key of findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Weight {
    /// Decides whether anything else applies.
    SignIn,
    Blocker,
    Action,
    Missing,
    Info,
}

impl FindingCode {
    pub const ALL: &'static [FindingCode] = &[
        FindingCode::SignInMissing,
        FindingCode::SignInUnknown,
        FindingCode::NativeSignIn,
        FindingCode::IeTooOld,
        FindingCode::ServerUpgradeNeeded,
        FindingCode::ServerLineNotReady,
        FindingCode::HostedServerOutdated,
        FindingCode::ConsoleUpgradeNeeded,
        FindingCode::ConsoleLineNotReady,
        FindingCode::ConsoleOlderThanServer,
        FindingCode::ConsoleNewerThanServer,
        FindingCode::WindowsNotSupported,
        FindingCode::WindowsNotUpdated,
        FindingCode::ServerMissing,
        FindingCode::ServerNotUnderstood,
        FindingCode::ServerReleaseUnknown,
        FindingCode::ServerBuildAmbiguous,
        FindingCode::ConsoleMissing,
        FindingCode::ConsoleNotUnderstood,
        FindingCode::ConsoleReleaseUnknown,
        FindingCode::ConsoleBuildAmbiguous,
        FindingCode::BuildNeeded,
        FindingCode::WindowsMissing,
        FindingCode::WindowsNotUnderstood,
        FindingCode::WindowsUpdatesUnknown,
        FindingCode::IeMissing,
        FindingCode::IeNotUnderstood,
        FindingCode::HostedServerUpgraded,
        FindingCode::VersionNotInCatalog,
        FindingCode::ReadinessFromReleaseNotes,
        FindingCode::IeNotUsed,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            FindingCode::SignInMissing => "sign-in-missing",
            FindingCode::SignInUnknown => "sign-in-unknown",
            FindingCode::NativeSignIn => "native-sign-in",
            FindingCode::IeTooOld => "ie-too-old",
            FindingCode::ServerUpgradeNeeded => "server-upgrade-needed",
            FindingCode::ServerLineNotReady => "server-line-not-ready",
            FindingCode::HostedServerOutdated => "hosted-server-outdated",
            FindingCode::ConsoleUpgradeNeeded => "console-upgrade-needed",
            FindingCode::ConsoleLineNotReady => "console-line-not-ready",
            FindingCode::ConsoleOlderThanServer => "console-older-than-server",
            FindingCode::ConsoleNewerThanServer => "console-newer-than-server",
            FindingCode::WindowsNotSupported => "windows-not-supported",
            FindingCode::WindowsNotUpdated => "windows-not-updated",
            FindingCode::ServerMissing => "server-missing",
            FindingCode::ServerNotUnderstood => "server-not-understood",
            FindingCode::ServerReleaseUnknown => "server-release-unknown",
            FindingCode::ServerBuildAmbiguous => "server-build-ambiguous",
            FindingCode::ConsoleMissing => "console-missing",
            FindingCode::ConsoleNotUnderstood => "console-not-understood",
            FindingCode::ConsoleReleaseUnknown => "console-release-unknown",
            FindingCode::ConsoleBuildAmbiguous => "console-build-ambiguous",
            FindingCode::BuildNeeded => "build-needed",
            FindingCode::WindowsMissing => "windows-missing",
            FindingCode::WindowsNotUnderstood => "windows-not-understood",
            FindingCode::WindowsUpdatesUnknown => "windows-updates-unknown",
            FindingCode::IeMissing => "ie-missing",
            FindingCode::IeNotUnderstood => "ie-not-understood",
            FindingCode::HostedServerUpgraded => "hosted-server-upgraded",
            FindingCode::VersionNotInCatalog => "version-not-in-catalog",
            FindingCode::ReadinessFromReleaseNotes => "readiness-from-release-notes",
            FindingCode::IeNotUsed => "ie-not-used",
        }
    }

    /// The section or FAQ entry of the technote that explains the finding.
    pub fn topic(&self) -> Topic {
        match self {
            FindingCode::SignInMissing | FindingCode::NativeSignIn => Topic::AreYouAffected,
            FindingCode::SignInUnknown => Topic::CheckIms,
            FindingCode::IeTooOld => Topic::UpdateRequired,
            FindingCode::WindowsNotUpdated => Topic::SignInWarning,
            FindingCode::ServerLineNotReady
            | FindingCode::ConsoleLineNotReady
            | FindingCode::ReadinessFromReleaseNotes => Topic::MinimumReleases,
            FindingCode::HostedServerOutdated
            | FindingCode::ServerMissing
            | FindingCode::ServerNotUnderstood
            | FindingCode::ServerReleaseUnknown
            | FindingCode::ServerBuildAmbiguous
            | FindingCode::ConsoleMissing
            | FindingCode::ConsoleNotUnderstood
            | FindingCode::ConsoleReleaseUnknown
            | FindingCode::ConsoleBuildAmbiguous
            | FindingCode::BuildNeeded
            | FindingCode::VersionNotInCatalog => Topic::CheckVersion,
            FindingCode::IeNotUsed => Topic::WhatChanged,
            FindingCode::ServerUpgradeNeeded
            | FindingCode::ConsoleUpgradeNeeded
            | FindingCode::ConsoleOlderThanServer
            | FindingCode::ConsoleNewerThanServer
            | FindingCode::WindowsNotSupported
            | FindingCode::WindowsMissing
            | FindingCode::WindowsNotUnderstood
            | FindingCode::WindowsUpdatesUnknown
            | FindingCode::IeMissing
            | FindingCode::IeNotUnderstood
            | FindingCode::HostedServerUpgraded => Topic::HowToUpdate,
        }
    }

    /// The arguments every finding with this code carries, in order; the
    /// Fluent message uses exactly these variables.
    pub fn arg_names(&self) -> &'static [ArgName] {
        match self {
            FindingCode::IeTooOld => &[ArgName::Ie],
            FindingCode::ServerUpgradeNeeded | FindingCode::HostedServerOutdated => {
                &[ArgName::Server, ArgName::Minimum]
            }
            FindingCode::ServerLineNotReady => &[ArgName::Server],
            FindingCode::ConsoleUpgradeNeeded => &[ArgName::Console, ArgName::Minimum],
            FindingCode::ConsoleLineNotReady => &[ArgName::Console],
            FindingCode::ConsoleOlderThanServer | FindingCode::ConsoleNewerThanServer => {
                &[ArgName::Console, ArgName::Server]
            }
            FindingCode::WindowsNotSupported => &[ArgName::Windows, ArgName::Supported],
            FindingCode::ServerNotUnderstood
            | FindingCode::ConsoleNotUnderstood
            | FindingCode::WindowsNotUnderstood
            | FindingCode::IeNotUnderstood => &[ArgName::Input, ArgName::Examples],
            FindingCode::ServerReleaseUnknown
            | FindingCode::ServerBuildAmbiguous
            | FindingCode::ConsoleReleaseUnknown
            | FindingCode::ConsoleBuildAmbiguous => &[ArgName::Input],
            FindingCode::BuildNeeded => &[ArgName::Version, ArgName::Minimum],
            FindingCode::VersionNotInCatalog => &[ArgName::Version],
            FindingCode::ReadinessFromReleaseNotes => &[ArgName::Line, ArgName::Minimum],
            FindingCode::SignInMissing
            | FindingCode::SignInUnknown
            | FindingCode::NativeSignIn
            | FindingCode::WindowsNotUpdated
            | FindingCode::ServerMissing
            | FindingCode::ConsoleMissing
            | FindingCode::WindowsMissing
            | FindingCode::WindowsUpdatesUnknown
            | FindingCode::IeMissing
            | FindingCode::HostedServerUpgraded
            | FindingCode::IeNotUsed => &[],
        }
    }

    pub(crate) fn weight(&self) -> Weight {
        match self {
            FindingCode::SignInMissing | FindingCode::SignInUnknown => Weight::SignIn,
            FindingCode::IeTooOld => Weight::Blocker,
            FindingCode::ServerUpgradeNeeded
            | FindingCode::ServerLineNotReady
            | FindingCode::HostedServerOutdated
            | FindingCode::ConsoleUpgradeNeeded
            | FindingCode::ConsoleLineNotReady
            | FindingCode::ConsoleOlderThanServer
            | FindingCode::ConsoleNewerThanServer
            | FindingCode::WindowsNotSupported
            | FindingCode::WindowsNotUpdated => Weight::Action,
            FindingCode::ServerMissing
            | FindingCode::ServerNotUnderstood
            | FindingCode::ServerReleaseUnknown
            | FindingCode::ServerBuildAmbiguous
            | FindingCode::ConsoleMissing
            | FindingCode::ConsoleNotUnderstood
            | FindingCode::ConsoleReleaseUnknown
            | FindingCode::ConsoleBuildAmbiguous
            | FindingCode::BuildNeeded
            | FindingCode::WindowsMissing
            | FindingCode::WindowsNotUnderstood
            | FindingCode::WindowsUpdatesUnknown
            | FindingCode::IeMissing
            | FindingCode::IeNotUnderstood => Weight::Missing,
            FindingCode::NativeSignIn
            | FindingCode::HostedServerUpgraded
            | FindingCode::VersionNotInCatalog
            | FindingCode::ReadinessFromReleaseNotes
            | FindingCode::IeNotUsed => Weight::Info,
        }
    }
}
