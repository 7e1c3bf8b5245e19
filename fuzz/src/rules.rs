//! The readiness checker's rules on whatever a visitor types.

use std::cmp::Ordering;

use technote_rules::{Answers, Hosting, SignIn, Tristate, evaluate, parse_version, parse_windows};

/// Parses the typed versions, compares them both ways and evaluates the answers.
pub fn rules(data: &[u8]) {
    let answers = answers(data);
    let versions: Vec<_> = [&answers.server, &answers.console]
        .into_iter()
        .flatten()
        .filter_map(|text| parse_version(text).ok())
        .collect();
    for a in &versions {
        assert_eq!(
            a.partial_cmp(a),
            Some(Ordering::Equal),
            "{a:?} equals itself"
        );
        for b in &versions {
            assert_eq!(
                a.partial_cmp(b),
                b.partial_cmp(a).map(Ordering::reverse),
                "{a:?} and {b:?} compare consistently both ways"
            );
        }
    }
    if let Some(windows) = &answers.windows {
        let _ = parse_windows(windows);
    }

    let verdict = evaluate(&answers);
    for finding in &verdict.findings {
        let names: Vec<_> = finding.args.iter().map(|arg| arg.name).collect();
        assert_eq!(
            names,
            finding.code.arg_names(),
            "{:?} carries the arguments its message uses",
            finding.code
        );
    }
    assert_eq!(evaluate(&answers), verdict, "the verdict is deterministic");
}

/// Three bytes pick the choices (sign-in, hosting, Windows updated; 0 is
/// "not answered"), then NUL-separated texts fill server, console, Windows
/// and Internet Explorer, so seeds are easy to write by hand.
fn answers(data: &[u8]) -> Answers {
    let choice = |index: usize| data.get(index).map_or(0, |b| b % 4);
    let mut texts = data
        .get(3..)
        .unwrap_or_default()
        .split(|&b| b == 0)
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned());
    Answers {
        sign_in: [
            None,
            Some(SignIn::AdobeId),
            Some(SignIn::Password),
            Some(SignIn::Unknown),
        ][usize::from(choice(0))],
        hosting: [
            None,
            Some(Hosting::Hosted),
            Some(Hosting::OnPremise),
            Some(Hosting::Hybrid),
        ][usize::from(choice(1))],
        windows_updated: [
            None,
            Some(Tristate::Yes),
            Some(Tristate::No),
            Some(Tristate::Unknown),
        ][usize::from(choice(2))],
        server: texts.next(),
        console: texts.next(),
        windows: texts.next(),
        ie: texts.next(),
    }
}
