//! What a tree says about itself: `metadata.md` (the product's title and
//! description), read beside its `help/` folder or at the top of the
//! locale's folder. Its front matter repeats keys in real repositories,
//! which YAML refuses, so only the top-level `title:` and `description:`
//! lines are read.

use technote_content::{METADATA_FILE, SiteConfig, SourceFile};
use technote_diagnostics::Diagnostic;

/// A locale's tree description.
#[derive(Debug, Default, Clone)]
pub struct TreeMetadata {
    pub title: Option<String>,
    pub description: Option<String>,
}

/// The metadata of each locale, by locale index, and problems reading them.
pub fn read_metadata(
    files: &[SourceFile],
    locales: &[unic_langid::LanguageIdentifier],
    config: &SiteConfig,
) -> (Vec<TreeMetadata>, Vec<Diagnostic>) {
    let mut metadata = vec![TreeMetadata::default(); locales.len()];
    let mut problems = Vec::new();
    for file in files.iter().filter(|f| f.rel_path == METADATA_FILE) {
        let Some(locale) = locales.iter().position(|l| *l == file.locale) else {
            continue;
        };
        match technote_content::read_source(&file.path, &config.limits) {
            Ok(bytes) => metadata[locale] = parse(&String::from_utf8_lossy(&bytes)),
            Err(problem) => problems.push(problem),
        }
    }
    (metadata, problems)
}

fn parse(text: &str) -> TreeMetadata {
    let Some(front) = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---").map(|(front, _)| front))
    else {
        return TreeMetadata::default();
    };
    let value = |key: &str| {
        front.lines().find_map(|line| {
            let value = line.strip_prefix(key)?.strip_prefix(':')?.trim();
            let value = value.trim_matches(|c| c == '"' || c == '\'');
            (!value.is_empty()).then(|| technote_markdown::plain_text(value))
        })
    };
    TreeMetadata {
        title: value("title"),
        description: value("description"),
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn title_and_description_are_read_even_when_keys_repeat() {
        let metadata = parse(
            "---\nproduct: A\nproduct: B\ntitle: \"[!DNL Skyline] help\"\ndescription: All of it.\n  title: nested\n---\n# Metadata\n",
        );
        assert_eq!(metadata.title.as_deref(), Some("Skyline help"));
        assert_eq!(metadata.description.as_deref(), Some("All of it."));
        assert!(parse("# no front matter\n").title.is_none());
    }
}
