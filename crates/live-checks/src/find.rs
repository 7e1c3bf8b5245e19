//! One declared check by id, for `technote verdict --check <id>`: the
//! `<page>.check.toml` files under a project's content folder, and the June
//! 2021 check built in, so that it answers outside a project too (a project
//! may declare its own under that id).

use std::path::{Path, PathBuf};

use technote_rules::Check;

use crate::declared::DECLARATION_SUFFIX;

/// The id of the June 2021 IMS sign-in check.
pub const IMS_2021: &str = "ims-2021";

const IMS_2021_DECLARATION: &str =
    include_str!("../../../content/en/technotes/using/ims-sign-in-update.check.toml");

/// The declaration of check `id` under `content`; a declaration with
/// mistakes is refused with them, as `technote check` reports them.
pub fn find_check(content: &Path, id: &str) -> Result<Check, String> {
    let mut known = Vec::new();
    let mut declarations = Vec::new();
    collect_declarations(content, &mut declarations);
    declarations.sort();
    for path in declarations {
        let text = std::fs::read_to_string(&path)
            .map_err(|error| format!("{}: cannot read: {error}", path.display()))?;
        match technote_rules::read_declaration(&text) {
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
    if id == IMS_2021 {
        return technote_rules::read_declaration(IMS_2021_DECLARATION)
            .map(|read| read.check)
            .map_err(|_| format!("the built-in declaration of `{id}` has mistakes"));
    }
    known.sort();
    Err(format!(
        "no check `{id}` is declared under {} (checks found: ims-2021{}{})",
        content.display(),
        if known.is_empty() { "" } else { ", " },
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
