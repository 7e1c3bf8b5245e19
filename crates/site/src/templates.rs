//! Tera templates with Fluent strings.
//!
//! Templates are parsed once; each locale gets a clone whose `t(id=...)`
//! function is bound to that locale, so templates never pass the language
//! around and every string they show comes from `locales/<locale>/*.ftl`.
//! Tera 2 compiles templates to bytecode and shares context values by
//! reference count, which is what lets 10,000 pages template in a fraction of
//! a second.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use technote_diagnostics::{Diagnostic, invalid_utf8_position};
use technote_files::Folder;
use technote_i18n::{FluentArgs, FluentValue, Localizer, holds_fallback_marks};
use tera::{Context, ErrorKind, Kwargs, ReportError, State, Tera, TeraResult, Value};
use unic_langid::LanguageIdentifier;

use crate::fallback_text::resolve_fallback_marks;

/// What a page's frame holds where a part of it goes while the frame is
/// rendered (see `render_page_to`): a comment with the part's number, which
/// the fallback rewrite leaves as it is, in private-use characters that no
/// escaped text and no template spells.
const STAND_IN_START: &str = "<!--\u{E004}technote page part ";
const STAND_IN_END: &str = "\u{E004}-->";

/// Separates the message of a failed `t()` call from its help, inside the
/// one error string Tera carries back from a template function.
const HELP_SEPARATOR: char = '\u{1F}';

const SYNTAX_HELP: &str = "see https://keats.github.io/tera/docs/#templates for the syntax";

/// File name endings of templates; anything else in `templates/` (editor
/// swap and backup files, notes) is not a template.
const TEMPLATE_EXTENSIONS: [&str; 3] = ["html", "xml", "txt"];

/// One Tera instance per locale, all from the same parsed templates.
pub struct Templates {
    by_locale: HashMap<LanguageIdentifier, Tera>,
    /// Resolves the marks `t()` puts around text in the reference locale's
    /// words (`fallback_text`).
    localizer: Arc<Localizer>,
    assets: AssetUrls,
    /// Where the templates were read, to name files in diagnostics.
    dir: PathBuf,
}

impl Templates {
    pub fn load(
        templates_dir: &Path,
        locales: &[LanguageIdentifier],
        localizer: &Arc<Localizer>,
        assets: AssetUrls,
    ) -> Result<Self, Diagnostic> {
        let mut own = Vec::new();
        // A project without the folder uses the built-in theme whole.
        if templates_dir.exists() {
            let folder = Folder::open(templates_dir).map_err(|e| {
                Diagnostic::error(templates_dir, format!("cannot read the templates: {e}"))
                    .with_code("template-unreadable")
                    .with_help("check that the folder exists and that you may read it")
            })?;
            collect_templates(&folder, templates_dir, templates_dir, &mut own)?;
        }
        let files = over_builtin(own)?;
        let translate = |locale: &LanguageIdentifier| Translate {
            locale: locale.clone(),
            localizer: Arc::clone(localizer),
            constant: constant_messages(localizer, locale),
        };
        // Tera checks at parse time that every function a template calls
        // exists, so `t` is there before the templates; each locale's clone
        // then binds it to that locale.
        let mut base = Tera::new();
        base.register_function("asset", assets.clone());
        if let Some(first) = locales.first() {
            base.register_function("t", translate(first));
            base.register_function("t_plural", TranslatePlural::new(first, localizer));
        }
        base.add_raw_templates(files.iter().map(|(name, text)| (name, text)))
            .map_err(|e| diagnostic(templates_dir, &e))?;
        let by_locale = locales
            .iter()
            .map(|locale| {
                let mut tera = base.clone();
                tera.register_function("t", translate(locale));
                tera.register_function("t_plural", TranslatePlural::new(locale, localizer));
                (locale.clone(), tera)
            })
            .collect();
        Ok(Self {
            by_locale,
            localizer: Arc::clone(localizer),
            assets,
            dir: templates_dir.to_path_buf(),
        })
    }

    /// The names of the templates below `widgets/` with their ending, the
    /// project's and the built-in theme's alike: a project without a
    /// `templates/` folder still has the theme's widgets.
    pub fn widget_templates(&self) -> Vec<String> {
        let Some(tera) = self.by_locale.values().next() else {
            return Vec::new();
        };
        let mut names: Vec<String> = tera
            .get_template_names()
            .filter(|name| name.starts_with("widgets/"))
            .map(str::to_string)
            .collect();
        names.sort();
        names
    }

    /// The content-hashed names of `www/` files below `assets/`, which a
    /// host may cache for good.
    pub fn fingerprinted_assets(&self) -> Vec<&str> {
        self.assets
            .names
            .iter()
            .filter(|(relative, published)| relative != published)
            .map(|(_, published)| published.as_str())
            .collect()
    }

    pub fn render(
        &self,
        locale: &LanguageIdentifier,
        template: &str,
        context: &Context,
    ) -> Result<String, Diagnostic> {
        let mut html = Vec::new();
        self.render_to(locale, template, context, &mut html)?;
        // Tera writes only strings, which are UTF-8.
        String::from_utf8(html).map_err(|_| {
            Diagnostic::error(self.dir.join(template), "the template wrote invalid UTF-8")
                .with_code("template-failed")
        })
    }

    /// Renders a page whose largest values, HTML or JSON the template
    /// prints as they are (`parts`: the body, the FAQ's JSON-LD), mostly
    /// hold no fallback marks (the renderer resolved its labels'): only the
    /// frame around them is searched for marks and, when it holds some,
    /// read by lol_html; they are put in afterwards. A part with marks of
    /// its own is rendered with the frame as before.
    pub fn render_page_to(
        &self,
        locale: &LanguageIdentifier,
        template: &str,
        context: &mut Context,
        parts: Vec<(&'static str, String)>,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        let mut spliced = Vec::with_capacity(parts.len());
        for (key, part) in parts {
            if holds_fallback_marks(part.as_bytes()) {
                context.insert_value(key, Value::safe_string(&part));
            } else {
                let stand_in = format!("{STAND_IN_START}{}{STAND_IN_END}", spliced.len());
                context.insert_value(key, Value::safe_string(&stand_in));
                spliced.push(part);
            }
        }
        let parts_len: usize = spliced.iter().map(String::len).sum();
        let mut frame = Vec::with_capacity(out.capacity().saturating_sub(parts_len));
        self.render_to(locale, template, context, &mut frame)?;
        let (start, end) = (STAND_IN_START.as_bytes(), STAND_IN_END.as_bytes());
        let mut rest = frame.as_slice();
        // A template may print a part more than once, or not at all.
        while let Some(at) = memchr::memmem::find(rest, start) {
            out.extend_from_slice(&rest[..at]);
            let after = &rest[at + start.len()..];
            let digits = after.iter().take_while(|b| b.is_ascii_digit()).count();
            let part = std::str::from_utf8(&after[..digits])
                .ok()
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| spliced.get(n));
            match part {
                Some(part) if after[digits..].starts_with(end) => {
                    out.extend_from_slice(part.as_bytes());
                    rest = &after[digits + end.len()..];
                }
                // Not one of ours (no template spells these characters).
                _ => {
                    out.extend_from_slice(start);
                    rest = after;
                }
            }
        }
        out.extend_from_slice(rest);
        Ok(())
    }

    /// Renders into `out`, which the caller may have sized for the page.
    pub fn render_to(
        &self,
        locale: &LanguageIdentifier,
        template: &str,
        context: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), Diagnostic> {
        let tera = self.by_locale.get(locale).ok_or_else(|| {
            Diagnostic::error(
                self.dir.join(template),
                format!("no templates were prepared for locale `{locale}`"),
            )
            .with_code("template-failed")
        })?;
        let start = out.len();
        tera.render_to(template, context, &mut *out)
            .map_err(|e| diagnostic(&self.dir, &e))?;
        if !holds_fallback_marks(&out[start..]) {
            return Ok(());
        }
        let failed = |why: String| {
            Diagnostic::error(self.dir.join(template), why).with_code("template-failed")
        };
        // Tera writes only strings, which are UTF-8.
        let written = out.split_off(start);
        resolve_fallback_marks(&self.localizer, locale, template, &written, out).map_err(failed)
    }
}

/// The project's templates and every built-in one it does not replace (by
/// name, as mdBook's theme files are), sorted by name.
fn over_builtin(own: Vec<(String, String)>) -> Result<Vec<(String, String)>, Diagnostic> {
    let mut files: BTreeMap<String, String> = own.into_iter().collect();
    for (name, bytes) in technote_theme::under("templates") {
        if files.contains_key(name) || !is_template(Path::new(name)) {
            continue;
        }
        let text = std::str::from_utf8(bytes).map_err(|_| {
            Diagnostic::error(Path::new(name), "a built-in template is not valid UTF-8")
                .with_help("this is a defect of technote: report it")
        })?;
        files.insert(name.to_string(), text.to_string());
    }
    Ok(files.into_iter().collect())
}

fn is_template(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEMPLATE_EXTENSIONS.contains(&e))
}

/// Reads every template below `dir`, named by its path relative to `root`
/// with `/` separators, as `{% extends %}` and `{% include %}` name them.
fn collect_templates(
    folder: &Folder,
    root: &Path,
    dir: &Path,
    files: &mut Vec<(String, String)>,
) -> Result<(), Diagnostic> {
    let unreadable = |path: &Path, e: std::io::Error| {
        Diagnostic::error(path, format!("cannot read the templates: {e}"))
            .with_code("template-unreadable")
            .with_help("check that the folder exists and that you may read it")
    };
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| unreadable(dir, e))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            collect_templates(folder, root, &path, files)?;
            continue;
        }
        if !is_template(&path) {
            continue;
        }
        let bytes = folder.read(&path)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let (line, column) = invalid_utf8_position(e.as_bytes(), &e.utf8_error());
            Diagnostic::error(&path, "this template is not valid UTF-8")
                .with_code("file-not-utf8")
                .at(line, column)
                .with_help("save the file as UTF-8")
        })?;
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        files.push((name, text));
    }
    Ok(())
}

/// A Tera error as writers read it: the template file, line and column,
/// what is wrong and how to fix it.
fn diagnostic(templates_dir: &Path, error: &tera::Error) -> Diagnostic {
    match error.kind() {
        ErrorKind::SyntaxError(report) => at_report(
            templates_dir,
            report,
            &format!("template syntax: {}", report.message()),
        )
        .with_help(SYNTAX_HELP),
        ErrorKind::RenderingError(report) => {
            let (message, help) = report
                .message()
                .split_once(HELP_SEPARATOR)
                .unwrap_or((report.message(), "fix the template or the message it names"));
            at_report(templates_dir, report, message).with_help(help)
        }
        ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            templates_dir.join(current),
            format!("extends `{parent}`, which is not a template of this folder"),
        )
        .with_code("template-invalid")
        .with_help("fix the name in `{% extends %}` or add the template"),
        _ => Diagnostic::error(templates_dir, error.to_string())
            .with_code("template-invalid")
            .with_help("fix the template or the message it names"),
    }
}

/// `message` at the template file, line and column Tera's report names.
fn at_report(templates_dir: &Path, report: &ReportError, message: &str) -> Diagnostic {
    let span = report.span();
    let to_u32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Diagnostic::error(templates_dir.join(report.filename()), message)
        .with_code("template-invalid")
        .at(to_u32(span.start_line), to_u32(span.start_col + 1))
}

/// The `asset(path="style.css")` template function: the address of a
/// `www/` file in the site, under its content-hashed name when it has one,
/// so that a changed stylesheet or script is fetched again at once.
#[derive(Clone)]
pub struct AssetUrls {
    base_path: String,
    /// `www/` path → path below `assets/` in the site.
    names: Arc<BTreeMap<String, String>>,
}

impl AssetUrls {
    pub fn new(base_path: &str, names: BTreeMap<String, String>) -> Self {
        Self {
            base_path: base_path.to_string(),
            names: Arc::new(names),
        }
    }
}

impl tera::Function<TeraResult<Value>> for AssetUrls {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let path: &str = kwargs.must_get("path")?;
        match self.names.get(path) {
            Some(published) => Ok(Value::normal_string(&format!(
                "{}assets/{published}",
                self.base_path
            ))),
            None => Err(tera::Error::message(format!(
                "`{path}` is no file of www/ nor of the built-in theme's{HELP_SEPARATOR}\
                 name a file below www/, such as asset(path=\"style.css\"); \
                 `technote eject --list` lists the built-in ones"
            ))),
        }
    }
}

/// The `t(id="...", name=value...)` template function.
struct Translate {
    locale: LanguageIdentifier,
    localizer: Arc<Localizer>,
    /// Messages that take no arguments, formatted once: every page asks
    /// for the same labels, a dozen times a page (hence the faster hash).
    constant: FxHashMap<String, Value>,
}

fn constant_messages(
    localizer: &Localizer,
    locale: &LanguageIdentifier,
) -> FxHashMap<String, Value> {
    localizer
        .message_ids(locale)
        .into_iter()
        .filter_map(|id| {
            let text = localizer.format_for_page(locale, &id, None).ok()?;
            Some((id, Value::normal_string(&text)))
        })
        .collect()
}

impl tera::Function<TeraResult<Value>> for Translate {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let id: &str = kwargs.must_get("id")?;
        let is_argument = |name: &tera::value::Key<'_>| name.as_str() != Some("id");
        if !kwargs.iter().any(|(name, _)| is_argument(name))
            && let Some(text) = self.constant.get(id)
        {
            return Ok(text.clone());
        }
        let mut fluent_args = FluentArgs::new();
        for (name, value) in kwargs.iter().filter(|(name, _)| is_argument(name)) {
            fluent_args.set(name.to_string(), fluent_value(value));
        }
        self.localizer
            .format_for_page(&self.locale, id, Some(&fluent_args))
            .map(|text| Value::normal_string(&text))
            .map_err(|e| {
                tera::Error::message(format!(
                    "{e}{HELP_SEPARATOR}add `{id} = ...` to locales/{}/*.ftl (or to the reference locale), or fix the id",
                    self.locale
                ))
            })
    }
}

/// The `t_plural(id="...")` template function: a message's text for each
/// plural form of the locale as a JSON object (`{"one": "…", "few": "…"}`,
/// `"=0"` for an exact-number variant), with `{name}` where each variable
/// goes, for a script that knows the number (search counts): selectors then
/// see numbers, not the placeholder.
struct TranslatePlural {
    locale: LanguageIdentifier,
    localizer: Arc<Localizer>,
    /// Each message's forms, worked out once: every page asks for the same.
    done: std::sync::Mutex<FxHashMap<String, Value>>,
}

impl TranslatePlural {
    fn new(locale: &LanguageIdentifier, localizer: &Arc<Localizer>) -> Self {
        Self {
            locale: locale.clone(),
            localizer: Arc::clone(localizer),
            done: std::sync::Mutex::default(),
        }
    }
}

impl tera::Function<TeraResult<Value>> for TranslatePlural {
    fn call(&self, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
        let id: &str = kwargs.must_get("id")?;
        let done = |map: &FxHashMap<String, Value>| map.get(id).cloned();
        let lock = || {
            self.done
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(value) = done(&lock()) {
            return Ok(value);
        }
        let forms = self
            .localizer
            .plural_templates(&self.locale, id)
            .map_err(|e| {
                tera::Error::message(format!(
                    "{e}{HELP_SEPARATOR}add `{id} = ...` to locales/{}/*.ftl (or to the reference locale), or fix the id",
                    self.locale
                ))
            })?;
        // Localizer::template marks a variable as U+E000 name U+E001.
        let forms: std::collections::BTreeMap<String, String> = forms
            .into_iter()
            .map(|(form, text)| (form, text.replace('\u{E000}', "{").replace('\u{E001}', "}")))
            .collect();
        let json =
            serde_json::to_string(&forms).map_err(|e| tera::Error::message(e.to_string()))?;
        let value = Value::normal_string(&json);
        lock().insert(id.to_string(), value.clone());
        Ok(value)
    }
}

fn fluent_value(value: &Value) -> FluentValue<'static> {
    match (value.as_number(), value.as_str()) {
        (Some(number), _) => FluentValue::from(number.as_float()),
        (None, Some(text)) => FluentValue::from(text.to_string()),
        (None, None) => FluentValue::from(value.to_string()),
    }
}
