//! Fixed guards on the front matter's text, run before serde_yaml reads it.
//!
//! serde_yaml holds every event of the document before the first value is
//! read: 8 MiB of `[1,1,…]` took 760 MB, and of brackets nested at the
//! limit 2 GB. Front matter is a title and a few lines of metadata, so its
//! size has a fixed bound far above any real one, which keeps serde_yaml's
//! memory within a few tens of megabytes; the nesting pass keeps its time
//! linear.

use std::path::Path;

use technote_diagnostics::Diagnostic;

use super::nesting::refuse_deep_nesting;

/// Largest front matter accepted, in bytes (real ones are about 1 KiB).
pub(crate) const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// Refuses front matter (`yaml`, from its opening `---` line) too large or
/// nested too deeply for serde_yaml, at the line or value where the limit
/// is crossed.
pub(crate) fn refuse_hostile_front_matter(path: &Path, yaml: &str) -> Result<(), Diagnostic> {
    // Nesting first: its message says more, and its pass is as cheap.
    refuse_deep_nesting(path, yaml)?;
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        let within = yaml
            .as_bytes()
            .get(..MAX_FRONT_MATTER_BYTES)
            .unwrap_or_default();
        let line = within.iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(Diagnostic::error(
            path,
            format!(
                "the front matter is {} bytes; front matter may have {MAX_FRONT_MATTER_BYTES}, \
                 reached on this line",
                yaml.len()
            ),
        )
        .with_code("front-matter-too-large")
        .at_line(u32::try_from(line).unwrap_or(u32::MAX))
        .with_help(
            "front matter holds the title and a few lines of metadata: move long text into \
             the page, after the closing `---`",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_past_the_limit_is_refused_at_the_line_that_crosses_it() {
        let line = "key: a value of about forty bytes, repeated\n";
        let yaml = format!("---\ntitle: T\n{}", line.repeat(2000));
        let error = refuse_hostile_front_matter(Path::new("p.md"), &yaml).expect_err("88 KB");
        let crossing = (MAX_FRONT_MATTER_BYTES - 14) / line.len() + 3;
        assert_eq!(error.line, u32::try_from(crossing).ok());
        assert!(error.message.contains(&yaml.len().to_string()), "{error}");
        let fits = format!("---\ntitle: T\n{}", line.repeat(1000));
        assert!(refuse_hostile_front_matter(Path::new("p.md"), &fits).is_ok());
    }
}
