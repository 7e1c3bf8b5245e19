//! Collects findings and derives the status from them.

use crate::codes::{FindingCode, Weight};
use crate::verdict::{ArgName, Finding, FindingArg, Status, Verdict};

#[derive(Default)]
pub(super) struct Report {
    findings: Vec<Finding>,
}

impl Report {
    /// Adds a finding unless the same one is already there (the server and
    /// the console may both be on the 20.3 line, for instance).
    pub(super) fn push<const N: usize>(&mut self, code: FindingCode, args: [(ArgName, String); N]) {
        let args = args
            .into_iter()
            .map(|(name, value)| FindingArg { name, value })
            .collect();
        let finding = Finding {
            code,
            args,
            topic: code.topic(),
        };
        if !self.findings.contains(&finding) {
            self.findings.push(finding);
        }
    }

    /// `status` overrides the status the findings would give.
    pub(super) fn into_verdict(mut self, status: Option<Status>) -> Verdict {
        self.findings
            .sort_by_key(|finding| (finding.code.weight(), finding.code));
        let weightiest = self.findings.first().map(|finding| finding.code.weight());
        let status = status.unwrap_or(match weightiest {
            Some(Weight::Blocker) => Status::Blocked,
            Some(Weight::Action) => Status::ActionNeeded,
            Some(Weight::SignIn | Weight::Missing) => Status::Incomplete,
            Some(Weight::Info) | None => Status::Ready,
        });
        Verdict {
            status,
            findings: self.findings,
        }
    }
}
