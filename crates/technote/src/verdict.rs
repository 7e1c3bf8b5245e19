//! `technote verdict`: the readiness checks on the command line, for one
//! machine (flags) or a fleet (`--csv`). Without `--check` it is the June
//! 2021 check, declared like every other and run by the same evaluator,
//! with the command line and exit statuses it has always had.

use std::path::{Path, PathBuf};

use technote_i18n::Localizer;
use technote_rules::{Check, InputKind, evaluate_check, message_id};
use unic_langid::LanguageIdentifier;

use crate::cli::VerdictArgs;
use crate::declared::{answers, print_verdict};
use crate::fleet::Fleet;
use crate::output::{Printed, status, usage};
use technote_live_checks::{IMS_2021, ReleaseCatalog, SiteCatalog, find_check};

/// The statuses of the 2021 check that need no action: the id-free command
/// exits 0 on them, 1 on any other.
pub const FINE_2021: [&str; 2] = ["ready", "not-affected"];

/// The locale every message falls back to.
const REFERENCE_LOCALE: &str = "en";

pub fn run(args: &VerdictArgs) -> Printed {
    let locale: LanguageIdentifier = match args.lang.parse() {
        Ok(locale) => locale,
        Err(_) => {
            return usage(&format!(
                "`{}` is not a language tag (try fr or en)",
                args.lang
            ));
        }
    };
    // A declared check is worded by its own project's messages; the 2021
    // check is declared too, and its id-free command line stays as it was.
    let declared = args.check.as_deref();
    let project_locales = args.root.join("locales");
    let locales = match &args.locales {
        Some(folder) => Some(folder.as_path()),
        None if declared.is_some() && project_locales.is_dir() => Some(project_locales.as_path()),
        None => None,
    };
    let localizer = match load_localizer(locales, &locale) {
        Ok(localizer) => localizer,
        Err(message) => return usage(&message),
    };
    if args.csv.is_some() && !args.inputs.is_empty() {
        return usage(&format!(
            "--csv reads the answers from the file: leave out `{}`",
            args.inputs.join(" ")
        ));
    }
    let catalog = match release_catalog(args) {
        Ok(catalog) => catalog,
        Err(problems) => return usage(&problems),
    };
    if let Some(id) = declared {
        return crate::declared::run(args, id, &catalog, &localizer, &locale);
    }
    let check = match find_check(&catalog, &declarations_folder(&args.root), IMS_2021) {
        Ok(check) => check,
        Err(message) => return usage(&message),
    };
    match &args.csv {
        Some(path) => Fleet {
            catalog: catalog.catalog(),
            check: &check,
            localizer: &localizer,
            locale: &locale,
            json: args.json,
            max_rows: args.max_rows,
        }
        .check(path),
        None => single(&catalog, &check, args, &localizer, &locale),
    }
}

/// `--catalog`, else the project's `[checks] catalog`, else the built-in
/// catalog; a catalog with mistakes is refused with them.
fn release_catalog(args: &VerdictArgs) -> Result<ReleaseCatalog, String> {
    let config = args.root.join("technote.toml");
    let named = match &args.catalog {
        Some(file) => Some(file.clone()),
        None if config.is_file() => {
            technote_content::SiteConfig::load(&config)
                .map_err(|problem| problem.to_string())?
                .catalog
        }
        None => None,
    };
    SiteCatalog::new(named.as_deref())
        .load()
        .map_err(|problems| {
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })
}

fn single(
    catalog: &ReleaseCatalog,
    check: &Check,
    args: &VerdictArgs,
    localizer: &Localizer,
    locale: &LanguageIdentifier,
) -> Printed {
    let answers = match answers(check, args) {
        Ok(answers) => answers,
        Err(message) => return usage(&message),
    };
    let verdict = evaluate_check(catalog.catalog(), check, &answers);
    let fine = FINE_2021.contains(&verdict.status.as_str());
    print_verdict(check, &verdict, args.json, localizer, locale, status(fine))
}

/// The flags of the checks built into technote, from their declarations
/// and the built-in English messages (each input's label and hint), for
/// `technote verdict --help`.
pub fn built_in_check_flags() -> String {
    let mut text =
        String::from("Checks built in (--check <ID>, then one --<INPUT> <VALUE> per question):");
    let english: Option<(Localizer, LanguageIdentifier)> = REFERENCE_LOCALE
        .parse()
        .ok()
        .and_then(|en| Some((load_localizer(None, &en).ok()?, en)));
    for check in technote_live_checks::built_in_checks() {
        text.push_str("\n  ");
        text.push_str(&check.id);
        text.push(':');
        for input in &check.inputs {
            let values = match &input.kind {
                InputKind::Choice { choices, .. } => choices.join("|"),
                InputKind::Version => "<release or build>".to_owned(),
                InputKind::Windows => "<Windows version>".to_owned(),
                InputKind::InternetExplorer => "<Internet Explorer version>".to_owned(),
            };
            text.push_str(&format!("\n      --{} {values}", input.name));
            let word = |suffix: &str| {
                let (localizer, en) = english.as_ref()?;
                let id = message_id(&check.id, &format!("{}-{suffix}", input.name));
                localizer.format(en, &id, None).ok()
            };
            let said = match (word("label"), word("hint")) {
                // A question reads on into its hint; a label takes a colon.
                (Some(label), Some(hint)) if label.ends_with(['?', '.']) => {
                    format!("{label} {hint}")
                }
                (Some(label), Some(hint)) => format!("{label}: {hint}"),
                (Some(one), None) | (None, Some(one)) => one,
                (None, None) => continue,
            };
            text.push_str(&format!("\n          {said}"));
        }
    }
    text
}

/// Where the project at `root` declares its checks: the reference locale's
/// sources (`[content]` may put them outside the project), else
/// `root/content` when there is no readable technote.toml.
pub fn declarations_folder(root: &Path) -> PathBuf {
    let content = root.join("content");
    match technote_content::SiteConfig::load(&root.join("technote.toml")) {
        Ok(config) => config.content_folder(&content, &config.reference_locale),
        Err(_) => content,
    }
}

/// Locales from `--locales`, else the ones built into the binary: the
/// asked locale and the less specific ones there are (`fr-CA`, `fr`), and
/// the reference locale, each once.
fn load_localizer(dir: Option<&Path>, locale: &LanguageIdentifier) -> Result<Localizer, String> {
    let reference: LanguageIdentifier = REFERENCE_LOCALE
        .parse()
        .map_err(|_| "bad reference locale".to_string())?;
    let result = match dir {
        Some(dir) => {
            let mut wanted: Vec<LanguageIdentifier> = locale_chain(locale)
                .into_iter()
                .filter(|candidate| dir.join(candidate.to_string()).is_dir())
                .collect();
            if !wanted.contains(&reference) {
                wanted.push(reference.clone());
            }
            Localizer::load(dir, &wanted, &reference)
        }
        None => Localizer::from_sources(embedded_sources(locale, &reference), &reference),
    };
    result.map_err(|diagnostics| {
        let mut seen = std::collections::HashSet::new();
        diagnostics
            .iter()
            .map(ToString::to_string)
            .filter(|text| seen.insert(text.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn embedded_sources(
    locale: &LanguageIdentifier,
    reference: &LanguageIdentifier,
) -> Vec<(LanguageIdentifier, PathBuf, String)> {
    let mut sources = Vec::new();
    for wanted in [locale, reference] {
        for candidate in locale_chain(wanted) {
            // The built-in theme's Fluent files, so the binary words verdicts anywhere.
            let tag = candidate.to_string();
            for (relative, bytes) in technote_theme::under(&format!("locales/{tag}")) {
                if let Ok(text) = std::str::from_utf8(bytes) {
                    sources.push((
                        candidate.clone(),
                        Path::new("locales").join(&tag).join(relative),
                        text.to_string(),
                    ));
                }
            }
        }
    }
    sources.sort_by(|a, b| (a.0.to_string(), &a.1).cmp(&(b.0.to_string(), &b.1)));
    sources.dedup_by(|a, b| a.1 == b.1);
    sources
}

/// `fr-CA` → `fr-CA`, `fr`: the locale folders that may serve it.
fn locale_chain(locale: &LanguageIdentifier) -> Vec<LanguageIdentifier> {
    let mut chain = vec![locale.clone()];
    let language: Result<LanguageIdentifier, _> = locale.language.as_str().parse();
    if let Ok(language) = language
        && language != *locale
    {
        chain.push(language);
    }
    chain
}
