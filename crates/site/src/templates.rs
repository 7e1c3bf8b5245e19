//! Tera templates with Fluent strings.
//!
//! Templates are parsed once; each locale gets a clone whose `t(id=...)`
//! function is bound to that locale, so templates never pass the language
//! around and every string they show comes from `locales/<locale>/*.ftl`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use technote_diagnostics::{Diagnostic, line_col};
use technote_i18n::{FluentArgs, FluentValue, Localizer};
use tera::{Tera, Value};
use unic_langid::LanguageIdentifier;

/// One Tera instance per locale, all from the same parsed templates.
pub struct Templates {
    by_locale: HashMap<LanguageIdentifier, Tera>,
}

impl Templates {
    pub fn load(
        templates_dir: &Path,
        locales: &[LanguageIdentifier],
        localizer: &Arc<Localizer>,
    ) -> Result<Self, Diagnostic> {
        let glob = templates_dir.join("**").join("*");
        let glob = glob.to_string_lossy();
        let mut base = Tera::new(&glob).map_err(|e| {
            syntax_error(&chain_text(&e)).unwrap_or_else(|| template_error(templates_dir, &e))
        })?;
        base.set_escape_fn(escape_html);
        let by_locale = locales
            .iter()
            .map(|locale| {
                let mut tera = base.clone();
                tera.register_function(
                    "t",
                    Translate {
                        locale: locale.clone(),
                        localizer: Arc::clone(localizer),
                        constant: constant_messages(localizer, locale),
                    },
                );
                (locale.clone(), tera)
            })
            .collect();
        Ok(Self { by_locale })
    }

    pub fn render(
        &self,
        locale: &LanguageIdentifier,
        template: &str,
        context: &tera::Context,
    ) -> Result<String, Diagnostic> {
        let tera = self.by_locale.get(locale).ok_or_else(|| {
            Diagnostic::error(
                template,
                format!("no templates were prepared for locale `{locale}`"),
            )
        })?;
        tera.render(template, context)
            .map_err(|e| match missing_message(&e) {
                Some(missing) => missing.diagnostic(tera, template),
                None => template_error(Path::new("templates").join(template).as_path(), &e),
            })
    }
}

/// Escapes text for HTML content and double-quoted attributes. Tera's own
/// escaper also rewrites `/`, which turns every URL into `&#x2F;` noise.
fn escape_html(text: &str) -> String {
    html_escape::encode_double_quoted_attribute(text).into_owned()
}

/// The `t(id="...", name=value...)` template function.
struct Translate {
    locale: LanguageIdentifier,
    localizer: Arc<Localizer>,
    /// Messages that take no arguments, formatted once: every page asks
    /// for the same labels.
    constant: HashMap<String, String>,
}

fn constant_messages(
    localizer: &Localizer,
    locale: &LanguageIdentifier,
) -> HashMap<String, String> {
    localizer
        .message_ids(locale)
        .into_iter()
        .filter_map(|id| {
            let text = localizer.format(locale, &id, None).ok()?;
            Some((id, text))
        })
        .collect()
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let id = args
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs a message id: t(id=\"message-id\")"))?;
        if args.len() == 1
            && let Some(text) = self.constant.get(id)
        {
            return Ok(Value::String(text.clone()));
        }
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args.iter().filter(|(name, _)| name.as_str() != "id") {
            fluent_args.set(name.clone(), fluent_value(value));
        }
        self.localizer
            .format(&self.locale, id, Some(&fluent_args))
            .map(Value::String)
            .map_err(|e| {
                tera::Error::chain(
                    format!("message `{id}`"),
                    MissingMessage {
                        id: id.to_string(),
                        locale: self.locale.clone(),
                        reason: e.to_string(),
                    },
                )
            })
    }

    fn is_safe(&self) -> bool {
        false
    }
}

fn fluent_value(value: &Value) -> FluentValue<'static> {
    match value {
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| FluentValue::from(n.to_string()), FluentValue::from),
        Value::String(s) => FluentValue::from(s.clone()),
        other => FluentValue::from(other.to_string()),
    }
}

/// Tera nests the real cause (an unknown variable...) in its error's
/// sources; writers need all of it in one line.
fn template_error(path: &Path, error: &tera::Error) -> Diagnostic {
    Diagnostic::error(path, chain_text(error).replace('\n', " "))
        .with_help("fix the template or the message it names")
}

fn chain_text(error: &tera::Error) -> String {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// A message `t()` was asked for that no locale of the chain defines.
#[derive(Debug)]
struct MissingMessage {
    id: String,
    locale: LanguageIdentifier,
    reason: String,
}

impl std::fmt::Display for MissingMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for MissingMessage {}

fn missing_message(error: &tera::Error) -> Option<&MissingMessage> {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if let Some(missing) = cause.downcast_ref::<MissingMessage>() {
            return Some(missing);
        }
        source = cause.source();
    }
    None
}

impl MissingMessage {
    /// Points at the `"id"` of the call: in the rendered template, else in
    /// the templates it extends, else in any template (an include).
    fn diagnostic(&self, tera: &Tera, rendered: &str) -> Diagnostic {
        let quoted = format!("\"{}\"", self.id);
        let mut names = vec![rendered.to_string()];
        if let Ok(template) = tera.get_template(rendered) {
            names.extend(template.parents.iter().cloned());
        }
        let mut others: Vec<&str> = tera.get_template_names().collect();
        others.sort_unstable();
        names.extend(others.into_iter().map(str::to_string));
        let found = names.iter().find_map(|name| {
            let path = tera.get_template(name).ok()?.path.clone()?;
            let text = std::fs::read_to_string(&path).ok()?;
            let (line, column) = line_col(&text, text.find(&quoted)?);
            Some(Diagnostic::error(path, &self.reason).at(line, column + 1))
        });
        found
            .unwrap_or_else(|| {
                Diagnostic::error(Path::new("templates").join(rendered), &self.reason)
            })
            .with_help(format!(
                "add `{} = ...` to locales/{}/*.ftl (or to the reference locale), or fix the id",
                self.id, self.locale
            ))
    }
}

/// The first parse error of Tera's report, at its file, line and column.
/// Tera words it as `Failed to parse "<path>"` followed by pest's
/// ` --> line:column` and `= what was expected`.
fn syntax_error(report: &str) -> Option<Diagnostic> {
    let (_, after) = report.split_once("Failed to parse \"")?;
    let (path, rest) = after.split_once('"')?;
    let mut lines = rest.lines().map(str::trim);
    let position = lines.find_map(|l| l.strip_prefix("--> "))?;
    let (line, column) = position.split_once(':')?;
    let expected = lines.find_map(|l| l.strip_prefix("= "))?;
    Some(
        Diagnostic::error(path, format!("template syntax: {expected}"))
            .at(line.parse().ok()?, column.parse().ok()?)
            .with_help("see https://keats.github.io/tera/docs/#templates for the syntax"),
    )
}
