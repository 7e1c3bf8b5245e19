//! Fluent localization with fallback chains down to the reference locale.
