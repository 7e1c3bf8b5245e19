//! Front-matter keys technote does not read. Experience League pages carry
//! many keys of their own (`solution`, `kt`, `thumbnail`…), kept as written,
//! so only a key that nearly is one technote reads is taken for a typo
//! (`titel`, `exl_id`): it is silently ignored otherwise.

use technote_content::{SiteConfig, misspelt_key};
use technote_diagnostics::Diagnostic;
use technote_site::CheckedPage;

use crate::front_lines::key_or_top;

pub fn unknown_key_problems(pages: &[CheckedPage], config: &SiteConfig) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for page in pages {
        for key in page.front.extra.keys().filter_map(|k| k.as_str()) {
            let Some(known) = misspelt_key(key) else {
                continue;
            };
            let (line, column) = key_or_top(&page.file.path, config, key);
            found.push(
                Diagnostic::warning(
                    &page.file.path,
                    format!("unknown front-matter key `{key}` is ignored; did you mean `{known}`?"),
                )
                .at(line, column)
                .with_code("front-matter-unknown-key")
                .with_help(format!("rename it `{known}:`")),
            );
        }
    }
    found
}
