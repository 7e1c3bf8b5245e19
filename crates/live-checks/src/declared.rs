//! The live checks a project declares (`<page>.check.toml` beside a
//! technote of the reference locale, see `docs/checks.md`): read and proven
//! by the rules crate, their Fluent messages verified, and prepared once per
//! build for the pages that place the widget `check-<id>`: the form's
//! fields, the decision list shown without JavaScript, and the data the
//! in-page evaluator receives.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use technote_diagnostics::Diagnostic;
use technote_i18n::{FluentArgs, Localizer};
use technote_rules::{Check, InputKind, encode_check, message_id, read_declaration};
use unic_langid::LanguageIdentifier;

use crate::catalog::ReleaseCatalog;
use crate::form::view;

/// How a declaration's file name ends.
pub const DECLARATION_SUFFIX: &str = ".check.toml";
/// Prefix of the widget that places a check: `check-ims-migration`.
pub const WIDGET_PREFIX: &str = "check-";
/// Messages every check's form uses, whatever the check.
const SHARED_MESSAGE_PREFIX: &str = "checks-";

/// Every declared check, ready to render.
#[derive(Default)]
pub struct SiteChecks {
    checks: Vec<DeclaredCheck>,
}

struct DeclaredCheck {
    /// For the template: fields, decision list, ids of messages.
    view: Value,
    /// Per locale, the script-safe JSON the page hands to `checks.js`: the
    /// check, the site's release catalog and the check's messages
    /// formatted for that locale.
    page_data: HashMap<LanguageIdentifier, String>,
    /// Per locale, each step's text for the list of every case shown
    /// without JavaScript, where no version is known yet: a step that names
    /// one says "your version" and "the minimum release of its line".
    decision_steps: HashMap<LanguageIdentifier, Value>,
    id: String,
}

impl SiteChecks {
    /// Reads every `*.check.toml` among `reference_files`, the files
    /// discovery found under `reference_content` (the reference locale's
    /// content folder): a check is declared once, for every
    /// translation of its technote, and proven against `catalog`, which
    /// every page of the check then carries. Every problem of every
    /// declaration is reported at once.
    pub fn load(
        catalog: &ReleaseCatalog,
        reference_content: &Path,
        reference_files: &HashSet<String>,
        localizer: &Localizer,
        locales: &[LanguageIdentifier],
        reference: &LanguageIdentifier,
    ) -> Result<Self, Vec<Diagnostic>> {
        // Discovery already walked the folder (links kept inside it, pipes
        // refused): the declarations are among its files.
        let mut files: Vec<PathBuf> = reference_files
            .iter()
            .filter(|rel| rel.ends_with(DECLARATION_SUFFIX))
            .map(|rel| reference_content.join(rel))
            .collect();
        files.sort();
        let mut diagnostics = Vec::new();
        let mut checks = Vec::new();
        for file in files {
            match load_one(catalog, &file, localizer, locales, reference) {
                Ok(check) => checks.push(check),
                Err(mut problems) => diagnostics.append(&mut problems),
            }
        }
        if diagnostics.is_empty() {
            Ok(Self { checks })
        } else {
            Err(diagnostics)
        }
    }

    /// The check a widget name places (`check-<id>`), if it is one.
    pub fn for_widget(&self, widget: &str) -> Option<(&Value, &str)> {
        let id = widget.strip_prefix(WIDGET_PREFIX)?;
        let check = self.checks.iter().find(|check| check.id == id)?;
        Some((&check.view, check.id.as_str()))
    }

    /// The page data of check `id` in `locale`.
    pub fn page_data(&self, id: &str, locale: &LanguageIdentifier) -> Option<&str> {
        let check = self.checks.iter().find(|check| check.id == id)?;
        check.page_data.get(locale).map(String::as_str)
    }

    /// The texts of the steps of check `id` for the list of every case.
    pub fn decision_steps(&self, id: &str, locale: &LanguageIdentifier) -> Option<&Value> {
        let check = self.checks.iter().find(|check| check.id == id)?;
        check.decision_steps.get(locale)
    }

    /// The widget names of the declared checks, for "known widgets" help.
    pub fn widget_names(&self) -> impl Iterator<Item = String> + '_ {
        self.checks
            .iter()
            .map(|check| format!("{WIDGET_PREFIX}{}", check.id))
    }
}

fn load_one(
    catalog: &ReleaseCatalog,
    file: &Path,
    localizer: &Localizer,
    locales: &[LanguageIdentifier],
    reference: &LanguageIdentifier,
) -> Result<DeclaredCheck, Vec<Diagnostic>> {
    let text = std::fs::read_to_string(file).map_err(|error| {
        vec![
            Diagnostic::error(file, format!("cannot read the check: {error}"))
                .with_code("check-unreadable"),
        ]
    })?;
    let read = read_declaration(catalog.catalog(), &text).map_err(|problems| {
        problems
            .into_iter()
            .map(|problem| {
                let diagnostic = Diagnostic::error(file, problem.message)
                    .with_code("check-invalid")
                    .at(problem.line, problem.column);
                match problem.help {
                    Some(help) => diagnostic.with_help(help),
                    None => diagnostic,
                }
            })
            .collect::<Vec<_>>()
    })?;
    let check = read.check;
    let mut diagnostics = Vec::new();
    let provided = localizer.message_ids(reference);
    for message in &read.messages {
        if provided.binary_search(&message.id).is_err() {
            diagnostics.push(
                Diagnostic::error(
                    file,
                    format!("no Fluent message `{}` in locales/{reference}", message.id),
                )
                .with_code("check-message-missing")
                .at(message.line, message.column)
                .with_help(format!(
                    "add `{} = ...` to locales/{reference}/checks.ftl, and its translations",
                    message.id
                )),
            );
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }

    let mut page_data = HashMap::new();
    let mut decision_steps = HashMap::new();
    let own_prefix = message_id(&check.id, "");
    for locale in locales {
        let mut messages = serde_json::Map::new();
        for id in localizer.message_ids(locale) {
            if !id.starts_with(&own_prefix) && !id.starts_with(SHARED_MESSAGE_PREFIX) {
                continue;
            }
            match localizer.template(locale, &id) {
                Ok(text) => {
                    messages.insert(id, text.into());
                }
                Err(error) => diagnostics.push(
                    Diagnostic::error(format!("locales/{locale}"), error.to_string())
                        .with_code("ftl-unformattable"),
                ),
            }
        }
        let data = json!({
            "check": &check,
            "wire": encode_check(&check),
            "catalog": catalog.wire(),
            "messages": messages,
        });
        // For a `<script type="application/json">` block: `<` is escaped so
        // no text can close the element early.
        page_data.insert(locale.clone(), data.to_string().replace('<', "\\u003c"));
        match decision_texts(&check, localizer, locale) {
            Ok(texts) => {
                decision_steps.insert(locale.clone(), texts);
            }
            Err(error) => diagnostics.push(Diagnostic::error(format!("locales/{locale}"), error)),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    Ok(DeclaredCheck {
        view: view(&check),
        id: check.id.clone(),
        page_data,
        decision_steps,
    })
}

/// Step id to text, every version a step may name worded generically.
fn decision_texts(
    check: &Check,
    localizer: &Localizer,
    locale: &LanguageIdentifier,
) -> Result<Value, String> {
    let word = |id: &str| {
        localizer
            .format(locale, id, None)
            .map_err(|error| error.to_string())
    };
    let any_version = word("checks-any-version")?;
    let line_minimum = word("checks-line-minimum")?;
    let mut args = FluentArgs::new();
    for input in &check.inputs {
        if matches!(input.kind, InputKind::Version) {
            let name = &input.name;
            args.set(name.clone(), any_version.clone());
            args.set(format!("{name}-minimum"), line_minimum.clone());
            args.set(format!("{name}-console-minimum"), line_minimum.clone());
        }
    }
    let mut texts = serde_json::Map::new();
    for step in &check.steps {
        let id = message_id(&check.id, &format!("step-{}", step.name));
        let text = localizer
            .format_for_page(locale, &id, Some(&args))
            .map_err(|error| error.to_string())?;
        texts.insert(id, text.into());
    }
    Ok(Value::Object(texts))
}
