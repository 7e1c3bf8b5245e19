//! The diagnostics a case expects and those the build printed, compared
//! line by line.

/// One `file:line:col: level: message` line and the `help:` under it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Diagnostic {
    headline: String,
    help: Option<String>,
}

const HELP: &str = "  help: ";

/// Diagnostics as printed: headlines (`: error: ` or `: warning: ` in a line
/// that does not start with a space), each with its help line. Lines that
/// continue a message (a quoted source line and its caret) and the final
/// summary are not compared.
fn diagnostics(text: &str) -> Vec<Diagnostic> {
    let mut found: Vec<Diagnostic> = Vec::new();
    for line in text.lines() {
        if let Some(help) = line.strip_prefix(HELP) {
            if let Some(last) = found.last_mut().filter(|d| d.help.is_none()) {
                last.help = Some(help.to_string());
            }
        } else if !line.starts_with(' ')
            && (line.contains(": error: ") || line.contains(": warning: "))
        {
            found.push(Diagnostic {
                headline: line.to_string(),
                help: None,
            });
        }
    }
    found.sort();
    found
}

/// What the build printed on stderr.
pub struct Reported(Vec<Diagnostic>);

impl Reported {
    pub fn parse(stderr: &str) -> Self {
        Self(diagnostics(stderr))
    }
}

/// The contents of a case's `expected.txt`. A help line there must match;
/// a diagnostic listed without one may print any help.
pub struct Expected(Vec<Diagnostic>);

impl Expected {
    pub fn parse(text: &str) -> Self {
        Self(diagnostics(text))
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.headline.contains(": error: "))
    }

    /// A diff of the two lists: `-` expected but not printed, `+` printed
    /// but not expected, `~` printed with another help.
    pub fn compare(&self, reported: &Reported) -> Vec<String> {
        let mut unmatched: Vec<&Diagnostic> = reported.0.iter().collect();
        let mut lines = Vec::new();
        for want in &self.0 {
            let Some(at) = unmatched
                .iter()
                .position(|got| got.headline == want.headline)
            else {
                lines.push(format!("- {}", want.headline));
                continue;
            };
            let got = unmatched.remove(at);
            if want.help.is_some() && want.help != got.help {
                lines.push(format!(
                    "~ {}\n    expected help: {}\n    printed help:  {}",
                    want.headline,
                    want.help.as_deref().unwrap_or_default(),
                    got.help.as_deref().unwrap_or("(none)")
                ));
            }
        }
        lines.extend(unmatched.iter().map(|got| format!("+ {}", got.headline)));
        lines
    }
}
