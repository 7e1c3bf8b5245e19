//! The runtime side: one Fluent bundle per locale and formatting through the
//! fallback chain.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use technote_diagnostics::{Diagnostic, LineIndex};
use unic_langid::LanguageIdentifier;

use crate::files::{BuiltinFtl, locale_sources, position_of, syntax_errors};

/// Start and end of a variable's sentinel in [`Localizer::template`].
const SENTINEL_START: char = '\u{E000}';
const SENTINEL_END: char = '\u{E001}';

/// UI strings of every locale. `Send + Sync`, so pages can be rendered in
/// parallel against one shared localizer.
pub struct Localizer {
    reference: LanguageIdentifier,
    locales: BTreeMap<LanguageIdentifier, LocaleMessages>,
}

type Bundle = FluentBundle<FluentResource>;

struct LocaleMessages {
    bundle: Bundle,
    /// Message ids (terms excluded), for listings.
    ids: BTreeSet<String>,
    /// Names of its `.ftl` files (`site.ftl`).
    files: BTreeSet<String>,
}

/// What a locale takes from the reference locale: see
/// [`Localizer::fallbacks`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallbacks {
    /// The reference locale's string files that this locale and its less
    /// specific forms have no file of that name for.
    pub missing_files: Vec<String>,
    /// Messages shown in the reference locale's words.
    pub missing_messages: usize,
    /// Messages of the reference locale.
    pub reference_messages: usize,
}

/// A message that could not be formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageError {
    pub id: String,
    pub locale: LanguageIdentifier,
    pub reason: String,
}

impl fmt::Display for MessageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot format message `{}` for locale {}: {}",
            self.id, self.locale, self.reason
        )
    }
}

impl std::error::Error for MessageError {}

impl Localizer {
    /// Loads `locales_dir/<tag>/*.ftl` for every locale of `locales` and for
    /// the reference locale. Each folder must exist; the reference locale's
    /// must hold at least one file. The folders of less specific forms
    /// (`pt` for `pt-BR`) are loaded too when they exist, so that `pt-BR`
    /// falls back to `pt` before the reference locale.
    pub fn load(
        locales_dir: &Path,
        locales: &[LanguageIdentifier],
        reference: &LanguageIdentifier,
    ) -> Result<Localizer, Vec<Diagnostic>> {
        Self::load_over(&[], locales_dir, locales, reference)
    }

    /// [`Localizer::load`] over `builtin` files: a project's file replaces
    /// the built-in one of the same name and locale, and a locale the
    /// built-in files have needs no folder.
    pub fn load_over(
        builtin: &[BuiltinFtl<'_>],
        locales_dir: &Path,
        locales: &[LanguageIdentifier],
        reference: &LanguageIdentifier,
    ) -> Result<Localizer, Vec<Diagnostic>> {
        let mut wanted: Vec<LanguageIdentifier> = locales.to_vec();
        if !wanted.contains(reference) {
            wanted.push(reference.clone());
        }
        let parents: Vec<LanguageIdentifier> = locales
            .iter()
            .flat_map(|locale| less_specific(locale).into_iter().skip(1))
            .filter(|parent| locales_dir.join(parent.to_string()).is_dir())
            .collect();
        for parent in parents {
            if !wanted.contains(&parent) {
                wanted.push(parent);
            }
        }
        let mut sources = Vec::new();
        let mut problems = Vec::new();
        for locale in &wanted {
            let dir = locales_dir.join(locale.to_string());
            let (files, unreadable) = locale_sources(&dir, builtin);
            if files.is_empty() && unreadable.is_empty() && locale == reference {
                problems.push(
                    Diagnostic::error(&dir, "the reference locale has no .ftl files")
                        .with_code("ftl-reference-empty")
                        .with_help(
                            "every UI string falls back to the reference locale: give it all messages",
                        ),
                );
            }
            problems.extend(unreadable);
            sources.extend(
                files
                    .into_iter()
                    .map(|(file, text)| (locale.clone(), file, text)),
            );
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut localizer = Self::from_sources(sources, reference)?;
        // A folder without string files is a locale all the same: its
        // chain starts with it, and `fallbacks` tells what it lacks.
        for locale in wanted {
            localizer
                .locales
                .entry(locale.clone())
                .or_insert_with(|| LocaleMessages {
                    bundle: new_bundle(&locale),
                    ids: BTreeSet::new(),
                    files: BTreeSet::new(),
                });
        }
        Ok(localizer)
    }

    /// Builds the localizer from in-memory sources: (locale, file name used
    /// in messages, FTL text). Files of one locale are added in the given order.
    pub fn from_sources(
        sources: Vec<(LanguageIdentifier, PathBuf, String)>,
        reference: &LanguageIdentifier,
    ) -> Result<Localizer, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut parsed: BTreeMap<LanguageIdentifier, Vec<(PathBuf, FluentResource)>> =
            BTreeMap::new();
        for (locale, path, text) in sources {
            // The runtime parser skips comments, so a malformed one (`##x`)
            // would pass here and fail the lint: the full parser's errors
            // keep `technote build` and `technote check` in agreement.
            let full_parse_errors = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(_) => Vec::new(),
                Err((_, errors)) => syntax_errors(&path, &text, &errors),
            };
            let resource = match FluentResource::try_new(text) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    if full_parse_errors.is_empty() {
                        problems.extend(syntax_errors(&path, resource.source(), &errors));
                    }
                    resource
                }
            };
            problems.extend(full_parse_errors);
            parsed.entry(locale).or_default().push((path, resource));
        }

        let mut locales = BTreeMap::new();
        for (locale, resources) in parsed {
            let duplicates = duplicate_definitions(&resources);
            if !duplicates.is_empty() {
                problems.extend(duplicates);
                continue;
            }
            let mut bundle = new_bundle(&locale);
            let mut ids = BTreeSet::new();
            let mut files = BTreeSet::new();
            for (path, resource) in resources {
                if let Some(name) = path.file_name() {
                    files.insert(name.to_string_lossy().into_owned());
                }
                ids.extend(resource.entries().filter_map(|entry| match entry {
                    Entry::Message(message) => Some(message.id.name.to_string()),
                    _ => None,
                }));
                if let Err(errors) = bundle.add_resource(resource) {
                    problems.extend(errors.iter().map(|e| {
                        Diagnostic::error(&path, e.to_string()).with_code("ftl-duplicate")
                    }));
                }
            }
            locales.insert(locale, LocaleMessages { bundle, ids, files });
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Localizer {
            reference: reference.clone(),
            locales,
        })
    }

    /// Formats `id` (or `id.attribute`) in the first locale of the fallback
    /// chain that defines it. A translation that cannot be formatted with
    /// the arguments the site passes (a variable renamed `{ $anzahl }`)
    /// gives way to the next locale of the chain: the page shows that text
    /// and the lint reports the mistake at its `.ftl` line, instead of the
    /// build failing at the template that asked for it.
    pub fn format(
        &self,
        locale: &LanguageIdentifier,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, MessageError> {
        let error = |reason: String| MessageError {
            id: id.to_string(),
            locale: locale.clone(),
            reason,
        };
        let chain = self.fallback_chain(locale);
        let providers: Vec<(&LanguageIdentifier, &Bundle, &Pattern<&str>)> = chain
            .iter()
            .filter_map(|l| {
                self.lookup(l, id)
                    .map(|(bundle, pattern)| (l, bundle, pattern))
            })
            .collect();
        let Some(((provider, bundle, pattern), earlier)) = providers.split_last() else {
            let tags: Vec<String> = chain.iter().map(ToString::to_string).collect();
            return Err(error(format!(
                "no locale of the fallback chain ({}) defines it",
                tags.join(" → ")
            )));
        };
        for (_, bundle, pattern) in earlier {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if errors.is_empty() {
                return Ok(text.into_owned());
            }
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            let reasons: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Err(error(format!(
                "in the {provider} message, {}",
                reasons.join("; ")
            )))
        }
    }

    /// [`Localizer::format`] for a page in `locale`: a text that comes from
    /// a locale written the other way (English on an Arabic page) is wrapped
    /// in Unicode directional isolates (LRI or RLI … PDI), so that its
    /// punctuation does not flip; they need no markup, so the text may go
    /// in an attribute as well as in an element.
    pub fn format_for_page(
        &self,
        locale: &LanguageIdentifier,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, MessageError> {
        let text = self.format(locale, id, args)?;
        let provider = self.provider(locale, id);
        let direction = |l: &LanguageIdentifier| l.character_direction();
        Ok(match provider {
            Some(provider) if direction(&provider) != direction(locale) => {
                let open = match direction(&provider) {
                    unic_langid::CharacterDirection::RTL => '\u{2067}',
                    _ => '\u{2066}',
                };
                format!("{open}{text}\u{2069}")
            }
            _ => text,
        })
    }

    /// The locales consulted for `locale`, most specific first: the locale,
    /// its less specific parents (zh-Hant-TW → zh-Hant → zh), then the
    /// reference locale. Only loaded locales are listed.
    pub fn fallback_chain(&self, locale: &LanguageIdentifier) -> Vec<LanguageIdentifier> {
        let mut chain: Vec<LanguageIdentifier> = Vec::new();
        let candidates = less_specific(locale)
            .into_iter()
            .chain(std::iter::once(self.reference.clone()));
        for candidate in candidates {
            if self.locales.contains_key(&candidate) && !chain.contains(&candidate) {
                chain.push(candidate);
            }
        }
        chain
    }

    /// The locale that provides `id` (or `id.attribute`) to `locale`.
    pub fn provider(&self, locale: &LanguageIdentifier, id: &str) -> Option<LanguageIdentifier> {
        self.fallback_chain(locale)
            .into_iter()
            .find(|l| self.lookup(l, id).is_some())
    }

    /// What `locale` shows in the reference locale's words, because neither
    /// it nor a less specific form of it (`pt` for `pt-BR`) has them.
    pub fn fallbacks(&self, locale: &LanguageIdentifier) -> Fallbacks {
        let own: Vec<&LocaleMessages> = self
            .fallback_chain(locale)
            .iter()
            .filter(|l| **l != self.reference)
            .filter_map(|l| self.locales.get(l))
            .collect();
        let Some(reference) = self.locales.get(&self.reference) else {
            return Fallbacks {
                missing_files: Vec::new(),
                missing_messages: 0,
                reference_messages: 0,
            };
        };
        Fallbacks {
            missing_files: reference
                .files
                .iter()
                .filter(|file| !own.iter().any(|m| m.files.contains(*file)))
                .cloned()
                .collect(),
            missing_messages: reference
                .ids
                .iter()
                .filter(|id| !own.iter().any(|m| m.ids.contains(*id)))
                .count(),
            reference_messages: reference.ids.len(),
        }
    }

    /// One warning per locale of `locales` that shows UI strings in the
    /// reference locale's words, at its folder under `locales_dir`, saying
    /// which string files it lacks and how many strings: what `technote
    /// build` tells, so that a site is never half in English unnoticed.
    pub fn fallback_warnings(
        &self,
        locales_dir: &Path,
        locales: &[LanguageIdentifier],
    ) -> Vec<Diagnostic> {
        let reference = &self.reference;
        locales
            .iter()
            .filter(|locale| *locale != reference)
            .filter_map(|locale| {
                let fallbacks = self.fallbacks(locale);
                // Strings moved to other files are not missing.
                if fallbacks.missing_messages == 0 {
                    return None;
                }
                let total = fallbacks.reference_messages;
                let message = if fallbacks.missing_messages == total {
                    format!("`{locale}` has no UI strings of its own: its pages show all {total} in `{reference}`")
                } else {
                    let files = match fallbacks.missing_files.as_slice() {
                        [] => String::new(),
                        [file] => format!("the string file {file} and "),
                        files => format!("{} string files ({}) and ", files.len(), files.join(", ")),
                    };
                    format!(
                        "`{locale}` lacks {files}{} of the {total} UI strings: its pages show them in `{reference}`",
                        fallbacks.missing_messages
                    )
                };
                Some(
                    Diagnostic::warning(locales_dir.join(locale.to_string()), message)
                    .with_code("ftl-locale-incomplete")
                    .with_help(format!(
                        "copy the missing files from locales/{reference}/ and translate them; `technote check` lists each string"
                    )),
                )
            })
            .collect()
    }

    /// Every message id available to `locale` through its chain, sorted.
    pub fn message_ids(&self, locale: &LanguageIdentifier) -> Vec<String> {
        let ids: BTreeSet<&String> = self
            .fallback_chain(locale)
            .iter()
            .filter_map(|l| self.locales.get(l))
            .flat_map(|messages| &messages.ids)
            .collect();
        ids.into_iter().cloned().collect()
    }

    /// Formats `id` with each variable it uses replaced by
    /// `"\u{E000}NAME\u{E001}"`, for a browser script to fill in later.
    /// Selectors see the sentinel string, so they take their default variant.
    pub fn template(&self, locale: &LanguageIdentifier, id: &str) -> Result<String, MessageError> {
        let mut variables = Vec::new();
        if let Some((_, pattern)) = self
            .fallback_chain(locale)
            .iter()
            .find_map(|l| self.lookup(l, id))
        {
            collect_variables(pattern, &mut variables);
        }
        let mut args = FluentArgs::new();
        for name in variables {
            args.set(
                name,
                FluentValue::from(format!("{SENTINEL_START}{name}{SENTINEL_END}")),
            );
        }
        self.format(locale, id, Some(&args))
    }

    /// [`Localizer::template`] once per plural form of `locale`: for each
    /// CLDR category (`one`, `few`…) the text with the select expressions on
    /// numbers resolved to that category, and for each exact-number variant
    /// (`[0]`) under the key `=0`, so that a browser script picks the form
    /// with `Intl.PluralRules` as Fluent would have. A message with nothing
    /// this can resolve (a term, a function) gets its template under `other`.
    pub fn plural_templates(
        &self,
        locale: &LanguageIdentifier,
        id: &str,
    ) -> Result<BTreeMap<String, String>, MessageError> {
        let template = self.template(locale, id)?;
        let Some((_, pattern)) = self
            .fallback_chain(locale)
            .iter()
            .find_map(|l| self.lookup(l, id))
        else {
            return Ok(BTreeMap::from([("other".to_string(), template)]));
        };
        let mut choices: Vec<(String, PluralChoice)> = crate::plurals::Categories::of(locale)
            .map(|categories| {
                categories
                    .names()
                    .map(|name| (name.to_string(), PluralChoice::Category(name)))
                    .collect()
            })
            .unwrap_or_default();
        let mut exact = Vec::new();
        exact_number_keys(pattern, &mut exact);
        choices.extend(
            exact
                .into_iter()
                .map(|n| (format!("={n}"), PluralChoice::Exact(n))),
        );
        let mut forms = BTreeMap::new();
        for (key, choice) in choices {
            let mut text = String::new();
            if !resolve_plurals(pattern, &choice, &mut text) {
                return Ok(BTreeMap::from([("other".to_string(), template)]));
            }
            forms.insert(key, text);
        }
        forms.entry("other".to_string()).or_insert(template);
        Ok(forms)
    }

    /// The bundle of `locale` and its pattern for `id` (`message` or
    /// `message.attribute`), when that locale defines it.
    fn lookup<'a>(
        &'a self,
        locale: &LanguageIdentifier,
        id: &str,
    ) -> Option<(&'a Bundle, &'a Pattern<&'a str>)> {
        let bundle = &self.locales.get(locale)?.bundle;
        let pattern = match id.split_once('.') {
            Some((message, attribute)) => bundle
                .get_message(message)?
                .get_attribute(attribute)
                .map(|a| a.value()),
            None => bundle.get_message(id)?.value(),
        }?;
        Some((bundle, pattern))
    }
}

/// An empty bundle for `locale`, formatting without directional isolates
/// ([`Localizer::format_for_page`] adds them only where they are needed).
fn new_bundle(locale: &LanguageIdentifier) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![locale.clone()]);
    bundle.set_use_isolating(false);
    bundle
}

/// Which variant a select on a number takes in [`Localizer::plural_templates`].
enum PluralChoice<'p> {
    Category(&'static str),
    Exact(&'p str),
}

/// Every exact-number variant key of a pattern (`0` for `[0]`), once each.
fn exact_number_keys<'p>(pattern: &Pattern<&'p str>, keys: &mut Vec<&'p str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable {
            expression: Expression::Select { variants, .. },
        } = element
        {
            for variant in variants {
                if let VariantKey::NumberLiteral { value } = variant.key
                    && !keys.contains(&value)
                {
                    keys.push(value);
                }
                exact_number_keys(&variant.value, keys);
            }
        }
    }
}

/// Writes `pattern` into `out` with variables as sentinels and selects on
/// numbers resolved by `choice` (selects on words take their default, as
/// [`Localizer::template`] does). False when the pattern holds something
/// only Fluent can format (a message or term reference, a function).
fn resolve_plurals(pattern: &Pattern<&str>, choice: &PluralChoice<'_>, out: &mut String) -> bool {
    pattern.elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => {
            out.push_str(value);
            true
        }
        PatternElement::Placeable { expression } => resolve_expression(expression, choice, out),
    })
}

fn resolve_expression(
    expression: &Expression<&str>,
    choice: &PluralChoice<'_>,
    out: &mut String,
) -> bool {
    match expression {
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            out.push(SENTINEL_START);
            out.push_str(id.name);
            out.push(SENTINEL_END);
            true
        }
        Expression::Inline(InlineExpression::StringLiteral { value })
        | Expression::Inline(InlineExpression::NumberLiteral { value }) => {
            out.push_str(value);
            true
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            resolve_expression(expression, choice, out)
        }
        Expression::Inline(_) => false,
        Expression::Select { selector, variants } => {
            let on_number = match selector {
                InlineExpression::VariableReference { .. } => true,
                InlineExpression::FunctionReference { id, .. } => id.name == "NUMBER",
                _ => false,
            };
            let chosen = variants
                .iter()
                .find(|variant| {
                    on_number
                        && match (&variant.key, choice) {
                            (VariantKey::Identifier { name }, PluralChoice::Category(c)) => {
                                name == c
                            }
                            (VariantKey::NumberLiteral { value }, PluralChoice::Exact(n)) => {
                                value == n
                            }
                            _ => false,
                        }
                })
                .or_else(|| variants.iter().find(|variant| variant.default));
            chosen.is_some_and(|variant| resolve_plurals(&variant.value, choice, out))
        }
    }
}

/// Names of the variables a pattern refers to, selectors and variants included.
fn collect_variables<'a>(pattern: &Pattern<&'a str>, names: &mut Vec<&'a str>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression_variables(expression, names);
        }
    }
}

fn collect_expression_variables<'a>(expression: &Expression<&'a str>, names: &mut Vec<&'a str>) {
    match expression {
        Expression::Inline(inline) => collect_inline_variables(inline, names),
        Expression::Select { selector, variants } => {
            collect_inline_variables(selector, names);
            for variant in variants {
                collect_variables(&variant.value, names);
            }
        }
    }
}

fn collect_inline_variables<'a>(inline: &InlineExpression<&'a str>, names: &mut Vec<&'a str>) {
    match inline {
        InlineExpression::VariableReference { id } if !names.contains(&id.name) => {
            names.push(id.name)
        }
        InlineExpression::Placeable { expression } => {
            collect_expression_variables(expression, names)
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline_variables(argument, names);
            }
        }
        _ => {}
    }
}

/// `locale` followed by its less specific forms: without variants, without
/// region, without script.
pub(crate) fn less_specific(locale: &LanguageIdentifier) -> Vec<LanguageIdentifier> {
    let mut forms = vec![locale.clone()];
    let mut current = locale.clone();
    if current.variants().len() > 0 {
        current.clear_variants();
        forms.push(current.clone());
    }
    if current.region.take().is_some() {
        forms.push(current.clone());
    }
    if current.script.take().is_some() {
        forms.push(current);
    }
    forms
}

/// Messages (and terms) defined twice within one locale, possibly in two files.
fn duplicate_definitions(resources: &[(PathBuf, FluentResource)]) -> Vec<Diagnostic> {
    let lines: Vec<LineIndex<'_>> = resources
        .iter()
        .map(|(_, resource)| LineIndex::new(resource.source()))
        .collect();
    // (kind, name) → (file number, name as borrowed from that file's source)
    let mut first_seen: HashMap<(&str, &str), (usize, &str)> = HashMap::new();
    let mut problems = Vec::new();
    for (number, (path, resource)) in resources.iter().enumerate() {
        for entry in resource.entries() {
            let (name, kind) = match entry {
                Entry::Message(message) => (message.id.name, "message"),
                Entry::Term(term) => (term.id.name, "term"),
                _ => continue,
            };
            let Some(&(first_number, first_name)) = first_seen.get(&(kind, name)) else {
                first_seen.insert((kind, name), (number, name));
                continue;
            };
            // Positions are only worked out for the rare duplicate.
            let position = |n: usize, part: &str| {
                lines
                    .get(n)
                    .and_then(|l| position_of(l, part))
                    .unwrap_or((1, 1))
            };
            let (line, column) = position(number, name);
            let (first_line, _) = position(first_number, first_name);
            let first_path = resources.get(first_number).map_or(path, |(p, _)| p);
            problems.push(
                Diagnostic::error(
                    path.as_path(),
                    format!(
                        "{kind} `{name}` is defined twice: here and in {}:{first_line}",
                        first_path.display()
                    ),
                )
                .at(line, column)
                .with_code("ftl-duplicate")
                .with_help("keep one definition; rename the other if it means something else"),
            );
        }
    }
    problems
}
