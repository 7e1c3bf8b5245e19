//! Server and console versions against the minimum releases and each other.

use std::cmp::Ordering;

use super::report::Report;
use crate::answers::{Answers, Hosting};
use crate::catalog::{MinimumRelease, Thresholds};
use crate::codes::FindingCode;
use crate::order::Standing;
use crate::text::{answer, quote};
use crate::verdict::ArgName;
use crate::version::{Version, VersionError, parse_version};

/// Spellings quoted when a version is not understood.
const VERSION_EXAMPLES: &str = "21.1.3, build 9330, 9032@d030c36, Gold Standard 11";

#[derive(Clone, Copy)]
enum Role {
    Server,
    Console,
}

impl Role {
    fn error_code(self, error: VersionError) -> FindingCode {
        match (self, error) {
            // A non-blank answer that holds no word at all ("()") is not a
            // missing answer but one that is not understood.
            (
                Role::Server,
                VersionError::Empty | VersionError::TooLong | VersionError::NotUnderstood,
            ) => FindingCode::ServerNotUnderstood,
            (Role::Server, VersionError::UnknownRelease) => FindingCode::ServerReleaseUnknown,
            (Role::Server, VersionError::AmbiguousBuild) => FindingCode::ServerBuildAmbiguous,
            (
                Role::Console,
                VersionError::Empty | VersionError::TooLong | VersionError::NotUnderstood,
            ) => FindingCode::ConsoleNotUnderstood,
            (Role::Console, VersionError::UnknownRelease) => FindingCode::ConsoleReleaseUnknown,
            (Role::Console, VersionError::AmbiguousBuild) => FindingCode::ConsoleBuildAmbiguous,
        }
    }
}

/// Checks both versions; returns the console version when understood, as it
/// decides which Windows and browser requirements apply.
pub(super) fn check(answers: &Answers, report: &mut Report) -> Option<Version> {
    // Fact: Adobe has already upgraded hosted customers' servers, so their
    // server version is not needed.
    let hosted = answers.hosting == Some(Hosting::Hosted);
    let server_missing = if hosted {
        FindingCode::HostedServerUpgraded
    } else {
        FindingCode::ServerMissing
    };
    let server = read(Role::Server, &answers.server, server_missing, report);
    if let Some(server) = &server {
        check_server(server, hosted, report);
    }
    let console = read(
        Role::Console,
        &answers.console,
        FindingCode::ConsoleMissing,
        report,
    );
    if let Some(console) = &console {
        check_console(console, server.as_ref(), report);
    }
    console
}

fn read(
    role: Role,
    field: &Option<String>,
    missing: FindingCode,
    report: &mut Report,
) -> Option<Version> {
    let Some(text) = answer(field) else {
        report.push(missing, []);
        return None;
    };
    match parse_version(text) {
        Ok(version) => {
            note_catalog_status(&version, report);
            Some(version)
        }
        Err(error) => {
            let code = role.error_code(error);
            match error {
                VersionError::Empty | VersionError::TooLong | VersionError::NotUnderstood => report
                    .push(
                        code,
                        [
                            (ArgName::Input, quote(text)),
                            (ArgName::Examples, VERSION_EXAMPLES.to_owned()),
                        ],
                    ),
                VersionError::UnknownRelease | VersionError::AmbiguousBuild => {
                    report.push(code, [(ArgName::Input, quote(text))]);
                }
            }
            None
        }
    }
}

/// Facts behind these notes: builds between known ones are placed by number;
/// the 20.3 line is judged from its release notes (see `releases.toml`).
fn note_catalog_status(version: &Version, report: &mut Report) {
    if !version.in_catalog() {
        report.push(
            FindingCode::VersionNotInCatalog,
            [(ArgName::Version, version.to_string())],
        );
    }
    if let Some(line) = version.line()
        && line.release_notes_only
        && let Some(minimum) = line.minimum
    {
        report.push(
            FindingCode::ReadinessFromReleaseNotes,
            [
                (ArgName::Line, line.name.to_owned()),
                (ArgName::Minimum, with_build(minimum.release, minimum.build)),
            ],
        );
    }
}

fn requirement(version: &Version) -> Option<(MinimumRelease, Thresholds)> {
    version
        .line()
        .and_then(|line| line.minimum.zip(line.thresholds()))
}

fn with_build(release: &str, build: &str) -> String {
    format!("{release} (build {build})")
}

/// Fact: IMS users below the minimum release of their line are affected;
/// on-premise and hybrid customers upgrade the server themselves.
fn check_server(server: &Version, hosted: bool, report: &mut Report) {
    let Some((minimum, thresholds)) = requirement(server) else {
        report.push(
            FindingCode::ServerLineNotReady,
            [(ArgName::Server, server.to_string())],
        );
        return;
    };
    let minimum_text = with_build(minimum.release, minimum.build);
    match server.standing(thresholds.server) {
        Standing::AtLeast if hosted => report.push(FindingCode::HostedServerUpgraded, []),
        Standing::AtLeast => {}
        Standing::Below => {
            let code = if hosted {
                FindingCode::HostedServerOutdated
            } else {
                FindingCode::ServerUpgradeNeeded
            };
            report.push(
                code,
                [
                    (ArgName::Server, server.to_string()),
                    (ArgName::Minimum, minimum_text),
                ],
            );
        }
        Standing::Unsure => {
            report.push(
                FindingCode::BuildNeeded,
                [
                    (ArgName::Version, server.to_string()),
                    (ArgName::Minimum, minimum_text),
                ],
            );
        }
    }
}

/// Fact: the server is upgraded first, then every console to the server's
/// build; on Gold Standard 11 the console needs the console fix
/// 9032@d030c36, which may be newer than the server's drop.
fn check_console(console: &Version, server: Option<&Version>, report: &mut Report) {
    if let Some(server) = server {
        let pair = [
            (ArgName::Console, console.to_string()),
            (ArgName::Server, server.to_string()),
        ];
        match console.partial_cmp(server) {
            Some(Ordering::Less) => {
                // Installing the server's build fixes the console whatever
                // its own line requires.
                report.push(FindingCode::ConsoleOlderThanServer, pair);
                return;
            }
            Some(Ordering::Greater) => {
                let same_gold_standard = console.gold_standard_number().is_some()
                    && console.gold_standard_number() == server.gold_standard_number();
                if !same_gold_standard {
                    report.push(FindingCode::ConsoleNewerThanServer, pair);
                }
            }
            Some(Ordering::Equal) | None => {}
        }
    }
    let Some((minimum, thresholds)) = requirement(console) else {
        report.push(
            FindingCode::ConsoleLineNotReady,
            [(ArgName::Console, console.to_string())],
        );
        return;
    };
    let minimum_text = with_build(minimum.release, minimum.console_build);
    match console.standing(thresholds.console) {
        Standing::AtLeast => {}
        Standing::Below => {
            report.push(
                FindingCode::ConsoleUpgradeNeeded,
                [
                    (ArgName::Console, console.to_string()),
                    (ArgName::Minimum, minimum_text),
                ],
            );
        }
        Standing::Unsure => {
            report.push(
                FindingCode::BuildNeeded,
                [
                    (ArgName::Version, console.to_string()),
                    (ArgName::Minimum, minimum_text),
                ],
            );
        }
    }
}
