//! One declared check by id, for `technote verdict --check <id>`: the
//! `<page>.check.toml` files under a project's content folder, and the
//! shipped technotes' checks built in, so that administrators can script
//! them outside a project too (a project may declare its own under their ids).

use std::path::{Path, PathBuf};

use technote_rules::Check;

use crate::catalog::ReleaseCatalog;
use crate::declared::DECLARATION_SUFFIX;

/// The id of the June 2021 IMS sign-in check.
pub const IMS_2021: &str = "ims-2021";

/// The shipped technotes' checks, by id, as declared beside them.
const BUILT_IN: [(&str, &str); 2] = [
    (
        IMS_2021,
        include_str!("../../../content/en/technotes/using/ims-sign-in-update.check.toml"),
    ),
    (
        "ims-migration",
        include_str!("../../../content/en/technotes/using/ims-migration.check.toml"),
    ),
];

/// The checks built into technote, in the order `technote verdict --help`
/// lists them. Their proof is left to the tests (below), since every
/// command line builds that help.
pub fn built_in_checks() -> Vec<Check> {
    let catalog = ReleaseCatalog::built_in();
    BUILT_IN
        .iter()
        .filter_map(|(_, text)| {
            technote_rules::read_trusted_declaration(catalog.catalog(), text).ok()
        })
        .map(|read| read.check)
        .collect()
}

/// The declaration of check `id` under `content`, proven against
/// `catalog`; a declaration with mistakes is refused with them, as
/// `technote check` reports them.
pub fn find_check(catalog: &ReleaseCatalog, content: &Path, id: &str) -> Result<Check, String> {
    let mut known = Vec::new();
    let mut declarations = Vec::new();
    collect_declarations(content, &mut declarations);
    declarations.sort();
    for path in declarations {
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("{}: cannot read: {error}", path.display()))?;
        match technote_rules::read_declaration(catalog.catalog(), &text) {
            Ok(read) if read.check.id == id => return Ok(read.check),
            Ok(read) => known.push(read.check.id),
            Err(problems) if text.contains(&format!("\"{id}\"")) => {
                let lines: Vec<String> = problems
                    .iter()
                    .map(|p| format!("{}:{}:{}: {}", path.display(), p.line, p.column, p.message))
                    .collect();
                return Err(format!(
                    "the declaration of `{id}` has mistakes:\n{}",
                    lines.join("\n")
                ));
            }
            Err(_) => {}
        }
    }
    if let Some((_, text)) = BUILT_IN.iter().find(|(built_in, _)| *built_in == id) {
        return technote_rules::read_declaration(catalog.catalog(), text)
            .map(|read| read.check)
            .map_err(|_| format!("the built-in declaration of `{id}` has mistakes"));
    }
    known.extend(BUILT_IN.iter().map(|(built_in, _)| (*built_in).to_owned()));
    known.sort();
    known.dedup();
    Err(format!(
        "no check `{id}` is declared under {} (checks found: {})",
        content.display(),
        known.join(", ")
    ))
}

fn collect_declarations(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect_declarations(&path, found),
            Ok(_)
                if path
                    .to_str()
                    .is_some_and(|name| name.ends_with(DECLARATION_SUFFIX)) =>
            {
                found.push(path)
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_checks_answer_outside_a_project() {
        let nowhere = Path::new("/nonexistent/content");
        let catalog = ReleaseCatalog::built_in();
        for id in ["ims-2021", "ims-migration"] {
            assert_eq!(
                find_check(&catalog, nowhere, id).map(|check| check.id),
                Ok(id.to_owned())
            );
        }
        let ids: Vec<String> = built_in_checks()
            .into_iter()
            .map(|check| check.id)
            .collect();
        assert_eq!(ids, ["ims-2021", "ims-migration"]);
        for (id, text) in BUILT_IN {
            assert!(
                technote_rules::read_declaration(catalog.catalog(), text).is_ok(),
                "the built-in check {id} is proven"
            );
        }
        let unknown = find_check(&catalog, nowhere, "toy").unwrap_err();
        assert!(
            unknown.contains("checks found: ims-2021, ims-migration"),
            "{unknown}"
        );
    }
}
