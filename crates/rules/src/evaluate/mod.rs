//! The verdict on a set of answers.

mod report;
mod versions;
mod workstation;

use crate::answers::{Answers, SignIn};
use crate::codes::FindingCode;
use crate::verdict::{Status, Verdict};
use report::Report;

/// Checks the answers against the IMS readiness rules.
///
/// - Password sign-in: `not-affected`, nothing else checked (fact: native
///   authentication is not affected).
/// - Otherwise the server, the console, Windows and Internet Explorer are
///   checked; the status is the weightiest finding: `blocked` (sign-in
///   impossible) over `action-needed` over `incomplete` (missing or not
///   understood answers), else `ready`. With the sign-in method unknown or
///   missing the status is `incomplete` whatever was found, since the change
///   may not apply; the findings still say what would need doing.
///
/// Findings come most important first, each at most once.
pub fn evaluate(answers: &Answers) -> Verdict {
    let mut report = Report::default();
    match answers.sign_in {
        Some(SignIn::Password) => {
            report.push(FindingCode::NativeSignIn, []);
            return report.into_verdict(Some(Status::NotAffected));
        }
        Some(SignIn::Unknown) => report.push(FindingCode::SignInUnknown, []),
        None => report.push(FindingCode::SignInMissing, []),
        Some(SignIn::AdobeId) => {}
    }
    let console = versions::check(answers, &mut report);
    workstation::check(answers, console.as_ref(), &mut report);
    let undecided = answers.sign_in != Some(SignIn::AdobeId);
    report.into_verdict(undecided.then_some(Status::Incomplete))
}
