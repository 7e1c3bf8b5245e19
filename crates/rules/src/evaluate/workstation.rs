//! The console machine: Windows version, Windows updates, Internet Explorer.

use super::report::Report;
use crate::answers::{Answers, Tristate};
use crate::browser::parse_internet_explorer;
use crate::codes::FindingCode;
use crate::text::{answer, quote};
use crate::verdict::ArgName;
use crate::version::Version;
use crate::windows::{parse_windows, supported, supported_names};

const WINDOWS_EXAMPLES: &str = "Windows 10, Windows Server 2016";
const IE_EXAMPLES: &str = "11, Internet Explorer 11";

/// Fact: the console machine needs the latest updates of a supported Windows
/// with Internet Explorer 11; consoles from v7.3 on use WebView2 instead.
pub(super) fn check(answers: &Answers, console: Option<&Version>, report: &mut Report) {
    // `None`: console unknown, so either engine may apply. A console older
    // than every known build signs in through Internet Explorer.
    let webview2 = console.map(|console| console.line().is_some_and(|line| line.webview2));
    check_windows(answers, webview2, report);
    match answers.windows_updated {
        Some(Tristate::Yes) => {}
        Some(Tristate::No) => report.push(FindingCode::WindowsNotUpdated, []),
        Some(Tristate::Unknown) | None => report.push(FindingCode::WindowsUpdatesUnknown, []),
    }
    check_internet_explorer(answers, webview2 == Some(true), report);
}

fn check_windows(answers: &Answers, webview2: Option<bool>, report: &mut Report) {
    let Some(text) = answer(&answers.windows) else {
        report.push(FindingCode::WindowsMissing, []);
        return;
    };
    let Some(windows) = parse_windows(text) else {
        report.push(
            FindingCode::WindowsNotUnderstood,
            [
                (ArgName::Input, quote(text)),
                (ArgName::Examples, WINDOWS_EXAMPLES.to_owned()),
            ],
        );
        return;
    };
    let is_supported = match webview2 {
        Some(engine) => supported(engine).contains(&windows),
        None => supported(false).contains(&windows) || supported(true).contains(&windows),
    };
    if !is_supported {
        report.push(
            FindingCode::WindowsNotSupported,
            [
                (ArgName::Windows, windows.name().to_owned()),
                (ArgName::Supported, supported_names(webview2 == Some(true))),
            ],
        );
    }
}

fn check_internet_explorer(answers: &Answers, webview2: bool, report: &mut Report) {
    let typed = answer(&answers.ie);
    if webview2 {
        if typed.is_some() {
            report.push(FindingCode::IeNotUsed, []);
        }
        return;
    }
    let Some(text) = typed else {
        report.push(FindingCode::IeMissing, []);
        return;
    };
    match parse_internet_explorer(text) {
        None => report.push(
            FindingCode::IeNotUnderstood,
            [
                (ArgName::Input, quote(text)),
                (ArgName::Examples, IE_EXAMPLES.to_owned()),
            ],
        ),
        Some(major) if major < 11 => {
            report.push(FindingCode::IeTooOld, [(ArgName::Ie, major.to_string())])
        }
        Some(_) => {}
    }
}
