//! Fluent localization with fallback chains down to the reference locale.
//!
//! Every UI string of the site lives in `locales/<locale>/*.ftl`. The
//! [`Localizer`] formats them for templates, the markdown crate and the
//! checker; the [`lint`] module tells translators what is missing or stale.

mod fallback_marks;
mod files;
pub mod lint;
mod localizer;
mod names;
pub mod plurals;

pub use fallback_marks::{FALLBACK_END, FALLBACK_START, has_fallback_marks, holds_fallback_marks};
pub use files::BuiltinFtl;
pub use fluent_bundle::{FluentArgs, FluentValue};
pub use localizer::{Fallbacks, Localizer, MessageError};
pub use names::{autonym, site_autonyms};
