//! Tera templates with Fluent strings.
//!
//! Templates are parsed once; each locale gets a clone whose `t(id=...)`
//! function is bound to that locale, so templates never pass the language
//! around and every string they show comes from `locales/<locale>/*.ftl`.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use technote_diagnostics::Diagnostic;
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
        let mut base = Tera::new(&glob).map_err(|e| template_error(templates_dir, &e))?;
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
            .map_err(|e| template_error(Path::new("templates").join(template).as_path(), &e))
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
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let id = args
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("t() needs a message id: t(id=\"message-id\")"))?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args.iter().filter(|(name, _)| name.as_str() != "id") {
            fluent_args.set(name.clone(), fluent_value(value));
        }
        self.localizer
            .format(&self.locale, id, Some(&fluent_args))
            .map(Value::String)
            .map_err(|e| {
                tera::Error::msg(format!(
                    "{e}; add `{id} = ...` to locales/{}/*.ftl (or to the reference locale)",
                    self.locale
                ))
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

/// Tera nests the real cause (a missing message, an unknown variable) in
/// its error's sources; writers need all of it in one line.
fn template_error(path: &Path, error: &tera::Error) -> Diagnostic {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    Diagnostic::error(path, message).with_help("fix the template or the message it names")
}
